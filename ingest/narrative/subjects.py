"""What a narrative figure is about: the subject named just before it.

Subjects are keys the warehouse knows how to find in the tables (see the mapping in
models/intermediate/narrative/int_narrative_claims__table_values.sql). Phrases are tried in
order, so a longer phrase ('一般公共预算财政拨款收入') wins over the phrase it contains
('财政拨款收入'). Functional classification names ('…（类）…（款）…（项）') and project names
are read separately: they carry the printed names, not a fixed key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SUBJECT_PHRASES: list[tuple[str, str]] = [
    (r"财政拨款收、?支总计|财政拨款收入支出总计|财政拨款收支总计", "fiscal_grand_total"),
    (r"收、?支总计|收入支出总计|收支总计", "grand_total"),
    (r"一般公共预算财政拨款收入", "general_budget_income"),
    (r"政府性基金预算财政拨款收入", "government_fund_income"),
    (r"国有资本经营预算财政拨款收入", "state_capital_income"),
    (r"一般公共预算财政拨款基本支出", "basic_expenditure"),
    (r"一般公共预算财政拨款支出", "general_budget_expenditure"),
    (r"财政拨款收入", "fiscal_income"),
    (r"其他收入", "other_income"),
    (r"(?:本年)?收入合计", "income_total"),
    (r"(?:本年)?支出合计", "expenditure_total"),
    (r"基本支出", "basic_expenditure"),
    (r"项目支出", "project_expenditure"),
    (r"人员经费", "personnel_expenditure"),
    (r"机关运行经费", "operating_cost"),
    (r"公用经费", "public_use_expenditure"),
    (r"因公出国\(境\)费?", "three_public_overseas_travel"),
    (r"公务用车购置及运行(?:维护)?费", "three_public_vehicle_total"),
    (r"公务用车购置费?", "three_public_vehicle_purchase"),
    (r"公务用车运行(?:维护)?费", "three_public_vehicle_operation"),
    (r"外宾接待", "three_public_reception_foreign"),
    (r"国内公务接待", "three_public_reception_domestic"),
    (r"公务接待费?", "three_public_reception"),
    (r"“?三公”?经费", "three_public_total"),
    (r"政府采购(?:支出总额|金额|支出)", "procurement_total"),
    (r"货物(?:采购)?(?:金额|支出?)?", "procurement_goods"),
    (r"工程(?:采购)?(?:金额|支出)?", "procurement_works"),
    (r"服务(?:采购)?(?:金额|支出)?", "procurement_services"),
    (r"授予中小企业合同金额|中小企业供应商中标或成交的", "procurement_sme"),
    (r"授予小微企业合同金额|小微企业供应商中标或成交的", "procurement_small_micro"),
    (r"整体年初预算|年度总支出|部门整体", "department_total"),
    (r"保有量|共有车辆", "vehicles_total"),
    (r"(?:副部\(省\)级及以上|部级)领导(?:干部)?用车|主要(?:负责人|领导干部)用车|机要通信用车|应急保障用车"
     r"|执法执勤用车|特种专业技术用车|离退休干部(?:服务)?用车|其他用车", "vehicles_by_use"),
    (r"团组", "groups"),
    (r"共涉及项目", "evaluated_projects"),
]
_COMPILED = [(re.compile(pattern), key) for pattern, key in SUBJECT_PHRASES]
# one pass that says whether any phrase is in a text at all: most are in none, and then the
# phrases are not searched one by one
_ANY_PHRASE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in SUBJECT_PHRASES))

# Topics whose plain figures mean one subject, when the sentence names none.
TOPIC_DEFAULT_SUBJECT = {
    "general_budget": "general_budget_expenditure",
    "basic": "basic_expenditure",
    "operating_cost": "operating_cost",
    "three_public": "three_public_total",
}

# The total a share (占 P%) is a share of, when the sentence does not say.
TOPIC_SHARE_BASE = {
    "income": "income_total",
    "expenditure": "expenditure_total",
    "general_budget": "general_budget_expenditure",
    "procurement": "procurement_total",
    "performance": "project_expenditure",
}
_SHARE_BASES = [
    (re.compile(r"本年收入"), "income_total"),
    (re.compile(r"本年支出"), "expenditure_total"),
    (re.compile(r"一般公共预算项目支出"), "project_expenditure"),
    (re.compile(r"政府采购支出总额"), "procurement_total"),
    (re.compile(r"授予中小企业合同金额"), "procurement_sme"),
    (re.compile(r"货物支出金额"), "procurement_goods"),
    (re.compile(r"工程支出金额"), "procurement_works"),
    (re.compile(r"服务支出金额"), "procurement_services"),
]

# budgets print the code's digits inside the marks: 公共安全支出（204类）司法（06款）行政运行（01项）
_FUNCTION_ITEM = re.compile(r"([^,，。；;:：、.()“”\d]+?)\(\d*类\)(.+?)\(\d*项\)")
_FUNCTION_CLASS = re.compile(r"([^,，。；;:：、.()“”\d]+?)\(\d*类\)")
# a quoted 类-款-项 path: “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目
_FUNCTION_PATH = re.compile(r"“([^“”\-—]+)[-—]([^“”]+)[-—]([^“”\-—]+)”")
_SECTION_MARK = re.compile(r"\(\d*款\)|\(室\)")
# a name with its code printed after it: 小学教育(2050202)
_NAME_WITH_CODE = re.compile(r"([^,，。；;:：、.()\d]+?)\((2\d{2}(?:\d{2}){0,2})\)")
_PROJECT = re.compile(r"^(?:\d+[、.])?“?([^“”]+?)”?(?:项目)?(?:绩效)?自评综述")


@dataclass(frozen=True)
class Subject:
    key: str                       # e.g. grand_total, function_item, project
    label: str                     # the phrase as printed
    class_name: str | None = None  # functional 类 / 款 / 项 names as printed
    section_name: str | None = None
    item_name: str | None = None
    printed_code: str | None = None  # a code the prose prints beside the name: 小学教育(2050202)


def subject_in(text: str, class_names: frozenset[str] = frozenset()) -> Subject | None:
    """The subject named last in `text` (the words before a figure), if any. A phrase inside
    one already found (a 类 name inside a 类/款/项 path) does not count again. class_names: the
    document's printed 类 names (教育支出), read as 类 subjects without a （类） mark."""
    found: list[tuple[int, int, Subject]] = []   # start, end, subject

    def add(start: int, end: int, subject: Subject) -> None:
        if not any(start < other_end and other_start < end for other_start, other_end, _ in found):
            found.append((start, end, subject))

    for match in _FUNCTION_ITEM.finditer(text):
        class_name, middle = match.group(1), match.group(2)
        marks = list(_SECTION_MARK.finditer(middle))
        section, item = (middle[:marks[-1].start()], middle[marks[-1].end():]) if marks else ("", middle)
        add(match.start(), match.end(),
            Subject("function_item", match.group(0), class_name, section or None, item))
    for match in _FUNCTION_PATH.finditer(text):
        add(match.start(), match.end(),
            Subject("function_item", match.group(0), match.group(1), match.group(2), match.group(3)))
    for match in _FUNCTION_CLASS.finditer(text):
        add(match.start(), match.end(), Subject("function_class", match.group(0), match.group(1)))
    for match in _NAME_WITH_CODE.finditer(text):
        name, code = match.group(1), match.group(2)
        if len(code) == 3:
            add(match.start(), match.end(), Subject("function_class", match.group(0), name, printed_code=code))
        else:
            add(match.start(), match.end(), Subject("function_item", match.group(0), item_name=name, printed_code=code))
    for name in class_names:
        start = text.find(name)
        while start >= 0:
            if _starts_a_name(text, start):
                add(start, start + len(name), Subject("function_class", name, name))
            start = text.find(name, start + len(name))
    project = _PROJECT.match(text)
    if project:
        add(project.start(), project.end(), Subject("project", project.group(1)))
    if _ANY_PHRASE.search(text):
        for pattern, key in _COMPILED:
            for match in pattern.finditer(text):
                add(match.start(), match.end(), Subject(key, match.group(0)))
    return max(found, key=lambda entry: entry[1])[2] if found else None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORD_BEFORE_A_NAME = set("中于为是和及与对将")      # 其中教育支出, 用于教育支出, 教育支出和…


def _starts_a_name(text: str, start: int) -> bool:
    """A 类 name found at `start` is the name, not the end of a longer one (高等教育支出 is no 教育支出)."""
    return start == 0 or not _CJK.match(text[start - 1]) or text[start - 1] in _WORD_BEFORE_A_NAME


def share_base_in(text: str) -> str | None:
    return next((key for pattern, key in _SHARE_BASES if pattern.search(text)), None)
