"""`fiscal`: ingest disclosures into the landing zone, build the warehouse, summarise it."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from .errors import IngestError
from .landing import land
from .parse import ParsedDocument, parse_document
from .source import read_text_document
from .summary import summarise
from .warehouse import build_warehouse, default_warehouse

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING = PROJECT_DIR / "seeds" / "landing"
BUNDLED_SAMPLE = PROJECT_DIR / "data" / "documents"
READERS = {".txt": read_text_document}


def _documents_under(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in READERS))
        else:
            found.append(path)
    return found


def ingest(paths: list[Path], landing: Path) -> int:
    """Parse every document, land all that parsed in one swap; report the ones that did not."""
    files = _documents_under(paths)
    if not files:
        print("no documents found under " + ", ".join(map(str, paths)), file=sys.stderr)
        return 2
    parsed: list[ParsedDocument] = []
    failures: list[IngestError] = []
    for path in tqdm(files, desc="parsing", unit="doc", disable=len(files) < 2):
        reader = READERS.get(path.suffix.lower())
        try:
            if reader is None:
                raise IngestError(f"unsupported file type {path.suffix!r}", file=path.name,
                                  hint="text extractions (.txt) are read today; PDFs come next")
            parsed.append(parse_document(reader(path)))
        except IngestError as failure:
            failures.append(failure)
    if parsed:
        land(parsed, landing)
    for document in parsed:
        info = document.document
        rows = sum(len(rows) for rows in document.rows.values())
        missing = f", missing forms {', '.join(document.missing_forms)}" if document.missing_forms else ""
        print(f"landed {info.source_file} as {info.document_id}: {info.department_name} {info.fiscal_year}, "
              f"{len(document.forms)} forms, {rows} rows{missing}")
    for failure in failures:
        print(f"NOT LANDED {failure.describe()}", file=sys.stderr)
    print(f"ingest: {len(parsed)} landed, {len(failures)} failed; landing zone {landing}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fiscal", description=__doc__)
    parser.add_argument("--landing", type=Path, default=DEFAULT_LANDING, help="landing folder (dbt seeds)")
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB file (default $FISCAL_WAREHOUSE_PATH or warehouse/fiscal.duckdb)")
    commands = parser.add_subparsers(dest="command", required=True)
    ingest_cmd = commands.add_parser("ingest", help="parse documents and land their forms")
    ingest_cmd.add_argument("paths", nargs="*", type=Path, default=[BUNDLED_SAMPLE],
                            help="files or folders (default: the bundled sample)")
    build_cmd = commands.add_parser("build", help="dbt build into a temp file, swapped in when every gate passes")
    build_cmd.add_argument("dbt_args", nargs=argparse.REMAINDER, help="extra arguments for dbt build")
    commands.add_parser("summary", help="documents, rows per mart and findings of the warehouse")
    run_cmd = commands.add_parser("run", help="ingest, build and summarise (the README's first command)")
    run_cmd.add_argument("paths", nargs="*", type=Path, default=[BUNDLED_SAMPLE])
    args = parser.parse_args(argv)
    warehouse = args.warehouse or default_warehouse()
    if not warehouse.is_absolute():
        warehouse = PROJECT_DIR / warehouse

    if args.command == "ingest":
        return ingest(args.paths, args.landing)
    if args.command == "build":
        return build_warehouse(PROJECT_DIR, warehouse, args.dbt_args)
    if args.command == "summary":
        print(summarise(warehouse))
        return 0
    status = ingest(args.paths, args.landing)
    if status != 0:
        return status
    status = build_warehouse(PROJECT_DIR, warehouse)
    if status == 0:
        print(summarise(warehouse))
    return status


if __name__ == "__main__":
    sys.exit(main())
