"""The end-of-run summary: documents, rows per mart, findings, and where the warehouse is."""
from __future__ import annotations

from pathlib import Path

import duckdb

from .errors import printed_at
from .marts import MARTS

_KIND_HEADINGS = {"final_accounts": "Final accounts (决算)", "department_budget": "Department budgets (部门预算)",
                  "unit_budget": "Unit budgets (单位预算)", None: "Kind not known"}


def summarise(warehouse: Path) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        lines = [f"Warehouse: {warehouse.resolve()}"]
        issues: dict[str, list[tuple[str | None, str]]] = {}     # document -> (form, where and why)
        for document_id, form, page, line, reason in con.execute(
                "select document_id, form, source_page, source_line, reason from audit.fct_parse_issues "
                "order by document_id, issue_no").fetchall():
            issues.setdefault(document_id, []).append((form, printed_at(page, line, reason)))
        documents = con.execute(
            "select summary.document_kind, summary.document_id, documents.source_file, summary.status, "
            "summary.department_name, summary.fiscal_year, summary.forms_found, summary.checks_run, summary.findings, "
            "summary.unregistered_findings from marts.mart_document_summary as summary "
            "join marts.dim_document as documents using (document_id) "
            "order by summary.document_kind, summary.department_name, summary.fiscal_year, documents.source_file"
        ).fetchall()
        per_kind = {kind: sum(1 for row in documents if row[0] == kind) for kind in dict.fromkeys(r[0] for r in documents)}
        lines.append("Documents by kind: " + ", ".join(f"{_KIND_HEADINGS.get(kind, kind)} {count}"
                                                      for kind, count in per_kind.items()))
        current_kind = object()
        for kind, document_id, source_file, status, department, year, forms, checks, findings, unregistered \
                in documents:
            if kind != current_kind:
                lines.append(f"{_KIND_HEADINGS.get(kind, kind)}:")
                current_kind = kind
            name = f"{department or source_file} {year or ''}".rstrip()
            if status == "failed":
                text = "not read: " + "; ".join(why for _, why in issues.get(document_id, []))
            elif status == "template":
                text = "a blank template, no rows"
            else:
                printed = f"forms {forms}" if forms else "its text only, no form"
                text = f"{printed}; {checks} checks, {findings} findings ({unregistered} unregistered)"
            lines.append(f"  {status:<8} {document_id}: {name}, {text}")
            if status == "partial":
                lines.extend(f"           form {form} not read ({why})" for form, why in issues.get(document_id, []))
        lines.append("Rows per mart:")
        for mart in MARTS:
            count = con.execute(f"select count(*) from {mart.relation}").fetchone()[0]
            lines.append(f"  {mart.name:<42} {count:>7}")
        outcomes = dict(con.execute(
            "select outcome, count(*) from audit.fct_reconciliation_results group by outcome").fetchall())
        fails = outcomes.get("fail", 0)
        registered = con.execute("select count(*) from audit.fct_findings where is_registered").fetchone()[0]
        lines.append(f"Reconciliation: {sum(outcomes.values())} results: {outcomes.get('pass', 0)} pass, "
                     f"{fails} fail ({registered} registered with a reason, {fails - registered} unregistered), "
                     f"{outcomes.get('not_applicable', 0)} not applicable, "
                     f"{outcomes.get('insufficient_data', 0)} insufficient data, "
                     f"{outcomes.get('parse_error', 0)} parse error")
    return "\n".join(lines)
