"""Excel workbooks (.xlsx) as numbered lines of cells, the input every form parser reads.

A workbook prints each form on a sheet: title and 编制部门/单位 rows, header rows, data rows. Each
sheet row becomes one line (its cells tab-separated, as the PDF reader gives a table row; a row
with one filled cell is a line of text), the sheet's number is the line's page, and a blank line
ends each sheet. A number is written as its cell format prints it ('#,##0.00' -> '96,282,213.44'),
so the print precision that tolerances rest on is the workbook's, as in its PDF. Where each line
came from (sheet and cells) is kept for provenance.
"""
from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

from .errors import IngestError
from .source import SourceDocument, SourceLine, document_id_for

_DECIMALS = re.compile(r"\.(0+)")


def _printed_number(value: int | float | Decimal, number_format: str) -> str:
    """The number as its format prints it: decimals and thousands separators of the format;
    'General' prints the value as stored, without a float's noise."""
    exact = Decimal(str(value))
    if number_format in ("General", "@", ""):
        return format(exact.normalize(), "f") if exact == exact.to_integral() else str(exact)
    decimals = _DECIMALS.search(number_format.split(";")[0])
    places = len(decimals.group(1)) if decimals else 0
    grouping = "," if "," in number_format else ""
    return format(exact, f"{grouping}.{places}f")


def _printed(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        return _printed_number(value, cell.number_format or "General")
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    # a line break inside a cell is one cell; tabs would split it
    return re.sub(r"[\t\r\n]+", " ", str(value)).strip()


def read_workbook(path: Path) -> SourceDocument:
    import openpyxl      # only workbooks need it: text and PDF ingest never import it

    try:
        content = path.read_bytes()
        workbook = openpyxl.load_workbook(path, data_only=True)   # formulas: the values last computed
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror}", file=str(path)) from error
    except Exception as error:   # openpyxl raises zipfile, KeyError and XML errors for a damaged file
        raise IngestError(f"not a readable .xlsx workbook ({type(error).__name__}: {error})", file=path.name,
                          hint="open it in a spreadsheet program and save it again as .xlsx") from error
    lines: list[SourceLine] = []
    origins: dict[int, str] = {}
    for sheet_no, sheet in enumerate(workbook.worksheets, start=1):
        for row in sheet.iter_rows():
            printed = [_printed(cell) for cell in row]
            while printed and not printed[-1]:
                printed.pop()
            if not printed:
                continue
            filled = [index for index, text in enumerate(printed) if text]
            number = len(lines) + 1
            text = printed[filled[0]] if len(filled) == 1 else "\t".join(printed)
            lines.append(SourceLine(number, text, sheet_no))
            first, last = row[filled[0]].coordinate, row[filled[-1]].coordinate
            origins[number] = f"{sheet.title.strip()}!{first}" + (f":{last}" if last != first else "")
        lines.append(SourceLine(len(lines) + 1, "", sheet_no))
    workbook.close()
    document_id, digest = document_id_for(content)
    return SourceDocument(path, document_id, digest, "xlsx", lines, line_origins=origins)
