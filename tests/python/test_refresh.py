"""Scheduled refresh on the Parquet landing zone: an incremental build after adding documents
equals a full rebuild row for row; a failed refresh leaves the previous warehouse answering with
its old numbers; a reader holding the old file survives a swap; a second writer is turned away."""
from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest

from conftest import copy_project
from ingest.cli import EXIT_BUSY, main
from ingest.landing_zone import LandingZone, landing_zone
from ingest.refresh_lock import writer_lock
from ingest.warehouse import build_warehouse
from synthetic.generator import SyntheticDocument, landing_records

FIRST = [SyntheticDocument(department, year) for department in (1, 2, 3) for year in (2022, 2023)]
ADDED = [SyntheticDocument(4, 2023), SyntheticDocument(5, 2023, "hierarchy_form03"), SyntheticDocument(1, 2021)]
WARN = {"findings_gate_severity": "warn"}     # ADDED carries an unregistered discrepancy
NO_DBT_TESTS = ["--exclude", "resource_type:test", "resource_type:unit_test"]


def _land(zone: LandingZone, documents: list[SyntheticDocument]) -> None:
    assert zone.land(landing_records(document) for document in documents) == len(documents)


def _tables(con) -> list[str]:
    return [f"{schema}.{name}" for schema, name in con.execute(
        "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' "
        "and table_schema in ('marts', 'audit', 'intermediate') "
        # the run's own to-do list, not data: all documents on a full build, the new ones otherwise
        "and table_name <> 'int_documents__to_build' order by 1, 2").fetchall()]


def _build_mode(warehouse) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute("select build_mode from build_state.last_build").fetchone()[0]


# A BI reader in its own process (DuckDB shares one database instance per path within a
# process, so an in-process reader would hide the swap from the test's own connections).
_READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = "select count(*) from marts.dim_document"
print(con.execute(count).fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute(count).fetchone()[0], flush=True)
"""


def _open_reader(warehouse) -> subprocess.Popen:
    reader = subprocess.Popen([sys.executable, "-c", _READER, str(warehouse)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline().strip() == str(len(FIRST))
    return reader


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory):
    """First documents built in full, then ADDED built incrementally while a reader holds the
    first warehouse open; and the same landing rebuilt in full into a second file."""
    root = tmp_path_factory.mktemp("refresh")
    project = copy_project(root / "project")
    zone = landing_zone("parquet", root / "landing")
    incremental, full = root / "incremental.duckdb", root / "full.duckdb"
    _land(zone, FIRST)
    assert build_warehouse(project, incremental, zone, capture=True) == 0
    reader = _open_reader(incremental)
    _land(zone, ADDED)
    assert build_warehouse(project, incremental, zone, capture=True, dbt_vars=WARN) == 0
    run = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))
    ran_incrementally = {result["unique_id"] for result in run["results"]}
    # the reference needs no dbt tests of its own: the incremental builds ran them
    assert build_warehouse(project, full, zone, full_refresh=True, capture=True, dbt_vars=WARN,
                           dbt_args=NO_DBT_TESTS) == 0
    reader_output, _ = reader.communicate("\n", timeout=60)
    yield project, zone, incremental, full, reader_output, ran_incrementally


def test_incremental_build_equals_full_rebuild_row_for_row(refreshed):
    _, _, incremental, full, *_ = refreshed
    assert _build_mode(incremental) == "incremental" and _build_mode(full) == "full"
    with duckdb.connect() as con:
        con.execute(f"attach '{incremental}' as inc (read_only)")
        con.execute(f"attach '{full}' as ful (read_only)")
        con.execute("use inc")
        tables = _tables(con)
        assert "audit.fct_reconciliation_results" in tables and "marts.fct_expenditure_by_function" in tables
        for table in tables:
            count = con.execute(f"select count(*) from inc.{table}").fetchone()[0]
            assert count == con.execute(f"select count(*) from ful.{table}").fetchone()[0], table
            for left, right in (("inc", "ful"), ("ful", "inc")):
                extra = con.execute(f"select count(*) from (select * from {left}.{table} except all "
                                    f"select * from {right}.{table})").fetchone()[0]
                assert extra == 0, (table, left)
        documents = con.execute("select count(*) from inc.marts.dim_document").fetchone()[0]
        findings = con.execute("select rule_id, count(*) from inc.audit.fct_findings group by 1").fetchall()
    assert documents == len(FIRST) + len(ADDED)
    assert findings == [("hierarchy_form03", 2)]     # the injected 项 breaks its 款 and its 类 sums


def test_an_incremental_build_leaves_the_unchanged_reference_and_unit_tests_alone(refreshed):
    """The project and its reference seeds are the last build's: their seeds are not reloaded nor
    tested again and the unit tests do not run; a test of the new rows against a reference seed
    does."""
    *_, ran = refreshed
    assert not any(node.startswith(("seed.", "unit_test.")) for node in ran)
    assert not any(node.startswith("test.fiscal_warehouse.unique_rule_catalogue") for node in ran)
    assert any(node.startswith("test.fiscal_warehouse.relationships_fct_reconciliation_results_rule_id") for node in ran)
    assert any(node.startswith("test.fiscal_warehouse.unique_combination_fct_reconciliation_results") for node in ran)


def test_a_reader_of_the_old_file_keeps_reading_it_across_the_swap(refreshed):
    *_, reader_output, _ = refreshed
    # after two builds swapped new files in, the reader's query on its open file still answers
    assert reader_output.strip() == str(len(FIRST))


def test_a_failed_refresh_leaves_the_previous_warehouse_answering(refreshed):
    project, zone, incremental, *_ = refreshed
    with duckdb.connect(str(incremental), read_only=True) as con:
        before = con.execute("select document_id, expenditure_total_yuan, findings from marts.mart_document_summary "
                             "order by 1").fetchall()
    _land(zone, [SyntheticDocument(6, 2023, "cross_form04_classes_vs_form05")])
    # the gate is on: the new document's unregistered discrepancy fails the build
    assert build_warehouse(project, incremental, zone, capture=True) != 0
    assert not incremental.with_name(incremental.name + ".building").exists()
    with duckdb.connect(str(incremental), read_only=True) as con:
        after = con.execute("select document_id, expenditure_total_yuan, findings from marts.mart_document_summary "
                            "order by 1").fetchall()
    assert after == before and len(after) == len(FIRST) + len(ADDED)


def test_a_second_writer_is_turned_away_while_the_first_holds_the_warehouse(tmp_path, capsys):
    warehouse = tmp_path / "fiscal.duckdb"
    with writer_lock(warehouse):
        status = main(["--warehouse", str(warehouse), "--landing-format", "parquet",
                       "--landing", str(tmp_path / "landing"), "refresh", str(tmp_path)])
    assert status == EXIT_BUSY
    assert "is writing the warehouse" in capsys.readouterr().err
    assert not warehouse.exists() and not (tmp_path / "landing").exists()


def test_a_failing_export_keeps_the_previous_warehouse(refreshed, capsys):
    project, zone, incremental, *_ = refreshed
    before = incremental.stat().st_mtime_ns

    def full_disk(building):
        raise OSError("No space left on device")

    # what fails here is the step after dbt: dbt's work is not the subject, so one small model
    assert build_warehouse(project, incremental, zone, capture=True, dbt_vars=WARN,
                           dbt_args=["--select", "dim_fiscal_year"], before_swap=full_disk) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert incremental.stat().st_mtime_ns == before
    assert not incremental.with_name(incremental.name + ".building").exists()
