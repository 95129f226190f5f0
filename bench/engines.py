"""Benchmark: the same dbt build on DuckDB and on Apache Spark (README "Running on Spark").

    .venv/bin/python bench/engines.py [--sizes 100 1000 10000] [--rounds 1] [--output bench/engines.md]

`make bench-spark` installs Java and PySpark and writes bench/engines.md.

Needs PySpark and Java (`make test-spark` installs both). For each size N, synthetic documents
(synthetic/generator.py, 1% with a known discrepancy) are landed once as Parquet, and both engines
read those files in place. Each engine then runs `dbt build` (every seed, model and test; the
register gate warns, as the injected discrepancies are not registered) from empty, as one whole
dbt process timed from its start to its exit:
  duckdb   the `dev` target: one warehouse file, 2 dbt threads;
  spark    the `spark` target: PySpark in the dbt process with a local[2] master (JVM start,
           Hive metastore and Parquet tables included), --full-refresh.
The engines take turns within a round (duckdb, spark, duckdb, spark, …) so a busy spell of the
machine falls on both alike; medians over --rounds. Peak memory is the largest memory of the dbt
process and its children together (Spark's JVM is a child), sampled every 0.5 s as proportional
set size, so pages two processes share count once.
Rows per schema are counted on each engine and must agree.

From the two largest sizes, each engine's cost is fitted as fixed + per-document seconds, which
gives where Spark would overtake DuckDB on this machine (if its per-document cost is lower) and the
per-document figures the README's cluster estimate starts from.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

import yaml  # noqa: E402

from ingest.landing_zone import landing_zone  # noqa: E402
from synthetic.generator import landing_records, plan_corpus  # noqa: E402

DBT = Path(sys.executable).parent / "dbt"
ENGINES = ("duckdb", "spark")
SCHEMAS = ("reference", "staging", "intermediate", "marts", "audit")


def _tree_pss_mb(root: int) -> float:
    """Memory of `root` and all its descendants, in MB (0 for processes already gone): the
    proportional set size, as a JVM's forked helper (Hadoop's shell calls) shares the JVM's pages
    until it execs, which its resident set would count twice."""
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        try:
            with open(f"/proc/{pid}/smaps_rollup") as rollup:
                total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total / 1024


def run_measured(command: list[str], env: dict, log: Path) -> tuple[float, float]:
    """Run `command` to its exit, output to `log`; (seconds, peak MB of its process tree)."""
    peak = 0.0
    began = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=PROJECT_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.5):
                peak = max(peak, _tree_pss_mb(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        done.set()
        sampler.join()
    seconds = time.perf_counter() - began
    if returncode != 0:
        raise SystemExit(f"{' '.join(command[:4])} … failed (exit {returncode}); see {log}")
    return seconds, peak


def build_command(engine: str, dbt_vars: dict, folder: Path) -> list[str]:
    """`dbt build` on `engine`; each engine keeps its own target folder, so each reuses its own
    partial parse."""
    command = [str(DBT), "--no-send-anonymous-usage-stats", "build", "--vars", json.dumps(dbt_vars),
               "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR),
               "--target-path", str(folder / f"target-{engine}"), "--log-path", str(folder / "logs")]
    return command + (["--target", "spark", "--full-refresh"] if engine == "spark" else [])


def _rows_on_duckdb(warehouse: Path) -> dict[str, int]:
    import duckdb
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {schema: sum(con.execute(f'select count(*) from {schema}."{table}"').fetchone()[0]
                            for (table,) in con.execute("select table_name from duckdb_tables() where schema_name = ? "
                                                        "union all select view_name from duckdb_views() "
                                                        "where schema_name = ?", [schema, schema]).fetchall())
                for schema in SCHEMAS}


def _rows_on_spark(spark_warehouse: Path) -> dict[str, int]:
    """Counted in a child process (its JVM ends with it), in a local session on the metastore the
    build left (Derby: one user at a time)."""
    counted = subprocess.run([sys.executable, __file__, "_count_spark", str(spark_warehouse)], check=True,
                             capture_output=True, text=True)
    return json.loads(counted.stdout.splitlines()[-1])


def _count_spark(spark_warehouse: str) -> None:
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.warehouse.dir", spark_warehouse)
             .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={spark_warehouse}")
             .enableHiveSupport().getOrCreate())
    print(json.dumps({schema: sum(spark.sql(f"select count(*) from {schema}.{row.tableName}").collect()[0][0]
                                  for row in spark.sql(f"show tables in {schema}").collect() if not row.isTemporary)
                      for schema in SCHEMAS}))
    spark.stop()


def measure(size: int, work: Path, rounds: int) -> dict:
    folder = work / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    zone = landing_zone("parquet", folder / "landing")
    zone.land(landing_records(document) for document in plan_corpus(size, discrepancy_rate=0.01))
    dbt_vars = {**zone.dbt_vars(), "findings_gate_severity": "warn"}
    warehouse, spark_warehouse = folder / "fiscal.duckdb", folder / "spark"
    env = {**os.environ, "FISCAL_WAREHOUSE_PATH": str(warehouse), "FISCAL_SPARK_WAREHOUSE": str(spark_warehouse)}
    seconds = {engine: [] for engine in ENGINES}
    peaks = {engine: [] for engine in ENGINES}
    for round_number in range(rounds):
        for engine in ENGINES:
            if engine == "duckdb":
                warehouse.unlink(missing_ok=True)
            else:
                shutil.rmtree(spark_warehouse, ignore_errors=True)
            print(f"  {size:,} documents on {engine}, round {round_number + 1} …", file=sys.stderr, flush=True)
            took, peak = run_measured(build_command(engine, dbt_vars, folder), env,
                                      folder / f"{engine}-{round_number}.log")
            seconds[engine].append(took)
            peaks[engine].append(peak)
    rows = {"duckdb": _rows_on_duckdb(warehouse), "spark": _rows_on_spark(spark_warehouse)}
    if rows["duckdb"] != rows["spark"]:
        raise SystemExit(f"{size:,} documents: the engines' rows differ: {rows}")
    return {"documents": size, "rows": sum(rows["duckdb"].values()),
            **{f"{engine}_s": statistics.median(seconds[engine]) for engine in ENGINES},
            **{f"{engine}_mb": max(peaks[engine]) for engine in ENGINES}}


def _profile_settings() -> str:
    """The two targets' settings as profiles.yml gives them."""
    outputs = yaml.safe_load((PROJECT_DIR / "profiles.yml").read_text())["fiscal_warehouse"]["outputs"]
    duck, spark = outputs["dev"], outputs["spark"]
    spark_settings = spark["server_side_parameters"]
    return (f"DuckDB: {duck['threads']} dbt threads, memory_limit "
            f"{os.environ.get('FISCAL_DUCKDB_MEMORY_LIMIT', '3GB')}; Spark: {spark_settings['spark.master']}, "
            f"{spark['threads']} dbt thread(s), driver memory {spark_settings['spark.driver.memory']}")


