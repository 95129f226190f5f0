"""The bulk landing zone: Parquet files that dbt reads as sources (external_location).

Layout: <root>/<table>/<batch>.parquet, one file per landing table for each ingest batch, typed
as the registry types them (ingest/landing_schema.py). A batch is named by the documents it holds, so landing the
same documents again writes the same files.

All or nothing, as for the seeds: the new zone is assembled in a sibling temp directory (the
batches it keeps are hard links, not copies; a batch holding a re-landed document is rewritten
without it) and swapped in with two renames.
"""
from __future__ import annotations

import csv
import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import duckdb

from .atomic_dir import recover, replacing
from .landing_records import Records
from .landing_schema import LANDING_COLUMNS, landing_column_types, order_columns


def _batches(root: Path) -> list[str]:
    folder = root / "raw_documents"
    return sorted(path.stem for path in folder.glob("*.parquet")) if folder.exists() else []


def landed_parquet_documents(root: Path) -> dict[str, tuple[str, str]]:
    """Document -> (the parser version that landed it, when it was first landed), of every
    document in the Parquet zone."""
    recover(root)
    if not _batches(root):
        return {}
    query = (f"select document_id, parser_version, coalesce(landed_at, '') "
             f"from read_parquet('{root / 'raw_documents'}/*.parquet')")
    with duckdb.connect() as con:
        return {document: (version, landed_at) for document, version, landed_at in con.execute(query).fetchall()}


def land_parquet(documents: Iterable[Records], root: Path) -> int:
    """Add these documents to the Parquet zone (replacing any earlier landing of the same
    document_id); returns how many were landed. Documents are streamed to disk one by one,
    so a corpus of any size lands in bounded memory."""
    with replacing(root) as staged:
        staging = staged.path
        incoming = staging / ".incoming"
        incoming.mkdir()
        document_ids = _write_incoming(documents, incoming)
        if not document_ids:
            staged.abandon()
            return 0
        with duckdb.connect() as con:
            _keep_earlier_batches(con, root, staging, document_ids)
            batch = hashlib.sha256("\n".join(sorted(document_ids)).encode()).hexdigest()[:16]
            _write_batch(con, incoming, staging, batch)
        shutil.rmtree(incoming)
    return len(document_ids)


def _write_incoming(documents: Iterable[Records], incoming: Path) -> set[str]:
    handles = {table: (incoming / f"{table}.csv").open("w", newline="", encoding="utf-8")
               for table in LANDING_COLUMNS}
    document_ids: set[str] = set()
    try:
        writers = {table: csv.writer(handle, lineterminator="\n") for table, handle in handles.items()}
        for table, writer in writers.items():
            writer.writerow(LANDING_COLUMNS[table])
        for records in documents:
            document_ids.add(records["raw_documents"][0][0])
            for table, rows in records.items():
                writers[table].writerows(rows)
    finally:
        for handle in handles.values():
            handle.close()
    return document_ids


def _keep_earlier_batches(con, root: Path, staging: Path, relanded: set[str]) -> None:
    """Hard-link the earlier batches into the new zone; rewrite those holding a re-landed document."""
    con.execute("create or replace temp table relanded(document_id varchar)")
    con.executemany("insert into relanded values (?)", [[d] for d in sorted(relanded)])
    for batch in _batches(root):
        holds = con.execute(f"select count(*) filter (where document_id in (select document_id from relanded)), "
                            f"count(*) from read_parquet('{root / 'raw_documents' / batch}.parquet')").fetchone()
        if holds[0] == holds[1]:
            continue                       # every document of the batch is landed again: drop it
        for table in LANDING_COLUMNS:
            source, target = root / table / f"{batch}.parquet", staging / table / f"{batch}.parquet"
            target.parent.mkdir(exist_ok=True)
            if holds[0] == 0:
                os.link(source, target)
            else:
                con.execute(f"copy (select * from read_parquet('{source}') where document_id not in "
                            f"(select document_id from relanded)) to '{target}' (format parquet)")


def _write_batch(con, incoming: Path, staging: Path, batch: str) -> None:
    types = landing_column_types()
    for table, columns in LANDING_COLUMNS.items():
        (staging / table).mkdir(exist_ok=True)
        as_text = ", ".join(f"'{column}': 'varchar'" for column in columns)
        typed = ", ".join(f'cast("{column}" as {types[table][column]}) as "{column}"' for column in columns)
        order = ", ".join(f'"{column}"' for column in order_columns(table))
        con.execute(
            f"copy (select {typed} from read_csv('{incoming / table}.csv', header = true, "
            f"auto_detect = false, columns = {{{as_text}}}, quote = '\"', escape = '\"', delim = ',') "
            f"order by {order}) to '{staging / table / batch}.parquet' (format parquet)")
