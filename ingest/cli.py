"""`fiscal`: ingest disclosures into the landing zone, build the warehouse, summarise it.

Exit codes: 0 done (blank templates are reported, not failures); 1 some documents could not be
read, or only in part (what was read was landed and built; when nothing was read, nothing is
built); 2 no documents found, or bad usage; 3 the build or a test gate failed (the previous
warehouse is untouched); 4 another ingest, build or refresh holds the warehouse (use --wait);
5 an internal error (a bug: report it; FISCAL_DEBUG=1 prints the traceback).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import duckdb

from .corpus import DEFAULT_TIME_LIMIT, SECONDS_PER_MB, Outcome, documents_under, ingest_corpus, read_document, report
from .errors import IngestError
from .exports import export_marts
from .landing_zone import LANDING_FORMATS, LandingZone, landing_zone
from .pdf import pdfium_calls
from . import PARSER_VERSION, quarantine
from .paths import BUNDLED_SAMPLE, PROJECT_DIR
from .refresh_lock import WarehouseBusy, writer_lock
from .stages import Stages
from .warehouse_report import summarise
from .report import write_report
from .serving import SERVING_STORAGE_VERSION, exports_folder, report_folder, serving_copy_path
from .warehouse import build_warehouse, default_warehouse

DEFAULT_LANDING = {"seeds": PROJECT_DIR / "seeds" / "landing", "parquet": PROJECT_DIR / "landing"}
EXIT_OK, EXIT_DOCUMENTS_FAILED, EXIT_NO_DOCUMENTS, EXIT_BUILD_FAILED, EXIT_BUSY, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_USAGE = EXIT_NO_DOCUMENTS


def ingest(paths: list[Path], zone: LandingZone, force: bool = False, jobs: int | None = None,
           time_limit: float | None = DEFAULT_TIME_LIMIT) -> int:
    """Exit 0: all read (or skipped, or templates); 1: some failed or were read in part; 2: no
    documents found."""
    return _ingest(paths, zone, force, jobs, time_limit)[0]


def _ingest(paths: list[Path], zone: LandingZone, force: bool = False, jobs: int | None = None,
            time_limit: float | None = DEFAULT_TIME_LIMIT) -> tuple[int, list[Outcome]]:
    """ingest(), with the outcome of each file."""
    problems: list[str] = []
    files = documents_under(paths, problems)
    for problem in problems:
        print(f"fiscal ingest: {problem}", file=sys.stderr)
    if not files:
        print("no documents (.txt, .pdf, .xlsx) found under " + ", ".join(map(str, paths)), file=sys.stderr)
        return EXIT_NO_DOCUMENTS, []
    if not pdfium_calls.bulk_in_c() and any(path.suffix.lower() == ".pdf" for path in files):
        print("fiscal ingest: the PDF reader's C extension (ingest/pdf/_pdfium_bulk.c) was not built, so "
              "PDFs are read at about half speed: install a C compiler and reinstall the project "
              "(.venv/bin/pip install --no-deps -e .)", file=sys.stderr)
    outcomes = ingest_corpus(files, zone, force, jobs, time_limit)
    print(report(outcomes, zone))
    for outcome in outcomes:
        if outcome.status == "failed":
            print(f"NOT LANDED {outcome.detail}", file=sys.stderr)
        for problem in outcome.problems:
            print(f"PARTIAL {problem}", file=sys.stderr)
    incomplete = any(outcome.status in ("failed", "partial") for outcome in outcomes)
    return (EXIT_DOCUMENTS_FAILED if incomplete else EXIT_OK), outcomes


def _nothing_to_build(outcomes: list[Outcome]) -> str | None:
    """Why a build would be pointless: no document of this run was read (or landed before)."""
    if any(outcome.status in ("landed", "partial", "skipped") for outcome in outcomes):
        return None
    if all(outcome.status == "template" for outcome in outcomes):
        return "the documents are blank templates: nothing to build"
    return "no document could be read: nothing to build"


def refresh(paths: list[Path], zone: LandingZone, warehouse: Path, jobs: int | None, full_refresh: bool,
            export: Path | None, gate: str = "error", time_limit: float | None = DEFAULT_TIME_LIMIT,
            serve: bool = True) -> int:
    """Ingest what is new, build (incrementally when it can), gate, export, swap: one log line
    per stage. Documents that fail to read are reported and the rest are built."""
    stages = Stages("refresh")
    with stages.stage("ingest"):
        ingested, outcomes = _ingest(paths, zone, jobs=jobs, time_limit=time_limit)
    if ingested == EXIT_NO_DOCUMENTS:
        stages.finish("no documents to ingest; warehouse unchanged")
        return ingested
    pointless = _nothing_to_build(outcomes)
    if pointless:
        stages.finish(f"{pointless}; warehouse unchanged")
        return ingested
    with stages.stage("build and gate"):
        built = build_warehouse(PROJECT_DIR, warehouse, zone, full_refresh, dbt_vars=_gate_vars(gate),
                                before_swap=(lambda building: export_marts(building, export)) if export else None,
                                serve=serve)
    if built != 0:
        stages.finish(f"FAILED: the build or a test gate failed; the previous warehouse {warehouse} is untouched")
        return EXIT_BUILD_FAILED
    with stages.stage("summary"):
        print(summarise(warehouse))
        if serve:
            print(_serving_line(warehouse))
    stages.finish(f"warehouse {warehouse}" + (f", Parquet exports in {export}" if export else "")
                  + ("; some documents were not read in full (see NOT LANDED / PARTIAL above)" if ingested else ""))
    return ingested


def _serving_line(warehouse: Path) -> str:
    return (f"For BI tools: {serving_copy_path(warehouse)} (DuckDB {SERVING_STORAGE_VERSION.lstrip('v')} "
            f"and later clients open it) and every mart as Parquet in {exports_folder(warehouse)}/")


def _gate_vars(gate: str) -> dict[str, str]:
    return {"findings_gate_severity": gate}


def _landing_refused(args, zone: LandingZone) -> str | None:
    """dbt reads seeds from the project's seeds/landing only: a build from another seeds folder
    would build the documents landed there, not the ones asked for. Refused, with the way out."""
    if zone.format != "seeds" or args.command not in ("build", "run", "refresh"):
        return None
    if zone.path.resolve() == DEFAULT_LANDING["seeds"].resolve():
        return None
    return (f"--landing {zone.path} cannot be built in the seeds format (dbt reads seeds from "
            f"{DEFAULT_LANDING['seeds']}); use --landing-format parquet --landing {zone.path}, "
            "or `fiscal --landing DIR ingest` to land without building")


def show_lines(path: Path) -> int:
    """The lines the form parsers read, with page numbers: what to look at when a PDF fails."""
    try:
        document = read_document(path)
    except IngestError as failure:
        print(failure.describe(), file=sys.stderr)
        return 1
    for line in document.lines:
        print(f"{line.number:>5}  p{line.page or '-':<3} {line.text.replace(chr(9), ' | ')}")
    by_reason: dict[str, list[int]] = {}
    for page, reason in document.pages_read_by_pdfplumber.items():
        by_reason.setdefault(reason, []).append(page)
    for reason, pages in by_reason.items():
        print(f"pages {', '.join(map(str, pages))} read by pdfplumber, not pdfium: {reason}", file=sys.stderr)
    return 0


def _version() -> str:
    try:
        return metadata.version("fiscal-warehouse")
    except metadata.PackageNotFoundError:
        return "unknown"


def _add_global_options(parser: argparse.ArgumentParser, default=None) -> None:
    """The options of every command; `default` argparse.SUPPRESS for their copy after the command."""
    def given(value):
        return value if default is None else default

    parser.add_argument("--landing-format", choices=LANDING_FORMATS,
                        default=given(os.environ.get("FISCAL_LANDING_FORMAT", "seeds")),
                        help="seeds: CSV seeds (the bundled sample); parquet: Parquet files read as dbt "
                             "sources, for large corpora (default $FISCAL_LANDING_FORMAT or seeds)")
    parser.add_argument("--landing", type=Path, default=given(None),
                        help="landing folder (default seeds/landing, or landing/ for parquet)")
    parser.add_argument("--warehouse", type=Path, default=given(None),
                        help="DuckDB file (default $FISCAL_WAREHOUSE_PATH or warehouse/fiscal.duckdb)")
    parser.add_argument("--jobs", type=int, default=given(None), help="processes that parse documents (default: one per core)")
    parser.add_argument("--time-limit", type=float, default=given(DEFAULT_TIME_LIMIT), metavar="SECONDS",
                        help=f"seconds one document may take to read, plus {SECONDS_PER_MB} per MB of the file; beyond "
                             f"it the document is reported failed and the others go on (default {DEFAULT_TIME_LIMIT}; "
                             "0: no limit)")
    parser.add_argument("--gate", choices=["error", "warn"], default=given("error"),
                        help="error: an unregistered finding fails the build (default); warn: exploratory "
                             "bulk loads build anyway and report findings as warnings")
    parser.add_argument("--wait", action="store_true", default=given(False),
                        help="wait for another ingest/build/refresh of this warehouse instead of exiting 4")
    parser.add_argument("--no-serving", action="store_true", default=given(False),
                        help="build, run, refresh: skip the serving copy for BI tools (<warehouse>.serving.duckdb, "
                             "readable by DuckDB 1.0 and later) and the Parquet exports of the marts")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fiscal", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"fiscal {_version()} (parser {PARSER_VERSION})")
    _add_global_options(parser)
    # the same options after the command too (`fiscal summary --warehouse W`): SUPPRESS leaves the
    # value given before the command, or its default, unless the option is given again after it
    after_command = argparse.ArgumentParser(add_help=False)
    _add_global_options(after_command, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, **options) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[after_command], **options)

    sample = {"nargs": "*", "type": Path, "default": [BUNDLED_SAMPLE],
              "help": "files or folders of .txt, .pdf and .xlsx (default: the bundled sample)"}
    ingest_cmd = command("ingest", help="parse documents and land their forms")
    ingest_cmd.add_argument("paths", **sample)
    ingest_cmd.add_argument("--force", action="store_true",
                            help="parse and land again documents already landed with the same content")
    build_cmd = command("build", help="dbt build into a new file, swapped in when every gate passes")
    build_cmd.add_argument("--full-refresh", action="store_true", help="rebuild every document, not only new ones")
    build_cmd.add_argument("dbt_args", nargs=argparse.REMAINDER,
                           help="extra arguments for dbt build, e.g. --select fct_findings+ (after -- if you like)")
    command("summary", help="documents, rows per mart and findings of the warehouse")
    run_cmd = command("run", help="ingest, build and summarise (the README's first command)")
    run_cmd.add_argument("paths", **sample)
    refresh_cmd = command("refresh", help="for schedulers: ingest what is new, build incrementally, gate, export, swap")
    refresh_cmd.add_argument("paths", **sample)
    refresh_cmd.add_argument("--full-refresh", action="store_true", help="rebuild every document")
    refresh_cmd.add_argument("--export", type=Path, default=None,
                             help="also write every mart as Parquet into this folder (replaced as a whole)")
    quarantine_cmd = command(
        "quarantine", help="take landed documents out of the warehouse, or put them back (list / add / remove)",
        description="The quarantine (seeds/reference/quarantined_documents.csv): a quarantined document stays "
                    "landed but no model reads it; audit.fct_quarantined_documents lists it with the reason. "
                    "The next build is a full one.")
    quarantine_cmd.add_argument("action", choices=["list", "add", "remove"])
    quarantine_cmd.add_argument("document_ids", nargs="*", metavar="DOCUMENT_ID",
                                help="16 hex digits, as `fiscal ingest` and dim_document show them")
    quarantine_cmd.add_argument("--reason", help="why (add: required)")
    quarantine_cmd.add_argument("--by", default=os.environ.get("USER", "operator"), help="who (default $USER)")
    report_cmd = command("report", help="write the static HTML report of the warehouse (charts, budget against "
                                        "actual, findings with page and line)")
    report_cmd.add_argument("--output", type=Path, default=None,
                            help="folder to write (replaced whole; default <warehouse>-report/ beside the warehouse)")
    lines_cmd = command("lines", help="print a document as the parsers read it (lines, cells, pages)")
    lines_cmd.add_argument("path", type=Path)
    return parser


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """The arguments; build passes on to dbt every argument it does not know itself (argparse's
    REMAINDER alone refuses ones that start with a dash, such as --select)."""
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if args.command != "build" and unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    if args.command == "build":
        dbt_args = [arg for arg in [*unknown, *args.dbt_args] if arg != "--"]
        # --full-refresh is the build plan's, wherever it stands
        args.full_refresh = args.full_refresh or "--full-refresh" in dbt_args
        args.dbt_args = [arg for arg in dbt_args if arg != "--full-refresh"]
    return args


def main(argv: list[str] | None = None) -> int:
    """The command's exit code; an unexpected exception is an internal error (exit 5) in one line,
    not a traceback that exits 1, the code of an unreadable document."""
    args = _parse(argv)
    try:
        return _run(args)
    except BrokenPipeError:            # `fiscal lines FILE | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as bug:           # noqa: BLE001 - the last line of defence, said plainly
        if os.environ.get("FISCAL_DEBUG"):
            raise
        print(f"fiscal {args.command}: internal error ({type(bug).__name__}: {bug}); "
              "FISCAL_DEBUG=1 prints the traceback: please report it", file=sys.stderr)
        return EXIT_INTERNAL


def _reading(command: str, warehouse: Path, read: Callable[[Path], str]) -> int:
    """What `read` makes of the warehouse, or one line saying why there is none (no warehouse,
    held by another process, not readable): summary and report alike."""
    if not warehouse.exists():
        print(f"fiscal {command}: no warehouse at {warehouse}: `fiscal build` or `fiscal run` makes one",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        print(read(warehouse))
    except duckdb.Error as failure:
        first = str(failure).splitlines()[0]
        print(f"fiscal {command}: cannot read {warehouse} ({first}): another process may hold it, or it is "
              "not a warehouse", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _quarantine(args: argparse.Namespace, zone: LandingZone) -> int:
    if args.action == "list":
        entries = quarantine.read_quarantine(quarantine.QUARANTINE_SEED)
        for entry in entries:
            print(f"{entry.document_id}  {entry.quarantined_on}  {entry.quarantined_by}: {entry.reason}")
        print(f"{len(entries)} documents in quarantine ({quarantine.QUARANTINE_SEED})")
        return EXIT_OK
    if not args.document_ids:
        print(f"fiscal quarantine {args.action}: name the documents (DOCUMENT_ID …)", file=sys.stderr)
        return EXIT_USAGE
    if args.action == "remove":
        removed = quarantine.remove(args.document_ids, quarantine.QUARANTINE_SEED)
        for document in sorted(set(args.document_ids) - set(removed)):
            print(f"fiscal quarantine remove: {document} is not in quarantine", file=sys.stderr)
        print(f"{len(removed)} documents out of quarantine; the next build puts them back")
        return EXIT_OK if len(removed) == len(set(args.document_ids)) else EXIT_USAGE
    if not args.reason:
        print("fiscal quarantine add: say why with --reason", file=sys.stderr)
        return EXIT_USAGE
    unknown = sorted(set(args.document_ids) - zone.document_ids())
    if unknown:
        print(f"fiscal quarantine add: not landed in {zone.path}: {', '.join(unknown)} "
              "(`fiscal summary` and dim_document list the landed documents)", file=sys.stderr)
        return EXIT_USAGE
    added = quarantine.add(args.document_ids, args.reason, args.by, quarantine.QUARANTINE_SEED)
    print(f"{len(added)} documents quarantined; the next build leaves them out")
    return EXIT_OK


def _report(warehouse: Path, folder: Path) -> str:
    return f"report: {write_report(warehouse, folder)} disclosures in {folder / 'index.html'}"


def _run(args: argparse.Namespace) -> int:
    zone = landing_zone(args.landing_format, args.landing or DEFAULT_LANDING[args.landing_format])
    # a path given on the command line is the current directory's, as the shell user means it;
    # $FISCAL_WAREHOUSE_PATH and the default are the project's (dbt's profile reads them there)
    warehouse = args.warehouse.resolve() if args.warehouse else default_warehouse()
    if not warehouse.is_absolute():
        warehouse = PROJECT_DIR / warehouse

    if args.command == "lines":
        return show_lines(args.path)
    refused = _landing_refused(args, zone)
    if refused:
        print(f"fiscal {args.command}: {refused}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "summary":
        return _reading("summary", warehouse, summarise)
    if args.command == "report":
        folder = args.output.resolve() if args.output else report_folder(warehouse)
        return _reading("report", warehouse, lambda built: _report(built, folder))
    try:
        # always in this order (warehouse, then landing zone), so two writers never wait on each other
        with writer_lock(warehouse, wait=args.wait), writer_lock(zone.path, wait=args.wait, what="the landing zone"):
            if args.command == "quarantine":
                return _quarantine(args, zone)
            if args.command == "ingest":
                return ingest(args.paths, zone, args.force, args.jobs, args.time_limit)
            if args.command == "build":
                built = build_warehouse(PROJECT_DIR, warehouse, zone, args.full_refresh, args.dbt_args,
                                        dbt_vars=_gate_vars(args.gate), serve=not args.no_serving)
                if built == 0 and not args.no_serving:
                    print(_serving_line(warehouse))
                return EXIT_OK if built == 0 else EXIT_BUILD_FAILED
            if args.command == "refresh":
                return refresh(args.paths, zone, warehouse, args.jobs, args.full_refresh, args.export, args.gate,
                               args.time_limit, serve=not args.no_serving)
            ingested, outcomes = _ingest(args.paths, zone, jobs=args.jobs, time_limit=args.time_limit)
            if ingested == EXIT_NO_DOCUMENTS:
                return ingested
            pointless = _nothing_to_build(outcomes)
            if pointless:
                print(f"fiscal run: {pointless}; the warehouse {warehouse} is unchanged", file=sys.stderr)
                return ingested
            # documents that failed to read are reported above; the others are built all the same
            if build_warehouse(PROJECT_DIR, warehouse, zone, dbt_vars=_gate_vars(args.gate),
                               serve=not args.no_serving) != 0:
                return EXIT_BUILD_FAILED
            print(summarise(warehouse))
            if not args.no_serving:
                print(_serving_line(warehouse))
            return ingested
    except WarehouseBusy as busy:
        print(f"fiscal {args.command}: {busy}", file=sys.stderr)
        return EXIT_BUSY


if __name__ == "__main__":
    sys.exit(main())
