"""A fictional commune for training and screenshots (``python main.py demo-data``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from core.db import Database
from core.drafts import remember_page
from core.models import LegalBasis, Plan, PlanKind, SuperiorLevel, UnitType
from core.paths import resources_dir
from core.plans import adopt, new_plan
from core.settings import load_settings, save_settings
from core.superior import import_superior_plan

EXAMPLE = "examples/ke-hoach-thi-dua-tinh-dak-lam-2026.txt"


def holds_data(db: Database) -> bool:
    """Whether ``db`` already holds a commune's settings or any plan (demo data would overwrite them)."""
    with db.session() as s:
        return load_settings(s) is not None or s.scalars(select(Plan.id).limit(1)).first() is not None


def create_demo_data(db: Database) -> None:
    """Fill ``db`` with the fictional commune Hòa Phong and its complete 2026 annual plan; idempotent.

    The plan's targets come from importing the fictional provincial plan in ``resources/examples/``.
    """
    with db.session() as s:
        settings = save_settings(
            s,
            commune_name="Hòa Phong",
            unit_type=UnitType.COMMUNE,
            superior_body="UBND tỉnh Đắk Lâm",
            superior_level=SuperiorLevel.PROVINCE,
            place_name="Hòa Phong",
            chairman_name="Trần Văn Bình",
            vice_chairmen=["Lê Thị Thu Hà", "Nguyễn Đức Minh"],
            number_suffix="KH-UBND",
        )
        if s.scalars(select(Plan).where(Plan.year == 2026)).first() is not None:
            return
        superior = import_superior_plan(s, resources_dir() / EXAMPLE).document
        plan = new_plan(s, load_settings(s), PlanKind.ANNUAL, 2026)
        plan.theme = "Đoàn kết, chủ động, sáng tạo, hoàn thành toàn diện các chỉ tiêu năm 2026"
        plan.legal_bases.append(LegalBasis(
            doc_type="Kế hoạch", number="12/KH-UBND", issue_date=dt.date(2026, 1, 20), issuer="UBND tỉnh Đắk Lâm",
            summary="về phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2026",
            superior_document_id=superior.id))
        plan.legal_bases.append(LegalBasis(
            doc_type="Nghị quyết", number="45/NQ-HĐND", issue_date=dt.date(2025, 12, 18), issuer="HĐND xã Hòa Phong",
            summary="về kế hoạch phát triển kinh tế - xã hội năm 2026", position=1))
        for target in superior.targets:
            adopt(plan, target)
        plan.award_deadline = dt.date(2026, 12, 10)
        plan.assignments[-1].deadline = dt.date(2026, 12, 10)
        settings.place_name = settings.place_name or "Hòa Phong"
        s.flush()
        remember_page(s, plan.id, 8)
