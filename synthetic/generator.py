"""A synthetic corpus for load tests: N departments × years of internally consistent disclosures.

Every document is the bundled Wuchang disclosure with its printed mistakes repaired (it passes
every rule), given its own department name and fiscal year. Its amounts are the template's: scaling
them was tried and dropped, because the template's printed rounding (06's items sum to 79.92
against a printed 79.93) scaled by k leaves the tolerance, and the narrative wraps amounts across
lines. The load is the same (rows, forms, rules per document); only the values repeat.

A chosen share of documents also carries one known discrepancy from synthetic.discrepancies (the
catalogue the rule tests prove), applied before scaling: its rule is the ground truth.

Two outputs: text files that go through the real parsers (`write_text_corpus`), and landing rows
made without parsing each document (`landing_records`), for corpora too large to parse in a
benchmark. The second parses one document per discrepancy and rewrites its identity;
tests/python/test_synthetic.py checks that it gives row for row what parsing the text gives.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ingest.cover import publication_date
from ingest.landing_records import document_records
from ingest.landing_schema import DOCUMENT_TABLES, LANDING_COLUMNS
from ingest.parse import parse_document
from ingest.source import SourceDocument, SourceLine, document_id_for

from .discrepancies import NEGATIVE_FIXTURES, Fixture, apply, base_lines

TEMPLATE_YEAR = 2023
TEMPLATE_MARK = "石洞"            # the part of the department's name that tells it apart
_MARK_DIGITS = "甲乙丙丁戊己庚辛壬癸"  # department numbers spelt without digits: the narrative
                                   # reader would take digits in a name for figures
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")     # \d: the narrative prints some years full-width
_BARE_YEAR = re.compile(r"^(\d{4})$")                # a year landed alone (a mention's printed value)

# Discrepancies the generator injects: those made on the whole repaired document that fail
# exactly their own rule (the others need a cut-down document or fail a pair of rules).
INJECTABLE: dict[str, Fixture] = {f.rule_id: f for f in NEGATIVE_FIXTURES if f.base == "repaired" and not f.fails}


@dataclass(frozen=True)
class SyntheticDocument:
    department_no: int
    fiscal_year: int
    discrepancy: str | None = None     # rule_id of the injected discrepancy, the ground truth

    @property
    def file_name(self) -> str:
        return f"synthetic-{self.department_no:05d}-{self.fiscal_year}.txt"

    @property
    def department_mark(self) -> str:
        return "".join(_MARK_DIGITS[int(digit)] for digit in f"{self.department_no:05d}")

    def substitute(self, text: str, year_pattern: re.Pattern[str] = _YEAR) -> str:
        """The template's department mark and years (2023 -> fiscal_year, 2022 -> the year before…)."""
        shift = self.fiscal_year - TEMPLATE_YEAR
        text = text.replace(TEMPLATE_MARK, self.department_mark)
        return year_pattern.sub(lambda m: _shift_year(m.group(1), shift), text) if shift else text


def _shift_year(printed: str, shift: int) -> str:
    year = int(printed)          # int() reads full-width digits too
    return str(year + shift) if 2000 <= year < 2100 else printed


def plan_corpus(documents: int, years: int = 3, discrepancy_rate: float = 0.0,
                seed: int = 7) -> list[SyntheticDocument]:
    """`documents` disclosures: departments × `years` consecutive years ending with the template's,
    the last department with fewer years when they do not divide. Injected discrepancies are
    drawn from `seed`, so a plan is reproducible."""
    chooser = random.Random(seed)
    rules = sorted(INJECTABLE)
    planned = []
    for index in range(documents):
        department_no, year_index = divmod(index, years)
        discrepancy = chooser.choice(rules) if chooser.random() < discrepancy_rate else None
        planned.append(SyntheticDocument(department_no + 1, TEMPLATE_YEAR - years + 1 + year_index,
                                         discrepancy))
    return planned


@cache
def _template_lines(discrepancy: str | None) -> tuple[str, ...]:
    lines = base_lines("repaired")
    if discrepancy is not None:
        lines = apply(lines, INJECTABLE[discrepancy].edits)
    return tuple(lines)


def render(document: SyntheticDocument) -> str:
    """The text extraction of one synthetic disclosure."""
    return document.substitute(_template_text(document.discrepancy))


@cache
def _template_text(discrepancy: str | None) -> str:
    return "\n".join(_template_lines(discrepancy))


def write_text_corpus(documents: list[SyntheticDocument], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in documents:
        path = folder / document.file_name
        path.write_text(render(document), encoding="utf-8")
        paths.append(path)
    return paths


def _source(lines: list[str], name: str) -> SourceDocument:
    content = "\n".join(lines).encode("utf-8")
    document_id, digest = document_id_for(content)
    return SourceDocument(Path(name), document_id, digest, "txt",
                          [SourceLine(number, text) for number, text in enumerate(lines, start=1)])


@dataclass(frozen=True)
class _Template:
    """Landing records of one parsed template (with or without a discrepancy) and the cells that name
    its department or year, which each synthetic document rewrites."""
    records: dict[str, list[list[str]]]
    cells_to_rewrite: dict[str, list[tuple[int, int]]]
    years_to_shift: list[tuple[int, int]]          # raw_document_mentions cells that hold a year alone


@cache
def _parsed_template(discrepancy: str | None) -> _Template:
    text = _template_text(discrepancy)
    records = document_records(parse_document(_source(text.split("\n"), "template.txt")))
    rewrite: dict[str, list[tuple[int, int]]] = {}
    for table, rows in records.items():
        rewrite[table] = [(r, c) for r, row in enumerate(rows) for c, value in enumerate(row)
                          if TEMPLATE_MARK in value or _YEAR.search(value)]
    value_column = LANDING_COLUMNS[DOCUMENT_TABLES["mentions"]].index("printed_value")
    years = [(r, value_column) for r, row in enumerate(records[DOCUMENT_TABLES["mentions"]])
             if _BARE_YEAR.match(row[value_column])]
    return _Template(records, rewrite, years)


def landing_records(document: SyntheticDocument) -> dict[str, list[list[str]]]:
    """The rows parsing render(document) would land, without parsing it."""
    text = render(document)
    document_id, digest = document_id_for(text.encode("utf-8"))
    template = _parsed_template(document.discrepancy)
    records: dict[str, list[list[str]]] = {}
    for table, rows in template.records.items():
        rows = [[document_id, *row[1:]] for row in rows]
        for r, c in template.cells_to_rewrite[table]:
            rows[r][c] = document.substitute(rows[r][c])
        if table == DOCUMENT_TABLES["mentions"]:
            for r, c in template.years_to_shift:
                rows[r][c] = document.substitute(rows[r][c], _BARE_YEAR)
        records[table] = rows
    info = dict(zip(LANDING_COLUMNS["raw_documents"], records["raw_documents"][0]))
    info.update(source_file=document.file_name, source_sha256=digest, fiscal_year=str(document.fiscal_year),
                publication_date=publication_date(_source(text.split("\n")[:40], document.file_name)) or "")
    records["raw_documents"] = [list(info.values())]
    return records
