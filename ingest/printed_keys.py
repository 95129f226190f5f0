"""Each item of a form is printed once and named: the warehouse keys its facts on the codes of
06 and of the functional forms and on 09's cells (landing_schema.FORM_ITEM_KEYS), so a form that
prints a code twice, or an item row without its code, is not landed (it becomes a parse issue,
naming both lines) instead of landing to fail the build of every document."""
from __future__ import annotations

from .errors import IngestError
from .landing_schema import FORM_ITEM_KEYS
from .source import SourceDocument

_HINT = "a misprinted code? compare the two lines with the printed document; the other forms land"


def _key_violation(source: SourceDocument, form: str, rows: list) -> IngestError | None:
    columns, kinds = FORM_ITEM_KEYS[form]
    first_line: dict[tuple, int] = {}
    for row in rows:
        if kinds and row.row_kind not in kinds:
            continue
        key = tuple(getattr(row, column) for column in columns)
        if any(value in (None, "") for value in key):
            return IngestError(f"an item row without its {' / '.join(columns)}", file=source.name, form=form,
                               line=row.source_line, page=row.source_page, hint=_HINT)
        if key in first_line:
            printed = " ".join(str(value) for value in key)
            return IngestError(f"{printed} is printed twice (lines {first_line[key]} and {row.source_line})",
                               file=source.name, form=form, line=row.source_line, page=row.source_page, hint=_HINT)
        first_line[key] = row.source_line
    return None


def key_violations(source: SourceDocument, rows_by_form: dict[str, list]) -> list[tuple[str, IngestError]]:
    """(form, why) for each form read whose items are not each printed once with their key."""
    found = []
    for form, rows in rows_by_form.items():
        if form in FORM_ITEM_KEYS:
            violation = _key_violation(source, form, rows)
            if violation is not None:
                found.append((form, violation))
    return found
