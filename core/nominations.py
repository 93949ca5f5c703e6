"""Award nominations (đề nghị khen thưởng): rows for the list, validation, deadlines, history, hints.

Plain data (:class:`NominationData`) goes in and out; each function that writes owns nothing but the
session it is given. Labels live here once, for the tab, the dialog and the .xlsx exports.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass, replace
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.catalogue import in_force_in, in_force_on, level_rank, routes
from core.dates import EARLIEST, iso_date
from core.terms import AwardRoute
from core.text import fold, nfc, search_key
from core.models import (
    AwardForm, AwardKind, Nomination, NominationStatus, Nominee, NomineeKind, Plan, PlanKind, PlanStatus,
)
from core.paths import resources_dir

# Each status in the clerk's words, the one name the list, the form and the history use; a route only words
# differently what ends it (core.season.ROUTE_STATUS_LABELS).
STATUS_LABELS = {
    NominationStatus.DRAFT: "Đang lập hồ sơ",
    NominationStatus.REVIEWED: "Đã bình xét",
    NominationStatus.SUBMITTED: "Đã trình cấp trên",
    NominationStatus.GRANTED: "Đã khen",
    NominationStatus.REFUSED: "Không được khen",
}
KIND_LABELS = {
    AwardKind.REGULAR: "Thường xuyên",
    AwardKind.SUDDEN: "Đột xuất",
    AwardKind.THEMATIC: "Chuyên đề",
    AwardKind.CAMPAIGN: "Theo đợt",
}
NOMINEE_LABELS = {NomineeKind.INDIVIDUAL: "Cá nhân", NomineeKind.COLLECTIVE: "Tập thể",
                  NomineeKind.HOUSEHOLD: "Hộ gia đình"}
GENDERS = ("Nam", "Nữ")
DUE_SOON_DAYS = 7
MAX_SEARCH_WORDS = 12  # words of the search box used (SQLite refuses an expression tree of ~1,000 conditions)


class NominationError(ValueError):
    """Input the clerk must correct; ``field`` names the input, the message is Vietnamese."""

    def __init__(self, field_name: str, message: str):
        super().__init__(message)
        self.field = field_name


@dataclass
class NominationData:
    """One nomination with its nominee, as the form dialog and the importer give it."""

    nominee_kind: NomineeKind
    name: str
    award_form_code: str
    year: int
    gender: str | None = None
    birth_date: dt.date | None = None
    position: str = ""
    unit: str = ""
    award_kind: AwardKind = AwardKind.REGULAR
    plan_id: int | None = None
    movement: str = ""
    achievement: str = ""
    deadline: dt.date | None = None
    status: NominationStatus = NominationStatus.DRAFT
    decision_number: str = ""
    decision_date: dt.date | None = None
    note: str = ""
    id: int | None = None
    # Who this is, for a new nomination: the person on record the clerk chose (their record is not changed), or
    # None to find them by name, birth date and unit (:func:`find_nominee`); ``other_person`` says the clerk
    # declared them someone else than the namesakes on record, so a new nominee is made.
    nominee_id: int | None = None
    other_person: bool = False


@dataclass
class NominationRow:
    """A row of the list: everything it shows of a nomination and its nominee."""

    id: int
    nominee_id: int
    nominee_kind: NomineeKind
    name: str
    gender: str
    birth_date: dt.date | None
    position: str
    unit: str
    form_code: str
    form_name: str
    award_kind: AwardKind
    plan_title: str
    movement: str
    achievement: str
    year: int | None
    deadline: dt.date | None
    status: NominationStatus
    decision_number: str
    decision_date: dt.date | None
    note: str


def open_to(form: AwardForm, kind: NomineeKind) -> bool:
    """Whether ``form`` can be given to a nominee of ``kind`` (the catalogue's beneficiary)."""
    return form.beneficiary in ("any", kind.value)


def forms_for(session: Session, kind: NomineeKind, year: int) -> list[AwardForm]:
    """The award forms open to ``kind`` and in force in ``year``: the commune's own first, then upwards."""
    forms = [f for f in session.scalars(select(AwardForm)) if open_to(f, kind) and in_force_in(f, year)]
    return sorted(forms, key=lambda f: (level_rank(f.granting_level), f.name))


def validate(session: Session, data: NominationData, today: dt.date) -> None:
    """Raise :class:`NominationError` for the first input to correct (required fields, a form not open to the
    nominee or not in force in the year or on the decision date, a birth date not before today or before 1900,
    a granted row without its decision). A past deadline is no error (late dossiers exist): see
    :func:`deadline_warning`."""
    if not data.name.strip():
        raise NominationError("name", "Chưa nhập họ tên (hoặc tên tập thể, hộ gia đình).")
    if not 2000 <= data.year <= 2100:
        raise NominationError("year", "Năm xét khen thưởng không hợp lệ.")
    form = session.get(AwardForm, data.award_form_code) if data.award_form_code else None
    if form is None:
        raise NominationError("award_form_code", "Chưa chọn hình thức khen thưởng hoặc danh hiệu thi đua.")
    if not open_to(form, data.nominee_kind):
        raise NominationError("award_form_code", f"«{form.name}» không dành cho "
                                                 f"{NOMINEE_LABELS[data.nominee_kind].lower()}.")
    if not in_force_in(form, data.year):
        raise NominationError("award_form_code", f"«{form.name}» không áp dụng trong năm {data.year} "
                                                 f"(hiệu lực {_period(form)}).")
    if data.gender is not None and data.gender not in GENDERS:
        raise NominationError("gender", "Giới tính ghi «Nam» hoặc «Nữ».")
    if data.birth_date and data.birth_date >= today:
        raise NominationError("birth_date", "Ngày sinh phải trước hôm nay.")
    if data.birth_date and data.birth_date < EARLIEST:
        raise NominationError("birth_date", f"Ngày sinh {data.birth_date:%d/%m/%Y} không hợp lệ (trước năm 1900).")
    if data.status is NominationStatus.GRANTED and not (data.decision_number.strip() and data.decision_date):
        raise NominationError("decision_number", "Đã khen thì ghi số và ngày quyết định khen thưởng.")
    if data.decision_date and not in_force_on(form, data.decision_date):
        raise NominationError("decision_date", f"Ngày quyết định {data.decision_date:%d/%m/%Y} nằm ngoài thời gian "
                                               f"áp dụng «{form.name}» ({_period(form)}).")


def deadline_warning(data: NominationData, today: dt.date) -> str:
    """A sentence to show beside the deadline of a dossier still being prepared whose deadline has passed ("" when
    none): a late dossier is recorded, never refused."""
    if data.deadline and data.status is NominationStatus.DRAFT and data.deadline < today:
        return f"Hạn nộp {data.deadline:%d/%m/%Y} đã qua: hồ sơ vẫn được ghi, là hồ sơ nộp muộn."
    return ""


def _period(form: AwardForm) -> str:
    start = f"{form.effective_from:%d/%m/%Y}" if form.effective_from else "trước đây"
    end = f"{form.effective_to:%d/%m/%Y}" if form.effective_to else "nay"
    return f"từ {start} đến {end}"


def clean_name(name: str) -> str:
    """A name as stored: NFC, spaces collapsed ("Nguyễn văn  An " → "Nguyễn văn An")."""
    return " ".join((nfc(name) or "").split())


def name_key(text: str | None) -> str:
    """What two spellings of one name or unit share: folded, spaces collapsed ("Nguyễn văn  An" → "nguyen van an")."""
    return " ".join(fold(nfc(text) or "").split())


@dataclass(frozen=True)
class NomineeRecord:
    """A nominee on record as the form and the merge show it; ``awards`` counts their nominations."""

    id: int
    kind: NomineeKind
    name: str
    gender: str
    birth_date: dt.date | None
    position: str
    unit: str
    awards: int = 0


def likeness(data_birth: dt.date | None, data_unit: str, birth: dt.date | None, unit: str) -> int | None:
    """How well a nominee on record (``birth``, ``unit``) fits an entry of the same kind and name (``data_…``):
    None when a filled field differs (another person), else the number of filled fields that agree (a blank
    on either side never contradicts). The one matching rule of the form, :func:`find_nominee` and the import."""
    if data_birth and birth and data_birth != birth:
        return None
    wanted, held = name_key(data_unit), name_key(unit)
    if wanted and held and wanted != held:
        return None
    return (data_birth is not None and data_birth == birth) + bool(wanted and wanted == held)


def _records(session: Session, kind: NomineeKind, key: str) -> list[NomineeRecord]:
    """Every nominee of ``kind`` whose :func:`name_key` is ``key``, by id."""
    if not key:
        return []
    found = _fetch(session, "SELECT n.id, n.name, n.gender, n.birth_date, n.position, n.unit, COUNT(m.id)"
                            " FROM nominee n LEFT JOIN nomination m ON m.nominee_id = n.id"
                            " WHERE n.kind = ? AND fold(n.name) LIKE ? GROUP BY n.id ORDER BY n.id",
                   (kind.value, key.split()[0] + "%"))  # narrowed in SQL: the file may hold tens of thousands
    return [NomineeRecord(nid, kind, name, gender or "", iso_date(birth),
                          position or "", unit or "", awards)
            for nid, name, gender, birth, position, unit, awards in found if name_key(name) == key]


def people_like(session: Session, data: NominationData) -> list[NomineeRecord]:
    """The nominees on record whom ``data`` may name (same kind, same name case, diacritics and spaces aside,
    no filled field contradicting by :func:`likeness`), the closest first."""
    scored = [(score, r) for r in _records(session, data.nominee_kind, name_key(data.name))
              if (score := likeness(data.birth_date, data.unit, r.birth_date, r.unit)) is not None]
    return [r for _score, r in sorted(scored, key=lambda pair: -pair[0])]


def nominee_record(session: Session, nominee_id: int) -> NomineeRecord | None:
    """The nominee ``nominee_id`` as plain data, or None when there is none."""
    n = session.get(Nominee, nominee_id)
    return _record(n) if n is not None else None


def _record(n: Nominee) -> NomineeRecord:
    return NomineeRecord(n.id, n.kind, n.name, n.gender or "", n.birth_date, n.position or "", n.unit or "",
                         len(n.nominations))


def find_nominee(session: Session, data: NominationData) -> Nominee | None:
    """The nominee ``data`` names: the one chosen (``data.nominee_id``), else the closest of :func:`people_like`,
    else None (also when the clerk declared another person)."""
    if data.nominee_id is not None:
        return session.get(Nominee, data.nominee_id)
    if data.other_person:
        return None
    found = people_like(session, data)
    return session.get(Nominee, found[0].id) if found else None


def save_nomination(session: Session, data: NominationData, today: dt.date, checked: bool = True) -> Nomination:
    """Validate (unless ``checked`` is False: an undo puts back what was stored) and store ``data``, new or edited
    (see :func:`_write` for the nominee).

    Raises :class:`NominationError`. Returns the stored nomination (flushed, with its id).
    """
    if checked:
        validate(session, data, today)
    with session.no_autoflush:  # the new row is complete only at the end
        nomination = _write(session, data)
    session.flush()
    return nomination


def _write(session: Session, data: NominationData, nomination: Nomination | None = None) -> Nomination:
    """Put ``data`` on its nomination (new or existing) without checks. A new nomination joins the person on
    record it names (:func:`find_nominee`), whose record is left as it is, or a new nominee made from ``data``;
    an edited one (``data.id``) also carries the clerk's changes to its nominee's record."""
    form = session.get(AwardForm, data.award_form_code)
    if form is None:
        raise NominationError("award_form_code", "Chưa chọn hình thức khen thưởng hoặc danh hiệu thi đua.")
    if nomination is None and data.id is not None:
        nomination = session.get(Nomination, data.id)
        if nomination is None:
            raise NominationError("name", "Đề nghị này không còn trong dữ liệu (có thể đã bị xóa).")
        _person(nomination.nominee, data)
    elif nomination is None:
        nominee = find_nominee(session, data)
        if nominee is None:
            nominee = Nominee()
            _person(nominee, data)
        nomination = Nomination(nominee=nominee)
        session.add(nomination)
    nomination.award_form_code, nomination.granting_level = form.code, form.granting_level
    nomination.award_kind, nomination.plan_id, nomination.year = data.award_kind, data.plan_id, data.year
    nomination.movement, nomination.achievement = data.movement.strip(), data.achievement.strip()
    nomination.deadline, nomination.status, nomination.note = data.deadline, data.status, data.note.strip()
    nomination.decision_number = data.decision_number.strip() or None
    nomination.decision_date = data.decision_date
    return nomination


def _person(nominee: Nominee, data: NominationData) -> None:
    """Write the person fields of ``data`` on ``nominee`` (a name NFC with spaces collapsed)."""
    person = data.nominee_kind is NomineeKind.INDIVIDUAL
    nominee.kind, nominee.name = data.nominee_kind, clean_name(data.name)
    nominee.gender = data.gender if person else None
    nominee.birth_date = data.birth_date if person else None
    nominee.position, nominee.unit = data.position.strip() if person else "", " ".join(data.unit.split())


def data_of(nomination: Nomination) -> NominationData:
    """The editable plain data of a stored nomination."""
    n = nomination.nominee
    return NominationData(n.kind, n.name, nomination.award_form_code, nomination.year or dt.date.today().year,
                          n.gender, n.birth_date, n.position, n.unit, nomination.award_kind, nomination.plan_id,
                          nomination.movement, nomination.achievement, nomination.deadline, nomination.status,
                          nomination.decision_number or "", nomination.decision_date, nomination.note, nomination.id,
                          n.id)


def search_text(name: str, unit: str, position: str, form_name: str, movement: str, achievement: str) -> str:
    """The folded words the list's search looks in ("Nguyễn Văn Đức …" → "nguyen van duc …")."""
    return search_key(" ".join((name, unit, position or "", form_name, movement, achievement)))


def index_search(session: Session, _context=None, _instances=None) -> None:
    """Before every flush: recompute ``Nomination.search_text`` of every nomination whose nominee, form name
    or texts change. Installed on every session by :class:`core.db.Database`."""
    changed: set[Nomination] = set()
    for obj in [*session.new, *session.dirty]:
        if isinstance(obj, Nomination):
            changed.add(obj)
        elif isinstance(obj, Nominee):
            changed.update(obj.nominations)
        elif isinstance(obj, AwardForm) and obj in session.dirty:
            changed.update(session.scalars(select(Nomination).where(Nomination.award_form_code == obj.code)))
    for m in changed:
        if m.nominee is None or m in session.deleted:
            continue
        form = session.get(AwardForm, m.award_form_code)
        text = search_text(m.nominee.name, m.nominee.unit or "", m.nominee.position, form.name if form else "",
                           m.movement or "", m.achievement or "")
        if m.search_text != text:
            m.search_text = text


@dataclass(frozen=True)
class ListFilter:
    """What the list shows: ``None`` for "all" in each choice; ``text`` is matched word by word, ignoring case
    and diacritics ("nguyen van a" finds "Nguyễn Văn An")."""

    year: int | None = None
    status: NominationStatus | None = None
    form_code: str | None = None
    unit: str | None = None
    text: str = ""
    route: AwardRoute | None = None  # xã quyết định / đề nghị cấp trên (core.catalogue.route_of)


_JOINS = {"n": " JOIN nominee n ON n.id = m.nominee_id", "f": " JOIN award_form f ON f.code = m.award_form_code",
          "p": " LEFT JOIN plan p ON p.id = m.plan_id"}
_FROM = " FROM nomination m" + "".join(_JOINS.values())
# Orders of the list, by name: text in folded form (``fold`` is registered on every connection by core.db).
ORDERS = {
    "name": "fold(n.name)", "form": "fold(f.name)", "year": "m.year", "deadline": "COALESCE(m.deadline, '9999')",
    "status": "m.status", "kind": "n.kind", "unit": "fold(n.unit)", "position": "fold(n.position)",
    "gender": "COALESCE(n.gender, '')", "birth_date": "COALESCE(n.birth_date, '')", "award_kind": "m.award_kind",
    "plan": "fold(COALESCE(NULLIF(p.title, ''), m.movement))", "achievement": "fold(m.achievement)",
    "decision_number": "COALESCE(m.decision_number, '')", "route": "fold(f.decided_by)",
    "decision_date": "COALESCE(m.decision_date, '')",
}


def sqlite_connection(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection, for the bulk reads and writes where SQLAlchemy's rows cost 3× more
    (50,000 nominations)."""
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)  # the database is always SQLite (core.db)
    return raw


def _fetch(session: Session, sql: str, params: tuple = ()) -> list[tuple]:
    """Plain tuples from the session's own sqlite3 connection."""
    return sqlite_connection(session).execute(sql, params).fetchall()


def ordered_ids(session: Session, order: str, descending: bool = False) -> list[int]:
    """Every nomination id in the order ``order`` (a key of :data:`ORDERS`), ties by id."""
    key = ORDERS[order]
    joins = "".join(join for alias, join in _JOINS.items() if re.search(rf"\b{alias}\.", key))  # only those needed
    sql = f"SELECT m.id FROM nomination m{joins} ORDER BY {key} {'DESC' if descending else 'ASC'}, m.id"
    return [i for (i,) in _fetch(session, sql)]


def matching_ids(session: Session, wanted: ListFilter) -> set[int] | None:
    """Ids of the nominations ``wanted`` lets through, or ``None`` when it lets everything through."""
    where, params = [], []
    status = wanted.status and NominationStatus(wanted.status).value
    for column, value in (("m.year", wanted.year), ("m.status", status), ("m.award_form_code", wanted.form_code),
                          ("n.unit", wanted.unit)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    for word in list(dict.fromkeys(search_key(wanted.text).split()))[:MAX_SEARCH_WORDS]:
        where.append("instr(m.search_text, ?) > 0")
        params.append(word)
    passing = None
    if where:
        sql = "SELECT m.id FROM nomination m JOIN nominee n ON n.id = m.nominee_id WHERE " + " AND ".join(where)
        passing = {i for (i,) in _fetch(session, sql, tuple(params))}
    if wanted.route is None:
        return passing
    found = routes(session)
    fixed = found.fixed()  # most forms: the route is the entry's own, whatever the date
    codes = [code for code, route in fixed.items() if route == wanted.route] or [""]
    on_route = {i for (i,) in _fetch(session, f"SELECT id FROM nomination WHERE award_form_code IN "
                                              f"({','.join('?' * len(codes))})", tuple(codes))}
    dated = [code for code in found.codes() if code not in fixed] or [""]
    on_route.update(i for i, code, year, deadline, decided in _fetch(
        session, "SELECT id, award_form_code, year, deadline, decision_date FROM nomination WHERE award_form_code"
                 f" IN ({','.join('?' * len(dated))})", tuple(dated))
        if found.of_nomination(code, year, iso_date(deadline), iso_date(decided)) == wanted.route)
    return on_route if passing is None else passing & on_route


def rows(session: Session, ids: list[int] | None = None) -> list[NominationRow]:
    """The list rows of ``ids`` in that order (every nomination, by id, when ``ids`` is None)."""
    sql = ("SELECT m.id, n.id, n.kind, n.name, n.gender, n.birth_date, n.position, n.unit, m.award_form_code,"
           " f.name, m.award_kind, p.title, m.movement, m.achievement, m.year, m.deadline, m.status,"
           " m.decision_number, m.decision_date, m.note" + _FROM)
    kinds = {e.value: e for e in NomineeKind}
    award_kinds = {e.value: e for e in AwardKind}
    statuses = {e.value: e for e in NominationStatus}

    def build(found) -> dict[int, NominationRow]:
        return {nid: NominationRow(nid, nominee_id, kinds[kind], name, gender or "", iso_date(birth), position, unit,
                                   code, form_name, award_kinds[award_kind], plan_title or "", movement, achievement,
                                   year, iso_date(deadline), statuses[status], decision_number or "",
                                   iso_date(decision_date), note)
                for (nid, nominee_id, kind, name, gender, birth, position, unit, code, form_name, award_kind,
                     plan_title, movement, achievement, year, deadline, status, decision_number, decision_date,
                     note) in found}

    if ids is None:
        return list(build(_fetch(session, sql + " ORDER BY m.id")).values())
    by_id: dict[int, NominationRow] = {}
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[start:start + 500]
        by_id.update(build(_fetch(session, f"{sql} WHERE m.id IN ({','.join('?' * len(chunk))})", tuple(chunk))))
    return [by_id[i] for i in ids if i in by_id]


def list_choices(session: Session) -> tuple[list[int], list[tuple[str, str]], list[str]]:
    """What the list's filters offer: years (newest first), (form name, code) pairs and units, as on record."""
    years = [y for (y,) in _fetch(session, "SELECT DISTINCT year FROM nomination WHERE year IS NOT NULL"
                                           " ORDER BY year DESC")]
    forms = [(name, code) for code, name in _fetch(session, "SELECT DISTINCT f.code, f.name FROM nomination m"
                                                            " JOIN award_form f ON f.code = m.award_form_code")]
    units = [u for (u,) in _fetch(session, "SELECT DISTINCT n.unit FROM nomination m"
                                           " JOIN nominee n ON n.id = m.nominee_id WHERE n.unit != ''")]
    return years, sorted(forms, key=lambda pair: fold(pair[0])), sorted(units, key=fold)


def due_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The due-soon rule, written once: a dossier still being prepared is overdue when its deadline is before the
    first day returned, and due soon when it lies between the two days, both included (today and the
    :data:`DUE_SOON_DAYS` days after). :func:`deadline_state` (Python) and :func:`deadline_summary` (SQL) both
    compare with these two days."""
    return today, today + dt.timedelta(days=DUE_SOON_DAYS)


def deadline_state(deadline: dt.date | None, status: NominationStatus, today: dt.date) -> str | None:
    """ "overdue", "soon" or None by :func:`due_window`; only nominations still being prepared have a deadline to
    meet."""
    if deadline is None or status is not NominationStatus.DRAFT:
        return None
    first, last = due_window(today)
    if deadline < first:
        return "overdue"
    return "soon" if deadline <= last else None


def deadline_summary(session: Session, today: dt.date) -> str:
    """One Vietnamese line on deadlines ("" when none is near), for the tab and the start-up message; the states of
    :func:`deadline_state`, counted in SQL with the same :func:`due_window`."""
    first, last = (day.isoformat() for day in due_window(today))
    [(overdue, soon)] = _fetch(
        session,
        "SELECT COALESCE(SUM(deadline < ?), 0), COALESCE(SUM(deadline >= ? AND deadline <= ?), 0) FROM nomination"
        " WHERE status = ? AND deadline IS NOT NULL", (first, first, last, NominationStatus.DRAFT.value))
    parts = []
    if overdue:
        parts.append(f"{overdue} hồ sơ đã quá hạn nộp")
    if soon:
        parts.append(f"{soon} hồ sơ đến hạn nộp trong {DUE_SOON_DAYS} ngày tới")
    return ("⚠ " + "; ".join(parts) + ".") if parts else ""


def namesakes(session: Session, nominee_id: int) -> list[NomineeRecord]:
    """Other nominees of the same kind whose name is the same, case, diacritics and spaces aside (merge
    candidates, whatever their birth date and unit)."""
    nominee = session.get(Nominee, nominee_id)
    if nominee is None:
        return []
    return [r for r in _records(session, nominee.kind, name_key(nominee.name)) if r.id != nominee_id]


def delete_nomination(session: Session, nomination_id: int) -> NominationData:
    """Delete a nomination (its nominee too when it was the last one); return its data (with its nominee's) so
    :func:`restore_nomination` can put both back. Raises :class:`NominationError` when it is gone already."""
    nomination = session.get(Nomination, nomination_id)
    if nomination is None:
        raise NominationError("name", "Đề nghị này không còn trong dữ liệu (có thể đã bị xóa).")
    data = data_of(nomination)
    nominee = nomination.nominee
    session.delete(nomination)
    session.flush()
    session.refresh(nominee)
    if not nominee.nominations:
        session.delete(nominee)
    return data


def restore_nomination(session: Session, data: NominationData) -> Nomination:
    """Put back a deleted nomination (undo), without the checks for new input: under its former id when free,
    with its nominee as on record, or made again under the nominee's former id and data when it went with the
    nomination. Also adds a nomination built in code (the demo data): then ``data.id`` is None. SQLite gives a
    deleted row's id to the next new row: a nominee now under the former id who is someone else is left alone."""
    held = session.get(Nominee, data.nominee_id) if data.nominee_id is not None else None
    if held is not None and (held.kind is not data.nominee_kind or name_key(held.name) != name_key(data.name)):
        nominee = None  # the id went to another person meanwhile
    else:
        nominee = held if data.nominee_id is not None else find_nominee(session, data)
    if nominee is None:
        nominee = Nominee(id=data.nominee_id if held is None else None)
        _person(nominee, data)
    nomination = Nomination(id=data.id if data.id and session.get(Nomination, data.id) is None else None,
                            nominee=nominee)
    session.add(nomination)
    with session.no_autoflush:
        _write(session, replace(data, id=None, nominee_id=None), nomination)
    session.flush()
    return nomination


def history(session: Session, nominee_id: int) -> list[Nomination]:
    """All nominations of a nominee across years, newest first."""
    return list(session.scalars(select(Nomination).where(Nomination.nominee_id == nominee_id)
                                .order_by(Nomination.year.desc(), Nomination.id.desc())))


PERSON_FIELDS = ("name", "gender", "birth_date", "position", "unit")  # what a merge chooses field by field


@dataclass
class MergeRecord:
    """What a merge changed, so that it can be undone: the kept nominee before, the merged one, and the
    nominations moved from it."""

    kept: NomineeRecord
    merged: NomineeRecord
    moved: list[int]


def merge_nominees(session: Session, keep_id: int, other_id: int,
                   values: dict[str, object] | None = None) -> MergeRecord:
    """Move every nomination of ``other_id`` to ``keep_id``, give the kept nominee the chosen ``values`` (keys
    of :data:`PERSON_FIELDS`; others stay) and delete the duplicate. Raises :class:`NominationError` for the same
    nominee twice, a nominee gone, or a person with a collective or household."""
    keep, other = session.get(Nominee, keep_id), session.get(Nominee, other_id)
    if keep_id == other_id or keep is None or other is None:
        raise NominationError("name", "Hãy chọn hai hồ sơ khác nhau, còn trong dữ liệu.")
    if keep.kind is not other.kind:
        raise NominationError("name", "Không gộp được cá nhân với tập thể hoặc hộ gia đình.")
    record = MergeRecord(_record(keep), _record(other), [m.id for m in other.nominations])
    for key, value in (values or {}).items():
        if key not in PERSON_FIELDS:
            raise ValueError(f"unknown nominee field {key!r}")
        setattr(keep, key, clean_name(str(value)) if key == "name" else
                value or None if key in ("gender", "birth_date") else value or "")
    for nomination in list(other.nominations):
        nomination.nominee = keep
    session.flush()
    session.delete(other)
    session.flush()
    return record


def unmerge_nominees(session: Session, record: MergeRecord) -> None:
    """Undo :func:`merge_nominees`: the merged nominee is back under its id with its nominations, the kept one
    has its former data."""
    keep = session.get(Nominee, record.kept.id)
    if keep is None:
        raise NominationError("name", "Hồ sơ đã gộp không còn trong dữ liệu; không hoàn tác được.")
    for key in PERSON_FIELDS:
        setattr(keep, key, getattr(record.kept, key) or (None if key in ("gender", "birth_date") else ""))
    merged = record.merged
    free = session.get(Nominee, merged.id) is None  # SQLite may have given the id to a new nominee meanwhile
    other = Nominee(id=merged.id if free else None, kind=merged.kind, name=merged.name, gender=merged.gender or None,
                    birth_date=merged.birth_date, position=merged.position, unit=merged.unit)
    session.add(other)
    for nomination in session.scalars(select(Nomination).where(Nomination.id.in_(record.moved))):
        nomination.nominee = other
    session.flush()


def year_plan(session: Session, year: int) -> int | None:
    """The plan a new nomination of ``year`` belongs to unless the clerk chooses another: that year's issued
    Kế hoạch năm (a revised one counts once, as its newest issued version), else its draft, when there is
    exactly one; None when there is none or several to choose from."""
    plans = list(session.scalars(select(Plan).where(Plan.year == year, Plan.kind == PlanKind.ANNUAL)))
    revised = {p.revises_id for p in plans if p.status is PlanStatus.ISSUED}
    issued = [p for p in plans if p.status is PlanStatus.ISSUED and p.id not in revised]
    found = issued or [p for p in plans if p.status is PlanStatus.DRAFT]
    return found[0].id if len(found) == 1 else None


def default_deadline(session: Session, plan_id: int | None) -> dt.date | None:
    """The plan's hạn nộp hồ sơ khen thưởng: the default deadline of nominations made under it."""
    plan = session.get(Plan, plan_id) if plan_id else None
    return plan.award_deadline if plan else None


@dataclass
class Rule:
    """An eligibility hint: nominations for ``applies_to`` want a granted award among ``requires`` forms in each
    listed year offset (None: any earlier year). Applies only between its dates."""

    code: str
    applies_to: list[str]
    nominee_kind: str
    requires: list[dict]
    hint: str
    legal_basis: str
    effective_from: dt.date | None
    effective_to: dt.date | None


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The eligibility rules of ``resources/eligibility_rules.json``."""
    data = json.loads((resources_dir() / "eligibility_rules.json").read_text(encoding="utf-8"))
    return tuple(Rule(r["code"], r["applies_to"], r["nominee_kind"], r["requires"], r["hint"], r["legal_basis"],
                      iso_date(r["effective_from"]), iso_date(r["effective_to"]))
                 for r in data["rules"])


def hints(session: Session, data: NominationData, nominee_id: int | None = None) -> list[str]:
    """Eligibility hints for ``data`` ("… (Luật …, Điều 23)"), never a block: what the record does not show.

    A rule applies when the nomination's form is one it names, the nominee is of its kind and the year lies
    within the rule's dates. Granted awards on record (and, for the same year, awards being prepared) count.
    """
    nominee = session.get(Nominee, nominee_id) if nominee_id else find_nominee(session, data)
    record = [(m.award_form_code, m.year, m.status) for m in (nominee.nominations if nominee else [])
              if m.id != data.id]
    out = []
    for rule in rules():
        if data.award_form_code not in rule.applies_to or rule.nominee_kind != data.nominee_kind.value:
            continue
        if not ((rule.effective_from is None or rule.effective_from.year <= data.year) and
                (rule.effective_to is None or rule.effective_to.year >= data.year)):
            continue
        for need in rule.requires:
            offset = need["year_offset"]
            found = any(code in need["forms"] and year is not None and (
                (offset is None and year < data.year and status is NominationStatus.GRANTED) or
                (offset is not None and year == data.year + offset and (
                    status is NominationStatus.GRANTED or (offset == 0 and status is not NominationStatus.REFUSED))))
                for code, year, status in record)
            if not found:
                out.append(f"{rule.hint} ({rule.legal_basis})")
                break
    return out
