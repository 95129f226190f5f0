"""Every real PDF the project carries reads to the same lines as before pdfium read the pages.

tests/fixtures/pdf_lines/ holds, per PDF, what the pdfplumber-only reader gave (lines with their
pages, the page-foot lines, the pages without text, the layout problems), written once before the
reader moved to pdfium. The reader now reads characters and ruling lines with pdfium and hands
them to pdfplumber's table finder; these tests hold it to the old output, byte for byte.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import PROJECT_DIR, TEMPLATE_PDF

import ingest.pdf.pages as pages
from ingest.pdf.pdfium_page import LeftToPdfplumber
from ingest.pdf.reader import read_pdf_document
from ingest.source import SourceDocument

EXPECTED = PROJECT_DIR / "tests" / "fixtures" / "pdf_lines"
REAL_PDFS = sorted([*(PROJECT_DIR / "data" / "documents").glob("*.pdf"),
                    *(PROJECT_DIR / "tests" / "fixtures" / "budgets").glob("*.pdf"),
                    *(PROJECT_DIR / "tests" / "fixtures" / "pdf").glob("*.pdf")])


def as_read(document: SourceDocument) -> str:
    lines = [f"# page_foot_lines: {' '.join(map(str, sorted(document.page_foot_lines)))}",
             f"# pages_without_text: {' '.join(map(str, document.pages_without_text))}"]
    lines += [f"# layout_problem {number}: {problem} | {hint}"
              for number, (problem, hint) in sorted(document.layout_problems.items())]
    lines += [f"{line.number}\tp{line.page}\t{line.text}" for line in document.lines]
    return "\n".join(lines) + "\n"


def test_every_real_pdf_is_covered():
    assert len(REAL_PDFS) == 16
    assert sorted(path.name + ".lines" for path in REAL_PDFS) == sorted(path.name for path in EXPECTED.iterdir())


@pytest.mark.parametrize("path", REAL_PDFS, ids=lambda path: path.stem)
def test_a_real_pdf_reads_as_before(path: Path):
    assert as_read(read_pdf_document(path)) == (EXPECTED / f"{path.name}.lines").read_text()


def test_turned_pages_are_read_by_pdfplumber_and_said():
    path = PROJECT_DIR / "tests" / "fixtures" / "budgets" / "jiangsu-prov-partycommittee-office-2019-budget-tables.pdf"
    document = read_pdf_document(path)
    assert document.pages_read_by_pdfplumber == dict.fromkeys([1, 2, 3, 4, 5, 7, 9, 10, 11], "page turned by /Rotate")
    assert read_pdf_document(PROJECT_DIR / "data" / "documents" /
                             "shanghai-putuo-finance-bureau-2024-final-accounts.pdf").pages_read_by_pdfplumber == {}


def test_pdfplumber_reading_every_page_gives_the_same_lines(monkeypatch):
    """The fallback path, forced on every page of the template: the two readings agree."""
    def refuse(page):
        raise LeftToPdfplumber("forced by the test")
    monkeypatch.setattr(pages, "read_page_objects", refuse)
    document = read_pdf_document(TEMPLATE_PDF)
    assert set(document.pages_read_by_pdfplumber.values()) == {"forced by the test"}
    assert as_read(document) == (EXPECTED / f"{TEMPLATE_PDF.name}.lines").read_text()
