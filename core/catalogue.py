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


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


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
            legal_basis=entry["legal_basis"], effective_from=_date(entry["effective_from"]),
            effective_to=_date(entry["effective_to"]),
        ))
        added += 1
    session.flush()
    session.execute(text(f"PRAGMA user_version = {stamp}"))  # in the same transaction as the entries
    return added


BENEFICIARIES = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình", "any": "Mọi đối tượng"}
LEVELS = {"commune": "Cấp xã", "district": "Cấp huyện (đến 30/6/2025)", "province": "Cấp tỉnh", "central": "Trung ương"}
CATEGORIES = {"title": "Danh hiệu thi đua", "form": "Hình thức khen thưởng"}


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
    order = list(LEVELS)
    forms = sorted(session.scalars(select(AwardForm)), key=lambda f: (order.index(f.granting_level)
                                                            if f.granting_level in order else 9, f.name))
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
