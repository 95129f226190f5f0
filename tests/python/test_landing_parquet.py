"""The Parquet landing zone: typed as the seeds, idempotent, replaces a re-landed document, all or nothing."""
from __future__ import annotations

import duckdb
import pytest

import ingest.landing_parquet as parquet_module
from ingest.landing_schema import TEXT, landing_column_types
from ingest.landing_zone import landing_zone
from synthetic.generator import SyntheticDocument, landing_records

DOCUMENTS = [SyntheticDocument(1, 2023), SyntheticDocument(2, 2023), SyntheticDocument(3, 2022)]


def _snapshot(root):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.parquet"))}


def test_parquet_columns_have_the_seed_types(tmp_path):
    zone = landing_zone("parquet", tmp_path / "landing")
    zone.land(landing_records(d) for d in DOCUMENTS)
    types = landing_column_types()
    with duckdb.connect() as con:
        for table, declared in types.items():
            described = con.execute(f"describe select * from read_parquet('{zone.path / table}/*.parquet')").fetchall()
            assert {name: kind.lower() for name, kind, *_ in described} == {
                name: "varchar" if kind == TEXT else kind for name, kind in declared.items()}, table
        rows = con.execute(f"select count(*) from read_parquet('{zone.path}/raw_form03_expenditure/*.parquet')").fetchone()
    assert rows == (3 * 52,)


def test_landing_again_is_byte_identical_and_a_relanded_document_moves_batch(tmp_path):
    zone = landing_zone("parquet", tmp_path / "landing")
    zone.land(landing_records(d) for d in DOCUMENTS)
    first = _snapshot(zone.path)
    zone.land(landing_records(d) for d in DOCUMENTS)
    assert _snapshot(zone.path) == first
    zone.land([landing_records(DOCUMENTS[0])])           # e.g. --force: its rows leave the old batch
    assert len(list((zone.path / "raw_documents").glob("*.parquet"))) == 2
    assert len(zone.document_ids()) == 3
    with duckdb.connect() as con:
        per_document = con.execute(f"select document_id, count(*) from read_parquet('{zone.path}/raw_forms/*.parquet') "
                                   "group by 1").fetchall()
    assert sorted(count for _, count in per_document) == [9, 9, 9]


def test_a_failure_while_landing_leaves_the_previous_zone(tmp_path, monkeypatch):
    zone = landing_zone("parquet", tmp_path / "landing")
    zone.land(landing_records(d) for d in DOCUMENTS[:2])
    before = _snapshot(zone.path)

    def disk_full(con, incoming, staging, batch):
        raise OSError("disk full")

    monkeypatch.setattr(parquet_module, "_write_batch", disk_full)     # fails while writing the new batch
    with pytest.raises(OSError):
        zone.land([landing_records(DOCUMENTS[2])])
    assert _snapshot(zone.path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["landing"]


def test_source_freshness_reads_when_documents_were_landed(tmp_path):
    """Issue 18: there was no ingested-at time and `dbt source freshness` had nothing to read."""
    import json

    from ingest.paths import PROJECT_DIR
    from ingest.warehouse import run_dbt

    zone = landing_zone("parquet", tmp_path / "landing")
    zone.land(landing_records(d) for d in DOCUMENTS)
    assert all(landed_at for _, landed_at in zone.landed_documents().values())
    result = run_dbt(["source", "freshness", "--vars", json.dumps(zone.dbt_vars()), "--output",
                      str(tmp_path / "sources.json"), "--target-path", str(tmp_path / "target")],
                     PROJECT_DIR, tmp_path / "w.duckdb", capture=True)
    assert result.returncode == 0, result.stdout[-2000:]
    freshness = json.loads((tmp_path / "sources.json").read_text(encoding="utf-8"))["results"]
    assert [(entry["unique_id"], entry["status"]) for entry in freshness] == [
        ("source.fiscal_warehouse.disclosures.raw_documents", "pass")]
    assert freshness[0]["max_loaded_at_time_ago_in_s"] < 600
