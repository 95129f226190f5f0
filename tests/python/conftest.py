"""Fixtures: the bundled document, and isolated copies of the dbt project built on it.

A project copy holds its own landing and warehouse under tmp, so tests never touch the
user's seeds/landing or warehouse/.
"""
from __future__ import annotations

import fcntl
import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from ingest.corpus import documents_under, read_document
from ingest.landing_records import document_records
from ingest.landing_zone import landing_zone
from ingest.parse import parse_document
from ingest.paths import BUNDLED_SAMPLE
from ingest.pdf.reader import read_pdf_document
from ingest.source import SourceDocument, SourceLine, document_id_for, read_text_document
from ingest.warehouse import build_warehouse

PROJECT_DIR = Path(__file__).resolve().parents[2]


def land(parsed_documents, directory: Path) -> None:
    """Land parsed documents in a seeds landing zone, as `fiscal ingest` does."""
    landing_zone("seeds", directory).land(document_records(parsed) for parsed in parsed_documents)


SAMPLE = PROJECT_DIR / "data" / "documents" / "wuchang-shidong-2023-final-accounts.txt"
SAMPLE_ID = "dff0978169a0434c"
PUTUO_PDF = PROJECT_DIR / "data" / "documents" / "shanghai-putuo-finance-bureau-2024-final-accounts.pdf"
PUTUO_ID = "d45e923176f9fe4b"
TEMPLATE_PDF = PROJECT_DIR / "tests" / "fixtures" / "pdf" / "shanghai-2024-final-accounts-template.pdf"
SWU_PDF = PROJECT_DIR / "data" / "documents" / "chongqing-southwest-university-2023-final-accounts.pdf"
SWU_ID = "86287b24a9397e33"
_PROJECT_FILES = ["dbt_project.yml", "profiles.yml", ".dbtignore", "models", "macros", "tests/generic",
                  "tests/audit", "seeds/reference", "seeds/landing.yml"]


@pytest.fixture(scope="session")
def sample_lines() -> list[str]:
    return SAMPLE.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="session")
def parsed_sample():
    return parse_document(read_text_document(SAMPLE))


@pytest.fixture(scope="session")
def putuo_source() -> SourceDocument:
    """The Putuo PDF as the parsers read it: the real pages that edited copies start from."""
    return read_pdf_document(PUTUO_PDF)


def edited(source: SourceDocument, name: str, edits: dict[str | int, str | list[str] | None]) -> SourceDocument:
    """A copy of a real document with printed lines changed: each key is a line's exact text
    (it must occur once) or its number; its value the new text, several lines in its place, or
    None to drop it. The copy has its own document_id (the hash of its lines) and keeps each
    line's page."""
    lines: list[list[SourceLine]] = [[line] for line in source.lines]
    for old, new in edits.items():
        hits = [old - 1] if isinstance(old, int) else [i for i, (line, *_) in enumerate(lines) if line.text == old]
        assert len(hits) == 1, (old, hits)
        page = lines[hits[0]][0].page
        texts = [] if new is None else [new] if isinstance(new, str) else new
        lines[hits[0]] = [SourceLine(0, text, page) for text in texts]
    kept = [SourceLine(number, line.text, line.page)
            for number, line in enumerate((line for group in lines for line in group), start=1)]
    document_id, digest = document_id_for("\n".join(line.text for line in kept).encode("utf-8"))
    return replace(source, path=Path(name), document_id=document_id, sha256=digest, lines=kept,
                   page_foot_lines=frozenset(), layout_problems={})


def copy_project(destination: Path) -> Path:
    for name in _PROJECT_FILES:
        source, target = PROJECT_DIR / name, destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return destination


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, worker_id) -> Path:
    """The bundled sample (data/documents, three documents) landed and built as `fiscal build`
    builds it: every dbt test, the gate at error. Built once for all test processes (pytest-xdist
    workers share the first one's build; tests only read it or copy it)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    project = shared / "sample-project"
    with (shared / "sample-project.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)           # released when the file closes
        if not (project / "built").exists():
            shutil.rmtree(project, ignore_errors=True)
            copy_project(project)
            landing = project / "seeds" / "landing"
            land([parse_document(read_document(path)) for path in documents_under([BUNDLED_SAMPLE])], landing)
            status = build_warehouse(project, project / "warehouse.duckdb", landing_zone("seeds", landing),
                                     dbt_args=["--target-path", str(project / "target")], capture=True)
            assert status == 0, "the bundled sample does not build: see the captured dbt output"
            (project / "built").touch()
    return project / "warehouse.duckdb"


@pytest.fixture(scope="session")
def query(sample_warehouse):
    """Queries on the Wuchang document (SAMPLE_ID) in the sample warehouse: each mart and audit
    table with a document_id is seen through a view of that document's rows."""
    connection = duckdb.connect()
    connection.execute(f"attach '{sample_warehouse}' as sample (read_only)")
    tables = connection.execute(
        "select schema_name, table_name, bool_or(column_name = 'document_id') from duckdb_columns() "
        "where database_name = 'sample' and schema_name in ('marts', 'audit') group by all").fetchall()
    for schema, table, by_document in tables:
        connection.execute(f"create schema if not exists {schema}")
        scope = f" where document_id = '{SAMPLE_ID}'" if by_document else ""
        connection.execute(f'create view {schema}."{table}" as select * from sample.{schema}."{table}"{scope}')

    def run(sql: str, *params):
        return connection.execute(sql, params).fetchall()

    yield run
    connection.close()


# The modules that build warehouses, longest first: pytest-xdist hands out whole modules
# (--dist loadfile) in collection order, so starting the long ones first keeps one worker from
# being left with a long module at the end while the other idles (measured: --durations).
_LONGEST_FIRST = ["test_refresh.py", "test_corpus_budgets.py", "test_rule_fixtures.py", "test_corpus_warehouse.py",
                  "test_warehouse.py", "test_gate.py"]


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        name = item.path.name
        return _LONGEST_FIRST.index(name) if name in _LONGEST_FIRST else len(_LONGEST_FIRST)
    items.sort(key=rank)          # stable: the order within a module is kept
