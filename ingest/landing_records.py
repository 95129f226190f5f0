"""A parsed document as landing records: per landing table, rows of text cells in the
registry's column order (ingest/landing_schema.py). Both landing zones write these."""
from __future__ import annotations

from dataclasses import is_dataclass
from decimal import Decimal

from .landing_schema import LANDING_COLUMNS
from .model import FunctionLineRow
from .parse import ParsedDocument

Records = dict[str, list[list[str]]]   # landing table -> rows of text cells in LANDING_COLUMNS order


def _cells(row, columns: list[str]) -> list[str]:
    """The row's values in `columns` order as text cells: read field by field (dataclasses.asdict
    deep-copies every row, a fifth of the time of parsing a document)."""
    if isinstance(row, FunctionLineRow):
        measures = row.measures
        return [_text(measures.get(column[len("amount_"):]) if column.startswith("amount_") else getattr(row, column))
                for column in columns]
    assert is_dataclass(row)
    return [_text(getattr(row, column)) for column in columns]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def document_records(parsed: ParsedDocument) -> Records:
    """One document's landing rows as text cells ('' for blank), document_id first in every table."""
    # a template's forms were found, not read: its record lands alone, like a failed document's
    forms = [] if parsed.document.is_template else parsed.forms
    rows_by_table = {"raw_documents": [parsed.document], "raw_forms": forms, **parsed.rows}
    records: Records = {table: [] for table in LANDING_COLUMNS}
    for table, rows in rows_by_table.items():
        columns = LANDING_COLUMNS[table]
        records[table].extend(_cells(row, columns) for row in rows)
    return records


_LANDED_AT = LANDING_COLUMNS["raw_documents"].index("landed_at")


def stamp_landed_at(records: Records, first_landed: dict[str, str], now: str) -> Records:
    """The document's landing time: when its content was first landed (first_landed), else now."""
    row = records["raw_documents"][0]
    row[_LANDED_AT] = first_landed.get(row[0]) or now
    return records
