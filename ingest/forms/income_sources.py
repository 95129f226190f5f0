"""Form 02 printed as a list of income sources, without functional codes (Jiangsu's 收入预算总表):

    项目名称            |                     | 金额
    收入总计            |                     | 13,377.11
    一般公共预算资金     | 小计                | 13,297.11
                        | 公共财政拨款(补助)资金 | 13,297.11
    其他资金            | 小计                | 80.00
                        | 事业收入             |
                        | 其他收入             | 80.00
    上年结转和结余资金   | 小计                |

It is the 合计 row of 02 printed down the page: one total row lands, each source under its 02
measure; a group's 小计 counts where the group is a measure (fiscal appropriation, the year
before's balances), its parts where it is not (其他资金: 事业收入, 经营收入, 其他收入). What no
measure names (财政专户管理资金, the parts of fiscal appropriation) lands as extra measures.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ..landing_schema import FUNCTION_FORM_MEASURES
from ..model import FunctionLineRow
from ..numbers import looks_like_amount
from ..source import SourceDocument, SourceLine
from .common import AmountReader, ParsedForm, error, form_row, read_extras
from .sections import FormSection

_GROUP_MEASURES = [(re.compile(r"一般公共预算|政府性基金|国有资本经营|财政拨款"), "fiscal_appropriation"),
                   (re.compile(r"上年结转|结转和结余"), "prior_year_carryover")]
_PART_MEASURES = [(re.compile(r"事业收入"), "business"), (re.compile(r"经营收入"), "operating"),
                  (re.compile(r"上级补助"), "superior_subsidy"), (re.compile(r"附属单位"), "affiliated_remittance"),
                  (re.compile(r"^其他收入$"), "other")]
_TOTAL = re.compile(r"^(?:收入)?(?:总计|合计)$")
_SUBTOTAL = "小计"


def is_source_list(rows: list[SourceLine]) -> bool:
    """A header of 项目名称 and 金额 over rows of labels and amounts, none a code."""
    return bool(rows) and _amount_column(rows) is not None and any(
        _TOTAL.match(cell.replace(" ", "")) for line in rows for cell in line.cells)


def _amount_column(rows: list[SourceLine]) -> int | None:
    for line in rows:
        cells = [cell.replace(" ", "") for cell in line.cells]
        if "项目名称" in cells and "金额" in cells:
            return cells.index("金额")
    return None


def _measure(rules, label: str) -> str | None:
    return next((measure for pattern, measure in rules if pattern.search(label)), None)


def parse_income_sources(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    amount_col = _amount_column(rows)
    start = next(index for index, line in enumerate(rows) if "金额" in [c.replace(" ", "") for c in line.cells]) + 1
    amounts = AmountReader(document, section)
    group_col = _group_column(rows, start, amount_col)
    entries: list[tuple[str, str | None, SourceLine, int]] = []     # group, part, line, amount column
    group = ""
    for line in rows[start:]:
        labels = {index: cell.replace(" ", "") for index, cell in enumerate(line.cells[:amount_col]) if cell.strip()}
        amount_at = next((index for index in range(amount_col, len(line.cells)) if looks_like_amount(line.cell(index))),
                         amount_col)
        if not labels:
            if entries and looks_like_amount(line.cell(amount_at)) and not entries[-1][2].cell(entries[-1][3]):
                entries[-1] = (*entries[-1][:2], line, amount_at)      # an amount printed on the row below
            continue
        group = labels.get(group_col, group)
        part = next((label for index, label in sorted(labels.items()) if index != group_col), None)
        entries.append((group, part, line, amount_at))
    measures: dict[str, Decimal | None] = dict.fromkeys(FUNCTION_FORM_MEASURES["02"])
    total_line = None
    extras = []

    def add(measure: str, value: Decimal | None) -> None:
        if value is not None:
            measures[measure] = (measures[measure] or Decimal(0)) + value

    group_values: dict[str, tuple[str, Decimal]] = {}    # group -> (measure, its amount: the 小计, else its line's)
    for group_label, part, line, column in entries:
        value = amounts.read(line, column)
        group_measure = _measure(_GROUP_MEASURES, group_label)
        if part is None and _TOTAL.match(group_label):
            measures["total"], total_line = value, line
        elif group_measure and (part is None or part == _SUBTOTAL):
            if value is not None and (part == _SUBTOTAL or group_label not in group_values):
                group_values[group_label] = (group_measure, value)
        elif part is not None and not group_measure and _measure(_PART_MEASURES, part):
            add(_measure(_PART_MEASURES, part), value)
        elif value is not None:
            extras += read_extras(amounts, line, {column: f"{group_label}:{part or ''}"}, "source", group_label)
    for measure, value in group_values.values():
        add(measure, value)
    if total_line is None:
        raise error(document, section, rows[-1] if rows else None, "no 收入总计 line in the list of income sources")
    total = FunctionLineRow(document.document_id, section.form, total_line.page, total_line.number, total_line.text,
                            row_kind="total", function_code=None, function_name=None, measures=measures)
    return ParsedForm(form_row(document, section, amounts, 1), [total], extras)


def _group_column(rows: list[SourceLine], start: int, amount_col: int) -> int:
    """The column the groups are printed in: where the first label after the header is."""
    for line in rows[start:]:
        for index, cell in enumerate(line.cells[:amount_col]):
            if cell.strip():
                return index
    return 0
