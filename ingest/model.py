"""Rows as they land: one dataclass per kind of landing row (ingest/landing_schema.py maps
them to landing tables).

Every form row carries its provenance: document_id, form, source_page (PDF) or source_line
(text), and the printed line itself.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class DocumentRow:
    document_id: str          # first 16 hex digits of the SHA-256 of the file bytes
    source_file: str          # file name as ingested
    source_sha256: str
    source_format: str        # txt / pdf / xlsx
    title: str | None
    department_name: str | None
    fiscal_year: int | None
    unit: str | None          # the unit most forms declare
    is_template: bool
    parser_version: str
    status: str = "landed"    # landed / partial (some forms unreadable) / template / failed (nothing read)
    template_family: str | None = None     # department (the nine forms) / university (高等学校, four)
    forms_expected: str | None = None      # the forms the family prints, e.g. '01 02 03 05'
    forms_in_contents: str | None = None   # the forms the 目录 lists
    document_kind: str | None = None       # final_accounts / department_budget / unit_budget
    publication_date: str | None = None    # printed on the cover, as precise as printed: '2024-10-29', '2023-04'
    landed_at: str | None = None           # when this content was first landed in its zone (UTC, set by landing)


@dataclass
class FormRow:
    document_id: str
    form: str                 # '01' … '09'
    title: str
    title_line: int
    source_page: int | None
    end_line: int
    department_in_header: str | None
    unit: str | None
    amount_decimals: int | None   # most digits printed after the point in this form's amounts
    data_row_count: int
    has_amounts: bool
    empty_note: str | None    # the 说明 printed under an empty table, e.g. 本表无数据


@dataclass
class Provenance:
    document_id: str
    form: str
    source_page: int | None
    source_line: int
    raw_text: str


@dataclass
class ParseIssueRow(Provenance):
    """A form that could not be read (form None: the whole document), with the printed line
    where reading stopped. The rest of the document lands."""
    issue_no: int             # 1, 2, … within the document
    title: str | None         # the form's title as printed
    reason: str
    hint: str | None


@dataclass
class ExtraMeasureRow(Provenance):
    """One amount of a column the catalogue does not know (e.g. 其中：教育收费), landed under its
    printed header so that no printed number is lost and no form is rejected for it."""
    row_kind: str             # as the row of the form: total / code (02-08), the line kind (01/04)
    row_key: str | None       # the functional code, or the line label of 01/04
    column_no: int            # 1-based column of the printed table
    column_header: str        # the header words stacked above the column
    amount: Decimal | None


@dataclass
class MentionRow(Provenance):
    """A department or fiscal year the document prints outside its cover (form 'document'),
    for the metadata rules: part headings, the table-set heading, 编制单位 lines, dated statements."""
    mention_kind: str         # department / fiscal_year
    context: str              # part_heading / heading / compiler_line / dated_statement
    printed_value: str        # the department as printed, or the year


@dataclass
class LineOriginRow:
    """Where a workbook line was printed: its sheet and cells ('2026年部门预算!A5:G5'), the
    provenance of every row landed from that line."""
    document_id: str
    source_line: int
    origin: str


@dataclass
class SummaryLineRow(Provenance):
    """Forms 01 and 04: two-sided income / expenditure lines."""
    side: str                 # income / expenditure
    row_no: int | None        # the printed 行次
    row_label: str            # as printed, e.g. '一、一般公共服务支出'
    item_name: str            # ordinal removed: '一般公共服务支出'
    line_kind: str            # income_source, class_line, of_which (其中: a part of the line above), current_year_total, balance_line, balance_detail, grand_total
    amount_total: Decimal | None = None
    amount_general_budget: Decimal | None = None
    amount_government_fund: Decimal | None = None
    amount_state_capital: Decimal | None = None


@dataclass
class FunctionLineRow(Provenance):
    """Forms 02, 03, 05, 07, 08: one line per functional code or the 合计 line."""
    row_kind: str             # total / code
    function_code: str | None
    function_name: str | None
    measures: dict[str, Decimal | None] = field(default_factory=dict)


@dataclass
class EconomicItemRow(Provenance):
    """Form 06: one cell block (code, name, amount) of a side-by-side row."""
    block_no: int
    expense_category: str     # personnel (人员经费) / public_use (公用经费); all for the table's 合计
    row_kind: str             # class / section / category_total / total (the table's 合计)
    economic_code: str | None
    economic_name: str
    amount: Decimal | None


@dataclass
class ThreePublicRow(Provenance):
    """Form 09: one printed cell of the budget or actual block."""
    scope: str                # budget / actual
    component: str            # total, overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, reception
    amount: Decimal | None


@dataclass
class NarrativeClaimRow(Provenance):
    """One claim of the narrative: the figures it gives about one subject (form 'narrative',
    raw_text the sentence). Figures not printed are None."""
    claim_no: int
    topic: str | None          # section topic: overall, income, general_budget, three_public, …
    subject_key: str           # grand_total, basic_expenditure, function_item, project, …
    subject_label: str         # the subject as printed
    class_name: str | None     # 类 / 款 / 项 names as printed, for function_class / function_item
    section_name: str | None
    item_name: str | None
    function_code: str | None  # the code those names resolve to in the document's tables
    code_match: str | None     # exact / partial / unresolved
    code_form: str | None      # the form the code was found in (05, else 03)
    money_unit: str | None     # 万元 / 元, of every money figure of the claim
    amount: Decimal | None
    initial_budget: Decimal | None
    adjusted_budget: Decimal | None
    actual: Decimal | None
    change_amount: Decimal | None      # signed: a decrease is negative
    change_percent: Decimal | None     # signed
    change_basis: str | None           # prior_year / budget
    share_percent: Decimal | None
    share_base: str | None             # the subject the share is of
    completion_percent: Decimal | None
    quantity: Decimal | None
    quantity_unit: str | None
    stated_reason: str | None
    completion_basis: str | None = None    # the budget 完成…预算的 names: initial / full_year / adjusted / unspecified
    stated_comparison: str | None = None   # how the prose compares actual with budget: more / less / equal / about_equal
    prior_amount: Decimal | None = None    # budgets: the year before's 执行数 the amount is compared with


@dataclass
class PerformanceTableRow(Provenance):
    """One self-evaluation table (form 'performance'): the department-wide one or a project's."""
    table_no: int
    table_kind: str            # department / project
    title: str
    entity_name: str | None    # the project, or the unit for the department table
    competent_department: str | None
    implementing_unit: str | None
    category_ticked: str | None
    attribute_ticked: str | None
    type_ticked: str | None
    budget_line: int | None
    budget_amount: Decimal | None      # 预算数 (A), in 万元
    execution_amount: Decimal | None   # 执行数 (B)
    execution_rate: Decimal | None     # 执行率 (B/A) as printed, in percent
    budget_score: Decimal | None


@dataclass
class PerformanceIndicatorRow(Provenance):
    """One indicator row of a self-evaluation table."""
    table_no: int
    indicator_no: int
    level1: str | None         # 一级指标: 产出 / 效益 / 满意度指标
    level2: str | None
    level3: str
    target_value: str | None   # as printed: '100%', '≥12次', '逐步提升'
    actual_value: str | None
    score: Decimal | None
