"""Department and fiscal year from the cover lines ('2023年度武汉市…办事处部门决算公开')."""
from __future__ import annotations

import re
from collections import Counter

from .source import SourceDocument

_COVER = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<department>.+?)(?:部门|单位)?(?:整体)?决算")
_COVER_LINES = 12


def read_cover(document: SourceDocument) -> tuple[str | None, str | None, int | None]:
    """(title, department, year); the title may be printed over several lines."""
    lines = [line.text.strip() for line in document.lines if not line.is_blank][:_COVER_LINES]
    for start in range(len(lines)):
        joined = ""
        for line in lines[start:start + 3]:
            joined += line.replace(" ", "")
            match = _COVER.search(joined)
            if match:
                return joined, match.group("department"), int(match.group("year"))
    return None, None, None


def most_common(values) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None
