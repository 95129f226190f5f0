"""Layouts other publishers print, read from real pages: the 高等学校 family (西南大学 2023 as
published), and copies of real Putuo pages edited to the variants the other 普陀区 departments of
the same template print (an empty 07 whose 合计 row fuses with its sub-header, a blank 09, a
title cell with 部门 and 单位 fused into it). Each lands; what is printed is read as printed."""
from __future__ import annotations

from decimal import Decimal

import pytest
from conftest import SWU_ID, SWU_PDF, edited

from ingest.forms.catalog import label_parts, match_title
from ingest.parse import parse_document
from ingest.pdf.reader import read_pdf_document


@pytest.fixture(scope="module")
def swu():
    return parse_document(read_pdf_document(SWU_PDF))


def _totals(parsed, table):
    return [row for row in parsed.rows[table] if row.row_kind == "total"]


# --- titles -------------------------------------------------------------------------------

@pytest.mark.parametrize("title, form", [
    ("表 1：高等学校收支决算总表", "01"),          # 西南大学 page 8
    ("表 2：高等学校收入决算表", "02"),
    ("表 3：高等学校支出决算表", "03"),
    ("表 4：高等学校财政拨款支出决算表", "05"),     # not a second 03
    ("附表2 收入决算表", "02"),
    ("公开03表 支出决算表", "03"),
    ("收入支出决算总表部门：上海市XX局单位：万元", "01"),   # title, 部门 and 单位 fused in one cell
])
def test_titles_after_a_table_number_or_before_fused_labels(title, form):
    assert match_title(title).form == form


def test_a_fused_cell_is_read_as_its_parts():
    assert label_parts("收支预算总表部门：江苏省政协办公厅单位：万元") == ("收支预算总表", "部门：江苏省政协办公厅", "单位：万元")
    assert label_parts("编制单位：上海市普陀区财政局") == ("编制单位：上海市普陀区财政局",)
    assert label_parts("部门：本单位主要职责是：一，…；二，…") == ("部门：本单位主要职责是：一，…；二，…",)   # a sentence


def test_a_title_cell_with_department_and_unit_fused_into_it(putuo_source):
    fused = edited(putuo_source, "fused-title.pdf", {"收入决算表": "收入决算表部门：上海市普陀区财政局单位：万元"})
    parsed = parse_document(fused)
    original = parse_document(putuo_source)
    form02 = next(form for form in parsed.forms if form.form == "02")
    assert (form02.department_in_header, form02.unit, form02.source_page) == ("上海市普陀区财政局", "万元", 8)
    assert [(row.function_code, row.measures) for row in parsed.rows["raw_form02_income"]] == \
        [(row.function_code, row.measures) for row in original.rows["raw_form02_income"]]


# --- the 高等学校 family: 西南大学 2023, four tables ------------------------------------------------

def test_university_family_lands_all_four_tables(swu):
    document = swu.document
    assert (document.document_id, document.department_name, document.fiscal_year) == (SWU_ID, "西南大学", 2023)
    assert (document.status, document.template_family, document.forms_expected) == ("landed", "university",
                                                                                       "01 02 03 05")
    assert document.forms_in_contents == "01 02 03 05"
    assert {form.form: (form.source_page, form.data_row_count) for form in swu.forms} == {
        "01": (8, 42), "02": (10, 26), "03": (12, 26), "05": (14, 23)}
    assert swu.issues == [] and swu.missing_forms == []


def test_university_summary_form_with_of_which_lines_and_a_total_printed_as_合计(swu):
    lines = {(row.side, row.item_name): row for row in swu.rows["raw_form01_summary"]}
    assert lines[("income", "财政拨款收入")].amount_total == Decimal("243015.38")
    # 其中 lines detail the line above: never a term of 本年收入合计
    assert lines[("income", "其中：政府性基金预算财政拨款")].line_kind == "of_which"
    assert lines[("income", "其中：捐赠收入")].line_kind == "of_which"
    assert lines[("income", "本年收入合计")].amount_total == Decimal("430725.03")
    assert lines[("expenditure", "本年支出合计")].amount_total == Decimal("457676.75")
    # no 总计 is printed: 合计 under the balances is the grand total, on both sides
    totals = [(row.side, row.amount_total) for row in swu.rows["raw_form01_summary"] if row.line_kind == "grand_total"]
    assert totals == [("income", Decimal("569496.54")), ("expenditure", Decimal("569496.54"))]
    assert lines[("expenditure", "结余分配")].line_kind == "balance_line"


