"""A PDF disclosure as numbered lines of cells, like a text extraction, with page numbers.

Text outside tables becomes one-cell lines (titles, 单位：万元, notes, narrative); each table row
becomes a tab-separated line. A table continued on the next page is stitched to its first page's
piece when nothing but page furniture (page numbers, the unit, a repeated title) lies between.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import IngestError
from ..forms.catalog import match_title
from ..forms.sections import is_meta_line
from ..numbers import is_decimal_amount
from ..source import SourceDocument, SourceLine, document_id_for
from .pages import TableItem, TextItem, read_pages
from .tables import LogicalTable

_PAGE_NUMBER = re.compile(r"^(?:[-—–\s]*\d{1,3}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?)$")
_DECORATION = re.compile(r"^[\W_]*$")         # a line of quote marks or rules only
_CONTINUED = re.compile(r"^[(（]?续表?[)）]?$")
# A table that ends below this share of the page height ran to the page foot.
_PAGE_FOOT = 0.75


def _is_decoration(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text) or _DECORATION.match(text))


def _is_furniture(line: SourceLine) -> bool:
    """Lines that may sit between two pieces of one table without ending it: the unit, the
    department, a form marker, （续）. (A title is furniture only for its own form.)"""
    return bool(_CONTINUED.match(line.text) or is_meta_line(line))


def _unruled(title: str, below: list) -> tuple[str, str] | None:
    """A form title with amounts printed under it but no ruled table: a layout not read yet, a
    problem of that form alone. (A title at the foot of a page, its table on the next, has
    nothing printed under it.)"""
    texts = [item.text for item in below if isinstance(item, TextItem)]
    if any(is_decimal_amount(word) for text in texts for word in text.split()):   # not a contents page
        return (f"form title {title!r} has amounts under it but no ruled table",
                "tables printed without ruling lines are not read yet; report the layout")
    return None


class _LineWriter:
    def __init__(self):
        self.lines: list[SourceLine] = []
        self.page_foot_lines: set[int] = set()
        self.layout_problems: dict[int, tuple[str, str]] = {}

    def add(self, text: str, page: int) -> int:
        number = len(self.lines) + 1
        self.lines.append(SourceLine(number, text, page))
        return number


def read_pdf_document(path: Path) -> SourceDocument:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror}", file=str(path)) from error
    pages = read_pages(path)
    if not any(page.char_count for page in pages):
        raise IngestError(f"no text layer on any of its {len(pages)} pages (a scanned image?)", file=path.name,
                          hint="run OCR (e.g. ocrmypdf) and ingest the OCR'd PDF")
    writer = _LineWriter()
    table: LogicalTable | None = None      # the table in progress, open for continuation
    title_form: str | None = None          # form (spec key) of the last title line seen
    table_end: int | None = None           # line number of the last row of that table
    for page in pages:
        for position, item in enumerate(page.items):
            if isinstance(item, TextItem):
                text = item.text.strip()
                if _is_decoration(text):
                    continue
                spec = match_title(text)
                number = writer.add(text, page.number)
                if spec is not None:
                    if spec.key != title_form:
                        table = None
                    title_form = spec.key
                    below = page.items[position + 1:]
                    problem = None if any(isinstance(later, TableItem) for later in below) else _unruled(text, below)
                    if problem:
                        writer.layout_problems[number] = problem
                if spec is None and not _is_furniture(writer.lines[number - 1]):
                    table = None
                continue
            rows = [row for row in item.rows if any((cell or "").strip() for cell in row)]
            if not rows:
                continue                    # an empty grid: a blank page inside a form
            starts_a_form = any(match_title(cell or "") for row in rows[:2] for cell in row)
            continuation = table is not None and table.accepts(rows) and not starts_a_form
            if continuation:
                writer.page_foot_lines.discard(table_end)   # it went on: that foot is not an end
            else:
                table = LogicalTable.start(rows)
            last = None
            for cells in table.lines(rows, continuation):
                last = writer.add("\t".join(cells), page.number)
            table_end = last
            below = page.items[position + 1:]
            if (last is not None and item.bottom >= _PAGE_FOOT * page.height
                    and all(isinstance(i, TextItem) and _is_decoration(i.text.strip()) for i in below)):
                writer.page_foot_lines.add(last)
    document_id, digest = document_id_for(content)
    return SourceDocument(path, document_id, digest, "pdf", writer.lines,
                          page_foot_lines=frozenset(writer.page_foot_lines),
                          pages_without_text=tuple(page.number for page in pages if not page.char_count),
                          pages_read_by_pdfplumber={page.number: page.read_by_pdfplumber for page in pages
                                                    if page.read_by_pdfplumber},
                          layout_problems=writer.layout_problems)
