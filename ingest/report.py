"""`fiscal report`: a static HTML site of the warehouse, for people who would rather look than query.

One page per disclosure (its latest version): spending by 类 (all funds) and basic expenditure by
economic class as bar charts, budget against actual where both are landed, the year before, and
the findings with their form, page and line, each linking to its rule. An index lists the
disclosures, rules.html the rules. Everything is inline (CSS and SVG, no script, no CDN), so the
folder opens offline; it is replaced whole (ingest/atomic_dir.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path

import duckdb

from .atomic_dir import replacing

_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; margin: 2rem; color: #222; max-width: 70rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; font-size: 0.9rem; } td, th { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
td.n { text-align: right; font-variant-numeric: tabular-nums; } .muted { color: #777; }
.chart text { font-size: 12px; } .chart rect.bar { fill: #3b6ea5; }
"""
_WAN = Decimal(10_000)


@dataclass(frozen=True)
class Disclosure:
    document_id: str
    department_id: str | None
    department_name: str
    fiscal_year: int
    document_kind: str
    source_file: str
    version_no: int
    version_count: int

    @property
    def page(self) -> str:
        return f"{self.document_id}.html"


def _wan(yuan: Decimal | None) -> str:
    return "" if yuan is None else f"{yuan / _WAN:,.2f}"


