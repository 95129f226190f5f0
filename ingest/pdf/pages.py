"""Open a PDF and list each page's content top to bottom: text lines outside tables, and tables.

pdfium reads each page's characters and ruling lines (pdfium_page.py; pdfminer decoded them in
Python, most of pdfplumber's time); pdfplumber's table finder finds the tables on them
(table_finder.py), and the cell text and free-text lines are grouped as pdfplumber groups them
(cell_text.py). A page pdfium_page does not map (LeftToPdfplumber says why) is read by pdfplumber
whole, as every page was before; the document says which (SourceDocument.pages_read_by_pdfplumber).
"""
from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils import extract_text
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import IngestError
from .cell_text import cell_text, free_text_lines
from .pdfium_page import LeftToPdfplumber, PlumberPage, read_page_objects


@dataclass(frozen=True)
class TextItem:
    top: float
    text: str


@dataclass(frozen=True)
class TableItem:
    top: float
    bottom: float
    rows: list[list[str | None]]   # pdfplumber cells: None where a merged cell covers the grid slot


@dataclass(frozen=True)
class PdfPage:
    number: int                    # 1-based
    height: float
    char_count: int
    items: list[TextItem | TableItem]
    read_by_pdfplumber: str | None = None    # why pdfplumber read this page (None: pdfium did)


# Narrative figures are often set in another font whose baseline sits about 5 pt below the
# Chinese text of the same line (Putuo 2024): pdfplumber's default 3 pt would put every figure
# on a line of its own, away from the words it belongs to. Lines are about 14 pt apart.
_LINE_Y_TOLERANCE = 6


class _CharIndex:
    """The page's characters by the middle of their height, so a table row takes its own in a
    bisection instead of testing every character of the page (pdfplumber's Table.extract)."""

    def __init__(self, chars: list[dict]):
        self.chars = chars
        self.middles = [((c["top"] + c["bottom"]) / 2, (c["x0"] + c["x1"]) / 2) for c in chars]
        self.order = sorted(range(len(chars)), key=lambda index: self.middles[index][0])
        self.sorted_v = [self.middles[index][0] for index in self.order]

    def within(self, bbox) -> list[int]:
        """Indices of the characters whose middle lies in bbox (x0 <= x < x1, top <= y < bottom),
        in page order, as pdfplumber's char_in_bbox."""
        x0, top, x1, bottom = bbox
        among = self.order[bisect_left(self.sorted_v, top):bisect_left(self.sorted_v, bottom)]
        return sorted(index for index in among if x0 <= self.middles[index][1] < x1)

    def cells(self, row_chars: list[int], cells: list) -> list[list[int] | None]:
        """For each cell bbox of a row (None stays None), its characters as within() finds them,
        taken from the row's characters by the middle of their width."""
        by_x = sorted(row_chars, key=lambda index: self.middles[index][1])
        xs = [self.middles[index][1] for index in by_x]
        found = []
        for cell in cells:
            if cell is None:
                found.append(None)
                continue
            x0, top, x1, bottom = cell
            found.append(sorted(index for index in by_x[bisect_left(xs, x0):bisect_left(xs, x1)]
                                if top <= self.middles[index][0] < bottom))
        return found

    def outside(self, boxes) -> list[dict]:
        """The characters whose middle lies in none of the boxes (edges included), in page order."""
        inside = set()
        for x0, top, x1, bottom in boxes:
            inside.update(index for index in self.order[bisect_left(self.sorted_v, top):bisect_right(self.sorted_v, bottom)]
                          if x0 <= self.middles[index][1] <= x1)
        return [char for index, char in enumerate(self.chars) if index not in inside]


def _cell_text(chars: list[dict]) -> str:
    """pdfplumber's extract_text(chars); cell_text's quicker equal when every character is upright."""
    return cell_text(chars) if all(char["upright"] for char in chars) else extract_text(chars)


