"""Classification codes: functional 类/款/项 (3/5/7 digits) and economic 类/款 (3/5 digits)."""
from __future__ import annotations

import re

FUNCTION_LEVELS = {3: "class", 5: "section", 7: "item"}   # 类 / 款 / 项
ECONOMIC_LEVELS = {3: "class", 5: "section"}              # 类 / 款

_DIGITS = re.compile(r"^\d+$")
_CHINESE_ORDINAL = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")


def _clean(cell: str) -> str:
    return cell.replace(" ", "").replace("\u3000", "").strip()


def function_code(cell: str) -> str | None:
    """A printed functional code ('2010301') or None when the cell is not one."""
    text = _clean(cell)
    if _DIGITS.match(text) and len(text) in FUNCTION_LEVELS and text[0] == "2":
        return text
    return None


def economic_code(cell: str) -> str | None:
    text = _clean(cell)
    if _DIGITS.match(text) and len(text) in ECONOMIC_LEVELS and text[0] == "3":
        return text
    return None


def strip_ordinal(label: str) -> str:
    """'一、一般公共服务支出' -> '一般公共服务支出'."""
    return _CHINESE_ORDINAL.sub("", _clean(label))
