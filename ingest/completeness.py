"""A PDF form whose table stops at the foot of a page with its last class or section cut short
has lost the page that continued it. Such a document is rejected: landing it would land a
form with rows missing and no word of why."""
from __future__ import annotations

from decimal import Decimal

from .errors import IngestError
from .model import FUNCTION_FORM_MEASURES, FUNCTION_FORM_TABLES, EconomicItemRow, FunctionLineRow
from .source import SourceDocument

ECONOMIC_TABLE = "raw_form06_basic_expenditure_items"
_HINT = "a page of the form seems to be missing: check the file against the printed document"


def _total_measure(form: str) -> str:
    return next(m for m in FUNCTION_FORM_MEASURES[form] if m in ("total", "expenditure_total"))


def _cut_short(rows: list[FunctionLineRow], measure: str) -> tuple[str, Decimal, Decimal] | None:
    """(code, printed, sum of its printed children) of the last class or section whose
    children fall short of it, if any."""
    codes = [(row.function_code, row.measures.get(measure)) for row in rows if row.row_kind == "code"]
    if not codes:
        return None
    prints_items = any(len(code) == 7 for code, _ in codes)
    for length in (5, 3):
        parents = [(code, amount) for code, amount in codes if len(code) == length]
        if not parents or (length == 5 and not prints_items):
            continue
        code, printed = parents[-1]
        children = [amount or Decimal(0) for child, amount in codes
                    if len(child) == length + 2 and child.startswith(code)]
        tolerance = Decimal("0.01") * (len(children) + 1)
        if printed is not None and printed - sum(children, Decimal(0)) > tolerance:
            return code, printed, sum(children, Decimal(0)).quantize(printed)
    return None


def _check_economic_form(source: SourceDocument, rows: list[EconomicItemRow]) -> None:
    """06 closes with 人员经费合计 / 公用经费合计; stopping at a page foot without them lost a page."""
    if not rows or rows[-1].source_line not in source.page_foot_lines:
        return
    if not any(row.row_kind == "category_total" for row in rows):
        last = rows[-1]
        raise IngestError(f"the table stops at the foot of page {last.source_page} without its "
                          "人员经费合计 / 公用经费合计 lines", file=source.name, form="06",
                          line=last.source_line, page=last.source_page, hint=_HINT)


def check_complete(source: SourceDocument, sections, rows: dict[str, list]) -> None:
    if not source.page_foot_lines:
        return
    _check_economic_form(source, rows.get(ECONOMIC_TABLE, []))
    for section in sections:
        table = FUNCTION_FORM_TABLES.get(section.form)
        form_rows = rows.get(table, []) if table else []
        if not form_rows or form_rows[-1].source_line not in source.page_foot_lines:
            continue
        cut = _cut_short(form_rows, _total_measure(section.form))
        if cut:
            code, printed, children = cut
            last = form_rows[-1]
            raise IngestError(f"the table stops at the foot of page {last.source_page} inside {code}: "
                              f"printed {printed}, the rows printed under it add up to {children}",
                              file=source.name, form=section.form, line=last.source_line,
                              page=last.source_page, hint=_HINT)
