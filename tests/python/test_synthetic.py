"""The synthetic corpus: its landing rows without parsing equal what parsing its text lands, and
its documents are the repaired sample under another name and year, with known discrepancies."""
from __future__ import annotations

from ingest.landing_records import document_records
from ingest.parse import parse_document
from ingest.source import read_text_document
from synthetic.generator import INJECTABLE, SyntheticDocument, landing_records, plan_corpus, render, write_text_corpus


def test_direct_landing_rows_equal_parsing_the_text(tmp_path):
    documents = [SyntheticDocument(1, 2021), SyntheticDocument(2, 2023),
                 SyntheticDocument(314, 2022, "narrative_completion_rate"),
                 SyntheticDocument(27, 2019, "hierarchy_form03")]
    for document, path in zip(documents, write_text_corpus(documents, tmp_path)):
        assert landing_records(document) == document_records(parse_document(read_text_document(path))), document


def test_a_synthetic_document_is_the_sample_renamed_and_moved_in_time():
    document = SyntheticDocument(42, 2021)
    records = landing_records(document)
    info = dict(zip(["document_id", "source_file", "source_sha256", "source_format", "title", "department_name",
                     "fiscal_year"], records["raw_documents"][0]))
    assert info["department_name"] == "武汉市武昌区人民政府甲甲甲戊丙街道办事处"
    assert info["fiscal_year"] == "2021" and info["source_file"] == "synthetic-00042-2021.txt"
    text = render(document)
    assert "石洞" not in text and "2021年度" in text and "2023年度" not in text
    # amounts are the template's: 05's 合计 as the repaired sample prints it
    form05_total = [row for row in records["raw_form05_general_budget_expenditure"] if row[5] == "total"]
    assert [row[8] for row in form05_total] == ["959.84"]


def test_plan_is_reproducible_and_injects_the_asked_share():
    plan = plan_corpus(600, years=3, discrepancy_rate=0.1, seed=3)
    assert plan == plan_corpus(600, years=3, discrepancy_rate=0.1, seed=3)
    assert len({(d.department_no, d.fiscal_year) for d in plan}) == 600
    assert {d.fiscal_year for d in plan} == {2021, 2022, 2023}
    injected = [d for d in plan if d.discrepancy]
    assert 40 <= len(injected) <= 80
    assert {d.discrepancy for d in injected} <= set(INJECTABLE)
    assert len({render(d) for d in plan[:50]}) == 50     # distinct content, so distinct document_ids


def test_the_cli_writes_documents_and_their_ground_truth(tmp_path):
    from synthetic.__main__ import main

    assert main([str(tmp_path), "--documents", "4", "--years", "2", "--discrepancy-rate", "1"]) == 0
    rows = (tmp_path / "ground_truth.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file_name,department_no,fiscal_year,injected_rule_id"
    assert [row.split(",")[:3] for row in rows[1:]] == [
        ["synthetic-00001-2022.txt", "1", "2022"], ["synthetic-00001-2023.txt", "1", "2023"],
        ["synthetic-00002-2022.txt", "2", "2022"], ["synthetic-00002-2023.txt", "2", "2023"]]
    assert all(row.split(",")[3] in INJECTABLE for row in rows[1:])
    assert sorted(p.name for p in (tmp_path / "documents").iterdir()) == [row.split(",")[0] for row in rows[1:]]
