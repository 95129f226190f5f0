"""The dbt project on Apache Spark (profiles.yml target `spark`, PySpark in this process) gives
the rows it gives on DuckDB. So far: every seed (the reference seeds and the bundled sample's
landing seeds) and every staging model, compared row for row as multisets. The intermediate
models and the marts do not run on Spark yet (README "Running on Spark").

Run by `make test-spark`, which installs Java and PySpark; not part of `make test`.
"""
from __future__ import annotations

import os
import subprocess
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
from ingest.parse import parse_document  # noqa: E402
from ingest.warehouse import dbt_executable  # noqa: E402

SEEDS_AND_STAGING = ["--select", "resource_type:seed", "staging", "--exclude", "resource_type:test"]


def _dbt_args(project: Path, *args: str) -> list[str]:
    return ["build", *args, *SEEDS_AND_STAGING, "--project-dir", str(project), "--profiles-dir", str(project),
            "--target-path", str(project / "target")]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The sample's seeds and staging built on DuckDB and on Spark; (duckdb connection, spark session)."""
    project = copy_project(tmp_path_factory.mktemp("spark") / "project")
    land([parse_document(read_document(path)) for path in documents_under([BUNDLED_SAMPLE])],
         project / "seeds" / "landing")
    os.environ["FISCAL_WAREHOUSE_PATH"] = str(project / "warehouse.duckdb")
    os.environ["FISCAL_SPARK_WAREHOUSE"] = str(project / "spark")
    # DuckDB in a process of its own (dbt-duckdb would keep the file open here); Spark in this one,
    # whose session then answers the comparison's queries
    subprocess.run([dbt_executable(), *_dbt_args(project)], check=True, capture_output=True)
    result = dbtRunner().invoke(_dbt_args(project, "--target", "spark"))
    assert result.success, result.exception
    from pyspark.sql import SparkSession
    with duckdb.connect(str(project / "warehouse.duckdb"), read_only=True) as con:
        yield con, SparkSession.builder.getOrCreate()      # the session dbt-spark started


def _relations(con) -> list[tuple[str, str]]:
    return con.execute("select schema_name, table_name from duckdb_tables() where schema_name in "
                       "('reference', 'landing') union all select schema_name, view_name from duckdb_views() "
                       "where schema_name = 'staging' and not internal order by 1, 2").fetchall()


def _plain(value):
    """A value as both engines' Python clients can be compared: decimals by value (DuckDB and
    Spark print different scales)."""
    return value.normalize() if isinstance(value, Decimal) else value


def test_every_seed_and_staging_model_has_the_same_rows_on_spark(built):
    con, spark = built
    relations = _relations(con)
    compared = Counter()
    for schema, name in relations:
        columns = [column for (column,) in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? order by column_index",
            [schema, name]).fetchall()]
        on_duckdb = Counter(tuple(map(_plain, row)) for row in con.execute(
            f'select {", ".join(columns)} from {schema}."{name}"').fetchall())
        on_spark = Counter(tuple(map(_plain, row)) for row in spark.sql(
            f'select {", ".join(f"`{column}`" for column in columns)} from {schema}.{name}').collect())
        assert on_spark == on_duckdb, (schema, name)
        compared[schema] += sum(on_duckdb.values())
    # every reference seed, landing seed and staging view, and the sample's rows in them
    assert Counter(schema for schema, _ in relations) == {"reference": 10, "landing": 18, "staging": 20}
    assert compared == {"reference": 329, "landing": 1257, "staging": 1257}
