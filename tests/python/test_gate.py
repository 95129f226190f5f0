"""The register gate: removing a reviewed entry makes `dbt build` fail, and a failed build
leaves the previous warehouse in place."""
import shutil

import duckdb
import pytest

from conftest import SAMPLE, copy_project, land
from ingest.landing_zone import landing_zone
from ingest.parse import parse_document
from ingest.source import read_text_document
from ingest.warehouse import build_warehouse


@pytest.mark.parametrize("removed_key, failing_tests", [
    # each finding fails its own rule's gate, and only that
    ("02|2010106|codes_form02_in_form03", ["FAIL 1 no_unregistered_findings_fct_findings_codes_form02_in_form03"]),
    ("05|22102|total", ["FAIL 1 no_unregistered_findings_fct_findings_hierarchy_form05"]),
])
def test_removing_a_register_entry_fails_the_build_and_keeps_the_old_warehouse(
        tmp_path, sample_warehouse, capsys, removed_key, failing_tests):
    project = copy_project(tmp_path / "project")
    land([parse_document(read_text_document(SAMPLE))], project / "seeds" / "landing")
    register = project / "seeds" / "reference" / "accepted_findings.csv"
    lines = register.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if f",{removed_key}," not in line]
    assert len(kept) == len(lines) - 1
    register.write_text("\n".join(kept) + "\n", encoding="utf-8")

    warehouse = tmp_path / "fiscal.duckdb"
    shutil.copy(sample_warehouse, warehouse)          # the previous, good warehouse
    zone = landing_zone("seeds", project / "seeds" / "landing")
    status = build_warehouse(project, warehouse, zone, dbt_args=["--target-path", str(project / "target")],
                             capture=True)
    output = capsys.readouterr()

    assert status != 0
    for failing_test in failing_tests:
        assert failing_test in output.out
    assert "previous warehouse" in output.err
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        assert connection.execute("select count(*) from audit.fct_findings where is_registered").fetchone() == (20,)
    assert not (tmp_path / "fiscal.duckdb.building").exists()
