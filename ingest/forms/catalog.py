"""The nine standard forms, the title variants by which they are recognised in final accounts
(决算) and in budgets (预算), and the template families that print them.

A budget prints the same nine forms under its own titles (财务收支预算总表 is 01, 一般公共预算支出
功能分类预算表 is 05, …): the form id names what a table holds, whichever disclosure prints it,
and the document's kind tells a budget amount from an actual one. Tables we recognise and do not
read yet (机关运行经费, 政府采购, 项目支出 tables) have no form: their titles only end the form before
them, so that their rows are never read as that form's.

A title is recognised by its words, whatever is printed around them: a table-number prefix
(`表 1：`, `附表2`, `公开03表`), a 高等学校 prefix, quotes and spaces, a （续） mark, and the 部门 /
单位 labels that some layouts fuse into the title cell (`收支决算总表部门：XX局单位：万元`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache


FINAL_ACCOUNTS = "final_accounts"
BUDGET = "budget"


@dataclass(frozen=True)
class FormSpec:
    form: str | None          # None: a table recognised and not read
    title: str                # the standard title
    pattern: re.Pattern[str]  # matched against a normalised title cell, anchored at its end
    kind: str = FINAL_ACCOUNTS   # the disclosure that prints it
    # a table read as `form` only where the document prints no table that is that form proper:
    # 财政拨款支出预算表 (all fiscal funds) is the 05 of a university, and Jiangsu's departments
    # print it beside their 一般公共预算支出预算表
    stands_in: bool = False

    @property
    def key(self) -> str:
        """What tells one table from the next: the form, or the title of a table not read."""
        return self.form or self.title


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
_B = BUDGET
_P = "(?:预算)?"     # budgets print 收支预算总表 and, in the central template, 收支总表
BUDGET_SPECS = [
    FormSpec("04", "财政拨款收支预算总表", re.compile(rf"财政拨款收入?支出?{_P}总表$"), _B),
    FormSpec("01", "财务收支预算总表", re.compile(rf"收入?支出?{_P}总表$"), _B),
    FormSpec("06", "一般公共预算基本支出部门预算经济分类预算表",
             re.compile(rf"一般公共预算(?:财政拨款)?基本支出(?:部门预算)?(?:经济分类)?{_P}表$"), _B),
    FormSpec("05", "一般公共预算支出功能分类预算表",
             re.compile(rf"一般公共预算(?:财政拨款)?支出(?:功能分类)?{_P}表$"), _B),
    FormSpec("07", "政府性基金预算支出功能分类预算表",
             re.compile(rf"政府性基金(?:预算)?(?:财政拨款)?支出(?:功能分类)?{_P}表$"), _B),
    FormSpec("08", "国有资本经营预算支出功能分类预算表",
             re.compile(rf"国有资本经营(?:预算)?(?:财政拨款)?支出(?:功能分类)?{_P}表$"), _B),
    # “三公”经费和机关运行经费预算表, 一般公共预算“三公”经费、会议费、培训费支出预算表, “三公”经费支出表
    FormSpec("09", "三公经费预算表", re.compile(r"三公经费[^表]*?表$"), _B),
    FormSpec(None, "机关运行经费预算表", re.compile(r"机关运行经费[^表]*?表$"), _B),
    FormSpec(None, "政府采购预算表", re.compile(r"政府采购[^表]*?表$"), _B),
    FormSpec(None, "项目支出预算表", re.compile(r"项目支出[^表]*?表$"), _B),
    FormSpec("06", "财政拨款基本支出预算表", re.compile(rf"财政拨款基本支出(?:经济分类)?{_P}表$"), _B, stands_in=True),
    FormSpec("05", "财政拨款支出预算表", re.compile(rf"财政拨款支出(?:功能分类)?{_P}表$"), _B, stands_in=True),
    FormSpec("03", "支出预算总表", re.compile(rf"支出{_P}(?:总)?表$"), _B),
    FormSpec("02", "收入预算总表", re.compile(rf"收入{_P}(?:总)?表$"), _B),
]
ALL_FORMS = sorted({spec.form for spec in FORM_SPECS})

# The forms each template family prints (a disclosure that omits one has a finding). The
# 高等学校 family (central universities) prints four wide tables: 收支决算总表 (01), 收入决算表
# (02), 支出决算表 (03) and 财政拨款支出决算表 (05).
# Budgets vary more by publisher (Jiangsu prints no 08; 西南大学 four tables): every budget
# prints these three, and its 目录 lists the rest.
# A disclosure's text printed without its tables (Jiangsu prints some so) expects no form.
TEXT_ONLY = "text_only"
TEMPLATE_FORMS = {"department": ALL_FORMS, "university": ["01", "02", "03", "05"], "budget": ["01", "02", "03"],
                  TEXT_ONLY: []}
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
_DIGIT_GROUPING = re.compile(r"(?<=\d),(?=\d{3})")


@lru_cache(maxsize=1 << 16)    # sections and mentions ask it of the same cells again and again
def label_parts(cell: str) -> tuple[str, ...]:
    """A cell split before each 部门： / 单位： / 编制单位： label it holds, so that a title, a
    department and a unit fused into one cell are read apart. Sentences are left whole."""
    if not cell:
        return ()
    # a comma grouping digits ('27,664.22', a title cell fused with its table's text) is no sentence mark
    ungrouped = _DIGIT_GROUPING.sub("", cell)
    if any(mark in ungrouped for mark in _SENTENCE_MARKS):
        return (cell,)
    return tuple(part.strip() for part in _LABEL.split(cell) if part.strip())


def normalise_title(text: str) -> str:
    """Quotes, spaces and a table-number prefix removed; a continuation mark ('（续）', '续表') and a
    qualifier ('（功能科目）') dropped."""
    title = _QUOTES_AND_SPACE.sub("", unicodedata.normalize("NFKC", text))
    title = _NUMBER_PREFIX.sub("", title)
    return _QUALIFIER.sub("", _CONTINUED.sub("", title))


@lru_cache(maxsize=1 << 16)    # every cell of every line is asked while sections are located
def match_title(cell: str) -> FormSpec | None:
    """The form whose title this cell is (or begins with, before fused 部门/单位 labels), if any.
    Sentences and contents lines are not titles."""
    parts = label_parts(cell)
    title = normalise_title(parts[0]) if parts else ""
    if not title or len(title) > 60 or any(mark in title for mark in "。，；….:："):
        return None
    # every final-accounts title says 决算; budgets say 预算 or, in the central template, neither
    specs = FORM_SPECS if "决算" in title else BUDGET_SPECS
    for spec in specs:
        if spec.pattern.search(title):
            return spec
    return None


def template_family(specs: list[FormSpec], titles: list[str]) -> str:
    """The family whose forms these are: 'budget' when the forms are budget tables,
    'university' for 高等学校…决算表, else 'department'."""
    if specs and sum(spec.kind == BUDGET for spec in specs) * 2 > len(specs):
        return "budget"
    return "university" if any(_UNIVERSITY_PREFIX in normalise_title(title) for title in titles) else "department"


def form_marker(cell: str) -> str | None:
    """'公开02表' -> '02', '公开 10表' -> '10': the publisher's number for the table (page furniture,
    not the form: publishers number their tables in their own order)."""
    match = _FORM_MARKER.search(unicodedata.normalize("NFKC", cell))
    return f"{int(match.group(1)):02d}" if match else None
