"""What to tell a user whose document holds text but no form the catalogue recognises.

Only a PDF whose pages have no text layer needs OCR; anything else is a layout to look at with
`fiscal lines`.
"""
from __future__ import annotations

import re

from .errors import IngestError
from .source import SourceDocument

def no_form_error(source: SourceDocument) -> IngestError:
    printed = [line for line in source.lines if not line.is_blank]
    message = (f"no standard form (收入支出决算总表 … 三公经费支出决算表, 收支预算总表 … 三公经费预算表) "
               f"recognised in its {len(printed)} lines of text")
    if source.pages_without_text:
        pages = ", ".join(map(str, source.pages_without_text[:10]))
        hint = f"pages {pages} have no text layer: if the forms are there, run OCR (e.g. ocrmypdf) first"
    else:
        hint = ("is it a budget or final-accounts disclosure? `fiscal lines FILE` shows the text as read; "
                "report the layout")
    return IngestError(message, file=source.name, hint=hint)
