"""Forms 02, 03, 05, 07, 08: one row per functional code (类/款/项) plus the 合计 row."""
from __future__ import annotations

import re

from ..codes import function_code
from ..landing_schema import FUNCTION_FORM_MEASURES
from ..model import FunctionLineRow
from ..numbers import looks_like_amount
from ..source import SourceDocument, SourceLine
from .common import (AmountReader, ParsedForm, check_no_unheaded_amount, error, form_row, is_part_of_column,
                     read_extras)
from .income_sources import is_source_list, parse_income_sources
from .header import (classify_label, column_labels, header_width, printed_columns, spill_columns,
                     split_header_and_body)
from .sections import FormSection, is_repeated_header

_TOTAL = r"合计|小计|总计"
_SOLE_AMOUNT = (r"^(?:金额|决算数)$", "total")    # a table of one amount column prints it so
# Header words -> measure, first match wins; order matters where words nest.
MEASURE_RULES: dict[str, list[tuple[str, str]]] = {
    "02": [("非财政拨款结余", "non_fiscal_balance_used"), ("上年结转", "prior_year_carryover"),
           ("财政拨款", "fiscal_appropriation"), ("上级补助", "superior_subsidy"), ("事业收入", "business"),
           ("经营收入", "operating"), ("附属单位", "affiliated_remittance"), ("其他收入", "other"),
           (_TOTAL, "total"), _SOLE_AMOUNT],
    "03": [("基本支出", "basic"), ("项目支出", "project"), ("上缴上级", "remittance_to_superior"),
           ("预留机动", "unit_reserve"), ("结转下年", "carried_forward"),
           ("经营支出", "operating"), ("附属单位", "subsidy_to_affiliates"), (_TOTAL, "total"), _SOLE_AMOUNT],
    "05": [("基本支出", "basic"), ("项目支出", "project"), (_TOTAL + "|本年支出|^财政拨款支出$", "total"), _SOLE_AMOUNT],
    "07": [("年初", "opening_balance"), ("年末", "closing_balance"), ("本年收入", "income"),
           ("基本支出", "expenditure_basic"), ("项目支出", "expenditure_project"),
           (_TOTAL + "|本年支出", "expenditure_total"), (_SOLE_AMOUNT[0], "expenditure_total")],
    "08": [("年初", "opening_balance"), ("年末", "closing_balance"), ("本年收入", "income"),
           ("基本支出", "basic"), ("项目支出", "project"), (_TOTAL + "|本年支出", "total"), _SOLE_AMOUNT],
}
_TOTAL_LABELS = {"合计", "总计"}
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FUSED_CODE_NAME = re.compile(r"^(?P<code>\d{3,7})(?P<name>[^\d,.，．].*)$")     # not '244,675.66'
# '105236 | 西南大学': a budget's row for one unit (单位编码, six digits), summing the codes below it
_UNIT_CODE = re.compile(r"^\d{6}$")


def _code_and_name(cell: str) -> tuple[str | None, str | None]:
    """'2010301' -> ('2010301', None); '2010301 行政运行', code and name in one cell -> both."""
    text = cell.replace(" ", "").replace("\u3000", "")
    match = _FUSED_CODE_NAME.match(text)
    if match and function_code(match.group("code")):
        return match.group("code"), match.group("name")
    return function_code(text), None


def _row_key(line: SourceLine) -> tuple[str, str | None]:
    """('total', None) for the 合计 row, ('code', '2010301') for a code row, ('unit', '105236')
    for a unit's row, else ('', None)."""
    for cell in line.cells[:2]:
        text = cell.replace(" ", "")
        if text in _TOTAL_LABELS:
            return "total", None
        if _UNIT_CODE.match(text) and not function_code(text) and _CJK.search(line.cell(1)):
            return "unit", text
        code, _ = _code_and_name(cell)
        if code:
            return "code", code
    return "", None


def _printed_name(line: SourceLine, name_col: int) -> str | None:
    """The name in its column, or beside the code in the code's cell."""
    return line.cell(name_col) or next((name for name in (_code_and_name(cell)[1] for cell in line.cells[:2])
                                        if name), None)


