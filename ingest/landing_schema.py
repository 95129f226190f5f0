"""The landing schema, defined once: each landing table, the row type it holds, its columns in
landing order and their types.

Everything else derives from this registry: the table names the parsers fill, the CSV and
Parquet writers, and three generated dbt files (seeds/landing.yml, the landing source of
models/staging/disclosures/, macros/landing_measures.sql). After a change here, run
`python -m ingest.generated` to regenerate them; tests/python/test_landing.py fails while they
are out of step.
"""
from __future__ import annotations

import typing
from dataclasses import dataclass, fields
from decimal import Decimal

import yaml

from .model import (DocumentRow, EconomicItemRow, ExtraMeasureRow, FormRow, FunctionLineRow, LineOriginRow, MentionRow,
                    NarrativeClaimRow, ParseIssueRow, PerformanceIndicatorRow, PerformanceTableRow, Provenance,
                    SummaryLineRow, ThreePublicRow)

# Type names both engines take: DuckDB reads `string` as VARCHAR; Spark has no unsized VARCHAR.
TEXT = "string"
_SQL_TYPES = {str: TEXT, int: "integer", bool: "boolean", Decimal: "decimal(18,4)"}

# The longest text a landed cell may hold: dbt reads seeds with Python's csv module, whose field
# limit this is. A printed line is landed whole (raw_text), so a document with a longer line is
# refused at ingest rather than landed to fail every later build.
CELL_LIMIT = 131_072


@dataclass(frozen=True)
class LandingTable:
    name: str
    row_type: type
    description: str
    group: str                       # document (one row per document or form) / form / narrative / part
    key: str | None = None           # the form ('03'), or the part of a document ('issues', 'claims', …)
    measures: tuple[str, ...] = ()   # functional-code forms: one amount_<measure> column each
    figures_as_text: bool = False    # numbers land as printed ('5' vs '5.00'): staging reads their precision
    # The columns naming a printed item of a form, for rows of item_kinds (every row when empty):
    # the build keys its facts on them, so ingest lands a form only when each is printed once
    # and never blank (ingest/printed_keys.py).
    item_key: tuple[str, ...] = ()
    item_kinds: tuple[str, ...] = ()

    @property
    def columns(self) -> list[str]:
        if self.measures:
            provenance = [f.name for f in fields(Provenance)]
            return [*provenance, "row_kind", "function_code", "function_name",
                    *[f"amount_{measure}" for measure in self.measures]]
        return [f.name for f in fields(self.row_type)]

    def column_types(self) -> dict[str, str]:
        if self.measures:
            return {column: ("decimal(18,4)" if column.startswith("amount_") else _sql_type(FunctionLineRow, column))
                    for column in self.columns}
        types = {column: _sql_type(self.row_type, column) for column in self.columns}
        if self.figures_as_text:
            types = {column: TEXT if kind.startswith("decimal") else kind for column, kind in types.items()}
        return types


def _sql_type(row_type: type, column: str) -> str:
    hint = typing.get_type_hints(row_type)[column]
    base = next((arg for arg in typing.get_args(hint) if arg is not type(None)), hint)
    return _SQL_TYPES[base]


def _function_form(form: str, name: str, description: str, *measures: str) -> LandingTable:
    return LandingTable(name, FunctionLineRow, description, "form", form, measures,
                        item_key=("function_code",), item_kinds=("code",))


# in landing order (the order of the generated files)
TABLES: tuple[LandingTable, ...] = (
    LandingTable("raw_documents", DocumentRow, "One row per ingested document: identity (content hash), cover department and year, unit, what became of it (status), its template family and the forms its 目录 lists.", "document"),
    LandingTable("raw_forms", FormRow, "One row per form found in a document: title, where it was printed, unit, print precision.", "document"),
    LandingTable("raw_form01_summary", SummaryLineRow, "公开01表 收入支出决算总表 as printed: income and expenditure lines with 行次.", "form", "01"),
    LandingTable("raw_form04_fiscal_summary", SummaryLineRow, "公开04表 财政拨款收入支出决算总表 as printed: lines by fund.", "form", "04"),
    LandingTable("raw_form06_basic_expenditure_items", EconomicItemRow, "公开06表 基本支出决算明细表: one row per (line, block) of the side-by-side item blocks.", "form", "06",
                 item_key=("economic_code",), item_kinds=("class", "section")),
    LandingTable("raw_form09_three_public", ThreePublicRow, "公开09表 三公经费: one row per printed cell of the budget and actual blocks.", "form", "09",
                 item_key=("scope", "component")),
    # budgets also count 上年结转 and 使用非财政拨款结余 among a code's income
    _function_form("02", "raw_form02_income", "公开02表 收入决算表 (or 收入预算表) as printed: one row per functional code or 合计, income sources.",
                   "total", "fiscal_appropriation", "superior_subsidy", "business", "operating", "affiliated_remittance", "other",
                   "prior_year_carryover", "non_fiscal_balance_used"),
    _function_form("03", "raw_form03_expenditure", "公开03表 支出决算表 as printed: one row per functional code or 合计.",
                   "total", "basic", "project", "remittance_to_superior", "operating", "subsidy_to_affiliates",
                   # budgets: 单位预留机动经费 and 结转下年 (Jiangsu)
                   "unit_reserve", "carried_forward"),
    _function_form("05", "raw_form05_general_budget_expenditure", "公开05表 一般公共预算财政拨款支出决算表 as printed.",
                   "total", "basic", "project"),
    _function_form("07", "raw_form07_government_fund", "公开07表 政府性基金预算财政拨款收入支出决算表 as printed.",
                   "opening_balance", "income", "expenditure_total", "expenditure_basic", "expenditure_project",
                   "closing_balance"),
    # 08 is printed as 支出决算表 (total / basic / project) or, e.g. in Shanghai, as 收入支出决算表
    # with the balances and income of 07 as well.
    _function_form("08", "raw_form08_state_capital_expenditure", "公开08表 国有资本经营预算财政拨款(收入)支出决算表 as printed; the balances and income are printed by layouts such as Shanghai's.",
                   "total", "basic", "project", "opening_balance", "income", "closing_balance"),
    LandingTable("raw_narrative_claims", NarrativeClaimRow, "Claims of the narrative (情况说明): the figures each sentence gives about one subject. Figures are landed as printed text, so staging knows their print precision ('5' vs '5.00').", "narrative", "claims", figures_as_text=True),
    LandingTable("raw_performance_tables", PerformanceTableRow, "Performance self-evaluation tables (绩效自评表): the department-wide one and one per project, with the budget row.", "narrative", "performance"),
    LandingTable("raw_performance_indicators", PerformanceIndicatorRow, "Indicator rows of the self-evaluation tables (一级/二级/三级指标, target, actual, score).", "narrative", "indicators"),
    LandingTable("raw_parse_issues", ParseIssueRow, "Forms that could not be read (form empty: the whole document), with the printed line where reading stopped and why; the rest of the document lands.", "part", "issues"),
    LandingTable("raw_extra_measures", ExtraMeasureRow, "Amounts of columns the catalogue does not know (e.g. 其中：教育收费), one row per printed cell, under the column's printed header.", "part", "extras"),
    LandingTable("raw_line_origins", LineOriginRow, "Workbooks only: the sheet and cells each line was read from ('Sheet!A5:G5'), the provenance of the rows landed from that line (PDF and text rows carry their page and line).", "part", "origins"),
    LandingTable("raw_document_mentions", MentionRow, "Departments and fiscal years the document prints outside its cover and forms: headings, 编制单位 lines, dated statements.", "part", "mentions"),
)

