"""The warehouse built from the bundled sample reproduces the Wuchang document's printed values and
findings (the `query` fixture sees that document's rows)."""
from decimal import Decimal

import duckdb

from conftest import SAMPLE_ID

EXPECTED_FINDINGS = {
    ("codes_form02_in_form03", "02|2010106|codes_form02_in_form03"),
    ("header_department_matches_cover", "02|department|header_department_matches_cover"),
    ("cross_form01_classes_vs_form03", "01|224|cross_form01_classes_vs_form03"),
    ("identity_form01_expenditure_lines", "01|expenditure|identity_form01_expenditure_lines"),
    ("cross_form04_classes_vs_form05", "04|224|cross_form04_classes_vs_form05"),
    ("hierarchy_form05", "05|22102|total"),
    ("hierarchy_form05", "05|22102|basic"),
    ("hierarchy_form05", "05|total|total"),
    ("hierarchy_form05", "05|total|project"),
    # narrative and performance tables (issue 6)
    ("narrative_amount_vs_table", "narrative|462|general_budget_income|amount"),
    ("narrative_names_vs_table", "narrative|508|function_item:2013299|names"),
    ("narrative_names_vs_table", "narrative|546|function_item:2240108|names"),
    ("narrative_same_quantity", "same|general_budget_initial_budget|narrative performance|606"),
    ("narrative_same_quantity", "same|general_budget_initial_budget|department table|1140"),
    ("narrative_same_quantity", "same|project 环卫工作补助经费 actual|project table|1600"),
    ("narrative_same_quantity", "same|project 环卫工作补助经费 initial_budget|project table|1600"),
    ("narrative_share_recomputed", "narrative|482|function_class:208|share"),
    ("narrative_three_public_vs_form09", "narrative|566|three_public_total|initial_budget"),
    ("performance_projects_vs_project_expenditure", "performance|projects|project_expenditure"),
    # the document against itself (issue 14): 纳入本部门2022年度部门决算编制范围 in the 2023 accounts
    ("metadata_year_matches_document", "document|fiscal_year|76|metadata_year_matches_document"),
}


def test_expenditure_leaves_add_up_to_the_printed_totals(query):
    (total, basic, project), = query(
        "select sum(total_amount_yuan), sum(basic_amount_yuan), sum(project_amount_yuan) "
        "from marts.fct_expenditure_by_function where fund_scope = 'all_funds'")
    assert (total, basic, project) == (Decimal("9598400.00"), Decimal("869900.00"), Decimal("8728500.00"))


def test_leaf_values_and_provenance(query):
    rows = query("select function_code, basic_amount_yuan, total_amount_yuan, total_amount_printed, unit, "
                 "source_line from marts.fct_expenditure_by_function where fund_scope = 'all_funds' "
                 "and function_code in ('2010301', '2100410') order by 1")
    assert rows == [("2010301", Decimal("551100.00"), Decimal("551100.00"), Decimal("55.11"), "万元", 202),
                    ("2100410", None, Decimal("2815000.00"), Decimal("281.5"), "万元", 229)]


def test_general_budget_scope_is_the_truncated_form05_as_printed(query):
    (total,), = query("select sum(total_amount_yuan) from marts.fct_expenditure_by_function "
                      "where fund_scope = 'general_public_budget'")
    assert total == Decimal("9571200.00")       # 959.84 - 0.36 (224 missing) - 2.36 (2210202/3 missing)


def test_economic_items_and_printed_category_totals(query):
    assert query("select amount_yuan, expense_category from marts.fct_basic_expenditure_by_economic_item "
                 "where economic_code = '30231'") == [(Decimal("23700.00"), "public_use")]
    (summary,) = query("select basic_expenditure_yuan, project_expenditure_yuan, personnel_expenditure_yuan, "
                       "public_use_expenditure_yuan, three_public_actual_yuan from marts.mart_document_summary")
    assert summary == (Decimal("869900.00"), Decimal("8728500.00"), Decimal("799300.00"),
                       Decimal("70600.00"), Decimal("23700.00"))
    # leaves are not the printed total: 301's items sum to 70.89 against a printed 70.9
    assert query("select sum(amount_yuan) from marts.fct_basic_expenditure_by_economic_item "
                 "where expense_category = 'personnel'") == [(Decimal("799200.00"),)]