def test_university_forms_agree_with_the_summary(swu):
    total02, = _totals(swu, "raw_form02_income")
    total03, = _totals(swu, "raw_form03_expenditure")
    assert total02.measures["total"] == Decimal("430725.03") and total02.measures["business"] == Decimal("136385.24")
    assert (total03.measures["total"], total03.measures["basic"], total03.measures["project"]) == (
        Decimal("457676.75"), Decimal("359781.59"), Decimal("97895.15"))


def test_university_extra_columns_land_under_their_printed_headers(swu):
    extras = {(row.form, row.row_key): row for row in swu.rows["raw_extra_measures"]}
    assert (extras[("02", None)].column_header, extras[("02", None)].amount) == ("其中：教育收费", Decimal("73648.19"))
    assert extras[("02", "2050205")].amount == Decimal("72670.34")
    assert (extras[("05", None)].column_header, extras[("05", None)].amount) == ("其中：基本建设资金支出",
                                                                                 Decimal("6894.90"))
    # a part-of column never becomes a measure of its own: 02's business income is the 金额 column
    assert [row.measures["business"] for row in _totals(swu, "raw_form02_income")] == [Decimal("136385.24")]


def test_university_05_prints_合计_above_and_below_the_table_and_ends_at_the_next_heading(swu):
    total05, = _totals(swu, "raw_form05_general_budget_expenditure")   # the repeat is one total
    assert (total05.measures["total"], total05.source_line, total05.source_page) == (Decimal("237100.00"), 214, 14)
    form05 = next(form for form in swu.forms if form.form == "05")
    assert form05.end_line == 237          # the next line, 三、决算报表说明, is a heading: the narrative


def test_university_narrative_names_codes_beside_their_names(swu):
    claims = {row.function_code: row for row in swu.rows["raw_narrative_claims"] if row.function_code}
    item = claims["2050202"]               # 1.小学教育（2050202），2023 年度决算数为 7,970.38 万元
    assert (item.code_match, item.code_form, item.actual, item.change_percent) == (
        "exact", "05", Decimal("7970.38"), Decimal("0.39"))
    # 教育支出 named without a （类） mark, in the section on all spending: the 03 类 row
    education = next(row for row in swu.rows["raw_narrative_claims"]
                     if row.function_code == "205" and row.topic == "expenditure")
    assert (education.amount, education.code_form, education.share_percent) == (
        Decimal("425287.27"), "03", Decimal("92.92"))
    # thousands separators are read whole: 430,725.03 is not 725.03
    assert not any(row.amount == Decimal("725.03") for row in swu.rows["raw_narrative_claims"])


# --- the other Putuo departments' variants of the same template ------------------------------

def _line_in_form(source, title: str, text: str) -> int:
    """The number of the first line printed `text` under the form titled `title`."""
    start = next(line.number for line in source.lines if line.text == title)
    return next(line.number for line in source.lines if line.number > start and line.text == text)


def test_empty_07_whose_合计_row_is_fused_with_the_sub_header(putuo_source):
    # page 19, as the other departments' PDFs print it: 07's sub-header words on its 合计 row
    title = "政府性基金预算财政拨款收入支出决算表"
    sub_header = _line_in_form(putuo_source, title, "支出功能分类科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t")
    total = _line_in_form(putuo_source, title, "合计\t\t\t\t\t\t\t")
    fused = edited(putuo_source, "empty-07-fused.pdf", {
        sub_header: "支出功能分类科目编码\t科目名称\t\t\t\t\t\t",
        total: "合计\t\t\t\t合计\t基本支出\t项目支出\t"})
    parsed = parse_document(fused)
    assert parsed.document.status == "landed" and parsed.issues == []
    form07 = next(form for form in parsed.forms if form.form == "07")
    assert not form07.has_amounts and "故本表无数据" in form07.empty_note
    total_row, = parsed.rows["raw_form07_government_fund"]
    assert total_row.row_kind == "total" and set(total_row.measures.values()) == {None}


def test_blank_09_lands_printed_empty(putuo_source):
    blank = edited(putuo_source, "blank-09.pdf", {"0.95\t\t\t\t\t\t\t\t\t\t0.95\t": "\t" * 11})
    parsed = parse_document(blank)
    assert parsed.document.status == "landed" and parsed.issues == []
    form09 = next(form for form in parsed.forms if form.form == "09")
    assert (form09.has_amounts, form09.source_page) == (False, 18)
    assert parsed.rows["raw_form09_three_public"] == []
    # the narrative still states the 0.95 budget: the warehouse holds it against the blank table
    budget = next(row for row in parsed.rows["raw_narrative_claims"] if row.subject_key == "three_public_total")
    assert budget.initial_budget == Decimal("0.95")


