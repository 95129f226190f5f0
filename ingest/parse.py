"""One document in, all its landing rows out: finds the forms and runs each form's parser."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import PARSER_VERSION
from .completeness import check_complete
from .cover import most_common, read_cover
from .errors import IngestError
from .forms.common import blank_form_row
from .forms.economic import parse_economic_form
from .forms.functional import parse_function_form
from .forms.sections import locate_sections
from .forms.summary import parse_summary_form
from .forms.three_public import parse_three_public_form
from .model import FUNCTION_FORM_TABLES, DocumentRow, FormRow
from .narrative import NARRATIVE_TABLES, narrative_rows, performance_rows
from .numbers import is_decimal_amount
from .source import SourceDocument

# landing table of each form's rows
FORM_TABLES = {"01": "raw_form01_summary", "04": "raw_form04_fiscal_summary",
               "06": "raw_form06_basic_expenditure_items", "09": "raw_form09_three_public",
               **FUNCTION_FORM_TABLES}
_PARSERS = {"01": parse_summary_form, "04": parse_summary_form, "06": parse_economic_form,
            "09": parse_three_public_form, **{form: parse_function_form for form in FUNCTION_FORM_TABLES}}


@dataclass
class ParsedDocument:
    document: DocumentRow
    forms: list[FormRow]
    rows: dict[str, list] = field(default_factory=dict)   # landing table -> rows

    @property
    def missing_forms(self) -> list[str]:
        found = {form.form for form in self.forms}
        return [form for form in sorted(FORM_TABLES) if form not in found]


def parse_document(source: SourceDocument) -> ParsedDocument:
    sections = locate_sections(source)
    if not sections:
        raise IngestError("no standard form (公开01表 … 公开09表) found", file=source.name,
                          hint="is this a final-accounts disclosure? a scanned PDF needs OCR first")
    _reject_truncated(source, sections[-1])
    forms: list[FormRow] = []
    rows: dict[str, list] = {table: [] for table in [*FORM_TABLES.values(), *NARRATIVE_TABLES.values()]}
    try:
        for section in sections:
            form_row, form_rows = _PARSERS[section.form](source, section)
            forms.append(form_row)
            rows[FORM_TABLES[section.form]].extend(form_rows)
    except IngestError:
        if any(_prints_amounts(section) for section in sections):
            raise
        # A blank template: its empty tables need not parse; it is reported, never landed.
        forms = [blank_form_row(source, section) for section in sections]
        rows = {table: [] for table in [*FORM_TABLES.values(), *NARRATIVE_TABLES.values()]}
    check_complete(source, sections, rows)
    if any(form.has_amounts for form in forms):
        _add_narrative(source, sections, rows)
    title, department, year = read_cover(source)
    document = DocumentRow(
        document_id=source.document_id,
        source_file=source.name,
        source_sha256=source.sha256,
        source_format=source.source_format,
        title=title,
        department_name=department or most_common(form.department_in_header for form in forms),
        fiscal_year=year,
        unit=most_common(form.unit for form in forms),
        is_template=not any(form.has_amounts for form in forms),
        parser_version=PARSER_VERSION,
    )
    return ParsedDocument(document, sorted(forms, key=lambda f: f.form), rows)


def _add_narrative(source: SourceDocument, sections, rows: dict[str, list]) -> None:
    """Claims of the narrative and the self-evaluation tables, after the last form."""
    after = max(section.end_line for section in sections)
    function_rows = {form: rows[table] for form, table in FUNCTION_FORM_TABLES.items()}
    rows[NARRATIVE_TABLES["claims"]] = narrative_rows(source, after, function_rows)
    tables, indicators = performance_rows(source, after)
    rows[NARRATIVE_TABLES["performance"]] = tables
    rows[NARRATIVE_TABLES["indicators"]] = indicators


def _prints_amounts(section) -> bool:
    """Any cell with a decimal amount: blank templates print none (their only digits are codes)."""
    return any(is_decimal_amount(cell) for line in section.table_lines() for cell in line.cells)


def _reject_truncated(source: SourceDocument, last_section) -> None:
    """A file that ends inside a table was cut short: landing it would land half a form."""
    table = last_section.table_lines()
    last_printed = next((line for line in reversed(source.lines) if not line.is_blank), None)
    if table and last_printed is not None and table[-1].number == last_printed.number:
        raise IngestError("the file ends inside the table: it looks truncated", file=source.name,
                          form=last_section.form, line=last_printed.number, page=last_printed.page,
                          hint="download or extract the document again")
