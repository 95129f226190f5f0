"""Form 09: 三公 expenses, a budget block and an actual block of the same components. A budget's
三公 table prints the budget alone, often without a 预算数 header: all of it is budget. Where the
table also prints 会议费 and 培训费, its first 合计 adds them in: the 三公 total is the
“三公”经费 小计.
"""
from __future__ import annotations

import re

from ..model import ThreePublicRow
from ..numbers import looks_like_amount
from ..source import SourceDocument, SourceLine
from .catalog import BUDGET
from .common import AmountReader, ParsedForm, error, form_row, is_part_of_column, read_extras
from .header import classify_label, column_labels, split_header_and_body
from .sections import FormSection, is_column_numbers

_CJK = re.compile(r"[\u4e00-\u9fff]")
COMPONENT_RULES = [("合计", "total"), ("出国", "overseas_travel"), ("小计|购置及运行", "vehicle_total"),
                   ("购置", "vehicle_purchase"), ("运行", "vehicle_operation"), ("接待", "reception")]
_SCOPE_WORDS = [("预算", "budget"), ("决算", "actual")]
_THREE_PUBLIC_TOTAL = re.compile(r"三公.{0,2}经费.{0,2}(?:小计|合计)")


def _is_data_row(line: SourceLine) -> bool:
    if is_column_numbers(line) or any(_CJK.search(cell) for cell in line.cells):
        return False
    return any(looks_like_amount(cell) for cell in line.cells)


def _is_scope_row(line: SourceLine) -> bool:
    cells = [cell.replace(" ", "") for cell in line.cells if cell]
    return bool(cells) and all(any(word in cell for word, _ in _SCOPE_WORDS) for cell in cells)


def parse_three_public_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    header, body = split_header_and_body(rows, _is_data_row)
    scope_row = next((line for line in header if _is_scope_row(line)), None)
    if scope_row is None and section.spec.kind != BUDGET:
        raise error(document, section, header[-1] if header else None,
                    "no 预算数 / 决算数 header row: cannot tell budget from actual")
    spans = [(i, scope) for i, cell in enumerate(scope_row.cells)
             for word, scope in _SCOPE_WORDS if word in cell] if scope_row is not None else [(0, "budget")]
    labels = column_labels(header, skip_rows=lambda line: line is scope_row)
    # Layouts that pair 预算数 | 决算数 under each component print the component once, over the
    # pair: a scope column with no words of its own takes the component to its left.
    for index, _scope in spans:
        if index not in labels:
            left = [i for i in labels if i < index]
            if left:
                labels[index] = labels[max(left)]
    columns: dict[int, tuple[str, str]] = {}
    extra_cols: dict[int, str] = {}      # columns the catalogue does not know: landed by header
    three_public_total = any(_THREE_PUBLIC_TOTAL.search(label) for label in labels.values())
    for index, label in sorted(labels.items()):
        if three_public_total:
            component = "total" if _THREE_PUBLIC_TOTAL.search(label) else (
                None if re.search("合计", label) else classify_label(label, COMPONENT_RULES))
        else:
            component = None if is_part_of_column(label) else classify_label(label, COMPONENT_RULES)
        scope = next((s for position, s in reversed(spans) if position <= index), None)
        if component is None or scope is None or (scope, component) in columns.values():
            extra_cols[index] = label
        else:
            columns[index] = (scope, component)

    amounts = AmountReader(document, section)
    landed: list[ThreePublicRow] = []
    extras = []
    for line in body:
        if not _is_data_row(line):
            if any(looks_like_amount(cell) for cell in line.cells):
                raise error(document, section, line, f"unexpected row under the 三公 table: {line.text!r}")
            continue      # words without amounts (a header repeated, a 其中 caption): nothing to read
        if landed:
            raise error(document, section, line, "more than one amount row in the 三公 table")
        for index, (scope, component) in columns.items():
            landed.append(ThreePublicRow(document.document_id, section.form, line.page, line.number, line.text,
                                         scope=scope, component=component, amount=amounts.read(line, index)))
        extras += read_extras(amounts, line, extra_cols, "amounts", None)
    # A table printed with no amount row at all is printed empty: landed as such (no rows), so
    # that the rules can hold the narrative against it.
    return ParsedForm(form_row(document, section, amounts, len(landed)), landed, extras)
