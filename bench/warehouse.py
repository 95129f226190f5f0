"""Benchmark: ingest and `fiscal build` of synthetic corpora of growing size, against a baseline.

    .venv/bin/python bench/warehouse.py [--sizes 100 1000 10000] [--rounds 3] [--markdown]

For each size N (synthetic documents: synthetic/generator.py, 1% with a known discrepancy, so the
gate runs with --gate warn), in a fresh folder under --work:
  ingest     N text files parsed by `fiscal ingest` across --jobs processes into the Parquet
             landing zone (above --text-ingest-up-to, the generator's landing rows are landed
             directly instead, and the route column says so);
  full       `fiscal build --no-serving` from an empty warehouse: dbt build with every test and
             the gate, then the swap;
  baseline   the same work without dbt: one plain Python + DuckDB process that copies the
             reference seeds into a fresh file, runs every model's SQL as dbt compiled it for the
             full build (views and tables, in dependency order), then every data test's compiled
             query. Timed like the build: the whole process, from its start to its exit;
  +1%        max(1, N/100) more documents landed, then `fiscal build --no-serving` on a copy of
             the full build's warehouse (incremental);
  no-op      `fiscal build --no-serving` again with nothing new.
Full builds and baselines take turns (full, baseline, full, baseline, …), --rounds times, so a
busy spell of the machine falls on both alike; the +1% and no-op builds are repeated as often.
Medians are reported, with the ratios full / baseline and +1% / baseline. The first full build
of a size re-parses the dbt project (its landing path and warehouse are new to dbt's partial
parse); the others reuse the parse, as a user's repeated builds do. Peak memory is the largest
resident set of the build process (dbt) or of the baseline process over the rounds. Rows per
mart are counted after the +1% build. --markdown prints the tables for bench/results.md.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

import duckdb  # noqa: E402

from ingest.landing_zone import landing_zone  # noqa: E402
from ingest.marts import MARTS  # noqa: E402
from synthetic.generator import landing_records, plan_corpus, write_text_corpus  # noqa: E402

FISCAL = [sys.executable, "-m", "ingest"]


def _run(command: list[str], log: Path) -> tuple[float, float]:
    """Run a command, output to `log`; returns (seconds, peak RSS in MB of it or its children)."""
    began = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - began
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command[:6])} … failed; see {log}")
    return seconds, usage.ru_maxrss / 1024


def _fiscal(folder: Path, *args: str) -> list[str]:
    return [*FISCAL, "--landing-format", "parquet", "--landing", str(folder / "landing"),
            "--warehouse", str(folder / "fiscal.duckdb"), "--gate", "warn", *args]


def _ingest(folder: Path, documents, text_route: bool, jobs: int) -> tuple[str, float]:
    if text_route:
        texts = folder / "texts"
        shutil.rmtree(texts, ignore_errors=True)
        write_text_corpus(documents, texts)
        seconds, _ = _run([*_fiscal(folder, "--jobs", str(jobs)), "ingest", str(texts)], folder / "ingest.log")
        shutil.rmtree(texts)
        return "text", seconds
    began = time.perf_counter()
    landing_zone("parquet", folder / "landing").land(landing_records(d) for d in documents)
    return "direct", time.perf_counter() - began


def _rows_per_mart(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {mart.name: con.execute(f"select count(*) from {mart.relation}").fetchone()[0] for mart in MARTS}


def baseline_script(manifest_path: Path) -> tuple[list[str], list[str]]:
    """Every model's compiled SQL (as dbt compiled it for the full build) as create view/table
    statements in dependency order; and every data test's compiled query, counted."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    models = {uid: node for uid, node in manifest["nodes"].items() if node["resource_type"] == "model"}
    statements, done = [], set()

    def emit(uid: str) -> None:
        if uid in done or uid not in models:
            return
        for parent in models[uid]["depends_on"]["nodes"]:
            emit(parent)
        node = models[uid]
        kind = "view" if node["config"]["materialized"] == "view" else "table"
        statements.append(f"create or replace {kind} {node['relation_name']} as {node['compiled_code']}")
        done.add(uid)

    for uid in sorted(models):
        emit(uid)
    tests = [f"select count(*) from ({node['compiled_code']}) as failures"
             for node in manifest["nodes"].values() if node["resource_type"] == "test" and node.get("compiled_code")]
    return statements, tests


def _baseline(built: Path, manifest: Path, target: Path) -> None:
    """The baseline, run as a child process and timed whole by the parent: the models' SQL and
    the tests' queries into `target`, whose file name equals the dbt warehouse's so the compiled
    three-part names resolve."""
    statements, tests = baseline_script(manifest)
    target.unlink(missing_ok=True)
    with duckdb.connect(str(target)) as con:
        con.execute(f"attach '{built}' as built (read_only)")
        for (schema,) in con.execute("select distinct schema_name from duckdb_schemas() "
                                     "where database_name = 'built' and not internal").fetchall():
            con.execute(f'create schema if not exists "{schema}"')
        # the reference seeds, and the build plan's tables (empty after a build: every document)
        for schema, table in con.execute("select schema_name, table_name from duckdb_tables() where database_name = "
                                         "'built' and schema_name in ('reference', 'build_state')").fetchall():
            con.execute(f'create table {schema}."{table}" as select * from built.{schema}."{table}"')
        con.execute("detach built")
        con.execute(f"set memory_limit = '{os.environ.get('FISCAL_DUCKDB_MEMORY_LIMIT', '3GB')}'")
        for statement in statements:
            con.execute(statement)
        for test in tests:
            con.execute(test).fetchone()
    print(f"{len(statements)} model statements, {len(tests)} tests")