def fit(results: list[dict], engine: str) -> tuple[float, float]:
    """(fixed seconds, seconds per document) through the two largest sizes."""
    small, large = sorted(results, key=lambda r: r["documents"])[-2:]
    per_document = (large[f"{engine}_s"] - small[f"{engine}_s"]) / (large["documents"] - small["documents"])
    return large[f"{engine}_s"] - per_document * large["documents"], per_document


def crossover(results: list[dict]) -> str:
    (duck_fixed, duck_per), (spark_fixed, spark_per) = fit(results, "duckdb"), fit(results, "spark")
    lines = [f"- fitted through the two largest sizes: DuckDB {duck_fixed:.1f} s + {duck_per * 1000:.2f} ms "
             f"per document; Spark {spark_fixed:.1f} s + {spark_per * 1000:.2f} ms per document"]
    if spark_per >= duck_per:
        lines.append("- Spark does not overtake DuckDB on this machine: its cost per document is not lower")
    else:
        lines.append(f"- Spark would overtake DuckDB on this machine at about "
                     f"{(spark_fixed - duck_fixed) / (duck_per - spark_per):,.0f} documents")
    return "\n".join(lines)


def render(results: list[dict], markdown: bool) -> str:
    header = ["documents", "rows built", "DuckDB s", "Spark s", "Spark / DuckDB", "DuckDB peak MB", "Spark peak MB",
              "DuckDB ms/doc", "Spark ms/doc"]
    rows = [[f"{r['documents']:,}", f"{r['rows']:,}", f"{r['duckdb_s']:.1f}", f"{r['spark_s']:.1f}",
             f"{r['spark_s'] / r['duckdb_s']:.2f}x", f"{r['duckdb_mb']:,.0f}", f"{r['spark_mb']:,.0f}",
             f"{r['duckdb_s'] / r['documents'] * 1000:.1f}", f"{r['spark_s'] / r['documents'] * 1000:.1f}"]
            for r in results]
    if markdown:
        table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
                 *("| " + " | ".join(row) + " |" for row in rows)]
    else:
        widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
        table = ["  ".join(cell.rjust(width) for cell, width in zip(line, widths)) for line in [header, *rows]]
    return "\n".join(table) + ("\n\n" + crossover(results) if len(results) > 1 else "")


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "_count_spark":
        _count_spark(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--rounds", type=int, default=1, help="builds per engine and size, alternating; medians shown")
    parser.add_argument("--work", type=Path, default=PROJECT_DIR / "target" / "bench-engines")
    parser.add_argument("--output", type=Path, help="write the results here as Markdown (else print them)")
    args = parser.parse_args()
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SystemExit("PySpark is not installed: `make test-spark` installs it (requirements-spark.lock) and Java")
    started = datetime.datetime.now().astimezone()
    results = []
    for size in args.sizes:
        print(f"measuring {size:,} documents …", file=sys.stderr, flush=True)
        results.append(measure(size, args.work, args.rounds))
        print(render(results, False), file=sys.stderr, flush=True)
    load = os.getloadavg()
    machine = (f"{started:%Y-%m-%d %H:%M %Z}: {os.cpu_count()} cores, {platform.machine()}, Python "
               f"{platform.python_version()}; {_profile_settings()}; median of {args.rounds}; load average at the end "
               f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (1/5/15 min)")
    if args.output is None:
        print(machine + "\n\n" + render(results, False))
        return
    args.output.write_text(f"# DuckDB against Spark\n\n`make bench-spark` (bench/engines.py), {machine}\n\n"
                           f"{render(results, True)}\n", encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
