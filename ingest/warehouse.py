"""Build the DuckDB warehouse with dbt into a temp file and swap it into place only on success."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WAREHOUSE_ENV = "FISCAL_WAREHOUSE_PATH"
DEFAULT_WAREHOUSE = Path("warehouse/fiscal.duckdb")


def default_warehouse() -> Path:
    return Path(os.environ.get(WAREHOUSE_ENV, DEFAULT_WAREHOUSE))


def dbt_executable() -> str:
    beside_python = Path(sys.executable).parent / "dbt"
    return str(beside_python) if beside_python.exists() else "dbt"


def run_dbt(args: list[str], project_dir: Path, warehouse: Path, capture: bool = False):
    """Run dbt on the project with its profile pointed at `warehouse`; capture=True keeps the
    output in the result (stdout and stderr together) instead of printing it."""
    env = {**os.environ, WAREHOUSE_ENV: str(warehouse.resolve())}
    command = [dbt_executable(), *args, "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    output = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True} if capture else {}
    return subprocess.run(command, cwd=project_dir, env=env, **output)


def build_warehouse(project_dir: Path, warehouse: Path, dbt_args: list[str] | None = None,
                    capture: bool = False) -> int:
    """`dbt build` into <warehouse>.building; on success it replaces <warehouse>. A failed
    build leaves the previous warehouse as it was."""
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    building = warehouse.with_name(warehouse.name + ".building")
    _remove(building)
    result = run_dbt(["build", *(dbt_args or [])], project_dir, building, capture=capture)
    if capture:
        print(result.stdout)
    if result.returncode != 0:
        _remove(building)
        print(f"dbt build failed (exit {result.returncode}); the previous warehouse at {warehouse} "
              "is untouched. Read the failing nodes above.", file=sys.stderr)
        return result.returncode
    os.replace(building, warehouse)
    return 0


def _remove(database: Path) -> None:
    for path in (database, database.with_name(database.name + ".wal")):
        if path.exists():
            path.unlink()
