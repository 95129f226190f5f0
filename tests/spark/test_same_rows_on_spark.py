"""The dbt project on Apache Spark (profiles.yml target `spark`, PySpark in this process) gives
the rows it gives on DuckDB, and passes the same tests: `dbt build` (every seed, model, data test and
unit test) from the bundled sample (landed as seeds) and from 100 synthetic disclosures (landed as
Parquet, read in place by both engines; Spark builds them incrementally over the sample's tables,
every tenth as a planned incremental build), every relation compared row for row as multisets
(README "Running on Spark").

Run by `make test-spark`, which installs Java and PySpark; not part of `make test`.
"""
from __future__ import annotations

import json
import os
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from dbt.cli.main import dbtRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "python"))
from conftest import BUNDLED_SAMPLE, copy_project, land  # noqa: E402

from ingest.corpus import documents_under, read_document  # noqa: E402
from ingest.landing_zone import landing_zone  # noqa: E402
from ingest.parse import parse_document  # noqa: E402
from ingest.warehouse import run_dbt  # noqa: E402
from synthetic.generator import landing_records, plan_corpus  # noqa: E402

# a build before the last of a corpus leaves the tests out: the last runs them all
WITHOUT_TESTS = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]


def _sample_steps(project: Path) -> list:
    """The bundled sample, landed as seeds (loaded into both engines by dbt seed): one build."""
    def land_all():
        land([parse_document(read_document(path)) for path in documents_under([BUNDLED_SAMPLE])],
             project / "seeds" / "landing")
        return {}, None
    return [land_all]


# the synthetic corpus's injected discrepancies are not in the register: the gate warns
SYNTHETIC_VARS = {"findings_gate_severity": "warn"}


def _synthetic_steps(project: Path) -> list:
    """100 synthetic disclosures (34 departments over 3 years), a tenth with an injected
    discrepancy, so the findings are not empty; landed as Parquet, which both engines read in
    place (macros/landing_table.sql). Spark builds them in two steps: 90 (on the tables the sample
    left, so every document is rebuilt), then every tenth as an incremental build with a plan
    naming them, which rebuilds their departments' documents (10 departments) and keeps the rest."""
    documents = plan_corpus(100, discrepancy_rate=0.1)
    zone = landing_zone("parquet", project / "landing")

    def land_first_90():
        zone.land(landing_records(document) for number, document in enumerate(documents) if number % 10 != 9)
        return {**zone.dbt_vars(), **SYNTHETIC_VARS}, None

    def land_every_tenth():
        before = set(zone.landed_documents())
        zone.land(landing_records(document) for number, document in enumerate(documents) if number % 10 == 9)
        return {**zone.dbt_vars(), **SYNTHETIC_VARS}, sorted(set(zone.landed_documents()) - before)
    return [land_first_90, land_every_tenth]


# corpus: its landing steps, each landing some documents and returning (dbt vars, the documents
# an incremental build plans, or None); Spark builds after each step, DuckDB after the last
CORPORA = {"sample": _sample_steps, "synthetic": _synthetic_steps}
# the documents Spark's planned incremental build (re)computed: the 10 planned and the 18 other
# documents of their departments (built before: their old rows go), out of 100
PLANNED_BUILD_DOCUMENTS = {"synthetic": 28}
# the build's own plan, which differs by how each engine built the corpus; counted, not compared
PLAN = "intermediate.int_documents__to_build"


def _build_on_spark(project: Path, build_args: list[str], planned: list[str] | None) -> int | None:
    """One Spark `dbt build`, incremental where its tables exist (the engine's
    delete_documents_to_rebuild); with `planned`, the plan of an incremental build of those
    documents, as `fiscal build` writes it (ingest/build_plan.py). Returns how many documents a
    planned build (re)computed."""
    from pyspark.sql import SparkSession
    if planned:
        spark = SparkSession.builder.getOrCreate()       # the session the build before started
        spark.sql("insert into build_state.build_plan values ('incremental', 'tests/spark', '')")
        spark.sql("insert into build_state.documents_to_build values " + ", ".join(f"('{d}')" for d in planned))
    result = dbtRunner().invoke(["build", "--target", "spark", *build_args, "--project-dir", str(project),
                                 "--profiles-dir", str(project), "--target-path", str(project / "target")])
    assert result.success, result.exception
    if not planned:
        return None
    spark = SparkSession.builder.getOrCreate()
    rebuilt = spark.sql("select count(*) from intermediate.int_documents__to_build").collect()[0][0]
    spark.sql("truncate table build_state.build_plan")
    spark.sql("truncate table build_state.documents_to_build")
    return rebuilt


