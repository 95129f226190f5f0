"""The nine standard forms and the title variants by which they are recognised."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class FormSpec:
    form: str
    title: str                # the standard title
    pattern: re.Pattern[str]  # matched against a normalised title cell, anchored at its end


# Most specific first: 财政拨款收入支出决算总表 also ends like 收入支出决算总表.
FORM_SPECS = [
    FormSpec("04", "财政拨款收入支出决算总表", re.compile(r"财政拨款收入?支出?决算总表$")),
    FormSpec("01", "收入支出决算总表", re.compile(r"收入?支出?决算总表$")),
    FormSpec("06", "一般公共预算财政拨款基本支出决算明细表",
             re.compile(r"一般公共预算财政拨款基本支出决算(?:明细)?表$")),
    FormSpec("05", "一般公共预算财政拨款支出决算表", re.compile(r"一般公共预算财政拨款支出决算(?:明细)?表$")),
    FormSpec("07", "政府性基金预算财政拨款收入支出决算表",
             re.compile(r"政府性基金预算财政拨款收入?支出?决算表$")),
    FormSpec("08", "国有资本经营预算财政拨款支出决算表",
             re.compile(r"国有资本经营预算财政拨款(?:收入?)?支出?决算表$")),
    FormSpec("09", "财政拨款三公经费支出决算表", re.compile(r"财政拨款三公经费支出决算表$")),
    FormSpec("03", "支出决算表", re.compile(r"支出决算表$")),
    FormSpec("02", "收入决算表", re.compile(r"收入决算表$")),
]
SPEC_BY_FORM = {spec.form: spec for spec in FORM_SPECS}
ALL_FORMS = sorted(SPEC_BY_FORM)

_QUOTES_AND_SPACE = re.compile(r"[\s\"'“”‘’「」『』]")
_CONTINUED = re.compile(r"[(（]续表?[)）]$|续表$")
_FORM_MARKER = re.compile(r"公开\s*0?([1-9])\s*表")


def normalise_title(text: str) -> str:
    """Quotes and spaces removed, a continuation mark ('（续）', '续表') dropped."""
    title = _QUOTES_AND_SPACE.sub("", unicodedata.normalize("NFKC", text))
    return _CONTINUED.sub("", title)


def match_title(cell: str) -> FormSpec | None:
    """The form whose title this cell is, if any. Sentences and contents lines are not titles."""
    title = normalise_title(cell)
    if not title or len(title) > 60 or any(mark in title for mark in "。，；….:："):
        return None
    for spec in FORM_SPECS:
        if spec.pattern.search(title):
            return spec
    return None


def form_marker(cell: str) -> str | None:
    """'公开02表' -> '02'."""
    match = _FORM_MARKER.search(unicodedata.normalize("NFKC", cell))
    return f"0{match.group(1)}" if match else None
