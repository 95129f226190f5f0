"""A disclosure as numbered lines of cells: the common input of every form parser."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import IngestError


@dataclass(frozen=True)
class SourceLine:
    number: int               # 1-based line number in the text extraction
    text: str
    page: int | None = None   # set by PDF readers
    # split once, when the line is made: parsers read the cells of a line many times (a
    # cached_property takes a lock on every read, a tenth of the parse time)
    cells: list[str] = field(init=False, repr=False, compare=False)
    is_blank: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "cells", [cell.strip() for cell in self.text.split("\t")])
        object.__setattr__(self, "is_blank", not self.text.strip())

    def cell(self, index: int) -> str:
        cells = self.cells
        return cells[index] if 0 <= index < len(cells) else ""


@dataclass(frozen=True)
class SourceDocument:
    path: Path
    document_id: str
    sha256: str
    source_format: str
    lines: list[SourceLine]
    # PDF only: last row of a table that runs to the foot of its page and does not continue
    # on the next one. A form ending there with its hierarchy cut short lost a page.
    page_foot_lines: frozenset[int] = frozenset()
    pages_without_text: tuple[int, ...] = ()   # PDF only: pages with no text layer (scans)
    # title line -> (problem, hint): a form the reader saw but cannot give as a table (PDF only)
    layout_problems: dict[int, tuple[str, str]] = field(default_factory=dict)
    line_origins: dict[int, str] = field(default_factory=dict)   # workbooks: line -> 'sheet!A5:G5'
    # PDF only: page -> why pdfplumber read it, not pdfium (a turned page, say): slower, same lines
    pages_read_by_pdfplumber: dict[int, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.name


def document_id_for(content: bytes) -> tuple[str, str]:
    """Stable identity: the same bytes always give the same document_id."""
    digest = hashlib.sha256(content).hexdigest()
    return digest[:16], digest


def _decode(content: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError("text is neither UTF-8 nor GB18030", file=path.name,
                      hint="convert the file to UTF-8 and ingest it again")


def read_text_document(path: Path) -> SourceDocument:
    """A tab-separated text extraction of a disclosure."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror}", file=str(path)) from error
    if not content.strip():
        raise IngestError("file is empty", file=path.name)
    text = _decode(content, path)
    document_id, digest = document_id_for(content)
    lines = [SourceLine(number, raw.rstrip("\r"))
             for number, raw in enumerate(text.split("\n"), start=1)]
    return SourceDocument(path, document_id, digest, "txt", lines)
