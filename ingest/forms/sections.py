"""Find each standard form in a document: a title line confirmed by a table header below it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import IngestError
from ..numbers import find_unit
from ..source import SourceDocument, SourceLine
from .catalog import FormSpec, form_marker, match_title

_PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
_DEPARTMENT = re.compile(r"(?:部门|部门名称|单位名称|编制单位)[:：]\s*(\S+)")
_HEADER_WORDS = ("科目代码", "科目编码", "科目名称", "项目", "行次", "栏次", "预算数", "决算数", "人员经费", "合计")
_HEADER_LOOKAHEAD = 12


def first_cell(line: SourceLine) -> str:
    return next((cell for cell in line.cells if cell), "")


def is_meta_line(line: SourceLine) -> bool:
    """Page furniture around a table: 部门：…, 单位：…, 公开NN表, a repeated title."""
    cells = [cell for cell in line.cells if cell]
    if not cells:
        return False
    return all(_DEPARTMENT.match(cell) or find_unit(cell) or form_marker(cell) or match_title(cell)
               for cell in cells)


def is_note_line(line: SourceLine) -> bool:
    text = first_cell(line)
    return text.startswith(("注", "说明", "备注"))


def _looks_like_header(line: SourceLine) -> bool:
    return any(word in cell.replace(" ", "") for cell in line.cells for word in _HEADER_WORDS)


@dataclass
class FormSection:
    spec: FormSpec
    title_line: SourceLine
    lines: list[SourceLine] = field(default_factory=list)

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
        for cell in self._all_cells():
            match = _DEPARTMENT.match(cell)
            if match:
                return match.group(1)
        return None

    def unit(self) -> str | None:
        return next((unit for unit in map(find_unit, self._all_cells()) if unit), None)

    def markers(self) -> set[str]:
        return {marker for marker in map(form_marker, self._all_cells()) if marker}

    def empty_note(self) -> str | None:
        """The 说明 printed under a table with no data, e.g. '…故本表无数据。'"""
        for line in self.lines:
            text = first_cell(line)
            if text.startswith("说明") and ("无数据" in text or "没有" in text or "无" in text):
                return text
            if text.startswith("注") and ("无数据" in text or "没有" in text):
                return text
        return None

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
    progress (page title, then table title) continues that form."""
    sections: list[FormSection] = []
    current: FormSection | None = None
    lines = document.lines
    for index, line in enumerate(lines):
        text = first_cell(line)
        spec = match_title(text) if text else None
        if spec and _header_follows(lines, index):
            if current is not None and current.spec.form == spec.form:
                current.lines.append(line)
                continue
            earlier = next((s for s in sections if s.form == spec.form), None)
            if earlier is not None:
                raise IngestError(
                    f"form title appears twice (lines {earlier.title_line.number} and {line.number})",
                    file=document.name, form=spec.form, line=line.number, page=line.page,
                    hint="check the extraction; one of them may belong to another form")
            current = FormSection(spec, line)
            sections.append(current)
        elif text and _PART_HEADING.match(text):
            current = None
        elif current is not None:
            current.lines.append(line)
    for section in sections:
        markers = section.markers()
        if markers and section.form not in markers:
            raise IngestError(
                f"title reads as form {section.form} but the table is marked "
                + ", ".join(f"公开{m}表" for m in sorted(markers)),
                file=document.name, form=section.form, line=section.title_line.number,
                hint="the title variant may be unknown: add it to ingest/forms/catalog.py")
    return sections