@pytest.fixture(scope="module", params=sorted(CORPORA))
def built(request, tmp_path_factory):
    """The corpus built on Spark (step by step) and on DuckDB (at once):
    (corpus, duckdb connection, spark session, documents the planned Spark build recomputed)."""
    project = copy_project(tmp_path_factory.mktemp("spark") / "project")
    # the first corpus's session and warehouse directory serve both (a Spark session's warehouse
    # is fixed when it starts): the second corpus's first build is an incremental one over the
    # first's tables, for every landed document
    os.environ.setdefault("FISCAL_SPARK_WAREHOUSE", str(project / "spark"))
    steps = CORPORA[request.param](project)
    planned_build = None
    for number, land_step in enumerate(steps, start=1):
        dbt_vars, planned = land_step()
        with_tests = [] if number == len(steps) else WITHOUT_TESTS
        rebuilt = _build_on_spark(project, ["--vars", json.dumps(dbt_vars), *with_tests], planned)
        planned_build = rebuilt if rebuilt is not None else planned_build
    # DuckDB in a process of its own (dbt-duckdb would keep the file open here), from empty
    on_duckdb = run_dbt(["build", "--vars", json.dumps(dbt_vars)], project, project / "warehouse.duckdb",
                        capture=True)
    assert on_duckdb.returncode == 0, on_duckdb.stdout
    from pyspark.sql import SparkSession
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as con:
        yield request.param, con, SparkSession.builder.getOrCreate(), planned_build


def _relations(con) -> list[tuple[str, str]]:
    """Every relation the build made (the build plan's own tables, made by on-run-start, aside)."""
    return con.execute("select schema_name, table_name from duckdb_tables() where schema_name <> 'build_state' "
                       "union all select schema_name, view_name from duckdb_views() where not internal "
                       "order by 1, 2").fetchall()


def _plain(value):
    """A value as both engines' Python clients can be compared: decimals by value (DuckDB and
    Spark print different scales)."""
    return value.normalize() if isinstance(value, Decimal) else value


# rows compared per schema (the time spine's 18,628 days among the marts')
ROWS = {
    "sample": {"reference": 329, "landing": 1257, "staging": 1257, "intermediate": 6930, "marts": 20897,
               "audit": 2748},
    "synthetic": {"reference": 329, "staging": 68500, "intermediate": 310442, "marts": 109981, "audit": 119323},
}
# findings among them: equal on both engines, so the rules fail alike (the sample's are its misprints
# and the register's; the synthetic corpus's its injected discrepancies, 12 rules in 15 documents)
FINDINGS = {"sample": 25, "synthetic": 20}


def test_every_model_has_the_same_rows_on_spark(built):
    corpus, con, spark, planned_build = built
    relations = _relations(con)
    compared, different = Counter(), {}
    for schema, name in relations:
        columns = [column for (column,) in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? order by column_index",
            [schema, name]).fetchall()]
        on_duckdb = Counter(tuple(map(_plain, row)) for row in con.execute(
            f'select {", ".join(columns)} from {schema}."{name}"').fetchall())
        on_spark = Counter(tuple(map(_plain, row)) for row in spark.sql(
            f'select {", ".join(f"`{column}`" for column in columns)} from {schema}.{name}').collect())
        if on_spark != on_duckdb and f"{schema}.{name}" != PLAN:
            different[f"{schema}.{name}"] = {"only on DuckDB": list((on_duckdb - on_spark).elements())[:3],
                                             "only on Spark": list((on_spark - on_duckdb).elements())[:3]}
        compared[schema] += sum(on_duckdb.values())
    assert not different, "\n".join(f"{relation}: {rows}" for relation, rows in different.items())
    # every seed and model, and the corpus's rows in them (a Parquet landing is read in place: no
    # landing relations)
    assert Counter(schema for schema, _ in relations) == {
        "reference": 10, "staging": 20, "intermediate": 30, "marts": 23, "audit": 5,
        **({"landing": 18} if "landing" in ROWS[corpus] else {})}
    assert compared == ROWS[corpus]
    assert con.execute("select count(*) from audit.fct_findings").fetchone()[0] == FINDINGS[corpus]
    # the planned build on Spark rebuilt the planned documents' departments, not every document
    assert planned_build == PLANNED_BUILD_DOCUMENTS.get(corpus)
