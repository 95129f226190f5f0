"""The bundled 2023 石洞街道 disclosure, parsed: values checked against the printed lines."""
from decimal import Decimal

from conftest import SAMPLE_ID


def _function_row(parsed, table, code):
    return next(r for r in parsed.rows[table] if r.function_code == code)


def _total_row(parsed, table):
    return next(r for r in parsed.rows[table] if r.row_kind == "total")


def test_document_identity_and_cover(parsed_sample):
    document = parsed_sample.document
    assert document.document_id == SAMPLE_ID
    assert document.department_name == "武汉市武昌区人民政府石洞街道办事处"
    assert document.fiscal_year == 2023
    assert document.unit == "万元"
    assert not document.is_template


def test_all_nine_forms_found_by_title(parsed_sample):
    forms = {form.form: form for form in parsed_sample.forms}
    assert sorted(forms) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"]
    assert forms["04"].title == "财政拨款收入支出决算总表"
    assert forms["01"].title_line == 80 and forms["04"].title_line == 252
    assert forms["02"].department_in_header == "武汉市武昌区人民政府石湖街道办事处"   # printed so
    assert all(form.unit == "万元" for form in forms.values())
    assert forms["03"].amount_decimals == 2


def test_form03_totals_and_items(parsed_sample):
    total = _total_row(parsed_sample, "raw_form03_expenditure")
    assert (total.measures["total"], total.measures["basic"], total.measures["project"]) == (
        Decimal("959.84"), Decimal("86.99"), Decimal("872.85"))
    admin = _function_row(parsed_sample, "raw_form03_expenditure", "2010301")
    assert admin.function_name == "行政运行"
    assert admin.measures["basic"] == Decimal("55.11")
    assert admin.measures["project"] is None                      # blank, not zero
    assert admin.source_line == 202
    emergency = _function_row(parsed_sample, "raw_form03_expenditure", "2100410")
    assert emergency.measures["total"] == Decimal("281.5") and emergency.source_line == 229


def test_form02_keeps_the_misprinted_code(parsed_sample):
    codes = {r.function_code for r in parsed_sample.rows["raw_form02_income"]}
    assert "2010106" in codes and "2010108" not in codes


def test_form05_is_landed_as_truncated(parsed_sample):
    rows = parsed_sample.rows["raw_form05_general_budget_expenditure"]
    assert rows[-1].function_code == "2210201" and rows[-1].source_line == 354
    assert not any(r.function_code == "224" for r in rows)


def test_form01_two_sides_and_line_kinds(parsed_sample):
    rows = parsed_sample.rows["raw_form01_summary"]
    disaster = next(r for r in rows if r.item_name == "灾害防治及应急管理支出")
    assert disaster.side == "expenditure" and disaster.row_no == 53 and disaster.amount_total is None
    kinds = {(r.side, r.line_kind): r.amount_total for r in rows
             if r.line_kind in ("current_year_total", "grand_total")}
    assert kinds == {("income", "current_year_total"): Decimal("959.84"),
                     ("expenditure", "current_year_total"): Decimal("959.84"),
                     ("income", "grand_total"): Decimal("959.84"),
                     ("expenditure", "grand_total"): Decimal("959.84")}


def test_form04_fund_columns(parsed_sample):
    rows = parsed_sample.rows["raw_form04_fiscal_summary"]
    disaster = next(r for r in rows if r.item_name == "灾害防治及应急管理支出")
    assert disaster.amount_total == Decimal("0.36") and disaster.amount_general_budget == Decimal("0.36")
    assert disaster.amount_government_fund is None
    details = [r.item_name for r in rows if r.line_kind == "balance_detail"]
    assert details == ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]


def test_form06_blocks_categories_and_shifted_total(parsed_sample):
    rows = parsed_sample.rows["raw_form06_basic_expenditure_items"]
    by_code = {r.economic_code: r for r in rows if r.economic_code}
    assert by_code["30231"].amount == Decimal("2.37") and by_code["30231"].block_no == 2
    assert by_code["303"].expense_category == "personnel" and by_code["303"].block_no == 1
    assert by_code["310"].expense_category == "public_use" and by_code["310"].block_no == 3
    assert by_code["30106"].amount is None                         # blank template item
    totals = {r.expense_category: r.amount for r in rows if r.row_kind == "category_total"}
    # 公用经费合计 is printed in the 9th cell of line 388, past its own block
    assert totals == {"personnel": Decimal("79.93"), "public_use": Decimal("7.06")}
    assert len(by_code) == 81                                        # codes on lines 360-387


def test_empty_forms_07_08_land_their_note(parsed_sample):
    forms = {form.form: form for form in parsed_sample.forms}
    for form, table in (("07", "raw_form07_government_fund"), ("08", "raw_form08_state_capital_expenditure")):
        assert not forms[form].has_amounts
        assert "无数据" in forms[form].empty_note
        (row,) = parsed_sample.rows[table]
        assert row.row_kind == "total" and all(value is None for value in row.measures.values())


def test_form09_budget_and_actual_blocks(parsed_sample):
    cells = {(r.scope, r.component): r.amount for r in parsed_sample.rows["raw_form09_three_public"]}
    assert cells[("actual", "vehicle_operation")] == Decimal("2.37")
    assert cells[("budget", "total")] == Decimal("2.37")
    assert cells[("actual", "overseas_travel")] is None
    assert len(cells) == 12
