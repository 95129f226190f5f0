"""`fiscal ingest` on a folder: each document read on its own, reported one line each; one bad
file neither stops nor corrupts the others; documents already landed are skipped. What became of
each file (landed, template, failed) is landed with it, rows only for what was read."""
from __future__ import annotations

import csv
import shutil

import pytest

from conftest import PUTUO_ID, PUTUO_PDF, SAMPLE, SAMPLE_ID, TEMPLATE_PDF

from ingest import PARSER_VERSION
from ingest.cli import ingest
from ingest.landing_zone import landing_zone


def _statuses(landing) -> dict[str, str]:
    with (landing.path / "raw_documents.csv").open(encoding="utf-8") as handle:
        return {row["source_file"]: row["status"] for row in csv.DictReader(handle)}


def _documents_with_rows(landing, table) -> set[str]:
    with (landing.path / f"{table}.csv").open(encoding="utf-8") as handle:
        return {row["document_id"] for row in csv.DictReader(handle)}


def _folder(tmp_path):
    folder = tmp_path / "downloads"
    (folder / "2024").mkdir(parents=True)
    shutil.copy(SAMPLE, folder)
    shutil.copy(PUTUO_PDF, folder / "2024")
    shutil.copy(TEMPLATE_PDF, folder / "2024")
    (folder / "2024" / "cut-short.pdf").write_bytes(PUTUO_PDF.read_bytes()[:200_000])
    (folder / "notes.md").write_text("not a disclosure")        # ignored: not .txt or .pdf
    return folder


def test_folder_with_a_template_and_a_damaged_file(tmp_path, capsys):
    landing = landing_zone("seeds", tmp_path / "landing")
    status = ingest([_folder(tmp_path)], landing)
    out, err = capsys.readouterr()
    assert status == 1                                   # a document failed
    assert _statuses(landing) == {SAMPLE.name: "landed", PUTUO_PDF.name: "landed",
                                  TEMPLATE_PDF.name: "template", "cut-short.pdf": "failed"}
    for table in ("raw_forms", "raw_form03_expenditure", "raw_narrative_claims", "raw_document_mentions"):
        assert _documents_with_rows(landing, table) == {SAMPLE_ID, PUTUO_ID}, table
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "cut-short.pdf: cut-short.pdf: not a readable PDF" in lines["failed"]
    assert "a blank template: forms found, no amounts; no rows landed" in lines["template"]
    assert "ingest: 2 landed, 0 partial, 0 skipped, 1 template, 1 failed" in out
    assert "NOT LANDED cut-short.pdf: not a readable PDF" in err


def test_second_run_skips_what_is_landed_and_changes_nothing(tmp_path, capsys):
    landing = landing_zone("seeds", tmp_path / "landing")
    folder = _folder(tmp_path)
    (folder / "2024" / "cut-short.pdf").unlink()
    assert ingest([folder], landing) == 0
    before = {path.name: path.read_bytes() for path in landing.path.iterdir()}
    capsys.readouterr()
    assert ingest([folder], landing) == 0
    out = capsys.readouterr().out
    assert "ingest: 0 landed, 0 partial, 3 skipped, 0 template, 0 failed" in out     # the template's record too
    assert {path.name: path.read_bytes() for path in landing.path.iterdir()} == before


def test_a_failure_lands_its_record_and_no_rows(tmp_path, capsys):
    landing = landing_zone("seeds", tmp_path / "landing")
    assert ingest([SAMPLE], landing) == 0
    before = {path.name: path.read_bytes() for path in landing.path.iterdir()}
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    assert ingest([broken], landing) == 1
    after = {path.name: path.read_bytes() for path in landing.path.iterdir()}
    assert {name for name in after if after[name] != before[name]} == {"raw_documents.csv", "raw_parse_issues.csv"}
    assert _statuses(landing) == {SAMPLE.name: "landed", "broken.pdf": "failed"}
    assert "NOT LANDED broken.pdf" in capsys.readouterr().err


def test_lines_shows_what_the_parsers_read(capsys):
    from ingest.cli import main
    assert main(["lines", str(PUTUO_PDF)]) == 0
    out = capsys.readouterr().out
    assert "p10  2010601 | 行政运行 | 1,511.89 | 1,503.52 | 8.37" in out


