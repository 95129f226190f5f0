"""Parquet exports of the marts, for BI tools without a DuckDB 2.0 driver.

The export folder is written beside the target and swapped in whole, so a reader sees either
the previous export or the new one, never a mix.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

from .landing import recover, swap
from .summary import AUDIT_MARTS, MARTS


def export_marts(warehouse: Path, folder: Path) -> None:
    recover(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-staging-", dir=folder.parent))
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            for mart in MARTS:
                schema = "audit" if mart in AUDIT_MARTS else "marts"
                con.execute(f"copy {schema}.{mart} to '{staging / mart}.parquet' (format parquet)")
        swap(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
