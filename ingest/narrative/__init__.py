"""The narrative (情况说明) and the performance self-evaluation tables, as landing rows."""
from __future__ import annotations

from ..model import NarrativeClaimRow, PerformanceIndicatorRow, PerformanceTableRow
from ..source import SourceDocument
from .claims import claims_in, sentence_of, stated_reason
from .function_codes import class_names_of, match_function_code, printed_names
from .paragraphs import lines_outside, narrative_lines, paragraphs_of
from .performance import performance_tables


# What a budget's narrative is read for: its 类/款/项, 三公, 机关运行经费 and 政府采购 statements.
# Its totals and shares are of 收入总计 / 支出总计 with the year's balances in them, and its
# 执行数 of the year before: not the final accounts' measures, and not read yet.
BUDGET_SUBJECTS = ("function_item", "function_class", "three_public", "operating_cost", "procurement")


def narrative_rows(source: SourceDocument, after_line: int, function_rows: dict,
                   budget_forms: list[tuple[int, int]] | None = None) -> list[NarrativeClaimRow]:
    """Claims of the narrative part that follows line `after_line` (the end of the last form).
    function_rows: form -> the document's FunctionLineRows, to resolve 类/款/项 names.
    budget_forms: for a budget, the (first, last) lines of its forms: its narrative is every
    prose line outside them (see BUDGET_SUBJECTS)."""
    rows = []
    budget = budget_forms is not None
    names_by_form = printed_names(function_rows)
    class_names = class_names_of(names_by_form)
    lines = lines_outside(source, budget_forms) if budget else narrative_lines(source, after_line)
    for paragraph in paragraphs_of(lines):
        for claim in claims_in(paragraph, class_names, budget):
            if budget and not claim.subject.key.startswith(BUDGET_SUBJECTS):
                continue
            line = paragraph.line_at(claim.start)
            subject = claim.subject
            code = match_function_code(subject, names_by_form, claim.topic)
            figures = claim.figures
            rows.append(NarrativeClaimRow(
                document_id=source.document_id, form="narrative", source_page=line.page,
                source_line=line.number, raw_text=sentence_of(paragraph, claim),
                claim_no=len(rows) + 1, topic=claim.topic, subject_key=subject.key,
                subject_label=subject.label, class_name=subject.class_name,
                section_name=subject.section_name, item_name=subject.item_name,
                function_code=code.code, code_match=code.kind if subject.key.startswith("function_") else None,
                code_form=code.form, money_unit=claim.money_unit,
                amount=figures.get("amount"), initial_budget=figures.get("initial_budget"),
                adjusted_budget=figures.get("adjusted_budget"), actual=figures.get("actual"),
                change_amount=figures.get("change_amount"), change_percent=figures.get("change_percent"),
                change_basis=claim.change_basis if ("change_amount" in figures or "change_percent" in figures) else None,
                share_percent=figures.get("share_percent"), share_base=claim.share_base,
                completion_percent=figures.get("completion_percent"),
                quantity=figures.get("quantity"), quantity_unit=claim.quantity_unit,
                stated_reason=stated_reason(paragraph, claim)
                if {"initial_budget", "change_amount", "change_percent", "prior_amount"} & set(figures) else None,
                completion_basis=claim.completion_basis, stated_comparison=claim.stated_comparison,
                prior_amount=figures.get("prior_amount"),
            ))
    return rows


def performance_rows(source: SourceDocument, after_line: int) -> tuple[list, list]:
    tables, indicators = [], []
    lines = [line for line in source.lines if line.number > after_line]
    for table_no, table in enumerate(performance_tables(lines), start=1):
        tables.append(PerformanceTableRow(
            document_id=source.document_id, form="performance", source_page=table.title_line.page,
            source_line=table.title_line.number, raw_text=table.title_line.text,
            table_no=table_no, table_kind=table.kind, title=table.title, entity_name=table.name,
            competent_department=table.competent_department, implementing_unit=table.implementing_unit,
            category_ticked=table.ticks.get("category"), attribute_ticked=table.ticks.get("attribute"),
            type_ticked=table.ticks.get("type"),
            budget_line=table.budget_line.number if table.budget_line else None,
            budget_amount=table.budget, execution_amount=table.execution,
            execution_rate=table.execution_rate, budget_score=table.budget_score,
        ))
        for indicator_no, indicator in enumerate(table.indicators, start=1):
            indicators.append(PerformanceIndicatorRow(
                document_id=source.document_id, form="performance", source_page=indicator.line.page,
                source_line=indicator.line.number, raw_text=indicator.line.text,
                table_no=table_no, indicator_no=indicator_no, level1=indicator.level1,
                level2=indicator.level2, level3=indicator.level3, target_value=indicator.target,
                actual_value=indicator.actual, score=indicator.score,
            ))
    return tables, indicators
