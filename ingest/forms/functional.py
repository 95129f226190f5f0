"""Forms 02, 03, 05, 07, 08: one row per functional code (类/款/项) plus the 合计 row."""
from __future__ import annotations

from ..codes import function_code
from ..model import FUNCTION_FORM_MEASURES, FormRow, FunctionLineRow
from ..source import SourceDocument, SourceLine
from .common import AmountReader, error, form_row
from .header import classify_label, column_labels, split_header_and_body
from .sections import FormSection

_TOTAL = r"合计|小计|总计"
# Header words -> measure, first match wins; order matters where words nest.
MEASURE_RULES: dict[str, list[tuple[str, str]]] = {
    "02": [("财政拨款", "fiscal_appropriation"), ("上级补助", "superior_subsidy"), ("事业收入", "business"),
           ("经营收入", "operating"), ("附属单位", "affiliated_remittance"), ("其他收入", "other"),
           (_TOTAL, "total")],
    "03": [("基本支出", "basic"), ("项目支出", "project"), ("上缴上级", "remittance_to_superior"),
           ("经营支出", "operating"), ("附属单位", "subsidy_to_affiliates"), (_TOTAL, "total")],
    "05": [("基本支出", "basic"), ("项目支出", "project"), (_TOTAL + "|本年支出", "total")],
    "07": [("年初", "opening_balance"), ("年末", "closing_balance"), ("本年收入", "income"),
           ("基本支出", "expenditure_basic"), ("项目支出", "expenditure_project"),
           (_TOTAL + "|本年支出", "expenditure_total")],
    "08": [("年初", "opening_balance"), ("年末", "closing_balance"), ("本年收入", "income"),
           ("基本支出", "basic"), ("项目支出", "project"), (_TOTAL + "|本年支出", "total")],
}
_TOTAL_LABELS = {"合计", "总计"}


def _row_key(line: SourceLine) -> tuple[str, str | None]:
    """('total', None) for the 合计 row, ('code', '2010301') for a code row, else ('', None)."""
    for cell in line.cells[:2]:
        text = cell.replace(" ", "")
        if text in _TOTAL_LABELS:
            return "total", None
        code = function_code(text)
        if code:
            return "code", code
    return "", None


def _is_data_row(line: SourceLine) -> bool:
    return _row_key(line)[0] != ""


def parse_function_form(document: SourceDocument, section: FormSection) -> tuple[FormRow, list[FunctionLineRow]]:
    rows = section.table_lines()
    header, body = split_header_and_body(rows, _is_data_row)
    if not header:
        raise error(document, section, None, "table header not found under the title")
    labels = column_labels(header)
    code_col = next((i for i, label in sorted(labels.items()) if "代码" in label or "编码" in label), 0)
    name_col = next((i for i, label in sorted(labels.items()) if i > code_col and "名称" in label), code_col + 1)

    measure_cols: dict[int, str] = {}
    for index, label in sorted(labels.items()):
        if index <= name_col:
            continue
        measure = classify_label(label, MEASURE_RULES[section.form])
        if measure is None or measure in measure_cols.values():
            raise error(document, section, header[-1],
                        f"column {index + 1} header {label!r} is not a known or is a repeated measure",
                        hint="add the header variant to MEASURE_RULES in ingest/forms/functional.py")
        measure_cols[index] = measure
    if "total" not in measure_cols.values() and section.form != "07":
        raise error(document, section, header[-1], "no total (合计) column in the header")

    amounts = AmountReader(document, section)
    landed: list[FunctionLineRow] = []
    for line in body:
        kind, code = _row_key(line)
        if not kind:
            if not any(line.cells):
                continue
            raise error(document, section, line, f"row is neither 合计 nor a functional code: {line.text!r}",
                        hint="a wrapped name or a misprinted code; fix the source")
        name = None if kind == "total" else (line.cell(name_col) or None)
        measures = {measure: amounts.read(line, index) for index, measure in measure_cols.items()}
        for measure in FUNCTION_FORM_MEASURES[section.form]:
            measures.setdefault(measure, None)
        landed.append(FunctionLineRow(document.document_id, section.form, line.page, line.number, line.text,
                                      row_kind=kind, function_code=code, function_name=name,
                                      measures=measures))
    if not landed:
        raise error(document, section, rows[-1] if rows else None, "table has no 合计 row and no code rows",
                    hint="the table may be truncated")
    return form_row(document, section, amounts, len(landed)), landed