def test_documents_landed_by_an_older_parser_are_read_again(tmp_path, capsys):
    landing = landing_zone("seeds", tmp_path / "landing")
    assert ingest([SAMPLE], landing) == 0
    documents = landing.path / "raw_documents.csv"
    documents.write_text(documents.read_text(encoding="utf-8").replace(f",{PARSER_VERSION},landed,", ",1,landed,"),
                         encoding="utf-8")
    assert landing.document_ids("1") == {SAMPLE_ID}
    capsys.readouterr()
    assert ingest([SAMPLE], landing) == 0
    assert "ingest: 1 landed, 0 partial, 0 skipped" in capsys.readouterr().out
    assert landing.document_ids(PARSER_VERSION) == {SAMPLE_ID}


def test_run_builds_nothing_when_nothing_could_be_read(tmp_path, capsys):
    from ingest.cli import main
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    warehouse = tmp_path / "fiscal.duckdb"
    landing = tmp_path / "landing"
    status = main(["--landing-format", "parquet", "--landing", str(landing), "--warehouse", str(warehouse),
                   "run", str(broken)])
    assert status == 1
    assert "no document could be read: nothing to build" in capsys.readouterr().err
    assert not warehouse.exists()


def test_run_of_a_blank_template_exits_0_and_builds_nothing(tmp_path, capsys):
    from ingest.cli import main
    warehouse = tmp_path / "fiscal.duckdb"
    status = main(["--landing-format", "parquet", "--landing", str(tmp_path / "landing"),
                   "--warehouse", str(warehouse), "run", str(TEMPLATE_PDF)])
    assert status == 0
    assert "blank templates: nothing to build" in capsys.readouterr().err
    assert not warehouse.exists()


def test_a_seeds_landing_elsewhere_is_refused_for_a_build(tmp_path, capsys):
    from ingest.cli import main
    warehouse = tmp_path / "w.duckdb"
    status = main(["--landing", str(tmp_path / "x"), "--warehouse", str(warehouse), "run", str(SAMPLE)])
    assert status == 2
    err = capsys.readouterr().err
    assert "cannot be built in the seeds format" in err and "--landing-format parquet" in err
    assert not warehouse.exists() and not (tmp_path / "x").exists()


def test_build_passes_the_dbt_arguments_it_does_not_know_to_dbt():
    from ingest.cli import _parse
    args = _parse(["build", "--select", "fct_findings+", "--target-path", "target/x"])
    assert args.dbt_args == ["--select", "fct_findings+", "--target-path", "target/x"] and not args.full_refresh
    # --full-refresh decides the build plan wherever it stands; -- is allowed before dbt's own
    args = _parse(["build", "--", "-s", "dim_document", "--full-refresh"])
    assert args.dbt_args == ["-s", "dim_document"] and args.full_refresh
    with pytest.raises(SystemExit):
        _parse(["summary", "--select", "x"])


def test_the_same_file_twice_in_one_run_lands_once(tmp_path, capsys):
    """A copy in another folder of the same run is the same document: it landed twice before, and
    every build after failed on a unique key (issue 17)."""
    folder = tmp_path / "downloads"
    (folder / "mirror").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "a.txt")
    shutil.copy(SAMPLE, folder / "mirror" / "a-again.txt")
    landing = landing_zone("seeds", tmp_path / "landing")
    ingest([folder], landing)
    assert "a-again.txt: the same content as a.txt in this run" in capsys.readouterr().out
    with (landing.path / "raw_documents.csv").open(encoding="utf-8") as handle:
        assert [row["document_id"] for row in csv.DictReader(handle)] == [SAMPLE_ID]
    with (landing.path / "raw_form03_expenditure.csv").open(encoding="utf-8") as handle:
        keys = [(row["document_id"], row["source_line"]) for row in csv.DictReader(handle)]
    assert len(keys) == len(set(keys)) > 0


def test_500_copies_land_once(tmp_path, capsys):
    """500 copies of one disclosure in one run landed 500 times (issue 17): one lands, 499 are
    skips naming it, and a second run skips all 500."""
    folder = tmp_path / "copies"
    folder.mkdir()
    content = SAMPLE.read_bytes()
    for number in range(500):
        (folder / f"copy-{number:03d}.txt").write_bytes(content)
    landing = landing_zone("seeds", tmp_path / "landing")
    assert ingest([folder], landing, jobs=1) == 0
    assert "ingest: 1 landed, 0 partial, 499 skipped" in capsys.readouterr().out
    assert landing.document_ids() == {SAMPLE_ID}
    assert ingest([folder], landing, jobs=1) == 0
    assert "ingest: 0 landed, 0 partial, 500 skipped" in capsys.readouterr().out


