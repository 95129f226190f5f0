"""What the checkpoint expects of the warehouse: one suite per query.

Amounts reach pandas as floats, so sums and differences are computed exactly in SQL (DECIMAL)
and GX judges the result columns. Each suite names the SQL it validates.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import great_expectations as gx
from great_expectations.expectations.row_conditions import Column

E = gx.expectations
FUNCTION_CODE = r"^2\d{2}(?:\d{2}){0,2}$"
ECONOMIC_CODE = r"^3\d{2}(?:\d{2})?$"


@dataclass
class Suite:
    name: str
    sql: str
    expectations: list = field(default_factory=list)


def build_suites() -> list[Suite]:
    """Fresh expectation objects each call: GX binds an expectation to one suite.

    Only what dbt's own tests cannot say without packages (no dbt Hub here): code patterns,
    value ranges, conditional expectations and counts across marts. Keys, accepted values,
    relationships and the roll-ups (rules, gated per rule on fct_findings) are dbt tests."""
    return [
        Suite(
            "fct_expenditure_by_function",
            "select * from marts.fct_expenditure_by_function",
            [E.ExpectColumnValuesToMatchRegex(column="function_code", regex=FUNCTION_CODE),
             E.ExpectColumnValuesToBeBetween(column="total_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="basic_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="project_amount_yuan", min_value=0)],
        ),
        Suite(
            "fct_income_by_function",
            "select * from marts.fct_income_by_function",
            [E.ExpectColumnValuesToMatchRegex(column="function_code", regex=FUNCTION_CODE),
             E.ExpectColumnValuesToBeBetween(column="amount_yuan", min_value=0)],
        ),
        Suite(
            "fct_basic_expenditure_by_economic_item",
            "select * from marts.fct_basic_expenditure_by_economic_item",
            [E.ExpectColumnValuesToMatchRegex(column="economic_code", regex=ECONOMIC_CODE),
             E.ExpectColumnValuesToBeBetween(column="amount_yuan", min_value=0)],
        ),
        Suite(
            "fct_three_public_expenses",
            "select * from marts.fct_three_public_expenses",
            [E.ExpectColumnValuesToBeBetween(column="budget_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="actual_amount_yuan", min_value=0)],
        ),
        Suite(
            "documents_have_rows",
            # documents read (landed / partial): a form read lands its rows. Templates and failed
            # documents are records without rows (their status says why).
            """select documents.document_id, documents.status, documents.form_count,
                      regexp_matches(documents.forms_found, '03|05') as prints_expenditure,
                      contains(documents.forms_found, '01') or contains(documents.forms_found, '04')
                          as prints_summary,
                      (select count(*) from marts.fct_expenditure_by_function as facts
                       where facts.document_id = documents.document_id) as expenditure_rows,
                      (select count(*) from marts.fct_budget_summary as lines
                       where lines.document_id = documents.document_id) as summary_rows
               from marts.dim_document as documents""",
            [E.ExpectTableRowCountToBeBetween(min_value=1),
             E.ExpectColumnValuesToBeBetween(column="form_count", min_value=1, max_value=9,
                                             row_condition=Column("status").is_in(["landed", "partial"])),
             E.ExpectColumnValuesToBeBetween(column="expenditure_rows", min_value=1,
                                             row_condition=Column("prints_expenditure") == True),
             E.ExpectColumnValuesToBeBetween(column="summary_rows", min_value=1,
                                             row_condition=Column("prints_summary") == True)],
        ),
        Suite(
            "fct_reconciliation_results",
            "select * from audit.fct_reconciliation_results",
            [E.ExpectColumnValuesToBeBetween(column="tolerance", min_value=0)],
        ),
        Suite(
            "fct_findings",
            "select * from audit.fct_findings",
            [E.ExpectColumnValuesToNotBeNull(column="registered_reason",
                                             row_condition=Column("is_registered") == True)],
        ),
    ]
