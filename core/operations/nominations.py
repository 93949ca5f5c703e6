"""Every action of the Khen thưởng tab, its form, the merge and the award catalogue: one function per action.

Each opens its own ``db.session()`` (one transaction, committed when it returns, rolled back when it raises) and
returns plain data: ids, :class:`core.nominations.NominationData` / ``NominationRow`` / ``NomineeRecord``, the
dataclasses below. The rules live in :mod:`core.nominations` (validation, matching, deadlines, hints) and
:mod:`core.export_xlsx` (the list as .xlsx); nothing here adds a rule.

Errors: :class:`core.nominations.NominationError` (input to correct, with its field), ``ValueError`` (a file
that is not a nomination list, Vietnamese message), ``OSError`` (a file that cannot be written or read),
:class:`core.catalogue.CatalogueError`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select

from core import nominations as rules
from core.catalogue import CatalogueEntry, read_catalogue, save_catalogue
from core.db import Database
from core.models import AwardForm, Nomination, NomineeKind, Plan, PlanKind, PlanStatus
from core.nominations import (
    ListFilter,
    MergeRecord,
    NominationData,
    NominationError,
    NominationRow,
    NomineeRecord,
)
from core.settings import load_settings

__all__ = ["ListFilter", "NominationData", "NominationError", "NominationRow", "NomineeRecord"]


# -- the list
@dataclass(frozen=True)
class ListChoices:
    """What the list's filters offer and the deadline line: years (newest first), (form name, code) pairs, units,
    and the Vietnamese alert ("" when no deadline is near)."""

    years: list[int]
    forms: list[tuple[str, str]]
    units: list[str]
    alert: str


def ordered_ids(db: Database, order: str, descending: bool = False) -> list[int]:
    """Every nomination id in the order ``order`` (a key of :data:`core.nominations.ORDERS`)."""
    with db.session() as s:
        return rules.ordered_ids(s, order, descending)


def matching_ids(db: Database, wanted: ListFilter) -> set[int] | None:
    """Ids of the nominations ``wanted`` lets through, or None when it lets everything through."""
    with db.session() as s:
        return rules.matching_ids(s, wanted)


def rows(db: Database, ids: list[int] | None = None) -> list[NominationRow]:
    """The list rows of ``ids`` in that order (every nomination when None)."""
    with db.session() as s:
        return rules.rows(s, ids)


def list_choices(db: Database, today: dt.date) -> ListChoices:
    """The filters' choices and the deadline alert for ``today``."""
    with db.session() as s:
        years, forms, units = rules.list_choices(s)
        return ListChoices(years, forms, units, rules.deadline_summary(s, today))


@dataclass(frozen=True)
class HistoryLine:
    """One award of a nominee's history, as the panel shows it."""

    nomination_id: int
    year: int | None
    form_name: str
    status: str  # the Vietnamese label
    decision_number: str

    def text(self) -> str:
        """ "2025: Giấy khen … — Đã khen, QĐ 88/QĐ-UBND"."""
        decision = f", QĐ {self.decision_number}" if self.decision_number else ""
        return f"{self.year or '—'}: {self.form_name} — {self.status}{decision}"


def history(db: Database, nominee_id: int) -> list[HistoryLine]:
    """Every nomination of a nominee across years, newest first."""
    with db.session() as s:
        return [HistoryLine(m.id, m.year, m.award_form.name, rules.STATUS_LABELS[m.status], m.decision_number or "")
                for m in rules.history(s, nominee_id)]


# -- the form
@dataclass(frozen=True)
class FormChoice:
    """An award form offered in the form: code, the label shown, its legal basis (the tooltip)."""

    code: str
    label: str
    legal_basis: str


def form_choices(db: Database, kind: NomineeKind, year: int, keep: str | None = None) -> list[FormChoice]:
    """The forms open to ``kind`` and in force in ``year`` (the commune's first); ``keep``, the code a nomination
    was made under, is added at the end when no longer offered (an edited catalogue, another year)."""
    with db.session() as s:
        offered = [FormChoice(f.code, f"{f.name} — {f.decided_by or f.granting_level}", f.legal_basis)
                   for f in rules.forms_for(s, kind, year)]
        if keep and all(c.code != keep for c in offered):
            form = s.get(AwardForm, keep)
            offered.append(FormChoice(keep, form.name if form else keep, form.legal_basis if form else ""))
        return offered


