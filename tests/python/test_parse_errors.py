"""Damaged input: a form that cannot be read is a parse issue naming file, form, page and line,
and the rest of the document lands; a document of which nothing can be read is rejected whole,
and never disturbs what is already landed."""
import csv
from pathlib import Path

import pytest

from conftest import SAMPLE, SAMPLE_ID, land
from ingest.cli import ingest
from ingest.errors import IngestError
from ingest.landing_zone import landing_zone
from ingest.parse import parse_document
from ingest.source import read_text_document


def _write(tmp_path: Path, lines: list[str], name="damaged.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _parse(tmp_path, lines):
    return parse_document(read_text_document(_write(tmp_path, lines)))


def _only_issue(parsed):
    assert parsed.document.status == "partial"
    assert len(parsed.issues) == 1
    return parsed.issues[0]


def test_bad_amount_is_a_parse_issue_of_its_form_alone(tmp_path, sample_lines):
    lines = list(sample_lines)
    assert lines[201].startswith("2010301\t行政运行\t55.11")          # line 202
    lines[201] = lines[201].replace("55.11", "55.1l", 1)
    parsed = _parse(tmp_path, lines)
    issue = _only_issue(parsed)
    assert (issue.form, issue.source_line, issue.title) == ("03", 202, "支出决算表")
    assert issue.reason == "column 3 holds '55.1l', which is not an amount"
    assert issue.raw_text.startswith("2010301\t行政运行\t55.1l")
    # every other form lands, with its rows
    assert [form.form for form in parsed.forms] == ["01", "02", "04", "05", "06", "07", "08", "09"]
    assert parsed.rows["raw_form03_expenditure"] == []
    assert len(parsed.rows["raw_form05_general_budget_expenditure"]) == 47       # as on the whole sample
    assert parsed.failed_forms == ["03"] and parsed.missing_forms == []


def test_unreadable_row_inside_a_table(tmp_path, sample_lines):
    lines = list(sample_lines)
    lines.insert(312, "行政运行（续）\t\t1.00\t\t")                     # inside form 05's table
    issue = _only_issue(_parse(tmp_path, lines))
    assert (issue.form, issue.source_line) == ("05", 313)
    assert "neither 合计 nor a functional code" in issue.reason


def test_a_code_printed_twice_is_a_parse_issue_of_its_form(tmp_path, sample_lines):
    """Issue 17: a 06 code changed into a duplicate landed and failed the build of every document
    (the facts are keyed on the code)."""
    lines = list(sample_lines)
    assert lines[361].startswith("30102\t津贴补贴\t12.09")              # line 362
    lines[361] = lines[361].replace("30102", "30101", 1)
    parsed = _parse(tmp_path, lines)
    issue = _only_issue(parsed)
    assert (issue.form, issue.source_line) == ("06", 362)
    assert issue.reason == "30101 is printed twice (lines 361 and 362)"
    assert "06" not in [form.form for form in parsed.forms] and len(parsed.forms) == 8


def test_a_functional_code_printed_twice_is_a_parse_issue(tmp_path, sample_lines):
    lines = list(sample_lines)
    assert lines[202].startswith("2010302\t一般行政管理事务\t79.95")     # form 03, line 203
    lines[202] = lines[202].replace("2010302", "2010301", 1)
    issue = _only_issue(_parse(tmp_path, lines))
    assert (issue.form, issue.source_line, issue.reason) == ("03", 203, "2010301 is printed twice (lines 202 and 203)")


def test_an_amount_beyond_the_header_is_a_parse_issue(tmp_path, sample_lines):
    """Issue 17: an extra data cell right of the last printed column was dropped without a word."""
    lines = list(sample_lines)
    assert lines[201].startswith("2010301\t行政运行\t55.11") and len(lines[201].split("\t")) == 8    # 03's 8 columns
    lines[201] += "\t12.00"
    issue = _only_issue(_parse(tmp_path, lines))
    assert (issue.form, issue.source_line) == ("03", 202)
    assert issue.reason == "column 9 holds '12.00' where the header prints no column"


def test_file_cut_inside_a_table_loses_that_form_only(tmp_path, sample_lines):
    parsed = _parse(tmp_path, sample_lines[:230])                      # ends inside form 03
    issue = _only_issue(parsed)
    assert (issue.form, issue.source_line) == ("03", 230)
    assert "truncated" in issue.reason
    assert [form.form for form in parsed.forms] == ["01", "02"]


def test_a_second_table_under_a_title_already_read_is_its_own_parse_issue(tmp_path, sample_lines):
    lines = list(sample_lines)
    assert lines[296] == "一般公共预算财政拨款支出决算表"                 # line 297: 05's title
    lines[296] = "支出决算表"                                          # now a second 03 (its table marked 公开05表)
    parsed = _parse(tmp_path, lines)
    issue = _only_issue(parsed)
    assert (issue.form, issue.source_line) == ("03", 297)
    assert issue.reason == "form title appears twice (lines 188 and 297); the first table is read"
    first03 = next(form for form in parsed.forms if form.form == "03")
    assert first03.title_line == 188 and len(parsed.rows["raw_form03_expenditure"]) == 52   # as on the sample
    assert parsed.missing_forms == ["05"]      # printed under another title, so not found as 05


def test_unknown_measure_column_lands_under_its_printed_header(tmp_path, sample_lines):
    lines = list(sample_lines)
    lines[305] = lines[305].replace("项目支出", "专项支出")                # form 05 header, line 306
    parsed = _parse(tmp_path, lines)
    assert parsed.document.status == "landed"
    extras = {row.row_key: row for row in parsed.rows["raw_extra_measures"]}
    assert extras[None].column_header == "专项支出" and str(extras[None].amount) == "872.85"   # the 合计 row
    assert str(extras["2120501"].amount) == "182.32"
    assert all(row.form == "05" and row.column_no == 5 for row in extras.values())
    total = next(row for row in parsed.rows["raw_form05_general_budget_expenditure"] if row.row_kind == "total")
    assert (str(total.measures["total"]), total.measures["project"]) == ("959.84", None)


def test_a_document_whose_only_form_cannot_be_read_is_rejected_whole(tmp_path, sample_lines):
    start = sample_lines.index("支出决算表")                            # form 03 alone, with a bad cell
    lines = [*sample_lines[:6], *sample_lines[start:start + 40], "注：到此结束。"]
    lines = [line.replace("2010301\t行政运行\t55.11", "2010301\t行政运行\t55.1l") for line in lines]
    with pytest.raises(IngestError) as caught:
        _parse(tmp_path, lines)
    assert caught.value.message == "no form could be read (03: column 3 holds '55.1l', which is not an amount)"


def test_not_a_disclosure_says_what_was_read(tmp_path):
    with pytest.raises(IngestError) as caught:
        _parse(tmp_path, ["会议纪要", "今天讨论了预算。"])
    assert "no standard form" in caught.value.message and "2 lines of text" in caught.value.message
    assert "OCR" not in str(caught.value)                     # it has text: OCR would not help


def test_a_budget_form_is_read_as_its_form(tmp_path):
    """A budget is read (tests/python/test_budgets.py): its unreadable 收支预算总表 is form 01's issue."""
    with pytest.raises(IngestError) as caught:
        _parse(tmp_path, ["2025年部门预算", "收支预算总表", "项目\t预算数", "合计\t1.00"])
    assert caught.value.message.startswith("no form could be read (01: ")


def test_empty_file(tmp_path):
    with pytest.raises(IngestError, match="empty"):
        _parse(tmp_path, [""])


def _landing_rows(landing: Path) -> dict[str, list[dict]]:
    return {path.stem: list(csv.DictReader(path.open(encoding="utf-8"))) for path in landing.glob("*.csv")}


def test_a_document_with_an_unreadable_form_lands_the_rest_beside_good_data(tmp_path, sample_lines, capsys):
    landing = tmp_path / "landing"
    land([parse_document(read_text_document(SAMPLE))], landing)
    before = _landing_rows(landing)
    lines = list(sample_lines)
    lines[2] = "2022年度武汉市武昌区人民政府石洞街道"                       # another document …
    lines[201] = lines[201].replace("55.11", "55.1l", 1)               # … whose 03 cannot be read
    status = ingest([_write(tmp_path, lines, "other.txt")], landing_zone("seeds", landing))
    assert status == 1                                                  # not everything was read
    out, err = capsys.readouterr()
    assert "partial" in out and "ingest: 0 landed, 1 partial" in out
    assert "PARTIAL other.txt, form 公开03, line 202: column 3 holds '55.1l'" in err
    after = _landing_rows(landing)
    for table, rows in before.items():                                 # the sample's rows untouched
        assert [row for row in after[table] if row["document_id"] == SAMPLE_ID] == rows, table
    other = next(row for row in after["raw_documents"] if row["document_id"] != SAMPLE_ID)
    assert (other["status"], other["fiscal_year"]) == ("partial", "2022")
    assert [(row["form"], row["source_line"]) for row in after["raw_parse_issues"]] == [("03", "202")]
    assert not any(row["document_id"] == other["document_id"] for row in after["raw_form03_expenditure"])
    assert any(row["document_id"] == other["document_id"] for row in after["raw_form05_general_budget_expenditure"])


def test_a_document_of_which_nothing_reads_is_recorded_and_lands_no_rows(tmp_path, capsys):
    landing = tmp_path / "landing"
    land([parse_document(read_text_document(SAMPLE))], landing)
    before = _landing_rows(landing)
    status = ingest([_write(tmp_path, ["会议纪要", "今天讨论了预算。"], "minutes.txt")], landing_zone("seeds", landing))
    assert status == 1
    assert "NOT LANDED minutes.txt: no standard form" in capsys.readouterr().err
    after = _landing_rows(landing)
    failed = next(row for row in after["raw_documents"] if row["document_id"] != SAMPLE_ID)
    assert (failed["status"], failed["source_file"]) == ("failed", "minutes.txt")
    assert [row["reason"][:16] for row in after["raw_parse_issues"]] == ["no standard form"]
    for table, rows in before.items():
        if table not in ("raw_documents", "raw_parse_issues"):
            assert after[table] == rows, table
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".landing")] == []
