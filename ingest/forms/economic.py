"""Form 06: economic items (301 / 30101 …) printed as side-by-side blocks of code, name, amount.

The header's span row (人员经费 | 公用经费) says which blocks hold personnel and which public-use
items. A category total (人员经费合计) takes the first amount to its right: merged cells in the
source often push it past its own block.
"""
from __future__ import annotations

from ..codes import economic_code
from ..model import EconomicItemRow
from ..numbers import looks_like_amount
from ..source import SourceDocument, SourceLine
from .common import AmountReader, ParsedForm, error, form_row
from .header import split_header_and_body
from .sections import FormSection, is_repeated_header

_CATEGORY_WORDS = {"人员经费": "personnel", "公用经费": "public_use"}
_PERSONNEL_CLASSES = {"301", "303"}


def _is_data_row(line: SourceLine) -> bool:
    return any(economic_code(cell) for cell in line.cells) or any("经费合计" in cell for cell in line.cells)


def _block_starts(header: list[SourceLine]) -> list[int]:
    best: list[int] = []
    for line in header:
        starts = [i for i, cell in enumerate(line.cells) if "代码" in cell or "编码" in cell]
        if len(starts) > len(best):
            best = starts
    return best


def _category_spans(header: list[SourceLine]) -> list[tuple[int, str]]:
    for line in header:
        spans = [(i, category) for i, cell in enumerate(line.cells)
                 for word, category in _CATEGORY_WORDS.items() if word in cell.replace(" ", "")]
        if spans:
            return spans
    return []


def _category_of_block(start: int, spans: list[tuple[int, str]], code: str | None) -> str:
    left = [category for position, category in spans if position <= start]
    if left:
        return left[-1]
    return "personnel" if code and code[:3] in _PERSONNEL_CLASSES else "public_use"


def parse_economic_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    header, body = split_header_and_body(rows, _is_data_row)
    starts = _block_starts(header)
    if not starts:
        raise error(document, section, header[-1] if header else None,
                    "no 科目代码 column in the header: cannot find the item blocks")
    spans = _category_spans(header)
    amounts = AmountReader(document, section)
    landed: list[EconomicItemRow] = []

    for line in body:
        if not _is_data_row(line) and is_repeated_header(line):
            continue
        cells = line.cells
        consumed: set[int] = set()
        for block_no, start in enumerate(starts, start=1):
            code_text, name, amount_col = line.cell(start), line.cell(start + 1).replace(" ", ""), start + 2
            code = economic_code(code_text)
            if code:
                kind = "class" if len(code) == 3 else "section"
                category = _category_of_block(start, spans, code)
                value = amounts.read(line, amount_col)
                consumed.update({start, start + 1, amount_col})
            elif "合计" in name or "合计" in code_text:
                kind, code = "category_total", None
                name = name or code_text.replace(" ", "")   # a label spanning the code columns
                category = next((c for word, c in _CATEGORY_WORDS.items() if word in name),
                                _category_of_block(start, spans, None))
                # the first amount right of the label, before any other label
                value, amount_col = None, None
                for index in range(start + 2, len(cells)):
                    if cells[index] and not looks_like_amount(cells[index]):
                        break
                    if cells[index] and index not in consumed:
                        amount_col, value = index, amounts.read(line, index)
                        break
                consumed.update({start, start + 1} | ({amount_col} if amount_col is not None else set()))
            else:
                if code_text or name:
                    raise error(document, section, line,
                                f"block {block_no} holds {code_text!r} {name!r}, which is not an economic code",
                                hint="a misprinted code or a wrapped name; fix the source")
                continue
            landed.append(EconomicItemRow(document.document_id, section.form, line.page, line.number, line.text,
                                          block_no=block_no, expense_category=category, row_kind=kind,
                                          economic_code=code, economic_name=name, amount=value))
        stray = [i for i, cell in enumerate(cells) if cell and i not in consumed]
        if stray:
            raise error(document, section, line,
                        f"cell {stray[0] + 1} ({cells[stray[0]]!r}) belongs to no item block")
    if not landed:
        raise error(document, section, rows[-1] if rows else None, "no economic items found")
    return ParsedForm(form_row(document, section, amounts, len(landed)), landed)
