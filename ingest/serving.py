"""What BI tools read: a copy of the marts in a storage format older DuckDB clients open, and
every mart as Parquet, both written from a build that passed and swapped in whole beside the
warehouse.

The warehouse is written by DuckDB 2.0, whose storage format DuckDB 1.x clients refuse ("can
only read versions between 64 and 67"), and BI tools bundle a DuckDB of their own (Metabase's and
DBeaver's JDBC driver, Evidence, Rill, Superset's duckdb-engine), often a 1.x. The serving copy
is written in SERVING_STORAGE_VERSION, which DuckDB 1.0 and every later client read; it holds the
mart tables with their comments, and no view, so it reads nothing but itself.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .exports import export_marts
from .marts import MARTS

SERVING_STORAGE_VERSION = "v1.0.0"


def serving_copy_path(warehouse: Path) -> Path:
    """warehouse/fiscal.duckdb -> warehouse/fiscal.serving.duckdb"""
    return warehouse.with_name(f"{warehouse.stem}.serving{warehouse.suffix}")


def exports_folder(warehouse: Path) -> Path:
    """warehouse/fiscal.duckdb -> warehouse/fiscal-marts/ (one Parquet file per mart)"""
    return warehouse.with_name(f"{warehouse.stem}-marts")


def report_folder(warehouse: Path) -> Path:
    """warehouse/fiscal.duckdb -> warehouse/fiscal-report/ (`fiscal report`)"""
    return warehouse.with_name(f"{warehouse.stem}-report")


def _quoted(text: str | None) -> str:
    return "null" if text is None else "'" + text.replace("'", "''") + "'"


def write_serving_copy(built: Path, destination: Path) -> None:
    """The marts of `built` (a warehouse that passed), with their table and column comments, as a
    new database file at `destination` in SERVING_STORAGE_VERSION."""
    for stale in (destination, destination.with_name(destination.name + ".wal")):
        stale.unlink(missing_ok=True)
    with duckdb.connect() as con:
        con.execute(f"attach '{built}' as built (read_only)")
        con.execute(f"attach '{destination}' as serving (storage_version '{SERVING_STORAGE_VERSION}')")
        for schema in sorted({mart.schema for mart in MARTS}):
            con.execute(f"create schema serving.{schema}")
        for mart in MARTS:
            con.execute(f"create table serving.{mart.relation} as select * from built.{mart.relation}")
            (comment,), = con.execute("select comment from duckdb_tables() where database_name = 'built' "
                                      "and schema_name = ? and table_name = ?", [mart.schema, mart.name]).fetchall()
            con.execute(f"comment on table serving.{mart.relation} is {_quoted(comment)}")
            for column, comment in con.execute(
                    "select column_name, comment from duckdb_columns() where database_name = 'built' "
                    "and schema_name = ? and table_name = ? order by column_index", [mart.schema, mart.name]).fetchall():
                con.execute(f'comment on column serving.{mart.relation}."{column}" is {_quoted(comment)}')


def prepare_serving(built: Path, warehouse: Path) -> list[tuple[Path, Path]]:
    """Write the serving copy and the Parquet exports of `built` beside `warehouse`, staged: the
    (staged, final) pairs to rename once the warehouse itself is swapped in. The exports folder is
    swapped by export_marts itself (ingest/atomic_dir.py)."""
    serving = serving_copy_path(warehouse)
    staged = serving.with_name(serving.name + ".building")
    write_serving_copy(built, staged)
    export_marts(built, exports_folder(warehouse))
    return [(staged, serving)]


def swap_in(pairs: list[tuple[Path, Path]]) -> None:
    for staged, final in pairs:
        os.replace(staged, final)
