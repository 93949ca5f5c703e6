"""The award-form catalogue (hình thức khen thưởng, danh hiệu thi đua), kept as data in resources/.

Rules change with time and province (Luật TĐKT 06/2022/QH15, NĐ 98/2023/NĐ-CP, then NĐ 152/2025/NĐ-CP
from 1/7/2025), so each entry carries its legal basis and the dates it is in force.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from dataclasses import dataclass, fields

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from core.models import AwardForm
from core.paths import resources_dir
from core.terms import AwardRoute
from core.dates import iso_date
from core.text import fold


def in_force_during(entry, first: dt.date, last: dt.date) -> bool:
    """Whether the catalogue entry ``entry`` (anything with ``effective_from`` and ``effective_to``, dates or None
    for no bound) is in force on some day from ``first`` to ``last``, both included: from its effective date
    (1/7/2025 for the commune's titles of NĐ 152/2025/NĐ-CP, not 1 January) to its end date, both included."""
    return (entry.effective_from is None or entry.effective_from <= last) and (
        entry.effective_to is None or first <= entry.effective_to)


def in_force_on(entry, day: dt.date) -> bool:
    """Whether ``entry`` is in force on ``day`` (:func:`in_force_during` that one day): what a plan offers on its
    date, and what a decision dated ``day`` may grant."""
    return in_force_during(entry, day, day)


def in_force_in(entry, year: int) -> bool:
    """Whether ``entry`` may be given for ``year``: in force on some day of it (:func:`in_force_during`), so a
    form in force from 1/7/2025 is offered for 2025 but a decision of March 2025 may not grant it."""
    return in_force_during(entry, dt.date(year, 1, 1), dt.date(year, 12, 31))


def catalogue_stamp(raw: bytes) -> int:
    """A positive 31-bit stamp of the shipped catalogue's bytes (CRC-32), kept in the file's ``PRAGMA
    user_version`` to tell whether the shipped catalogue changed since it was last loaded into that file."""
    return (zlib.crc32(raw) & 0x7FFF_FFFF) or 1


def load_award_forms(session: Session) -> int:
    """Add the entries of ``resources/award_forms.json`` that the database does not hold yet; return how many were
    added. Runs at every start but reads the database only when the shipped file changed since it was last loaded
    (its :func:`catalogue_stamp` differs from the one kept in the file): a start costs the same with 50,000
    nominations as with none.

    Entries already in the database are the clerk's (Tệp → Danh mục khen thưởng may have adapted them to the
    province) and are never overwritten; only an empty ``decided_by`` is filled in. A row that does not change is
    not touched (touching an entry would re-index the search text of every nomination made under it). Nominations
    keep the entry they were made under.
    """
    raw = (resources_dir() / "award_forms.json").read_bytes()
    stamp = catalogue_stamp(raw)
    if session.execute(text("PRAGMA user_version")).scalar() == stamp:
        return 0
    data = json.loads(raw.decode("utf-8"))
    held = {form.code: form for form in session.scalars(select(AwardForm))}
    added = 0
    for entry in data["award_forms"]:
        form = held.get(entry["code"])
        if form is not None:
            if not form.decided_by and entry["decided_by"]:
                form.decided_by = entry["decided_by"]
            continue
        session.add(AwardForm(
            code=entry["code"], name=entry["name"], category=entry["category"], beneficiary=entry["beneficiary"],
            granting_level=entry["granting_level"], decided_by=entry["decided_by"],
            legal_basis=entry["legal_basis"], effective_from=iso_date(entry["effective_from"]),
            effective_to=iso_date(entry["effective_to"]),
        ))
        added += 1
    session.flush()
    session.execute(text(f"PRAGMA user_version = {stamp}"))  # in the same transaction as the entries
    return added


BENEFICIARIES = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình", "any": "Mọi đối tượng"}
LEVELS = {"commune": "Cấp xã", "district": "Cấp huyện (đến 30/6/2025)", "province": "Cấp tỉnh", "central": "Trung ương"}
CATEGORIES = {"title": "Danh hiệu thi đua", "form": "Hình thức khen thưởng"}


def level_rank(level: str) -> int:
    """Where a granting level stands in lists: the commune's own first, as :data:`LEVELS` orders them; an unknown
    level last."""
    return list(LEVELS).index(level) if level in LEVELS else len(LEVELS)


class CatalogueError(ValueError):
    """An entry the clerk must correct; the message is Vietnamese and names the entry."""


@dataclass
class CatalogueEntry:
    """One award form or emulation title as edited in Tệp → Danh mục khen thưởng."""

    code: str
    name: str
    category: str
    beneficiary: str
    granting_level: str
    decided_by: str
    legal_basis: str
    effective_from: dt.date | None
    effective_to: dt.date | None


def read_catalogue(session: Session) -> list[CatalogueEntry]:
    """Every catalogue entry, by level then name."""
    names = [f.name for f in fields(CatalogueEntry)]
    forms = sorted(session.scalars(select(AwardForm)), key=lambda f: (level_rank(f.granting_level), f.name))
    return [CatalogueEntry(**{n: getattr(f, n) for n in names}) for f in forms]


def save_catalogue(session: Session, entries: list[CatalogueEntry]) -> None:
    """Store the edited catalogue: entries matched by code, new codes added; none is deleted (nominations keep the
    entry they were made under). Raises :class:`CatalogueError` for an empty or repeated code or name, an unknown
    beneficiary, level or category, or an end date before the start date."""
    seen = set()
    for e in entries:
        label = f"«{e.name or e.code}»"
        if not e.code.strip() or not e.name.strip():
            raise CatalogueError(f"Mục {label}: cần có mã và tên.")
        if e.code in seen:
            raise CatalogueError(f"Mã «{e.code}» bị trùng.")
        seen.add(e.code)
        if e.beneficiary not in BENEFICIARIES or e.granting_level not in LEVELS or e.category not in CATEGORIES:
            raise CatalogueError(f"Mục {label}: đối tượng, cấp hoặc loại không hợp lệ.")
        if e.effective_from and e.effective_to and e.effective_to < e.effective_from:
            raise CatalogueError(f"Mục {label}: ngày hết hiệu lực trước ngày có hiệu lực.")
    for e in entries:
        form = session.get(AwardForm, e.code) or AwardForm(code=e.code)
        for f in fields(CatalogueEntry):
            if f.name != "code" and getattr(form, f.name) != getattr(e, f.name):
                setattr(form, f.name, getattr(e, f.name))
        session.add(form)
    session.flush()


# How a commune's Chairman is named in ``decided_by`` (folded): "cấp xã", "UBND xã …", "Ủy ban nhân dân phường …"
_COMMUNE_DECIDERS = ("cap xa", "nhan dan xa", "ubnd xa", "nhan dan phuong", "ubnd phuong", "dac khu")
ROUTE_LABELS = {AwardRoute.COMMUNE: "Xã quyết định", AwardRoute.UPWARD: "Đề nghị cấp trên"}


def route_of(decided_by: str, granting_level: str) -> AwardRoute:
    """The route of a nomination made under a catalogue entry: :attr:`AwardRoute.COMMUNE` when the entry's
    ``decided_by`` names the commune's Chairman ("Chủ tịch Ủy ban nhân dân cấp xã", Luật Thi đua, khen thưởng
    06/2022/QH15, Điều 80 khoản 3), else :attr:`AwardRoute.UPWARD`; an entry with no ``decided_by`` falls back to
    its granting level. A province where the commune decides another form edits the catalogue, not the code.

    Nominations keep the entry they were made under, and the nomination form offers only entries in force in the
    nomination's year (see ``core.nominations.forms_for``): e.g. "Chiến sĩ thi đua cơ sở" went up to the district
    until 30/6/2025 (code CSTDCS) and is the commune's own from 1/7/2025 (code CSTDCS_XA).
    """
    words = f" {' '.join(fold(decided_by or '').split())} "
    if words.strip():
        commune = any(f" {name} " in words for name in _COMMUNE_DECIDERS)
        return AwardRoute.COMMUNE if commune else AwardRoute.UPWARD
    return AwardRoute.COMMUNE if granting_level == "commune" else AwardRoute.UPWARD


def nomination_day(year: int | None, deadline: dt.date | None, decision_date: dt.date | None) -> dt.date:
    """The date a nomination is judged on: its decision's date once decided, else its dossier deadline, else the
    last day of its year (the year-end review)."""
    return decision_date or deadline or dt.date(year or dt.date.today().year, 12, 31)


@dataclass(frozen=True)
class _Entry:
    code: str
    name: str  # folded, to find the same title under another entry
    beneficiary: str
    effective_from: dt.date | None
    effective_to: dt.date | None
    route: AwardRoute


class Routes:
    """The route of nominations, from the catalogue entry in force on each nomination's date (plain data, read
    once): the nomination's own entry when in force that day; otherwise the entry of the same name and
    beneficiary in force that day. So a 2025 "Chiến sĩ thi đua cơ sở" made under the district's entry (until
    30/6/2025) and judged in December 2025 follows the commune's entry (from 1/7/2025): xã quyết định."""

    def __init__(self, entries: list[_Entry]):
        self._by_code = {e.code: e for e in entries}
        self._by_name: dict[str, list[_Entry]] = {}
        for e in entries:
            self._by_name.setdefault(e.name, []).append(e)

    def of(self, code: str, day: dt.date) -> AwardRoute:
        """The route of a nomination for ``code`` judged on ``day``."""
        own = self._by_code[code]
        if in_force_on(own, day):
            return own.route
        now = [e for e in self._by_name[own.name] if e.beneficiary == own.beneficiary and in_force_on(e, day)]
        return now[0].route if now else own.route

    def codes(self) -> list[str]:
        """Every catalogue code."""
        return list(self._by_code)

    def fixed(self) -> dict[str, AwardRoute]:
        """Codes whose route never depends on the date (no other entry of the same name and beneficiary), with it."""
        return {e.code: e.route for e in self._by_code.values()
                if all(o is e or o.beneficiary != e.beneficiary for o in self._by_name[e.name])}

    def of_nomination(self, code: str, year: int | None, deadline: dt.date | None,
                      decision_date: dt.date | None) -> AwardRoute:
        """The route of a nomination, judged on :func:`nomination_day`."""
        return self.of(code, nomination_day(year, deadline, decision_date))


def routes(session: Session) -> Routes:
    """The routes of the catalogue as it stands (see :class:`Routes`)."""
    return Routes([_Entry(f.code, " ".join(fold(f.name).split()), f.beneficiary, f.effective_from, f.effective_to,
                          route_of(f.decided_by, f.granting_level)) for f in session.scalars(select(AwardForm))])
