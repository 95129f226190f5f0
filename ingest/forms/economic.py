"""Form 06: economic items (301 / 30101 …) printed as side-by-side blocks of code, name, amount,
or (in budgets) as one block with a column per category: code, name, 合计, 人员经费, 公用经费.

The header's span row (人员经费 | 公用经费) says which blocks hold personnel and which public-use
items. A category total (人员经费合计) takes the first amount to its right: merged cells in the
source often push it past its own block. In the one-block layout an item's category is the
column its amount is printed in, and the 合计 row gives both category totals.
"""
from __future__ import annotations

from ..codes import economic_code
from ..model import EconomicItemRow
from ..numbers import looks_like_amount
from ..source import SourceDocument, SourceLine
from .common import AmountReader, ParsedForm, error, form_row
from .header import column_labels, split_header_and_body
from .sections import FormSection, is_repeated_header

_CATEGORY_WORDS = {"人员经费": "personnel", "公用经费": "public_use"}
_PERSONNEL_CLASSES = {"301", "303"}


def _is_data_row(line: SourceLine) -> bool:
    """A code row, a 经费合计 row, or a 合计 row with its amount (a header row may say 合计 too)."""
    return any(economic_code(cell) or "经费合计" in cell for cell in line.cells) or (
        any(cell.replace(" ", "") == "合计" for cell in line.cells[:2]) and any(map(looks_like_amount, line.cells)))


def _block_starts(header: list[SourceLine]) -> list[int]:
    best: list[int] = []
    for line in header:
        starts = [i for i, cell in enumerate(line.cells) if "代码" in cell or "编码" in cell]
        if len(starts) > len(best):
            best = starts
    return best


def _block_columns(header: list[SourceLine], starts: list[int]) -> dict[int, tuple[int, int, int | None]]:
    """Block start -> (name column, amount column, spill column). Blocks print code, name, amount
    side by side; a layout with spacer columns (a PDF splitting merged cells) is read by its
    header words: the name under 名称, the amount under the next word, spilling into the unlabelled
    column to its right (as 类 rows print there)."""
    labels = column_labels(header)
    columns = {}
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else max(labels, default=start) + 2
        name = next((i for i in range(start + 1, end) if "名称" in labels.get(i, "")), start + 1)
        amount = next((i for i in range(name + 1, end) if i in labels), name + 1)
        spill = amount + 1 if amount + 1 < end and amount + 1 not in labels and amount != name + 1 else None
        columns[start] = (name, amount, spill)
    return columns


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


def _category_columns(header: list[SourceLine], start: int) -> dict[str, int] | None:
    """{'total': i, 'personnel': j, 'public_use': k} when one block prints a column per category."""
    labels = column_labels(header)
    found = {"total": next((i for i, label in sorted(labels.items()) if i > start + 1 and label.endswith("合计")), None)}
    for word, category in _CATEGORY_WORDS.items():
        found[category] = next((i for i, label in sorted(labels.items()) if i > start + 1 and label.endswith(word)), None)
    return found if all(index is not None for index in found.values()) else None


def _table_total(document: SourceDocument, section: FormSection, line: SourceLine, block_no: int,
                 amount) -> EconomicItemRow:
    """The table's 合计 (all basic expenditure), printed by layouts without category totals or
    beside them: the parent of the 类 rows."""
    return EconomicItemRow(document.document_id, section.form, line.page, line.number, line.text, block_no=block_no,
                           expense_category="all", row_kind="total", economic_code=None, economic_name="合计",
                           amount=amount)


def _parse_category_columns(document: SourceDocument, section: FormSection, body: list[SourceLine],
                            start: int, columns: dict[str, int]) -> ParsedForm:
    amounts = AmountReader(document, section)
    landed: list[EconomicItemRow] = []
    for line in body:
        code = economic_code(line.cell(start))
        name = line.cell(start + 1).replace(" ", "")
        if code:
            printed = {category: amounts.read(line, index) for category, index in columns.items()}
            in_columns = [category for category in _CATEGORY_WORDS.values() if printed[category]]
            category = in_columns[0] if len(in_columns) == 1 else _category_of_block(start, [], code)
            landed.append(EconomicItemRow(document.document_id, section.form, line.page, line.number, line.text,
                                          block_no=1, expense_category=category,
                                          row_kind="class" if len(code) == 3 else "section",
                                          economic_code=code, economic_name=name, amount=printed["total"]))
        elif "合计" in name or "合计" in line.cell(start):
            for block_no, (word, category) in enumerate(_CATEGORY_WORDS.items(), start=1):
                landed.append(EconomicItemRow(document.document_id, section.form, line.page, line.number,
                                              line.text, block_no=block_no, expense_category=category,
                                              row_kind="category_total", economic_code=None,
                                              economic_name=word + "合计", amount=amounts.read(line, columns[category])))
            landed.append(_table_total(document, section, line, len(_CATEGORY_WORDS) + 1,
                                       amounts.read(line, columns["total"])))
        elif any(line.cells) and not is_repeated_header(line):
            raise error(document, section, line, f"row is neither 合计 nor an economic code: {line.text!r}",
                        hint="a misprinted code or a row of another table; fix the source")
    if not landed:
        raise error(document, section, body[-1] if body else None, "no economic items found")
    return ParsedForm(form_row(document, section, amounts, len(landed)), landed)


def parse_economic_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    rows = section.table_lines()
    header, body = split_header_and_body(rows, _is_data_row)
    starts = _block_starts(header)
    if not starts:
        raise error(document, section, header[-1] if header else None,
                    "no 科目代码 column in the header: cannot find the item blocks")
    columns = _category_columns(header, starts[0]) if len(starts) == 1 else None
    if columns is not None:
        return _parse_category_columns(document, section, body, starts[0], columns)
    spans = _category_spans(header)
    blocks = _block_columns(header, starts)
    amounts = AmountReader(document, section)
    landed: list[EconomicItemRow] = []

    for line in body:
        if not _is_data_row(line) and is_repeated_header(line):
            continue
        cells = line.cells
        consumed: set[int] = set()
        for block_no, start in enumerate(starts, start=1):
            name_col, amount_col, spill = blocks[start]
            code_text, name = line.cell(start), line.cell(name_col).replace(" ", "")
            code = economic_code(code_text)
            if code:
                kind = "class" if len(code) == 3 else "section"
                category = _category_of_block(start, spans, code)
                value = amounts.read_spilling(line, amount_col, spill)
                consumed.update({start, name_col, amount_col} | ({spill} if spill is not None else set()))
            elif not spans and "".join(cells[start:amount_col]).replace(" ", "") == "合计":
                # a bare 合计 in a table without 人员经费 / 公用经费: the table's total
                value = next((amounts.read(line, index) for index in range(name_col + 1, len(cells))
                              if cells[index] and index not in consumed), None)
                consumed.update(index for index, cell in enumerate(cells) if cell)
                landed.append(_table_total(document, section, line, block_no, value))
                continue
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
