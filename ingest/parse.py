"""One document in, all its landing rows out: finds the forms and runs each form's parser.

Each form is read on its own. A form that cannot be read becomes a parse issue (form, page,
line, reason) and the rest of the document lands: the document is `partial`. A document is
rejected whole only when nothing of it can be read.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import PARSER_VERSION
from .completeness import incomplete_forms
from .contents import forms_in_contents
from .cover import FINAL_ACCOUNTS, document_kind, most_common, publication_date, read_cover
from .errors import IngestError
from .forms.catalog import BUDGET, TEMPLATE_FORMS, TEXT_ONLY, template_family
from .forms.common import ParsedForm, blank_form
from .forms.economic import parse_economic_form
from .forms.functional import parse_function_form
from .forms.sections import FormSection, locate_sections
from .forms.summary import parse_summary_form
from .forms.three_public import parse_three_public_form
from .mentions import document_mentions
from .landing_schema import DOCUMENT_TABLES, FORM_TABLES, FUNCTION_FORM_TABLES, NARRATIVE_TABLES
from .model import DocumentRow, FormRow, LineOriginRow, ParseIssueRow
from .narrative import narrative_rows, performance_rows
from .no_forms import no_form_error
from .numbers import is_decimal_amount
from .printed_keys import key_violations
from .source import SourceDocument

_PARSERS = {"01": parse_summary_form, "04": parse_summary_form, "06": parse_economic_form,
            "09": parse_three_public_form, **{form: parse_function_form for form in FUNCTION_FORM_TABLES}}


@dataclass
class ParsedDocument:
    document: DocumentRow
    forms: list[FormRow]
    rows: dict[str, list] = field(default_factory=dict)   # landing table -> rows

    @property
    def issues(self) -> list[ParseIssueRow]:
        return self.rows.get(DOCUMENT_TABLES["issues"], [])

    @property
    def failed_forms(self) -> list[str]:
        return sorted({issue.form for issue in self.issues if issue.form})

    @property
    def missing_forms(self) -> list[str]:
        """Forms the document's template prints that were neither read nor found unreadable."""
        found = {form.form for form in self.forms} | set(self.failed_forms)
        expected = (self.document.forms_expected or "").split()
        return [form for form in expected if form not in found]


def failed_document(path: Path, identity: tuple[str, str], source: SourceDocument | None,
                    failure: IngestError) -> ParsedDocument:
    """The record of a document of which nothing could be read: its identity, what its cover
    says if it has text, and why (a parse issue of no form)."""
    title, department, year = read_cover(source) if source is not None else (None, None, None)
    document = DocumentRow(
        document_id=identity[0], source_file=path.name, source_sha256=identity[1],
        source_format=path.suffix.lower().lstrip("."), title=title, department_name=department,
        fiscal_year=year, unit=None, is_template=False, parser_version=PARSER_VERSION, status="failed",
        document_kind=document_kind(source, 0, 0) if source is not None else None,
        publication_date=publication_date(source) if source is not None else None)
    rows = _empty_rows()
    rows[DOCUMENT_TABLES["issues"]] = [_issue(identity[0], source, failure, number=1)]
    return ParsedDocument(document, [], rows)


def _empty_rows() -> dict[str, list]:
    return {table: [] for table in [*FORM_TABLES.values(), *NARRATIVE_TABLES.values(), *DOCUMENT_TABLES.values()]}


def _issue(document_id: str, source: SourceDocument | None, failure: IngestError, number: int,
           section: FormSection | None = None) -> ParseIssueRow:
    """The document's `number`th parse issue: where `failure` stopped reading, with the printed
    line and the form's title."""
    line = (source.lines[failure.line - 1]
            if source is not None and failure.line and failure.line <= len(source.lines) else None)
    title = next((cell for cell in section.title_line.cells if cell), None) if section else None
    return ParseIssueRow(document_id, failure.form, failure.page, failure.line, line.text if line else "",
                         issue_no=number, title=title, reason=failure.message, hint=failure.hint)


def _read_form(source: SourceDocument, section: FormSection) -> ParsedForm:
    """One form's parser; any failure, expected or not, is that form's alone."""
    if section.problem:
        raise IngestError(section.problem, file=source.name, form=section.form, line=section.title_line.number,
                          page=section.title_line.page, hint=section.problem_hint)
    try:
        return _PARSERS[section.form](source, section)
    except IngestError:
        raise
    except Exception as bug:   # a layout the parser does not expect must not sink the document
        raise IngestError(f"the parser stopped ({type(bug).__name__}: {bug})", file=source.name, form=section.form,
                          line=section.title_line.number, page=section.title_line.page,
                          hint="report the layout with `fiscal lines FILE`") from bug


