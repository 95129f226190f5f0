"""Budget disclosures read as the final accounts are: the same nine forms under their budget
titles, the document's kind, a text printed without its tables, and workbooks.

Values are the ones printed in the PDFs: 上海市普陀区司法局 2026 部门预算 pages 10-21, 普陀区人民政府
办公室 2025 单位预算 page 8, 江苏省委办公厅 2019 (text file, tables file).
"""
from __future__ import annotations

import re
from decimal import Decimal

import openpyxl
import pytest
from conftest import PROJECT_DIR

from ingest.corpus import read_document
from ingest.errors import IngestError
from ingest.excel import read_workbook
from ingest.forms.catalog import match_title
from ingest.forms.sections import locate_sections
from ingest.landing_schema import FORM_TABLES
from ingest.parse import parse_document

BUDGETS = PROJECT_DIR / "tests" / "fixtures" / "budgets"
JUSTICE_PDF = BUDGETS / "shanghai-putuo-justice-2026-budget.pdf"


@pytest.fixture(scope="module")
def justice_source():
    return read_document(JUSTICE_PDF)


@pytest.fixture(scope="module")
def justice(justice_source):
    return parse_document(justice_source)


def _total_row(parsed, form):
    return next(row for row in parsed.rows[FORM_TABLES[form]] if row.row_kind == "total")


def test_department_budget_reads_its_nine_forms(justice):
    document = justice.document
    assert (document.status, document.document_kind, document.template_family) == ("landed", "department_budget",
                                                                                   "budget")
    assert (document.department_name, document.fiscal_year, document.unit) == ("上海市普陀区司法局", 2026, "元")
    assert [form.form for form in justice.forms] == [f"{n:02d}" for n in range(1, 10)]
    assert document.forms_in_contents == "01 02 03 04 05 06 07 08 09"
    # 一般公共预算支出功能分类预算表, page 16: 合计 96282213.44 = 25741666.44 + 70540547.00 (元)
    assert _total_row(justice, "05").measures == {"total": Decimal("96282213.44"), "basic": Decimal("25741666.44"),
                                                   "project": Decimal("70540547.00")}
    # 财务收支预算总表 page 10: 收入总计 = 支出总计, 1. 一般公共预算 a part of 一、财政拨款收入
    kinds = {(row.side, row.item_name): (row.line_kind, row.amount_total)
             for row in justice.rows[FORM_TABLES["01"]]}
    assert kinds[("income", "收入总计")] == ("grand_total", Decimal("96282213.44"))
    assert kinds[("expenditure", "支出总计")] == ("grand_total", Decimal("96282213.44"))
    assert kinds[("income", "1.一般公共预算")][0] == "of_which"


def test_one_block_economic_table_reads_category_columns(justice):
    """基本支出 经济分类 (pages 19-20): code, name, 合计, 人员经费, 公用经费 in one block."""
    rows = justice.rows[FORM_TABLES["06"]]
    totals = {row.expense_category: row.amount for row in rows if row.row_kind == "category_total"}
    assert totals == {"personnel": Decimal("23563342.00"), "public_use": Decimal("2178324.44")}
    items = {row.economic_code: (row.expense_category, row.amount) for row in rows if row.economic_code}
    assert items["30101"] == ("personnel", Decimal("2892504.00"))
    assert items["30228"] == ("public_use", Decimal("265974.44"))
    assert items["30302"] == ("personnel", Decimal("478680.00"))


def test_three_public_table_keeps_its_own_unit(justice):
    """Forms 01-08 print 元, the 三公 table 万元 (page 21): each form keeps its unit."""
    units = {form.form: form.unit for form in justice.forms}
    assert units["05"] == "元" and units["09"] == "万元"


def test_unit_budget_is_its_own_kind():
    parsed = parse_document(read_document(BUDGETS / "shanghai-putuo-district-office-2025-unit-budget.pdf"))
    assert (parsed.document.status, parsed.document.document_kind) == ("landed", "unit_budget")
    # page 8: the expenditure side prints 合计 | 基本支出 (人员经费, 公用经费) | 项目支出 under 预算数
    grand = {row.side: row.amount_total for row in parsed.rows[FORM_TABLES["01"]] if row.line_kind == "grand_total"}
    assert grand == {"income": Decimal("91016775.35"), "expenditure": Decimal("91016775.35")}


