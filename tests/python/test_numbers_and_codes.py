from decimal import Decimal

import pytest

from ingest.codes import economic_code, function_code, strip_ordinal
from ingest.numbers import find_unit, parse_amount


@pytest.mark.parametrize("printed, value, decimals", [
    ("959.84", "959.84", 2),
    ("92", "92", 0),
    ("0.2", "0.2", 1),
    ("1,511.89", "1511.89", 2),
    ("２,９４０.０５", "2940.05", 2),       # full-width digits from PDFs
    (" 7.06 ", "7.06", 2),
    ("(3.50)", "-3.50", 2),
    ("-0.36", "-0.36", 2),
])
def test_amount_is_exact_with_its_print_precision(printed, value, decimals):
    amount = parse_amount(printed)
    assert amount.value == Decimal(value) and isinstance(amount.value, Decimal)
    assert amount.decimals == decimals


@pytest.mark.parametrize("blank", ["", "  ", "-", "—", "－"])
def test_blank_cell_is_none_not_zero(blank):
    assert parse_amount(blank) is None


@pytest.mark.parametrize("text", ["55.1l", "12a", "1,23.4", "代表工作", "1.2.3"])
def test_non_amount_text_is_rejected(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_zero_is_an_amount():
    assert parse_amount("0").value == Decimal(0)


@pytest.mark.parametrize("cell, unit", [("单位：万元", "万元"), ("单位:元", "元"), ("金额单位：万元", "万元"),
                                        ("部门：某某", None)])
def test_unit_from_header(cell, unit):
    assert find_unit(cell) == unit


def test_function_codes_by_level():
    assert function_code("201") == "201"
    assert function_code("20103") == "20103"
    assert function_code(" 2010301 ") == "2010301"
    assert function_code("2010") is None          # no such level
    assert function_code("301") is None           # economic, not functional
    assert function_code("合计") is None


def test_economic_codes():
    assert economic_code("30231") == "30231"
    assert economic_code("302") == "302"
    assert economic_code("2010301") is None


def test_ordinal_removed_from_line_labels():
    assert strip_ordinal("二十二、灾害防治及应急管理支出") == "灾害防治及应急管理支出"
    assert strip_ordinal("本年收入合计") == "本年收入合计"
