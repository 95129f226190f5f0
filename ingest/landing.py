"""The landing zone: one CSV seed per landing table, rewritten all-or-nothing.

Re-landing a document replaces its rows (by document_id) and leaves the others as they were;
the same inputs always give byte-identical files. New files are written to a sibling temp
directory and swapped in with renames, so a failure never leaves a half-written landing.
"""
from __future__ import annotations

import csv
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, is_dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from .model import (FUNCTION_FORM_MEASURES, DocumentRow, EconomicItemRow, ExtraMeasureRow, FormRow,
                    FunctionLineRow, MentionRow, NarrativeClaimRow, ParseIssueRow, PerformanceIndicatorRow,
                    PerformanceTableRow, SummaryLineRow, ThreePublicRow, columns_of)
from .narrative import NARRATIVE_TABLES
from .parse import DOCUMENT_TABLES, FORM_TABLES, ParsedDocument

LANDING_YML = Path(__file__).resolve().parent.parent / "seeds" / "landing.yml"
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
    DOCUMENT_TABLES["issues"]: columns_of(ParseIssueRow),
    DOCUMENT_TABLES["extras"]: columns_of(ExtraMeasureRow),
    DOCUMENT_TABLES["mentions"]: columns_of(MentionRow),
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


Records = dict[str, list[list[str]]]   # landing table -> rows of text cells in LANDING_COLUMNS order


def document_records(parsed: ParsedDocument) -> Records:
    """One document's landing rows as text cells ('' for blank), document_id first in every table."""
    # a template's forms were found, not read: its record lands alone, like a failed document's
    forms = [] if parsed.document.is_template else parsed.forms
    rows_by_table = {"raw_documents": [parsed.document], "raw_forms": forms, **parsed.rows}
    records: Records = {table: [] for table in LANDING_COLUMNS}
    for table, rows in rows_by_table.items():
        columns = LANDING_COLUMNS[table]
        for row in rows:
            record = _record(row)
            records[table].append([_text(record.get(column)) for column in columns])
    return records


def landing_column_types() -> dict[str, dict[str, str]]:
    """Table -> column -> DuckDB type, as seeds/landing.yml declares them for the seeds (the
    Parquet landing writes the same types)."""
    with LANDING_YML.open(encoding="utf-8") as handle:
        seeds = yaml.safe_load(handle)["seeds"]
    return {seed["name"]: seed["config"]["column_types"] for seed in seeds}


def order_columns(table: str) -> list[str]:
    """The columns that order a table's rows: document, form, line. Both landing formats write
    rows in this order, so the same input always lands the same bytes."""
    columns = LANDING_COLUMNS[table]
    return [column for column in ("document_id", "form", "source_line", "title_line") if column in columns]


def sort_key(table: str):
    """order_columns() as a Python sort key (line numbers compared as numbers)."""
    positions = [(LANDING_COLUMNS[table].index(column), column.endswith("_line")) for column in order_columns(table)]
    return lambda row: tuple(int(row[i] or 0) if is_line else row[i] for i, is_line in positions)


def _read_table(directory: Path, table: str) -> list[list[str]]:
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
        return [[record.get(column, "") for column in columns] for record in reader]


def read_landing(directory: Path) -> Records:
    return {table: _read_table(directory, table) for table in LANDING_COLUMNS}


def landed_document_ids(directory: Path, parser_version: str | None = None) -> set[str]:
    """Documents in the landing zone; with parser_version, only those that version landed."""
    version = LANDING_COLUMNS["raw_documents"].index("parser_version")
    return {row[0] for row in _read_table(directory, "raw_documents")
            if parser_version is None or row[version] == parser_version}


def recover(directory: Path) -> None:
    """A crash between the two renames of a swap leaves only the backup: put it back."""
    backup = directory.with_name(f".{directory.name}.previous")
    if not directory.exists() and backup.exists():
        backup.rename(directory)


def land(documents: list[ParsedDocument], directory: Path) -> None:
    """Replace the rows of these documents in the seed landing zone, all or nothing."""
    land_records([document_records(parsed) for parsed in documents], directory)


def land_records(documents: Iterable[Records], directory: Path) -> int:
    """land() for documents already turned into records; returns how many were landed."""
    recover(directory)
    new_documents = list(documents)
    if not new_documents:
        return 0
    replaced = {records["raw_documents"][0][0] for records in new_documents}
    tables = read_landing(directory)
    for table in tables:
        tables[table] = [row for row in tables[table] if row[0] not in replaced]
        for records in new_documents:
            tables[table].extend(records[table])
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}-staging-", dir=directory.parent))
    try:
        for table, columns in LANDING_COLUMNS.items():
            with (staging / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(columns)
                writer.writerows(sorted(tables[table], key=sort_key(table)))
        swap(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(new_documents)


def swap(new: Path, directory: Path) -> None:
    """Put directory `new` in the place of `directory` (two renames; recover() mends a crash between)."""
    backup = directory.with_name(f".{directory.name}.previous")
    shutil.rmtree(backup, ignore_errors=True)
    if directory.exists():
        directory.rename(backup)
    new.rename(directory)
    shutil.rmtree(backup, ignore_errors=True)
