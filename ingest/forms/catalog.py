"""The nine standard forms, the title variants by which they are recognised, and the template
families that print them.

A title is recognised by its words, whatever is printed around them: a table-number prefix
(`表 1：`, `附表2`, `公开03表`), a 高等学校 prefix, quotes and spaces, a （续） mark, and the 部门 /
单位 labels that some layouts fuse into the title cell (`收支决算总表部门：XX局单位：万元`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class FormSpec:
    form: str
    title: str                # the standard title
    pattern: re.Pattern[str]  # matched against a normalised title cell, anchored at its end


# Most specific first: 财政拨款收入支出决算总表 also ends like 收入支出决算总表, and the 高等学校
# family's 财政拨款支出决算表 (all fiscal funds, its 05) ends like 支出决算表.
FORM_SPECS = [
    FormSpec("04", "财政拨款收入支出决算总表", re.compile(r"财政拨款收入?支出?决算总表$")),
    FormSpec("01", "收入支出决算总表", re.compile(r"收入?支出?决算总表$")),
    FormSpec("06", "一般公共预算财政拨款基本支出决算明细表",
             re.compile(r"一般公共预算(?:财政拨款)?基本支出决算(?:明细)?表$")),
    FormSpec("05", "一般公共预算财政拨款支出决算表",
             re.compile(r"一般公共预算(?:财政拨款)?支出决算(?:明细)?表$")),
    FormSpec("07", "政府性基金预算财政拨款收入支出决算表",
             re.compile(r"政府性基金预算(?:财政拨款)?(?:收入?)?支出?决算表$")),
    FormSpec("08", "国有资本经营预算财政拨款支出决算表",
             re.compile(r"国有资本经营预算(?:财政拨款)?(?:收入?)?支出?决算表$")),
    # 财政拨款“三公”经费支出决算表, and 一般公共预算“三公”经费、会议费、培训费支出决算表
    FormSpec("09", "财政拨款三公经费支出决算表", re.compile(r"三公经费[^表]*?支出决算表$")),
    FormSpec("05", "财政拨款支出决算表", re.compile(r"财政拨款支出决算表$")),
    FormSpec("03", "支出决算表", re.compile(r"支出决算表$")),
    FormSpec("02", "收入决算表", re.compile(r"收入决算表$")),
]
ALL_FORMS = sorted({spec.form for spec in FORM_SPECS})

# The forms each template family prints (a disclosure that omits one has a finding). The
# 高等学校 family (central universities) prints four wide tables: 收支决算总表 (01), 收入决算表
# (02), 支出决算表 (03) and 财政拨款支出决算表 (05).
TEMPLATE_FORMS = {"department": ALL_FORMS, "university": ["01", "02", "03", "05"]}
_UNIVERSITY_PREFIX = "高等学校"

_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』]")
_CONTINUED = re.compile(r"[(（]续表?[)）]$|续表$")
# a qualifier after the title: （功能科目）, （经济科目）, （按功能分类）
_QUALIFIER = re.compile(r"[(（][^()（）]{1,12}[)）]$")
# A table number before the title: 表1： / 表 1. / 附表2 / 公开03表 / 表一、
_NUMBER_PREFIX = re.compile(r"^(?:附?表|公开)[0-9一二三四五六七八九十]+(?:[-－][0-9]+)?表?[:：.、]?")
_FORM_MARKER = re.compile(r"公开\s*(\d{1,2})\s*表")
# Labels a layout may print inside the title cell or fuse into one cell: 部门：… 单位：万元
_LABEL = re.compile(r"(?=(?:编制部门|编制单位|部门名称|单位名称)[:：])|(?<!编制)(?<!名称)(?=(?:部门|单位)[:：])")
_SENTENCE_MARKS = "。，；,;"


def label_parts(cell: str) -> list[str]:
    """A cell split before each 部门： / 单位： / 编制单位： label it holds, so that a title, a
    department and a unit fused into one cell are read apart. Sentences are left whole."""
    if not cell or any(mark in cell for mark in _SENTENCE_MARKS):
        return [cell] if cell else []
    return [part.strip() for part in _LABEL.split(cell) if part.strip()]


def normalise_title(text: str) -> str:
    """Quotes, spaces and a table-number prefix removed; a continuation mark ('（续）', '续表') and a
    qualifier ('（功能科目）') dropped."""
    title = _QUOTES_AND_SPACE.sub("", unicodedata.normalize("NFKC", text))
    title = _NUMBER_PREFIX.sub("", title)
    return _QUALIFIER.sub("", _CONTINUED.sub("", title))


def match_title(cell: str) -> FormSpec | None:
    """The form whose title this cell is (or begins with, before fused 部门/单位 labels), if any.
    Sentences and contents lines are not titles."""
    parts = label_parts(cell)
    title = normalise_title(parts[0]) if parts else ""
    if not title or len(title) > 60 or any(mark in title for mark in "。，；….:："):
        return None
    for spec in FORM_SPECS:
        if spec.pattern.search(title):
            return spec
    return None


def template_family(titles: list[str]) -> str:
    """The family whose forms these printed titles are: 'university' for 高等学校…决算表."""
    return "university" if any(_UNIVERSITY_PREFIX in normalise_title(title) for title in titles) else "department"


def form_marker(cell: str) -> str | None:
    """'公开02表' -> '02', '公开 10表' -> '10': the publisher's number for the table (page furniture,
    not the form: publishers number their tables in their own order)."""
    match = _FORM_MARKER.search(unicodedata.normalize("NFKC", cell))
    return f"{int(match.group(1)):02d}" if match else None
