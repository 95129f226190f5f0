"""Claims: the figures of the narrative, each tied to the subject it is about.

A figure is a number with a unit (万元, 元, %, 辆, 个, 人次). What it measures comes from the
words just before it (its lead): 年初预算 → initial_budget, 决算 / 执行数 → actual, 占 → share,
完成…预算的 → completion, 增加 / 减少 → change. What it is about is the last subject named in
its sentence, or else the subject of the figure before it in the paragraph ('1、…行政运行（项）。
年初预算为57.15万元' names the 项 in one sentence and gives its figures in the next).

One claim gathers the figures of one subject in one paragraph; a measure given twice, or money
in a different unit ('959.84元' after figures in 万元), starts a new claim, so every claim's
arithmetic is between figures printed together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from .paragraphs import Paragraph
from .subjects import TOPIC_DEFAULT_SUBJECT, TOPIC_SHARE_BASE, Subject, share_base_in, subject_in

# thousands separators as printed: 430,725.03万元
_FIGURE = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元|%|辆|个|人次)")
_SENTENCE_END = re.compile(r"[。；;]")
_UP = re.compile(r"增加|增长|上升")
_DOWN = re.compile(r"减少|下降|降低")
_COMPLETION = re.compile(r"完成[^，,。]*?预算(?:数)?的|执行率")
_ADJUSTED = re.compile(r"调整后预算")
_BUDGET = re.compile(r"年初预算|全年预算|预算数|预算为")
_ACTUAL = re.compile(r"决算|执行数")
_BUDGET_BASIS = re.compile(r"[比较](?:年初|全年)?预算")
_CARRY_LEAD = 12   # a sentence that opens with more words than this before its figure is about something new
# what a completion rate is of: 完成年初预算的 / 完成全年预算的 / 完成调整后预算的 / 完成预算的
_COMPLETION_BASES = [(re.compile(r"年初"), "initial"), (re.compile(r"全年"), "full_year"),
                     (re.compile(r"调整"), "adjusted")]
# the words that compare the actual with the budget: 支出决算数小于年初预算数, 决算数与预算数基本持平
_BUDGET_COMPARISON = re.compile(r"决算数?(?:(?P<than>大于|小于|高于|低于|超过|等于)(?:年初|全年|调整后)?预算"
                                r"|(?:与|和|同)(?:年初|全年|调整后)?预算数?(?P<alike>基本持平|持平|相等|一致))")
_COMPARISON_WORDS = {"大于": "more", "高于": "more", "超过": "more", "小于": "less", "低于": "less",
                     "等于": "equal", "相等": "equal", "一致": "equal", "持平": "equal", "基本持平": "about_equal"}
_REASON = re.compile(r"(?:主要)?原因(?:是|为|主要是)?[:：]?(.+?)(?:。|$)")
# a lead that ends in a name of spending, income or a total the subjects do not know
# ('事业收入增加', '学校2023年度支出总计'): the figure is about that, not about the subject before it,
# and so are the figures after it in its sentence
_UNKNOWN_NAME = re.compile(r"(?:[\u4e00-\u9fff]{2,}(?:支出|收入|经费|费用|总计|合计|总额)|结转(?:下年|和结余))"
                           r"(?:增加|减少|增长|下降|降低|上升|共计|合计|为|是|达到?|[:：])*$")

COUNT_UNITS = {"辆", "个", "人次"}
COUNT_SUBJECTS = {"vehicles_total", "vehicles_by_use", "groups", "evaluated_projects"}


@dataclass
class Claim:
    subject: Subject
    topic: str | None
    start: int                      # offsets into the paragraph text
    end: int
    money_unit: str | None = None
    figures: dict[str, Decimal] = field(default_factory=dict)
    change_basis: str | None = None
    share_base: str | None = None
    quantity_unit: str | None = None
    completion_basis: str | None = None     # initial / full_year / adjusted / unspecified: 完成年初预算的…
    stated_comparison: str | None = None    # more / less / equal / about_equal: 决算数小于预算数


def _measure(lead: str, unit: str, budget: bool = False) -> str | None:
    """Which measure a figure is, from the words before it (None: a percentage we cannot place).
    In a budget, an executed figure (执行数, 决算) is of the year before: prior_amount."""
    if unit == "%":
        if "占" in lead:
            return "share_percent"
        if _COMPLETION.search(lead):
            return "completion_percent"
        if _UP.search(lead) or _DOWN.search(lead):
            return "change_percent"
        return None
    if unit in COUNT_UNITS:
        return "quantity"
    if _UP.search(lead) or _DOWN.search(lead):
        return "change_amount"
    if _ADJUSTED.search(lead):
        return "adjusted_budget"
    last_budget = max((m.end() for m in _BUDGET.finditer(lead)), default=-1)
    last_actual = max((m.end() for m in _ACTUAL.finditer(lead)), default=-1)
    if last_budget > last_actual:
        return "initial_budget"
    if last_actual >= 0:
        return "prior_amount" if budget else "actual"
    return "amount"


def _signed(value: Decimal, lead: str) -> Decimal:
    ups = [m.end() for m in _UP.finditer(lead)]
    downs = [m.end() for m in _DOWN.finditer(lead)]
    return -value if max(downs, default=-1) > max(ups, default=-1) else value


def _fits(subject: Subject, unit: str) -> bool:
    """Counts belong to vehicles, groups and projects; money and percentages to the rest."""
    if unit == "%" or subject.key == "evaluated_projects":   # 共涉及项目25个，资金872.85万元
        return True
    return (unit in COUNT_UNITS) == (subject.key in COUNT_SUBJECTS)


def _carried(current: Claim | None, text: str, start: int, sentence_lead: str) -> Subject | None:
    """The subject of the figure before, if it is in the same sentence or this sentence
    starts with its figure ('。下降17%', '。年初预算为57.15万元')."""
    if current is None:
        return None
    same_sentence = not _SENTENCE_END.search(text, current.end, start)
    return current.subject if same_sentence or len(sentence_lead) <= _CARRY_LEAD else None


def _heading_subject(text: str, before: int, class_names: frozenset[str]) -> Subject | None:
    """A 类/款/项 or project the paragraph opens with: '1、…行政运行（项）。年初预算为…'; named
    before the figure at `before` (the opening sentence may go on to name what comes after it:
    '支出预算557,259.13万元，其中：教育支出…' is not about 教育支出)."""
    subject = subject_in(_SENTENCE_END.split(text[:before])[0], class_names)
    return subject if subject and subject.key in ("function_item", "function_class", "project") else None


def _topic_subject(paragraph: Paragraph, current: Claim | None) -> Subject | None:
    """The topic's subject, for the first figures of a paragraph that names none (not of a
    numbered item: an item is about what it names, known or not)."""
    if current is None and paragraph.topic in TOPIC_DEFAULT_SUBJECT and not paragraph.is_item:
        return Subject(TOPIC_DEFAULT_SUBJECT[paragraph.topic], "")
    return None


def claims_in(paragraph: Paragraph, class_names: frozenset[str] = frozenset(), budget: bool = False) -> list[Claim]:
    """class_names: the document's printed 类 names, subjects without a （类） mark. budget: the
    paragraph is a budget's, which restates an item's amount ('…（01项）1672.67万元。…2026年预算
    安排1672.67万元'): the same figure again continues its claim; a figure names its subject (no
    topic's default), and shares are left out."""
    text = paragraph.text
    claims: list[Claim] = []
    current: Claim | None = None
    previous_end = 0
    muted_until = -1      # figures of a sentence about something unknown, up to its end
    for figure in _FIGURE.finditer(text):
        lead = text[previous_end:figure.start()]
        previous_end = figure.end()
        value, unit = Decimal(figure.group(1).replace(",", "")), figure.group(2)
        sentence_lead = _SENTENCE_END.split(lead)[-1]
        named_part = sentence_lead.split("占")[0]
        measure = _measure(sentence_lead or lead, unit, budget)
        if measure is None:
            continue
        subject = subject_in(named_part, class_names)
        if subject is not None:
            muted_until = -1
        elif _UNKNOWN_NAME.search(named_part) or figure.start() < muted_until:
            end = _SENTENCE_END.search(text, figure.end())
            muted_until = end.start() if end else len(text)
            continue
        subject = subject or _carried(current, text, figure.start(), sentence_lead) \
            or _heading_subject(text, figure.start(), class_names) \
            or (None if budget else _topic_subject(paragraph, current))
        if budget and measure == "share_percent":
            continue        # of 收入总计 / 支出总计 with the balances in: not read yet
        if subject is None or not _fits(subject, unit):
            continue
        money = unit in ("万元", "元")
        restated = budget and current is not None and current.figures.get(measure) == value
        if (current is None or current.subject != subject or (measure in current.figures and not restated)
                or (money and current.money_unit not in (None, unit))):
            current = Claim(subject, paragraph.topic, figure.start(), figure.end())
            claims.append(current)
        current.end = figure.end()
        if money:
            current.money_unit = unit
        if measure in ("change_amount", "change_percent"):
            value = _signed(value, sentence_lead or lead)
            basis = "budget" if _BUDGET_BASIS.search(sentence_lead) else "prior_year"
            current.change_basis = current.change_basis or basis
        if measure == "share_percent":
            current.share_base = share_base_in(sentence_lead.split("占")[-1]) \
                or TOPIC_SHARE_BASE.get(paragraph.topic or "")
        if measure == "quantity":
            current.quantity_unit = unit
        if measure == "completion_percent":
            current.completion_basis = _completion_basis(sentence_lead or lead)
        current.figures[measure] = value
    for claim, following in zip(claims, [*claims[1:], None]):
        claim.stated_comparison = _stated_comparison(text, claim, following.start if following else len(text))
    return claims


def _completion_basis(lead: str) -> str:
    """Which budget '完成…预算的' names: 年初 / 全年 / 调整后, or none."""
    phrase = _COMPLETION.search(lead)
    words = phrase.group(0) if phrase else ""
    return next((basis for pattern, basis in _COMPLETION_BASES if pattern.search(words)), "unspecified")


def _stated_comparison(text: str, claim: Claim, until: int) -> str | None:
    """How the prose right after a claim of budget and actual compares them: up to the next
    claim, and no further than the sentence after the claim's own."""
    if "actual" not in claim.figures or not {"initial_budget", "adjusted_budget"} & set(claim.figures):
        return None
    ends = [end.end() for _, end in zip(range(2), _SENTENCE_END.finditer(text, claim.end))]
    match = _BUDGET_COMPARISON.search(text, claim.end, min(until, ends[-1] if len(ends) == 2 else len(text)))
    return _COMPARISON_WORDS[match.group("than") or match.group("alike")] if match else None


def sentence_of(paragraph: Paragraph, claim: Claim) -> str:
    """The printed sentence(s) holding the claim's figures."""
    text = paragraph.text
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, claim.start)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, claim.end)
    return text[start:end_match.end() if end_match else len(text)]


def stated_reason(paragraph: Paragraph, claim: Claim) -> str | None:
    """The reason the paragraph gives (主要原因…) after the claim's first figure."""
    match = _REASON.search(paragraph.text, claim.start)
    return match.group(1) if match else None
