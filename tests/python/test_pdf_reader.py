"""The PDF reader on real pages: the Putuo 2024 disclosure and the official blank template.

Every layout feature the reader handles is asserted on the page that prints it. Variants of the
real file (a page removed, a blank page inserted, encrypted, cut short) are made with pypdf.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from conftest import PUTUO_ID, PUTUO_PDF, TEMPLATE_PDF
from pypdf import PdfReader, PdfWriter

from ingest.errors import IngestError
from ingest.forms.catalog import match_title
from ingest.parse import parse_document
from ingest.pdf.pages import read_pages
from ingest.pdf.reader import read_pdf_document
from ingest.pdf.tables import LogicalTable, merge_wrapped_names


@pytest.fixture(scope="module")
def putuo(putuo_source):
    return parse_document(putuo_source)


def _rows(parsed, table: str):
    return parsed.rows[table]


def _function_row(parsed, form_table: str, code: str | None):
    kind = "total" if code is None else "code"
    return next(row for row in _rows(parsed, form_table) if row.row_kind == kind and row.function_code == code)


def _variant(tmp_path: Path, name: str, edit) -> Path:
    writer = PdfWriter()
    for page in PdfReader(PUTUO_PDF).pages:
        writer.add_page(page)
    edit(writer)
    path = tmp_path / name
    with path.open("wb") as handle:
        writer.write(handle)
    return path


# --- what the document is ------------------------------------------------------------------

def test_every_form_is_found_with_its_first_page(putuo):
    assert {form.form: form.source_page for form in putuo.forms} == {
        "01": 6, "02": 8, "03": 10, "04": 12, "05": 15, "06": 16, "07": 19, "08": 20, "09": 18}
    assert putuo.missing_forms == []


def test_department_year_and_unit_from_the_cover_and_headers(putuo):
    document = putuo.document
    assert (document.document_id, document.source_format) == (PUTUO_ID, "pdf")
    # the cover prints 上海市普陀区财政局 / 年度部门决算 / 2024, the year on a line of its own
    assert (document.department_name, document.fiscal_year, document.unit) == ("上海市普陀区财政局", 2024, "万元")
    assert not document.is_template


@pytest.mark.parametrize("title, form", [
    ("财政拨款收支决算总表", "04"),
    ("一般公共预算财政拨款支出决算明细表", "05"),
    ("一般公共预算财政拨款基本支出决算表", "06"),
    ("财政拨款“三公”经费支出决算表", "09"),
    ("财政拨款 三公 经费支出决算表", "09"),          # Putuo page 18: the quotes on a line of their own
    ("国有资本经营预算财政拨款收入支出决算表", "08"),
    ("收入决算表（续）", "02"),
])
def test_title_variants(title, form):
    assert match_title(title).form == form


# --- layout features on real pages ------------------------------------------------------------

def test_codes_printed_split_into_class_section_item_columns(putuo):
    # page 10 prints '201' | '06' | '01'
    row = _function_row(putuo, "raw_form03_expenditure", "2010601")
    assert (row.source_page, row.function_name) == (10, "行政运行")
    assert (row.measures["total"], row.measures["basic"], row.measures["project"]) == (
        Decimal("1511.89"), Decimal("1503.52"), Decimal("8.37"))


def test_amounts_with_thousands_separators(putuo):
    total = _function_row(putuo, "raw_form03_expenditure", None)
    assert (total.measures["total"], total.measures["basic"], total.measures["project"]) == (
        Decimal("2940.05"), Decimal("2336.91"), Decimal("603.14"))


def test_total_row_fused_with_the_class_section_item_header_is_split_from_it(putuo):
    # pdfplumber reads '类 款 项' and '合计 2,946.25 …' (page 8) as one row: the 合计 is still a row
    total = _function_row(putuo, "raw_form02_income", None)
    assert (total.source_page, total.measures["total"], total.measures["other"]) == (
        8, Decimal("2946.25"), Decimal("6.20"))


def test_total_row_printed_at_the_bottom(putuo):
    total = _function_row(putuo, "raw_form05_general_budget_expenditure", None)
    rows = _rows(putuo, "raw_form05_general_budget_expenditure")
    assert rows[-1] is total and total.measures["total"] == Decimal("2940.05")


def test_names_wrapped_inside_their_cell_are_joined(putuo):
    # page 10 wraps 机关事业单位基本养老保险缴 / 费支出
    row = _function_row(putuo, "raw_form03_expenditure", "2080505")
    assert row.function_name == "机关事业单位基本养老保险缴费支出"


def test_table_continued_on_the_next_page_without_its_header(putuo):
    codes = {row.function_code: row.source_page for row in _rows(putuo, "raw_form02_income")}
    assert (codes["21011"], codes["2101101"], codes["2210203"]) == (8, 9, 9)
    assert len(_rows(putuo, "raw_form02_income")) == 20
    summary = _rows(putuo, "raw_form01_summary")
    grand = [row for row in summary if row.line_kind == "grand_total"]
    assert [(row.side, row.amount_total, row.source_page) for row in grand] == [
        ("income", Decimal("2995.39"), 7), ("expenditure", Decimal("2995.39"), 7)]


def test_repeated_header_on_a_continuation_page_is_dropped():
    pages = {page.number: page for page in read_pages(PUTUO_PDF)}
    first = next(item for item in pages[8].items if hasattr(item, "rows")).rows
    second = next(item for item in pages[9].items if hasattr(item, "rows")).rows
    table = LogicalTable.start(first)
    plain = table.lines(second, continuation=True)
    with_header = table.lines(first[:3] + second, continuation=True)   # page 9 as if it repeated page 8's header
    assert with_header == plain
    assert plain[0][:3] == ["2101101", "行政单位医疗", "60.99"]


def test_name_wrapped_onto_a_row_of_its_own_joins_the_code_row_above():
    rows = [["2080505", "机关事业单位基本养老保险缴", "160.75"], ["", "费支出", ""], ["2080506", "职业年金", "80.38"]]
    assert merge_wrapped_names(rows, code_col=0, name_col=1) == [
        ["2080505", "机关事业单位基本养老保险缴费支出", "160.75"], ["2080506", "职业年金", "80.38"]]


def test_summary_forms_without_row_numbers(putuo):
    lines = {(row.side, row.item_name): row for row in _rows(putuo, "raw_form04_fiscal_summary")}
    social = lines[("expenditure", "社会保障和就业支出")]
    assert (social.row_no, social.amount_total, social.amount_general_budget) == (None, Decimal("326.71"),
                                                                                  Decimal("326.71"))
    assert lines[("income", "年初财政拨款结转和结余")].line_kind == "balance_line"
    # the same words are an income source above 本年收入合计 and a balance detail below it
    kinds = [(row.line_kind, row.amount_total) for row in _rows(putuo, "raw_form04_fiscal_summary")
             if row.side == "income" and row.item_name == "一般公共预算财政拨款"]
    assert kinds == [("income_source", Decimal("2940.05")), ("balance_detail", Decimal("21.63"))]


def test_form06_side_by_side_blocks_with_split_codes(putuo):
    items = {(row.economic_code or row.economic_name): row for row in _rows(putuo, "raw_form06_basic_expenditure_items")}
    assert (items["30101"].amount, items["30101"].block_no, items["30101"].expense_category) == (
        Decimal("262.33"), 1, "personnel")
    assert (items["30201"].amount, items["30201"].block_no, items["30201"].expense_category) == (
        Decimal("21.21"), 2, "public_use")
    assert (items["31002"].amount, items["31002"].source_page) == (Decimal("13.58"), 17)
    assert items["人员经费合计"].amount == Decimal("2152.26")
    assert items["公用经费合计"].amount == Decimal("184.65")


def test_form09_budget_and_actual_paired_under_each_component(putuo):
    cells = {(row.scope, row.component): row.amount for row in _rows(putuo, "raw_form09_three_public")}
    assert len(cells) == 12
    assert cells[("budget", "total")] == cells[("budget", "reception")] == Decimal("0.95")
    assert cells[("actual", "total")] is None and cells[("budget", "vehicle_purchase")] is None


def test_empty_forms_keep_their_note(putuo):
    forms = {form.form: form for form in putuo.forms}
    assert not forms["07"].has_amounts and "故本表无数据" in forms["07"].empty_note
    assert not forms["08"].has_amounts and "故本表无数据" in forms["08"].empty_note


# --- templates and damaged input -------------------------------------------------------------

def test_blank_template_is_recognised():
    parsed = parse_document(read_pdf_document(TEMPLATE_PDF))
    assert parsed.document.is_template
    assert sorted(form.form for form in parsed.forms) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert not any(parsed.rows.values())
    assert (parsed.document.department_name, parsed.document.fiscal_year) == ("上海市XX局", 2024)


def test_blank_page_inside_a_form_changes_nothing_but_page_numbers(tmp_path, putuo):
    path = _variant(tmp_path, "blank.pdf", lambda writer: writer.insert_blank_page(index=8))  # after page 8
    padded = parse_document(read_pdf_document(path))
    before = [(row.function_code, row.measures) for row in _rows(putuo, "raw_form02_income")]
    after = [(row.function_code, row.measures) for row in _rows(padded, "raw_form02_income")]
    assert after == before
    assert _function_row(padded, "raw_form02_income", "2101101").source_page == 10


@pytest.mark.parametrize("page, form, message", [
    (9, "02", "stops at the foot of page 8 inside 21011: printed 60.99, the rows printed under it add up to 0.00"),
    (11, "03", "stops at the foot of page 10 inside 20805: printed 326.72, the rows printed under it add up to 325.78"),
    (17, "06", "stops at the foot of page 16 without its 人员经费合计 / 公用经费合计 lines"),
    (7, "01", "no 总计 line"),
])
def test_page_missing_from_a_form_is_a_parse_issue_of_that_form(tmp_path, page, form, message):
    def drop(writer):
        del writer.pages[page - 1]
    path = _variant(tmp_path, f"without-page-{page}.pdf", drop)
    parsed = parse_document(read_pdf_document(path))
    assert parsed.document.status == "partial"
    assert [(issue.form, message in issue.reason) for issue in parsed.issues] == [(form, True)]
    read = [f.form for f in parsed.forms]
    assert form not in read and len(read) == 8          # the other eight forms land


def test_encrypted_pdf(tmp_path):
    path = _variant(tmp_path, "locked.pdf", lambda writer: writer.encrypt(user_password="secret"))
    with pytest.raises(IngestError, match="encrypted and needs a password"):
        read_pdf_document(path)


def test_image_only_pdf(tmp_path):
    from PIL import Image
    path = tmp_path / "scan.pdf"
    Image.new("RGB", (595, 842), "white").save(path)
    with pytest.raises(IngestError, match="no text layer"):
        read_pdf_document(path)


def test_truncated_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(PUTUO_PDF.read_bytes()[:1_500_000])
    with pytest.raises(IngestError, match="not a readable PDF"):
        read_pdf_document(path)


def _without_ruled_tables(monkeypatch, pages_unruled):
    """The real pages, with pdfplumber made to find no ruled table on these: as an unruled layout reads."""
    import ingest.pdf.pages as pages
    find_items = pages._page_items

    def without_tables(page):
        if page.page_number in pages_unruled:
            page.find_tables = lambda *args, **kwargs: []
        return find_items(page)

    monkeypatch.setattr(pages, "_page_items", without_tables)


def test_form_printed_without_ruling_lines_is_reported_not_guessed(monkeypatch):
    _without_ruled_tables(monkeypatch, {6, 7})                       # form 01's two pages
    parsed = parse_document(read_pdf_document(PUTUO_PDF))
    assert parsed.document.status == "partial"
    [issue] = parsed.issues
    assert (issue.form, issue.source_page, issue.title) == ("01", 6, "收入支出决算总表")
    assert "has amounts under it but no ruled table" in issue.reason
    assert [form.form for form in parsed.forms] == ["02", "03", "04", "05", "06", "07", "08", "09"]


@pytest.mark.parametrize("parts, code", [
    (["201", "06", "01"], "2010601"),
    (["201", "06", ""], "20106"),
    (["201", "20106", "2010601"], "2010601"),     # each level printed in full
    (["201", "", ""], "201"),
])
def test_split_code_pieces_are_joined(parts, code):
    from ingest.pdf.tables import CodeGroup, collapse_codes
    assert collapse_codes([*parts, "name", "1.00"], [CodeGroup(0, 3)])[0] == code
