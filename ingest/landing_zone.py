"""Where landing rows go: one interface, two stores. CSV seeds (the bundled sample, small
corpora) or Parquet files (bulk corpora, read in place by dbt as the source `disclosures`).

`fiscal --landing-format parquet` lands Parquet and builds dbt with var landing_format =
'parquet' (macros/landing_table.sql): dbt_vars() is the one switch on the dbt side.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .landing_parquet import land_parquet, landed_parquet_documents
from .landing_records import Records, stamp_landed_at
from .landing_seeds import land_seeds, landed_seed_documents


@dataclass(frozen=True)
class LandingZone(ABC):
    path: Path
    format = ""          # seeds / parquet: each store names its own

    @abstractmethod
    def landed_documents(self) -> dict[str, tuple[str, str]]:
        """Document -> (the parser version that landed it, when it was first landed here)."""

    def document_versions(self) -> dict[str, str]:
        """Document -> the parser version that landed it, of every document landed here."""
        return {document: version for document, (version, _) in self.landed_documents().items()}

    def document_ids(self, parser_version: str | None = None) -> set[str]:
        """Documents landed here; with parser_version, only those that version landed."""
        return {document_id for document_id, version in self.document_versions().items()
                if parser_version is None or version == parser_version}

    def land(self, documents: Iterable[Records]) -> int:
        """Land these documents' records all or nothing (replacing earlier landings of the same
        documents); returns how many were landed. A document keeps the time it was first landed
        here (versions of one disclosure that print no date are ordered by it), so landing the
        same content again writes the same bytes."""
        first_landed = {document: landed_at for document, (_, landed_at) in self.landed_documents().items()}
        now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")

        def stamped() -> Iterator[Records]:
            for records in documents:
                yield stamp_landed_at(records, first_landed, now)

        return self._land(stamped())

    @abstractmethod
    def _land(self, documents: Iterable[Records]) -> int:
        """land(), in this store."""

    def dbt_vars(self) -> dict[str, str]:
        """The dbt vars that make the build read this zone."""
        return {"landing_format": self.format}


class SeedsLanding(LandingZone):
    format = "seeds"

    def landed_documents(self) -> dict[str, tuple[str, str]]:
        return landed_seed_documents(self.path)

    def _land(self, documents: Iterable[Records]) -> int:
        return land_seeds(documents, self.path)


class ParquetLanding(LandingZone):
    format = "parquet"

    def landed_documents(self) -> dict[str, tuple[str, str]]:
        return landed_parquet_documents(self.path)

    def _land(self, documents: Iterable[Records]) -> int:
        return land_parquet(documents, self.path)

    def dbt_vars(self) -> dict[str, str]:
        return {**super().dbt_vars(), "landing_parquet_path": str(self.path.resolve())}


LANDING_ZONES: dict[str, type[LandingZone]] = {zone.format: zone for zone in (SeedsLanding, ParquetLanding)}
LANDING_FORMATS = tuple(LANDING_ZONES)


def landing_zone(landing_format: str, path: Path) -> LandingZone:
    if landing_format not in LANDING_ZONES:
        raise ValueError(f"landing format must be one of {LANDING_FORMATS}, not {landing_format!r}")
    return LANDING_ZONES[landing_format](path)
