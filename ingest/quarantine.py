"""The quarantine: documents an operator takes out of the warehouse without touching the landing
zone. The list is the reference seed quarantined_documents (reviewed and committed like
accepted_findings); every staging view leaves its documents out (macros/landing_table.sql) and
audit_quarantined_documents lists them with the reason. Changing it changes the project's
fingerprint, so the next build is a full one and the documents' rows leave every mart."""
from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import astuple, dataclass, fields
from datetime import date
from pathlib import Path

from .paths import PROJECT_DIR

QUARANTINE_SEED = PROJECT_DIR / "seeds" / "reference" / "quarantined_documents.csv"


@dataclass(frozen=True)
class Quarantined:
    document_id: str
    reason: str
    quarantined_by: str
    quarantined_on: str        # ISO date


def read_quarantine(path: Path) -> list[Quarantined]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [Quarantined(**row) for row in csv.DictReader(handle)]


def _write(entries: list[Quarantined], path: Path) -> None:
    """All or nothing: a reader (a build) sees the old list or the new one."""
    handle, staged = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    with os.fdopen(handle, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([f.name for f in fields(Quarantined)])
        writer.writerows(astuple(entry) for entry in sorted(entries, key=lambda entry: entry.document_id))
    os.replace(staged, path)


def add(document_ids: list[str], reason: str, by: str, path: Path) -> list[str]:
    """Quarantine these documents (a document already in quarantine keeps its entry); returns
    those newly added."""
    entries = read_quarantine(path)
    listed = {entry.document_id for entry in entries}
    added = [document for document in dict.fromkeys(document_ids) if document not in listed]
    today = date.today().isoformat()
    _write([*entries, *(Quarantined(document, reason, by, today) for document in added)], path)
    return added


def remove(document_ids: list[str], path: Path) -> list[str]:
    """Take these documents out of quarantine; returns those that were in it."""
    entries = read_quarantine(path)
    removed = [entry.document_id for entry in entries if entry.document_id in document_ids]
    _write([entry for entry in entries if entry.document_id not in document_ids], path)
    return removed
