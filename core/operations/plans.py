"""Operations of the plans tab and the plan wizard: one function per user action, each in its own unit of work.

Errors the clerk must read are raised in Vietnamese: :class:`core.plans.PlanError` (the plan's state forbids
the action), :class:`core.settings.SettingsError` (the commune's settings are missing); ``LookupError`` when the
plan was deleted meanwhile (another window).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from core.db import Database
from core.errors import DatabaseError
from core.drafts import DraftContext, PlanDraft, read_context, read_draft, remember_page, wizard_page
from core.drafts import save_draft as _write_draft
from core.layout import PlanLayout, build_layout
from core.models import Plan, PlanKind, PlanStatus
from core.plans import PlanError, Problem, copy_plan, issue, new_plan, plan_problems, plans_overview
from core.settings import SettingsError, load_settings


@dataclass
class PlanSummary:
    """A plan as the list shows it."""

    id: int
    year: int
    kind: PlanKind
    title: str
    status: PlanStatus
    version: int
    number: str | None
    updated_at: dt.datetime


@dataclass
class OpenedPlan:
    """A plan opened in the wizard: its draft, what the pages show beside it, and the page to resume on."""

    draft: PlanDraft
    context: DraftContext
    page: int


@dataclass
class PlanView:
    """A plan as it prints (:class:`core.layout.PlanLayout`) and what still blocks issuing it, each problem with the
    part of the plan to fix (:class:`core.plans.Problem`)."""

    layout: PlanLayout
    problems: list[Problem]
    file_stem: str  # "Ke-hoach-thi-dua-2026", "-v2" for a revision: the suggested export file name


def _summary(p: Plan) -> PlanSummary:
    return PlanSummary(p.id, p.year, p.kind, p.title, p.status, p.version, p.number, p.updated_at)


def _settings(session):
    settings = load_settings(session)
    if settings is None:
        raise SettingsError("Chưa có thông tin xã: hãy nhập ở menu Tệp → Thông tin xã.")
    return settings


def _plan(session, plan_id: int) -> Plan:
    plan = session.get(Plan, plan_id)
    if plan is None:
        raise LookupError(f"no plan {plan_id}")
    return plan


def list_plans(db: Database) -> list[PlanSummary]:
    """All plans, newest year first, then newest first."""
    with db.session() as s:
        return [_summary(p) for p in plans_overview(s)]


def plan_summary(db: Database, plan_id: int) -> PlanSummary | None:
    """The plan ``plan_id`` as the list shows it, or None when there is none."""
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        return _summary(plan) if plan is not None else None


def default_year(today: dt.date) -> int:
    """The year a new plan is for: next year from September (when next year's plan is drafted), else this year."""
    return today.year + (1 if today.month >= 9 else 0)


def plans_of_year(db: Database, kind: PlanKind, year: int) -> int:
    """How many plans of ``kind`` there are for ``year`` (a second annual plan of a year is asked about first)."""
    with db.session() as s:
        return s.scalar(select(func.count(Plan.id)).where(Plan.kind == kind, Plan.year == year)) or 0


def create_plan(db: Database, kind: PlanKind, year: int) -> int:
    """A new draft of ``kind`` for ``year`` with the default texts of the commune's settings; returns its id.

    Raises :class:`core.settings.SettingsError` before the commune's settings are entered.
    """
    with db.session() as s:
        settings = load_settings(s)
        if settings is None:
            raise SettingsError("Hãy nhập thông tin xã (menu Tệp → Thông tin xã) trước khi tạo kế hoạch.")
        return new_plan(s, settings, kind, year).id


def open_plan(db: Database, plan_id: int) -> OpenedPlan:
    """The plan ``plan_id`` as the wizard edits it. Raises ``LookupError`` when there is no such plan."""
    with db.session() as s:
        draft = read_draft(s, plan_id)
        return OpenedPlan(draft, read_context(s), wizard_page(s, plan_id))


def save_draft(db: Database, draft: PlanDraft, page: int | None = None) -> None:
    """Write what changed in ``draft`` (see :func:`core.drafts.save_draft`) and remember the wizard's ``page``.

    Raises :class:`core.plans.PlanError` for an issued plan, ``LookupError`` for a deleted one,
    :class:`core.errors.DatabaseError` when the file cannot be written (busy, read-only, disk full).
    """
    try:
        with db.session() as s:
            _write_draft(s, draft)
            if page is not None and page >= 0:
                remember_page(s, draft.id, page)
    except SQLAlchemyError as exc:
        raise DatabaseError("Không ghi được vào tệp dữ liệu (tệp đang bận, chỉ đọc, hoặc ổ đĩa đã đầy).") from exc


def plan_view(db: Database, plan_id: int) -> PlanView:
    """The plan as it prints, with the problems that block issuing it."""
    with db.session() as s:
        plan = _plan(s, plan_id)
        stem = f"Ke-hoach-thi-dua-{plan.year}{'-v' + str(plan.version) if plan.version > 1 else ''}"
        return PlanView(build_layout(plan, _settings(s)), plan_problems(plan), stem)


def issue_plan(db: Database, plan_id: int, number: str, day: dt.date) -> OpenedPlan:
    """Ban hành the plan with ``number`` and ``day`` (see :func:`core.plans.issue`) and return it as it now is.

    Raises :class:`core.plans.PlanError` when it is issued already, the number is wrong or problems remain.
    """
    with db.session() as s:
        issue(_plan(s, plan_id), number, day, _settings(s))
    return open_plan(db, plan_id)


def delete_plan(db: Database, plan_id: int) -> None:
    """Delete a draft plan with its parts. Raises :class:`core.plans.PlanError` for an issued plan."""
    with db.session() as s:
        plan = _plan(s, plan_id)
        if plan.status is PlanStatus.ISSUED:
            raise PlanError("Kế hoạch đã ban hành không xóa được.")
        s.delete(plan)


def copy_to_next_year(db: Database, plan_id: int) -> int:
    """A draft for the year after ``plan_id``'s, from its texts, targets and structure (see
    :func:`core.plans.copy_plan`), naming the commune as the settings do now; returns its id."""
    with db.session() as s:
        source = _plan(s, plan_id)
        return copy_plan(s, source, source.year + 1, _settings(s)).id


def revise_plan(db: Database, plan_id: int) -> int:
    """A new draft version of an issued plan (the issued one stays as it is); returns its id.

    Raises :class:`core.plans.PlanError` when the plan is still a draft (it is edited directly).
    """
    with db.session() as s:
        source = _plan(s, plan_id)
        if source.status is not PlanStatus.ISSUED:
            raise PlanError("Kế hoạch này còn là bản nháp: mở ra để sửa trực tiếp.")
        return copy_plan(s, source, source.year, _settings(s), revision=True).id


__all__ = ["OpenedPlan", "PlanError", "PlanSummary", "PlanView", "copy_to_next_year", "create_plan",
           "default_year", "delete_plan", "issue_plan", "list_plans", "open_plan",
           "plan_summary", "plan_view", "plans_of_year", "revise_plan", "save_draft"]
