"""The register gate's failures by rule, read from the warehouse a failed build left behind: the
gate is one dbt test over every rule (tests/generic/no_unregistered_findings.sql), so dbt's own
output counts the findings without naming their rules."""
from __future__ import annotations

from pathlib import Path

import duckdb

REGISTER = "seeds/reference/accepted_findings.csv"


def unregistered_by_rule(database: Path) -> list[tuple[str, int, str]]:
    """(rule_id, findings, the first finding's result_id) for each rule with unregistered
    findings; none when the build stopped before fct_findings or the file cannot be read."""
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            return con.execute("select rule_id, count(*), min(result_id) from audit.fct_findings "
                               "where not is_registered group by rule_id order by rule_id").fetchall()
    except duckdb.Error:
        return []


def gate_message(database: Path) -> str | None:
    rules = unregistered_by_rule(database)
    if not rules:
        return None
    listed = "\n".join(f"  {rule_id}: {count} (first: {first})" for rule_id, count, first in rules)
    return (f"unregistered findings, by rule:\n{listed}\n"
            f"Review each: register it in {REGISTER} with the reason it is accepted, fix the parse, or "
            "build with --gate warn to load anyway.")
