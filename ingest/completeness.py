"""A PDF form whose table stops at the foot of a page with its last class or section cut short
has lost the page that continued it. Such a form is not landed (it becomes a parse issue):
landing it would land a form with rows missing and no word of why."""
from __future__ import annotations

from decimal import Decimal

from .errors import IngestError
from .landing_schema import FUNCTION_FORM_MEASURES
from .model import EconomicItemRow, FunctionLineRow
from .source import SourceDocument
from .tolerance import half_print_unit, sum_tolerance

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
    half_unit = half_print_unit(max((-amount.as_tuple().exponent for _, amount in codes if amount is not None),
                                    default=None))
    for length in (5, 3):
        parents = [(code, amount) for code, amount in codes if len(code) == length]
        if not parents or (length == 5 and not prints_items):
            continue
        code, printed = parents[-1]
        children = [amount or Decimal(0) for child, amount in codes
                    if len(child) == length + 2 and child.startswith(code)]
        if printed is not None and printed - sum(children, Decimal(0)) > sum_tolerance(len(children), half_unit):
            return code, printed, sum(children, Decimal(0)).quantize(printed)
    return None


def _economic_form_cut(source: SourceDocument, rows: list[EconomicItemRow]) -> IngestError | None:
    """06 closes with 人员经费合计 / 公用经费合计; stopping at a page foot without them lost a page.
    A table that prints its 合计 above the items (budgets) is whole when its 类 rows add up to it."""
    if not rows or rows[-1].source_line not in source.page_foot_lines:
        return None
    total = next((row for row in rows if row.row_kind == "total" and row.amount is not None), None)
    if total is not None:
        classes = [row.amount for row in rows if row.row_kind == "class" and row.amount is not None]
        half_unit = half_print_unit(max((-amount.as_tuple().exponent for amount in [total.amount, *classes]),
                                        default=None))
        if total.amount - sum(classes, Decimal(0)) <= sum_tolerance(len(classes), half_unit):
            return None
        last = rows[-1]
        return IngestError(f"the table stops at the foot of page {last.source_page}: its 合计 {total.amount} "
                           f"against {sum(classes, Decimal(0))} in the 类 rows printed", file=source.name,
                           form="06", line=last.source_line, page=last.source_page, hint=_HINT)
    if not any(row.row_kind == "category_total" for row in rows):
        last = rows[-1]
        return IngestError(f"the table stops at the foot of page {last.source_page} without its "
                           "人员经费合计 / 公用经费合计 lines", file=source.name, form="06",
                           line=last.source_line, page=last.source_page, hint=_HINT)
    return None


def _function_form_cut(source: SourceDocument, form: str, rows: list[FunctionLineRow]) -> IngestError | None:
    if not rows or rows[-1].source_line not in source.page_foot_lines:
        return None
    cut = _cut_short(rows, _total_measure(form))
    if not cut:
        return None
    code, printed, children = cut
    last = rows[-1]
    return IngestError(f"the table stops at the foot of page {last.source_page} inside {code}: "
                       f"printed {printed}, the rows printed under it add up to {children}",
                       file=source.name, form=form, line=last.source_line, page=last.source_page, hint=_HINT)


def incomplete_forms(source: SourceDocument, rows_by_form: dict[str, list]) -> list[tuple[str, IngestError]]:
    """(form, why) for each form read from a PDF that seems to have lost a page."""
    if not source.page_foot_lines:
        return []
    found = []
    for form, rows in rows_by_form.items():
        if form == "06":
            cut = _economic_form_cut(source, rows)
        elif form in FUNCTION_FORM_MEASURES:
            cut = _function_form_cut(source, form, rows)
        else:
            cut = None
        if cut is not None:
            found.append((form, cut))
    return found
