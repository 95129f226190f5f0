"""Which functional code a narrative names by its 类 / 款 / 项 names.

Prose names are looked up among the codes the document's own tables print: 05 first, then
03; 03 first in the sections on all spending (支出决算, 收入支出决算总体), whose figures are of
all funds. A code matches exactly when all printed names agree; otherwise the best-scoring code
is taken if it is the only one with that score and at least two of the three names agree (a
款 name cut short, '应急管理事', counts half). A code printed in the prose beside its name
(小学教育（2050202）) is taken as printed: exact when the names agree, partial when not. The
match kind is landed, so a code named differently in prose and in the tables becomes a
finding rather than a silent join.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import FunctionLineRow
from .subjects import Subject

_PARENS = re.compile(r"[()（）\s]")


@lru_cache(maxsize=8192)       # the same printed names are compared over and over
def _norm(name: str | None) -> str:
    name = _PARENS.sub("", name or "")
    return name.removesuffix("支出") if name else ""


@dataclass(frozen=True)
class CodeMatch:
    code: str | None
    form: str | None
    kind: str                  # exact / partial / unresolved


def printed_names(rows_by_form: dict[str, list[FunctionLineRow]]) -> dict[str, dict[str, str]]:
    """form -> code -> printed name, for 05 and 03: built once per document."""
    return {form: {row.function_code: row.function_name or "" for row in rows_by_form.get(form, [])
                   if row.row_kind == "code" and row.function_code}
            for form in ("05", "03")}


def class_names_of(names_by_form: dict[str, dict[str, str]]) -> frozenset[str]:
    """The printed names of the 类 rows (教育支出): prose names a 类 by them without a （类） mark."""
    return frozenset(name for names in names_by_form.values() for code, name in names.items()
                     if len(code) == 3 and len(name) >= 4)


def _name_score(prose: str | None, printed: str | None) -> float:
    prose_name, printed_name = _norm(prose), _norm(printed)
    if not prose_name:
        return 0
    if prose_name == printed_name:
        return 1
    if printed_name.startswith(prose_name) or prose_name.startswith(printed_name):
        return 0.5
    return 0


def _match_in(subject: Subject, names: dict[str, str]) -> tuple[str | None, str]:
    if subject.printed_code:
        if subject.printed_code not in names:
            return None, "unresolved"
        prose = subject.class_name if subject.key == "function_class" else subject.item_name
        return subject.printed_code, "exact" if _norm(prose) == _norm(names[subject.printed_code]) else "partial"
    if subject.key == "function_class":
        hits = [code for code, name in names.items() if len(code) == 3 and _norm(name) == _norm(subject.class_name)]
        return (hits[0], "exact") if len(hits) == 1 else (None, "unresolved")
    scored = []
    for code, name in names.items():
        if len(code) != 7:
            continue
        parts = (_name_score(subject.class_name, names.get(code[:3])),
                 _name_score(subject.section_name, names.get(code[:5])),
                 _name_score(subject.item_name, name))
        # the 款 weighs most: within one 类 several 项 share a name (一般行政管理事务)
        scored.append((parts[1] * 4 + parts[2] * 2 + parts[0], sum(p > 0 for p in parts), code, parts))
    if not scored:
        return None, "unresolved"
    best = max(entry[0] for entry in scored)
    winners = [entry for entry in scored if entry[0] == best]
    if len(winners) != 1 or winners[0][1] < 2:
        return None, "unresolved"
    _, _, code, parts = winners[0]
    return code, "exact" if parts == (1, 1, 1) else "partial"


_ALL_FUNDS_TOPICS = {"expenditure", "overall"}


def match_function_code(subject: Subject, names_by_form: dict[str, dict[str, str]],
                        topic: str | None = None) -> CodeMatch:
    """names_by_form: printed_names() of the document; topic: the section the prose is in."""
    if subject.key not in ("function_item", "function_class"):
        return CodeMatch(None, None, "unresolved")
    fallback = CodeMatch(None, None, "unresolved")
    for form in ("03", "05") if topic in _ALL_FUNDS_TOPICS else ("05", "03"):
        code, kind = _match_in(subject, names_by_form[form])
        if kind == "exact":
            return CodeMatch(code, form, kind)
        if code and fallback.code is None:
            fallback = CodeMatch(code, form, kind)
    return fallback