def _free_text(page, index: _CharIndex | None, boxes) -> list[TextItem]:
    """The text lines outside the tables: pdfplumber's extract_text_lines, or cell_text's quicker
    equal when every character is upright. index: the page's characters (None: no tables)."""
    chars = index.outside(boxes) if boxes else page.chars
    if all(char["upright"] for char in chars):
        lines = free_text_lines(chars, _LINE_Y_TOLERANCE)
    else:
        outside = {id(char) for char in chars}
        free = page.filter(lambda obj: obj["object_type"] != "char" or id(obj) in outside) if boxes else page
        lines = [(line["top"], line["text"])
                 for line in free.extract_text_lines(return_chars=False, y_tolerance=_LINE_Y_TOLERANCE)]
    return [TextItem(top, text) for top, text in lines if text.strip()]


def _table_rows(table, index: _CharIndex) -> list[list[str | None]]:
    """What pdfplumber's Table.extract() returns, the same cell by cell."""
    rows = []
    for row in table.rows:
        cells = index.cells(index.within(row.bbox), row.cells)
        rows.append([None if in_cell is None else _cell_text([index.chars[i] for i in in_cell]) if in_cell else ""
                     for in_cell in cells])
    return rows


def _page_items(page) -> list[TextItem | TableItem]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    index = _CharIndex(page.chars) if tables else None
    items: list[TextItem | TableItem] = [TableItem(t.bbox[1], t.bbox[3], _table_rows(t, index)) for t in tables]
    items.extend(_free_text(page, index, boxes))
    return sorted(items, key=lambda item: item.top)


@contextmanager
def _no_cycle_collection():
    """The garbage collector paused while a page is read: it makes thousands of dicts and lists,
    none in a cycle (refcounting frees them), and every 700 set off a collection pass (5-10% of
    the reading time). Per page, so that the page view (pdfplumber's Page refers to itself) is
    collected after it as before."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_with_pdfium(path: Path) -> tuple[list[PdfPage | None], dict[int, str]]:
    """The pages pdfium reads (None for the others), and why each other page is left to pdfplumber."""
    pages: list[PdfPage | None] = []
    left: dict[int, str] = {}
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            with _no_cycle_collection():
                try:
                    objects = read_page_objects(page.raw)
                except LeftToPdfplumber as reason:
                    left[index + 1] = str(reason)
                    pages.append(None)
                    continue
                finally:
                    page.close()
                view = PlumberPage(objects, index + 1)
                pages.append(PdfPage(index + 1, objects.height, len(objects.chars), _page_items(view)))
    finally:
        document.close()
    return pages, left


def _read_with_pdfplumber(path: Path, left: dict[int, str]) -> dict[int, PdfPage]:
    try:
        with pdfplumber.open(path, pages=sorted(left)) as pdf:
            read = {}
            for page in pdf.pages:
                number = page.page_number
                read[number] = PdfPage(number, float(page.height), len(page.chars), _page_items(page), left[number])
                page.close()   # drop pdfplumber's per-page caches: long documents stay small
            return read
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            raise _encrypted(path) from error
        raise _unreadable(path, f"{type(cause).__name__}: {cause}") from error


def _encrypted(path: Path) -> IngestError:
    return IngestError("the PDF is encrypted and needs a password", file=path.name,
                       hint="save an unencrypted copy and ingest that")


def _unreadable(path: Path, cause: str) -> IngestError:
    return IngestError(f"not a readable PDF ({cause})", file=path.name,
                       hint="the file may be truncated or damaged: download it again")


def read_pages(path: Path) -> list[PdfPage]:
    """Every page's items. Raises IngestError for a file that is not a readable PDF."""
    try:
        pages, left = _read_with_pdfium(path)
        if left:
            by_number = _read_with_pdfplumber(path, left)
            pages = [page or by_number[number] for number, page in enumerate(pages, start=1)]
        return pages
    except pypdfium2.PdfiumError as error:
        if error.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise _encrypted(path) from error
        raise _unreadable(path, str(error)) from error
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror}", file=str(path)) from error
