"""Where landing rows go: CSV seeds (the bundled sample) or Parquet files (bulk corpora).

The one switch between them is the landing format; `fiscal --landing-format parquet` lands
Parquet and builds dbt with var landing_format = 'parquet' (macros/landing_table.sql).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .landing import Records, land_records, landed_document_ids
from .landing_parquet import land_parquet, landed_parquet_document_ids

LANDING_FORMATS = ("seeds", "parquet")


@dataclass(frozen=True)
class LandingZone:
    format: str        # seeds / parquet
    path: Path

    def __post_init__(self):
        if self.format not in LANDING_FORMATS:
            raise ValueError(f"landing format must be one of {LANDING_FORMATS}, not {self.format!r}")

    def document_ids(self, parser_version: str | None = None) -> set[str]:
        if self.format == "parquet":
            return landed_parquet_document_ids(self.path, parser_version)
        return landed_document_ids(self.path, parser_version)

    def land(self, documents: Iterable[Records]) -> int:
        """Land these documents' records all or nothing; returns how many were landed."""
        if self.format == "parquet":
            return land_parquet(documents, self.path)
        return land_records(documents, self.path)

    def dbt_vars(self) -> dict[str, str]:
        """The dbt vars that make the build read this zone."""
        if self.format == "parquet":
            return {"landing_format": "parquet", "landing_parquet_path": str(self.path.resolve())}
        return {"landing_format": "seeds"}