def _median(values: list[float]) -> float:
    return statistics.median(values)


def measure(size: int, work: Path, text_up_to: int, jobs: int, rounds: int) -> dict:
    folder = work / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    warehouse = folder / "fiscal.duckdb"
    added = max(1, size // 100)
    plan = plan_corpus(size + added, discrepancy_rate=0.01)
    route, ingest_seconds = _ingest(folder, plan[:size], size <= text_up_to, jobs)
    build = [*_fiscal(folder), "--no-serving", "build"]
    baseline = [sys.executable, __file__, "_baseline", str(warehouse), str(folder / "manifest.json"),
                str(folder / "baseline" / "fiscal.duckdb")]
    (folder / "baseline").mkdir()
    full, base, peaks, base_peaks = [], [], [], []
    for round_number in range(rounds):
        warehouse.unlink(missing_ok=True)
        seconds, peak = _run(build, folder / f"full-{round_number}.log")
        full.append(seconds)
        peaks.append(peak)
        if round_number == 0:
            shutil.copy(PROJECT_DIR / "target" / "manifest.json", folder / "manifest.json")
        seconds, peak = _run(baseline, folder / f"baseline-{round_number}.log")
        base.append(seconds)
        base_peaks.append(peak)
    shutil.copy(warehouse, folder / "full.duckdb")
    _ingest(folder, plan[size:], size <= text_up_to, jobs)
    incremental, no_op = [], []
    for round_number in range(rounds):
        shutil.copy(folder / "full.duckdb", warehouse)
        seconds, peak = _run(build, folder / f"incremental-{round_number}.log")
        incremental.append(seconds)
        peaks.append(peak)
        no_op.append(_run(build, folder / f"no-op-{round_number}.log")[0])
    rows = _rows_per_mart(warehouse)
    return {"documents": size, "route": route, "ingest_s": ingest_seconds, "docs_per_s": size / ingest_seconds,
            "full_s": _median(full), "incremental_docs": added, "incremental_s": _median(incremental),
            "no_op_s": _median(no_op), "baseline_s": _median(base), "peak_mb": max(peaks),
            "baseline_mb": max(base_peaks), "rows": rows}


def render(results: list[dict], markdown: bool) -> str:
    header = ["documents", "ingest route", "ingest s", "docs/s", "baseline s", "full build s", "full / baseline",
              "+1% docs", "+1% build s", "+1% / baseline", "no-op build s", "peak MB (build)", "peak MB (baseline)"]
    rows = [[f"{r['documents']:,}", r["route"], f"{r['ingest_s']:.1f}", f"{r['docs_per_s']:.1f}",
             f"{r['baseline_s']:.1f}", f"{r['full_s']:.1f}", f"{r['full_s'] / r['baseline_s']:.2f}x",
             str(r["incremental_docs"]), f"{r['incremental_s']:.1f}", f"{r['incremental_s'] / r['baseline_s']:.2f}x",
             f"{r['no_op_s']:.1f}", f"{r['peak_mb']:,.0f}", f"{r['baseline_mb']:,.0f}"] for r in results]
    mart_header = ["mart", *[f"{r['documents'] + r['incremental_docs']:,} docs" for r in results]]
    mart_rows = [[mart.name, *[f"{r['rows'][mart.name]:,}" for r in results]] for mart in MARTS]
    return _table(header, rows, markdown) + "\n\nRows per mart after the +1% build:\n\n" + _table(
        mart_header, mart_rows, markdown)


def _table(header: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        return "\n".join([*lines, *("| " + " | ".join(row) + " |" for row in rows)])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    return "\n".join("  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in [header, *rows])


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "_baseline":
        _baseline(*map(Path, sys.argv[2:]))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--rounds", type=int, default=3, help="full builds and baselines, alternating; medians shown")
    parser.add_argument("--text-ingest-up-to", type=int, default=1000,
                        help="largest N ingested by parsing text files; larger N land generated rows directly")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="ingest processes")
    parser.add_argument("--work", type=Path, default=PROJECT_DIR / "target" / "bench")
    parser.add_argument("--markdown", action="store_true", help="print markdown tables (for bench/results.md)")
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        print(f"measuring {size:,} documents …", file=sys.stderr, flush=True)
        results.append(measure(size, args.work, args.text_ingest_up_to, args.jobs, args.rounds))
        print(render(results, args.markdown), file=sys.stderr, flush=True)
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores; DuckDB memory_limit "
          f"{os.environ.get('FISCAL_DUCKDB_MEMORY_LIMIT', '3GB')}; dbt threads 2; load average at the end "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min)")
    print(render(results, args.markdown))


if __name__ == "__main__":
    main()
