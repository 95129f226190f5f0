"""Benchmark: the PDF reader against pdfplumber's bare extract_tables() on the same file, one run.

    .venv/bin/python bench/pdf_reader.py [PDF …] [--repeat N]

Prints, per file, pages per second of: (a) the baseline, pdfplumber opening the file and calling
extract_tables() on every page; (b) our reader (tables + free text, stitched into lines);
(c) our reader plus parse_document (forms recognised, rows typed). Ratios are against (a),
measured in the same process; the median of N runs after one warm-up run is reported.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from ingest.parse import parse_document  # noqa: E402
from ingest.pdf.reader import read_pdf_document  # noqa: E402

DEFAULT_PDF = PROJECT_DIR / "data" / "documents" / "shanghai-putuo-finance-bureau-2024-final-accounts.pdf"


def bare_extract_tables(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


def reader_only(path: Path) -> int:
    return max(line.page or 0 for line in read_pdf_document(path).lines)


def reader_and_parse(path: Path) -> int:
    document = read_pdf_document(path)
    parse_document(document)
    return max(line.page or 0 for line in document.lines)


def _median_seconds(function, path: Path, repeat: int) -> float:
    function(path)            # warm-up: imports, font caches and the OS file cache are not measured
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        function(path)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="*", type=Path, default=[DEFAULT_PDF])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown")
    args = parser.parse_args(argv)
    print(f"{'file':<40} {'measurement':<34} {'seconds':>8} {'pages/s':>8} {'vs bare':>8}")
    for path in args.pdfs:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        baseline = _median_seconds(bare_extract_tables, path, args.repeat)
        for name, function in [("pdfplumber extract_tables (baseline)", bare_extract_tables),
                               ("reader: pages to lines", reader_only),
                               ("reader + parse_document", reader_and_parse)]:
            seconds = baseline if function is bare_extract_tables else _median_seconds(function, path, args.repeat)
            print(f"{path.name[:40]:<40} {name:<34} {seconds:>8.2f} {pages / seconds:>8.1f} "
                  f"{seconds / baseline:>7.2f}x")
    print(f"({args.repeat} runs each, median; {pages} pages in the last file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
