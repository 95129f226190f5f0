"""Damaged input: the error names file, form and line, and nothing is landed."""
from pathlib import Path

import pytest

from conftest import SAMPLE
from ingest.cli import ingest
from ingest.errors import IngestError
from ingest.landing import land
from ingest.landing_zone import LandingZone
from ingest.parse import parse_document
from ingest.source import read_text_document


def _write(tmp_path: Path, lines: list[str], name="damaged.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _parse_error(path: Path) -> IngestError:
    with pytest.raises(IngestError) as caught:
        parse_document(read_text_document(path))
    return caught.value


def test_bad_amount_names_file_form_and_line(tmp_path, sample_lines):
    lines = list(sample_lines)
    assert lines[201].startswith("2010301\t行政运行\t55.11")          # line 202
    lines[201] = lines[201].replace("55.11", "55.1l", 1)
    error = _parse_error(_write(tmp_path, lines))
    assert (error.file, error.form, error.line) == ("damaged.txt", "03", 202)
    assert "55.1l" in str(error) and "not an amount" in str(error)


def test_unreadable_row_inside_a_table(tmp_path, sample_lines):
    lines = list(sample_lines)
    lines.insert(312, "行政运行（续）\t\t1.00\t\t")                     # inside form 05's table
    error = _parse_error(_write(tmp_path, lines))
    assert (error.form, error.line) == ("05", 313)
    assert "neither 合计 nor a functional code" in str(error)


def test_file_cut_inside_a_table_is_truncated(tmp_path, sample_lines):
    error = _parse_error(_write(tmp_path, sample_lines[:230]))         # ends inside form 03
    assert (error.form, error.line) == ("03", 230)
    assert "truncated" in str(error)


def test_unknown_column_header(tmp_path, sample_lines):
    lines = list(sample_lines)
    lines[305] = lines[305].replace("项目支出", "专项支出")                # form 05 header, line 306
    error = _parse_error(_write(tmp_path, lines))
    assert error.form == "05" and "专项支出" in str(error)


def test_not_a_disclosure(tmp_path):
    error = _parse_error(_write(tmp_path, ["会议纪要", "今天讨论了预算。"]))
    assert "no standard form" in str(error)


def test_empty_file(tmp_path):
    error = _parse_error(_write(tmp_path, [""]))
    assert "empty" in str(error)


def test_failed_document_lands_nothing_and_keeps_good_data(tmp_path, sample_lines, capsys):
    landing = tmp_path / "landing"
    land([parse_document(read_text_document(SAMPLE))], landing)
    before = {p.name: p.read_bytes() for p in landing.iterdir()}
    lines = list(sample_lines)
    lines[0] = "2022年度武汉市武昌区人民政府石洞街道办事处部门决算公开"    # another document …
    lines[201] = lines[201].replace("55.11", "55.1l", 1)               # … that cannot be read
    status = ingest([_write(tmp_path, lines, "other.txt")], LandingZone("seeds", landing))
    assert status == 1
    assert "NOT LANDED other.txt, form 公开03, line 202" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in landing.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".landing")] == []