def _page(title: str, body: str) -> str:
    return (f'<!doctype html>\n<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{_STYLE}</style></head><body>\n{body}\n</body></html>\n")


def bar_chart(chart_id: str, title: str, rows: list[tuple[str, Decimal]]) -> str:
    """A horizontal bar chart as inline SVG: one bar per (label, yuan), labelled in 万元; a blank
    amount is no bar."""
    rows = [(label, value) for label, value in rows if value is not None]
    if not rows:
        return f'<p class="muted" id="{chart_id}">{escape(title)}: not printed in this document.</p>'
    top = max(value for _, value in rows) or Decimal(1)
    height, label_width, bar_width = 22, 260, 420
    bars = []
    for index, (label, value) in enumerate(rows):
        y = index * height
        width = float(value / top) * bar_width if value > 0 else 0
        bars.append(f'<text x="0" y="{y + 15}">{escape(label)}</text>'
                    f'<rect class="bar" x="{label_width}" y="{y + 3}" width="{width:.1f}" height="{height - 6}">'
                    f"<title>{escape(label)}: {_wan(value)} 万元</title></rect>"
                    f'<text x="{label_width + width + 6:.1f}" y="{y + 15}">{_wan(value)}</text>')
    total_height = len(rows) * height
    return (f'<figure><figcaption>{escape(title)} (万元)</figcaption>'
            f'<svg class="chart" id="{chart_id}" role="img" width="{label_width + bar_width + 120}" '
            f'height="{total_height}" viewBox="0 0 {label_width + bar_width + 120} {total_height}">'
            + "".join(bars) + "</svg></figure>")


def _table(table_id: str, headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    body = "".join("<tr>" + "".join(f'<td class="n">{cell}</td>' if index in numeric else f"<td>{cell}</td>"
                                    for index, cell in enumerate(row)) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _disclosures(con) -> list[Disclosure]:
    return [Disclosure(*row) for row in con.execute(
        "select document_id, department_id, department_name, fiscal_year, document_kind, source_file, version_no, "
        "version_count from marts.dim_document where is_latest_version order by department_name, fiscal_year, "
        "document_kind").fetchall()]


def _pages_of_lines(con) -> dict[tuple[str, int], int]:
    """(document, line) -> page of the findings' lines, from every mart row that carries both
    (only those lines: the facts of a large warehouse hold millions)."""
    tables = con.execute("select distinct schema_name, table_name from duckdb_columns() "
                         "where schema_name in ('marts', 'audit') and column_name = 'source_page' "
                         "and (schema_name, table_name) in (select schema_name, table_name from duckdb_columns() "
                         "where column_name = 'source_line')").fetchall()
    found: dict[tuple[str, int], int] = {}
    for schema, table in tables:
        for document, line, page in con.execute(
                f"select distinct document_id, source_line, source_page from {schema}.{table} "
                "where source_page is not null and (document_id, source_line) in "
                "(select document_id, source_line from audit.fct_findings)").fetchall():
            found[(document, line)] = page
    return found


def _disclosure_page(con, disclosure: Disclosure, pages: dict[tuple[str, int], int]) -> str:
    document = disclosure.document_id
    by_class = con.execute(
        "select coalesce(class_name, class_code, '(no 类)'), sum(total_amount_yuan) from marts.mart_spending_by_function "
        "where document_id = ? and fund_scope = 'all_funds' group by 1 order by 2 desc", [document]).fetchall()
    by_economic = con.execute(
        "select coalesce(class_name, class_code, '(no 类)'), sum(amount_yuan) from marts.mart_spending_by_economic_item "
        "where document_id = ? group by 1 order by 2 desc", [document]).fetchall()
    budget = con.execute(
        "select function_code, function_name, published_budget_yuan, actual_yuan, execution_rate "
        "from marts.mart_budget_vs_actual where department_id = ? and fiscal_year = ? and fund_scope = 'all_funds' "
        "and published_budget_yuan is not null and actual_yuan is not null order by function_code",
        [disclosure.department_id, disclosure.fiscal_year]).fetchall()
    years = con.execute(
        "select prior_fiscal_year, prior_expenditure_total_yuan, expenditure_total_yuan, expenditure_change_ratio "
        "from marts.mart_department_years where document_id = ?", [document]).fetchall()
    findings = con.execute(
        "select rule_id, form, source_line, detail, is_registered, expected_amount, actual_amount, unit "
        "from audit.fct_findings where document_id = ? order by form, source_line, rule_id", [document]).fetchall()

    parts = [f'<p><a href="index.html">All disclosures</a> · <a href="rules.html">Rules</a></p>',
             f"<h1>{escape(disclosure.department_name)} {disclosure.fiscal_year} "
             f"{escape(disclosure.document_kind)}</h1>",
             f'<p class="muted">{escape(disclosure.source_file)} · document {document} · version '
             f"{disclosure.version_no} of {disclosure.version_count}</p>",
             "<h2>Spending by 类 (all funds, form 03)</h2>",
             bar_chart("spending-by-class", "Spending by 类", [(label, value) for label, value in by_class]),
             "<h2>Basic expenditure by economic class (form 06)</h2>",
             bar_chart("spending-by-economic-class", "Basic expenditure by economic class",
                       [(label, value) for label, value in by_economic])]
    parts.append("<h2>Budget against actual</h2>")
    if budget:
        parts.append(_table("budget-vs-actual", ["code", "name", "budget (万元)", "actual (万元)", "execution"],
                            [[escape(code), escape(name or ""), _wan(planned), _wan(actual),
                              "" if rate is None else f"{rate:.1%}"] for code, name, planned, actual, rate in budget],
                            numeric={2, 3, 4}))
    else:
        parts.append('<p class="muted">No budget and final accounts of this department and year are both landed.</p>')
    parts.append("<h2>The year before</h2>")
    prior = years[0] if years else None
    if prior and prior[0] is not None:
        parts.append(f"<p>{prior[0]}: {_wan(prior[1])} 万元 → {disclosure.fiscal_year}: {_wan(prior[2])} 万元 "
                     f"({'' if prior[3] is None else f'{prior[3]:+.1%}'})</p>")
    else:
        parts.append('<p class="muted">No earlier year of this department and kind is landed.</p>')
    parts.append(f"<h2>Findings ({len(findings)})</h2>")
    parts.append(_table("findings", ["rule", "form", "page", "line", "expected", "actual", "detail", "registered"], [
        [f'<a href="rules.html#{escape(rule)}">{escape(rule)}</a>', escape(form or ""),
         str(pages.get((document, line), "")), "" if line is None else str(line),
         "" if expected is None else f"{expected} {escape(unit or '')}",
         "" if actual is None else f"{actual} {escape(unit or '')}", escape(detail or ""),
         "yes" if registered else "no"]
        for rule, form, line, detail, registered, expected, actual, unit in findings], numeric={2, 3}))
    return _page(f"{disclosure.department_name} {disclosure.fiscal_year}", "\n".join(parts))


def write_report(warehouse: Path, folder: Path) -> int:
    """The site of `warehouse` into `folder` (replaced whole); returns the disclosures written."""
    with duckdb.connect(str(warehouse), read_only=True) as con, replacing(folder) as staged:
        disclosures = _disclosures(con)
        pages = _pages_of_lines(con)
        rows = [[f'<a href="{disclosure.page}">{escape(disclosure.department_name)}</a>', str(disclosure.fiscal_year),
                 escape(disclosure.document_kind), escape(disclosure.source_file)] for disclosure in disclosures]
        (staged.path / "index.html").write_text(_page("Disclosures", "<h1>Disclosures</h1>" + _table(
            "disclosures", ["department", "year", "kind", "file"], rows)), encoding="utf-8")
        for disclosure in disclosures:
            (staged.path / disclosure.page).write_text(_disclosure_page(con, disclosure, pages), encoding="utf-8")
        rules = con.execute("select rule_id, title, formula, severity from reference.rule_catalogue "
                            "order by rule_id").fetchall()
        (staged.path / "rules.html").write_text(_page("Rules", '<p><a href="index.html">All disclosures</a></p>'
                                                      "<h1>Rules</h1>" + "".join(
            f'<h2 id="{escape(rule)}">{escape(rule)}</h2><p>{escape(title)} ({escape(severity)}): {escape(formula)}</p>'
            for rule, title, formula, severity in rules)), encoding="utf-8")
    return len(disclosures)
