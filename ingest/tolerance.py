"""The print tolerance, the Python side of macros/print_tolerance.sql (tests/python/
test_tolerance.py holds the two to the same answers).

A value printed with d decimals is off by at most half a unit of its last digit, 0.5 * 10^-d of
its unit; a sum of n printed terms compared with one printed total is off by at most n + 1 such
half units. A form that prints no amounts has no known decimals: amounts in 元 or 万元 are
printed to the cent or the hundredth, so 2 is assumed (DEFAULT_DECIMALS).
"""
from __future__ import annotations

from decimal import Decimal

DEFAULT_DECIMALS = 2
MOST_DECIMALS = 4        # finer prints are taken as 4 (the landing keeps 4 decimals)


def half_print_unit(decimals: int | None) -> Decimal:
    places = min(DEFAULT_DECIMALS if decimals is None else decimals, MOST_DECIMALS)
    return Decimal(5).scaleb(-places - 1)


def sum_tolerance(term_count: int, half_unit: Decimal) -> Decimal:
    return (term_count + 1) * half_unit
