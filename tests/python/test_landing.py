"""Landing is idempotent, replaces a document's rows, is all-or-nothing, and matches the seed types."""
import csv
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, SAMPLE, SAMPLE_ID, land
from ingest import landing_seeds
from ingest.generated import stale_files
from ingest.landing_schema import LANDING_COLUMNS, TEXT, landing_column_types
from ingest.landing_zone import landing_zone
from ingest.parse import parse_document
from ingest.source import read_text_document


def _snapshot(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def test_landing_twice_is_byte_identical(tmp_path, parsed_sample):
    landing = tmp_path / "landing"
    land([parsed_sample], landing)
    first = _snapshot(landing)
    land([parse_document(read_text_document(SAMPLE))], landing)
    assert _snapshot(landing) == first
    assert landing_zone("seeds", landing).document_ids() == {SAMPLE_ID}


def test_rows_carry_provenance_and_blank_stays_blank(tmp_path, parsed_sample):
    landing = tmp_path / "landing"
    land([parsed_sample], landing)
    with (landing / "raw_form03_expenditure.csv").open(encoding="utf-8") as handle:
        rows = {row["function_code"]: row for row in csv.DictReader(handle)}
    admin = rows["2010301"]
    assert admin["document_id"] == SAMPLE_ID and admin["source_line"] == "202"
    assert admin["raw_text"].startswith("2010301\t行政运行\t55.11")
    assert admin["amount_basic"] == "55.11" and admin["amount_project"] == ""


def test_two_documents_and_relanding_one_replaces_only_its_rows(tmp_path, parsed_sample, sample_lines):
    other_path = tmp_path / "other.txt"
    other_path.write_text("\n".join(["2024年度武汉市武昌区人民政府石洞街道办事处部门决算公开", *sample_lines[1:]]),
                          encoding="utf-8")
    other = parse_document(read_text_document(other_path))
    landing = tmp_path / "landing"
    land([parsed_sample, other], landing)
    assert landing_zone("seeds", landing).document_ids() == {SAMPLE_ID, other.document.document_id}
    both = _snapshot(landing)
    land([other], landing)
    assert _snapshot(landing) == both


def test_a_failure_while_writing_leaves_the_previous_landing(tmp_path, parsed_sample, monkeypatch):
    landing = tmp_path / "landing"
    land([parsed_sample], landing)
    before = _snapshot(landing)

    def disk_full(table):
        raise OSError("disk full")

    monkeypatch.setattr(landing_seeds, "sort_key", disk_full)      # fails while writing the new files
    with pytest.raises(OSError):
        land([parsed_sample], landing)
    assert _snapshot(landing) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["landing"]


def test_interrupted_swap_is_recovered(tmp_path, parsed_sample):
    landing = tmp_path / "landing"
    land([parsed_sample], landing)
    before = _snapshot(landing)
    landing.rename(tmp_path / ".landing.previous")      # crash between the two renames
    land([parsed_sample], landing)
    assert _snapshot(landing) == before


def test_seed_column_types_cover_every_landing_column():
    types = landing_column_types()
    assert {name: list(columns) for name, columns in types.items()} == LANDING_COLUMNS
    for name, columns in types.items():
        if name == "raw_narrative_claims":
            # figures land as printed text: staging needs '5' and '5.00' apart for the tolerance
            assert columns["amount"] == columns["change_percent"] == TEXT
            continue
        for column, data_type in columns.items():
            if column.startswith("amount_") and column != "amount_decimals" or column == "amount":
                assert data_type == "decimal(18,4)", (name, column)
            if column.endswith("_code") or column == "form":
                assert data_type == TEXT, (name, column)


def test_the_generated_dbt_files_are_in_step_with_the_landing_registry():
    # seeds/landing.yml, the landing source yml, macros/landing_measures.sql, the union of check
    # models and the per-rule gates
    assert stale_files() == []
