"""Operations of the wizard's page 3 on superior plans: store an imported one, show one, read adopted values.

Reading the file (:func:`core.superior.read_superior_plan`) touches no database and runs in a worker thread;
storing it is this module's. Which superior plans belong to a plan, and which of their targets the clerk
rejected, are part of the plan's draft (:class:`core.drafts.PlanDraft`), written by ``save_draft``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.db import Database
from core.models import Comparator, Field, SuperiorDocument, Target
from core.superior import (
    ReadPlan,
    SuperiorDeadline,
    SuperiorHeader,
    read_header,
    store_superior_plan,
    superior_deadlines,
    superior_year,
)


@dataclass
class SuperiorTarget:
    """A target of a superior plan, as plain values (``confidence``: how sure the extraction was, None = sure;
    ``from_ocr``: its plan was recognised from a scan, so its numbers need checking against the paper)."""

    id: int
    indicator: str
    comparator: Comparator
    value: float | None
    value_max: float | None
    unit: str | None
    field: Field
    source_text: str
    confidence: float | None
    from_ocr: bool = False


@dataclass
class SuperiorPlanView:
    """A stored superior plan as page 3 shows it: its header, the year it is for, the deadlines it sets, its
    targets; ``already_imported`` when the same file (SHA-256) had been imported before; ``from_ocr`` when it was
    recognised from a scan, and then ``unread_pages``: the pages (from 1) that yielded no text, known only right
    after the import (they are not stored)."""

    id: int
    file_name: str
    imported_at: dt.datetime
    header: SuperiorHeader
    year: int | None
    deadlines: list[SuperiorDeadline]
    targets: list[SuperiorTarget] = field(default_factory=list)
    already_imported: bool = False
    from_ocr: bool = False
    unread_pages: list[int] = field(default_factory=list)


def _target(t: Target, from_ocr: bool) -> SuperiorTarget:
    return SuperiorTarget(t.id, t.indicator, t.comparator, t.value, t.value_max, t.unit, t.field, t.source_text,
                          t.confidence, from_ocr)


def _view(doc: SuperiorDocument, already: bool = False, unread_pages: list[int] | None = None) -> SuperiorPlanView:
    header = read_header(doc.text)
    return SuperiorPlanView(doc.id, doc.file_name, doc.imported_at, header, superior_year(header, doc.text),
                            superior_deadlines(doc.text), [_target(t, doc.from_ocr) for t in doc.targets], already,
                            doc.from_ocr, list(unread_pages or []))


def import_superior_plan(db: Database, read: ReadPlan) -> SuperiorPlanView:
    """Store a superior plan read from its file (once per file content) and return it as page 3 shows it, with
    the pages of a scan that yielded no text."""
    with db.session() as s:
        result = store_superior_plan(s, read)
        return _view(result.document, result.already_imported, read.document.unread_pages)


def superior_plan(db: Database, document_id: int) -> SuperiorPlanView | None:
    """The stored superior plan ``document_id``, or None when it was deleted."""
    with db.session() as s:
        doc = s.get(SuperiorDocument, document_id)
        return _view(doc) if doc is not None else None


def superior_targets(db: Database, target_ids: set[int]) -> dict[int, SuperiorTarget]:
    """The superior targets ``target_ids`` (those a plan's targets were adopted from) that still exist, by id."""
    with db.session() as s:
        found = (s.get(Target, i) for i in target_ids)
        return {t.id: _target(t, t.superior_document is not None and t.superior_document.from_ocr)
                for t in found if t is not None}