LANDING_COLUMNS: dict[str, list[str]] = {table.name: table.columns for table in TABLES}
FORM_TABLES = {table.key: table.name for table in TABLES if table.group == "form"}
FUNCTION_FORM_MEASURES = {table.key: list(table.measures) for table in TABLES if table.measures}
FUNCTION_FORM_TABLES = {form: FORM_TABLES[form] for form in FUNCTION_FORM_MEASURES}
NARRATIVE_TABLES = {table.key: table.name for table in TABLES if table.group == "narrative"}
DOCUMENT_TABLES = {table.key: table.name for table in TABLES if table.group == "part"}
FORM_ITEM_KEYS = {table.key: (table.item_key, table.item_kinds) for table in TABLES if table.item_key}


def landing_column_types() -> dict[str, dict[str, str]]:
    """Table -> column -> DuckDB type: the seeds' column_types and the Parquet files' types."""
    return {table.name: table.column_types() for table in TABLES}


def order_columns(table: str) -> list[str]:
    """The columns that order a table's rows: document, form, line. Both landing formats write
    rows in this order, so the same input always lands the same bytes."""
    return [column for column in ("document_id", "form", "source_line", "title_line") if column in LANDING_COLUMNS[table]]


# -- the generated dbt files ----------------------------------------------------------------

_GENERATED = "# Generated by `python -m ingest.generated` from ingest/landing_schema.py: edit there.\n"


def _yaml(document: dict) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000)


def seeds_yml() -> str:
    seeds = [{"name": table.name, "description": table.description,
              "config": {"column_types": table.column_types()}} for table in TABLES]
    return (_GENERATED + "# The landing seeds (seeds/landing/, written by `fiscal ingest`, not committed), typed so\n"
            "# codes stay text ('201') and money stays DECIMAL.\n" + _yaml({"version": 2, "seeds": seeds}))


# `dbt source freshness` on the bulk zone: when a document was last landed (raw_documents.landed_at);
# a scheduled refresh that has landed nothing new for this long is worth a look
FRESHNESS_WARN_AFTER_DAYS = 35


def sources_yml() -> str:
    tables = [{"name": table.name, "description": table.description} for table in TABLES]
    documents = next(entry for entry in tables if entry["name"] == "raw_documents")
    documents["config"] = {"loaded_at_field": "cast(landed_at as timestamp)",
                           "freshness": {"warn_after": {"count": FRESHNESS_WARN_AFTER_DAYS, "period": "day"}}}
    source = {"name": "disclosures", "description": "Landing tables as Parquet, one file per table per ingest batch.",
              "schema": "landing_parquet",
              "config": {"meta": {"external_location":
                                  "read_parquet('{{ var(\"landing_parquet_path\") }}/{name}/*.parquet')"}},
              "tables": tables}
    return (_GENERATED + "# The bulk landing zone: Parquet files written by `fiscal ingest --landing-format parquet`,\n"
            "# read in place (dbt-duckdb external_location) when var landing_format is 'parquet'\n"
            "# (macros/landing_table.sql); typed as the seeds are.\n" + _yaml({"version": 2, "sources": [source]}))


def measures_macro() -> str:
    lines = [f"        '{form}': {list(measures)}," for form, measures in FUNCTION_FORM_MEASURES.items()]
    return ("{#- Generated by `python -m ingest.generated` from ingest/landing_schema.py: edit there.\n"
            "    The measure columns (amount_<measure>) of a functional-code form, in landing order. -#}\n"
            "{% macro function_form_measures(form) %}\n"
            "    {% set measures = {\n" + "\n".join(lines) + "\n    } %}\n"
            "    {% set columns = [] %}\n"
            "    {% for measure in measures[form] %}{% do columns.append('amount_' ~ measure) %}{% endfor %}\n"
            "    {{ return(columns) }}\n"
            "{% endmacro %}\n")
