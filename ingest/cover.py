"""Department, fiscal year and kind of disclosure from the cover lines.

Three orders are printed: '2023年度武汉市…办事处部门决算公开' (year first); on many PDF covers,
'上海市普陀区财政局' / '年度部门决算' / '2024' with the year in a larger font on a line of its own;
and '上海市普陀区2025年区级部门预算' / '预算主管部门：上海市普陀区商务委员会', the department in a
labelled line under the title. A file of tables alone has no cover: its kind comes from its
forms' titles and its year from its headings.
"""
from __future__ import annotations

import re
from collections import Counter

from .source import SourceDocument

_YEAR = r"(?:19|20)\d{2}"
_KIND = r"(?P<kind>决算|预算)"
_YEAR_FIRST = re.compile(rf"(?P<year>{_YEAR})\s*年度?\s*(?P<department>.+?)(?:部门|单位)?(?:整体)?{_KIND}")
_DEPARTMENT_FIRST = re.compile(rf"^(?P<department>\D+?)(?P<year>{_YEAR})?年度(?:部门|单位)(?:整体)?{_KIND}")
_LABELLED = re.compile(r"^(?:预算主管部门|主管部门|预算单位|部门名称|单位名称)[:：](?P<department>\S.*)$")
_ANY_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")
_HEADING_YEAR = re.compile(rf"(?<!\d)({_YEAR})\s*年度?[^，。；\d]{{0,24}}(?:决算|预算)")
_UNIT_BUDGET = re.compile(r"单位预算")
_DATE = re.compile(rf"(?<!\d)({_YEAR})\s*年\s*(\d{{1,2}})\s*月(?:\s*(\d{{1,2}})\s*日)?")
COVER_LINES = 12   # the cover is read from the first non-blank lines

FINAL_ACCOUNTS, DEPARTMENT_BUDGET, UNIT_BUDGET = "final_accounts", "department_budget", "unit_budget"


def _cover_lines(document: SourceDocument) -> list[str]:
    return [line.text.strip() for line in document.lines if not line.is_blank][:COVER_LINES]


def read_cover(document: SourceDocument) -> tuple[str | None, str | None, int | None]:
    """(title, department, year); the title may be printed over several lines."""
    lines = _cover_lines(document)
    for index, line in enumerate(lines):
        labelled = _LABELLED.match(line.replace(" ", ""))
        year = next(iter(_ANY_YEAR.findall("".join(lines[:index]))), None)
        if labelled and year and index > 0:
            return "".join(lines[:index]).replace(" ", ""), labelled.group("department"), int(year)
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
    return None, None, heading_year(document)


def publication_date(document: SourceDocument) -> str | None:
    """The date printed on the cover ('2024年10月29日' -> '2024-10-29'; '2023 年 4 月' -> '2023-04'),
    which orders versions of one disclosure; None when the cover prints none."""
    for line in _cover_lines(document):
        match = _DATE.search(line)
        if match and 1 <= int(match.group(2)) <= 12:
            year, month, day = match.groups()
            return f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
    return None


def heading_year(document: SourceDocument) -> int | None:
    """The year most headings give ('2019年政府采购预算表', '2019年度部门预算表'): a file of
    tables alone prints no cover."""
    found = most_common(match for line in document.lines for match in _HEADING_YEAR.findall(line.text))
    return int(found) if found else None


def document_kind(document: SourceDocument, budget_forms: int, final_accounts_forms: int) -> str | None:
    """final_accounts / department_budget / unit_budget: what the cover says it is, else what most
    of its forms are; a unit budget says 单位预算 (or 预算单位) on its cover or in its 目录."""
    cover = "".join(_cover_lines(document)).replace(" ", "")
    said = [match.group("kind") for pattern in (_YEAR_FIRST, _DEPARTMENT_FIRST) for match in [pattern.search(cover)]
            if match]
    kind = said[0] if said else ("预算" if budget_forms > final_accounts_forms else
                                 "决算" if final_accounts_forms else None)
    if kind is None:
        return None
    if kind == "决算":
        return FINAL_ACCOUNTS
    head = "".join(line.text for line in document.lines[:COVER_LINES * 3]).replace(" ", "")
    return UNIT_BUDGET if _UNIT_BUDGET.search(head) else DEPARTMENT_BUDGET


def most_common(values) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None
