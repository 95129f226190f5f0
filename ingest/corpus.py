"""Ingest a corpus: many files, each parsed on its own (across processes), all landed together
in one swap.

One unreadable document is reported with its reason and does not stop the others. A document
whose content is already landed is skipped. What became of each file lands with it: a blank
template or a document of which nothing could be read lands its document record alone (status
template / failed, with the reason as a parse issue), so the warehouse can say so too.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import PARSER_VERSION
from .errors import IngestError, printed_at
from .excel import read_workbook
from .landing_records import Records, document_records
from .landing_schema import CELL_LIMIT
from .landing_zone import LandingZone
from .parse import ParsedDocument, failed_document, parse_document
from .pdf.reader import read_pdf_document
from .source import SourceDocument, document_id_for, read_text_document

READERS: dict[str, Callable[[Path], SourceDocument]] = {".txt": read_text_document, ".pdf": read_pdf_document,
                                                        ".xlsx": read_workbook}


@dataclass
class Outcome:
    """What became of one file."""
    path: Path
    status: str                      # landed / partial / skipped / template / failed
    document_id: str | None = None
    detail: str = ""
    forms: list[str] = field(default_factory=list)
    rows: int = 0
    problems: list[str] = field(default_factory=list)    # a partial document's unread forms, described

    def line(self) -> str:
        forms = ",".join(self.forms) if self.forms else "-"
        return (f"  {self.status:<8} {self.document_id or '-':<16} forms {forms:<26} rows {self.rows:>5}  "
                f"{self.path.name}: {self.detail}")


def documents_under(paths: list[Path], problems: list[str] | None = None) -> list[Path]:
    """The documents of the files and folders given, folders searched recursively, following
    symbolic links to folders (each real folder once). A folder that cannot be read is added to
    `problems` with why, never passed over in silence."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        seen: set[str] = set()
        in_folder: list[Path] = []

        def not_read(error: OSError) -> None:
            if problems is not None:
                problems.append(f"folder {error.filename} not read: {error.strerror}")

        for folder, subfolders, names in os.walk(path, onerror=not_read, followlinks=True):
            real = os.path.realpath(folder)
            if real in seen:                  # a link back to a folder already searched
                subfolders[:] = []
                continue
            seen.add(real)
            in_folder.extend(Path(folder) / name for name in names if Path(name).suffix.lower() in READERS)
        found.extend(sorted(in_folder))
    return found


def read_document(path: Path) -> SourceDocument:
    """The reader its suffix names: .txt, .pdf or .xlsx."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise IngestError(f"unsupported file type {path.suffix!r}", file=path.name,
                          hint="text extractions (.txt), PDFs (.pdf) and Excel workbooks (.xlsx) are read")
    return reader(path)


def _content_id(path: Path) -> tuple[str, str] | None:
    """(document_id, sha256) of the file's bytes."""
    try:
        return document_id_for(path.read_bytes())
    except OSError:
        return None          # the reader reports it with its reason


def _check_line_lengths(source: SourceDocument) -> None:
    """No line longer than a landed cell may be (landing_schema.CELL_LIMIT)."""
    for line in source.lines:
        if len(line.text) > CELL_LIMIT:
            # the error names the line without quoting it: its text is what cannot be landed
            raise IngestError(f"line {line.number} holds {len(line.text):,} characters, more than the "
                              f"{CELL_LIMIT:,} a landed cell may hold", file=source.name, page=line.page,
                              hint="a damaged or concatenated file? check the line with `fiscal lines FILE`")


def _read_and_parse(path: Path, identity: tuple[str, str] | None) -> ParsedDocument:
    source: SourceDocument | None = None
    try:
        source = read_document(path)
        _check_line_lengths(source)
        return parse_document(source)
    except IngestError as failure:
        if identity is None:
            raise
        return failed_document(path, identity, source, failure)
    except Exception as bug:   # one file's surprise never stops the corpus
        failure = IngestError(f"the reader stopped ({type(bug).__name__}: {bug})", file=path.name,
                              hint="report the file; `fiscal lines FILE` shows how far it reads")
        if identity is None:
            raise failure from bug
        return failed_document(path, identity, source, failure)


def _problem(file: str, issue) -> str:
    """A parse issue as an error message: file, page, form, line, reason and what to do."""
    return IngestError(issue.reason, file=file, form=issue.form, line=issue.source_line, page=issue.source_page,
                       hint=issue.hint).describe()


