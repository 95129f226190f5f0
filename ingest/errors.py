"""Errors that tell the user where in which document parsing stopped and what to do."""
from __future__ import annotations


def printed_at(page: int | None, line: int | None, text: str) -> str:
    """'page 10, line 154: text' (page and line as far as known)."""
    where = ", ".join(part for part in (f"page {page}" if page else "", f"line {line}" if line else "") if part)
    return f"{where}: {text}" if where else text


class IngestError(Exception):
    """A document could not be read. Names file, page, form and line so the cell can be found."""

    def __init__(self, message: str, *, file: str, form: str | None = None,
                 line: int | None = None, page: int | None = None, hint: str | None = None):
        self.message = message
        self.file = file
        self.form = form
        self.line = line
        self.page = page
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        where = [self.file]
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.form is not None:
            where.append(f"form 公开{self.form}")
        if self.line is not None:
            where.append(f"line {self.line}")
        text = f"{', '.join(where)}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text
