"""The dbt project on Apache Spark (profiles.yml target `spark`, PySpark in this process) gives
the rows it gives on DuckDB: the selector `runs_on_spark` (selectors.yml, every seed and model)
built from the bundled sample (landed as seeds) and from 100 synthetic disclosures (landed as
Parquet, read in place by both engines), every relation compared row for row as multisets (README
"Running on Spark").

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

SPARK_SELECTION = ["--selector", "runs_on_spark"]


def _build_args(*args: str) -> list[str]:
    return ["build", *args, *SPARK_SELECTION]


def _land_sample(project: Path) -> dict:
    """The bundled sample, landed as seeds (loaded into both engines by dbt seed)."""
    land([parse_document(read_document(path)) for path in documents_under([BUNDLED_SAMPLE])],
         project / "seeds" / "landing")
    return {}


def _land_synthetic(project: Path) -> dict:
    """100 synthetic disclosures (34 departments over 3 years), a tenth with an injected
    discrepancy, so the findings are not empty; landed as Parquet, which both engines read in
    place (macros/landing_table.sql). Returns the build's dbt vars."""
    zone = landing_zone("parquet", project / "landing")
    zone.land(landing_records(document) for document in plan_corpus(100, discrepancy_rate=0.1))
    return zone.dbt_vars()


CORPORA = {"sample": _land_sample, "synthetic": _land_synthetic}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def built(request, tmp_path_factory):
    """The corpus's selection built on DuckDB and on Spark; (corpus, duckdb connection, spark session)."""
    project = copy_project(tmp_path_factory.mktemp("spark") / "project")
    build_vars = ["--vars", json.dumps(CORPORA[request.param](project))]
    # the first corpus's session and warehouse directory serve both (a Spark session's warehouse
    # is fixed when it starts): --full-refresh rebuilds every table from this corpus's landing
    os.environ.setdefault("FISCAL_SPARK_WAREHOUSE", str(project / "spark"))
    # DuckDB in a process of its own (dbt-duckdb would keep the file open here); Spark in this one,
    # whose session then answers the comparison's queries
    on_duckdb = run_dbt(_build_args(*build_vars), project, project / "warehouse.duckdb", capture=True)
    assert on_duckdb.returncode == 0, on_duckdb.stdout
    result = dbtRunner().invoke([*_build_args("--target", "spark", "--full-refresh", *build_vars),
                                 "--project-dir", str(project), "--profiles-dir", str(project),
                                 "--target-path", str(project / "target")])
    assert result.success, result.exception
    from pyspark.sql import SparkSession
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as con:
        yield request.param, con, SparkSession.builder.getOrCreate()      # the session dbt-spark started


def _relations(con) -> list[tuple[str, str]]:
    """Every relation the selection built (the build plan's own tables, made by on-run-start, aside)."""
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


def test_every_model_that_runs_on_spark_has_the_same_rows_there(built):
    corpus, con, spark = built
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
        if on_spark != on_duckdb:
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
