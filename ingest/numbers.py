"""Printed amounts and units: exact decimals, blank cells kept apart from zero."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

# A dash is how many tables print "nothing here"; it is landed like a blank cell.
_BLANK_MARKS = {"", "-", "--", "—", "——", "－", "/"}
_AMOUNT = re.compile(r"^(?P<sign>[+-]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?$")

@dataclass(frozen=True)
class Amount:
    value: Decimal
    decimals: int  # digits printed after the point: the print precision of this cell


def normalise_cell(text: str) -> str:
    """Full-width digits and punctuation to ASCII, surrounding space removed."""
    if text.isascii():                      # most cells: NFKC leaves ASCII as it is
        return text.strip()
    return unicodedata.normalize("NFKC", text).strip()


def parse_amount(text: str) -> Amount | None:
    """'1,511.89' -> Amount(1511.89, 2); '' or '-' -> None; '(3.5)' -> -3.5.

    Raises ValueError for text that is neither blank nor a number, so the caller can say
    where it was printed.
    """
    cell = normalise_cell(text).replace(" ", "")
    if cell in _BLANK_MARKS:
        return None
    negative = cell.startswith("(") and cell.endswith(")")
    if negative:
        cell = cell[1:-1]
    match = _AMOUNT.match(cell)
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    frac = match.group("frac") or ""
    digits = match.group("int").replace(",", "") + ("." + frac if frac else "")
    value = Decimal(digits)
    if negative or match.group("sign") == "-":
        value = -value
    return Amount(value, len(frac))


_DECIMAL_AMOUNT = re.compile(r"^-?[\d,]+\.\d+$")


def is_decimal_amount(text: str) -> bool:
    """'2,940.05' or '0.95': an amount printed with decimals. Codes, row numbers, page numbers
    and years are whole numbers, so only these say that amounts are printed."""
    return bool(_DECIMAL_AMOUNT.match(text.strip()))


def looks_like_amount(text: str) -> bool:
    try:
        return parse_amount(text) is not None
    except ValueError:
        return False


_UNIT = re.compile(r"单位[:：]\s*(亿元|万元|元)")


def find_unit(text: str) -> str | None:
    """The unit declared in a header cell such as '单位：万元'."""
    match = _UNIT.search(normalise_cell(text))
    return match.group(1) if match else None