@pytest.mark.parametrize("title, form", [
    ("一般公共预算财政拨款“三公”经费支出决算表", "09"),     # the 三公 table of central departments
    ("“三公”经费、会议费、培训费支出决算表", "09"),
    ("一般公共预算支出决算表（功能科目）", "05"),            # a qualifier after the title
    ("一般公共预算基本支出决算表（经济科目）", "06"),
    ("政府性基金预算支出决算表", "07"),
    ("国有资本经营预算财政拨款收入支出决算表（续）", "08"),
])
def test_title_variants_without_财政拨款_or_with_a_qualifier(title, form):
    assert match_title(title).form == form


def test_a_marker_numbering_the_forms_otherwise_does_not_decide_the_form(tmp_path, sample_lines):
    # some publishers print 三公 seventh: its 公开07表 marker does not make it 07
    from ingest.source import read_text_document
    lines = [line.replace("公开09表", "公开07表") for line in sample_lines]
    path = tmp_path / "renumbered.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    parsed = parse_document(read_text_document(path))
    assert parsed.issues == [] and len(parsed.rows["raw_form09_three_public"]) == 12


def test_a_contents_entry_right_above_the_first_form_is_not_taken_for_it(putuo_source):
    # the 目录's last entries followed at once by the first table (no part heading between):
    # the entry that names 08 has a header within reach but no table under it
    lines = [line.text for line in putuo_source.lines]
    first_form = lines.index("收入支出决算总表") + 1              # page 6
    moved = edited(putuo_source, "contents-above-forms.pdf", {
        first_form: ["九、国有资本经营预算财政拨款收入支出决算表", "收入支出决算总表"]})
    parsed = parse_document(moved)
    assert parsed.issues == [] and len(parsed.forms) == 9
    form08 = next(form for form in parsed.forms if form.form == "08")
    assert (form08.source_page, form08.empty_note is not None) == (20, True)


def test_a_text_column_the_catalogue_does_not_know_is_no_reason_to_stop(tmp_path, sample_lines):
    # 05 with a 备注 column of words after its amounts: the amounts land, the words are not measures
    from ingest.source import read_text_document
    lines = list(sample_lines)
    header = lines.index("科目代码\t科目名称\t小计\t基本支出\t项目支出", lines.index("一般公共预算财政拨款支出决算表"))
    lines[header] += "\t备注"
    row = next(i for i in range(header, len(lines)) if lines[i].startswith("2010301\t行政运行\t55.11"))
    lines[row] += "\t人员经费"
    path = tmp_path / "remarks.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    parsed = parse_document(read_text_document(path))
    assert parsed.issues == [] and parsed.rows["raw_extra_measures"] == []
    assert len(parsed.rows["raw_form05_general_budget_expenditure"]) == 47


# --- cells a PDF splits over two rows --------------------------------------------------------

def test_a_summary_line_label_wrapped_onto_a_row_of_its_own(putuo_source):
    # page 6 (01) as a wider table prints it: 七、文化旅游体育与传媒支 / 出 on two rows
    wrapped = edited(putuo_source, "wrapped-01.pdf", {
        "七、附属单位上缴收入\t\t七、文化旅游体育与传媒支出\t": ["七、附属单位上缴收入\t\t七、文化旅游体育与传媒支\t", "\t\t出\t"]})
    parsed = parse_document(wrapped)
    assert parsed.issues == []
    labels = [row.row_label for row in parsed.rows["raw_form01_summary"] if row.side == "expenditure"]
    assert labels == [row.row_label for row in parse_document(putuo_source).rows["raw_form01_summary"]
                      if row.side == "expenditure"]
    assert "七、文化旅游体育与传媒支出" in labels and "出" not in labels


def test_a_function_name_wrapped_onto_a_row_of_its_own(putuo_source):
    # page 10 (03): 机关事业单位基本养老保险缴费支出 wrapped under its code row
    code_row = "2080505\t机关事业单位基本养老保险缴费支出\t160.75\t160.75\t\t\t\t"
    wrapped = edited(putuo_source, "wrapped-03.pdf", {
        code_row: ["2080505\t机关事业单位基本养老保险\t160.75\t160.75\t\t\t\t", "\t缴费支出\t\t\t\t\t\t"]})
    parsed = parse_document(wrapped)
    assert parsed.issues == []
    row = next(row for row in parsed.rows["raw_form03_expenditure"] if row.function_code == "2080505")
    assert (row.function_name, row.measures["total"]) == ("机关事业单位基本养老保险缴费支出", Decimal("160.75"))


