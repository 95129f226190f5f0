"""Open a PDF and list each page's content top to bottom: text lines outside tables, and tables."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import IngestError


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


# Narrative figures are often set in another font whose baseline sits about 5 pt below the
# Chinese text of the same line (Putuo 2024): pdfplumber's default 3 pt would put every figure
# on a line of its own, away from the words it belongs to. Lines are about 14 pt apart.
_LINE_Y_TOLERANCE = 6


def _outside(boxes):
    def keep(obj) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
    return keep


def _page_items(page) -> list[TextItem | TableItem]:
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    items: list[TextItem | TableItem] = [TableItem(t.bbox[1], t.bbox[3], t.extract()) for t in tables]
    free_text = page.filter(_outside(boxes)) if boxes else page
    items.extend(TextItem(line["top"], line["text"])
                 for line in free_text.extract_text_lines(return_chars=False, y_tolerance=_LINE_Y_TOLERANCE) if line["text"].strip())
    return sorted(items, key=lambda item: item.top)


def read_pages(path: Path) -> list[PdfPage]:
    """Every page's items. Raises IngestError for a file that is not a readable PDF."""
    try:
        with pdfplumber.open(path) as pdf:
            pages = []
            for page in pdf.pages:
                pages.append(PdfPage(page.page_number, float(page.height), len(page.chars), _page_items(page)))
                page.close()   # drop pdfplumber's per-page caches: long documents stay small
            return pages
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            raise IngestError("the PDF is encrypted and needs a password", file=path.name,
                              hint="save an unencrypted copy and ingest that") from error
        raise IngestError(f"not a readable PDF ({type(cause).__name__}: {cause})", file=path.name,
                          hint="the file may be truncated or damaged: download it again") from error
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror}", file=str(path)) from error
