"""Prove a refactor changes no output: snapshot every landing, mart and audit table of a project
checkout, then compare two snapshots row for row.

    .venv/bin/python bench/mart_snapshot.py snapshot OUT [--project DIR] [--documents 100]
    .venv/bin/python bench/mart_snapshot.py compare BEFORE AFTER

`snapshot` runs the checkout at --project (default: this one; e.g. a `git worktree` of the
commit before the refactor) on two corpora, each in a scratch folder under OUT:
  bundled    the bundled sample (data/documents), Parquet landing, full build;
  synthetic  a synthetic corpus of --documents text disclosures (5% with a known discrepancy,
             so the build runs with --gate warn), Parquet landing, full build.
It writes every table of the landing zone and of the marts and audit schemas, rows sorted by
every column, as OUT/<corpus>/<schema>.<table>.parquet. `compare` prints, per table, the rows
only one side has, and exits 1 when any table differs or exists on one side only.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

PROJECT_DIR = Path(__file__).resolve().parent.parent
_SCHEMAS = ("marts", "audit")


def _fiscal(project: Path, folder: Path, *args: str) -> None:
    command = [sys.executable, "-m", "ingest", "--landing-format", "parquet", "--landing", str(folder / "landing"),
               "--warehouse", str(folder / "fiscal.duckdb"), "--gate", "warn", *args]
    with (folder / "fiscal.log").open("a") as log:
        status = subprocess.run(command, cwd=project, stdout=log, stderr=subprocess.STDOUT).returncode
    if status not in (0, 1):       # 1: a document read in part, which is output like any other
        raise SystemExit(f"{' '.join(command[3:])} exited {status}; see {folder / 'fiscal.log'}")


def _dump(folder: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with duckdb.connect(str(folder / "fiscal.duckdb"), read_only=True) as con:
        tables = con.execute("select schema_name, table_name from duckdb_tables() where schema_name in "
                             f"{_SCHEMAS} order by all").fetchall()
        for schema, table in tables:
            con.execute(f'copy (select * from {schema}."{table}" order by all) to '
                        f"'{out / f'{schema}.{table}.parquet'}' (format parquet)")
            count += 1
        for table_dir in sorted((folder / "landing").iterdir()):
            con.execute(f"copy (select * from read_parquet('{table_dir}/*.parquet') order by all) to "
                        f"'{out / f'landing.{table_dir.name}.parquet'}' (format parquet)")
            count += 1
    return count


def snapshot(out: Path, project: Path, documents: int) -> None:
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    for corpus in ("bundled", "synthetic"):
        folder = work / corpus
        folder.mkdir(parents=True)
        if corpus == "bundled":
            sources = [project / "data" / "documents"]
        else:
            subprocess.run([sys.executable, "-m", "synthetic", str(folder / "corpus"), "--documents", str(documents),
                            "--discrepancy-rate", "0.05"], cwd=project, check=True, stdout=subprocess.DEVNULL)
            sources = [folder / "corpus" / "documents"]
        _fiscal(project, folder, "ingest", *map(str, sources))
        _fiscal(project, folder, "build", "--full-refresh")
        print(f"{corpus}: {_dump(folder, out / corpus)} tables", file=sys.stderr)
    shutil.rmtree(work)


def compare(before: Path, after: Path) -> int:
    differing = 0
    with duckdb.connect() as con:
        for corpus in sorted(p.name for p in before.iterdir() if p.is_dir()):
            names = {p.name for p in (before / corpus).glob("*.parquet")} | {
                p.name for p in (after / corpus).glob("*.parquet")}
            for name in sorted(names):
                old, new = before / corpus / name, after / corpus / name
                if not (old.exists() and new.exists()):
                    print(f"{corpus}/{name}: only {'before' if old.exists() else 'after'}")
                    differing += 1
                    continue
                old_cols = [c[0] for c in con.execute(f"describe select * from '{old}'").fetchall()]
                new_cols = [c[0] for c in con.execute(f"describe select * from '{new}'").fetchall()]
                if old_cols != new_cols:
                    print(f"{corpus}/{name}: columns differ: {old_cols} vs {new_cols}")
                    differing += 1
                    continue
                only_old = con.execute(f"select count(*) from (select * from '{old}' except all "
                                       f"select * from '{new}')").fetchone()[0]
                only_new = con.execute(f"select count(*) from (select * from '{new}' except all "
                                       f"select * from '{old}')").fetchone()[0]
                rows = con.execute(f"select count(*) from '{old}'").fetchone()[0]
                same = only_old == only_new == 0
                differing += not same
                print(f"{corpus}/{name}: {rows} rows, "
                      + ("identical" if same else f"{only_old} only before, {only_new} only after"))
    print(f"{differing} tables differ")
    return 1 if differing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot")
    take.add_argument("out", type=Path)
    take.add_argument("--project", type=Path, default=PROJECT_DIR)
    take.add_argument("--documents", type=int, default=100)
    check = commands.add_parser("compare")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "snapshot":
        snapshot(args.out.resolve(), args.project.resolve(), args.documents)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
