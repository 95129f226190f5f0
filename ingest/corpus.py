"""Ingest a corpus: many files, each parsed on its own (across processes), all landed together
in one swap.

One unreadable document is reported with its reason and does not stop the others. A document
whose content is already landed is skipped; a blank template is recognised and not landed.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import PARSER_VERSION
from .errors import IngestError
from .landing import Records, document_records
from .landing_zone import LandingZone
from .parse import parse_document
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


def _parse_one(file: tuple[Path, str | None]) -> tuple[Outcome, Records | None]:
    """Read and parse one file (in a worker process) whose content id the caller computed:
    its outcome, and its records to land."""
    path, document_id = file
    try:
        parsed = parse_document(read_document(path))
    except IngestError as failure:
        return Outcome(path, "failed", document_id, failure.describe()), None
    forms = [form.form for form in parsed.forms]
    info = parsed.document
    if info.is_template:
        return Outcome(path, "template", info.document_id,
                       "a blank template: forms found, no amounts; not landed", forms, 0), None
    rows = sum(len(rows) for rows in parsed.rows.values())
    missing = f"; missing forms {','.join(parsed.missing_forms)}" if parsed.missing_forms else ""
    return (Outcome(path, "landed", info.document_id, f"{info.department_name} {info.fiscal_year}{missing}",
                    forms, rows), document_records(parsed))


def _parsed(files: list[tuple[Path, str | None]], jobs: int) -> Iterator[tuple[Outcome, Records | None]]:
    """_parse_one over the files, in their order, across `jobs` processes."""
    if jobs <= 1 or len(files) < 2:
        yield from map(_parse_one, files)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_parse_one, files, chunksize=max(1, min(16, len(files) // (jobs * 8))))


def ingest_corpus(files: list[Path], landing: LandingZone, force: bool = False,
                  jobs: int | None = None) -> list[Outcome]:
    """Parse the files across `jobs` processes (default: one per core) and land those that read,
    in one all-or-nothing landing. Returns one outcome per file, in the files' order."""
    already = set() if force else landing.document_ids(PARSER_VERSION)
    outcomes: list[Outcome] = []
    to_parse: list[tuple[Path, str | None]] = []
    for path in files:
        document_id = _content_id(path)
        if document_id is not None and document_id in already:
            outcomes.append(Outcome(path, "skipped", document_id,
                                    "already landed with the same content by this parser version"))
        else:
            to_parse.append((path, document_id))

    def records_to_land() -> Iterator[Records]:
        progress = tqdm(_parsed(to_parse, jobs or os.cpu_count() or 1), total=len(to_parse),
                        desc="reading", unit="doc", disable=len(to_parse) < 2)
        for outcome, records in progress:
            outcomes.append(outcome)
            if records is not None:
                yield records

    landing.land(records_to_land())
    order = {path: index for index, path in enumerate(files)}
    return sorted(outcomes, key=lambda outcome: order[outcome.path])


def report(outcomes: list[Outcome], landing: LandingZone) -> str:
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("landed", "skipped", "template", "failed")}
    lines = ["Documents:", *(outcome.line() for outcome in outcomes)]
    lines.append("ingest: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                 + f"; {landing.format} landing zone {landing.path}")
    return "\n".join(lines)