def parse_document(source: SourceDocument) -> ParsedDocument:
    sections = locate_sections(source)
    if not sections:
        if _is_text_of_a_disclosure(source):
            return _document(source, [], [], [], "landed")
        raise no_form_error(source)
    parsed: dict[int, ParsedForm] = {}             # section index -> what was read
    failures: list[tuple[FormSection, IngestError]] = []
    for index, section in enumerate(sections):
        try:
            parsed[index] = _read_form(source, section)
        except IngestError as failure:
            failures.append((section, failure))
    truncated = _truncated(source, sections[-1])
    if truncated is not None and len(sections) - 1 in parsed:
        del parsed[len(sections) - 1]
        failures.append((sections[-1], truncated))
    index_of = {sections[index].form: index for index in parsed}
    rows_by_form = {form: parsed[index].rows for form, index in index_of.items()}
    for form, failure in [*incomplete_forms(source, rows_by_form), *key_violations(source, rows_by_form)]:
        if index_of[form] in parsed:
            failures.append((sections[index_of[form]], failure))
            del parsed[index_of[form]]

    if not any(read.form.has_amounts for read in parsed.values()) and not any(map(_prints_amounts, sections)):
        # A blank template: its empty tables need not parse; it is reported, never landed.
        return _document(source, sections, [blank_form(source, section) for section in sections], [], "template")
    if not parsed:
        reasons = "; ".join(f"{section.form}: {failure.message}" for section, failure in failures)
        raise IngestError(f"no form could be read ({reasons})", file=source.name,
                          hint="see `fiscal lines FILE` for the lines as read, and report the layout")
    issues = [_issue(source.document_id, source, failure, number, section)
              for number, (section, failure) in enumerate(failures, start=1)]
    return _document(source, sections, [parsed[i] for i in sorted(parsed)], issues,
                     "partial" if issues else "landed")


def _is_text_of_a_disclosure(source: SourceDocument) -> bool:
    """A disclosure printed without its tables (some publishers put them in a file of their own):
    its cover names the department, the year and the kind, and its 目录 lists the forms; its
    narrative is read."""
    title, department, year = read_cover(source)
    return bool(title and department and year and document_kind(source, 0, 0) and forms_in_contents(source, []))


def _document(source: SourceDocument, sections: list[FormSection], read: list[ParsedForm],
              issues: list[ParseIssueRow], status: str) -> ParsedDocument:
    rows = _empty_rows()
    forms = [form.form for form in read]
    for form in read:
        rows[FORM_TABLES[form.form.form]].extend(form.rows)
        rows[DOCUMENT_TABLES["extras"]].extend(form.extras)
    rows[DOCUMENT_TABLES["issues"]] = issues
    specs = [section.spec for section in sections]
    budget_forms = sum(spec.kind == BUDGET for spec in specs)
    kind = document_kind(source, budget_forms, len(specs) - budget_forms)
    if status != "template":          # a template lands no rows at all
        rows[DOCUMENT_TABLES["origins"]] = [LineOriginRow(source.document_id, number, origin)
                                            for number, origin in source.line_origins.items()]
        _add_narrative(source, sections, rows, budget=kind != FINAL_ACCOUNTS)
        rows[DOCUMENT_TABLES["mentions"]] = document_mentions(source, sections)
    title, department, year = read_cover(source)
    family = (template_family(specs, [section.title_line.text for section in sections]) if sections
              else TEXT_ONLY)
    contents = forms_in_contents(source, sections)
    document = DocumentRow(
        document_id=source.document_id,
        source_file=source.name,
        source_sha256=source.sha256,
        source_format=source.source_format,
        title=title,
        department_name=department or most_common(form.department_in_header for form in forms),
        fiscal_year=year,
        unit=most_common(form.unit for form in forms),
        is_template=status == "template",
        parser_version=PARSER_VERSION,
        status=status,
        template_family=family,
        forms_expected=" ".join(TEMPLATE_FORMS[family]),
        forms_in_contents=" ".join(sorted(contents)) if contents else None,
        document_kind=kind,
        publication_date=publication_date(source),
    )
    return ParsedDocument(document, sorted(forms, key=lambda f: f.form), rows)


def _add_narrative(source: SourceDocument, sections, rows: dict[str, list], budget: bool) -> None:
    """Claims of the narrative (a final accounts' after its last form, a budget's around its
    forms) and the self-evaluation tables after the last form. Prose that cannot be read yields
    no claims; it never stops the document."""
    after = max((section.end_line for section in sections), default=0)
    function_rows = {form: rows[table] for form, table in FUNCTION_FORM_TABLES.items()}
    spans = [(section.title_line.number, section.end_line) for section in sections] if budget else None
    try:
        claims = narrative_rows(source, after, function_rows, spans)
        tables, indicators = performance_rows(source, after)
    except Exception as bug:
        line = next((line for line in source.lines if line.number > after), None)
        failure = IngestError(f"the narrative reader stopped ({type(bug).__name__}: {bug})", file=source.name,
                              form="narrative", line=line.number if line else None, page=line.page if line else None,
                              hint="report the layout with `fiscal lines FILE`")
        issues = rows[DOCUMENT_TABLES["issues"]]
        issues.append(_issue(source.document_id, source, failure, len(issues) + 1))
        return
    rows[NARRATIVE_TABLES["claims"]] = claims
    rows[NARRATIVE_TABLES["performance"]] = tables
    rows[NARRATIVE_TABLES["indicators"]] = indicators


def _prints_amounts(section) -> bool:
    """Any decimal amount, in a cell or among the words of a line (a table the reader could not
    give as cells): blank templates print none (their only digits are codes)."""
    return any(is_decimal_amount(word) for line in section.lines for cell in line.cells for word in cell.split())


def _truncated(source: SourceDocument, last_section) -> IngestError | None:
    """A file that ends inside a table was cut short: landing that form would land half of it.
    A workbook's last sheet ends where its table does."""
    if source.source_format == "xlsx":
        return None
    table = last_section.table_lines()
    last_printed = next((line for line in reversed(source.lines) if not line.is_blank), None)
    if table and last_printed is not None and table[-1].number == last_printed.number:
        return IngestError("the file ends inside the table: it looks truncated", file=source.name,
                           form=last_section.form, line=last_printed.number, page=last_printed.page,
                           hint="download or extract the document again")
    return None
