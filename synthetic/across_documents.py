"""Documents of one department across kinds and years, for the rules across documents: the
repaired disclosure under another department's name, its published budget of the same year, and
its final accounts of the year before.

Each fixture set is a department of its own (石洞街道 renamed to another street), so that it
pairs with no other fixture: every other fixture is 石洞街道's 2023 final accounts.
"""
from __future__ import annotations

import re
from decimal import Decimal

# The 年初预算 the repaired narrative states for each 项 (section 五, 一般公共预算财政拨款支出决算
# 具体情况), where above zero: what the department's published budget printed in its 05. The
# 项 stated at 0 (2010502, 2010507, …) were not budgeted, and the budget prints no line for them.
STATED_INITIAL_BUDGETS = {
    "2010108": "5.00", "2010301": "57.15", "2010302": "82.60", "2010599": "2.48", "2012902": "0.20",
    "2080208": "266.70", "2080501": "7.10", "2080505": "3.99", "2081099": "4.00", "2101101": "1.99",
    "2101103": "6.84", "2120104": "22.50", "2120501": "200.00", "2210201": "7.04", "2210202": "1.31",
    "2210203": "1.05",
}
_ORDINALS = "一二三四五六七八九十"
_YEAR = re.compile(r"(?<!\d)(20\d{2})(?=\s*年)")


def renamed(lines: list[str], street: str) -> list[str]:
    """The disclosure as another 街道's: every mention of 石洞街道, cover to headers."""
    return [line.replace("石洞街道", street) for line in lines]


def year_before(lines: list[str]) -> list[str]:
    """The disclosure moved one year back (cover, headings and dated statements alike)."""
    return [_YEAR.sub(lambda year: str(int(year.group(1)) - 1), line) for line in lines]


def _names(lines: list[str]) -> dict[str, str]:
    """Code -> name as the disclosure prints them in its tables."""
    names: dict[str, str] = {}
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 1 and re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", cells[0]) and cells[1]:
            names.setdefault(cells[0], cells[1])
    return names


def _ordinal(number: int) -> str:
    if number <= 10:
        return _ORDINALS[number - 1] if number < 10 else "十"
    return ("十" if number < 20 else _ORDINALS[number // 10 - 1] + "十") + (_ORDINALS[number % 10 - 1] if number % 10 else "")


def budget_lines(final_accounts: list[str], department: str, year: int,
                 changed: dict[str, str] | None = None) -> list[str]:
    """The department's published budget (部门预算) of `year`: 01, 02, 03 and 05 under the central
    template's titles (收支总表, 收入总表, 支出总表, 一般公共预算支出表), printing the stated
    年初预算 of each 项 (`changed` overrides some), with their 款, 类 and 合计 summed, all of it
    fiscal appropriation and basic expenditure."""
    amounts = {code: Decimal(value) for code, value in {**STATED_INITIAL_BUDGETS, **(changed or {})}.items()}
    names = _names(final_accounts)
    for length in (5, 3):
        for code, amount in list(amounts.items()):
            if len(code) == length + 2:
                amounts[code[:length]] = amounts.get(code[:length], Decimal(0)) + amount
    total = sum(amount for code, amount in amounts.items() if len(code) == 3)
    coded = [(code, names[code], amounts[code]) for code in sorted(amounts)]
    classes = [(code, name, amount) for code, name, amount in coded if len(code) == 3]

    summary = ["收支总表", "单位：万元", "本年收入\t\t本年支出\t", "项目\t预算数\t项目\t预算数"]
    for number, (_, name, amount) in enumerate(classes, start=1):
        income = ["一、财政拨款收入", f"{total}"] if number == 1 else ["", ""]
        summary.append("\t".join([*income, f"{_ordinal(number)}、{name}", f"{amount}"]))
    summary.append(f"收入总计\t{total}\t支出总计\t{total}")

    def coded_table(title: str, columns: list[str], values) -> list[str]:
        rows = [title, "单位：万元", "\t".join(["科目编码", "科目名称", *columns]),
                "\t".join(["合计", "", *values(total)])]
        rows += ["\t".join([code, name, *values(amount)]) for code, name, amount in coded]
        return [*rows, ""]

    return [
        f"{year}年度{department}部门预算", "", *summary, "",
        *coded_table("收入总表", ["合计", "财政拨款收入"], lambda amount: [f"{amount}", f"{amount}"]),
        *coded_table("支出总表", ["合计", "基本支出", "项目支出"], lambda amount: [f"{amount}", f"{amount}", "0.00"]),
        *coded_table("一般公共预算支出表", ["合计", "基本支出", "项目支出"],
                     lambda amount: [f"{amount}", f"{amount}", "0.00"]),
        "注：本文件为测试夹具，到此结束。",
    ]
