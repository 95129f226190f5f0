"""The forms a document's table of contents (目录) lists, to hold them against the forms printed.

The contents run from the 目录 line to where the body begins: the first entry printed again
(the body repeats the first heading), or the first form found. An entry is a form when its
words, without the ordinal, dot leaders and page number, are a form title.
"""
from __future__ import annotations

import re

from .forms.catalog import match_title
from .forms.sections import FormSection
from .source import SourceDocument

_LEADER_AND_PAGE = re.compile(r"[\s.…·．-]*\d*$")
_MAX_CONTENTS_LINES = 150


_NUMBERED = re.compile(r"^\d+[.．、]")      # '1. 2026年部门财务收支预算总表'


def _entry(text: str) -> str:
    return _NUMBERED.sub("", _LEADER_AND_PAGE.sub("", re.sub(r"\s+", "", text)))


def forms_in_contents(source: SourceDocument, sections: list[FormSection]) -> list[str]:
    """The forms the 目录 lists, in its order (empty when there is no 目录)."""
    start = next((line.number for line in source.lines if re.sub(r"\s+", "", line.text) == "目录"), None)
    if start is None:
        return []
    first_form = min((section.title_line.number for section in sections), default=len(source.lines) + 1)
    seen: set[str] = set()
    listed: list[str] = []
    for line in source.lines[start:start + _MAX_CONTENTS_LINES]:
        if line.number >= first_form:
            break
        entry = _entry(" ".join(cell for cell in line.cells if cell))
        if not entry:
            continue
        if entry in seen:
            break                     # the body begins: it repeats the first heading
        seen.add(entry)
        spec = match_title(entry)
        if spec is not None and spec.form is not None and spec.form not in listed:
            listed.append(spec.form)
    return listed
