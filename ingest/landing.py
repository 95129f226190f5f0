"""The landing zone: one CSV seed per landing table, rewritten all-or-nothing.

Re-landing a document replaces its rows (by document_id) and leaves the others as they were;
the same inputs always give byte-identical files. New files are written to a sibling temp
directory and swapped in with renames, so a failure never leaves a half-written landing.
"""
from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from pathlib import Path

from .model import (FUNCTION_FORM_MEASURES, DocumentRow, EconomicItemRow, FormRow, FunctionLineRow,
                    NarrativeClaimRow, PerformanceIndicatorRow, PerformanceTableRow, SummaryLineRow,
                    ThreePublicRow, columns_of)
from .narrative import NARRATIVE_TABLES
from .parse import FORM_TABLES, ParsedDocument

_PROVENANCE = ["document_id", "form", "source_page", "source_line", "raw_text"]


def _function_columns(form: str) -> list[str]:
    return [*_PROVENANCE, "row_kind", "function_code", "function_name",
            *[f"amount_{measure}" for measure in FUNCTION_FORM_MEASURES[form]]]


LANDING_COLUMNS: dict[str, list[str]] = {
    "raw_documents": columns_of(DocumentRow),
    "raw_forms": columns_of(FormRow),
    FORM_TABLES["01"]: columns_of(SummaryLineRow),
    FORM_TABLES["04"]: columns_of(SummaryLineRow),
    FORM_TABLES["06"]: columns_of(EconomicItemRow),
    FORM_TABLES["09"]: columns_of(ThreePublicRow),
    **{FORM_TABLES[form]: _function_columns(form) for form in FUNCTION_FORM_MEASURES},
    NARRATIVE_TABLES["claims"]: columns_of(NarrativeClaimRow),
    NARRATIVE_TABLES["performance"]: columns_of(PerformanceTableRow),
    NARRATIVE_TABLES["indicators"]: columns_of(PerformanceIndicatorRow),
}


def _record(row) -> dict:
    if isinstance(row, FunctionLineRow):
        record = {key: value for key, value in asdict(row).items() if key != "measures"}
        record.update({f"amount_{measure}": value for measure, value in row.measures.items()})
        return record
    assert is_dataclass(row)
    return asdict(row)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _sort_key(record: dict[str, str]):
    line = record.get("source_line") or record.get("title_line") or "0"
    return record["document_id"], record.get("form", ""), int(line)


def _read_table(directory: Path, table: str) -> list[dict[str, str]]:
    path = directory / f"{table}.csv"
    if not path.exists():
        return []
    columns = LANDING_COLUMNS[table]
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not set(reader.fieldnames or []) <= set(columns):
            raise RuntimeError(f"{path}: columns differ from this version's landing layout; "
                               "delete the landing folder and ingest again")
        # a layout that gained columns (e.g. 08's balances) keeps its rows, new cells blank
        return [{column: record.get(column, "") for column in columns} for record in reader]


def read_landing(directory: Path) -> dict[str, list[dict[str, str]]]:
    return {table: _read_table(directory, table) for table in LANDING_COLUMNS}


def landed_document_ids(directory: Path, parser_version: str | None = None) -> set[str]:
    """Documents in the landing zone; with parser_version, only those that version landed."""
    return {row["document_id"] for row in _read_table(directory, "raw_documents")
            if parser_version is None or row["parser_version"] == parser_version}


def _recover(directory: Path) -> None:
    """A crash between the two renames of a swap leaves only the backup: put it back."""
    backup = directory.with_name(f".{directory.name}.previous")
    if not directory.exists() and backup.exists():
        backup.rename(directory)


def land(documents: list[ParsedDocument], directory: Path) -> None:
    """Replace the rows of these documents in the landing zone, all or nothing."""
    _recover(directory)
    tables = read_landing(directory)
    replaced = {parsed.document.document_id for parsed in documents}
    for table in tables:
        tables[table] = [row for row in tables[table] if row["document_id"] not in replaced]
    for parsed in documents:
        new_rows = {"raw_documents": [parsed.document], "raw_forms": parsed.forms, **parsed.rows}
        for table, rows in new_rows.items():
            tables[table].extend({key: _text(value) for key, value in _record(row).items()} for row in rows)

    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-staging-", dir=directory.parent))
    try:
        for table, columns in LANDING_COLUMNS.items():
            with (staging / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
                writer.writeheader()
                writer.writerows(sorted(tables[table], key=_sort_key))
        _swap(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, directory: Path) -> None:
    backup = directory.with_name(f".{directory.name}.previous")
    shutil.rmtree(backup, ignore_errors=True)
    if directory.exists():
        directory.rename(backup)
    new.rename(directory)
    shutil.rmtree(backup, ignore_errors=True)
