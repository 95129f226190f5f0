"""Department and fiscal year from the cover lines.

Two orders are printed: '2023年度武汉市…办事处部门决算公开' (year first) and, on many PDF covers,
'上海市普陀区财政局' / '年度部门决算' / '2024' with the year in a larger font on a line of its own.
"""
from __future__ import annotations

import re
from collections import Counter

from .source import SourceDocument

_YEAR = r"(?:19|20)\d{2}"
_YEAR_FIRST = re.compile(rf"(?P<year>{_YEAR})\s*年度?\s*(?P<department>.+?)(?:部门|单位)?(?:整体)?决算")
_DEPARTMENT_FIRST = re.compile(rf"^(?P<department>\D+?)(?P<year>{_YEAR})?年度(?:部门|单位)(?:整体)?决算")
_ANY_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
COVER_LINES = 12   # the cover is read from the first non-blank lines


def read_cover(document: SourceDocument) -> tuple[str | None, str | None, int | None]:
    """(title, department, year); the title may be printed over several lines."""
    lines = [line.text.strip() for line in document.lines if not line.is_blank][:COVER_LINES]
    for start in range(len(lines)):
        joined = ""
        for line in lines[start:start + 3]:
            joined += line.replace(" ", "")
            match = _DEPARTMENT_FIRST.search(joined)
            if match:
                window = "".join(line.replace(" ", "") for line in lines[start:start + 3])
                year = match.group("year") or next(iter(_ANY_YEAR.findall(window)), None)
                if year:
                    return window, match.group("department"), int(year)
            match = _YEAR_FIRST.search(joined)
            if match:
                return joined, match.group("department"), int(match.group("year"))
    return None, None, None


def most_common(values) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None
