"""Every budget and final-accounts disclosure the project carries, in one warehouse, as a user's
folder brings them: the bundled sample (Wuchang and Putuo final accounts, 西南大学 2023 final
accounts and budget) and the budgets of tests/fixtures/budgets (上海市普陀区 2024-2026 department
and unit budgets, 江苏省 2017-2019 in one file or in two, 西南大学 2024). Built once, with the gate
on warn as an exploratory load: each lands (landed or partial, never failed), and the
documents of a department meet across kinds and years. The findings are the warehouse's
(audit.fct_findings); the dbt tests and the gate run on the bundled sample elsewhere.

Values are the ones printed: 西南大学 2023 budget page 9 and final accounts pages 12-13, 2024
budget page 10.
"""
from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest
from conftest import PROJECT_DIR, copy_project

from ingest.corpus import documents_under, ingest_corpus
from ingest.landing_zone import landing_zone
from ingest.warehouse import run_dbt
from ingest.warehouse_report import summarise

BUDGETS = PROJECT_DIR / "tests" / "fixtures" / "budgets"
BUNDLED = PROJECT_DIR / "data" / "documents"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("budgets")
    project = copy_project(root / "project")
    zone = landing_zone("seeds", project / "seeds" / "landing")
    outcomes = ingest_corpus(documents_under([BUNDLED, BUDGETS]), zone, jobs=1)
    warehouse = root / "warehouse.duckdb"
    # the models only: the dbt tests and the gate run on the bundled sample (test_warehouse, test_gate)
    result = run_dbt(["build", "--vars", "{findings_gate_severity: warn}", "--target-path", str(project / "target"),
                      "--exclude", "resource_type:test", "resource_type:unit_test"], project, warehouse, capture=True)
    assert result.returncode == 0, result.stdout[-4000:]
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield (lambda sql, *params: connection.execute(sql, params).fetchall()), warehouse, outcomes
    connection.close()


@pytest.fixture(scope="module")
def query(corpus):
    return corpus[0]


def test_every_disclosure_lands_with_its_kind(query):
    documents = dict((file, (status, kind)) for file, status, kind in query(
        "select source_file, status, document_kind from marts.dim_document"))
    assert len(documents) == 16
    assert {status for status, _ in documents.values()} <= {"landed", "partial"}
    kinds = [kind for _, kind in documents.values()]
    assert (kinds.count("final_accounts"), kinds.count("department_budget"), kinds.count("unit_budget")) == (3, 12, 1)
    # the Putuo department budgets read every form
    for file in ("shanghai-putuo-justice-2026-budget.pdf", "shanghai-putuo-commerce-2025-budget.pdf",
                 "shanghai-putuo-district-office-2025-budget.pdf"):
        assert documents[file] == ("landed", "department_budget")
    assert documents["shanghai-putuo-district-office-2025-unit-budget.pdf"] == ("landed", "unit_budget")


def test_summary_shows_the_documents_by_kind(corpus):
    _, warehouse, _ = corpus
    summary = summarise(warehouse)
    assert ("Documents by kind: Department budgets (部门预算) 12, Final accounts (决算) 3, Unit budgets (单位预算) 1"
            in summary)
    assert "\nUnit budgets (单位预算):\n  landed   " in summary


def test_one_disclosure_in_two_files_is_one_department(query):
    """江苏省委办公厅 2019: the text file's cover and the tables file's 部门： meet through the alias seed."""
    rows = query("select department_name, region, printed_names, document_count from marts.dim_department "
                 "where department_name like '%江苏省委办公厅'")
    assert rows == [("中共江苏省委办公厅", "江苏省", "中共江苏省委办公厅 / 江苏省委办公厅", 2)]


def test_budget_meets_final_accounts(query):
    rows = query(
        "select function_code, pairing, published_budget_yuan, actual_yuan, execution_rate "
        "from marts.mart_budget_vs_actual where department_name = '西南大学' and fiscal_year = 2023 "
        "and fund_scope = 'all_funds' and function_code in ('2050205', '2060204', '2210203') order by 1")
    assert rows == [
        ("2050205", "budget_and_final_accounts", Decimal("3963935900.00"), Decimal("3896068700.00"), Decimal("0.9829")),
        ("2060204", "budget_and_final_accounts", Decimal("19730000.00"), Decimal("17079300.00"), Decimal("0.8657")),
        ("2210203", "budget_and_final_accounts", Decimal("8616300.00"), Decimal("8778300.00"), Decimal("1.0188")),
    ]
    totals = query("select sum(published_budget_yuan), sum(actual_yuan) from marts.mart_budget_vs_actual "
                   "where department_name = '西南大学' and fiscal_year = 2023 and fund_scope = 'all_funds'")
    assert totals == [(Decimal("4687790700.00"), Decimal("4576767500.00"))]     # 支出合计 468,779.07 / 457,676.75 万元


def test_a_budget_is_compared_with_the_year_before(query):
    (budget, prior, change, pairing), = query(
        "select published_budget_yuan, prior_year_budget_yuan, budget_change_yuan, pairing "
        "from marts.mart_budget_vs_actual where department_name = '西南大学' and fiscal_year = 2024 "
        "and fund_scope = 'all_funds' and function_code = '2050205'")
    assert pairing == "budget_only" and prior == Decimal("3963935900.00") and change == budget - prior


def test_budget_narratives_are_held_against_their_tables(query):
    """上海市普陀区司法局 2026 (编制说明, pages 8-9) and 万里街道 2024 (page 9): the 项 statements
    '2025年当年预算执行数为A万元，2026年预算安排B万元，比2025年预算执行数增加P%' recomputed and held
    against the 05 table. The publisher's own review of the justice bureau's disclosure (a
    checklist shipped with it) names the first three; the others are there to see on the page."""
    findings = set(query(
        "select documents.source_file, findings.rule_id, findings.subject_code, findings.source_line "
        "from audit.fct_findings as findings join marts.dim_document as documents using (document_id) "
        "where documents.document_kind <> 'final_accounts' and not findings.is_registered"))
    assert findings == {
        # 其他司法支出: 3845.49 against 43269.3 executed cannot be 增加17.62%
        ("shanghai-putuo-justice-2026-budget.pdf", "narrative_change_arithmetic", "function_item", 97),
        # 住房公积金 208.8万元 in the heading and the table, 预算安排201.50万元 in the sentence
        ("shanghai-putuo-justice-2026-budget.pdf", "narrative_amount_vs_table", "2210201", 112),
        # 医疗卫生与计划生育支出（210类）: the table's 类 is 卫生健康支出
        ("shanghai-putuo-justice-2026-budget.pdf", "narrative_names_vs_table", "2101101", 109),
        # 职业年金 91.97 against 77.99 is 17.93%, printed 17.66% (the line above's rate)
        ("shanghai-putuo-justice-2026-budget.pdf", "narrative_change_arithmetic", "function_item", 104),
        # 住房公积金 350.35万元 in the heading and the table, 预算安排352.67万元 in the sentence
        ("shanghai-putuo-wanli-subdistrict-2024-budget.pdf", "narrative_amount_vs_table", "2210201", 146),
        # 住房保障 增加878.93万元 on 3015.16 is 29.15%, printed 增长30%
        ("jiangsu-prov-partycommittee-office-2019-budget-text.pdf", "narrative_change_arithmetic",
         "function_class", 128),
    }
