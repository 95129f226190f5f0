"""Build the DuckDB warehouse with dbt into a new file and swap it into place only on success.

A build is incremental when the warehouse was built before by the same project (models, macros,
tests, reference seeds, settings) from the same landing zone, and every document it holds is
still landed (ingest/build_plan.py decides, and hands dbt the plan): the warehouse is copied to
<warehouse>.building and `dbt build` adds the new documents there
(macros/incremental_by_document.sql). Otherwise it is a full build from scratch.
Either way the live file is replaced by a rename only when every model and test gate passed, so a
reader holding the old file keeps reading the old warehouse, and a failed build changes nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb

from .build_plan import BuildPlan, clear_plan, plan_build, record_build, write_plan
from .dbt_child import GO
from .gate_report import gate_message
from .landing_zone import LandingZone
from .serving import prepare_serving, serving_copy_path, swap_in

WAREHOUSE_ENV = "FISCAL_WAREHOUSE_PATH"
DEFAULT_WAREHOUSE = Path("warehouse/fiscal.duckdb")
# what the warehouse's content depends on besides the landed documents
_PROJECT_INPUTS = ["dbt_project.yml", "profiles.yml", "models", "macros", "tests/generic", "tests/audit",
                   "seeds/reference"]


def default_warehouse() -> Path:
    return Path(os.environ.get(WAREHOUSE_ENV, DEFAULT_WAREHOUSE))


def die_with_parent() -> None:
    """In a child process, before it runs: end it (SIGTERM) when the process that started it
    dies, even by SIGKILL, so that a killed `fiscal` leaves no dbt writing after its lock is gone
    (Linux prctl PR_SET_PDEATHSIG; elsewhere nothing)."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)    # 1: PR_SET_PDEATHSIG


