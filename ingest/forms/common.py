"""What every form parser shares: amounts with their location, the FormRow of a section, and
what a parser returns."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..errors import IngestError
from ..model import ExtraMeasureRow, FormRow
from ..numbers import looks_like_amount, parse_amount
from ..source import SourceDocument, SourceLine
from .sections import FormSection


class AmountReader:
    """Parses amount cells of one form and remembers the finest print precision seen."""

    def __init__(self, document: SourceDocument, section: FormSection):
        self.document = document
        self.section = section
        self.max_decimals: int | None = None
        self.count = 0

    def read(self, line: SourceLine, column: int) -> Decimal | None:
        text = line.cell(column)
        try:
            amount = parse_amount(text)
        except ValueError:
            raise IngestError(f"column {column + 1} holds {text!r}, which is not an amount",
                              file=self.document.name, form=self.section.form,
                              line=line.number, page=line.page,
                              hint="fix the cell in the source or report the layout") from None
        if amount is None:
            return None
        self.count += 1
        self.max_decimals = max(self.max_decimals or 0, amount.decimals)
        return amount.value

    def read_spilling(self, line: SourceLine, column: int, spill: int | None) -> Decimal | None:
        """The column's amount, or, where it is blank, the amount of the unlabelled column to its
        right that its header straddles (see header.spill_columns)."""
        if spill is not None and not line.cell(column) and line.cell(spill):
            return self.read(line, spill)
        return self.read(line, column)


@dataclass
class ParsedForm:
    """One form read: its FormRow, its landing rows, and the amounts of columns the catalogue
    does not know (landed under their printed headers)."""
    form: FormRow
    rows: list
    extras: list[ExtraMeasureRow] = field(default_factory=list)


_PART_OF = re.compile(r"^其中[:：]?")


def is_part_of_column(label: str) -> bool:
    """'其中：教育收费': a column that details part of the one before it, never a measure of its own."""
    return bool(_PART_OF.match(label))


def read_extras(amounts: AmountReader, line: SourceLine, columns: dict[int, str], row_kind: str,
                row_key: str | None) -> list[ExtraMeasureRow]:
    """The printed amounts of a row under the columns the catalogue does not know. A cell there
    that is not an amount is text (a 备注 column, say): not a measure, and no reason to stop."""
    extras = []
    for index, header in columns.items():
        if not looks_like_amount(line.cell(index)):
            continue
        value = amounts.read(line, index)
        if value is not None:
            extras.append(ExtraMeasureRow(amounts.document.document_id, amounts.section.form, line.page,
                                          line.number, line.text, row_kind=row_kind, row_key=row_key,
                                          column_no=index + 1, column_header=header, amount=value))
    return extras


def check_no_unheaded_amount(document: SourceDocument, section: FormSection, line: SourceLine,
                             headed: set[int], after: int) -> None:
    """An amount printed right of `after` in a column no header covers cannot be read under any
    measure: dropping it would lose a printed number without a word, so the form is a parse issue."""
    for index, cell in enumerate(line.cells):
        if index > after and index not in headed and looks_like_amount(cell):
            raise error(document, section, line, f"column {index + 1} holds {cell!r} where the header prints no "
                        "column", hint="a cell shifted out of its column? fix the source or report the layout")


def error(document: SourceDocument, section: FormSection, line: SourceLine | None, message: str,
          hint: str | None = None) -> IngestError:
    anchor = line or section.title_line
    return IngestError(message, file=document.name, form=section.form, line=anchor.number,
                       page=anchor.page, hint=hint)


def blank_form(document: SourceDocument, section: FormSection) -> ParsedForm:
    """A form of a blank template: found by title and header, nothing to read."""
    return ParsedForm(form_row(document, section, AmountReader(document, section), 0), [])


def form_row(document: SourceDocument, section: FormSection, amounts: AmountReader,
             data_row_count: int) -> FormRow:
    return FormRow(
        document_id=document.document_id,
        form=section.form,
        title=next((cell for cell in section.title_line.cells if cell), section.spec.title),
        title_line=section.title_line.number,
        source_page=section.title_line.page,
        end_line=section.end_line,
        department_in_header=section.department(),
        unit=section.unit(),
        amount_decimals=amounts.max_decimals,
        data_row_count=data_row_count,
        has_amounts=amounts.count > 0,
        empty_note=section.empty_note(),
    )
