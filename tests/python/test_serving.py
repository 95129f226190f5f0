"""What BI tools open (issue 18): the serving copy, in a storage format DuckDB 1.x clients read,
opened by a real DuckDB 1.4 client from a separate venv, every mart with its comments; and every
mart as Parquet."""
from __future__ import annotations

import fcntl
import json
import subprocess
import venv

import duckdb
import pytest

from ingest.marts import MARTS
from ingest.paths import PROJECT_DIR
from ingest.serving import exports_folder, prepare_serving, serving_copy_path, swap_in

# a client as BI tools bundle one: DuckDB 1.4, which refuses the warehouse's 2.0 storage format
CLIENT = PROJECT_DIR / ".venv" / "clients" / "duckdb-1.4"
CLIENT_PYTHON = CLIENT / "bin" / "python"

_READ_EVERY_MART = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
tables = con.execute("select schema_name, table_name, comment from duckdb_tables() order by 1, 2").fetchall()
out = {"version": duckdb.__version__, "tables": {}}
for schema, table, comment in tables:
    rows = con.execute(f'select count(*) from {schema}."{table}"').fetchone()[0]
    columns = con.execute("select count(*), count(comment) from duckdb_columns() where schema_name = ? "
                          "and table_name = ?", [schema, table]).fetchone()
    out["tables"][f"{schema}.{table}"] = [rows, comment is not None, *columns]
print(json.dumps(out))
"""


@pytest.fixture(scope="session")
def duckdb_1_4_client():
    """A venv with DuckDB 1.4 from PyPI, made once (`make clean` removes it with .venv)."""
    CLIENT.parent.mkdir(parents=True, exist_ok=True)
    with (CLIENT.parent / "duckdb-1.4.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not CLIENT_PYTHON.exists():
            venv.create(CLIENT, with_pip=True)
            subprocess.run([str(CLIENT_PYTHON), "-m", "pip", "install", "--quiet", "duckdb>=1.4,<1.5"], check=True)
    return CLIENT_PYTHON


def test_a_duckdb_1_4_client_reads_every_mart_with_its_comments(tmp_path, sample_warehouse, duckdb_1_4_client):
    warehouse = tmp_path / "fiscal.duckdb"
    swap_in(prepare_serving(sample_warehouse, warehouse))
    serving = serving_copy_path(warehouse)
    # the warehouse itself is refused by that client: why the serving copy exists
    refused = subprocess.run([str(duckdb_1_4_client), "-c", "import duckdb, sys; duckdb.connect(sys.argv[1], "
                              "read_only=True)", str(sample_warehouse)], capture_output=True, text=True)
    assert refused.returncode != 0 and "version" in refused.stderr.lower()
    result = subprocess.run([str(duckdb_1_4_client), "-c", _READ_EVERY_MART, str(serving)],
                            capture_output=True, text=True, check=True)
    read = json.loads(result.stdout)
    assert read["version"].startswith("1.4.")
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        expected = {mart.relation: con.execute(f"select count(*) from {mart.relation}").fetchone()[0] for mart in MARTS}
    assert {table: values[0] for table, values in read["tables"].items()} == expected
    assert all(has_comment and columns == with_comments and columns > 0
               for _, has_comment, columns, with_comments in read["tables"].values())
    # and every mart as Parquet, with the same rows
    folder = exports_folder(warehouse)
    with duckdb.connect() as con:
        assert {mart.relation: con.execute(f"select count(*) from '{folder / mart.name}.parquet'").fetchone()[0]
                for mart in MARTS} == expected


def test_metricflow_totals_per_fund_scope_are_the_printed_totals(tmp_path, sample_warehouse):
    """The semantic layer (models/marts/semantic/): a MetricFlow query of the two spending metrics
    per document gives each document's printed 合计 of 03 and 05, or differs by what the rules
    found. Each metric is fixed to one fund scope, so no query adds the two."""
    import csv
    import os
    import shutil
    from decimal import Decimal

    from conftest import PUTUO_ID, SAMPLE_ID

    project = sample_warehouse.parent            # its build wrote target/semantic_manifest.json
    # mf opens the file to write: a copy, under the same name (the manifest names its catalog)
    warehouse = tmp_path / sample_warehouse.name
    shutil.copy(sample_warehouse, warehouse)
    out = tmp_path / "totals.csv"
    env = {**os.environ, "FISCAL_WAREHOUSE_PATH": str(warehouse), "DBT_PROFILES_DIR": str(project)}
    mf = PROJECT_DIR / ".venv" / "bin" / "mf"
    result = subprocess.run([str(mf), "query", "--metrics", "spending_all_funds,spending_general_public_budget",
                             "--group-by", "document", "--csv", str(out)], cwd=project, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    with out.open(encoding="utf-8") as handle:
        totals = {row["document"]: (Decimal(row["spending_all_funds"]), Decimal(row["spending_general_public_budget"]))
                  for row in csv.DictReader(handle)}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        printed = {document: (all_funds, general) for document, all_funds, general in con.execute(
            "select document_id, expenditure_total_yuan, general_budget_expenditure_yuan "
            "from marts.mart_document_summary").fetchall()}
    assert totals.keys() == printed.keys() and len(totals) == 4
    for document in set(totals) - {PUTUO_ID, SAMPLE_ID}:
        assert totals[document] == printed[document]                        # 西南大学 2023, both kinds
    # Putuo's leaves add up to one print unit (0.01 万元) over its 合计 2,940.05: within tolerance
    assert totals[PUTUO_ID][0] - printed[PUTUO_ID][0] == Decimal("100")
    # Wuchang's 05 leaves fall short of its 合计 959.84 by its two registered findings: the 224 类
    # it omits (0.36) and 22102's 9.02 over items of 6.66 (2.36)
    assert totals[SAMPLE_ID][0] == printed[SAMPLE_ID][0]
    assert printed[SAMPLE_ID][1] - totals[SAMPLE_ID][1] == Decimal("27200")
