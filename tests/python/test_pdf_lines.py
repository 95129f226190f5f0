"""Every real PDF the project carries reads to the same lines as before pdfium read the pages.

tests/fixtures/pdf_lines/ holds, per PDF, what the pdfplumber-only reader gave (lines with their
pages, the page-foot lines, the pages without text, the layout problems), written once before the
reader moved to pdfium. The reader now reads characters and ruling lines with pdfium and hands
them to pdfplumber's table finder; these tests hold it to the old output, byte for byte.
"""
from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2
import pytest
from conftest import PROJECT_DIR, PUTUO_PDF, TEMPLATE_PDF
from pdfplumber.table import TableFinder
from pdfplumber.utils import extract_text
from pypdf import PdfReader, PdfWriter

import ingest.pdf.pages as pages
from ingest.pdf import pdfium_calls, pdfium_page
from ingest.pdf.cell_text import cell_text, free_text_lines
from ingest.pdf.pdfium_page import LeftToPdfplumber, PlumberPage, read_page_objects
from ingest.pdf.reader import read_pdf_document
from ingest.pdf.table_finder import FastTableFinder
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


def _forced_to_pdfplumber(monkeypatch):
    def refuse(page):
        raise LeftToPdfplumber("forced by the test")
    monkeypatch.setattr(pages, "read_page_objects", refuse)


def _variant(tmp_path: Path, source: Path, edit, pages_kept: int = 8) -> Path:
    writer = PdfWriter()
    for page in PdfReader(source).pages[:pages_kept]:
        writer.add_page(page)
    for page in writer.pages:
        edit(page)
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / f"variant-{source.name}"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_turned_pages_are_read_by_pdfium():
    """Jiangsu prints its tables on pages turned by /Rotate 90: pdfium reads them (the golden
    lines above are pdfplumber's)."""
    path = PROJECT_DIR / "tests" / "fixtures" / "budgets" / "jiangsu-prov-partycommittee-office-2019-budget-tables.pdf"
    assert PdfReader(path).pages[1].rotation == 90
    assert read_pdf_document(path).pages_read_by_pdfplumber == {}


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_drawn_sideways_and_turned_upright_reads_as_the_upright_page(tmp_path, turn):
    """Putuo's pages with their drawing turned `turn` degrees and the page turned back by /Rotate
    (as Jiangsu prints its tables) read to the very lines of the pages as printed. (pdfplumber
    itself misreads these copies: pypdf turns the drawing by cos(90°) = 6e-17, and pdfminer then
    takes no rule for horizontal.)"""
    def sideways(page):
        page.rotate(turn)
        page.transfer_rotation_to_content()      # the drawing turned, /Rotate 0
        page.rotate(360 - turn)                  # and the page turned back upright
    upright = read_pdf_document(_variant(tmp_path / "upright", PUTUO_PDF, lambda page: None, pages_kept=12))
    path = _variant(tmp_path, PUTUO_PDF, sideways, pages_kept=12)
    assert PdfReader(path).pages[0].rotation == 360 - turn
    document = read_pdf_document(path)
    assert document.pages_read_by_pdfplumber == {}
    assert as_read(document) == as_read(upright)
    assert "2010601\t行政运行" in "\n".join(line.text for line in document.lines)


def test_a_page_box_off_the_origin_is_read_by_pdfplumber_and_said(tmp_path):
    def shift(page):
        page.mediabox.lower_left = (10, 10)
    document = read_pdf_document(_variant(tmp_path, TEMPLATE_PDF, shift, pages_kept=2))
    assert document.pages_read_by_pdfplumber == {1: "page box does not start at 0,0", 2: "page box does not start at 0,0"}


def test_pdfplumber_reading_every_page_gives_the_same_lines(monkeypatch):
    """The fallback path, forced on every page of the template: the two readings agree."""
    _forced_to_pdfplumber(monkeypatch)
    document = read_pdf_document(TEMPLATE_PDF)
    assert set(document.pages_read_by_pdfplumber.values()) == {"forced by the test"}
    assert as_read(document) == (EXPECTED / f"{TEMPLATE_PDF.name}.lines").read_text()


@pytest.fixture(scope="module")
def pdfium_views() -> list[tuple[str, int, PlumberPage]]:
    """(file name, page number, pdfplumber's view of the objects pdfium read) for every page of
    every real PDF that pdfium reads."""
    views = []
    for path in REAL_PDFS:
        document = pypdfium2.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            try:
                views.append((path.name, index + 1, PlumberPage(read_page_objects(page.raw), index + 1)))
            except LeftToPdfplumber:
                continue
            finally:
                page.close()
        document.close()
    return views


