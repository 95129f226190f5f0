"""Find each standard form in a document: a title line confirmed by a table header below it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..numbers import find_unit, looks_like_amount
from ..source import SourceDocument, SourceLine
from .catalog import FormSpec, form_marker, label_parts, match_title

# A heading of any level ends the form before it: 第二部分, 三、, （一）. Numbered list items
# (1. 2、) do not: notes under a table number their points so.
_NUMBERED_HEADING = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_DEPARTMENT_LABELS = "编制部门|编制单位|部门名称|单位名称|部门"
_DEPARTMENT = re.compile(rf"^(?P<label>{_DEPARTMENT_LABELS})[:：]\s*(?P<name>\S.*)$")
_BARE_LABEL = re.compile(rf"^(?:{_DEPARTMENT_LABELS})[:：]?$")      # 单位名称： with nothing after it
_HEADER_WORDS = ("科目代码", "科目编码", "科目名称", "项目", "行次", "栏次", "预算数", "决算数", "人员经费", "合计")
_HEADER_LOOKAHEAD = 12
_LABEL_LENGTH = 60      # a 部门：… label, not a sentence that happens to start so
_WRAPPED_TAIL = re.compile(r"^[\u4e00-\u9fff）)]{1,3}$")
# how a department's name ends: a name cut short of it wrapped in its cell
_NAME_ENDINGS = ("院", "局", "厅", "室", "处", "会", "部", "委", "办", "所", "校", "学", "站", "中心", "馆", "队", "社",
                 "府", "署", "）", ")")


def first_cell(line: SourceLine) -> str:
    for cell in line.cells:
        if cell:
            return cell
    return ""


def labelled_department(cell: str) -> tuple[str, str] | None:
    """(label, name) of a 部门：… / 编制单位：… / 单位名称：… label in the cell (its parts read
    apart, see label_parts)."""
    for part in label_parts(cell):
        match = _DEPARTMENT.match(part)
        if match and len(part) <= _LABEL_LENGTH and not any(mark in part for mark in "。，；,;"):
            return match.group("label"), re.sub(r"\s+", "", match.group("name"))
    return None


def department_in(cell: str) -> str | None:
    """The department a form header names."""
    labelled = labelled_department(cell)
    return labelled[1] if labelled else None


def _is_label(part: str) -> bool:
    return bool(_DEPARTMENT.match(part) or _BARE_LABEL.match(part))


def is_meta_line(line: SourceLine) -> bool:
    """Page furniture around a table: 部门：…, 单位：…, 公开NN表, a repeated title."""
    parts = [part for cell in line.cells for part in label_parts(cell)]
    if not parts:
        return False
    return all(_is_label(part) or find_unit(part) or form_marker(part) or match_title(part) for part in parts)


def is_numbered_heading(line: SourceLine) -> bool:
    """A heading printed on a line of its own, outside any table (one cell, not a table row with
    empty cells): 第三部分 …, 三、…, （一）…"""
    return len(line.cells) == 1 and bool(_NUMBERED_HEADING.match(line.cells[0]))


def is_note_line(line: SourceLine) -> bool:
    text = first_cell(line)
    return text.startswith(("注", "说明", "备注"))


def _looks_like_header(line: SourceLine) -> bool:
    return any(word in cell.replace(" ", "") for cell in line.cells for word in _HEADER_WORDS)


def is_column_numbers(line: SourceLine) -> bool:
    """'栏次 | | 1 | 2 | 3': the row that numbers the columns."""
    numbers = [cell for cell in line.cells if cell and cell.replace(" ", "") not in ("栏次", "行次", "项目")]
    return bool(numbers) and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def is_repeated_header(line: SourceLine) -> bool:
    """Header words and no amount, or the column numbers: a header printed again inside a table
    (a text extraction repeats it at each page break) or a category row (人员经费 | 公用经费).
    Callers ask only of rows that are no data row of their form."""
    return is_column_numbers(line) or (
        _looks_like_header(line) and not any(looks_like_amount(cell) for cell in line.cells))


@dataclass
class FormSection:
    spec: FormSpec
    title_line: SourceLine
    lines: list[SourceLine] = field(default_factory=list)
    problem: str | None = None        # why this section cannot be read, found while locating it
    problem_hint: str | None = None

    @property
    def form(self) -> str:
        return self.spec.form

    @property
    def end_line(self) -> int:
        return self.lines[-1].number if self.lines else self.title_line.number

    def _all_cells(self):
        for line in [self.title_line, *self.lines]:
            yield from line.cells

    def department(self) -> str | None:
        """The department the 部门 label names; a name wrapped in its cell onto the next row (the
        few characters under it, e.g. 江苏省高级人民法 / 院) is joined."""
        lines = [self.title_line, *self.lines]
        for number, line in enumerate(lines):
            for index, cell in enumerate(line.cells):
                department = department_in(cell)
                if department is None:
                    continue
                below = lines[number + 1] if number + 1 < len(lines) else None
                tail = below.cell(index).replace(" ", "") if below is not None else ""
                if (_WRAPPED_TAIL.match(tail) and not department.endswith(_NAME_ENDINGS)
                        and (department + tail).endswith(_NAME_ENDINGS)):
                    department += tail
                return department
        return None

    def unit(self) -> str | None:
        return next((unit for unit in map(find_unit, self._all_cells()) if unit), None)

    def empty_note(self) -> str | None:
        """The 说明 printed under a table with no data, e.g. '…故本表无数据。'"""
        for line in self.lines:
            text = first_cell(line)
            if text.startswith("说明") and ("无数据" in text or "没有" in text or "无" in text):
                return text
            if text.startswith("注") and ("无数据" in text or "没有" in text):
                return text
        return None

    def has_table(self) -> bool:
        """Any line of cells under the title (a contents entry or a heading has none)."""
        return any(len(line.cells) > 1 for line in self.lines)

    def table_lines(self) -> list[SourceLine]:
        """The contiguous table: from the first header line to the first blank or note line."""
        table: list[SourceLine] = []
        for line in self.lines:
            if line.is_blank or is_note_line(line):
                if table:
                    break
                continue
            if is_meta_line(line):
                continue
            table.append(line)
        return table


def _header_follows(lines: list[SourceLine], index: int) -> bool:
    seen = 0
    for line in lines[index + 1:]:
        if line.is_blank:
            continue
        if _looks_like_header(line):
            return True
        seen += 1
        if seen >= _HEADER_LOOKAHEAD:
            return False
    return False


def locate_sections(document: SourceDocument) -> list[FormSection]:
    """Every form found in the document, in printed order. A title repeated for the form in
    progress (page title, then table title) continues that form; a form ends at the next form
    title or the next heading of any level. A section that cannot be trusted (a second table
    under the same title, a table the PDF reader could not give as cells) carries its problem,
    for the parser to report as a parse issue of that form alone. A 公开NN表 marker does not
    decide the form: publishers number their tables in their own order (三公 is 公开07表 in
    some), so the title's words and the header below it do. A stand-in table (see FormSpec) is
    dropped where the document prints the form proper."""
    sections: list[FormSection] = []
    current: FormSection | None = None
    lines = document.lines
    for index, line in enumerate(lines):
        text = first_cell(line)
        spec = match_title(text) if text else None
        if spec and _header_follows(lines, index):
            if current is not None and current.spec.key == spec.key:
                current.lines.append(line)
                continue
            if spec.form is None:           # a table not read: it ends the form before it
                current = None
                continue
            current = FormSection(spec, line)
            earlier = next((s for s in sections if s.form == spec.form and s.spec.stands_in == spec.stands_in), None)
            if earlier is not None and not earlier.has_table():
                sections.remove(earlier)       # a contents entry or a heading that named the form
                earlier = None
            if earlier is not None:
                current.problem = (f"form title appears twice (lines {earlier.title_line.number} and {line.number}); "
                                   "the first table is read")
                current.problem_hint = "check the document: one of them may be another form under a title not known yet"
            sections.append(current)
        elif text and is_numbered_heading(line) and not is_meta_line(line):
            current = None
        elif current is not None:
            current.lines.append(line)
    proper = {section.form for section in sections if not section.spec.stands_in}
    sections = [section for section in sections if not (section.spec.stands_in and section.form in proper)]
    for section in sections:
        if section.title_line.number in document.layout_problems and section.problem is None:
            section.problem, section.problem_hint = document.layout_problems[section.title_line.number]
    return sections