def plan_label(kind: PlanKind, year: int, version: int, status: PlanStatus, number: str | None,
               suffix: str) -> str:
    """A plan named so that no two read alike: "Kế hoạch năm 2026 — bản 2 (đang soạn)", "Kế hoạch năm 2026 — ban
    hành 05/KH-UBND"."""
    what = "Kế hoạch năm" if kind is PlanKind.ANNUAL else "Đợt thi đua"
    label = f"{what} {year}" + (f" — bản {version}" if version > 1 else "")
    if status is PlanStatus.ISSUED:
        return f"{label} — ban hành {number}/{suffix}" if number else f"{label} — đã ban hành"
    return f"{label} (đang soạn)"


def plan_choices(db: Database) -> list[tuple[str, int]]:
    """(label, id) of every plan, newest year first, labels by :func:`plan_label`."""
    with db.session() as s:
        settings = load_settings(s)
        default_suffix = settings.number_suffix if settings else "KH-UBND"
        found = []
        for plan in s.scalars(select(Plan).order_by(Plan.year.desc(), Plan.version.desc(), Plan.id.desc())):
            suffix = (plan.issued_settings or {}).get("number_suffix") or default_suffix
            found.append((plan_label(plan.kind, plan.year, plan.version, plan.status, plan.number, suffix), plan.id))
        return found


def year_plan(db: Database, year: int) -> int | None:
    """The plan a new nomination of ``year`` is put under by default (:func:`core.nominations.year_plan`)."""
    with db.session() as s:
        return rules.year_plan(s, year)


def plan_deadline(db: Database, plan_id: int | None) -> dt.date | None:
    """The plan's hạn nộp hồ sơ khen thưởng (the default deadline of its nominations), or None."""
    with db.session() as s:
        return rules.default_deadline(s, plan_id)


def hints(db: Database, data: NominationData) -> list[str]:
    """Eligibility hints for ``data`` (never a block)."""
    with db.session() as s:
        return rules.hints(s, data)


def people_like(db: Database, data: NominationData) -> list[NomineeRecord]:
    """The people on record ``data`` may name, closest first (the form offers them before a new one is made)."""
    with db.session() as s:
        return rules.people_like(s, data)


def nomination(db: Database, nomination_id: int) -> NominationData:
    """The editable data of a stored nomination. Raises :class:`NominationError` when it is gone."""
    with db.session() as s:
        found = s.get(Nomination, nomination_id)
        if found is None:
            raise NominationError("name", "Đề nghị này không còn trong dữ liệu (có thể đã bị xóa).")
        return rules.data_of(found)


# -- changes, and their undo
@dataclass(frozen=True)
class Change:
    """A change the clerk made that Ctrl+Z takes back (:func:`undo`): ``action`` is "add", "edit", "delete" or
    "merge", ``label`` says it in Vietnamese, ``nomination_id`` is the nomination added or edited, ``before`` what
    undoing puts back (the data before an edit or a delete, the :class:`MergeRecord` of a merge)."""

    action: str
    label: str
    nomination_id: int | None = None
    before: NominationData | MergeRecord | None = None


def add(db: Database, data: NominationData, today: dt.date) -> Change:
    """Store a new nomination; it joins the person chosen or on record, whose record is not changed (see
    :func:`core.nominations.find_nominee`). Raises :class:`NominationError`."""
    with db.session() as s:
        stored = rules.save_nomination(s, replace(data, id=None), today)
        return Change("add", f"thêm đề nghị của {stored.nominee.name}", stored.id)


def edit(db: Database, data: NominationData, today: dt.date) -> Change:
    """Store the clerk's changes to a nomination (``data.id``) and its nominee's record. Raises
    :class:`NominationError`."""
    with db.session() as s:
        found = s.get(Nomination, data.id) if data.id is not None else None
        if found is None:
            raise NominationError("name", "Đề nghị này không còn trong dữ liệu (có thể đã bị xóa).")
        before = rules.data_of(found)
        rules.save_nomination(s, data, today)
        return Change("edit", f"sửa đề nghị của {before.name}", data.id, before)


