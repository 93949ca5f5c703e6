"""The plan rules of core.plans, stated on plans made here (no screen, no export): what a new plan proposes, which
target is weaker than the superior's, what blocks Ban hành, what a copy for next year or a revision keeps."""

import datetime as dt

import pytest
from sqlalchemy import update

from core.models import (
    Assignment,
    AwardForm,
    CommuneSettings,
    Comparator,
    Field,
    LegalBasis,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    Recipient,
    SectionKind,
    SuperiorDocument,
    SuperiorLevel,
    Target,
    UnitType,
    WizardPosition,
)
from core.plans import (
    FORMER_DRAFTING_UNIT,
    PERIOD_ERROR,
    PlanError,
    adopt,
    award_lines,
    award_sentence,
    basis_gaps,
    copy_plan,
    default_title,
    document_number,
    ensure_draft,
    fill,
    is_weaker,
    issue,
    lower_is_better,
    new_plan,
    period_in_order,
    plan_caption,
    plan_date,
    plans_overview,
    printed_settings,
    purpose_lines,
    problems,
    scope_problem,
    section_of,
    superior_only,
)
from core.settings import save_settings


def commune(**changes) -> CommuneSettings:
    """The settings of xã Bình Hải under the district of Bình Sơn (not stored)."""
    values = dict(commune_name="Bình Hải", unit_type=UnitType.COMMUNE, superior_body="UBND huyện Bình Sơn",
                  superior_level=SuperiorLevel.DISTRICT, place_name="Bình Hải", chairman_name="Phạm Văn Tâm",
                  number_suffix="KH-UBND", drafting_unit="Văn phòng HĐND và UBND", drafting_unit_short="VP")
    values.update(changes)
    return CommuneSettings(**values)


def form(name, beneficiary="individual", level="commune", category="title", decided_by="", start=None, end=None):
    return AwardForm(code=name, name=name, category=category, beneficiary=beneficiary, granting_level=level,
                     decided_by=decided_by, effective_from=start, effective_to=end)


def stored_commune(session, **changes):
    values = dict(commune_name="Bình Hải", unit_type=UnitType.COMMUNE, superior_body="UBND huyện Bình Sơn",
                  superior_level=SuperiorLevel.DISTRICT, place_name="Bình Hải", chairman_name="Phạm Văn Tâm",
                  number_suffix="KH-UBND")
    values.update(changes)
    return save_settings(session, **values)


def complete_plan(kind=PlanKind.ANNUAL, year=2026) -> Plan:
    """A plan with nothing missing (not stored): Ban hành would pass."""
    plan = Plan(kind=kind, year=year, title="Phát động phong trào thi đua năm 2026", signer_name="Phạm Văn Tâm",
                status=PlanStatus.DRAFT)
    plan.legal_bases.append(LegalBasis(position=0, doc_type="Luật", number="06/2022/QH15",
                                       issue_date=dt.date(2022, 6, 15), issuer="Quốc hội",
                                       summary="Thi đua, khen thưởng"))
    plan.targets.append(Target(position=0, indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0, unit="%",
                               field=Field.CULTURE_SOCIETY, scope_confirmed=False))
    for kind_, body in ((SectionKind.PURPOSE, "Khơi dậy tinh thần thi đua."),
                        (SectionKind.REQUIREMENT, "Thiết thực, hiệu quả."),
                        (SectionKind.CONTENT, "Đẩy mạnh sản xuất.")):
        plan.sections.append(PlanSection(kind=kind_, position=len(plan.sections), heading="", body=body,
                                         field=Field.ECONOMY if kind_ is SectionKind.CONTENT else None))
    plan.recipients.append(Recipient(position=0, name="UBND huyện Bình Sơn"))
    if kind is PlanKind.CAMPAIGN:
        plan.campaign_start, plan.campaign_end = dt.date(year, 9, 1), dt.date(year, 11, 30)
    return plan


# --- names and default texts ---------------------------------------------------------------------------------

def test_a_plan_is_called_by_its_kind_and_year():
    assert plan_caption(PlanKind.ANNUAL, 2026) == "Kế hoạch thi đua năm 2026"
    assert plan_caption(PlanKind.CAMPAIGN, 2027) == "Kế hoạch đợt thi đua cao điểm năm 2027"
    assert default_title(PlanKind.ANNUAL, commune(), 2026) == (
        "Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội xã Bình Hải năm 2026")
    assert default_title(PlanKind.CAMPAIGN, commune(unit_type=UnitType.WARD), 2027) == (
        "Phát động đợt thi đua cao điểm hoàn thành các chỉ tiêu, nhiệm vụ năm 2027 của phường Bình Hải")


def test_default_texts_speak_of_the_commune_its_superior_and_its_drafting_unit():
    text = "{unit}|{where}|{year}|{superior_body}|{superior_short}|{superior_giver}|{movement}|{drafting_unit}|" \
           "{drafting_short}|{villages}"
    district = fill(text, commune(), 2026).split("|")
    assert district == ["xã Bình Hải", "trên địa bàn xã Bình Hải", "2026", "UBND huyện Bình Sơn", "huyện Bình Sơn",
                        "Chủ tịch Ủy ban nhân dân huyện", "phong trào thi đua", "Văn phòng HĐND và UBND", "VP",
                        "thôn, tổ dân phố"]
    province = fill(text, commune(superior_body="Ủy ban nhân dân tỉnh Đắk Lâm", superior_level=SuperiorLevel.PROVINCE,
                                  unit_type=UnitType.WARD, drafting_unit="", drafting_unit_short=""),
                    2027, PlanKind.CAMPAIGN).split("|")
    assert province[3:] == ["Ủy ban nhân dân tỉnh Đắk Lâm", "tỉnh Đắk Lâm", "Chủ tịch Ủy ban nhân dân tỉnh",
                            "đợt thi đua", FORMER_DRAFTING_UNIT, "VP", "tổ dân phố, khu phố"]