def run_dbt(args: list[str], project_dir: Path, warehouse: Path, capture: bool = False,
            meanwhile: Callable[[], None] | None = None):
    """Run dbt on the project with its profile pointed at `warehouse`; capture=True keeps the
    output in the result (stdout and stderr together) instead of printing it. `meanwhile` runs
    while the child imports dbt, before dbt starts (ingest/dbt_child.py); if it raises, dbt
    never starts and the error goes up."""
    env = {**os.environ, WAREHOUSE_ENV: str(warehouse.resolve())}
    command = [sys.executable, "-m", "ingest.dbt_child", *args,
               "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    output = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT} if capture else {}
    with subprocess.Popen(command, cwd=project_dir, env=env, preexec_fn=die_with_parent, stdin=subprocess.PIPE,
                          text=True, **output) as child:
        try:
            if meanwhile is not None:
                meanwhile()
            child.stdin.write(GO)
        finally:
            child.stdin.close()          # without the line: the child exits before running dbt
        stdout = child.stdout.read() if capture else None
        returncode = child.wait()
    return subprocess.CompletedProcess(command, returncode, stdout)


def project_fingerprint(project_dir: Path, zone: LandingZone) -> str:
    digest = hashlib.sha256(f"{zone.format}\n{zone.path.resolve()}\n".encode())
    for name in _PROJECT_INPUTS:
        root = project_dir / name
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.exists():
                digest.update(str(path.relative_to(project_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


_SELECTION_FLAGS = ("--select", "-s", "--models", "-m", "--selector")

# An incremental build runs on the project and reference seeds of the last build (the plan
# compares their fingerprint), in a copy of its warehouse: reloading the reference seeds, testing
# them again and running the unit tests (the models' logic on fixed rows) cannot change a
# result. "cautious": only tests whose every parent is excluded go; a test of new rows against a
# reference seed (relationships to rule_catalogue, say) stays. 43 of about 350 nodes.
_UNCHANGED_SINCE_LAST_BUILD = ["--exclude", "path:seeds/reference", "resource_type:unit_test",
                               "--indirect-selection", "cautious"]


def selects_part(dbt_args: list[str] | None) -> bool:
    """Whether dbt is asked to build part of the models (--select and its kin, or --exclude of
    anything but whole resource types: `--exclude resource_type:test` still builds every model)."""
    args = dbt_args or []
    for index, arg in enumerate(args):
        flag, _, inline = arg.partition("=")
        if flag in _SELECTION_FLAGS:
            return True
        if flag == "--exclude":
            values = [inline] if inline else []
            for value in args[index + 1:]:
                if value.startswith("-"):
                    break
                values.append(value)
            if any(not value.startswith("resource_type:") for value in values):
                return True
    return False


def _excludes(dbt_args: list[str] | None) -> bool:
    """Whether the user's dbt arguments exclude nodes or choose the indirect selection themselves."""
    return any(arg.partition("=")[0] in ("--exclude", "--indirect-selection") for arg in dbt_args or [])


def build_warehouse(project_dir: Path, warehouse: Path, zone: LandingZone, full_refresh: bool = False,
                    dbt_args: list[str] | None = None, capture: bool = False,
                    before_swap: Callable[[Path], None] | None = None, dbt_vars: dict | None = None,
                    serve: bool = False) -> int:
    """`dbt build` into <warehouse>.building (a copy of the warehouse when incremental); on
    success (and once before_swap, e.g. the Parquet exports, has run on the new file) it
    replaces <warehouse>. With serve, the serving copy and the mart exports BI tools read are
    written from the new file and swapped in with it (ingest/serving.py). Returns dbt's exit
    code; a failed build leaves the previous warehouse as it was."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    building = warehouse.with_name(warehouse.name + ".building")
    _remove(building)
    fingerprint = project_fingerprint(project_dir, zone)
    partial = selects_part(dbt_args)
    build_vars = {**zone.dbt_vars(), **(dbt_vars or {})}
    settings = json.dumps({"vars": build_vars, "args": dbt_args or []}, sort_keys=True)
    if partial:
        # The selected nodes are rebuilt in full, from what the warehouse holds upstream of them,
        # in a copy of the warehouse: every node not selected stays as it was. The build log is
        # not updated (the warehouse as a whole was not built): the next plan is as it would be.
        if not warehouse.exists():
            print(f"build: no warehouse at {warehouse} to rebuild part of: run `fiscal build` without "
                  "a selection first", file=sys.stderr)
            return 2
        plan = BuildPlan("full", "a selection of nodes, rebuilt in a copy of the warehouse; the rest as it was")
    else:
        plan = plan_build(warehouse, zone, fingerprint, full_refresh, settings)
    print(f"build: {'selection' if partial else plan.mode} ({plan.reason})", flush=True)
    if plan.mode == "none":
        if serve and not serving_copy_path(warehouse).exists():
            swap_in(prepare_serving(warehouse, warehouse))
        return 0
    args = ["build", "--vars", json.dumps(build_vars), *(dbt_args or [])]
    if plan.mode == "incremental" and not partial and not _excludes(dbt_args):
        args += _UNCHANGED_SINCE_LAST_BUILD
    if plan.mode == "full":
        args.append("--full-refresh")

    def prepare_building() -> None:
        if plan.mode == "incremental" or partial:
            shutil.copyfile(warehouse, building)
        write_plan(building, plan, fingerprint)

    result = run_dbt(args, project_dir, building, capture=capture, meanwhile=prepare_building)
    if capture:
        print(result.stdout)
    if result.returncode != 0:
        gate = gate_message(building)
        if gate:
            print(gate, file=sys.stderr)
        _remove(building)
        print(f"dbt build failed (exit {result.returncode}); the previous warehouse at {warehouse} "
              "is untouched. Read the failing nodes above.", file=sys.stderr)
        return result.returncode
    if partial:
        clear_plan(building)
    else:
        record_build(building, plan, fingerprint, zone, settings)
    staged_for_serving: list[tuple[Path, Path]] = []
    try:
        if before_swap is not None:
            before_swap(building)
        if serve:
            staged_for_serving = prepare_serving(building, warehouse)
    except (OSError, duckdb.Error) as failure:
        _remove(building)
        for staged, _ in staged_for_serving:
            _remove(staged)
        print(f"the build passed but the step before the swap failed ({failure}); the previous "
              f"warehouse at {warehouse} is untouched", file=sys.stderr)
        return 1
    os.replace(building, warehouse)
    swap_in(staged_for_serving)
    return 0


def _remove(database: Path) -> None:
    for path in (database, database.with_name(database.name + ".wal")):
        if path.exists():
            path.unlink()
