"""`fiscal`: ingest disclosures into the landing zone, build the warehouse, summarise it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .corpus import documents_under, ingest_corpus, read_document, report
from .errors import IngestError
from .summary import summarise
from .warehouse import build_warehouse, default_warehouse

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING = PROJECT_DIR / "seeds" / "landing"
BUNDLED_SAMPLE = PROJECT_DIR / "data" / "documents"


def ingest(paths: list[Path], landing: Path, force: bool = False) -> int:
    """Exit 0: all read (or skipped, or templates); 1: some failed; 2: no documents found."""
    files = documents_under(paths)
    if not files:
        print("no documents (.txt, .pdf) found under " + ", ".join(map(str, paths)), file=sys.stderr)
        return 2
    outcomes = ingest_corpus(files, landing, force)
    print(report(outcomes, landing))
    for outcome in outcomes:
        if outcome.status == "failed":
            print(f"NOT LANDED {outcome.detail}", file=sys.stderr)
    return 1 if any(outcome.status == "failed" for outcome in outcomes) else 0


def show_lines(path: Path) -> int:
    """The lines the form parsers read, with page numbers: what to look at when a PDF fails."""
    try:
        document = read_document(path)
    except IngestError as failure:
        print(failure.describe(), file=sys.stderr)
        return 1
    for line in document.lines:
        print(f"{line.number:>5}  p{line.page or '-':<3} {line.text.replace(chr(9), ' | ')}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fiscal", description=__doc__)
    parser.add_argument("--landing", type=Path, default=DEFAULT_LANDING, help="landing folder (dbt seeds)")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB file (default $FISCAL_WAREHOUSE_PATH or warehouse/fiscal.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest_cmd = commands.add_parser("ingest", help="parse documents and land their forms")
    ingest_cmd.add_argument("paths", nargs="*", type=Path, default=[BUNDLED_SAMPLE],
                            help="files or folders of .txt and .pdf (default: the bundled sample)")
    ingest_cmd.add_argument("--force", action="store_true",
                            help="parse and land again documents already landed with the same content")
    build_cmd = commands.add_parser("build", help="dbt build into a temp file, swapped in when every gate passes")
    build_cmd.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra arguments for dbt build")
    commands.add_parser("summary", help="documents, rows per mart and findings of the warehouse")
    run_cmd = commands.add_parser("run", help="ingest, build and summarise (the README's first command)")
    run_cmd.add_argument("paths", nargs="*", type=Path, default=[BUNDLED_SAMPLE],
                         help="files or folders of .txt and .pdf (default: the bundled sample)")
    lines_cmd = commands.add_parser("lines", help="print a document as the parsers read it (lines, cells, pages)")
    lines_cmd.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    warehouse = args.warehouse or default_warehouse()
    if not warehouse.is_absolute():
        warehouse = PROJECT_DIR / warehouse

    if args.command == "ingest":
        return ingest(args.paths, args.landing, args.force)
    if args.command == "lines":
        return show_lines(args.path)
    if args.command == "build":
        return build_warehouse(PROJECT_DIR, warehouse, args.dbt_args)
    if args.command == "summary":
        print(summarise(warehouse))
        return 0
    ingested = ingest(args.paths, args.landing)
    if ingested == 2:
        return ingested
    # documents that failed to read are reported above; the others are built all the same
    built = build_warehouse(PROJECT_DIR, warehouse)
    if built == 0:
        print(summarise(warehouse))
    return max(ingested, built)


if __name__ == "__main__":
    sys.exit(main())