def test_the_default_purpose_speaks_of_the_plans_kind_and_year():
    annual = purpose_lines(PlanKind.ANNUAL, commune(), 2026)
    assert len(annual) == 2 and "Nhân dân trên địa bàn xã Bình Hải" in annual[0] and annual[0].endswith("năm 2026.")
    campaign = purpose_lines(PlanKind.CAMPAIGN, commune(), 2027)
    assert campaign[0].startswith("Tạo đợt thi đua sôi nổi") and "của năm 2027 trong thời gian thi đua" in campaign[0]


def test_the_plans_date_is_its_issue_date_else_a_campaigns_first_day_else_new_year():
    start, issued = dt.date(2025, 9, 1), dt.date(2025, 8, 20)
    assert plan_date(PlanKind.CAMPAIGN, 2025, start, issued) == issued
    assert plan_date(PlanKind.CAMPAIGN, 2025, start) == start
    assert plan_date(PlanKind.CAMPAIGN, 2025) == dt.date(2025, 1, 1)
    assert plan_date(PlanKind.ANNUAL, 2025, start) == dt.date(2025, 1, 1)  # an annual plan has no campaign day
    assert plan_date(PlanKind.ANNUAL, 2025, None, issued) == issued


@pytest.mark.parametrize("entry, line", [
    (form("Danh hiệu “Lao động tiên tiến”"),
     "Chủ tịch Ủy ban nhân dân xã Bình Hải tặng danh hiệu “Lao động tiên tiến” cho các cá nhân đạt tiêu chuẩn."),
    (form("Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "any", category="form"),
     "Chủ tịch Ủy ban nhân dân xã Bình Hải tặng Giấy khen cho các tập thể, cá nhân đạt tiêu chuẩn."),
    (form("Danh hiệu “Gia đình văn hóa”", "household"),
     "Chủ tịch Ủy ban nhân dân xã Bình Hải tặng danh hiệu “Gia đình văn hóa” cho các hộ gia đình đạt tiêu chuẩn."),
    (form("Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "collective", "province", "form",
          "Chủ tịch Ủy ban nhân dân cấp tỉnh"),
     "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể đạt tiêu chuẩn."),
    (form("Cờ thi đua", "unknown", "province", decided_by=""),
     "Đề nghị cấp trên tặng Cờ thi đua cho các tập thể, cá nhân đạt tiêu chuẩn."),
])
def test_each_award_form_has_its_line_saying_who_gives_it_to_whom(entry, line):
    assert award_sentence(entry, "xã Bình Hải") == line


def test_the_award_part_lists_the_communes_own_titles_in_force_first_then_proposes_upwards():
    forms = [form("Giấy khen", category="form"),
             form("Danh hiệu “Tập thể lao động tiên tiến”", "collective"),
             form("Danh hiệu “Gia đình văn hóa”", "household", start=dt.date(2025, 7, 1)),
             form("Danh hiệu “Thôn văn hóa”", "village", start=dt.date(2024, 1, 1)),
             form("Danh hiệu “Chiến sĩ thi đua cơ sở”", start=dt.date(2025, 7, 1)),
             form("Danh hiệu “Lao động tiên tiến”"),
             form("Danh hiệu “Lao động xuất sắc”", end=dt.date(2025, 6, 30)),
             form("Bằng khen", "any", "province", "form", "Chủ tịch Ủy ban nhân dân cấp tỉnh")]
    lines = award_lines(PlanKind.ANNUAL, commune(), forms, dt.date(2026, 1, 1))
    # titles before forms; individuals, collectives, households, then others; older in force first
    assert lines[:-1] == [f"Chủ tịch Ủy ban nhân dân xã Bình Hải tặng {name} đạt tiêu chuẩn." for name in (
        "danh hiệu “Chiến sĩ thi đua cơ sở” cho các cá nhân", "danh hiệu “Lao động tiên tiến” cho các cá nhân",
        "danh hiệu “Tập thể lao động tiên tiến” cho các tập thể", "danh hiệu “Gia đình văn hóa” cho các hộ gia đình",
        "danh hiệu “Thôn văn hóa” cho các tập thể, cá nhân", "Giấy khen cho các cá nhân")]
    assert lines[-1] == ("Lựa chọn những tập thể, cá nhân có thành tích đặc biệt xuất sắc trong phong trào thi đua "
                         "để đề nghị Chủ tịch Ủy ban nhân dân huyện khen thưởng.")
    before = award_lines(PlanKind.CAMPAIGN, commune(), forms, dt.date(2025, 3, 1))
    assert [line.split("tặng ")[1].split(" cho")[0] for line in before[:-1]] == [
        "danh hiệu “Lao động tiên tiến”", "danh hiệu “Lao động xuất sắc”", "danh hiệu “Tập thể lao động tiên tiến”",
        "danh hiệu “Thôn văn hóa”", "Giấy khen"]
    assert "trong đợt thi đua để" in before[-1]


# --- a new plan ----------------------------------------------------------------------------------------------

def test_a_new_annual_plan_has_every_part_filled_for_the_commune(db):
    with db.session() as s:
        settings = stored_commune(s, place_name="")
        plan = new_plan(s, settings, PlanKind.ANNUAL, 2026)
        assert (plan.year, plan.kind, plan.status, plan.version) == (2026, PlanKind.ANNUAL, PlanStatus.DRAFT, 1)
        assert plan.place_name == "Bình Hải"  # no place name set: the commune's name
        assert (plan.signer_authority, plan.signer_title, plan.signer_name) == ("TM.", "CHỦ TỊCH", "Phạm Văn Tâm")
        assert plan.award_deadline == dt.date(2026, 11, 15)
        assert plan.title == default_title(PlanKind.ANNUAL, settings, 2026)
        assert [s_.kind for s_ in plan.sections] == (
            [SectionKind.BASIS, SectionKind.PURPOSE, SectionKind.REQUIREMENT] + [SectionKind.CONTENT] * 5
            + [SectionKind.AWARD, SectionKind.ORGANISATION])
        assert [s_.position for s_ in plan.sections] == list(range(len(plan.sections)))
        purpose = section_of(plan, SectionKind.PURPOSE)
        assert purpose is not None and purpose.heading == "Mục đích"
        assert "trên địa bàn xã Bình Hải" in purpose.body and "năm 2026" in purpose.body
        assert "{" not in "".join(s_.body for s_ in plan.sections)
        assert "thôn, tổ dân phố" in section_of(plan, SectionKind.REQUIREMENT).body
        assert purpose.body == "\n".join(purpose_lines(PlanKind.ANNUAL, settings, 2026))  # one paragraph a line
        assert [s_.heading for s_ in plan.sections if s_.kind is not SectionKind.CONTENT] == [
            "Căn cứ", "Mục đích", "Yêu cầu", "Khen thưởng", "Tổ chức thực hiện"]
        assert all(s_.heading and s_.body for s_ in plan.sections if s_.kind is SectionKind.CONTENT)
        security = section_of(plan, SectionKind.CONTENT, Field.DEFENCE_SECURITY)
        assert security is not None and security.field is Field.DEFENCE_SECURITY
        assert section_of(plan, SectionKind.CONTENT) is plan.sections[3]
        assert section_of(plan, SectionKind.TIMELINE) is None
        assert [(b.doc_type, b.number, b.position) for b in plan.legal_bases] == [
            ("Luật", "06/2022/QH15", 0), ("Nghị định", "152/2025/NĐ-CP", 1)]
        assert [a.unit for a in plan.assignments] == [
            "Ủy ban Mặt trận Tổ quốc Việt Nam xã Bình Hải và các đoàn thể", "Các ban, ngành, thôn, tổ dân phố",
            "Văn phòng HĐND và UBND"]
        assert plan.assignments[2].task == (
            "Tham mưu Hội đồng Thi đua - Khen thưởng theo dõi, đôn đốc, tổng hợp kết quả và hồ sơ khen thưởng.")
        assert all(a.task for a in plan.assignments)
        assert [r.name for r in plan.recipients] == [
            "UBND huyện Bình Sơn", "Phòng Nội vụ huyện Bình Sơn", "Hội đồng Thi đua - Khen thưởng huyện Bình Sơn",
            "Thường trực Đảng ủy, HĐND xã Bình Hải", "Chủ tịch, các Phó Chủ tịch UBND xã Bình Hải",
            "UBMTTQVN và các đoàn thể xã Bình Hải", "Các ban, ngành, thôn, tổ dân phố", "Lưu: VT, VP"]
        assert [r.position for r in plan.recipients] == list(range(8))
        assert [a.position for a in plan.assignments] == [0, 1, 2]
        assert plan.id is not None  # stored


def test_a_new_campaign_has_a_timeline_and_speaks_from_new_year_until_its_dates_are_set(db):
    with db.session() as s:
        settings = stored_commune(s, superior_body="", superior_level=SuperiorLevel.PROVINCE)
        plan = new_plan(s, settings, PlanKind.CAMPAIGN, 2025)
        assert plan.kind is PlanKind.CAMPAIGN and plan.title == default_title(PlanKind.CAMPAIGN, settings, 2025)
        timeline = section_of(plan, SectionKind.TIMELINE)
        assert timeline is not None and timeline.heading == "Thời gian thi đua"
        assert section_of(plan, SectionKind.PURPOSE).body.startswith("Tạo đợt thi đua sôi nổi")
        assert plan.legal_bases[1].number == "98/2023/NĐ-CP"  # 1/1/2025: the decree of 2023 still guided the law
        assert "đợt thi đua" in section_of(plan, SectionKind.AWARD).body
        # no superior body named: its line is left out of Nơi nhận, the province's offices stay
        assert [r.name for r in plan.recipients][:2] == ["Sở Nội vụ", "Ban Thi đua - Khen thưởng tỉnh"]


def test_an_adopted_target_copies_the_superior_one_and_stays_linked():
    plan = complete_plan()
    superior = Target(indicator="Tỷ lệ che phủ rừng", comparator=Comparator.GE, value=45.0, value_max=46.0,
                      unit="%", field=Field.ENVIRONMENT, source_text="- Tỷ lệ che phủ rừng đạt 45-46%.")
    target = adopt(plan, superior)
    assert plan.targets[-1] is target and target.position == 1
    assert (target.indicator, target.comparator, target.value, target.value_max, target.unit, target.field,
            target.source_text, target.derived_from) == (
        "Tỷ lệ che phủ rừng", Comparator.GE, 45.0, 46.0, "%", Field.ENVIRONMENT, "- Tỷ lệ che phủ rừng đạt 45-46%.",
        superior)


# --- weaker than the superior ---------------------------------------------------------------------------------

@pytest.mark.parametrize("comparator, indicator, lower", [
    (Comparator.LT, "", True), (Comparator.LE, "", True), (Comparator.REDUCE_TO, "", True),
    (Comparator.REDUCE_TO, "Tỷ lệ hộ sử dụng túi ni lông", True),
    (Comparator.EQ, "Tỷ lệ hộ nghèo", True), (Comparator.APPROX, "Số vụ TAI NẠN giao thông", True),
    (Comparator.EQ, "Tỷ lệ hộ dùng nước sạch", False), (Comparator.GE, "Tỷ lệ hộ nghèo", False),
    (Comparator.GT, "", False), (Comparator.REDUCE_BY, "Tỷ lệ hộ nghèo", False), (Comparator.QUALITATIVE, "", False),
])
def test_which_way_is_better(comparator, indicator, lower):
    assert lower_is_better(comparator, indicator) is lower


@pytest.mark.parametrize("comparator, value, superior, indicator, weaker", [
    (Comparator.GE, 95.0, 95.0, "Tỷ lệ tham gia bảo hiểm y tế", False),  # the superior's own value, either way
    (Comparator.REDUCE_TO, 5.9, 5.9, "", False),
    (Comparator.EQ, 5.9, 5.9, "Tỷ lệ suy dinh dưỡng", False),
    (Comparator.GE, 94.9, 95.0, "Tỷ lệ tham gia bảo hiểm y tế", True),
    (Comparator.GE, 95.1, 95.0, "Tỷ lệ tham gia bảo hiểm y tế", False),
    (Comparator.REDUCE_TO, 6.0, 5.9, "", True),  # "giảm còn" more than the superior allows
    (Comparator.REDUCE_TO, 5.8, 5.9, "", False),
    (Comparator.REDUCE_BY, 1.0, 1.5, "Tỷ lệ hộ nghèo", True),  # reducing by less is weaker
    (Comparator.EQ, 3.0, 2.5, "Tỷ lệ hộ nghèo", True),
])
def test_a_value_is_weaker_only_past_the_superiors_in_the_direction_that_matters(comparator, value, superior,
                                                                                 indicator, weaker):
    assert is_weaker(comparator, value, "%", superior, "%", indicator) is weaker


def test_values_that_cannot_be_compared_are_never_weaker():
    assert not is_weaker(Comparator.GE, 1.0, "tỷ đồng", 95.0, "%")
    assert not is_weaker(Comparator.GE, None, "%", 95.0, "%")
    assert not is_weaker(Comparator.GE, 1.0, "%", None, "%")


@pytest.mark.parametrize("indicator, value, unit, why", [
    ("Tỷ lệ xã đạt chuẩn nông thôn mới", 100.0, "%", "tính cho địa bàn cấp trên"),
    ("Số phường đạt chuẩn văn minh đô thị", 3.0, "phường", "tính cho địa bàn cấp trên"),
    ("Tổng vốn đầu tư toàn tỉnh", 10.0, "tỷ đồng", "tính cho địa bàn cấp trên"),
    ("Thu ngân sách trên địa bàn huyện", 10.0, "tỷ đồng", "tính cho địa bàn cấp trên"),
    ("Tổng giá trị sản xuất", 5000.5, " tỷ đồng ", "số tiền ở quy mô tỉnh"),
    ("Tổng giá trị sản xuất", 5000.0, "tỷ đồng", None),  # the limit itself is still a commune's
    ("Tổng giá trị sản xuất", 9000.0, "triệu đồng", None),
    ("Tổng giá trị sản xuất", None, "tỷ đồng", None),
    ("Tỷ lệ hộ nghèo", 2.0, None, None),
    ("Thu ngân sách nhà nước trên địa bàn (dự toán được giao)", 100.0, "%", None),
    ("Tỷ lệ xã hội hóa đầu tư trường học", 30.0, "%", None),  # "xã hội" (society), not communes
    ("Huyện đạt chuẩn nông thôn mới", None, None, "tính cho địa bàn cấp trên"),  # the superior as the subject
    ("Thu ngân sách nhà nước trên địa bàn cấp huyện", 10.0, "tỷ đồng", "tính cho địa bàn cấp trên"),
    ("Tỉnh lộ qua xã được nhựa hóa", 100.0, "%", None),  # a provincial road, not the province reaching it
    ("Số hộ đạt giấy khen cấp huyện", 10.0, "hộ", None),  # a district's award to the commune's households
])
def test_a_target_that_looks_like_the_superiors_says_why(indicator, value, unit, why):
    assert scope_problem(indicator, value, unit) == why
    assert superior_only(indicator) is (why == "tính cho địa bàn cấp trên")


# --- what blocks Ban hành ------------------------------------------------------------------------------------

@pytest.mark.parametrize("values, gaps", [
    (dict(doc_type="Luật", summary="Thi đua, khen thưởng", issue_date=dt.date(2022, 6, 15)), []),
    (dict(doc_type=" Luật ", summary="  ", issue_date=None, number="", issuer=""), ["tên luật", "ngày"]),
    (dict(doc_type="Nghị định", number="152/2025/NĐ-CP", issue_date=dt.date(2025, 6, 14), issuer="Chính phủ"), []),
    (dict(doc_type="Kế hoạch", number=" ", issue_date=None, issuer=None, summary="về thi đua"),
     ["số", "ngày", "cơ quan ban hành"]),
    (dict(doc_type=None, number="12/KH-UBND", issue_date=dt.date(2026, 1, 20), issuer=" "), ["cơ quan ban hành"]),
    (dict(doc_type="Luật", summary=None, issue_date=dt.date(2022, 6, 15)), ["tên luật"]),
    (dict(doc_type="Quyết định", number=None, issue_date=dt.date(2026, 1, 2), issuer="UBND huyện"), ["số"]),
])
def test_what_a_legal_basis_lacks_to_be_cited(values, gaps):
    assert basis_gaps(LegalBasis(**values)) == gaps


def test_a_campaign_period_must_end_after_it_starts():
    day = dt.date(2026, 1, 1)
    assert period_in_order(day, day + dt.timedelta(days=1))
    assert not period_in_order(day, day)  # 01/01 → 01/01 is not a period
    assert not period_in_order(day, day - dt.timedelta(days=1))
    assert period_in_order(None, day) and period_in_order(day, None)


def test_a_complete_plan_has_no_problem():
    assert problems(complete_plan()) == []
    assert problems(complete_plan(PlanKind.CAMPAIGN)) == []


def test_each_missing_part_is_named():
    plan = complete_plan()
    plan.title = "  "
    plan.signer_name = ""
    plan.recipients.clear()
    plan.targets.clear()
    plan.legal_bases.append(LegalBasis(position=1, doc_type="Kế hoạch", number="12/KH-UBND", issue_date=None,
                                       issuer=""))
    for section in plan.sections:
        section.body = " \n"
    assert problems(plan) == [
        "Chưa có trích yếu (tên kế hoạch).",
        "Căn cứ thứ 2 (Kế hoạch) còn thiếu: ngày, cơ quan ban hành.",
        "Chưa có chỉ tiêu thi đua nào.",
        "Phần «Mục đích» đang trống.",
        "Phần «Yêu cầu» đang trống.",
        "Phần «Nội dung thi đua» đang trống.",
        "Chưa có họ tên người ký.",
        "Chưa có «Nơi nhận».",
    ]


def test_a_missing_purpose_section_or_a_content_only_in_another_part_is_a_problem():
    plan = complete_plan()
    plan.sections[:] = [s for s in plan.sections if s.kind is not SectionKind.PURPOSE]
    plan.sections[-1].kind = SectionKind.AWARD  # text under Khen thưởng is not Nội dung thi đua
    assert problems(plan) == ["Phần «Mục đích» đang trống.", "Phần «Nội dung thi đua» đang trống."]


def test_a_campaign_may_have_only_qualitative_aims():
    plan = complete_plan(PlanKind.CAMPAIGN)
    plan.targets.clear()
    assert problems(plan) == []


def test_a_superior_looking_target_blocks_until_confirmed():
    plan = complete_plan()
    plan.targets.append(Target(position=1, indicator="Tỷ lệ xã đạt chuẩn nông thôn mới", comparator=Comparator.EQ,
                               value=100.0, unit="%", field=Field.ECONOMY, scope_confirmed=False))
    assert problems(plan) == [
        "Chỉ tiêu «Tỷ lệ xã đạt chuẩn nông thôn mới» có vẻ tính cho địa bàn cấp trên: sửa cho phù hợp với xã, "
        "hoặc chọn chỉ tiêu đó ở bước 3 và bấm «Xác nhận đúng cho xã»."]
    plan.targets[-1].scope_confirmed = True
    assert problems(plan) == []
    plan.targets.append(Target(position=2, indicator="Tổng giá trị sản xuất", comparator=Comparator.GE,
                               value=12000.0, unit="tỷ đồng", field=Field.ECONOMY, scope_confirmed=False))
    assert problems(plan) == [
        "Chỉ tiêu «Tổng giá trị sản xuất» có vẻ số tiền ở quy mô tỉnh: sửa cho phù hợp với xã, "
        "hoặc chọn chỉ tiêu đó ở bước 3 và bấm «Xác nhận đúng cho xã»."]


@pytest.mark.parametrize("start, end", [(dt.date(2026, 9, 1), None), (None, dt.date(2026, 11, 30)), (None, None)])
def test_a_campaign_with_only_one_date_or_none_cannot_be_issued(start, end):
    plan = complete_plan(PlanKind.CAMPAIGN)
    plan.campaign_start, plan.campaign_end = start, end
    assert problems(plan) == ["Kế hoạch đợt thi đua chưa có thời gian bắt đầu và kết thúc."]


def test_a_campaign_must_end_after_it_starts_and_before_its_dossiers_are_due():
    plan = complete_plan(PlanKind.CAMPAIGN)
    plan.campaign_start = plan.campaign_end = dt.date(2026, 9, 1)
    assert problems(plan) == [PERIOD_ERROR]
    plan.campaign_end = dt.date(2026, 11, 30)
    plan.award_deadline = dt.date(2026, 11, 29)
    assert problems(plan) == ["Hạn nộp hồ sơ khen thưởng (29/11/2026) trước ngày kết thúc đợt thi đua (30/11/2026): "
                              "chưa có kết quả để xét."]
    plan.award_deadline = dt.date(2026, 11, 30)  # due on the last day: allowed
    assert problems(plan) == []
    annual = complete_plan()
    annual.campaign_start, annual.campaign_end = dt.date(2026, 9, 1), dt.date(2026, 9, 1)
    annual.award_deadline = dt.date(2026, 1, 1)
    assert problems(annual) == []  # an annual plan has no period


def test_deadlines_before_the_issue_date_are_named():
    plan = complete_plan()
    plan.issue_date = dt.date(2026, 2, 5)
    plan.assignments.append(Assignment(position=0, unit="Công an xã", task="", deadline=dt.date(2026, 2, 4)))
    plan.assignments.append(Assignment(position=1, unit="Đoàn Thanh niên", task="", deadline=dt.date(2026, 2, 5)))
    plan.assignments.append(Assignment(position=2, unit="Hội Nông dân", task="", deadline=None))
    plan.award_deadline = dt.date(2026, 2, 4)
    assert problems(plan) == ["Thời hạn của «Công an xã» (04/02/2026) trước ngày ban hành.",
                              "Hạn nộp hồ sơ khen thưởng trước ngày ban hành."]
    plan.award_deadline = dt.date(2026, 2, 5)
    plan.assignments[0].deadline = dt.date(2026, 2, 5)
    assert problems(plan) == []
    plan.issue_date = None  # not issued yet: no date to compare with
    plan.assignments[0].deadline = dt.date(2020, 1, 1)
    assert problems(plan) == []


@pytest.mark.parametrize("typed, printed", [("5", "05"), (" 9 ", "09"), ("10", "10"), ("12/QĐ-UBND", "12"),
                                            ("007", "07")])
def test_a_document_number_is_printed_with_two_digits(typed, printed):
    assert document_number(typed) == printed


@pytest.mark.parametrize("typed", ["", " ", "0", "00/KH", "5a", "-3", "/KH-UBND", "1.5"])
def test_a_document_number_must_be_a_positive_whole_number(typed):
    with pytest.raises(PlanError) as refused:
        document_number(typed)
    assert str(refused.value) == "Số văn bản phải là số nguyên dương, ví dụ 05."


def test_issuing_stamps_the_plan_and_freezes_what_it_prints(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = complete_plan()
        s.add(plan)
        issue(plan, "5", dt.date(2026, 2, 5), settings)
        assert (plan.status, plan.number, plan.issue_date) == (PlanStatus.ISSUED, "05", dt.date(2026, 2, 5))
        assert plan.issued_settings == {"commune_name": "Bình Hải", "unit_type": UnitType.COMMUNE,
                                        "place_name": "Bình Hải", "number_suffix": "KH-UBND",
                                        "drafting_unit": "Văn phòng HĐND và UBND"}
        with pytest.raises(PlanError) as refused:
            ensure_draft(plan)
        assert str(refused.value) == "Kế hoạch đã ban hành không sửa được; hãy dùng «Tạo bản sửa đổi»."
        with pytest.raises(PlanError, match="đã ban hành"):
            issue(plan, "6", dt.date(2026, 2, 6), settings)
        assert plan.number == "05"


def test_a_plan_with_problems_is_not_issued_and_keeps_no_number(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = complete_plan()
        plan.signer_name = ""
        plan.recipients.clear()
        s.add(plan)
        with pytest.raises(PlanError) as refused:
            issue(plan, "5", dt.date(2026, 2, 5), settings)
        assert str(refused.value) == "Chưa ban hành được: Chưa có họ tên người ký. Chưa có «Nơi nhận»."
        assert (plan.status, plan.number, plan.issue_date, plan.issued_settings) == (PlanStatus.DRAFT, None, None,
                                                                                    None)
        with pytest.raises(PlanError, match="Số văn bản"):
            issue(plan, "0", dt.date(2026, 2, 5), settings)
        ensure_draft(plan)  # still a draft: no error


def test_an_issued_plan_prints_the_settings_of_its_day():
    today = commune(commune_name="Bình Hải Mới", place_name="Bình Hải Mới")
    draft = complete_plan()
    assert printed_settings(draft, today) is today
    draft.issued_settings = {"commune_name": "Bình Hải", "unit_type": "phường", "place_name": "Bình Hải",
                             "number_suffix": "KH-UBND"}  # frozen before the drafting unit was a setting
    printed = printed_settings(draft, today)
    assert (printed.commune_name, printed.unit_type, printed.place_name, printed.number_suffix,
            printed.drafting_unit) == ("Bình Hải", UnitType.WARD, "Bình Hải", "KH-UBND", FORMER_DRAFTING_UNIT)
    draft.issued_settings["drafting_unit"] = "Văn phòng UBND"
    assert printed_settings(draft, today).drafting_unit == "Văn phòng UBND"
    assert draft.issued_settings["unit_type"] == "phường"  # the plan's record is not changed by reading it


# --- copies and revisions ------------------------------------------------------------------------------------

def _issued_2026(s):
    """A plan of 2026 as issued by xã Bình Hải, with a law the clerk added and a superior plan cited."""
    settings = stored_commune(s)
    plan = new_plan(s, settings, PlanKind.ANNUAL, 2026)
    plan.title = "Phát động phong trào thi đua xã Bình Hải năm 2026 (kỳ 20261)"
    plan.theme = "Đoàn kết, sáng tạo"
    plan.targets_as_table = True
    plan.signer_authority, plan.signer_title, plan.signer_name = "KT.", "PHÓ CHỦ TỊCH", "Lê Thị Hoa"
    plan.sections[0].heading = "Căn cứ năm 2026"
    superior = SuperiorDocument(file_name="kh-huyen.docx", sha256="a" * 64, text="")
    superior_target = Target(indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0, unit="%",
                             field=Field.CULTURE_SOCIETY)
    s.add_all([superior, superior_target])
    s.flush()
    plan.superior_documents.append(superior)
    plan.rejected_targets.append(superior_target)
    plan.targets.append(Target(position=0, indicator="Tổng giá trị sản xuất toàn tỉnh năm 2026",
                               comparator=Comparator.GE, value=9000.0, value_max=9500.0, unit="tỷ đồng",
                               field=Field.ECONOMY,
                               source_text="năm 2026", derived_from_id=superior_target.id, scope_confirmed=True))
    plan.legal_bases += [
        LegalBasis(position=2, doc_type="Luật", number="15/2023/QH15", issue_date=dt.date(2023, 6, 20),
                   issuer="Quốc hội", summary="Khám bệnh, chữa bệnh"),
        LegalBasis(position=3, doc_type="Kế hoạch", number="12/KH-UBND", issue_date=dt.date(2026, 1, 20),
                   issuer="UBND huyện Bình Sơn", summary="thi đua năm 2026", superior_document_id=superior.id),
        LegalBasis(position=4, doc_type="Nghị định", number="99/2026/NĐ-CP", issue_date=dt.date(2026, 1, 2),
                   issuer="Chính phủ", summary="về dân quân", superior_document_id=superior.id),
        LegalBasis(position=5, doc_type="Nghị định", number="91/2017/NĐ-CP", issue_date=dt.date(2017, 7, 31),
                   issuer="Chính phủ", summary="quy định chi tiết thi hành Luật Thi đua, khen thưởng (cũ)"),
        LegalBasis(position=6, doc_type="Thông tư", number="12/2019/TT-BNV", issue_date=dt.date(2019, 11, 4),
                   issuer="Bộ Nội vụ", summary="hướng dẫn thi đua"),
        LegalBasis(position=7, doc_type="Kế hoạch", number="3/KH-ĐU", issue_date=dt.date(2026, 1, 5),
                   issuer="Đảng ủy xã", summary="năm 2026"),
    ]
    plan.targets.append(Target(position=1, indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0,
                               unit="%", field=Field.CULTURE_SOCIETY))
    plan.assignments[0].deadline = dt.date(2026, 3, 31)
    plan.assignments[1].deadline = None
    plan.campaign_start, plan.campaign_end = None, None
    s.flush()
    issue(plan, "5", dt.date(2026, 2, 5), settings)
    s.flush()
    return plan, settings


def test_a_copy_for_next_year_moves_every_year_and_starts_its_citations_again(db):
    with db.session() as s:
        source, settings = _issued_2026(s)
        copy = copy_plan(s, source, 2027, settings)
        assert (copy.year, copy.version, copy.revises, copy.status, copy.number, copy.issue_date) == (
            2027, 1, None, PlanStatus.DRAFT, None, None)
        assert copy.title == "Phát động phong trào thi đua xã Bình Hải năm 2027 (kỳ 20261)"  # whole years only
        assert (copy.theme, copy.targets_as_table, copy.place_name) == ("", True, "Bình Hải")
        assert copy.award_deadline == dt.date(2027, 11, 15)
        purpose = section_of(copy, SectionKind.PURPOSE)
        assert "năm 2027" in purpose.body and "2026" not in purpose.body
        assert [(s_.kind, s_.position) for s_ in copy.sections] == [(s_.kind, s_.position) for s_ in source.sections]
        assert [(b.doc_type, b.number, b.position) for b in copy.legal_bases] == [
            ("Luật", "06/2022/QH15", 0), ("Nghị định", "152/2025/NĐ-CP", 1), ("Luật", "15/2023/QH15", 2),
            ("Nghị định", "91/2017/NĐ-CP", 3), ("Thông tư", "12/2019/TT-BNV", 4)]  # the clerk's laws and decrees
        assert copy.superior_documents == [] and copy.rejected_targets == []
        target, poor = copy.targets
        assert (poor.position, poor.indicator) == (1, "Tỷ lệ hộ nghèo")
        assert (target.indicator, target.source_text, target.value, target.unit, target.derived_from_id,
                target.scope_confirmed) == ("Tổng giá trị sản xuất toàn tỉnh năm 2027", "năm 2026", 9000.0,
                                            "tỷ đồng", source.targets[0].derived_from_id, False)
        assert [a.deadline for a in copy.assignments] == [dt.date(2027, 3, 31), None, None]
        assert [r.name for r in copy.recipients] == [r.name for r in source.recipients]
        assert copy.id is not None


def test_a_revision_keeps_the_year_every_link_and_citation(db):
    with db.session() as s:
        source, settings = _issued_2026(s)
        revision = copy_plan(s, source, 2026, settings, revision=True)
        assert (revision.version, revision.revises, revision.status, revision.number) == (
            2, source, PlanStatus.DRAFT, None)
        assert (revision.title, revision.theme) == (source.title, "Đoàn kết, sáng tạo")
        assert revision.award_deadline == source.award_deadline
        assert revision.superior_documents == source.superior_documents
        assert revision.rejected_targets == source.rejected_targets
        assert [(b.doc_type, b.number, b.superior_document_id) for b in revision.legal_bases] == [
            (b.doc_type, b.number, b.superior_document_id) for b in source.legal_bases]
        assert revision.targets[0].scope_confirmed and revision.targets[0].indicator.endswith("năm 2026")
        assert [a.deadline for a in revision.assignments] == [a.deadline for a in source.assignments]


def test_a_revised_campaign_keeps_its_period(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = new_plan(s, settings, PlanKind.CAMPAIGN, 2026)
        plan.campaign_start, plan.campaign_end = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
        plan.award_deadline = dt.date(2026, 12, 10)
        revision = copy_plan(s, plan, 2026, settings, revision=True)
        assert (revision.campaign_start, revision.campaign_end, revision.award_deadline) == (
            dt.date(2026, 9, 1), dt.date(2026, 11, 30), dt.date(2026, 12, 10))
        copy = copy_plan(s, plan, 2027, settings)
        assert copy.kind is PlanKind.CAMPAIGN
        assert (copy.campaign_start, copy.campaign_end, copy.award_deadline) == (None, None, dt.date(2027, 11, 15))
        assert section_of(copy, SectionKind.TIMELINE) is not None


def _parts(plan):
    """Everything a plan prints, as plain values."""
    return ([(s.kind, s.field, s.position, s.heading, s.body) for s in plan.sections],
            [(b.position, b.doc_type, b.number, b.issue_date, b.issuer, b.summary, b.superior_document_id)
             for b in plan.legal_bases],
            [(t.position, t.indicator, t.comparator, t.value, t.value_max, t.unit, t.field, t.source_text)
             for t in plan.targets],
            [(a.position, a.unit, a.task) for a in plan.assignments], [(r.position, r.name) for r in plan.recipients],
            (plan.kind, plan.signer_authority, plan.signer_title, plan.signer_name, plan.targets_as_table))


def test_a_revision_prints_what_its_plan_printed_and_a_copy_too_but_for_the_year(db):
    with db.session() as s:
        source, settings = _issued_2026(s)
        assert _parts(copy_plan(s, source, 2026, settings, revision=True)) == _parts(source)
        copy = _parts(copy_plan(s, source, 2027, settings))
        expected = _parts(source)
        assert copy[0] == [(k, f, p, h.replace("2026", "2027"), b.replace("2026", "2027"))
                           for k, f, p, h, b in expected[0]]
        assert copy[1][2] == (2, "Luật", "15/2023/QH15", dt.date(2023, 6, 20), "Quốc hội", "Khám bệnh, chữa bệnh",
                              None)
        assert [t[:1] + t[2:] for t in copy[2]] == [t[:1] + t[2:] for t in expected[2]]
        assert copy[3:] == expected[3:]


def test_a_copy_names_the_commune_as_it_is_called_now(db):
    with db.session() as s:
        source, settings = _issued_2026(s)
        source_place = source.place_name
        settings.commune_name, settings.unit_type, settings.place_name = "Bình Châu", UnitType.WARD, "Bình Châu"
        s.flush()
        copy = copy_plan(s, source, 2027, settings)
        assert source_place == "Bình Hải" and copy.place_name == "Bình Châu"
        assert copy.title.startswith("Phát động phong trào thi đua phường Bình Châu năm 2027")
        assert "xã Bình Hải" not in section_of(copy, SectionKind.PURPOSE).body
        assert "phường Bình Châu" in section_of(copy, SectionKind.PURPOSE).body


def test_a_place_name_the_clerk_chose_is_kept_in_a_copy(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = new_plan(s, settings, PlanKind.ANNUAL, 2026)
        plan.place_name = "Châu Ổ"
        settings.place_name = "Bình Hải Mới"
        assert copy_plan(s, plan, 2027, settings).place_name == "Châu Ổ"
        plan.place_name = "Bình Hải Mới"
        assert copy_plan(s, plan, 2027, settings).place_name == "Bình Hải Mới"


def test_a_deadline_on_29_february_moves_to_28_february(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = new_plan(s, settings, PlanKind.ANNUAL, 2028)
        plan.assignments[0].deadline = dt.date(2028, 2, 29)
        plan.assignments[1].deadline = dt.date(2028, 3, 1)
        copy = copy_plan(s, plan, 2029, settings)
        assert [a.deadline for a in copy.assignments[:2]] == [dt.date(2029, 2, 28), dt.date(2029, 3, 1)]


# --- an issued plan never changes -----------------------------------------------------------------------------

def test_an_issued_plan_and_its_parts_refuse_every_change(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = complete_plan()
        s.add(plan)
        issue(plan, "5", dt.date(2026, 2, 5), settings)  # issued in the same unit of work as it was made
    for change in (lambda p: setattr(p, "title", "Khác"), lambda p: setattr(p.targets[0], "value", 1.0),
                   lambda p: p.recipients.append(Recipient(position=1, name="Hội Nông dân")),
                   lambda p: p.sections.pop()):
        with db.session() as s:
            plan = s.get(Plan, 1)
            change(plan)
            with pytest.raises(PlanError) as refused:
                s.flush()
            assert str(refused.value) == "Kế hoạch đã ban hành không sửa được; hãy dùng «Tạo bản sửa đổi»."
            s.rollback()
    with db.session() as s:
        target = s.get(Target, 1)
        s.delete(target)
        with pytest.raises(PlanError):
            s.flush()
        s.rollback()
    with db.session() as s:
        plan = s.get(Plan, 1)
        plan.title = plan.title  # no change, beside a real one
        s.delete(plan.recipients[0])
        with pytest.raises(PlanError):
            s.flush()
        s.rollback()


def test_a_change_to_a_draft_or_its_parts_moves_its_time_of_change(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan, other = new_plan(s, settings, PlanKind.ANNUAL, 2026), new_plan(s, settings, PlanKind.ANNUAL, 2027)
        plan_id, other_id = plan.id, other.id
    old = dt.datetime(2020, 1, 1)

    def age():  # straight to the table: a change through the plan would itself move the time
        with db.session() as s:
            s.execute(update(Plan).values(updated_at=old))

    def changed(plan_id):
        with db.session() as s:
            return s.get(Plan, plan_id).updated_at != old

    age()
    with db.session() as s:
        s.get(Plan, plan_id).recipients[0].name = "UBND tỉnh"
    assert changed(plan_id) and not changed(other_id)
    age()
    with db.session() as s:
        s.add(WizardPosition(plan_id=plan_id, page=2))
    assert not changed(plan_id)
    age()
    with db.session() as s:
        s.add(Target(plan_id=plan_id, position=0, indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0,
                     unit="%", field=Field.CULTURE_SOCIETY))  # a part added by its id alone
    assert changed(plan_id)
    age()
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        plan.recipients.remove(plan.recipients[0])  # a part removed from its plan (delete-orphan)
    assert changed(plan_id)
    age()
    with db.session() as s:
        one, two = s.get(Plan, plan_id), s.get(Plan, other_id)
        first, second = one.recipients[0], two.recipients[0]
        first.name, second.name = "Một", "Hai"  # parts of two drafts, written in one flush
    assert changed(plan_id) and changed(other_id)
    age()
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        plan.title = plan.title  # no real change
    assert not changed(plan_id)


def test_an_issued_plan_copied_within_the_unit_of_work_that_issued_it_stays_editable(db):
    with db.session() as s:
        settings = stored_commune(s)
        plan = complete_plan()
        s.add(plan)
        issue(plan, "5", dt.date(2026, 2, 5), settings)
        s.flush()
        revision = copy_plan(s, plan, 2026, settings, revision=True)
        revision.title = "Sửa đổi"
        s.flush()
        assert revision.status is PlanStatus.DRAFT


def test_plans_are_listed_newest_year_first_then_newest_version_first(db):
    with db.session() as s:
        settings = stored_commune(s)
        for year in (2025, 2027, 2026, 2027):
            new_plan(s, settings, PlanKind.ANNUAL, year)
        assert [(p.year, p.id) for p in plans_overview(s)] == [(2027, 4), (2027, 2), (2026, 3), (2025, 1)]