def test_text_without_its_tables_lands_as_a_disclosure():
    """江苏省委办公厅 2019: the text file (cover, 目录, narrative) and the tables file apart."""
    text = parse_document(read_document(BUDGETS / "jiangsu-prov-partycommittee-office-2019-budget-text.pdf"))
    assert (text.document.status, text.document.document_kind, text.document.template_family) == (
        "landed", "department_budget", "text_only")
    assert (text.document.department_name, text.document.fiscal_year) == ("江苏省委办公厅", 2019)
    tables = parse_document(read_document(BUDGETS / "jiangsu-prov-partycommittee-office-2019-budget-tables.pdf"))
    # no cover: the kind from the forms' titles, the year from the headings, the department from 部门：
    assert (tables.document.document_kind, tables.document.fiscal_year, tables.document.department_name) == (
        "department_budget", 2019, "中共江苏省委办公厅")
    # 01 prints expenditure by function and by use side by side, 02 its income by source (no codes),
    # 03 its totals only, 09 the budget alone with 会议费 and 培训费 (page 9: 三公 小计 508.20 of
    # 合计 1,471.70)
    assert tables.document.status == "landed"
    assert [form.form for form in tables.forms] == ["01", "02", "03", "04", "05", "06", "07", "09"]
    income, = tables.rows[FORM_TABLES["02"]]          # page 2: 收入总计 27,664.22, all 一般公共预算资金
    assert (income.row_kind, income.measures["total"], income.measures["fiscal_appropriation"]) == (
        "total", Decimal("27664.22"), Decimal("27664.22"))
    by_use = {row.row_key: row.amount for row in tables.rows["raw_extra_measures"] if row.row_kind == "by_use"}
    assert by_use == {"一、基本支出": Decimal("11700.63"), "二、项目支出": Decimal("13025.38"),
                      "三、单位预留机动经费": Decimal("2938.21")}
    current = {row.side: row.amount_total for row in tables.rows["raw_form01_summary"]
               if row.line_kind == "current_year_total"}
    assert current == {"income": Decimal("27664.22"), "expenditure": Decimal("27664.22")}   # page 1, 当年…小计
    three_public = {row.component: row.amount for row in tables.rows["raw_form09_three_public"]}
    assert three_public["total"] == Decimal("508.20") and all(row.scope == "budget"
                                                                for row in tables.rows["raw_form09_three_public"])


@pytest.mark.parametrize("title, form", [
    # 上海市普陀区 (with a year and 部门 / 预算单位 prefix), 江苏省, 西南大学 as printed
    ("2026年部门财务收支预算总表", "01"), ("2025年预算单位收入预算总表", "02"), ("支出预算总表", "03"),
    ("2026年部门财政拨款收支预算总表", "04"), ("2026年部门一般公共预算支出功能分类预算表", "05"),
    ("一般公共预算支出预算表（功能科目）", "05"), ("2026年部门一般公共预算基本支出部门预算经济分类预算表", "06"),
    ("财政拨款政府性基金支出预算表", "07"), ("2026年部门国有资本经营预算支出功能分类预算表", "08"),
    ("2026年部门“三公”经费和机关运行经费预算表", "09"), ("“三公”经费、会议费、培训费支出预算表", "09"),
    # the central template (财政部 部门预算): no 预算 in most titles
    ("收支总表", "01"), ("收入总表", "02"), ("支出总表", "03"), ("财政拨款收支总表", "04"),
    ("一般公共预算支出表", "05"), ("一般公共预算基本支出表", "06"), ("政府性基金预算支出表", "07"),
    ("国有资本经营预算支出表", "08"), ("一般公共预算“三公”经费支出表", "09"),
    # recognised and not read: they end the form before them
    ("一般公共预算机关运行经费支出预算表", None), ("2019年政府采购预算表", None), ("项目支出表", None),
])
def test_budget_titles(title, form):
    spec = match_title(title)
    assert spec is not None and spec.kind == "budget" and spec.form == form


def test_final_accounts_titles_stay_final_accounts():
    assert match_title("收入支出决算总表").kind == "final_accounts"
    assert match_title("一般公共预算财政拨款支出决算表").form == "05"
    assert match_title("部门整体支出绩效自评表") is None and match_title("预算支出情况构成表") is None


def test_a_stand_in_table_gives_way_to_the_form_proper():
    """Jiangsu prints 财政拨款支出预算表 (all fiscal funds) beside 一般公共预算支出预算表: the latter is 05."""
    source = read_document(BUDGETS / "jiangsu-prov-cppcc-office-2019-budget-tables.pdf")
    titles = {section.form: section.title_line.text for section in locate_sections(source)}
    assert titles["05"].startswith("一般公共预算支出预算表")


