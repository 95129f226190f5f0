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


def _primary_key(keys: list[str]) -> list:
    unique = (E.ExpectCompoundColumnsToBeUnique(column_list=keys) if len(keys) > 1
              else E.ExpectColumnValuesToBeUnique(column=keys[0]))
    return [unique, *[E.ExpectColumnValuesToNotBeNull(column=key) for key in keys]]


def build_suites() -> list[Suite]:
    """Fresh expectation objects each call: GX binds an expectation to one suite."""
    return [
        Suite(
            "fct_expenditure_by_function",
            """select facts.*, documents.document_id is not null as document_known,
                      codes.function_code is not null as code_known
               from marts.fct_expenditure_by_function as facts
               left join marts.dim_document as documents using (document_id)
               left join marts.dim_function_classification as codes using (function_code)""",
            [*_primary_key(["document_id", "fund_scope", "function_code"]),
             E.ExpectColumnValuesToMatchRegex(column="function_code", regex=FUNCTION_CODE),
             E.ExpectColumnValuesToBeInSet(column="fund_scope", value_set=["all_funds", "general_public_budget"]),
             E.ExpectColumnValuesToBeInSet(column="document_known", value_set=[True]),
             E.ExpectColumnValuesToBeInSet(column="code_known", value_set=[True]),
             E.ExpectColumnValuesToBeBetween(column="total_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="basic_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="project_amount_yuan", min_value=0),
             E.ExpectColumnValuesToNotBeNull(column="source_line")],
        ),
        Suite(
            "fct_income_by_function",
            """select facts.*, codes.function_code is not null as code_known
               from marts.fct_income_by_function as facts
               left join marts.dim_function_classification as codes using (function_code)""",
            [*_primary_key(["document_id", "function_code", "income_source"]),
             E.ExpectColumnValuesToBeInSet(column="income_source", value_set=[
                 "fiscal_appropriation", "superior_subsidy", "business", "operating", "affiliated_remittance", "other"]),
             E.ExpectColumnValuesToBeInSet(column="code_known", value_set=[True]),
             E.ExpectColumnValuesToBeBetween(column="amount_yuan", min_value=0)],
        ),
        Suite(
            "fct_basic_expenditure_by_economic_item",
            """select facts.*, items.economic_code is not null as code_known
               from marts.fct_basic_expenditure_by_economic_item as facts
               left join marts.dim_economic_classification as items using (economic_code)""",
            [*_primary_key(["document_id", "economic_code"]),
             E.ExpectColumnValuesToMatchRegex(column="economic_code", regex=ECONOMIC_CODE),
             E.ExpectColumnValuesToBeInSet(column="expense_category", value_set=["personnel", "public_use"]),
             E.ExpectColumnValuesToBeInSet(column="code_known", value_set=[True]),
             E.ExpectColumnValuesToBeBetween(column="amount_yuan", min_value=0)],
        ),
        Suite(
            "fct_three_public_expenses",
            "select * from marts.fct_three_public_expenses",
            [*_primary_key(["document_id", "component"]),
             E.ExpectColumnValuesToBeInSet(column="component", value_set=[
                 "overseas_travel", "vehicle_purchase", "vehicle_operation", "reception"]),
             E.ExpectColumnValuesToBeBetween(column="budget_amount_yuan", min_value=0),
             E.ExpectColumnValuesToBeBetween(column="actual_amount_yuan", min_value=0)],
        ),
        Suite(
            # Leaves of 03 rolled up to each document's total, against the printed 03 合计, beyond
            # the print tolerance of the terms summed: computed exactly here, judged by GX.
            "expenditure_rollup_vs_printed_total",
            """with leaves as (
                   select document_id, sum(total_amount_yuan) as leaves_yuan,
                          count(total_amount_yuan) as printed_leaves
                   from marts.fct_expenditure_by_function where fund_scope = 'all_funds'
                   group by document_id),
               printed as (
                   select document_id, expenditure_total_yuan from marts.mart_document_summary
                   where expenditure_total_yuan is not null),
               registered as (
                   select distinct document_id from audit.fct_findings
                   where rule_id = 'hierarchy_form03' and is_registered)
               select printed.document_id,
                      cast(abs(coalesce(leaves.leaves_yuan, 0) - printed.expenditure_total_yuan)
                           - (coalesce(leaves.printed_leaves, 0) + 1) * precision.half_unit * precision.yuan_per_unit
                           as double) as excess_over_tolerance_yuan,
                      registered.document_id is not null as difference_registered
               from printed
               left join leaves using (document_id)
               left join registered using (document_id)
               join intermediate.int_forms__precision as precision
                 on precision.document_id = printed.document_id and precision.form = '03'""",
            [E.ExpectColumnValuesToBeBetween(column="excess_over_tolerance_yuan", max_value=0,
                                             row_condition=Column("difference_registered") == False)],
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
             E.ExpectColumnValuesToBeUnique(column="document_id"),
             E.ExpectColumnValuesToBeInSet(column="status", value_set=["landed", "partial", "template", "failed"]),
             E.ExpectColumnValuesToBeBetween(column="form_count", min_value=1, max_value=9,
                                             row_condition=Column("status").is_in(["landed", "partial"])),
             E.ExpectColumnValuesToBeBetween(column="expenditure_rows", min_value=1,
                                             row_condition=Column("prints_expenditure") == True),
             E.ExpectColumnValuesToBeBetween(column="summary_rows", min_value=1,
                                             row_condition=Column("prints_summary") == True)],
        ),
        Suite(
            "fct_reconciliation_results",
            """select results.*, rules.rule_id is not null as rule_known
               from audit.fct_reconciliation_results as results
               left join reference.rule_catalogue as rules using (rule_id)""",
            [E.ExpectColumnValuesToBeUnique(column="result_id"),
             E.ExpectColumnValuesToBeInSet(column="outcome", value_set=[
                 "pass", "fail", "not_applicable", "insufficient_data", "parse_error"]),
             E.ExpectColumnValuesToBeInSet(column="rule_known", value_set=[True]),
             E.ExpectColumnValuesToBeBetween(column="tolerance", min_value=0),
             E.ExpectColumnValuesToNotBeNull(column="detail")],
        ),
        Suite(
            "fct_findings",
            "select * from audit.fct_findings",
            [E.ExpectColumnValuesToBeUnique(column="result_id"),
             E.ExpectColumnValuesToNotBeNull(column="registered_reason",
                                             row_condition=Column("is_registered") == True)],
        ),
    ]