def _is_data_row(line: SourceLine) -> bool:
    return _row_key(line)[0] != ""


def _fused_header_words(line: SourceLine, name_col: int) -> dict[int, str]:
    """Header words printed in the amount columns of the first 合计 row: PDF extraction fuses a
    header row with the 合计 row below it when no rule separates them
    ('合计 |  |  |  | 合计 | 基本支出 | 项目支出')."""
    return {index: cell.replace(" ", "") for index, cell in enumerate(line.cells)
            if index > name_col and cell and not looks_like_amount(cell) and _CJK.search(cell)}


def _amounts_only(line: SourceLine) -> bool:
    cells = [cell for cell in line.cells if cell]
    return bool(cells) and all(looks_like_amount(cell) for cell in cells)


def _label_only(line: SourceLine) -> bool:
    """No amount: the code of a code row is no amount."""
    return not any(looks_like_amount(cell) for index, cell in enumerate(line.cells)
                   if not (index < 2 and _code_and_name(cell)[0]))


def _rejoined(body: list[SourceLine]) -> list[SourceLine]:
    """A row label (合计, a code) and its amounts printed on two rows, as a PDF splits a merged
    cell: one row, numbered where the amounts are printed."""
    joined: list[SourceLine] = []
    index = 0
    while index < len(body):
        line = body[index]
        following = body[index + 1] if index + 1 < len(body) else None
        pair = None
        if following is not None and _amounts_only(line) and _row_key(following)[0] and _label_only(following):
            pair = (following, line)
        elif following is not None and _row_key(line)[0] and _label_only(line) and _amounts_only(following) \
                and not _row_key(following)[0]:
            pair = (line, following)
        if pair is None:
            joined.append(line)
            index += 1
            continue
        label, amounts = pair
        width = max(len(label.cells), len(amounts.cells))
        cells = [label.cell(i) or amounts.cell(i) for i in range(width)]
        joined.append(SourceLine(amounts.number, "\t".join(cells), amounts.page))
        index += 2
    return joined


def _realigned_total(line: SourceLine, name_col: int) -> SourceLine:
    """'合计 | 156,211,123 | …': a 合计 label spanning the code and name columns, given as one cell
    (a PDF table whose 合计 row is alone on its page), moves its amounts one column left; put
    them back under their headers."""
    if name_col > 0 and looks_like_amount(line.cell(name_col)) and not line.cell(name_col - 1).replace(" ", "") == "":
        cells = line.cells
        return SourceLine(line.number, "\t".join([*cells[:name_col], "", *cells[name_col:]]), line.page)
    return line


def _wrapped_name(line: SourceLine) -> str | None:
    """The text of a row that only continues the name above it (no code, no amounts)."""
    if _row_key(line)[0] or not _label_only(line):
        return None
    words = [cell for cell in line.cells if cell]
    return "".join(words) if words and all(_CJK.search(word) for word in words) else None


def _totals_only(rows: list[SourceLine]) -> bool:
    """A table that prints only its totals: header rows, then one row of amounts and no code
    (Jiangsu's 支出预算总表, 西南大学's 2024 收入预算表). That row is its 合计."""
    return len(rows) >= 2 and _amounts_only(rows[-1]) and not any(
        _row_key(row)[0] == "code" or (_row_key(row)[0] and not _label_only(row)) for row in rows)


