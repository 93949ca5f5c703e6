"""Award nominations (đề nghị khen thưởng): rows for the list, validation, deadlines, history, hints.

Plain data (:class:`NominationData`) goes in and out; each function that writes owns nothing but the
session it is given. Labels live here once, for the tab, the dialog and the .xlsx exports.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.catalogue import routes
from core.terms import AwardRoute
from core.text import fold, search_key
from core.models import AwardForm, AwardKind, Nomination, NominationStatus, Nominee, NomineeKind, Plan
from core.paths import resources_dir
from core.plans import LEVEL_ORDER

STATUS_LABELS = {
    NominationStatus.DRAFT: "Đang chuẩn bị",
    NominationStatus.REVIEWED: "Đã bình xét",
    NominationStatus.SUBMITTED: "Đã gửi",
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


def in_force(form: AwardForm, year: int) -> bool:
    """Whether ``form`` may be given for the year ``year`` (any day of that year within its dates)."""
    return (form.effective_from is None or form.effective_from <= dt.date(year, 12, 31)) and (
        form.effective_to is None or form.effective_to >= dt.date(year, 1, 1))


def open_to(form: AwardForm, kind: NomineeKind) -> bool:
    """Whether ``form`` can be given to a nominee of ``kind`` (the catalogue's beneficiary)."""
    return form.beneficiary in ("any", kind.value)


def forms_for(session: Session, kind: NomineeKind, year: int) -> list[AwardForm]:
    """The award forms open to ``kind`` and in force in ``year``: the commune's own first, then upwards."""
    forms = [f for f in session.scalars(select(AwardForm)) if open_to(f, kind) and in_force(f, year)]
    return sorted(forms, key=lambda f: (LEVEL_ORDER.get(f.granting_level, 9), f.name))


def validate(session: Session, data: NominationData, today: dt.date) -> None:
    """Raise :class:`NominationError` for the first input to correct (required fields, a form not open to the
    nominee or not in force in the year, a new deadline already past, a granted row without its decision)."""
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
    if not in_force(form, data.year):
        raise NominationError("award_form_code", f"«{form.name}» không áp dụng trong năm {data.year} "
                                                 f"(hiệu lực {_period(form)}).")
    if data.gender is not None and data.gender not in GENDERS:
        raise NominationError("gender", "Giới tính ghi «Nam» hoặc «Nữ».")
    if data.birth_date and data.birth_date >= today:
        raise NominationError("birth_date", "Ngày sinh phải trước hôm nay.")
    if data.id is None and data.deadline and data.deadline < today:
        raise NominationError("deadline", f"Hạn nộp hồ sơ {data.deadline:%d/%m/%Y} đã qua; hãy kiểm tra lại ngày.")
    if data.status is NominationStatus.GRANTED and not (data.decision_number.strip() and data.decision_date):
        raise NominationError("decision_number", "Đã khen thì ghi số và ngày quyết định khen thưởng.")


def _period(form: AwardForm) -> str:
    start = f"{form.effective_from:%d/%m/%Y}" if form.effective_from else "trước đây"
    end = f"{form.effective_to:%d/%m/%Y}" if form.effective_to else "nay"
    return f"từ {start} đến {end}"


def _same(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def find_nominee(session: Session, data: NominationData) -> Nominee | None:
    """The nominee already on record as ``data``: same kind and name (case and diacritics aside), same date of
    birth and unit for a person, same unit for a collective or household."""
    query = select(Nominee).where(Nominee.kind == data.nominee_kind)
    if data.nominee_kind is NomineeKind.INDIVIDUAL:  # narrowed in SQL: the list may hold tens of thousands
        query = query.where(Nominee.birth_date.is_(None) if data.birth_date is None
                            else Nominee.birth_date == data.birth_date)
    return next((n for n in session.scalars(query) if _same(n.name, data.name) and _same(n.unit, data.unit)), None)


def save_nomination(session: Session, data: NominationData, today: dt.date) -> Nomination:
    """Validate and store ``data`` (new or edited); a new nominee is matched to the one on record.

    Raises :class:`NominationError`. Returns the stored nomination (flushed, with its id).
    """
    validate(session, data, today)
    with session.no_autoflush:  # the new row is complete only at the end
        nomination = _write(session, data)
    session.flush()
    return nomination


def _write(session: Session, data: NominationData) -> Nomination:
    """Put ``data`` on its nomination (new or existing) and nominee, without checks."""
    form = session.get(AwardForm, data.award_form_code)
    if data.id is not None:
        nomination = session.get(Nomination, data.id)
        nominee = nomination.nominee
    else:
        nominee = find_nominee(session, data) or Nominee(kind=data.nominee_kind, name=data.name.strip())
        nomination = Nomination(nominee=nominee)
        session.add(nomination)
    nominee.kind, nominee.name = data.nominee_kind, data.name.strip()
    nominee.gender = data.gender if data.nominee_kind is NomineeKind.INDIVIDUAL else None
    nominee.birth_date = data.birth_date if data.nominee_kind is NomineeKind.INDIVIDUAL else None
    nominee.position, nominee.unit = data.position.strip(), data.unit.strip()
    nomination.award_form_code, nomination.granting_level = form.code, form.granting_level
    nomination.award_kind, nomination.plan_id, nomination.year = data.award_kind, data.plan_id, data.year
    nomination.movement, nomination.achievement = data.movement.strip(), data.achievement.strip()
    nomination.deadline, nomination.status, nomination.note = data.deadline, data.status, data.note.strip()
    nomination.decision_number = data.decision_number.strip() or None
    nomination.decision_date = data.decision_date
    return nomination


def data_of(nomination: Nomination) -> NominationData:
    """The editable plain data of a stored nomination."""
    n = nomination.nominee
    return NominationData(n.kind, n.name, nomination.award_form_code, nomination.year or dt.date.today().year,
                          n.gender, n.birth_date, n.position, n.unit, nomination.award_kind, nomination.plan_id,
                          nomination.movement, nomination.achievement, nomination.deadline, nomination.status,
                          nomination.decision_number or "", nomination.decision_date, nomination.note, nomination.id)


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
    "decision_number": "COALESCE(m.decision_number, '')", "route": "fold(f.decided_by)", "decision_date": "COALESCE(m.decision_date, '')",
}


def _fetch(session: Session, sql: str, params: tuple = ()) -> list[tuple]:
    """Plain tuples from the session's own sqlite3 connection (SQLAlchemy's rows cost 3× more at 50,000)."""
    return session.connection().connection.driver_connection.execute(sql, params).fetchall()


def ordered_ids(session: Session, order: str, descending: bool = False) -> list[int]:
    """Every nomination id in the order ``order`` (a key of :data:`ORDERS`), ties by id."""
    key = ORDERS[order]
    joins = "".join(join for alias, join in _JOINS.items() if re.search(rf"\b{alias}\.", key))  # only those needed
    sql = f"SELECT m.id FROM nomination m{joins} ORDER BY {key} {'DESC' if descending else 'ASC'}, m.id"
    return [i for (i,) in _fetch(session, sql)]


def matching_ids(session: Session, wanted: ListFilter) -> set[int] | None:
    """Ids of the nominations ``wanted`` lets through, or ``None`` when it lets everything through."""
    where, params = [], []
    for column, value in (("m.year", wanted.year), ("m.status", wanted.status and NominationStatus(wanted.status).value),
                          ("m.award_form_code", wanted.form_code), ("n.unit", wanted.unit)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    for word in search_key(wanted.text).split():
        where.append("instr(m.search_text, ?) > 0")
        params.append(word)
    passing = None
    if where:
        sql = "SELECT m.id FROM nomination m JOIN nominee n ON n.id = m.nominee_id WHERE " + " AND ".join(where)
        passing = {i for (i,) in _fetch(session, sql, tuple(params))}
    if wanted.route is None:
        return passing
    found, day = routes(session), dt.date.fromisoformat
    fixed = found.fixed()  # most forms: the route is the entry's own, whatever the date
    codes = [code for code, route in fixed.items() if route == wanted.route] or [""]
    on_route = {i for (i,) in _fetch(session, f"SELECT id FROM nomination WHERE award_form_code IN "
                                              f"({','.join('?' * len(codes))})", tuple(codes))}
    dated = [code for code in found.codes() if code not in fixed] or [""]
    on_route.update(i for i, code, year, deadline, decided in _fetch(
        session, "SELECT id, award_form_code, year, deadline, decision_date FROM nomination WHERE award_form_code"
                 f" IN ({','.join('?' * len(dated))})", tuple(dated))
        if found.of_nomination(code, year, deadline and day(deadline), decided and day(decided)) == wanted.route)
    return on_route if passing is None else passing & on_route


def rows(session: Session, ids: list[int] | None = None) -> list[NominationRow]:
    """The list rows of ``ids`` in that order (every nomination, by id, when ``ids`` is None)."""
    sql = ("SELECT m.id, n.id, n.kind, n.name, n.gender, n.birth_date, n.position, n.unit, m.award_form_code,"
           " f.name, m.award_kind, p.title, m.movement, m.achievement, m.year, m.deadline, m.status,"
           " m.decision_number, m.decision_date, m.note" + _FROM)
    kinds, award_kinds, statuses = ({e.value: e for e in enum} for enum in (NomineeKind, AwardKind, NominationStatus))

    def day(text: str | None) -> dt.date | None:
        return dt.date.fromisoformat(text) if text else None

    def build(found) -> dict[int, NominationRow]:
        return {nid: NominationRow(nid, nominee_id, kinds[kind], name, gender or "", day(birth), position, unit,
                                   code, form_name, award_kinds[award_kind], plan_title or "", movement, achievement,
                                   year, day(deadline), statuses[status], decision_number or "", day(decision_date),
                                   note)
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


def deadline_state(deadline: dt.date | None, status: NominationStatus, today: dt.date) -> str | None:
    """ "overdue", "soon" (within 7 days) or None; only nominations still being prepared have a deadline to meet."""
    if deadline is None or status is not NominationStatus.DRAFT:
        return None
    if deadline < today:
        return "overdue"
    if (deadline - today).days <= DUE_SOON_DAYS:
        return "soon"
    return None


def deadline_summary(session: Session, today: dt.date) -> str:
    """One Vietnamese line on deadlines ("" when none is near), for the tab and the start-up message; the same
    states as :func:`deadline_state`, counted in SQL."""
    [(overdue, soon)] = _fetch(
        session,
        "SELECT COALESCE(SUM(deadline < ?), 0), COALESCE(SUM(deadline >= ? AND deadline <= ?), 0) FROM nomination"
        " WHERE status = ? AND deadline IS NOT NULL",
        (today.isoformat(), today.isoformat(), (today + dt.timedelta(days=DUE_SOON_DAYS)).isoformat(),
         NominationStatus.DRAFT.value))
    parts = []
    if overdue:
        parts.append(f"{overdue} hồ sơ đã quá hạn nộp")
    if soon:
        parts.append(f"{soon} hồ sơ đến hạn nộp trong {DUE_SOON_DAYS} ngày tới")
    return ("⚠ " + "; ".join(parts) + ".") if parts else ""


def namesakes(session: Session, nominee_id: int) -> list[Nominee]:
    """Other nominees of the same kind whose name is the same, case and diacritics aside (merge candidates)."""
    nominee = session.get(Nominee, nominee_id)
    return [n for n in session.scalars(select(Nominee).where(Nominee.kind == nominee.kind, Nominee.id != nominee_id))
            if _same(n.name, nominee.name)]


def delete_nomination(session: Session, nomination_id: int) -> NominationData:
    """Delete a nomination (its nominee too when it was the last one); return its data so it can be undone."""
    nomination = session.get(Nomination, nomination_id)
    data = data_of(nomination)
    nominee = nomination.nominee
    session.delete(nomination)
    session.flush()
    session.refresh(nominee)
    if not nominee.nominations:
        session.delete(nominee)
    return data


def restore_nomination(session: Session, data: NominationData) -> Nomination:
    """Put back a deleted nomination (undo), without the checks for new input (its deadline may be past)."""
    data.id = None
    with session.no_autoflush:
        nomination = _write(session, data)
    session.flush()
    return nomination


def history(session: Session, nominee_id: int) -> list[Nomination]:
    """All nominations of a nominee across years, newest first."""
    return list(session.scalars(select(Nomination).where(Nomination.nominee_id == nominee_id)
                                .order_by(Nomination.year.desc(), Nomination.id.desc())))


def merge_nominees(session: Session, keep_id: int, other_id: int) -> None:
    """Move every nomination of ``other_id`` to ``keep_id`` and delete the duplicate nominee."""
    if keep_id == other_id:
        return
    keep, other = session.get(Nominee, keep_id), session.get(Nominee, other_id)
    if keep.kind is not other.kind:
        raise NominationError("name", "Không gộp được cá nhân với tập thể hoặc hộ gia đình.")
    for nomination in list(other.nominations):
        nomination.nominee = keep
    session.flush()
    session.delete(other)


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
                      dt.date.fromisoformat(r["effective_from"]) if r["effective_from"] else None,
                      dt.date.fromisoformat(r["effective_to"]) if r["effective_to"] else None)
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
                    status is NominationStatus.GRANTED or offset == 0 and status is not NominationStatus.REFUSED)))
                for code, year, status in record)
            if not found:
                out.append(f"{rule.hint} ({rule.legal_basis})")
                break
    return out