def test_three_public_expenses(query):
    rows = query("select component, budget_amount_yuan, actual_amount_yuan from marts.fct_three_public_expenses "
                 "order by component")
    assert rows == [("overseas_travel", None, None), ("reception", None, None),
                    ("vehicle_operation", Decimal("23700.00"), Decimal("23700.00")),
                    ("vehicle_purchase", None, None)]


def test_blank_income_cells_stay_null(query):
    rows = query("select income_source, amount_yuan from marts.fct_income_by_function "
                 "where function_code = '2010301' order by income_source")
    assert dict(rows) == {"affiliated_remittance": None, "business": None, "fiscal_appropriation": Decimal("551100.00"),
                          "operating": None, "other": None, "superior_subsidy": None}


def test_dimensions(query):
    assert query("select count(*) from marts.dim_function_classification where code_level = 'class'") == [(26,)]
    assert query("select function_name, parent_code, class_name, section_name from marts.dim_function_classification "
                 "where function_code = '2010301'") == [("行政运行", "20103", "一般公共服务支出",
                                                         "政府办公厅（室）及相关机构事务")]
    assert query("select economic_name, expense_category from marts.dim_economic_classification "
                 "where economic_code in ('30106', '31013') order by 1") == [
        ("伙食补助费", "personnel"), ("公务用车购置", "public_use")]
    assert query("select department_name, fiscal_year, forms_found from marts.dim_document") == [
        ("武汉市武昌区人民政府石洞街道办事处", 2023, "01,02,03,04,05,06,07,08,09")]


def test_bi_mart_names_every_level_and_shares(query):
    rows = query("select class_name, section_name, function_name, share_of_total from marts.mart_spending_by_function "
                 "where fund_scope = 'all_funds' and function_code = '2100410'")
    assert rows == [("卫生健康支出", "公共卫生", "突发公共卫生事件应急处理", Decimal("0.293278"))]
    assert query("select sum(share_of_total) between 0.9999 and 1.0001 from marts.mart_spending_by_function "
                 "where fund_scope = 'all_funds'") == [(True,)]


def test_every_named_discrepancy_is_found_and_registered(query):
    findings = query("select rule_id, check_key, is_registered from audit.fct_findings where document_id = ?",
                     SAMPLE_ID)
    assert {(rule, key) for rule, key, _ in findings} == EXPECTED_FINDINGS
    assert all(registered for *_, registered in findings)


def test_finding_figures(query):
    rows = query("select check_key, expected_amount, actual_amount, difference, tolerance, source_line "
                 "from audit.fct_findings where rule_id = 'hierarchy_form05' order by check_key")
    assert rows[0] == ("05|22102|basic", Decimal("9.02"), Decimal("6.66"), Decimal("-2.36"), Decimal("0.01"), 353)
    assert rows[-1] == ("05|total|total", Decimal("959.84"), Decimal("959.48"), Decimal("-0.36"),
                        Decimal("0.035"), 308)


def test_within_tolerance_is_a_pass_not_a_finding(query):
    # 06: 302's printed items sum to 7.08 against 7.06 printed; 14 items allow (14 + 1) x 0.005
    assert query("select outcome, difference, tolerance from audit.fct_reconciliation_results "
                 "where check_key = '06|302|amount'") == [("pass", Decimal("0.02"), Decimal("0.075"))]


def test_empty_forms_make_their_rules_not_applicable_not_a_pass(query):
    rows = query("select rule_id, outcome, detail from audit.fct_reconciliation_results "
                 "where form in ('07', '08') and rule_id not in ('header_department_matches_cover', 'structure_form_units_agree', "
                 "'structure_forms_present') order by rule_id")
    assert [(rule, outcome) for rule, outcome, _ in rows] == [
        ("hierarchy_form07", "not_applicable"), ("hierarchy_form08", "not_applicable"),
        ("identity_form07_expenditure_columns", "not_applicable"), ("identity_form08_total_columns", "not_applicable")]
    assert all("printed without amounts: 说明：我部门没有" in detail for *_, detail in rows)
    # issue 17 added a check of each of 06's 81 codes against the economic classes and of 8 units
    assert query("select outcome, count(*) from audit.fct_reconciliation_results group by 1 order by 1") == [
        ("fail", 20), ("not_applicable", 6), ("pass", 985 + 81 + 8)]


