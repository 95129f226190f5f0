"""Table headers: printed over several rows; combined here into one label per column."""
from __future__ import annotations

import re
from collections.abc import Callable

from ..numbers import find_unit
from ..source import SourceLine

_COLUMN_NUMBER = re.compile(r"^\d+$")


def split_header_and_body(rows: list[SourceLine], is_data_row: Callable[[SourceLine], bool]):
    """Header = the rows before the first data row; body = the rest."""
    for index, row in enumerate(rows):
        if is_data_row(row):
            return rows[:index], rows[index:]
    return rows, []


def column_labels(header: list[SourceLine], skip_rows: Callable[[SourceLine], bool] = lambda _: False):
    """Per column index, the header words stacked above it ('本年支出' + '小计' -> '本年支出小计').
    Column numbers (1, 2, …), 栏次 and a 单位：万元 label printed in the header's row are dropped."""
    labels: dict[int, str] = {}
    for row in header:
        if skip_rows(row):
            continue
        for index, cell in enumerate(row.cells):
            word = cell.replace(" ", "").replace("\u3000", "")
            if not word or word == "栏次" or _COLUMN_NUMBER.match(word) or (word.startswith("单位") and find_unit(word)):
                continue
            labels[index] = labels.get(index, "") + word
    return labels


def header_width(header: list[SourceLine]) -> int:
    """How many columns the header rows print (their cells, blank ones included)."""
    return max((len(row.cells) for row in header), default=0)


def printed_columns(header: list[SourceLine]) -> set[int]:
    """The columns the header prints anything over, column numbers (1, 2, …) and 栏次 included:
    a data cell outside them has no header to be read under."""
    return {index for row in header for index, cell in enumerate(row.cells) if cell.strip()}


def spill_columns(labels: dict[int, str], columns: list[int], width: int) -> dict[int, int]:
    """Column -> the unlabelled column to its right, inside the header's width. A header cell
    the PDF reader splits over two columns (a merged 金额 cell) labels the left one only; some rows
    print their amount in the right one (江苏 prints 类 rows so). Beyond the width the header
    prints, a cell is not under the table's header at all."""
    return {column: column + 1 for column in columns
            if column + 1 not in labels and column + 1 not in columns and column + 1 < width}


def classify_label(label: str, rules: list[tuple[str, str]]) -> str | None:
    """The first rule whose pattern occurs in the label names the column."""
    for pattern, name in rules:
        if re.search(pattern, label):
            return name
    return None
