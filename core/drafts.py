"""Editing a draft plan as plain data: the wizard reads a :class:`PlanDraft`, changes it, and hands it back.

:func:`save_draft` owns the transaction: it refuses an issued plan, writes only what changed (rows are
matched by id, so an unchanged căn cứ or recipient keeps its row), and moves ``updated_at`` whenever the
plan or any of its parts changed (see :func:`core.plans.guard_and_touch`). The wizard never holds a Session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy.orm import Session

from core import defaults
from core.catalogue import CatalogueEntry, read_catalogue
from core.models import (
    Assignment,
    Comparator,
    Field,
    LegalBasis,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    Recipient,
    SectionKind,
    SuperiorDocument,
    Target,
    WizardPosition,
)
from core.plans import award_lines, default_title, ensure_draft, plan_date, purpose_lines
from core.settings import SettingsData, load_settings, settings_data


@dataclass
class SectionData:
    """A part of the plan's body (PlanSection)."""

    kind: SectionKind
    field: Field | None = None
    heading: str = ""
    body: str = ""
    id: int | None = None


@dataclass
class BasisData:
    """A căn cứ (LegalBasis)."""

    doc_type: str = "Kế hoạch"
    number: str = ""
    issue_date: dt.date | None = None
    issuer: str = ""
    summary: str = ""
    superior_document_id: int | None = None
    id: int | None = None


@dataclass
class TargetData:
    """A target of the plan (Target); ``derived_from_id`` links an adopted superior target."""

    indicator: str
    comparator: Comparator = Comparator.EQ
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    field: Field = Field.OTHER
    source_text: str = ""
    derived_from_id: int | None = None
    scope_confirmed: bool = False
    id: int | None = None


@dataclass
class AssignmentData:
    """A task given to a unit under Tổ chức thực hiện (Assignment)."""

    unit: str
    task: str = ""
    deadline: dt.date | None = None
    id: int | None = None


@dataclass
class RecipientData:
    """A line of Nơi nhận (Recipient)."""

    name: str
    id: int | None = None


# plan attribute → (model, plain data class); the order of each list is the printed order (``position``).
CHILDREN = {
    "sections": (PlanSection, SectionData),
    "legal_bases": (LegalBasis, BasisData),
    "targets": (Target, TargetData),
    "assignments": (Assignment, AssignmentData),
    "recipients": (Recipient, RecipientData),
}
SCALARS = ("kind", "year", "campaign_start", "campaign_end", "number", "place_name", "issue_date", "title", "theme",
           "signer_authority", "signer_title", "signer_name", "targets_as_table", "award_deadline")


@dataclass
class PlanDraft:
    """Everything the wizard edits of one plan, as plain values; ``status`` and ``version`` are read-only."""

    id: int
    status: PlanStatus
    version: int
    kind: PlanKind
    year: int
    campaign_start: dt.date | None
    campaign_end: dt.date | None
    number: str | None
    place_name: str
    issue_date: dt.date | None
    title: str
    theme: str
    signer_authority: str
    signer_title: str
    signer_name: str
    targets_as_table: bool
    award_deadline: dt.date | None
    sections: list[SectionData] = field(default_factory=list)
    legal_bases: list[BasisData] = field(default_factory=list)
    targets: list[TargetData] = field(default_factory=list)
    assignments: list[AssignmentData] = field(default_factory=list)
    recipients: list[RecipientData] = field(default_factory=list)
    superior_document_ids: list[int] = field(default_factory=list)  # the superior plans imported for this plan
    rejected_target_ids: list[int] = field(default_factory=list)  # superior targets the clerk chose not to adopt

    def section(self, kind: SectionKind, field_: Field | None = None, heading: str = "") -> SectionData:
        """The first section of ``kind`` (and ``field_``), added (with ``heading``) when there is none."""
        for s in self.sections:
            if s.kind is kind and (field_ is None or s.field is field_):
                return s
        self.sections.append(SectionData(kind, field_, heading))
        return self.sections[-1]


@dataclass
class DraftContext:
    """What the wizard shows beside a draft, read once: the commune's settings (None before the first start)
    and the award-form catalogue."""

    settings: SettingsData | None
    award_forms: list[CatalogueEntry]


def read_context(session: Session) -> DraftContext:
    """The :class:`DraftContext` from the database, as plain data."""
    row = load_settings(session)
    return DraftContext(settings_data(row) if row is not None else None, read_catalogue(session))


# Texts and values of a plan derived from its kind, year, dates and the commune's settings, with the name the
# wizard gives each when the clerk's own text still speaks of another year.
DERIVED_LABELS = {"title": "Trích yếu", "purpose": "Mục đích", "award": "Khen thưởng",
                  "award_deadline": "Hạn nộp hồ sơ khen thưởng"}


