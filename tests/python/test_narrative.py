"""Narrative claims and self-evaluation tables read from the two bundled documents.

Values are the documents' own: the 2023 Wuchang text extraction and the 2024 Putuo PDF, whose
narrative figures are set in another font on a lower baseline (the PDF reader puts them back
on their line).
"""
from decimal import Decimal

import pytest

from conftest import PUTUO_PDF
from ingest.corpus import read_document
from ingest.parse import parse_document


@pytest.fixture(scope="module")
def putuo():
    return parse_document(read_document(PUTUO_PDF))


def _claims(parsed, **where):
    return [row for row in parsed.rows["raw_narrative_claims"]
            if all(getattr(row, key) == value for key, value in where.items())]


def test_year_on_year_claim_with_its_figures(parsed_sample):
    claim, = _claims(parsed_sample, subject_key="grand_total")
    assert (claim.amount, claim.change_amount, claim.change_percent, claim.change_basis) == (
        Decimal("959.84"), Decimal("-194.92"), Decimal("-17"), "prior_year")
    assert claim.amount - claim.change_amount == Decimal("1154.76")   # the prior year it implies
    assert (claim.source_line, claim.topic, claim.money_unit) == (431, "overall", "万元")
    assert claim.raw_text.startswith("2023年度收、支总计959.84万元")


def test_item_budget_execution_resolves_its_code(parsed_sample):
    claim, = _claims(parsed_sample, function_code="2010301")
    assert (claim.initial_budget, claim.actual, claim.completion_percent) == (
        Decimal("57.15"), Decimal("55.11"), Decimal("96.4"))
    assert (claim.class_name, claim.section_name, claim.item_name, claim.code_match, claim.code_form) == (
        "一般公共服务支出", "政府办公厅(室)及相关机构事务", "行政运行", "exact", "05")
    assert claim.stated_reason.startswith("坚持贯彻“过紧日子”思想")


def test_names_that_differ_resolve_partially_and_missing_05_codes_come_from_03(parsed_sample):
    by_line = {row.source_line: row for row in _claims(parsed_sample, subject_key="function_item")}
    assert (by_line[508].function_code, by_line[508].code_match) == ("2013299", "partial")   # 项 misnamed
    assert (by_line[546].function_code, by_line[546].code_match, by_line[546].code_form) == (
        "2240108", "partial", "03")                                                            # 应急管理事
    assert (by_line[542].function_code, by_line[542].code_form) == ("2210202", "03")       # 05 is truncated
    assert len(by_line) == 26


def test_a_number_broken_across_lines_is_read_whole(parsed_sample):
    claim, = _claims(parsed_sample, function_code="2013699")
    assert claim.actual == Decimal("5.15")      # printed '5.1' / blank line / '5万元'


def test_a_figure_in_another_unit_starts_its_own_claim(parsed_sample):
    amount, change = _claims(parsed_sample, subject_key="general_budget_income")
    assert (amount.amount, amount.money_unit) == (Decimal("959.84"), "元")
    assert (change.change_amount, change.money_unit) == (Decimal("-194.92"), "万元")


def test_three_public_operating_cost_and_performance_claims(parsed_sample):
    three_public, = _claims(parsed_sample, subject_key="three_public_total")
    assert (three_public.initial_budget, three_public.actual, three_public.completion_percent) == (
        Decimal("3"), Decimal("2.37"), Decimal("79"))
    operating, = _claims(parsed_sample, subject_key="operating_cost")
    assert (operating.amount, operating.change_amount, operating.change_basis) == (
        Decimal("7.06"), Decimal("-1.93"), "budget")
    department = _claims(parsed_sample, subject_key="department_total")[0]
    assert (department.initial_budget, department.adjusted_budget, department.actual) == (
        Decimal("680.43"), Decimal("959.84"), Decimal("959.84"))
    projects = {row.subject_label: row for row in _claims(parsed_sample, subject_key="project")}
    # 24 projects in prose; 疫情防控工作经费 (item 21) gives no figures
    assert len(projects) == 23 and projects["环卫工作补助经费"].actual == Decimal("182.32")


def test_performance_tables_land_with_budget_ticks_and_indicators(parsed_sample):
    tables = parsed_sample.rows["raw_performance_tables"]
    assert [t.table_kind for t in tables].count("project") == 26
    department = tables[0]
    assert (department.table_kind, department.entity_name, department.budget_amount, department.execution_amount,
            department.execution_rate) == ("department", "石洞街道办事处", Decimal("583.96"), Decimal("959.84"),
                                           Decimal("164.37"))
    sanitation = next(t for t in tables if t.entity_name == "环卫工作补助经费")
    assert (sanitation.budget_amount, sanitation.execution_amount, sanitation.budget_line) == (
        Decimal("183.32"), Decimal("183.32"), 1600)
    epidemic = next(t for t in tables if t.entity_name == "疫情防控工作经费")
    assert (epidemic.category_ticked, epidemic.attribute_ticked, epidemic.type_ticked, epidemic.budget_score) == (
        "区级专项", "新增性项目", "一次性项目", Decimal("20"))


def test_indicator_rows_with_levels_carried_down_and_scores(parsed_sample):
    tables = {t.table_no: t.entity_name for t in parsed_sample.rows["raw_performance_tables"]}
    indicators = parsed_sample.rows["raw_performance_indicators"]
    deputies = [i for i in indicators if tables[i.table_no] == "人大代表工作经费"]
    assert [(i.level1, i.level2, i.level3, i.target_value, i.actual_value) for i in deputies[:2]] == [
        ("产出指标", "数量指标", "建设运营社区代表联络站", "2", "2"),
        ("产出指标", "数量指标", "人大代表接访", "3次", "3次")]
    assert deputies[-1].level1 == "满意度指标" and len(deputies) == 7
    library = [i for i in indicators if tables[i.table_no] == "公共图书馆、美术馆、文化宫免费开放中央补助"]
    assert [i.score for i in library] == [Decimal(s) for s in ("10", "10", "10", "10", "30", "10")]


def test_putuo_pdf_figures_are_put_back_in_their_sentences(putuo):
    claim, = _claims(putuo, subject_key="grand_total")
    assert (claim.amount, claim.change_amount, claim.change_percent, claim.source_page) == (
        Decimal("2995.39"), Decimal("-56.95"), Decimal("-1.87"), 21)
    commission, = _claims(putuo, function_code="2010608")     # '支出决算为' / '449.52万元' across lines
    assert (commission.initial_budget, commission.actual, commission.source_page) == (
        Decimal("450.52"), Decimal("449.52"), 22)
    housing, = _claims(putuo, function_code="221")
    assert (housing.amount, housing.share_percent) == (Decimal("445.69"), Decimal("15.16"))
    operating, = _claims(putuo, subject_key="operating_cost")
    assert (operating.amount, operating.change_amount, operating.change_percent) == (
        Decimal("184.65"), Decimal("2.55"), Decimal("1.40"))
    assert len(_claims(putuo, subject_key="function_item")) == 11
    assert putuo.rows["raw_performance_tables"] == []
