"""The Great Expectations checkpoint passes on the built sample and fails on a tampered mart."""
import shutil

import duckdb

from quality.checkpoint import run_checkpoint
from quality.suites import build_suites


def test_checkpoint_passes_and_writes_data_docs(sample_warehouse, tmp_path):
    status, outcomes = run_checkpoint(sample_warehouse, tmp_path / "docs")
    assert status == 0, [o for o in outcomes if not o.success]
    assert len(outcomes) == sum(len(suite.expectations) for suite in build_suites())
    assert (tmp_path / "docs" / "index.html").exists()
    assert any((tmp_path / "docs" / "validations").rglob("*.html"))


def test_tampered_mart_fails_the_checkpoint(sample_warehouse, tmp_path):
    tampered = tmp_path / "tampered.duckdb"
    shutil.copy(sample_warehouse, tampered)
    with duckdb.connect(str(tampered)) as connection:
        # what dbt's tests cannot say: a negative amount, a registered finding without its reason
        connection.execute("update marts.fct_expenditure_by_function set total_amount_yuan = -551100.00 "
                           "where function_code = '2010301' and fund_scope = 'all_funds'")
        connection.execute("update audit.fct_findings set registered_reason = null where result_id = "
                           "(select min(result_id) from audit.fct_findings where is_registered)")
    status, outcomes = run_checkpoint(tampered, tmp_path / "docs")
    failed = {(o.suite, o.expectation) for o in outcomes if not o.success}
    assert status == 1
    assert failed == {
        ("fct_expenditure_by_function", "expect_column_values_to_be_between"),
        ("fct_findings", "expect_column_values_to_not_be_null"),
    }


def test_a_broken_setup_is_an_error_not_a_data_failure(sample_warehouse, tmp_path):
    broken = tmp_path / "broken.duckdb"
    shutil.copy(sample_warehouse, broken)
    with duckdb.connect(str(broken)) as connection:
        connection.execute("drop table audit.fct_findings")
    status, outcomes = run_checkpoint(broken, tmp_path / "docs")
    assert status == 2
    assert any(o.suite == "fct_findings" and "fct_findings" in (o.error or "") for o in outcomes)


def test_command_line_with_a_relative_docs_folder(sample_warehouse, tmp_path, monkeypatch, capsys):
    from quality.checkpoint import main

    monkeypatch.chdir(tmp_path)
    assert main(["--warehouse", str(sample_warehouse), "--docs", "docs"]) == 0
    assert "expectations met; Data Docs at docs/index.html" in capsys.readouterr().out
    assert (tmp_path / "docs" / "index.html").exists()
