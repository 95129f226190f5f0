"""The build plan, decided here and nowhere else, and handed to dbt as the declared source
`build_state` (models/staging/build_state/):

- build_state.build_plan (mode, reason, fingerprint) and build_state.documents_to_build: written
  into the database dbt builds before it runs. An incremental build recomputes those documents
  (new ones, and those landed again by a newer parser); a full build, or no plan at all (a plain
  `dbt build`), recomputes every landed document.
- build_state.last_build and build_state.built_documents: written after a build passed, so the
  next plan knows what the warehouse holds and from which project and landing zone. The plan
  itself is then removed: the warehouse carries no stale to-do list.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .landing_zone import LandingZone


@dataclass(frozen=True)
class BuildPlan:
    mode: str                  # full / incremental / none (the warehouse is up to date: no dbt run)
    reason: str
    documents: list[str] = field(default_factory=list)    # incremental: the documents to (re)compute


def plan_build(warehouse: Path, zone: LandingZone, fingerprint: str, full_refresh: bool = False,
               settings: str | None = None) -> BuildPlan:
    """`settings`: the build's dbt vars and arguments; a build with nothing new to build and the
    settings of the last one (a gate on warn is not a gate on error) has nothing to do."""
    if full_refresh:
        return BuildPlan("full", "--full-refresh asked for")
    if not warehouse.exists():
        return BuildPlan("full", "no warehouse yet")
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            last_build = con.execute("select fingerprint from build_state.last_build").fetchone()
            built = dict(con.execute("select document_id, parser_version from build_state.built_documents").fetchall())
    except duckdb.CatalogException:
        last_build = None
    except duckdb.Error as failure:
        # held by a writer, damaged, or not a DuckDB file: said so, never taken for an old build
        first = str(failure).splitlines()[0]
        return BuildPlan("full", f"the warehouse could not be read ({first}): built anew beside it")
    if last_build is None:
        return BuildPlan("full", "the warehouse has no build log (built by an older version)")
    if last_build[0] != fingerprint:
        return BuildPlan("full", "the project (models, tests, reference seeds) or landing zone changed")
    landed = zone.document_versions()
    gone = set(built) - set(landed)
    if gone:
        return BuildPlan("full", f"{len(gone)} built documents are no longer landed")
    to_build = sorted(document for document, version in landed.items() if built.get(document) != version)
    if not to_build and settings is not None and settings == _last_settings(warehouse):
        return BuildPlan("none", f"the warehouse is up to date: {len(built)} documents built, nothing new landed, "
                                 "the project and the build's settings unchanged; no dbt run")
    return BuildPlan("incremental", f"{len(built)} documents already built, {len(to_build)} to build", to_build)


def _last_settings(warehouse: Path) -> str | None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        try:
            return con.execute("select settings from build_state.last_build").fetchone()[0]
        except duckdb.BinderException:          # a warehouse built before settings were recorded
            return None


def write_plan(database: Path, plan: BuildPlan, fingerprint: str) -> None:
    with duckdb.connect(str(database)) as con:
        con.execute("create schema if not exists build_state")
        con.execute("create or replace table build_state.build_plan as select ? as mode, ? as reason, "
                    "? as fingerprint", [plan.mode, plan.reason, fingerprint])
        con.execute("create or replace table build_state.documents_to_build (document_id varchar)")
        if plan.documents:       # one statement: executemany inserts row by row (7 s for 10,000)
            con.execute("insert into build_state.documents_to_build select unnest(?)", [list(plan.documents)])


def record_build(database: Path, plan: BuildPlan, fingerprint: str, zone: LandingZone, settings: str = "") -> None:
    """After a build passed: what the warehouse now holds, built with which settings, and no plan."""
    with duckdb.connect(str(database)) as con:
        con.execute("create or replace table build_state.last_build as select ? as fingerprint, ? as build_mode, "
                    "current_timestamp as built_at, ? as settings", [fingerprint, plan.mode, settings])
        con.execute("create or replace table build_state.built_documents "
                    "(document_id varchar, parser_version varchar, built_at timestamp with time zone)")
        landed = sorted(zone.document_versions().items())
        if landed:           # one statement: executemany inserts row by row (7 s for 10,000)
            con.execute("insert into build_state.built_documents select unnest(?), unnest(?), current_timestamp",
                        [[document for document, _ in landed], [version for _, version in landed]])
    clear_plan(database)


def clear_plan(database: Path) -> None:
    """No stale to-do list in a warehouse that passed."""
    with duckdb.connect(str(database)) as con:
        con.execute("delete from build_state.build_plan")
        con.execute("delete from build_state.documents_to_build")