def test_cell_text_is_pdfplumbers_text_on_every_cell_and_page_of_the_real_pdfs(pdfium_views):
    """ingest/pdf/cell_text.py stands in for pdfplumber's extract_text on table cells and its
    extract_text_lines on the free text: they agree on every cell of every table the reader finds
    and on the text outside the tables of every page."""
    compared = 0
    for name, number, view in pdfium_views:
        chars = pages._CharIndex(view.chars)
        tables = view.find_tables()
        for table in tables:
            for cell in table.cells:
                in_cell = [view.chars[i] for i in chars.within(cell)]
                assert cell_text(in_cell) == extract_text(in_cell), (name, number, cell)
                compared += 1
        free_chars = chars.outside([table.bbox for table in tables])
        free = view.filter(lambda obj, kept={id(char) for char in free_chars}: id(obj) in kept)
        assert free_text_lines(free_chars, 6) == [
            (line["top"], line["text"]) for line in free.extract_text_lines(return_chars=False, y_tolerance=6)]
    assert compared > 10_000


def test_table_finder_finds_pdfplumbers_edges_and_cells_on_every_page_of_the_real_pdfs(pdfium_views):
    """ingest/pdf/table_finder.py stands in for pdfplumber's TableFinder: the same edges, to the
    last bit, in the same order, and the same cells, on every page."""
    edges = 0
    for name, number, view in pdfium_views:
        fast, plumber = FastTableFinder(view), TableFinder(view)
        assert [(e["x0"], e["top"], e["x1"], e["bottom"], e["orientation"]) for e in fast.edges] == [
            (e["x0"], e["top"], e["x1"], e["bottom"], e["orientation"]) for e in plumber.edges], (name, number)
        assert fast.cells == plumber.cells, (name, number)
        edges += len(fast.edges)
    assert edges > 5_000


def _shaped_both_ways(text_page: int, handle: int) -> tuple:
    """(characters, text objects) as the C extension shapes them and as _characters_in_python does
    (the class of LeftToPdfplumber where they raise it)."""
    space = pdfium_page._page_space(handle)
    shaped = []
    for characters in (pdfium_page._characters, pdfium_page._characters_in_python):
        used = set()
        try:
            shaped.append((characters(text_page, space, pdfium_page._Descents(), used), used))
        except LeftToPdfplumber:
            shaped.append(LeftToPdfplumber)
    return tuple(shaped)


def test_the_c_bulk_reader_reads_what_its_python_twins_read_on_every_page_of_the_real_pdfs(tmp_path):
    """pdfium_calls reads characters, objects and path points through the C extension, built by
    the install, and shapes the characters; its ctypes and Python twins (for installs without a
    C compiler) must give the same, on every page of the real PDFs and of Putuo turned by
    /Rotate 90, 180 and 270 (drawn sideways or not, so that text is rotated for some)."""
    assert pdfium_calls.bulk_in_c(), "ingest/pdf/_pdfium_bulk.c was not built: reinstall with a C compiler"
    turned = [_variant(tmp_path / str(turn), PUTUO_PDF, lambda page, turn=turn: page.rotate(turn), pages_kept=3)
              for turn in (90, 180, 270)]
    paths, left = 0, 0
    for path in [*REAL_PDFS, *turned]:
        document = pypdfium2.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            handle = ctypes.cast(page.raw, ctypes.c_void_p).value
            text_page = pdfium_calls.c.FPDFText_LoadPage(handle)
            assert pdfium_calls.chars(text_page) == pdfium_calls._chars_by_ctypes(text_page), (path.name, index + 1)
            in_c, in_python = _shaped_both_ways(text_page, handle)
            assert in_c == in_python, (path.name, index + 1)
            left += in_c is LeftToPdfplumber
            pdfium_calls.c.FPDFText_ClosePage(text_page)
            ints, doubles = pdfium_calls.objects(handle, is_form=False)
            assert (ints, doubles) == pdfium_calls._objects_by_ctypes(handle, is_form=False), (path.name, index + 1)
            for handle, kind in zip(ints[::2], ints[1::2]):
                if kind == pypdfium2.raw.FPDF_PAGEOBJ_PATH:
                    assert pdfium_calls.segments(handle) == pdfium_calls._segments_by_ctypes(handle)
                    paths += 1
                elif kind == pypdfium2.raw.FPDF_PAGEOBJ_FORM:
                    assert pdfium_calls.objects(handle, True) == pdfium_calls._objects_by_ctypes(handle, True)
            page.close()
        document.close()
    assert paths > 10_000
    assert left == 9       # the turned copies' pages: their text is set sideways on the turned page
