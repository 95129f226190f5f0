"""Ingest a corpus: many files, each parsed on its own, all landed together in one swap.

One unreadable document is reported with its reason and does not stop the others. A document
whose content is already landed is skipped; a blank template is recognised and not landed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import PARSER_VERSION
from .errors import IngestError
from .landing import land, landed_document_ids
from .parse import ParsedDocument, parse_document
from .pdf.reader import read_pdf_document
from .source import SourceDocument, document_id_for, read_text_document

READERS: dict[str, Callable[[Path], SourceDocument]] = {".txt": read_text_document, ".pdf": read_pdf_document}


@dataclass
class Outcome:
    """What became of one file."""
    path: Path
    status: str                      # landed / skipped / template / failed
    document_id: str | None = None
    detail: str = ""
    forms: list[str] = field(default_factory=list)
    rows: int = 0

    def line(self) -> str:
        forms = ",".join(self.forms) if self.forms else "-"
        return (f"  {self.status:<8} {self.document_id or '-':<16} forms {forms:<26} rows {self.rows:>5}  "
                f"{self.path.name}: {self.detail}")


def documents_under(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS))
        else:
            found.append(path)
    return found


def read_document(path: Path) -> SourceDocument:
    """The reader its suffix names: .txt or .pdf."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix!r}", file=path.name,
                          hint="text extractions (.txt) and PDFs (.pdf) are read")
    return reader(path)


def _content_id(path: Path) -> str | None:
    try:
        return document_id_for(path.read_bytes())[0]
    except OSError:
        return None          # the reader reports it with its reason


def ingest_corpus(files: list[Path], landing: Path, force: bool = False) -> list[Outcome]:
    already = set() if force else landed_document_ids(landing, PARSER_VERSION)
    outcomes: list[Outcome] = []
    to_land: list[ParsedDocument] = []
    for path in tqdm(files, desc="reading", unit="doc", disable=len(files) < 2):
        document_id = _content_id(path)
        if document_id is not None and document_id in already:
            outcomes.append(Outcome(path, "skipped", document_id,
                                    "already landed with the same content by this parser version"))
            continue
        try:
            parsed = parse_document(read_document(path))
        except IngestError as failure:
            outcomes.append(Outcome(path, "failed", document_id, failure.describe()))
            continue
        forms = [form.form for form in parsed.forms]
        rows = sum(len(rows) for rows in parsed.rows.values())
        info = parsed.document
        if info.is_template:
            outcomes.append(Outcome(path, "template", info.document_id,
                                    "a blank template: forms found, no amounts; not landed", forms, 0))
            continue
        missing = f"; missing forms {','.join(parsed.missing_forms)}" if parsed.missing_forms else ""
        outcomes.append(Outcome(path, "landed", info.document_id,
                                f"{info.department_name} {info.fiscal_year}{missing}", forms, rows))
        to_land.append(parsed)
    if to_land:
        land(to_land, landing)
    return outcomes


def report(outcomes: list[Outcome], landing: Path) -> str:
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("landed", "skipped", "template", "failed")}
    lines = ["Documents:", *(outcome.line() for outcome in outcomes)]
    lines.append("ingest: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                 + f"; landing zone {landing}")
    return "\n".join(lines)
