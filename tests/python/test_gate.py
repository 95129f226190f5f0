"""The register gate: removing a reviewed entry makes `dbt build` fail, and a failed build
leaves the previous warehouse in place."""
import re
import shutil

import duckdb

from conftest import SAMPLE, copy_project, land
from ingest.landing_zone import landing_zone
from ingest.parse import parse_document
from ingest.source import read_text_document
from ingest.warehouse import build_warehouse


# two register entries removed, one build: the gate fails with both, and fiscal names their rules
REMOVED = {"02|2010106|codes_form02_in_form03": "codes_form02_in_form03: 1 (first: ",
           "05|22102|total": "hierarchy_form05: 1 (first: "}


def test_removing_register_entries_fails_the_build_and_keeps_the_old_warehouse(tmp_path, sample_warehouse, capsys):
    project = copy_project(tmp_path / "project")
    land([parse_document(read_text_document(SAMPLE))], project / "seeds" / "landing")
    register = project / "seeds" / "reference" / "accepted_findings.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not any(f",{key}," in line for key in REMOVED)]
    assert len(kept) == len(lines) - len(REMOVED)
    register.write_text("\n".join(kept) + "\n", encoding="utf-8")

    warehouse = tmp_path / "fiscal.duckdb"
    shutil.copy(sample_warehouse, warehouse)          # the previous, good warehouse
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        registered = connection.execute("select count(*) from audit.fct_findings where is_registered").fetchone()
    zone = landing_zone("seeds", project / "seeds" / "landing")
    status = build_warehouse(project, warehouse, zone, dbt_args=["--target-path", str(project / "target")],
                             capture=True)
    output = capsys.readouterr()

    assert status != 0
    assert re.findall(r"FAIL (\d+) no_unregistered_findings", output.out) == [str(len(REMOVED))]
    for rule in REMOVED.values():
        assert rule in output.err
    assert output.err.count(" (first: ") == len(REMOVED)
    assert "accepted_findings.csv" in output.err
    assert "previous warehouse" in output.err
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("select count(*) from audit.fct_findings where is_registered").fetchone() == registered
    assert registered == (25,)           # the bundled sample's 20 + 2 + 1, and 2 of the 西南大学 2023 budget
    assert not (tmp_path / "fiscal.duckdb.building").exists()


def test_a_selection_rebuilds_its_nodes_and_leaves_every_other_mart(tmp_path, sample_warehouse):
    """`fiscal build --select mart_spending_by_function` built the selection into a new file and
    swapped it in as the whole warehouse whenever the plan was a full build (issue 18): now the
    selection is rebuilt in a copy of the warehouse, whatever the plan."""
    project = sample_warehouse.parent
    warehouse = tmp_path / "fiscal.duckdb"
    shutil.copy(sample_warehouse, warehouse)

    def tables():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {table: con.execute(f"select count(*) from {table}").fetchone()[0] for table, in con.execute(
                "select schema_name || '.' || table_name from duckdb_tables() "
                "where schema_name in ('marts', 'audit') order by 1").fetchall()}

    before = tables()
    zone = landing_zone("seeds", project / "seeds" / "landing")
    status = build_warehouse(project, warehouse, zone, full_refresh=True, capture=True,
                             dbt_args=["--select", "mart_spending_by_function", "--target-path", str(tmp_path / "target")])
    assert status == 0
    assert tables() == before and len(before) > 20
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select build_mode from build_state.last_build").fetchone() == ("full",)  # as it was
        assert con.execute("select count(*) from build_state.documents_to_build").fetchone() == (0,)


def test_what_counts_as_a_selection():
    from ingest.warehouse import selects_part

    assert selects_part(["--select", "mart_spending_by_function"]) and selects_part(["-s", "x+"])
    assert selects_part(["--exclude", "fct_findings"])
    # leaving out whole resource types (the tests) still builds every model: a whole build
    assert not selects_part(["--exclude", "resource_type:test", "resource_type:unit_test"])
    assert not selects_part(["--vars", "{findings_gate_severity: warn}"])


def test_a_build_with_nothing_new_runs_no_dbt(tmp_path, sample_warehouse, capsys):
    """Issue 19: a build with no new document and no project change ran every dbt node again.
    Now it says the warehouse is up to date and leaves it as it is; other settings (the gate on
    warn) or a new document still build."""
    import json

    from ingest.build_plan import plan_build
    from ingest.warehouse import project_fingerprint

    project = sample_warehouse.parent
    warehouse = tmp_path / sample_warehouse.name
    shutil.copy(sample_warehouse, warehouse)
    before = warehouse.stat().st_mtime_ns
    zone = landing_zone("seeds", project / "seeds" / "landing")
    target = ["--target-path", str(project / "target")]           # the settings the sample was built with
    assert build_warehouse(project, warehouse, zone, dbt_args=target) == 0
    assert "build: none (the warehouse is up to date: 4 documents built" in capsys.readouterr().out
    assert warehouse.stat().st_mtime_ns == before
    fingerprint = project_fingerprint(project, zone)
    warn = json.dumps({"vars": {**zone.dbt_vars(), "findings_gate_severity": "warn"}, "args": target}, sort_keys=True)
    assert plan_build(warehouse, zone, fingerprint, settings=warn).mode == "incremental"