# --- workbooks ------------------------------------------------------------------------------

_AMOUNT = re.compile(r"^-?[\d,]+(?:\.(\d+))?$")


def _workbook_of(source, path):
    """The forms of a PDF as a publisher's workbook holds them: one sheet per form, its title and
    编制部门 rows, header rows, and amounts as numbers formatted as printed ('#,##0.00' where the
    PDF prints thousands separators)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for number, section in enumerate(locate_sections(source), start=1):
        sheet = workbook.create_sheet(f"表{number}")
        table_end = section.table_lines()[-1].number
        for line in [section.title_line, *section.lines]:
            if line.is_blank or line.number > table_end:
                continue
            sheet.append([cell or None for cell in line.cells])
            for column, cell in enumerate(line.cells, start=1):
                match = _AMOUNT.match(cell)
                if match and ("." in cell or "," in cell) and not re.fullmatch(r"\d{3,7}", cell):
                    target = sheet.cell(row=sheet.max_row, column=column)
                    target.value = Decimal(cell.replace(",", ""))
                    places = len(match.group(1) or "")
                    target.number_format = ("#,##0" if "," in cell else "0") + ("." + "0" * places if places else "")
    workbook.save(path)
    return path


def _facts(parsed):
    """Every form row without where it was printed (page, line, raw text): what it says."""
    facts = {}
    for form, table in FORM_TABLES.items():
        facts[form] = sorted(
            repr({key: value for key, value in vars(row).items()
                  if key not in ("document_id", "source_page", "source_line", "raw_text")})
            for row in parsed.rows[table])
    return facts


def test_workbook_gives_the_same_facts_as_its_pdf(justice_source, justice, tmp_path):
    workbook = read_document(_workbook_of(justice_source, tmp_path / "justice-2026-budget.xlsx"))
    from_workbook = parse_document(workbook)
    assert from_workbook.document.source_format == "xlsx"
    assert [form.form for form in from_workbook.forms] == [form.form for form in justice.forms]
    assert _facts(from_workbook) == _facts(justice)
    # provenance of a workbook row: its sheet and cells
    row = _total_row(from_workbook, "05")
    origins = {origin.source_line: origin.origin for origin in from_workbook.rows["raw_line_origins"]}
    assert re.fullmatch(r"表5!B\d+:E\d+", origins[row.source_line])   # 合计 is in column B


def test_damaged_workbook_is_named(tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    with pytest.raises(IngestError, match="not a readable .xlsx workbook"):
        read_workbook(broken)


def test_a_table_of_units_lands_its_total_and_each_unit(tmp_path):
    """A 收入总表 printed by unit (单位代码 / 单位名称 rows, no functional codes, as the central
    template prints it): the 合计 row is the department's, each unit's row lands as extra measures.
    With codes under each unit it is a parse issue of that form alone."""
    table = ["收入总表", "单位：万元", "单位代码\t单位名称\t合计\t上年结转\t财政拨款收入\t事业收入\t其他收入",
             "\t合计\t300.00\t0.00\t250.00\t40.00\t10.00", "101001\t某某部机关本级\t200.00\t0.00\t200.00\t\t",
             "101002\t某某部信息中心\t100.00\t\t50.00\t40.00\t10.00", ""]
    codes = ["支出总表", "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出",
             "\t合计\t300.00\t200.00\t100.00", "101001\t某某部机关本级\t200.00\t200.00\t",
             "2010101\t行政运行\t200.00\t200.00\t", "101002\t某某部信息中心\t100.00\t\t100.00",
             "2010101\t行政运行\t100.00\t\t100.00", "", "注：本表为测试。"]
    path = tmp_path / "units.txt"
    path.write_text("\n".join(["2024年度某某部部门预算", "", *table, *codes]), encoding="utf-8")
    parsed = parse_document(read_document(path))
    total, = parsed.rows[FORM_TABLES["02"]]
    assert (total.row_kind, total.measures["total"], total.measures["fiscal_appropriation"]) == (
        "total", Decimal("300.00"), Decimal("250.00"))
    units = {(row.row_key, row.column_header): row.amount for row in parsed.rows["raw_extra_measures"]}
    assert units[("101002", "事业收入")] == Decimal("40.00") and units[("101001", "合计")] == Decimal("200.00")
    assert parsed.failed_forms == ["03"] and "printed per unit" in parsed.issues[0].reason