def test_narrative_checks_of_the_issue(query):
    def outcome(rule, key):
        return query("select outcome, expected_amount, actual_amount from audit.fct_reconciliation_results "
                     "where rule_id = ? and check_key = ?", rule, key)[0]
    stated, computed = outcome("narrative_change_arithmetic", "narrative|431|grand_total|change")[1:]
    assert stated == Decimal("-17") and abs(computed - Decimal("-16.8797")) < Decimal("0.0001")  # -194.92 / 1,154.76
    assert outcome("narrative_completion_rate", "narrative|494|function_item:2010301|completion")[0] == "pass"
    assert outcome("narrative_amount_vs_table", "narrative|494|function_item:2010301|actual") == (
        "pass", Decimal("55.11"), Decimal("55.11"))
    assert outcome("narrative_operating_cost_vs_form06", "narrative|588|operating_cost|amount") == (
        "pass", Decimal("7.06"), Decimal("7.06"))
    assert outcome("narrative_amount_vs_table", "narrative|538|function_item:2120501|actual") == (
        "pass", Decimal("182.32"), Decimal("182.32"))


def test_budget_execution_and_project_marts(query):
    assert query("select initial_budget, actual, stated_completion_percent, computed_completion_percent, "
                 "table_actual, source_line from marts.fct_budget_execution where function_code = '2010301'") == [
        (Decimal("57.15"), Decimal("55.11"), Decimal("96.4"), Decimal("96.43"), Decimal("55.11"), 494)]
    assert query("select count(*), count(narrative_execution), sum(indicator_count) "
                 "from marts.fct_project_performance where table_kind = 'project'") == [(26, 16, 189)]
    assert query("select budget_amount, execution_amount, narrative_execution from marts.fct_project_performance "
                 "where project_name = '环卫工作补助经费'") == [(Decimal("183.32"), Decimal("183.32"),
                                                             Decimal("182.32"))]
    assert query("select prior_amount from marts.fct_narrative_claims where subject_key = 'grand_total'") == [
        (Decimal("1154.76"),)]


def test_every_mart_table_and_column_carries_its_description(sample_warehouse):
    """Issue 18: duckdb_columns().comment was NULL for every column, so a BI tool showed no
    description, and not the warning that a scope of money is part of another."""
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        tables = con.execute("select count(*), count(comment) from duckdb_tables() "
                             "where schema_name in ('marts', 'audit')").fetchone()
        columns = con.execute("select count(*), count(comment) from duckdb_columns() "
                              "where schema_name in ('marts', 'audit')").fetchone()
        (scope,), = con.execute("select comment from duckdb_columns() where table_name = 'mart_spending_by_function' "
                                "and column_name = 'fund_scope'").fetchall()
    assert tables[0] > 20 and tables[0] == tables[1]
    assert columns[0] > 300 and columns[0] == columns[1]
    assert "Never add the two scopes" in scope


def test_the_glossary_names_every_mart_column_in_chinese_and_describes_it(sample_warehouse):
    """Issue 18: a bilingual glossary BI tools can join."""
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        columns = set(con.execute("select schema_name, table_name, column_name from duckdb_columns() "
                                  "where schema_name in ('marts', 'audit') "
                                  # the glossary itself, and MetricFlow's time spine (no BI table)
                                  "and table_name not in ('mart_glossary', 'time_spine_daily')").fetchall())
        glossary = con.execute("select schema_name, table_name, column_name, name_zh, description "
                               "from marts.mart_glossary").fetchall()
    assert {row[:3] for row in glossary} == columns
    named = {(table, column): (name, description) for _, table, column, name, description in glossary}
    assert named[("mart_spending_by_function", "fund_scope")][0] == "资金范围"
    assert "Never add the two scopes" in named[("mart_spending_by_function", "fund_scope")][1]
    assert all(name and description for name, description in named.values())


def test_the_marts_refuse_a_null_where_their_contract_says_not_null(sample_warehouse):
    """The not-null columns of the marts are contract constraints, not dbt test nodes (issue 19:
    48 nodes fewer on every build): DuckDB enforces each on every insert, incremental ones too."""
    import json

    manifest = json.loads((sample_warehouse.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    declared = {(node["schema"], node["name"], column["name"])
                for node in manifest["nodes"].values() if node["resource_type"] == "model"
                for column in node["columns"].values()
                if any(constraint["type"] == "not_null" for constraint in column.get("constraints", []))}
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        enforced = {(schema, table, columns[0]) for schema, table, columns in con.execute(
            "select schema_name, table_name, constraint_column_names from duckdb_constraints() "
            "where constraint_type = 'NOT NULL' and schema_name in ('marts', 'audit')").fetchall()}
    assert len(declared) > 40 and ("marts", "dim_document", "document_id") in declared
    assert declared == enforced
