"""Parquet exports of the marts, for BI tools without a DuckDB 2.0 driver.

The export folder is replaced whole (ingest/atomic_dir.py), so a reader sees either the
previous export or the new one, never a mix.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from .atomic_dir import replacing
from .marts import MARTS


def export_marts(warehouse: Path, folder: Path) -> None:
    with replacing(folder) as staged, duckdb.connect(str(warehouse), read_only=True) as con:
        for mart in MARTS:
            con.execute(f"copy {mart.relation} to '{staged.path / mart.name}.parquet' (format parquet)")
