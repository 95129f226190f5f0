"""Forms 01 and 04: income lines on the left, expenditure lines on the right, each with 行次."""
from __future__ import annotations

import re

from ..codes import strip_ordinal
from ..model import SummaryLineRow
from ..numbers import is_decimal_amount
from ..source import SourceDocument, SourceLine
from .catalog import BUDGET
from .common import AmountReader, ParsedForm, error, form_row, is_part_of_column, read_extras
from .header import classify_label, column_labels, split_header_and_body
from .sections import FormSection

_ROW_NO = re.compile(r"^\d+$")
_NOTE_IN_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_ITEM_HEADER = re.compile(r"^项目(?:名称)?$")          # 项目, 项目名称, 项目(按功能分类)
_ORDINAL_LABEL = re.compile(r"^[一二三四五六七八九十]+、")
# the tail of a line label wrapped onto a row of its own ('七、文化旅游体育与传媒支' / '出'): a
# few characters that complete a label cut short of the word every line label ends with
_WRAPPED_TAIL = re.compile(r"^[\u4e00-\u9fff）)]{1,4}$")
_LABEL_ENDINGS = ("支出", "收入", "合计", "总计", "小计", "结余", "结转", "拨款", "补助", "分配", "资金")
_USE_HEADERS = {"支出用途", "按支出用途", "按用途"}
AMOUNT_RULES = [("一般公共预算", "amount_general_budget"), ("政府性基金", "amount_government_fund"),
                ("国有资本", "amount_state_capital"), ("合计|金额|小计|决算数|预算数", "amount_total")]
# '1. 一般公共预算' under '一、财政拨款收入': a numbered part of the line above (budgets print so)
_NUMBERED_PART = re.compile(r"^\d+[.．、]")


def _is_item_header(cell: str) -> bool:
    """'项目', '项目名称', '项目(按功能分类)': the header over a side's line labels."""
    return bool(_ITEM_HEADER.match(_NOTE_IN_BRACKETS.sub("", cell.replace(" ", ""))))


def _completes(previous: str, tail: str) -> bool:
    return bool(_WRAPPED_TAIL.match(tail)) and not previous.endswith(_LABEL_ENDINGS) \
        and (previous + tail).endswith(_LABEL_ENDINGS)


def _side_start(header: list[SourceLine]) -> int:
    """Column where the expenditure side begins: the second 项目 of the header."""
    for line in header:
        positions = [i for i, cell in enumerate(line.cells) if _is_item_header(cell)]
        if len(positions) >= 2:
            return positions[1]
    for line in header:
        positions = [i for i, cell in enumerate(line.cells) if cell.replace(" ", "") in ("支出", "支 出")]
        if positions:
            return positions[0]
    return -1


def _starts_the_lines(line: SourceLine) -> bool:
    """The first line of a side: an amount, or a label numbered 一、"""
    cells = [cell.replace(" ", "") for cell in line.cells if cell]
    return any(is_decimal_amount(cell) for cell in cells) or any(_ORDINAL_LABEL.match(cell) for cell in cells)


def _split_header(rows: list[SourceLine]) -> tuple[list[SourceLine], list[SourceLine]]:
    """The header ends with the 项目 row (项目 on both sides) and any 栏次 row under it; without
    it, where the lines start (a 行次 number, an amount or a label numbered 一、)."""
    for index, line in enumerate(rows):
        if sum(_is_item_header(cell) for cell in line.cells) >= 2:
            end = index + 1
            # 栏次, or header words of the columns under one side (合计 | 基本支出 / 人员经费 | 公用经费)
            while end < len(rows) and (rows[end].cell(0).replace(" ", "") == "栏次"
                                       or not any(rows[end].cells[:1]) and not _starts_the_lines(rows[end])):
                end += 1
            return rows[:end], rows[end:]
    return split_header_and_body(rows, lambda line: bool(_ROW_NO.match(line.cell(1))) or _starts_the_lines(line))


def _label_column(header: list[SourceLine], start: int, end: int) -> int:
    """The column of a side's line labels: under its 项目 header, else the side's first column."""
    return next((index for line in header for index in range(start, end) if _is_item_header(line.cell(index))), start)


def _has_row_numbers(header: list[SourceLine], start: int) -> bool:
    return any(line.cell(start + 1).replace(" ", "") == "行次" for line in header)


class _SideState:
    """Walks one side top to bottom: lines, then 本年合计, then balances and their details."""

    def __init__(self, side: str, budget: bool):
        self.side = side
        self.budget = budget      # a budget's last line may be 收入合计 / 支出合计 (Jiangsu)
        self.after_current_total = False

    def kind_of(self, name: str, label: str = "") -> str:
        if name.startswith(("本年", "当年")) and ("合计" in name or "小计" in name):
            self.after_current_total = True
            return "current_year_total"
        # 合计 under the balances is the grand total of layouts that print no 总计 (高等学校);
        # budgets print 收入总计 / 支出总计
        if name.endswith("总计") or (name in ("合计", "收入合计", "支出合计") and self.after_current_total) \
                or (self.budget and name in ("收入合计", "支出合计")):
            return "grand_total"
        if not self.after_current_total:
            if name.startswith("其中") or _NUMBERED_PART.match(label):
                return "of_which"       # part of the line above, never a term of the sum
            return "income_source" if self.side == "income" else "class_line"
        if "结转" in name or "结余" in name:
            return "balance_line"
        return "balance_detail"