def test_a_line_longer_than_a_landed_cell_is_refused(tmp_path, capsys):
    """A printed line longer than a seed cell may be (dbt reads seeds with csv's 131,072-character
    field limit) used to land, then fail every build and every later ingest (issue 17): the
    document is refused with the line named, and the zone stays readable."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    number = next(index for index, line in enumerate(lines, start=1) if line.startswith("2010301\t"))
    cells = lines[number - 1].split("\t")
    cells[1] += "说明" * 70_000
    lines[number - 1] = "\t".join(cells)
    huge = tmp_path / "huge.txt"
    huge.write_text("\n".join(lines), encoding="utf-8")
    landing = landing_zone("seeds", tmp_path / "landing")
    assert ingest([huge], landing) == 1
    assert f"NOT LANDED huge.txt: line {number} holds 140,0" in capsys.readouterr().err
    assert _statuses(landing) == {"huge.txt": "failed"}
    assert max(len(cell) for path in landing.path.glob("*.csv")
               for row in csv.reader(path.open(encoding="utf-8")) for cell in row) < 131_072
    # a zone written before the check, with such a cell in it, is still read back
    with (landing.path / "raw_parse_issues.csv").open("a", encoding="utf-8", newline="") as handle:
        row = ["x" * 200_000 if column == "raw_text" else "" for column in
               next(csv.reader((landing.path / "raw_parse_issues.csv").open(encoding="utf-8")))]
        csv.writer(handle, lineterminator="\n").writerow(row)
    assert ingest([SAMPLE], landing) == 0


def test_linked_folders_are_searched_and_unreadable_ones_reported(tmp_path, monkeypatch):
    """Symbolic links to folders were passed over in silence (issue 17): they are followed, each
    real folder once (a link back to a parent does not loop), and a folder that cannot be read is
    named on stderr."""
    from ingest.corpus import documents_under

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(SAMPLE, elsewhere / "linked.txt")
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "link").symlink_to(elsewhere, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert [path.name for path in documents_under([folder])] == ["linked.txt"]
    # a folder the process may not read (chmod 000: this suite may run as root, who reads anyway)
    def unreadable(top, onerror=None, followlinks=False):
        onerror(PermissionError(13, "Permission denied", str(top)))
        return iter(())
    monkeypatch.setattr("os.walk", unreadable)
    problems: list[str] = []
    assert documents_under([folder], problems) == []
    assert problems == [f"folder {folder} not read: Permission denied"]


def test_a_killed_writers_staging_folder_is_cleaned(tmp_path):
    """A killed Parquet ingest left its .landing-staging-* folder for good (issue 17): the next
    writer, holding the lock, removes it."""
    landing = landing_zone("parquet", tmp_path / "landing")
    stale = tmp_path / ".landing-staging-killed"
    (stale / "raw_documents").mkdir(parents=True)
    (stale / "raw_documents" / "half.parquet").write_bytes(b"PAR1")
    assert ingest([SAMPLE], landing) == 0
    assert not stale.exists() and landing.document_ids(PARSER_VERSION) == {SAMPLE_ID}


def test_a_document_that_reads_too_long_is_failed_and_the_others_land(tmp_path, monkeypatch, capsys):
    """An encrypted copy took 364 s and mutated PDFs minutes, holding the writer lock (issue 17):
    each document has a time limit; past it, it is reported failed and the run goes on."""
    import time

    from ingest import corpus

    slow = tmp_path / "slow.txt"
    slow.write_text(SAMPLE.read_text(encoding="utf-8") + "\n慢", encoding="utf-8")
    read_text = corpus.READERS[".txt"]

    def reader(path):
        if path.name == "slow.txt":
            time.sleep(30)
        return read_text(path)
    monkeypatch.setitem(corpus.READERS, ".txt", reader)
    landing = landing_zone("seeds", tmp_path / "landing")
    started = time.monotonic()
    assert ingest([slow, SAMPLE], landing, jobs=1, time_limit=1) == 1
    assert time.monotonic() - started < 15
    limit = 1 + 10 * slow.stat().st_size / 1e6          # the base, and 10 s per MB of the file
    assert f"NOT LANDED slow.txt: reading took longer than the time limit of {limit:.0f} s" in capsys.readouterr().err
    assert _statuses(landing) == {"slow.txt": "failed", SAMPLE.name: "landed"}
