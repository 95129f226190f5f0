"""Several documents in one warehouse: the bundled text, the Putuo PDF, and a second year of the
bundled department (the repaired sample with its cover year set to 2024), built with the gate on.

The Putuo values asserted here are the ones printed in the PDF (pages 10, 15, 17).
"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest
from conftest import PUTUO_ID, PUTUO_PDF, SAMPLE, SAMPLE_ID, build_project, copy_project
from synthetic.discrepancies import repaired


@pytest.fixture(scope="module")
def corpus_query(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    second_year = repaired()
    assert second_year[2].startswith("2023年度")
    second_year[2] = second_year[2].replace("2023年度", "2024年度", 1)
    next_year = root / "wuchang-shidong-2024.txt"
    next_year.write_text("\n".join(second_year), encoding="utf-8")
    project = copy_project(root / "project")
    result, warehouse = build_project(project, [SAMPLE, PUTUO_PDF, next_year])
    assert result.returncode == 0, result.stdout[-4000:]
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield lambda sql, *params: connection.execute(sql, params).fetchall()
    connection.close()


def test_putuo_headline_totals_as_printed(corpus_query):
    row, = corpus_query(
        "select expenditure_total_yuan, basic_expenditure_yuan, project_expenditure_yuan, "
        "personnel_expenditure_yuan, public_use_expenditure_yuan, income_total_yuan "
        "from marts.mart_document_summary where document_id = ?", PUTUO_ID)
    assert row == (Decimal("29400500.00"), Decimal("23369100.00"), Decimal("6031400.00"),
                   Decimal("21522600.00"), Decimal("1846500.00"), Decimal("29462500.00"))


def test_putuo_leaf_with_page_provenance(corpus_query):
    rows = corpus_query(
        "select fund_scope, total_amount_yuan, basic_amount_yuan, project_amount_yuan, source_page "
        "from marts.fct_expenditure_by_function where document_id = ? and function_code = '2010601' "
        "order by fund_scope", PUTUO_ID)
    assert rows == [("all_funds", Decimal("15118900.00"), Decimal("15035200.00"), Decimal("83700.00"), 10),
                    ("general_public_budget", Decimal("15118900.00"), Decimal("15035200.00"),
                     Decimal("83700.00"), 15)]


def test_putuo_class_208_from_its_leaves(corpus_query):
    (total,), = corpus_query(
        "select sum(total_amount_yuan) from marts.mart_spending_by_function "
        "where document_id = ? and fund_scope = 'all_funds' and class_code = '208'", PUTUO_ID)
    assert total == Decimal("3267200.00")


def test_putuo_reconciliation_results(corpus_query):
    outcomes = dict(corpus_query(
        "select outcome, count(*) from audit.fct_reconciliation_results where document_id = ? group by 1",
        PUTUO_ID))
    # the 3 more not_applicable: the performance rules, Putuo prints no self-evaluation tables;
    # the 2 failures are the narrative's misprints registered in issue 6
    assert outcomes == {"pass": 498, "not_applicable": 9, "fail": 2}
    assert set(corpus_query("select rule_id, is_registered from audit.fct_findings where document_id = ?",
                            PUTUO_ID)) == {("narrative_amount_vs_table", True), ("narrative_share_recomputed", True)}
    # 01 prints 208 as 326.71 where 03 prints 326.72: one print unit, within the tolerance of two
    # rounded values, so it passes (and is visible with its difference)
    (difference, tolerance, outcome), = corpus_query(
        "select abs(difference), tolerance, outcome from audit.fct_reconciliation_results "
        "where document_id = ? and rule_id = 'cross_form01_classes_vs_form03' and subject_code = '208'", PUTUO_ID)
    assert (difference, outcome) == (Decimal("0.01"), "pass") and difference <= tolerance   # 万元


def test_every_document_is_in_the_marts(corpus_query):
    documents = corpus_query("select document_id, source_format, fiscal_year from marts.dim_document order by 3, 2")
    assert [(d[1], d[2]) for d in documents] == [("txt", 2023), ("pdf", 2024), ("txt", 2024)]
    assert corpus_query("select fiscal_year, document_count, department_count from marts.dim_fiscal_year "
                        "order by 1") == [(2023, 1, 1), (2024, 2, 2)]


def test_the_same_department_lines_up_across_years(corpus_query):
    rows = corpus_query(
        "select fiscal_year, prior_fiscal_year, prior_document_id, expenditure_change_yuan "
        "from marts.mart_department_years where department_name = '武汉市武昌区人民政府石洞街道办事处' "
        "order by fiscal_year")
    assert rows == [(2023, None, None, None), (2024, 2023, SAMPLE_ID, Decimal("0.00"))]
    (departments,), = corpus_query("select count(*) from marts.dim_department")
    assert departments == 2
