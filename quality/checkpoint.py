"""Run the Great Expectations suites against a built warehouse and write Data Docs.

    python -m quality.checkpoint [--warehouse FILE] [--docs DIR]

Exits 0 when every expectation holds, 1 when data fails one, 2 when an expectation could not
run at all (a broken setup, not a data failure: its exception is printed).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import great_expectations as gx
from great_expectations.data_context.types.base import ProgressBarsConfig

from ingest.warehouse import default_warehouse

from .suites import Suite, build_suites

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DOCS = PROJECT_DIR / "target" / "data_docs"


@dataclass
class Outcome:
    suite: str
    expectation: str
    success: bool
    error: str | None       # the exception when the expectation could not be evaluated
    detail: str


def _context(docs_dir: Path):
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    context.add_data_docs_site(site_name="local", site_config={
        "class_name": "SiteBuilder",
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    })
    return context


def _describe(result) -> str:
    kwargs = result.expectation_config.kwargs
    column = kwargs.get("column") or kwargs.get("column_list") or ""
    counts = result.result or {}
    unexpected = counts.get("unexpected_count")
    sample = counts.get("partial_unexpected_list")
    return f"{column} " + (f"unexpected {unexpected}: {sample[:5]}" if unexpected else "")


def run_suite(context, source, suite: Suite, connection) -> list[Outcome]:
    try:
        frame = connection.execute(suite.sql).df()
    except duckdb.Error as failure:
        return [Outcome(suite.name, "query", False, f"{type(failure).__name__}: {failure}", "")]
    batch = source.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("whole")
    expectations = context.suites.add(gx.ExpectationSuite(name=suite.name))
    for expectation in suite.expectations:
        expectations.add_expectation(expectation)
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=expectations))
    checkpoint = context.checkpoints.add(gx.Checkpoint(
        name=suite.name, validation_definitions=[validation],
        actions=[gx.checkpoint.UpdateDataDocsAction(name="data_docs")],
        result_format={"result_format": "SUMMARY"}))
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    outcomes = []
    for run in result.run_results.values():
        for item in run.results:
            info = item.exception_info or {}
            raised = info.get("raised_exception") if isinstance(info, dict) else False
            error = info.get("exception_message") if raised else None
            outcomes.append(Outcome(suite.name, item.expectation_config.type, bool(item.success), error,
                                    _describe(item)))
    return outcomes


def run_checkpoint(warehouse: Path, docs_dir: Path) -> tuple[int, list[Outcome]]:
    docs_dir = docs_dir.resolve()         # GX's filesystem store takes absolute paths only
    docs_dir.mkdir(parents=True, exist_ok=True)
    context = _context(docs_dir)
    source = context.data_sources.add_pandas("warehouse")
    outcomes: list[Outcome] = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for suite in build_suites():
            outcomes.extend(run_suite(context, source, suite, connection))
    if any(outcome.error for outcome in outcomes):
        return 2, outcomes
    return (0 if all(outcome.success for outcome in outcomes) else 1), outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quality.checkpoint", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, default=None,
                        help="DuckDB file (default $FISCAL_WAREHOUSE_PATH or warehouse/fiscal.duckdb)")
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS, help="Data Docs folder (default target/data_docs)")
    args = parser.parse_args(argv)
    warehouse = args.warehouse or default_warehouse()
    if not warehouse.exists():
        print(f"no warehouse at {warehouse}: run `make build` first", file=sys.stderr)
        return 2
    status, outcomes = run_checkpoint(warehouse, args.docs)
    for outcome in outcomes:
        if outcome.error:
            print(f"ERROR {outcome.suite}: {outcome.expectation} could not run: {outcome.error}")
        elif not outcome.success:
            print(f"FAIL  {outcome.suite}: {outcome.expectation} {outcome.detail}")
    passed = sum(o.success for o in outcomes)
    suites = len({outcome.suite for outcome in outcomes})
    print(f"Great Expectations: {suites} suites, {passed} of {len(outcomes)} expectations met; "
          f"Data Docs at {args.docs / 'index.html'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
