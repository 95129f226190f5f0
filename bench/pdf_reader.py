"""Benchmark: the PDF reader against pdfplumber and against pdfium's plain text, in one run.

    .venv/bin/python bench/pdf_reader.py [PDF …] [--rounds N] [--markdown]

Default: every real PDF the project carries (data/documents, tests/fixtures). Per round, each
measurement reads every file once, and the measurements take turns (round 1: a b c d e, round 2:
the same), so a busy spell of the machine falls on all of them alike. Reported: the median round
of each, as pages per second over all files, and the ratio to the baseline.

    pdfplumber extract_tables   the baseline: pdfplumber opens the file, extract_tables() per page
    pdfplumber extract_text     pdfplumber's plain text, per page
    pypdfium2 plain text        the floor: pdfium's text layer, per page (no tables, no positions)
    reader                      ingest.pdf.reader: tables and free text stitched into lines
    reader without C            the same, pdfium called through ctypes only (an install that
                                found no C compiler: ingest/pdf/pdfium_calls.py)
    reader + parse_document     and the forms recognised, rows typed
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import pdfplumber
import pypdfium2

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from ingest.parse import parse_document  # noqa: E402
from ingest.pdf import pdfium_calls  # noqa: E402
from ingest.pdf.reader import read_pdf_document  # noqa: E402

REAL_PDFS = sorted([*(PROJECT_DIR / "data" / "documents").glob("*.pdf"),
                    *(PROJECT_DIR / "tests" / "fixtures" / "budgets").glob("*.pdf"),
                    *(PROJECT_DIR / "tests" / "fixtures" / "pdf").glob("*.pdf")])


def plumber_tables(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def plumber_text(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def pdfium_text(path: Path) -> None:
    document = pypdfium2.PdfDocument(path)
    for index in range(len(document)):
        page = document[index]
        text_page = page.get_textpage()
        text_page.get_text_bounded()
        text_page.close()
        page.close()
    document.close()


def reader(path: Path) -> None:
    read_pdf_document(path)


def reader_without_c(path: Path) -> None:
    built, pdfium_calls._pdfium_bulk = pdfium_calls._pdfium_bulk, None
    try:
        read_pdf_document(path)
    finally:
        pdfium_calls._pdfium_bulk = built


def reader_and_parse(path: Path) -> None:
    parse_document(read_pdf_document(path))


MEASUREMENTS = [("pdfplumber extract_tables (baseline)", plumber_tables),
                ("pdfplumber extract_text", plumber_text),
                ("pypdfium2 plain text (floor)", pdfium_text),
                ("reader", reader),
                ("reader without C", reader_without_c),
                ("reader + parse_document", reader_and_parse)]


def page_count(path: Path) -> int:
    document = pypdfium2.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


def run(paths: list[Path], rounds: int) -> dict[str, list[float]]:
    for _, function in MEASUREMENTS:           # warm-up: imports, font caches, the OS file cache
        function(paths[0])
    seconds: dict[str, list[float]] = {name: [] for name, _ in MEASUREMENTS}
    for _ in range(rounds):
        for name, function in MEASUREMENTS:
            start = time.perf_counter()
            for path in paths:
                function(path)
            seconds[name].append(time.perf_counter() - start)
    return seconds


def report(paths: list[Path], seconds: dict[str, list[float]], markdown: bool) -> str:
    pages = sum(page_count(path) for path in paths)
    baseline = statistics.median(seconds[MEASUREMENTS[0][0]])
    load = os.getloadavg()
    head = (f"{len(paths)} PDFs, {pages} pages; median of {len(next(iter(seconds.values())))} interleaved rounds; "
            f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min), {os.cpu_count()} cores")
    rows = []
    for name, _ in MEASUREMENTS:
        median = statistics.median(seconds[name])
        rows.append((name, median, pages / median, baseline / median))
    if markdown:
        lines = [head, "", "| measurement | seconds | pages/s | speed vs baseline |", "|---|---|---|---|"]
        lines += [f"| {name} | {s:.2f} | {rate:.1f} | {ratio:.2f}x |" for name, s, rate, ratio in rows]
    else:
        lines = [head, f"{'measurement':<38} {'seconds':>8} {'pages/s':>8} {'speed':>8}"]
        lines += [f"{name:<38} {s:>8.2f} {rate:>8.1f} {ratio:>7.2f}x" for name, s, rate, ratio in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path, help="PDF files (default: every real PDF of the project)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds; the median is shown")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for bench/results.md)")
    args = parser.parse_args(argv)
    paths = args.pdfs or REAL_PDFS
    print(report(paths, run(paths, args.rounds), args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
