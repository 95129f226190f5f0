"""The marts the warehouse serves, as dbt defines them: every model under models/marts/, in the
schema dbt_project.yml gives its folder. The summary, the exports and the benchmarks list them
from here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .paths import PROJECT_DIR

_FOLDERS = ("core", "bi", "audit")      # dimensions and facts, then BI marts, then the audit marts


@dataclass(frozen=True)
class Mart:
    name: str
    schema: str

    @property
    def relation(self) -> str:
        return f"{self.schema}.{self.name}"


def _marts(project_dir: Path) -> list[Mart]:
    config = yaml.safe_load((project_dir / "dbt_project.yml").read_text(encoding="utf-8"))
    marts_config = config["models"][config["name"]]["marts"]
    found = []
    for folder in _FOLDERS:
        schema = marts_config.get(folder, {}).get("+schema", marts_config["+schema"])
        models = sorted((project_dir / "models" / "marts" / folder).glob("*.sql"))
        # dimensions before facts before marts, each alphabetically
        models.sort(key=lambda path: (not path.stem.startswith("dim_"), not path.stem.startswith("fct_"), path.stem))
        found.extend(Mart(path.stem, schema) for path in models)
    return found


MARTS: list[Mart] = _marts(PROJECT_DIR)
