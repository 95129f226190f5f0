"""The department and the fiscal year a document prints outside its cover, for the metadata
rules: a heading left from a template (`XX局`), a dropped `普陀区`, last year's 编制范围.

Mentions are taken only where a heading or a fixed phrase says what the words are:
- part headings and the table-set heading: 第一部分 <department>概况,
  第二部分 <department><year>年度部门决算表, 二、<year>年度部门决算报表;
- 编制部门 / 编制单位 / 部门： lines outside the forms (the forms' own headers are raw_forms';
  单位名称 names a unit, not the department, and is left out);
- dated statements: 截至<year>年12月31日, 纳入<department><year>年度部门决算编制范围,
  <year>年度部门决算 (not after 比 / 较 / 与: a comparison names another year on purpose).
The cover itself (its first lines) is what they are compared with, so it is not read here.
"""
from __future__ import annotations

import re
import unicodedata

from .cover import COVER_LINES
from .forms.sections import FormSection, labelled_department
from .model import MentionRow
from .source import SourceDocument, SourceLine

_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
_PART_DEPARTMENT = re.compile(r"^(?P<department>[^\d、，。；：:]+?)"
                              r"(?:概况|(?:\d{4})?年度?(?:部门|单位)决算(?:报表|表|情况说明|情况|公开)?)$")
_YEAR_OF_ACCOUNTS = re.compile(r"(?P<lead>.{0,4}?)(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)决算")
_AS_OF_YEAR_END = re.compile(r"截至(?P<year>(?:19|20)\d{2})年12月31日")
_SCOPE = re.compile(r"纳入(?P<department>[^\d，。；]{2,40}?)(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)决算编制范围")
_COMPARISON = re.compile(r"[比较与同]|上年|相比|对比")
_GENERIC = {"部门", "单位", "本部门", "本单位", "学校", "本级", "本部门(单位)", "我部门", "我单位"}
_HEADING_LENGTH = 60


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# a body's name ends like one (局, 委员会, 办事处, 大学 …): '基本概况' names none
_BODY_END = re.compile(r"(?:局|委|办|厅|院|部|会|所|处|室|校|学|中心|站|馆|队|社|司|团|府|署|庭|台|园|场|区|镇|乡|村|街道|组)$")


def _is_department(name: str) -> bool:
    return len(name) >= 2 and name not in _GENERIC and bool(_BODY_END.search(name))


def _mention(source: SourceDocument, line: SourceLine, kind: str, context: str, value: str) -> MentionRow:
    return MentionRow(source.document_id, "document", line.page, line.number, line.text,
                      mention_kind=kind, context=context, printed_value=value)


def _heading_mentions(source: SourceDocument, line: SourceLine, text: str) -> list[MentionRow]:
    found = []
    match = _PART_DEPARTMENT.match(_ORDINAL.sub("", text))     # the heading's words, without 第二部分 / 三、
    if match and _is_department(match.group("department")):
        found.append(_mention(source, line, "department", "heading", match.group("department")))
    for year in _YEAR_OF_ACCOUNTS.finditer(text):
        if not _COMPARISON.search(year.group("lead")):
            found.append(_mention(source, line, "fiscal_year", "heading", year.group("year")))
    return found


def _statement_mentions(source: SourceDocument, line: SourceLine, text: str, starts_before: int,
                        is_heading: bool) -> list[MentionRow]:
    """Mentions in `text` (the line, and the start of the next one where a phrase wraps) that
    begin on this line: before `starts_before`. A heading's 年度部门决算 year is the heading's."""
    found = []
    if "决算" not in text and "12月31日" not in text:    # every pattern below prints one of them
        return found
    for match in _SCOPE.finditer(text):
        if match.start() < starts_before and _is_department(match.group("department")):
            found.append(_mention(source, line, "department", "dated_statement", match.group("department")))
    for pattern in (_AS_OF_YEAR_END,) if is_heading else (_YEAR_OF_ACCOUNTS, _AS_OF_YEAR_END):
        for match in pattern.finditer(text):
            if match.start("year") >= starts_before:
                continue
            if pattern is _YEAR_OF_ACCOUNTS and _COMPARISON.search(match.group("lead")):
                continue
            found.append(_mention(source, line, "fiscal_year", "dated_statement", match.group("year")))
    return found


def document_mentions(source: SourceDocument, sections: list[FormSection]) -> list[MentionRow]:
    """Every department and year mention outside the cover and the forms, in printed order."""
    in_forms = {line.number for section in sections for line in [section.title_line, *section.lines]}
    printed = [line for line in source.lines if not line.is_blank]
    cleaned: dict[int, str] = {}          # line number -> its text cleaned (a line is read twice)

    def clean(line: SourceLine) -> str:
        if line.number not in cleaned:
            cleaned[line.number] = _clean(line.text)
        return cleaned[line.number]
    mentions: list[MentionRow] = []
    for index, line in enumerate(printed[COVER_LINES:], start=COVER_LINES):
        if line.number in in_forms:
            continue
        cells = [cell for cell in line.cells if cell]
        labelled = next((found for found in map(labelled_department, cells) if found), None)
        if labelled:
            label, department = labelled
            # 单位名称 names one unit (of a self-evaluation table, say), not the department
            if label != "单位名称" and _is_department(department):
                mentions.append(_mention(source, line, "department", "compiler_line", department))
            continue
        if len(cells) != 1:
            continue                  # a table row
        text = clean(line)               # its one cell: _clean drops the empty cells' tabs
        is_heading = len(text) <= _HEADING_LENGTH and not re.search(r"[,.;，。；]", text)
        if is_heading:
            mentions.extend(_heading_mentions(source, line, text))
        # a phrase may wrap onto the next line
        following = printed[index + 1] if index + 1 < len(printed) else None
        joined = text + (clean(following)[:20] if following is not None and len(following.cells) == 1 else "")
        mentions.extend(_statement_mentions(source, line, joined, len(text), is_heading))
    return mentions
