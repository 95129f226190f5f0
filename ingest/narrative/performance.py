"""Performance self-evaluation tables (绩效自评表): the department-wide one and one per project.

A table starts at its title ('2023 年度…项目绩效自评表', '…整体绩效自评表') and runs to the next
title. From it we read the project (or unit) name, the competent department and implementing
unit, the ticked category / attribute / type boxes, the budget row (预算数 A, 执行数 B,
执行率 B/A, 得分 where printed) and every indicator row (一级 / 二级 / 三级指标, target, actual,
score where printed). Extractions misalign these tables' cells, so rows are read by content:
the values are the last non-empty cells, the 一级指标 is the cell that names one of the three
first-level kinds, and blank levels carry down from the row above.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..source import SourceLine
from .paragraphs import clean_text

_TITLE = re.compile(r"^\d{4}年度.*自评表?$")
_YEAR_TITLE = re.compile(r"^\d{4}年度")
_LEVEL1 = re.compile(r"^(产出|效益|满意度)指?标?$")   # '满意度指' when the cell wraps
_CHECKBOX = re.compile(r"\d、([^<\d]+?)\s*<input([^>]*)/?>")
_MONEY = re.compile(r"^(\d+(?:\.\d+)?)(?:万元|万)?$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_END_OF_INDICATORS = ("偏差大", "改进措施")


@dataclass
class Indicator:
    line: SourceLine
    level1: str | None
    level2: str | None
    level3: str
    target: str | None
    actual: str | None
    score: Decimal | None


@dataclass
class PerformanceTable:
    title_line: SourceLine
    title: str
    kind: str                                   # department / project
    name: str | None = None                     # project name, or the unit's for the department table
    competent_department: str | None = None
    implementing_unit: str | None = None
    ticks: dict[str, str] = field(default_factory=dict)     # category / attribute / type -> ticked
    budget_line: SourceLine | None = None
    budget: Decimal | None = None
    execution: Decimal | None = None
    execution_rate: Decimal | None = None
    budget_score: Decimal | None = None
    indicators: list[Indicator] = field(default_factory=list)


def _cells(line: SourceLine) -> list[str]:
    return [text for text in map(clean_text, line.cells) if text]


def is_table_title(line: SourceLine) -> bool:
    cells = _cells(line)
    return len(cells) == 1 and bool(_TITLE.match(cells[0]))


def _value_after(cells: list[str], label: str) -> str | None:
    for index, cell in enumerate(cells):
        if cell.startswith(label):
            rest = cell[len(label):].lstrip(":：")
            if rest:
                return rest
            return next((c for c in cells[index + 1:]), None)
    return None


def _ticked(line: SourceLine) -> str:
    return "；".join(match.group(1).strip() for match in _CHECKBOX.finditer(line.text)
                    if "checked" in match.group(2))


def _read_budget(table: PerformanceTable, line: SourceLine, cells: list[str]) -> None:
    amounts: list[Decimal] = []
    for cell in cells:
        percent = _PERCENT.match(cell)
        money = _MONEY.match(cell)
        if percent and table.execution_rate is None:
            table.execution_rate = Decimal(percent.group(1))
        elif money:
            amounts.append(Decimal(money.group(1)))
    table.budget_line = line
    table.budget = amounts[0] if amounts else None
    table.execution = amounts[1] if len(amounts) > 1 else None
    table.budget_score = amounts[2] if len(amounts) > 2 else None


def _read_indicator(table: PerformanceTable, line: SourceLine, cells: list[str], has_score: bool) -> None:
    values = 3 if has_score and cells and re.fullmatch(r"\d+(?:\.\d+)?", cells[-1]) else 2
    if len(cells) < values + 1:
        return   # a wrapped fragment of the row above ('标', '工程改造')
    names, printed = cells[:-values], cells[-values:]
    previous = table.indicators[-1] if table.indicators else None
    level1 = next((_LEVEL1.sub(r"\1指标", n) for n in names[:-1] if _LEVEL1.match(n)), None)
    level2 = next((n for n in reversed(names[:-1]) if not _LEVEL1.match(n)), None)
    table.indicators.append(Indicator(
        line=line,
        level1=level1 or (previous.level1 if previous else None),
        level2=level2 or (previous.level2 if previous and not level1 else None),
        level3=names[-1],
        target=printed[0],
        actual=printed[1],
        score=Decimal(printed[2]) if values == 3 else None,
    ))


def _name_from_title(title: str) -> str:
    name = _YEAR_TITLE.sub("", title)
    return re.sub(r"(?:项目)?(?:绩效)?自评表?$", "", name)


def _read_table(title_line: SourceLine, lines: list[SourceLine]) -> PerformanceTable | None:
    title = _cells(title_line)[0]
    table = PerformanceTable(title_line, title, "department" if "整体" in title else "project")
    name_label = "单位名称" if table.kind == "department" else "项目名称"
    in_indicators = False
    has_score = False
    for line in lines:
        cells = _cells(line)
        if not cells:
            continue
        first = cells[0]
        if first.startswith(name_label) and table.name is None:
            table.name = _value_after(cells, name_label)
        elif first.startswith("主管部门"):
            table.competent_department = _value_after(cells, "主管部门")
            table.implementing_unit = _value_after(cells, "项目实施单位")
        elif first.startswith(("项目类别", "项目属性", "项目类型")):
            key = {"项目类别": "category", "项目属性": "attribute", "项目类型": "type"}[first[:4]]
            table.ticks[key] = _ticked(line)
        elif any(cell in ("年度财政资金总额", "部门整体支出总额") for cell in cells) and table.budget_line is None:
            _read_budget(table, line, cells)
        elif any("三级指标" in cell for cell in cells):
            in_indicators, has_score = True, any(cell.startswith("得分") for cell in cells)
        elif first.startswith(_END_OF_INDICATORS):
            in_indicators = False
        elif in_indicators:
            _read_indicator(table, line, cells, has_score)
    if table.budget_line is None:
        return None     # a heading such as '二、2023年度项目绩效自评表', not a table
    if table.kind == "project" and not table.name:
        table.name = _name_from_title(title)
    return table


def performance_tables(lines: list[SourceLine]) -> list[PerformanceTable]:
    """Every self-evaluation table among `lines` (the part of the document after the forms)."""
    starts = [i for i, line in enumerate(lines) if is_table_title(line)]
    tables = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        table = _read_table(lines[start], lines[start + 1:end])
        if table is not None:
            tables.append(table)
    return tables