def test_a_合计_label_and_its_amounts_printed_on_two_rows(putuo_source):
    # page 15 (05): the merged 合计 cell split, its amounts on the row above the label
    split = edited(putuo_source, "split-total.pdf", {
        "\t合计\t2,940.05\t2,336.91\t603.14": ["\t\t2,940.05\t2,336.91\t603.14", "\t合计\t\t\t"]})
    parsed = parse_document(split)
    assert parsed.issues == []
    total, = _totals(parsed, "raw_form05_general_budget_expenditure")
    assert (total.measures["total"], total.measures["basic"], total.measures["project"]) == (
        Decimal("2940.05"), Decimal("2336.91"), Decimal("603.14"))


def test_a_single_amount_column_printed_as_金额_is_the_total():
    from ingest.forms.functional import MEASURE_RULES
    from ingest.forms.header import classify_label
    assert [classify_label("金额", MEASURE_RULES[form]) for form in ("02", "03", "05", "07", "08")] == [
        "total", "total", "total", "expenditure_total", "total"]
    assert classify_label("项目支出金额", MEASURE_RULES["05"]) == "project"     # only a column of that word alone


def test_a_summary_form_with_an_empty_column_at_its_left_edge_and_项目名称_headers(putuo_source):
    # page 6-7 (01) as a PDF with a thin empty grid column at the left edge prints it
    lines = [line.text for line in putuo_source.lines]
    first, last = lines.index("收入\t\t支出\t"), lines.index("总计\t2,995.39\t总计\t2,995.39")
    shifted = {number: "\t" + lines[number - 1].replace("项目\t", "项目名称\t")
               for number in range(first + 1, last + 2)}
    parsed = parse_document(edited(putuo_source, "left-column-01.pdf", shifted))
    assert parsed.issues == []
    read = [(row.side, row.item_name, row.line_kind, row.amount_total) for row in parsed.rows["raw_form01_summary"]]
    assert read == [(row.side, row.item_name, row.line_kind, row.amount_total)
                    for row in parse_document(putuo_source).rows["raw_form01_summary"]]


def test_a_code_and_its_name_printed_in_one_cell(putuo_source):
    # page 10 (03) as a text layer without a rule between the two columns prints it
    fused = edited(putuo_source, "fused-code-name.pdf", {
        "2010601\t行政运行\t1,511.89\t1,503.52\t8.37\t\t\t": "2010601 行政运行\t\t1,511.89\t1,503.52\t8.37\t\t\t"})
    parsed = parse_document(fused)
    assert parsed.issues == []
    row = next(row for row in parsed.rows["raw_form03_expenditure"] if row.function_code == "2010601")
    assert (row.function_name, row.measures["total"], row.source_page) == ("行政运行", Decimal("1511.89"), 10)


def test_a_类_name_is_read_without_its_mark_but_not_inside_a_longer_name():
    from ingest.narrative.subjects import subject_in
    names = frozenset({"教育支出", "科学技术支出"})      # the 类 names 西南大学's 03 prints
    assert subject_in("按照支出功能科目划分，教育支出", names).class_name == "教育支出"
    assert subject_in("其中：科学技术支出", names).class_name == "科学技术支出"
    assert subject_in("高等教育支出", names) is None       # a 项, not the 类 教育支出


# --- rows inside a table that carry no data ----------------------------------------------------

def _text_document(tmp_path, lines, name="edited.txt"):
    from ingest.source import read_text_document
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return parse_document(read_text_document(path))


def test_a_header_repeated_inside_a_table_at_a_page_break(tmp_path, sample_lines):
    # the Wuchang text extraction, with 03's header and 栏次 rows printed again mid-table
    lines = list(sample_lines)
    header = lines.index("科目代码\t科目名称\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出")
    row = lines.index("20101\t人大事务\t3.28\t\t3.28\t\t\t", header)
    lines[row:row] = [lines[header], lines[header + 3]]               # the header row and 栏次 again
    parsed = _text_document(tmp_path, lines)
    assert parsed.issues == []
    original = parse_document(_read_sample())
    assert [(r.function_code, r.measures) for r in parsed.rows["raw_form03_expenditure"]] == \
        [(r.function_code, r.measures) for r in original.rows["raw_form03_expenditure"]]


def test_a_summary_line_without_its_行次_is_read_all_the_same(tmp_path, sample_lines):
    lines = list(sample_lines)
    row = lines.index("\t12\t\t十二、农林水支出\t43\t")
    lines[row] = "\t12\t\t十二、农林水支出\t\t"                         # 行次 43 not printed
    parsed = _text_document(tmp_path, lines)
    assert parsed.issues == []
    line = next(r for r in parsed.rows["raw_form01_summary"] if r.item_name == "农林水支出")
    assert (line.row_no, line.line_kind, line.amount_total) == (None, "class_line", None)


def _read_sample():
    from conftest import SAMPLE
    from ingest.source import read_text_document
    return read_text_document(SAMPLE)