def derived_values(draft: PlanDraft, context: DraftContext) -> dict:
    """The defaults of ``draft``'s kind, year and dates: trích yếu, Mục đích, Khen thưởng, dossier deadline and
    the decree cited (:func:`core.defaults.standing_bases`), with ``year``. Empty without settings."""
    settings = context.settings
    if settings is None:
        return {}
    day = plan_date(draft.kind, draft.year, draft.campaign_start, draft.issue_date)
    decree = defaults.standing_bases(day)[1]
    return {"year": draft.year, "title": default_title(draft.kind, settings, draft.year),
            "purpose": "\n".join(purpose_lines(draft.kind, settings, draft.year)),
            "award": "\n".join(award_lines(draft.kind, settings, context.award_forms, day)),
            "award_deadline": defaults.award_deadline(draft.kind, draft.year, draft.campaign_end),
            "decree": (decree["number"], decree["issue_date"], decree["summary"])}


def follow_defaults(draft: PlanDraft, before: dict, context: DraftContext) -> tuple[dict, list[str]]:
    """After the clerk changed the kind, year or dates of ``draft``: every value still equal to its default
    ``before`` (:func:`derived_values` of the draft as it was) takes the new default; a value the clerk edited is
    kept. Returns the new defaults and the names of the edited texts that still speak of the year ``before``."""
    after = derived_values(draft, context)
    if not after or not before:
        return after, []
    stale = []
    purpose = draft.section(SectionKind.PURPOSE, heading="Mục đích")
    award = draft.section(SectionKind.AWARD, heading="Khen thưởng")

    def follow(key: str, value):
        if value == before[key]:
            return after[key]
        if before["year"] != draft.year and str(before["year"]) in str(value):
            stale.append(DERIVED_LABELS[key])
        return value

    draft.title = follow("title", draft.title)
    purpose.body = follow("purpose", purpose.body)
    award.body = follow("award", award.body)
    draft.award_deadline = follow("award_deadline", draft.award_deadline)
    for b in draft.legal_bases:
        if b.doc_type == "Nghị định" and (b.number, b.issue_date, b.summary) == before["decree"]:
            b.number, b.issue_date, b.summary = after["decree"]
    return after, stale


def _data_names(data_class) -> list[str]:
    return [f.name for f in fields(data_class)]


def read_draft(session: Session, plan_id: int) -> PlanDraft:
    """The plan ``plan_id`` as plain data. Raises ``LookupError`` when there is no such plan."""
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise LookupError(f"no plan {plan_id}")
    draft = PlanDraft(plan.id, plan.status, plan.version, **{name: getattr(plan, name) for name in SCALARS})
    draft.superior_document_ids = [d.id for d in plan.superior_documents]
    draft.rejected_target_ids = sorted(t.id for t in plan.rejected_targets)
    for attr, (_model, data_class) in CHILDREN.items():
        names = _data_names(data_class)
        setattr(draft, attr, [data_class(**{n: getattr(row, n) for n in names}) for row in getattr(plan, attr)])
    return draft


def save_draft(session: Session, draft: PlanDraft) -> None:
    """Write ``draft`` into its plan: changed values only, parts matched by id, new parts get their ids back.

    Raises :class:`core.plans.PlanError` when the plan is issued (it never changes), ``LookupError`` when it
    was deleted meanwhile.
    """
    plan = session.get(Plan, draft.id)
    if plan is None:
        raise LookupError(f"no plan {draft.id}")
    ensure_draft(plan)
    for name in SCALARS:
        _set(plan, name, getattr(draft, name))
    written: list[tuple[Any, Any]] = []  # (plain data, its row)
    for attr, (model, data_class) in CHILDREN.items():
        collection = getattr(plan, attr)
        existing = {row.id: row for row in collection}
        kept = []
        for position, data in enumerate(getattr(draft, attr)):
            row = existing.pop(data.id, None) if data.id is not None else None
            if row is None:
                row = model()
            for name in _data_names(data_class):
                if name != "id":
                    _set(row, name, getattr(data, name))
            _set(row, "position", position)
            kept.append(row)
            written.append((data, row))
        collection[:] = kept  # rows left in ``existing`` are deleted (delete-orphan)
    if [d.id for d in plan.superior_documents] != draft.superior_document_ids:
        plan.superior_documents = [d for d in (session.get(SuperiorDocument, i) for i in draft.superior_document_ids)
                                   if d is not None]
    if sorted(t.id for t in plan.rejected_targets) != sorted(draft.rejected_target_ids):
        plan.rejected_targets = [t for t in (session.get(Target, i) for i in draft.rejected_target_ids)
                                 if t is not None]
    session.flush()
    for data, row in written:
        data.id = row.id


def _set(obj, name: str, value) -> None:
    if getattr(obj, name) != value:
        setattr(obj, name, value)


def wizard_page(session: Session, plan_id: int) -> int:
    """The wizard page where the clerk left the plan (0 when never opened)."""
    position = session.get(WizardPosition, plan_id)
    return position.page if position else 0


def remember_page(session: Session, plan_id: int, page: int) -> None:
    """Remember the wizard page of a plan (not a change of the plan itself)."""
    position = session.get(WizardPosition, plan_id) or WizardPosition(plan_id=plan_id)
    position.page = page
    session.add(position)
