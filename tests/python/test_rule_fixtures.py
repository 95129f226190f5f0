"""Every reconciliation rule passes on a positive fixture and fails on its negative one.

All fixture documents (synthetic/discrepancies.py) are landed together into one warehouse,
built through the real ingest and dbt with the gate turned into warnings
(findings_gate_severity: warn), as a bulk exploratory load would be.
"""
import csv

import duckdb
import pytest

from conftest import PROJECT_DIR, copy_project, land
from ingest.parse import parse_document
from ingest.source import read_text_document
from ingest.warehouse import run_dbt
from synthetic.discrepancies import (NEGATIVE_FIXTURES, POSITIVE_ACROSS, POSITIVE_BASES, fixture_documents,
                                     lacks_forms)

CATALOGUE = PROJECT_DIR / "seeds" / "reference" / "rule_catalogue.csv"


@pytest.fixture(scope="module")
def fixture_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("rule_fixtures")
    documents = []
    for name, lines in fixture_documents().items():
        path = root / name
        path.write_text("\n".join(lines), encoding="utf-8")
        documents.append(parse_document(read_text_document(path)))
    project = copy_project(root / "project")
    land(documents, project / "seeds" / "landing")
    warehouse = root / "fixtures.duckdb"
    result = run_dbt(["build", "--vars", "{findings_gate_severity: warn}", "--target-path", str(project / "target")],
                     project, warehouse, capture=True)
    return result, warehouse


@pytest.fixture(scope="module")
def outcomes(fixture_build):
    """(file name, rule_id) -> set of outcomes."""
    _, warehouse = fixture_build
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        rows = connection.execute(
            "select documents.source_file, results.rule_id, results.outcome "
            "from audit.fct_reconciliation_results as results "
            "join marts.dim_document as documents using (document_id)").fetchall()
    found: dict[tuple[str, str], set[str]] = {}
    for source_file, rule_id, outcome in rows:
        found.setdefault((source_file, rule_id), set()).add(outcome)
    return found


def _failing_rules(outcomes, source_file):
    return {rule for (name, rule), seen in outcomes.items() if name == source_file and "fail" in seen}


def test_the_warn_var_lets_a_bulk_load_with_findings_build(fixture_build):
    result, _ = fixture_build
    assert result.returncode == 0, result.stdout[-3000:]
    assert "configured to warn" in result.stdout


def test_every_catalogue_rule_has_a_negative_fixture():
    with CATALOGUE.open(encoding="utf-8") as handle:
        rules = {row["rule_id"] for row in csv.DictReader(handle)}
    assert {fixture.rule_id for fixture in NEGATIVE_FIXTURES} == rules


def test_positive_fixtures_pass_every_rule(outcomes):
    positives = ("positive_repaired.txt", "positive_funds.txt", f"positive_{POSITIVE_ACROSS.rule_id}.txt")
    # the funds fixture prints only 07 and 08: the seven forms it lacks are findings, as in a real document
    assert all(_failing_rules(outcomes, f"positive_{name}.txt") == ({"structure_forms_present"} if lacks_forms(base) else set())
               for name, base in POSITIVE_BASES.items())
    with CATALOGUE.open(encoding="utf-8") as handle:
        rules = {row["rule_id"] for row in csv.DictReader(handle)}
    assert _failing_rules(outcomes, positives[-1]) == set()
    passed = {rule for (name, rule), seen in outcomes.items() if name in positives and "pass" in seen}
    assert passed == rules


def test_companions_are_consistent_documents(outcomes):
    """The budgets and previous years landed beside the fixtures across documents fail no rule of
    their own: a fixture's finding is its rule's alone."""
    companions = {name for name, _ in outcomes if name.startswith("companion_")}
    assert len(companions) == 4
    assert {name: _failing_rules(outcomes, name) for name in companions} == dict.fromkeys(companions, set())


@pytest.mark.parametrize("fixture", NEGATIVE_FIXTURES, ids=lambda fixture: fixture.rule_id)
def test_negative_fixture_fails_exactly_its_rule(outcomes, fixture):
    assert _failing_rules(outcomes, f"negative_{fixture.rule_id}.txt") == fixture.expected_failures
    if len(fixture.fails) > 1:     # (a base lacking forms explains its structure finding: lacks_forms)
        assert fixture.why, "a fixture that cannot isolate its rule says why"


def test_a_document_without_a_form_is_insufficient_data_not_a_pass(outcomes):
    seen = outcomes[("negative_identity_form01_expenditure_lines.txt", "cross_form01_classes_vs_form03")]
    assert seen == {"insufficient_data"}
    assert outcomes[("positive_funds.txt", "hierarchy_form03")] == {"insufficient_data"}
