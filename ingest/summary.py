"""The end-of-run summary: documents, rows per mart, findings, and where the warehouse is."""
from __future__ import annotations

from pathlib import Path

import duckdb

MARTS = ["dim_document", "dim_department", "dim_fiscal_year", "dim_function_classification", "dim_economic_classification",
         "fct_expenditure_by_function", "fct_income_by_function", "fct_basic_expenditure_by_economic_item",
         "fct_three_public_expenses", "fct_budget_summary", "fct_narrative_claims", "fct_budget_execution",
         "fct_project_performance", "fct_performance_indicators", "mart_spending_by_function",
         "mart_spending_by_economic_item", "mart_document_summary", "mart_department_years",
         "fct_reconciliation_results", "fct_findings", "mart_reconciliation_summary"]
AUDIT_MARTS = {"fct_reconciliation_results", "fct_findings", "mart_reconciliation_summary"}


def summarise(warehouse: Path) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        lines = [f"Warehouse: {warehouse.resolve()}"]
        for document_id, department, year, forms, checks, findings, unregistered in con.execute(
                "select document_id, department_name, fiscal_year, forms_found, checks_run, findings, "
                "unregistered_findings from marts.mart_document_summary order by department_name, fiscal_year"
        ).fetchall():
            lines.append(f"  document {document_id}: {department} {year}, forms {forms}; "
                         f"{checks} checks, {findings} findings ({unregistered} unregistered)")
        lines.append("Rows per mart:")
        for mart in MARTS:
            schema = "audit" if mart in AUDIT_MARTS else "marts"
            count = con.execute(f"select count(*) from {schema}.{mart}").fetchone()[0]
            lines.append(f"  {mart:<42} {count:>7}")
        outcomes = dict(con.execute(
            "select outcome, count(*) from audit.fct_reconciliation_results group by outcome").fetchall())
        fails = outcomes.get("fail", 0)
        registered = con.execute("select count(*) from audit.fct_findings where is_registered").fetchone()[0]
        lines.append(f"Reconciliation: {sum(outcomes.values())} results: {outcomes.get('pass', 0)} pass, "
                     f"{fails} fail ({registered} registered with a reason, {fails - registered} unregistered), "
                     f"{outcomes.get('not_applicable', 0)} not applicable, "
                     f"{outcomes.get('insufficient_data', 0)} insufficient data")
    return "\n".join(lines)