def parse_function_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    totals_only = _totals_only(rows)
    header, body = (rows[:-1], rows[-1:]) if totals_only else split_header_and_body(rows, _is_data_row)
    if not body and section.form == "02" and is_source_list(rows):
        return parse_income_sources(document, section)
    if not header:
        raise error(document, section, None, "table header not found under the title")
    labels = column_labels(header)
    code_col = next((i for i, label in sorted(labels.items()) if "代码" in label or "编码" in label), 0)
    name_col = next((i for i, label in sorted(labels.items()) if i > code_col and "名称" in label), code_col + 1)
    if totals_only:
        code_col = name_col = -1         # every labelled column is a measure
    fused: dict[int, str] = {}
    if body and _row_key(body[0])[0] == "total":
        fused = _fused_header_words(body[0], name_col)
        for index, word in fused.items():
            labels[index] = labels.get(index, "") + word

    measure_cols: dict[int, str] = {}
    extra_cols: dict[int, str] = {}       # columns the catalogue does not know: landed by header
    for index, label in sorted(labels.items()):
        if index <= name_col:
            continue
        measure = None if is_part_of_column(label) else classify_label(label, MEASURE_RULES[section.form])
        if measure is None or measure in measure_cols.values():
            extra_cols[index] = label
        else:
            measure_cols[index] = measure
    if "total" not in measure_cols.values() and section.form != "07":
        raise error(document, section, header[-1], "no total (合计) column in the header")

    spills = spill_columns(labels, list(measure_cols), header_width(header))
    headed = printed_columns(header) | set(labels) | set(spills.values())
    measure_cols_as_headers = {index: labels[index] for index in measure_cols}
    amounts = AmountReader(document, section)
    landed: list[FunctionLineRow] = []
    extras = []
    first_total: tuple[tuple, SourceLine] | None = None     # (its printed amounts, its line)
    units: list[SourceLine] = []
    for position, line in enumerate(_rejoined(body)):
        kind, code = ("total", None) if totals_only else _row_key(line)
        if kind == "total" and not totals_only:
            line = _realigned_total(line, name_col)
        if kind == "unit":
            # a unit's row adds up the codes under it (or, without codes, is one unit's share)
            units.append(line)
            extras += read_extras(amounts, line, {**measure_cols_as_headers, **extra_cols}, "unit", code)
            continue
        if not kind:
            if not any(line.cells):
                continue
            if is_repeated_header(line):
                continue
            wrapped = _wrapped_name(line)
            if wrapped and landed and landed[-1].row_kind == "code":
                landed[-1].function_name = (landed[-1].function_name or "") + wrapped   # a name wrapped onto its own row
                continue
            raise error(document, section, line, f"row is neither 合计 nor a functional code: {line.text!r}",
                        hint="a misprinted code or a row of another table; fix the source")
        if not totals_only:
            check_no_unheaded_amount(document, section, line, headed, name_col)
        skip = set(fused) if position == 0 else set()
        name = None if kind == "total" else _printed_name(line, name_col)
        measures = {measure: None if index in skip else amounts.read_spilling(line, index, spills.get(index))
                    for index, measure in measure_cols.items()}
        if kind == "total":
            # some layouts print 合计 above and below the table: the same row twice is one total
            printed = tuple(line.cell(index) for index in sorted(measure_cols))
            if first_total is not None:
                if printed == first_total[0]:
                    continue
                raise error(document, section, line,
                            f"a second 合计 row disagrees with the one on line {first_total[1].number}",
                            hint="check the printed table: which total is right cannot be told")
            first_total = (printed, line)
        for measure in FUNCTION_FORM_MEASURES[section.form]:
            measures.setdefault(measure, None)
        landed.append(FunctionLineRow(document.document_id, section.form, line.page, line.number, line.text,
                                      row_kind=kind, function_code=code, function_name=name,
                                      measures=measures))
        extras += read_extras(amounts, line, {i: h for i, h in extra_cols.items() if i not in skip}, kind, code)
    # a table with a header and no row under it is printed empty: landed as such (no rows)
    if len(units) > 1 and any(row.row_kind == "code" for row in landed):
        # several units, each with its codes under it: the codes repeat, and which unit a code
        # row is of is not landed (yet)
        raise error(document, section, units[1], "the table is printed per unit (several 单位编码 rows with "
                    "codes under each): not read yet", hint="the department's own 合计 table is read where it is printed")
    # a table of units without codes (收入总表 by unit): its 合计 lands, each unit's row as extra measures
    return ParsedForm(form_row(document, section, amounts, len(landed)), landed, extras)
