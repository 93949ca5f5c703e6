"""A fictional commune for training and screenshots (``python main.py demo-data``)."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from core.db import Database
from core.drafts import remember_page
from core.models import CommuneSettings, LegalBasis, Plan, PlanKind, SuperiorLevel, UnitType
from core.paths import resources_dir
from core.plans import adopt, new_plan, scope_problem
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
        plan = new_plan(s, settings, PlanKind.ANNUAL, 2026)
        plan.theme = "Đoàn kết, chủ động, sáng tạo, hoàn thành toàn diện các chỉ tiêu năm 2026"
        plan.legal_bases.append(LegalBasis(
            doc_type="Nghị quyết", number="45/NQ-HĐND", issue_date=dt.date(2025, 12, 18), issuer="HĐND xã Hòa Phong",
            summary="về kế hoạch phát triển kinh tế - xã hội năm 2026", position=len(plan.legal_bases)))
        plan.legal_bases.append(LegalBasis(
            doc_type="Kế hoạch", number="12/KH-UBND", issue_date=dt.date(2026, 1, 20), issuer="UBND tỉnh Đắk Lâm",
            summary="về phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2026",
            superior_document_id=superior.id, position=len(plan.legal_bases)))
        plan.superior_documents.append(superior)
        for target in superior.targets:  # the province's own targets (its communes, its amounts) are left out
            if scope_problem(target.indicator, target.value, target.unit):
                plan.rejected_targets.append(target)
            else:
                adopt(plan, target)
        plan.award_deadline = dt.date(2026, 12, 10)
        plan.assignments[-1].deadline = dt.date(2026, 12, 10)
        settings.place_name = settings.place_name or "Hòa Phong"
        s.flush()
        remember_page(s, plan.id, 8)
        _demo_nominations(s, plan.id, dt.date.today())
        _demo_season(s, plan.id, settings)


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Huỳnh"]
MIDDLE = {"Nam": ["Văn", "Đức", "Minh", "Quốc"], "Nữ": ["Thị", "Thu", "Ngọc", "Thị Thanh"]}
GIVEN = {"Nam": ["An", "Bảo", "Cường", "Dũng", "Hải", "Khoa", "Long", "Phúc", "Sơn", "Tùng"],
         "Nữ": ["Anh", "Bích", "Dung", "Hạnh", "Hoa", "Lan", "Mai", "Nga", "Thảo", "Yến"]}
POSITIONS = [("Công chức Văn phòng - Thống kê", "UBND xã Hòa Phong"), ("Trưởng thôn", "Thôn Phú Lộc"),
             ("Giáo viên", "Trường Tiểu học Hòa Phong"), ("Trưởng Công an xã", "Công an xã Hòa Phong"),
             ("Chi hội trưởng Hội Nông dân", "Thôn Tân An"), ("Bác sĩ", "Trạm Y tế xã Hòa Phong")]
COLLECTIVES = ["Thôn Phú Lộc", "Thôn Tân An", "Tổ dân phố Trung Hòa", "Trường Mầm non Hòa Phong",
               "Trạm Y tế xã Hòa Phong", "Hợp tác xã Nông nghiệp Hòa Phong"]
ACHIEVEMENTS = ["Hoàn thành xuất sắc nhiệm vụ được giao; có sáng kiến cải tiến quy trình một cửa được công nhận.",
                "Vận động Nhân dân hiến đất làm đường giao thông nông thôn, hoàn thành vượt kế hoạch.",
                "Tích cực trong phong trào xây dựng nông thôn mới nâng cao; không có vi phạm pháp luật.",
                "Đi đầu trong chuyển đổi số, hướng dẫn người dân nộp hồ sơ trực tuyến."]


def _demo_nominations(s, plan_id: int, today: dt.date) -> None:
    """About 40 fictional nominations over this year and last: mixed forms, kinds, statuses and deadlines
    (some overdue, some due within a week, relative to ``today``)."""
    from core.models import AwardKind, NominationStatus, NomineeKind
    from core.nominations import GENDERS, NominationData, restore_nomination

    rng = random.Random(2026)
    years = (today.year - 1, today.year)
    offsets = [-12, -3, 2, 5, 6, 20, 45]
    for i in range(40):
        year = years[i % 2]
        current = year == today.year
        if i % 5 == 3:
            kind, name = NomineeKind.COLLECTIVE, COLLECTIVES[i % len(COLLECTIVES)]
            village = name.startswith(("Thôn", "Tổ dân phố"))
            form = rng.choice(["THONVH_XA" if village else "TTLDTT_XA", "GK_CTX"]) if year >= 2026 else "GK_CTX"
            gender = birth = None
            position, unit = "", "xã Hòa Phong"
        elif i % 7 == 5:
            kind, name = NomineeKind.HOUSEHOLD, f"Hộ ông {rng.choice(FAMILY)} Văn {rng.choice(GIVEN['Nam'])}"
            form, gender, birth, position, unit = "GDVH", None, None, "", f"Thôn {rng.choice(['Phú Lộc', 'Tân An'])}"
        else:
            gender = rng.choice(GENDERS)
            kind = NomineeKind.INDIVIDUAL
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {GIVEN[gender][i % 10]}"
            form = rng.choice(["LDTT", "CSTDCS_XA", "GK_CTX", "BK_CTT"]) if year >= 2026 else rng.choice(
                ["LDTT", "GK_CTX", "BK_CTT"])
            birth = dt.date(rng.randint(1970, 1998), rng.randint(1, 12), rng.randint(1, 28))
            position, unit = rng.choice(POSITIONS)
        status = (rng.choice([NominationStatus.DRAFT, NominationStatus.DRAFT, NominationStatus.SUBMITTED])
                  if current else rng.choice([NominationStatus.GRANTED, NominationStatus.GRANTED,
                                              NominationStatus.REFUSED]))
        deadline = today + dt.timedelta(days=offsets[i % len(offsets)]) if current else dt.date(year, 12, 10)
        granted = status is NominationStatus.GRANTED
        restore_nomination(s, NominationData(
            kind, name, form, year, gender, birth, position, unit,
            award_kind=AwardKind.REGULAR if i % 6 else AwardKind.SUDDEN, plan_id=plan_id if current else None,
            movement=f"Phong trào thi đua năm {year}", achievement=ACHIEVEMENTS[i % len(ACHIEVEMENTS)],
            deadline=deadline, status=status, decision_number=f"{100 + i}/QĐ-UBND" if granted else "",
            decision_date=dt.date(year, 12, 28) if granted else None))



SEASON = [  # (kind, name, form, position, unit, votes in favour of 9 present)
    ("individual", "Phan Thị Mỹ Linh", "LDTT", "Giáo viên", "Trường Tiểu học Hòa Phong", 9),
    ("individual", "Võ Quốc Huy", "CSTDCS_XA", "Phó Trưởng Công an xã", "Công an xã Hòa Phong", 8),
    ("individual", "Đỗ Văn Lực", "LDTT", "Trưởng thôn", "Thôn Phú Lộc", 4),
    ("collective", "Trạm Y tế xã Hòa Phong", "GK_CTX", "", "Thôn Trung Hòa, xã Hòa Phong", 9),
    ("household", "Hộ ông Huỳnh Văn Tư", "GDVH", "", "Thôn Tân An, xã Hòa Phong", 9),
    ("individual", "Lê Thị Thu Hà", "BK_CTT", "Phó Chủ tịch UBND xã", "UBND xã Hòa Phong", 9),
    ("collective", "Trường Mầm non Hòa Phong", "TTLDXS", "", "Thôn Phú Lộc, xã Hòa Phong", 9),
]


def _demo_season(s, plan_id: int, settings: CommuneSettings) -> None:
    """The 2026 award season of Hòa Phong: a council session that votes on seven nominations (one falls short),
    the Chairman's issued Quyết định for the four it may grant, and a Tờ trình sent to the province, still waiting for
    its answer, with the two proposals for a Bằng khen and "Tập thể lao động xuất sắc"."""
    from core.models import AwardDocument, AwardDocumentItem, NomineeKind
    from core.nominations import NominationData, restore_nomination
    from core.season import DECISION, PROPOSAL, CouncilData, candidates, issue, record_council
    from core.season_docs import addressee

    ids: dict[str, int] = {}
    for kind, name, form, position, unit, _votes in SEASON:
        m = restore_nomination(s, NominationData(
            NomineeKind(kind), name, form, 2026, "Nữ" if name.split()[1] == "Thị" else None if kind != "individual"
            else "Nam", dt.date(1985, 4, 12) if kind == "individual" else None, position, unit, plan_id=plan_id,
            movement="Phong trào thi đua năm 2026", achievement=ACHIEVEMENTS[len(ids) % len(ACHIEVEMENTS)],
            deadline=dt.date(2026, 11, 15)))
        ids[name] = m.id
    record_council(s, CouncilData(
        2026, dt.date(2026, 11, 20), "Hội trường Ủy ban nhân dân xã Hòa Phong",
        "Ông Trần Văn Bình - Chủ tịch UBND xã, Chủ tịch Hội đồng",
        "Bà Nguyễn Thị Hồng - Công chức Văn phòng - Thống kê",
        9, 11, {ids[name]: votes for _k, name, _f, _p, _u, votes in SEASON}, "08 giờ 00", "10 giờ 30"))
    for kind, number, day in ((DECISION, "215", dt.date(2026, 11, 25)), (PROPOSAL, "48", dt.date(2026, 11, 26))):
        document = AwardDocument(kind=kind, year=2026, signer_name=settings.chairman_name,
                                 signer_authority="" if kind == DECISION else "TM.",
                                 addressee=addressee(settings) if kind == PROPOSAL else "")
        document.items = [AwardDocumentItem(nomination=m, position=n) for n, m in enumerate(candidates(s, kind, 2026))]
        s.add(document)
        s.flush()
        issue(document, number, day, settings)
