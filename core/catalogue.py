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
    """Insert or update every entry of ``resources/award_forms.json``; return how many entries it holds."""
    data = json.loads((resources_dir() / "award_forms.json").read_text(encoding="utf-8"))
    for entry in data["award_forms"]:
        form = session.get(AwardForm, entry["code"]) or AwardForm(code=entry["code"])
        form.name = entry["name"]
        form.category = entry["category"]
        form.beneficiary = entry["beneficiary"]
        form.granting_level = entry["granting_level"]
        form.legal_basis = entry["legal_basis"]
        form.effective_from = _date(entry["effective_from"])
        form.effective_to = _date(entry["effective_to"])
        session.add(form)
    return len(data["award_forms"])
