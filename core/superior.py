"""Importing a superior plan (kế hoạch cấp trên) into the database with its extracted targets."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.extraction import extract_targets
from core.models import Comparator, Field, SuperiorDocument, Target
from core.reading import read_document


@dataclass
class ImportResult:
    """The stored document and whether this file had been imported before (same SHA-256)."""

    document: SuperiorDocument
    already_imported: bool


def import_superior_plan(session: Session, path: Path | str) -> ImportResult:
    """Read ``path``, extract its targets and store both; a file already imported is returned as it is.

    Raises :class:`core.reading.DocumentError` (Vietnamese message) when the file cannot be read;
    nothing is written to the database then.
    """
    document = read_document(path)
    existing = session.scalars(select(SuperiorDocument).where(SuperiorDocument.sha256 == document.sha256)).first()
    if existing is not None:
        return ImportResult(existing, True)
    stored = SuperiorDocument(file_name=document.file_name, sha256=document.sha256, text=document.text)
    for position, t in enumerate(extract_targets(document)):
        stored.targets.append(
            Target(
                position=position,
                indicator=t.indicator,
                comparator=Comparator(t.comparator),
                value=t.value,
                value_max=t.value_max,
                unit=t.unit,
                field=Field(t.field),
                source_text=t.text,
            )
        )
    session.add(stored)
    session.flush()
    return ImportResult(stored, False)
