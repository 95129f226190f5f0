"""Property-based tests (hypothesis, a bounded number of examples each): the amount and code
parsers on any text, and any one-line mutation of a clean document, which either lands (whole or
in part, every landed form keeping the invariants the build relies on) or is refused with an
IngestError naming where. Nothing else may escape: before issue 17 a mutation could land a form
that then failed the build of every document."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE
from ingest.codes import ECONOMIC_LEVELS, FUNCTION_LEVELS, economic_code, function_code
from ingest.errors import IngestError
from ingest.landing_records import document_records
from ingest.landing_schema import CELL_LIMIT
from ingest.numbers import parse_amount
from ingest.parse import parse_document
from ingest.printed_keys import key_violations
from ingest.source import SourceDocument, SourceLine, document_id_for

PROPERTIES = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# a whole document parsed per example (0.1 s): fewer examples, each a different line and change
DOCUMENT_PROPERTIES = settings(PROPERTIES, max_examples=30)
SAMPLE_LINES = SAMPLE.read_text(encoding="utf-8").split("\n")
# the lines of the sample's nine forms (the 目录 before, the narrative after)
FORM_LINES = range(next(i for i, line in enumerate(SAMPLE_LINES) if line == "收入支出决算总表"),
                   next(i for i, line in enumerate(SAMPLE_LINES) if line.startswith("第三部分") and i > 100))


def _printed(value: Decimal, decimals: int, grouped: bool) -> str:
    text = f"{abs(value):,.{decimals}f}" if grouped else f"{abs(value):.{decimals}f}"
    return ("-" if value < 0 else "") + text


@PROPERTIES
@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=0, max_value=4), st.booleans())
def test_a_printed_amount_reads_back_exactly_with_its_precision(units, decimals, grouped):
    value = Decimal(units).scaleb(-decimals)
    amount = parse_amount(_printed(value, decimals, grouped))
    assert amount is not None and amount.value == value and amount.decimals == decimals


@PROPERTIES
@given(st.text(alphabet=st.sampled_from("0123456789.,-+() 　万元／/—合计\tl０１"), max_size=14) | st.text(max_size=14))
def test_any_cell_is_an_amount_a_blank_or_a_clean_value_error(cell):
    try:
        amount = parse_amount(cell)
    except ValueError as error:
        assert "not an amount" in str(error)
    else:
        assert amount is None or isinstance(amount.value, Decimal)


@PROPERTIES
@given(st.text(alphabet=st.sampled_from("0123456789 　２３a"), max_size=9) | st.text(max_size=9))
def test_a_code_is_well_formed_or_none(cell):
    code = function_code(cell)
    assert code is None or (code.isdigit() and len(code) in FUNCTION_LEVELS and code[0] == "2")
    code = economic_code(cell)
    assert code is None or (code.isdigit() and len(code) in ECONOMIC_LEVELS and code[0] == "3")


def _mutated(lines: list[str]) -> SourceDocument:
    document_id, digest = document_id_for("\n".join(lines).encode("utf-8"))
    return SourceDocument(Path("mutated.txt"), document_id, digest, "txt",
                          [SourceLine(number, text) for number, text in enumerate(lines, start=1)])


@st.composite
def one_line_mutations(draw) -> list[str]:
    """The sample with one line of its forms changed: a character replaced, dropped or inserted,
    the line doubled, dropped or swapped with the next."""
    lines = list(SAMPLE_LINES)
    index = draw(st.sampled_from(FORM_LINES))
    line = lines[index]
    kind = draw(st.sampled_from(["replace", "drop_char", "insert", "double", "drop_line", "swap"]))
    position = draw(st.integers(min_value=0, max_value=max(len(line) - 1, 0)))
    character = draw(st.sampled_from(list("0123456789.,-\t 合计l")))
    if kind == "replace" and line:
        lines[index] = line[:position] + character + line[position + 1:]
    elif kind == "drop_char" and line:
        lines[index] = line[:position] + line[position + 1:]
    elif kind == "insert":
        lines[index] = line[:position] + character + line[position:]
    elif kind == "double":
        lines.insert(index, line)
    elif kind == "drop_line":
        del lines[index]
    elif kind == "swap":
        lines[index], lines[index + 1] = lines[index + 1], lines[index]
    return lines


@DOCUMENT_PROPERTIES
@given(one_line_mutations())
def test_any_mutation_lands_keeping_the_invariants_or_is_refused_cleanly(lines):
    source = _mutated(lines)
    try:
        parsed = parse_document(source)
    except IngestError as refused:
        assert refused.file == "mutated.txt" and refused.message
        return
    assert parsed.document.status in ("landed", "partial")
    assert all(issue.reason and issue.form for issue in parsed.issues)
    rows_by_form = {}
    for table, rows in parsed.rows.items():
        for row in rows:
            if hasattr(row, "form") and table.startswith("raw_form"):
                rows_by_form.setdefault(row.form, []).append(row)
    assert key_violations(source, rows_by_form) == []          # what lands keeps the build's keys
    records = document_records(parsed)
    assert all(len(cell) <= CELL_LIMIT for rows in records.values() for row in rows for cell in row)
