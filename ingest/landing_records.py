"""A parsed document as landing records: per landing table, rows of text cells in the
registry's column order (ingest/landing_schema.py). Both landing zones write these."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import is_dataclass
from decimal import Decimal
from functools import cache
from operator import attrgetter

from .landing_schema import LANDING_COLUMNS
from .model import FunctionLineRow
from .parse import ParsedDocument

Records = dict[str, list[list[str]]]   # landing table -> rows of text cells in LANDING_COLUMNS order


def _getter(row_type: type, column: str) -> Callable:
    if row_type is FunctionLineRow and column.startswith("amount_"):
        measure = column[len("amount_"):]
        return lambda row: row.measures.get(measure)
    return attrgetter(column)


@cache
def _getters(row_type: type, columns: tuple[str, ...]) -> tuple[Callable, ...]:
    """How to read each column of a row type: field by field (dataclasses.asdict deep-copies
    every row, a fifth of the time of parsing a document)."""
    assert is_dataclass(row_type)
    return tuple(_getter(row_type, column) for column in columns)


def _cells(row, columns: tuple[str, ...]) -> list[str]:
    """The row's values in `columns` order as text cells."""
    return [_text(get(row)) for get in _getters(type(row), columns)]


def _text(value) -> str:
    kind = type(value)          # most cells are text already: asked first
    if kind is str:
        return value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    if kind is Decimal:
        return format(value, "f")
    return str(value)


def document_records(parsed: ParsedDocument) -> Records:
    """One document's landing rows as text cells ('' for blank), document_id first in every table."""
    # a template's forms were found, not read: its record lands alone, like a failed document's
    forms = [] if parsed.document.is_template else parsed.forms
    rows_by_table = {"raw_documents": [parsed.document], "raw_forms": forms, **parsed.rows}
    records: Records = {table: [] for table in LANDING_COLUMNS}
    for table, rows in rows_by_table.items():
        columns = tuple(LANDING_COLUMNS[table])
        records[table].extend(_cells(row, columns) for row in rows)
    return records


_LANDED_AT = LANDING_COLUMNS["raw_documents"].index("landed_at")


def stamp_landed_at(records: Records, first_landed: dict[str, str], now: str) -> Records:
    """The document's landing time: when its content was first landed (first_landed), else now."""
    row = records["raw_documents"][0]
    row[_LANDED_AT] = first_landed.get(row[0]) or now
    return records
