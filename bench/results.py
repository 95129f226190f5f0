"""Both benchmarks in one run, written to bench/results.md (`make bench`).

    .venv/bin/python bench/results.py [--sizes 100 1000 10000] [--rounds 3] [--output bench/results.md]

Runs bench/pdf_reader.py (every real PDF, interleaved rounds) and bench/warehouse.py (ingest, full,
+1% and no-op builds against the baseline), each as its own process, one after the other, and
writes their Markdown tables under a header that says when, on what machine and under what load.
"""
from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _run(script: str, *args: str) -> str:
    print(f"running {script} {' '.join(args)} …", file=sys.stderr, flush=True)
    return subprocess.run([sys.executable, str(BENCH / script), *args, "--markdown"], check=True,
                          capture_output=True, text=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", default=["100", "1000", "10000"])
    parser.add_argument("--rounds", default="3")
    parser.add_argument("--output", type=Path, default=BENCH / "results.md")
    args = parser.parse_args(argv)
    started = datetime.datetime.now().astimezone()
    load_before = _load()
    pdf = _run("pdf_reader.py", "--rounds", args.rounds)
    warehouse = _run("warehouse.py", "--sizes", *args.sizes, "--rounds", args.rounds)
    text = f"""# Benchmark results

`make bench` (bench/results.py), {started:%Y-%m-%d %H:%M %Z}: {os.cpu_count()} cores, {platform.machine()},
Python {platform.python_version()}; load average {load_before} (1/5/15 min) before, {_load()} after.

## PDF reader

{pdf}

## Ingest and builds

{warehouse}
"""
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
