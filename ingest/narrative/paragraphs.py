"""The narrative part (情况说明) as paragraphs, each under the topic of its section heading.

The narrative is the part after the forms, from its 第X部分 heading to the next part heading
(重点工作, 名词解释, 附件). Text extractions break a sentence over lines (often with blank lines
between the pieces, sometimes inside a number: '5.1' / '5万元'), so lines are joined into
paragraphs and a paragraph ends only where the next one visibly starts: a heading or a
numbered item. Only one-cell lines are prose; tab-separated lines are tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..numbers import normalise_cell
from ..source import SourceDocument, SourceLine

_PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SUB_HEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]")
_ITEM = re.compile(r"^(?:\d+(?:、|[.．](?!\d))|[（(]\d+[)）]|指标\s*\d+|图\s*\d+)")
_HAS_FIGURE = re.compile(r"\d\s*(?:万元|元|%|％)")

# Section topics, tried in order on a heading: the first keyword found names the topic.
TOPIC_KEYWORDS = [
    ("三公", "three_public"),
    ("机关运行经费", "operating_cost"),
    ("政府采购", "procurement"),
    ("国有资产", "assets"),
    ("绩效", "performance"),
    ("政府性基金", "government_fund"),
    ("国有资本经营", "state_capital"),
    ("基本支出", "basic"),
    ("一般公共预算财政拨款支出", "general_budget"),
    ("财政拨款收入支出", "fiscal"),
    ("财政拨款支出", "general_budget"),       # 高等学校财政拨款支出决算表说明
    ("收入支出决算总体", "overall"),
    ("收入决算", "income"),
    ("支出决算", "expenditure"),
    ("收支预算总", "overall"),
    ("收入支出预算总", "overall"),
    ("收入预算", "income"),
    ("支出预算", "expenditure"),
]


_SPACE_NOT_BETWEEN_FIGURES = re.compile(r"(?<![\d.])\s+|\s+(?![\d.])")


@lru_cache(maxsize=1 << 16)    # the narrative readers clean the same lines many times over
def clean_text(text: str) -> str:
    """NFKC (full-width digits, % and parentheses to ASCII), and no spaces except between two
    figures: extraction puts spaces around numbers ('959.84 万元', '2023 年度')."""
    return _SPACE_NOT_BETWEEN_FIGURES.sub("", normalise_cell(text))


def topic_of(heading: str) -> str | None:
    return next((topic for keyword, topic in TOPIC_KEYWORDS if keyword in heading), None)


@dataclass
class Paragraph:
    topic: str | None              # of the nearest heading above that names one
    heading: str                   # that heading as printed (cleaned)
    lines: list[SourceLine] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)    # cleaned text of each line

    @property
    def is_item(self) -> bool:
        """A numbered item ('1.小学教育（2050202）…'), not a paragraph of the section's own."""
        return bool(self.pieces and _ITEM.match(self.pieces[0]))

    @property
    def text(self) -> str:
        return "".join(self.pieces)

    def line_at(self, offset: int) -> SourceLine:
        """The source line holding character `offset` of self.text."""
        for line, piece in zip(self.lines, self.pieces):
            if offset < len(piece):
                return line
            offset -= len(piece)
        return self.lines[-1]


def _is_heading(text: str) -> bool:
    return bool(_TOP_HEADING.match(text) or _SUB_HEADING.match(text)) and not _HAS_FIGURE.search(text) \
        and "。" not in text[:-1]


def narrative_lines(document: SourceDocument, after_line: int) -> list[SourceLine]:
    """Prose lines of the narrative part: from the first part heading after `after_line` (the
    last form's end) to the next part heading; without part headings, to the end."""
    lines = [line for line in document.lines if line.number > after_line]
    starts = [i for i, line in enumerate(lines) if _PART_HEADING.match(clean_text(line.cell(0)))]
    if starts:
        following = starts[1] if len(starts) > 1 else len(lines)
        lines = lines[starts[0] + 1:following]
    return [line for line in lines if len([cell for cell in line.cells if cell]) == 1]


def lines_outside(document: SourceDocument, spans: list[tuple[int, int]]) -> list[SourceLine]:
    """Prose lines outside the given (first, last) line spans: a budget's narrative, printed
    before its tables (编制说明) and after them (其他相关情况说明)."""
    return [line for line in document.lines
            if len([cell for cell in line.cells if cell]) == 1
            and not any(first <= line.number <= last for first, last in spans)]


def paragraphs_of(lines: list[SourceLine]) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    topic: str | None = None
    heading = ""
    current: Paragraph | None = None
    for line in lines:
        text = clean_text(next(cell for cell in line.cells if cell))
        if not text:
            continue
        if _is_heading(text):
            named = topic_of(text)
            # a top heading always starts a topic (maybe none); a subheading only when it names one
            if named or _TOP_HEADING.match(text):
                topic, heading = named, text
            current = None
            continue
        if current is None or _ITEM.match(text):
            current = Paragraph(topic, heading)
            paragraphs.append(current)
        current.lines.append(line)
        current.pieces.append(text)
    return paragraphs