def delete(db: Database, nomination_id: int) -> Change:
    """Delete a nomination (its nominee too when it was their last). Raises :class:`NominationError` when gone."""
    with db.session() as s:
        before = rules.delete_nomination(s, nomination_id)
        return Change("delete", f"xóa đề nghị của {before.name}", nomination_id, before)


def merge_candidates(db: Database, nominee_id: int) -> list[NomineeRecord]:
    """The nominee ``nominee_id`` first, then the others of the same kind and name (whatever their birth date and
    unit): the records a merge may join."""
    with db.session() as s:
        first = rules.nominee_record(s, nominee_id)
        return ([first] if first else []) + rules.namesakes(s, nominee_id)


def nominee(db: Database, nominee_id: int) -> NomineeRecord | None:
    """A nominee as plain data, or None when there is none."""
    with db.session() as s:
        return rules.nominee_record(s, nominee_id)


def merge(db: Database, keep_id: int, other_id: int, values: dict[str, object]) -> Change:
    """Join two records of one person: every nomination of ``other_id`` moves to ``keep_id``, which takes the
    chosen ``values`` (keys of :data:`core.nominations.PERSON_FIELDS`). Raises :class:`NominationError`."""
    with db.session() as s:
        record = rules.merge_nominees(s, keep_id, other_id, values)
        return Change("merge", f"gộp hồ sơ {record.merged.name} vào {record.kept.name}", None, record)


def undo(db: Database, change: Change) -> None:
    """Take ``change`` back: remove what was added, put back what was edited, deleted or merged. Raises
    :class:`NominationError` when what it changed has gone since."""
    with db.session() as s:
        if change.action == "add" and change.nomination_id is not None:
            rules.delete_nomination(s, change.nomination_id)
        elif change.action == "edit" and isinstance(change.before, NominationData):
            rules.save_nomination(s, change.before, dt.date.today(), checked=False)
        elif change.action == "delete" and isinstance(change.before, NominationData):
            rules.restore_nomination(s, change.before)
        elif change.action == "merge" and isinstance(change.before, MergeRecord):
            rules.unmerge_nominees(s, change.before)
        else:
            raise ValueError(f"cannot undo {change!r}")


# -- the list as .xlsx
def import_nominations(db: Database, path: Path | str, year: int, today: dt.date, write: bool = False):
    """Read the list at ``path`` and match it on the file; with ``write`` also add its new nominations. The one
    function for the confirmation's summary (``write`` False) and the import (``write`` True), so the summary
    cannot promise what the import does not do. Returns the :class:`core.export_xlsx.ImportReport` (of the
    import itself when ``write``: matched again in the writing transaction).

    The file is read in a read-only transaction; the additions are written in one short transaction at the end
    (all or nothing), so an open window waits a fraction of a second. Raises ``ValueError`` (Vietnamese) for a
    file that is not such a list, ``OSError`` when it cannot be read.
    """
    from core.export_xlsx import apply_import, read_nominations_xlsx  # openpyxl when first needed

    with db.session() as s:
        report = read_nominations_xlsx(s, path, year, today, match=not write)
    if write and report.read:
        with db.session() as s:
            apply_import(s, report, today)
    return report


def export_nominations(db: Database, ids: list[int], year: int | None, path: Path | str) -> int:
    """Write the nominations ``ids`` (in that order) as the list for the superior level at ``path``, signed by the
    chairman on record; ``year`` goes in the titles (None: all years). Returns how many were written. Raises
    ``OSError`` when the file cannot be written, ``ValueError`` when the commune's details are not set."""
    from core.export_xlsx import export_nominations as write_list

    with db.session() as s:
        settings = load_settings(s)
        listed = rules.rows(s, ids)
        if settings is None:
            raise ValueError("Chưa nhập thông tin xã (Tệp → Thông tin xã) nên chưa xuất được danh sách.")
        s.expunge(settings)
    return write_list(listed, settings, year, path)


# -- the award catalogue
def catalogue(db: Database) -> list[CatalogueEntry]:
    """Every catalogue entry, by level then name."""
    with db.session() as s:
        return read_catalogue(s)


def store_catalogue(db: Database, entries: list[CatalogueEntry]) -> None:
    """Store the edited catalogue. Raises :class:`core.catalogue.CatalogueError` for an entry to correct."""
    with db.session() as s:
        save_catalogue(s, entries)