def _describe(parsed: ParsedDocument) -> str:
    info = parsed.document
    if info.status == "failed":
        return _problem(info.source_file, parsed.issues[0])
    if info.status == "template":
        return "a blank template: forms found, no amounts; no rows landed"
    detail = f"{info.department_name} {info.fiscal_year}"
    for issue in parsed.issues:
        detail += f"; form {issue.form} not read ({printed_at(issue.source_page, issue.source_line, issue.reason)})"
    if parsed.missing_forms:
        detail += f"; missing forms {','.join(parsed.missing_forms)}"
    return detail


# Seconds one document may take to read and parse, plus SECONDS_PER_MB of its size (a 25-page,
# 0.4 MB PDF takes about 3 s here; a 1,000-page one some minutes): a damaged or hostile file must
# not hold the writer lock for long. `fiscal --time-limit` sets the base.
DEFAULT_TIME_LIMIT = 120
SECONDS_PER_MB = 10


class _TookTooLong(BaseException):
    """Raised in the parsing process by its timer: a BaseException, so no reader's or parser's
    `except Exception` takes it for an error of the document's own."""


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield                                  # signals reach the main thread only
        return

    def expire(_signal, _frame):
        raise _TookTooLong

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _megabytes(path: Path) -> float:
    try:
        return path.stat().st_size / 1e6
    except OSError:
        return 0.0


def _parse_one(file: tuple[Path, tuple[str, str] | None, float | None]) -> tuple[Outcome, Records | None]:
    """Read and parse one file (in a worker process) whose content identity the caller computed,
    within the time limit: its outcome, and its records to land."""
    path, identity, base_limit = file
    time_limit = base_limit and base_limit + SECONDS_PER_MB * _megabytes(path)
    try:
        with _time_limit(time_limit):
            parsed = _read_and_parse(path, identity)
    except _TookTooLong:
        failure = IngestError(f"reading took longer than the time limit of {time_limit:.0f} s", file=path.name,
                              hint="a damaged or unusual file? `fiscal --time-limit SECONDS` allows more")
        if identity is None:
            return Outcome(path, "failed", None, failure.describe()), None
        parsed = failed_document(path, identity, None, failure)
    except IngestError as failure:          # unreadable bytes: nothing to land, not even a record
        return Outcome(path, "failed", None, failure.describe()), None
    info = parsed.document
    detail = _describe(parsed)
    rows = 0 if info.status in ("template", "failed") else sum(len(rows) for rows in parsed.rows.values())
    forms = [form.form for form in parsed.forms]
    problems = [_problem(path.name, issue) for issue in parsed.issues] if info.status == "partial" else []
    return Outcome(path, info.status, info.document_id, detail, forms, rows, problems), document_records(parsed)


def _parsed(files: list[tuple[Path, tuple[str, str] | None, float | None]],
            jobs: int) -> Iterator[tuple[Outcome, Records | None]]:
    """_parse_one over the files, in their order, across `jobs` processes."""
    if jobs <= 1 or len(files) < 2:
        yield from map(_parse_one, files)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_worker_context()) as pool:
        yield from pool.map(_parse_one, files, chunksize=max(1, min(16, len(files) // (jobs * 8))))


def _worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a fork server that has imported the parsers, not from this process:
    by the time documents are parsed this process runs threads (the progress bar's monitor,
    DuckDB's), and a fork of a threaded process can deadlock in the child (Python 3.12+ warns)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def ingest_corpus(files: list[Path], landing: LandingZone, force: bool = False,
                  jobs: int | None = None, time_limit: float | None = DEFAULT_TIME_LIMIT) -> list[Outcome]:
    """Parse the files across `jobs` processes (default: one per core) and land those that read,
    in one all-or-nothing landing. Returns one outcome per file, in the files' order."""
    already = set() if force else landing.document_ids(PARSER_VERSION)
    outcomes: list[Outcome] = []
    to_parse: list[tuple[Path, tuple[str, str] | None, float | None]] = []
    first_of: dict[str, Path] = {}        # document id -> the file of this run that has it
    for path in files:
        identity = _content_id(path)
        if identity is not None and identity[0] in already:
            outcomes.append(Outcome(path, "skipped", identity[0],
                                    "already landed with the same content by this parser version"))
        elif identity is not None and identity[0] in first_of:
            # the same bytes twice in one run (a copy in another folder) land once
            outcomes.append(Outcome(path, "skipped", identity[0],
                                    f"the same content as {first_of[identity[0]].name} in this run"))
        else:
            if identity is not None:
                first_of[identity[0]] = path
            to_parse.append((path, identity, time_limit))

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
              for status in ("landed", "partial", "skipped", "template", "failed")}
    lines = ["Documents:", *(outcome.line() for outcome in outcomes)]
    lines.append("ingest: " + ", ".join(f"{n} {status}" for status, n in counts.items())
                 + f"; {landing.format} landing zone {landing.path}")
    return "\n".join(lines)