def _use_block(header: list[SourceLine], split: int) -> int | None:
    """Column where a block of expenditure by use (支出用途: 基本支出, 项目支出, …) starts, printed
    beside the functional 类 lines on the expenditure side (Jiangsu's 收支预算总表): its 项目名称
    column at or after the 支出用途 heading (a merged heading may sit over the 类 lines' 金额)."""
    heading = next((index for line in header for index, cell in enumerate(line.cells)
                    if index > split and cell.replace(" ", "") in _USE_HEADERS), None)
    if heading is None:
        return None
    labels = column_labels(header)
    return next((index for index in sorted(labels) if index >= heading and "名称" in labels[index]), None)


def _without_use_block(document: SourceDocument, section: FormSection, header: list[SourceLine],
                       body: list[SourceLine], start: int, amount_col: int | None):
    """The body cut before the by-use block, and that block's lines as extra measures (they are
    03's basic / project columns again). A total line printing its amount under the block only
    (当年支出小计 | | | 13,377.11) takes it under the expenditure amount column."""
    labels = column_labels(header)
    use_label = start
    use_amount = next((i for i in sorted(labels) if i > use_label), use_label + 1)
    amounts = AmountReader(document, section)
    cut: list[SourceLine] = []
    extras = []
    for line in body:
        cells = line.cells[:start]
        label = line.cell(use_label).replace(" ", "")
        if label:
            extras += read_extras(amounts, line, {use_amount: "支出用途"}, "by_use", label)
        elif amount_col is not None and line.cell(use_amount) and not line.cell(amount_col):
            cells = [*cells, *[""] * (amount_col + 1 - len(cells))]
            cells[amount_col] = line.cell(use_amount)
        cut.append(SourceLine(line.number, "\t".join(cells), line.page))
    return cut, extras


def parse_summary_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    header, body = _split_header(rows)
    split = _side_start(header) if header else -1
    if split <= 0:
        raise error(document, section, header[-1] if header else None,
                    "cannot find where the expenditure side starts (no second 项目 in the header)")
    labels = column_labels(header)
    width = max(len(line.cells) for line in rows)
    use_extras = []
    use_start = _use_block(header, split)
    if use_start is not None:
        amount_col = max((i for i in labels if split < i < use_start), default=None)
        body, use_extras = _without_use_block(document, section, header, body, use_start, amount_col)
        labels = {index: label for index, label in labels.items() if index < use_start}
        width = use_start
    sides = {"income": (0, split), "expenditure": (split, width)}
    label_cols = {side: _label_column(header, start, end) for side, (start, end) in sides.items()}
    numbered = {side: _has_row_numbers(header, label_cols[side]) for side in sides}
    amount_cols: dict[str, dict[int, str]] = {}
    extra_cols: dict[str, dict[int, str]] = {}    # columns the catalogue does not know: landed by header
    for side, (_start, end) in sides.items():
        cols: dict[int, str] = {}
        extra_cols[side] = {}
        for index in range(label_cols[side] + (2 if numbered[side] else 1), end):
            label = labels.get(index, "")
            if not label:
                continue
            column = None if is_part_of_column(label) else classify_label(label, AMOUNT_RULES)
            if column is None or column in cols.values():
                extra_cols[side][index] = label
            else:
                cols[index] = column
        if "amount_total" not in cols.values():
            raise error(document, section, header[-1], f"no amount column on the {side} side")
        amount_cols[side] = cols

    amounts = AmountReader(document, section)
    landed: list[SummaryLineRow] = []
    extras = use_extras
    states = {side: _SideState(side, section.spec.kind == BUDGET) for side in sides}
    for line in body:
        for side, label_col in label_cols.items():
            label = line.cell(label_col).replace(" ", "")
            row_no_text = line.cell(label_col + 1) if numbered[side] else ""
            if numbered[side] and label and row_no_text and not _ROW_NO.match(row_no_text):
                raise error(document, section, line, f"{side} line {label!r} has {row_no_text!r} for its 行次 (row number)")
            values = {column: amounts.read(line, index) for index, column in amount_cols[side].items()}
            if not label:
                if any(value is not None for value in values.values()) or any(
                        line.cell(index) for index in extra_cols[side]):
                    raise error(document, section, line, f"{side} amount printed without a line label")
                continue
            previous = next((row for row in reversed(landed) if row.side == side), None)
            if (previous is not None and not row_no_text and all(value is None for value in values.values())
                    and _completes(previous.row_label, label)):
                previous.row_label += label                  # the label wrapped: one line
                previous.item_name = strip_ordinal(previous.row_label)
                previous.line_kind = states[side].kind_of(previous.item_name)
                continue
            name = strip_ordinal(label)
            kind = states[side].kind_of(name, label)
            landed.append(SummaryLineRow(
                document.document_id, section.form, line.page, line.number, line.text,
                side=side, row_no=int(row_no_text) if _ROW_NO.match(row_no_text) else None,
                row_label=label, item_name=name, line_kind=kind, **values))
            extras += read_extras(amounts, line, extra_cols[side], kind, label)
    if not any(row.line_kind == "grand_total" for row in landed):
        raise error(document, section, rows[-1] if rows else None, "no 总计 line: the table looks truncated")
    return ParsedForm(form_row(document, section, amounts, len(landed)), landed, extras)
