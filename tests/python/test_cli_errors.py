"""What an operator meets when the warehouse is not there, not a warehouse, or the tool itself
fails: one line naming the file and the way out, and an exit code that tells which (issue 17)."""
from __future__ import annotations

import pytest

from ingest import cli
from ingest.build_plan import plan_build
from ingest.cli import EXIT_INTERNAL, EXIT_USAGE, main
from ingest.landing_zone import landing_zone


def test_summary_of_a_missing_warehouse_says_so(tmp_path, capsys):
    assert main(["--warehouse", str(tmp_path / "none.duckdb"), "summary"]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"no warehouse at {tmp_path / 'none.duckdb'}" in err


def test_a_file_that_is_not_a_warehouse_is_named_not_rebuilt_as_old(tmp_path, capsys):
    damaged = tmp_path / "fiscal.duckdb"
    damaged.write_bytes(b"not a database" * 100)
    assert main(["--warehouse", str(damaged), "summary"]) == EXIT_USAGE
    assert "not a valid DuckDB database file" in capsys.readouterr().err
    plan = plan_build(damaged, landing_zone("seeds", tmp_path / "landing"), "fingerprint")
    assert plan.mode == "full" and plan.reason.startswith("the warehouse could not be read")
    assert "older version" not in plan.reason


def test_an_internal_error_is_one_line_and_its_own_exit_code(tmp_path, capsys, monkeypatch):
    def broken(_warehouse):
        raise ValueError("a bug")
    monkeypatch.setattr(cli, "summarise", broken)
    monkeypatch.delenv("FISCAL_DEBUG", raising=False)
    (tmp_path / "fiscal.duckdb").touch()
    assert main(["--warehouse", str(tmp_path / "fiscal.duckdb"), "summary"]) == EXIT_INTERNAL
    assert capsys.readouterr().err == ("fiscal summary: internal error (ValueError: a bug); FISCAL_DEBUG=1 prints "
                                       "the traceback: please report it\n")
    monkeypatch.setenv("FISCAL_DEBUG", "1")
    with pytest.raises(ValueError):
        main(["--warehouse", str(tmp_path / "fiscal.duckdb"), "summary"])


def test_the_landing_zone_has_one_writer(tmp_path, capsys):
    """Two ingests into one landing zone with different warehouses both wrote it, and one lost the
    other's documents (issue 17): the zone is locked like the warehouse."""
    from conftest import SAMPLE
    from ingest.cli import EXIT_BUSY
    from ingest.refresh_lock import writer_lock

    landing = tmp_path / "landing"
    with writer_lock(landing, what="the landing zone"):
        assert main(["--landing", str(landing), "--warehouse", str(tmp_path / "other.duckdb"), "ingest",
                     str(SAMPLE)]) == EXIT_BUSY
    assert f"is writing the landing zone {landing}" in capsys.readouterr().err
    assert main(["--landing", str(landing), "--warehouse", str(tmp_path / "other.duckdb"), "ingest",
                 str(SAMPLE)]) == 0


def test_a_child_process_dies_with_its_parent(tmp_path):
    """dbt ran on after a killed `fiscal` released its lock (issue 17): the children run_dbt
    starts end with it, here a sleep started the same way by a parent that is then SIGKILLed."""
    import os
    import signal
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", (
        "import subprocess, sys\n"
        "from ingest.warehouse import die_with_parent\n"
        "child = subprocess.Popen(['sleep', '60'], preexec_fn=die_with_parent)\n"
        "print(child.pid, flush=True)\n"
        "child.wait()\n")], stdout=subprocess.PIPE, text=True)
    child = int(parent.stdout.readline())
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    for _ in range(50):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        with open(f"/proc/{child}/stat") as stat:
            if stat.read().split()[2] == "Z":      # ended, not yet reaped by init
                break
        time.sleep(0.1)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the child outlived its parent")
