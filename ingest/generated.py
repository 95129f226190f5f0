"""The dbt files generated from their Python or catalogue owners, written or checked:

    python -m ingest.generated           # regenerate after editing an owner
    python -m ingest.generated --check   # exit 1 when one is out of step (a test runs this)

Owners: the landing registry (ingest/landing_schema.py) gives the landing seeds' types, the
landing source and the measure macro; the rule catalogue (seeds/reference/rule_catalogue.csv)
gives the union of check models.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from .landing_schema import measures_macro, seeds_yml, sources_yml
from .paths import PROJECT_DIR
from .rules import checks_union_sql

# path -> its content, given the current content (None when the file does not exist)
GENERATED_FILES: dict[str, Callable[[str | None], str]] = {
    "seeds/landing.yml": lambda _: seeds_yml(),
    "models/staging/disclosures/_disclosures__sources.yml": lambda _: sources_yml(),
    "macros/landing_measures.sql": lambda _: measures_macro(),
    "models/intermediate/reconciliation/int_reconciliation__checks_unioned.sql": lambda _: checks_union_sql(),
}


def _current(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def stale_files(project_dir: Path = PROJECT_DIR) -> list[str]:
    """The generated files whose content differs from what their owners generate."""
    stale = []
    for name, render in GENERATED_FILES.items():
        current = _current(project_dir / name)
        if current != render(current):
            stale.append(name)
    return stale


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        stale = stale_files()
        for name in stale:
            print(f"{name} is out of step with its owner: run python -m ingest.generated")
        return 1 if stale else 0
    for name, render in GENERATED_FILES.items():
        path = PROJECT_DIR / name
        path.write_text(render(_current(path)), encoding="utf-8")
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
