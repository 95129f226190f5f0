"""The seeds landing zone: one CSV per landing table (dbt seeds), rewritten all or nothing.

Re-landing a document replaces its rows (by document_id) and leaves the others as they were;
the same inputs always give byte-identical files.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from .atomic_dir import recover, replacing
from .landing_records import Records
from .landing_schema import LANDING_COLUMNS, order_columns

# Ingest lands no cell beyond landing_schema.CELL_LIMIT (csv's default field limit); a zone
# written before that check may hold one, and reading it back must not fail every ingest.
csv.field_size_limit(1 << 30)


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


def landed_seed_documents(directory: Path) -> dict[str, tuple[str, str]]:
    """Document -> (the parser version that landed it, when it was first landed), of every
    document in the seeds zone."""
    recover(directory)
    columns = LANDING_COLUMNS["raw_documents"]
    version, landed_at = columns.index("parser_version"), columns.index("landed_at")
    return {row[0]: (row[version], row[landed_at]) for row in _read_table(directory, "raw_documents")}


def land_seeds(documents: Iterable[Records], directory: Path) -> int:
    """Replace the rows of these documents in the seeds zone, all or nothing; returns how many
    were landed."""
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
    with replacing(directory) as staged:
        for table, columns in LANDING_COLUMNS.items():
            with (staged.path / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(columns)
                writer.writerows(sorted(tables[table], key=sort_key(table)))
    return len(new_documents)
