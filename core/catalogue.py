"""The award-form catalogue (hình thức khen thưởng, danh hiệu thi đua), kept as data in resources/.

Rules change with time and province (Luật TĐKT 06/2022/QH15, NĐ 98/2023/NĐ-CP, then NĐ 152/2025/NĐ-CP
from 1/7/2025), so each entry carries its legal basis and the dates it is in force.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy.orm import Session

from core.models import AwardForm
from core.paths import resources_dir


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def load_award_forms(session: Session) -> int:
    """Add the entries of ``resources/award_forms.json`` that the database does not hold yet; return how many
    entries the file holds.

    Entries already in the database are the clerk's (Tệp → Danh mục khen thưởng may have adapted them to the
    province) and are never overwritten; only an empty ``decided_by`` is filled in. Nominations keep the entry
    they were made under.
    """
    data = json.loads((resources_dir() / "award_forms.json").read_text(encoding="utf-8"))
    for entry in data["award_forms"]:
        form = session.get(AwardForm, entry["code"])
        if form is not None:
            form.decided_by = form.decided_by or entry["decided_by"]
            continue
        session.add(AwardForm(
            code=entry["code"], name=entry["name"], category=entry["category"], beneficiary=entry["beneficiary"],
            granting_level=entry["granting_level"], decided_by=entry["decided_by"],
            legal_basis=entry["legal_basis"], effective_from=_date(entry["effective_from"]),
            effective_to=_date(entry["effective_to"]),
        ))
    return len(data["award_forms"])
