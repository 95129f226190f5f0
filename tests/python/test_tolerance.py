"""One tolerance: the SQL macros (macros/print_tolerance.sql), rendered and run in DuckDB, give
the answers of ingest/tolerance.py for every precision and term count."""
from decimal import Decimal

import duckdb
import jinja2
import pytest

from conftest import PROJECT_DIR
from ingest.tolerance import half_print_unit, sum_tolerance

MACROS = jinja2.Environment(extensions=["jinja2.ext.do"]).from_string(
    (PROJECT_DIR / "macros" / "print_tolerance.sql").read_text(encoding="utf-8")).module


@pytest.mark.parametrize("decimals", [None, 0, 1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("term_count", [0, 1, 7, 40])
def test_sql_and_python_tolerances_agree(decimals, term_count):
    half_sql = MACROS.half_print_unit("null" if decimals is None else str(decimals))
    with duckdb.connect() as con:
        half, total = con.execute(f"select {half_sql}, {MACROS.sum_tolerance(str(term_count), half_sql)}").fetchone()
    assert half == half_print_unit(decimals)
    assert total == sum_tolerance(term_count, half_print_unit(decimals))


def test_the_tolerance_is_half_a_unit_of_the_last_printed_digit():
    assert half_print_unit(2) == Decimal("0.005") and half_print_unit(0) == Decimal("0.5")
    assert sum_tolerance(3, half_print_unit(2)) == Decimal("0.020")
