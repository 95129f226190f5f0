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


def _ingest_waiting(landing, warehouse, document):
    import sys
    sys.exit(main(["--wait", "--jobs", "1", "--landing", str(landing), "--warehouse", str(warehouse), "ingest",
                   str(document)]))


def test_two_ingests_into_one_landing_zone_keep_both_documents(tmp_path, sample_lines):
    """The race of issue 17, run 20 times: two ingests of different documents into one landing zone
    with different warehouses both said they succeeded, and in 1 of 3 trials one lost the other's
    documents. Now the second waits for the first and both documents are landed, every time."""
    import multiprocessing
    from conftest import SAMPLE, SAMPLE_ID

    other = tmp_path / "other.txt"
    other.write_text("\n".join(["2024年度武汉市武昌区人民政府石洞街道办事处部门决算公开", *sample_lines[1:]]),
                     encoding="utf-8")
    fork = multiprocessing.get_context("fork")
    for trial in range(20):
        landing = tmp_path / f"landing-{trial}"
        writers = [fork.Process(target=_ingest_waiting, args=(landing, tmp_path / f"{name}.duckdb", document))
                   for name, document in (("a", SAMPLE), ("b", other))]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert [writer.exitcode for writer in writers] == [0, 0], trial
        landed = landing_zone("seeds", landing).document_ids()
        assert len(landed) == 2 and SAMPLE_ID in landed, trial


def test_quarantine_add_list_remove(tmp_path, capsys, monkeypatch):
    from conftest import SAMPLE, SAMPLE_ID
    from ingest import quarantine

    seed = tmp_path / "quarantined_documents.csv"
    monkeypatch.setattr(quarantine, "QUARANTINE_SEED", seed)
    landing = ["--landing", str(tmp_path / "landing"), "--warehouse", str(tmp_path / "w.duckdb")]
    assert main([*landing, "ingest", str(SAMPLE)]) == 0
    assert main([*landing, "quarantine", "add", SAMPLE_ID]) == EXIT_USAGE              # no reason
    assert "say why with --reason" in capsys.readouterr().err
    assert main([*landing, "quarantine", "add", "0123456789abcdef", "--reason", "typo"]) == EXIT_USAGE
    assert "not landed in" in capsys.readouterr().err
    assert main([*landing, "quarantine", "add", SAMPLE_ID, "--reason", "a corrected copy follows", "--by", "ops"]) == 0
    assert main([*landing, "quarantine", "list"]) == 0
    out = capsys.readouterr().out
    assert f"{SAMPLE_ID}  " in out and "ops: a corrected copy follows" in out and "1 documents in quarantine" in out
    assert [entry.document_id for entry in quarantine.read_quarantine(seed)] == [SAMPLE_ID]
    assert main([*landing, "quarantine", "remove", SAMPLE_ID]) == 0
    assert main([*landing, "quarantine", "remove", SAMPLE_ID]) == EXIT_USAGE
    assert quarantine.read_quarantine(seed) == []


def test_a_plain_dbt_run_refuses_while_fiscal_holds_the_warehouse(tmp_path):
    """A plain `dbt build` ignored the lock (issue 17) and wrote the warehouse fiscal was about to
    swap over. The on-run-start check names the holder."""
    import os
    from ingest.paths import PROJECT_DIR
    from ingest.refresh_lock import writer_lock
    from ingest.warehouse import run_dbt

    warehouse = tmp_path / "fiscal.duckdb"
    with writer_lock(warehouse):
        result = run_dbt(["seed", "--select", "ref_money_units", "--target-path", str(tmp_path / "target")],
                         PROJECT_DIR, warehouse, capture=True)
    assert result.returncode != 0
    assert f"process {os.getpid()} (fiscal) is writing the warehouse {warehouse.resolve()}" in result.stdout


def test_lines_into_a_closed_pipe_is_not_an_internal_error():
    """`fiscal lines FILE | head` printed an internal error (BrokenPipeError) when head had its lines."""
    import subprocess
    import sys
    from conftest import SAMPLE

    result = subprocess.run(f"'{sys.executable}' -m ingest lines '{SAMPLE}' | head -1", shell=True,
                            capture_output=True, text=True)
    assert result.stdout.startswith("    1  p-") and result.stderr == ""


def test_summary_of_a_warehouse_another_process_holds_says_so(tmp_path, capsys):
    """A BI tool holding the file read-write made `fiscal summary` print a traceback (issue 17)."""
    import subprocess
    import sys

    warehouse = tmp_path / "fiscal.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(warehouse)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["--warehouse", str(warehouse), "summary"]) == EXIT_USAGE
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"cannot read {warehouse}" in err and "another process may hold it" in err


def test_options_after_the_command_version_and_paths_from_the_current_directory(tmp_path, capsys, monkeypatch):
    """Issue 18: global options were refused after the command, there was no --version, and a
    relative --warehouse was the project's, not the current directory's."""
    from ingest import PARSER_VERSION

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out == f"fiscal 0.1.0 (parser {PARSER_VERSION})\n"
    monkeypatch.chdir(tmp_path)
    assert main(["summary", "--warehouse", "here.duckdb"]) == EXIT_USAGE          # after the command
    assert f"no warehouse at {tmp_path / 'here.duckdb'}:" in capsys.readouterr().err
    assert main(["--warehouse", "there.duckdb", "summary"]) == EXIT_USAGE         # and before it
    assert f"no warehouse at {tmp_path / 'there.duckdb'}:" in capsys.readouterr().err


def test_ingesting_pdfs_without_the_c_reader_says_so(tmp_path, capsys, monkeypatch):
    """An install that found no C compiler reads PDFs through ctypes, at half speed: ingest says
    so, and how to mend it, when PDFs are among the files (and not otherwise)."""
    from conftest import PUTUO_PDF

    from ingest.pdf import pdfium_calls
    monkeypatch.setattr(pdfium_calls, "_pdfium_bulk", None)
    monkeypatch.setattr(cli, "ingest_corpus", lambda *args, **kwargs: [])
    zone = landing_zone("seeds", tmp_path / "landing")
    (tmp_path / "text").mkdir()
    (tmp_path / "text" / "a.txt").write_text("x\n", encoding="utf-8")
    cli._ingest([tmp_path / "text"], zone)
    assert "C extension" not in capsys.readouterr().err
    cli._ingest([PUTUO_PDF], zone)
    assert "was not built, so PDFs are read at about half speed" in capsys.readouterr().err
