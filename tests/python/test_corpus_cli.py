"""`fiscal ingest` on a folder: each document read on its own, reported one line each; one bad
file neither stops nor corrupts the others; documents already landed are skipped."""
from __future__ import annotations

import shutil

from conftest import PUTUO_ID, PUTUO_PDF, SAMPLE, SAMPLE_ID, TEMPLATE_PDF

from ingest.cli import ingest
from ingest.landing import landed_document_ids
from ingest.landing_zone import LandingZone


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
    landing = LandingZone("seeds", tmp_path / "landing")
    status = ingest([_folder(tmp_path)], landing)
    out, err = capsys.readouterr()
    assert status == 1                                   # a document failed
    assert landed_document_ids(landing.path) == {SAMPLE_ID, PUTUO_ID}
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ")}
    assert "cut-short.pdf: cut-short.pdf: not a readable PDF" in lines["failed"]
    assert "a blank template: forms found, no amounts; not landed" in lines["template"]
    assert "ingest: 2 landed, 0 skipped, 1 template, 1 failed" in out
    assert "NOT LANDED cut-short.pdf: not a readable PDF" in err


def test_second_run_skips_what_is_landed_and_changes_nothing(tmp_path, capsys):
    landing = LandingZone("seeds", tmp_path / "landing")
    folder = _folder(tmp_path)
    (folder / "2024" / "cut-short.pdf").unlink()
    assert ingest([folder], landing) == 0
    before = {path.name: path.read_bytes() for path in landing.path.iterdir()}
    capsys.readouterr()
    assert ingest([folder], landing) == 0
    out = capsys.readouterr().out
    assert "ingest: 0 landed, 2 skipped, 1 template, 0 failed" in out
    assert {path.name: path.read_bytes() for path in landing.path.iterdir()} == before


def test_only_failures_land_nothing(tmp_path, capsys):
    landing = LandingZone("seeds", tmp_path / "landing")
    assert ingest([SAMPLE], landing) == 0
    before = {path.name: path.read_bytes() for path in landing.path.iterdir()}
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00" * 100)
    assert ingest([broken], landing) == 1
    assert {path.name: path.read_bytes() for path in landing.path.iterdir()} == before
    assert "NOT LANDED broken.pdf" in capsys.readouterr().err


def test_lines_shows_what_the_parsers_read(capsys):
    from ingest.cli import main
    assert main(["lines", str(PUTUO_PDF)]) == 0
    out = capsys.readouterr().out
    assert "p10  2010601 | 行政运行 | 1,511.89 | 1,503.52 | 8.37" in out


def test_documents_landed_by_an_older_parser_are_read_again(tmp_path, capsys):
    landing = LandingZone("seeds", tmp_path / "landing")
    assert ingest([SAMPLE], landing) == 0
    documents = landing.path / "raw_documents.csv"
    documents.write_text(documents.read_text(encoding="utf-8").replace(",2\n", ",1\n"), encoding="utf-8")
    assert landed_document_ids(landing.path, "1") == {SAMPLE_ID}
    capsys.readouterr()
    assert ingest([SAMPLE], landing) == 0
    assert "ingest: 1 landed, 0 skipped" in capsys.readouterr().out
    assert landed_document_ids(landing.path, "2") == {SAMPLE_ID}
