"""Ruled tables as the form parsers read them: one clean string per cell, one code per row.

A form's table may run over several pages. The first page's piece carries the header; later
pieces may repeat it or not. `LogicalTable` remembers what the first piece taught (header rows,
where codes are printed split into 类 / 款 / 项 columns) and applies it to every piece.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import looks_like_amount

Row = list[str | None]

_CJK = r"\u3400-\u9fff（）()“”、"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")
_PLACEHOLDER = re.compile(r"^[.…。·\s]*$")          # the template's '…' rows
_SPLIT_CODE_HEADERS = (("类", "款", "项"), ("类", "款"))
_DIGITS = re.compile(r"^\d+$")


def clean_cell(cell: str | None) -> str | None:
    """Join a name wrapped inside its cell; drop the letter-spacing some PDFs print between characters."""
    if cell is None:
        return None
    text = cell.replace("\n", "").strip()
    return _SPACE_BETWEEN_CJK.sub("", text)


def is_blank_row(row: Row) -> bool:
    return all(_PLACEHOLDER.match(cell or "") for cell in row)


def _has_amount(cells) -> bool:
    return any(cell and looks_like_amount(cell) for cell in cells)


@dataclass(frozen=True)
class CodeGroup:
    """Columns start … start+width-1 print one code split into 类 / 款 (/ 项)."""
    start: int
    width: int


def find_code_groups(header: list[Row]) -> list[CodeGroup]:
    for row in header:
        cells = [(cell or "").replace(" ", "") for cell in row]
        groups: list[CodeGroup] = []
        index = 0
        while index < len(cells):
            for parts in _SPLIT_CODE_HEADERS:
                if tuple(cells[index:index + len(parts)]) == parts:
                    groups.append(CodeGroup(index, len(parts)))
                    index += len(parts) - 1
                    break
            index += 1
        if groups:
            return groups
    return []


def _join_code(parts: list[str]) -> str | None:
    """'201', '06', '01' -> '2010601'; None when the cells are not the pieces of one code.
    Some layouts print each level's full code ('201', '20106', '2010601'): taken as printed."""
    pieces = [part.replace(" ", "") for part in parts]
    if not _DIGITS.match(pieces[0]):
        return None
    joined = ""
    for piece in pieces:
        if not piece:
            break
        if not _DIGITS.match(piece):
            return None
        joined = piece if joined and piece.startswith(joined) and len(piece) > len(joined) + 1 else joined + piece
    return joined


def collapse_codes(row: Row, groups: list[CodeGroup]) -> list[str]:
    """One cell per code group. In a row with amounts, a label printed across the code columns
    (合计, 人员经费合计) moves to the empty name column to its right, where the text layout has it.
    Header rows keep their labels where printed: their columns are what the labels name."""
    starts = {group.start: group for group in groups}
    move_labels = _has_amount(row)
    out: list[str] = []
    pending_label: str | None = None
    index = 0
    while index < len(row):
        group = starts.get(index)
        if pending_label is not None and (group is not None or row[index]):
            out[-1], pending_label = pending_label, None    # nowhere to move it: keep it in place
        if group is None:
            cell = row[index] or ""
            if pending_label is not None:
                cell, pending_label = pending_label, None
            out.append(cell)
            index += 1
            continue
        parts = [cell or "" for cell in row[index:index + group.width]]
        code = _join_code(parts)
        if code is not None:
            out.append(code)
        elif move_labels and parts[0] and not any(parts[1:]):
            out.append("")
            pending_label = parts[0]
        else:
            out.append("".join(parts))
        index += group.width
    if pending_label is not None:
        out[-1] = pending_label
    return out


def _is_code_header(row: Row, groups: list[CodeGroup]) -> bool:
    return bool(groups) and all(
        tuple((cell or "").replace(" ", "") for cell in row[g.start:g.start + g.width])
        in _SPLIT_CODE_HEADERS for g in groups)


def split_header_from_total(row: Row, groups: list[CodeGroup]) -> list[Row]:
    """Without a rule under the 类 款 项 header row, pdfplumber reads it and the 合计 row below as
    one row ('类','款','项','合计','2,940.05', …): give the header and the total a row each."""
    if not _is_code_header(row, groups) or not _has_amount(row):
        return [row]
    header: Row = list(row)
    total: Row = [None] * len(row)
    for group in groups:
        after = group.start + group.width
        for index in range(after, len(row)):
            if row[index]:
                total[index], header[index] = row[index], None
    return [header, total]


def merge_wrapped_names(rows: list[list[str]], code_col: int, name_col: int) -> list[list[str]]:
    """A name wrapped onto a row of its own (no code, no amounts) belongs to the code row above."""
    merged: list[list[str]] = []
    for row in rows:
        others = [cell for index, cell in enumerate(row) if index != name_col]
        is_wrap = (merged and row[name_col] and not any(others) and merged[-1][code_col])
        if is_wrap:
            merged[-1][name_col] += row[name_col]
        else:
            merged.append(list(row))
    return merged


@dataclass
class LogicalTable:
    """One form's table over one or more pages."""
    width: int                                  # grid columns as pdfplumber found them
    groups: list[CodeGroup] = field(default_factory=list)
    header: list[tuple[str, ...]] = field(default_factory=list)   # header rows, for spotting repeats

    @classmethod
    def start(cls, rows: list[Row]) -> LogicalTable:
        leading = []
        for row in rows:
            if _has_amount(row) or any(_join_code([cell or ""]) for cell in row[:2]):
                break
            leading.append(row)
        # the 类 款 项 row may be fused with the 合计 row below it: look one row further
        table = cls(len(rows[0]), find_code_groups(rows[:len(leading) + 1]))
        table.header = [tuple(clean_cell(cell) or "" for cell in row) for row in leading]
        return table

    def accepts(self, rows: list[Row]) -> bool:
        return len(rows[0]) == self.width

    def lines(self, rows: list[Row], continuation: bool) -> list[list[str]]:
        """Cleaned rows of one page's piece, repeated header rows of a continuation dropped."""
        cleaned = [[clean_cell(cell) for cell in row] for row in rows]
        cleaned = [row for row in cleaned if not is_blank_row(row)]
        if continuation:
            while cleaned and tuple(cell or "" for cell in cleaned[0]) in self.header:
                cleaned.pop(0)
        split = [part for row in cleaned for part in split_header_from_total(row, self.groups)]
        if not self.groups:
            return [[cell or "" for cell in row] for row in split]
        collapsed = [collapse_codes(row, self.groups) for row in split]
        first = self.groups[0]
        return merge_wrapped_names(collapsed, code_col=first.start, name_col=first.start + 1)
