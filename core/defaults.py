"""Default texts of a new plan, written for this application (not taken from any real plan).

Each list item is one bullet of the printed plan; the clerk edits them in the wizard. Placeholders
({unit}, {year}, {villages} …) are filled by :func:`core.plans.fill`; a phường or đặc khu gets the urban words
(:data:`URBAN_WORDS`), a xã the rural ones.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from core.models import Field, PlanKind, UnitType

PURPOSE = {
    PlanKind.ANNUAL: [
        "Khơi dậy tinh thần thi đua yêu nước trong cán bộ, công chức, lực lượng vũ trang và Nhân dân {where}, "
        "tạo khí thế phấn khởi, quyết tâm hoàn thành toàn diện các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội, "
        "bảo đảm quốc phòng, an ninh năm {year}.",
        "Qua phong trào thi đua, kịp thời phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến, mô hình hay, "
        "cách làm sáng tạo; biểu dương, khen thưởng xứng đáng các tập thể, cá nhân có thành tích tiêu biểu.",
    ],
    PlanKind.CAMPAIGN: [
        "Tạo đợt thi đua sôi nổi, tập trung nguồn lực để hoàn thành dứt điểm các chỉ tiêu, nhiệm vụ còn lại "
        "của năm {year} trong thời gian thi đua.",
        "Phát hiện và khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua.",
    ],
}

REQUIREMENT = [
    "Phong trào thi đua được tổ chức thiết thực, hiệu quả, gắn với nhiệm vụ chính trị của từng ban, ngành, "
    "đoàn thể, {villages}; tránh hình thức, phô trương.",
    "Nội dung thi đua cụ thể, chỉ tiêu rõ ràng, có thể đo lường được; thường xuyên theo dõi, đôn đốc, "
    "sơ kết, tổng kết để rút kinh nghiệm.",
    "Việc bình xét khen thưởng bảo đảm chính xác, công khai, minh bạch, công bằng, kịp thời, đúng quy định "
    "của Luật Thi đua, khen thưởng.",
]

CONTENT = {
    Field.ECONOMY: (
        "Thi đua phát triển kinh tế",
        "{economy}; huy động mọi nguồn lực xây dựng kết cấu hạ tầng và {model_area}; "
        "phấn đấu hoàn thành và vượt dự toán thu ngân sách được giao.",
    ),
    Field.CULTURE_SOCIETY: (
        "Thi đua phát triển văn hóa - xã hội",
        "Nâng cao chất lượng giáo dục, chăm sóc sức khỏe Nhân dân; thực hiện tốt chính sách an sinh xã hội, "
        "giảm nghèo bền vững, giải quyết việc làm; đẩy mạnh phong trào xây dựng đời sống văn hóa ở khu dân cư.",
    ),
    Field.ENVIRONMENT: (
        "Thi đua bảo vệ môi trường",
        "Thu gom, xử lý rác thải sinh hoạt đúng quy định; giữ gìn vệ sinh {streets}; "
        "chủ động phòng, chống thiên tai và thích ứng với biến đổi khí hậu.",
    ),
    Field.DEFENCE_SECURITY: (
        "Thi đua bảo đảm quốc phòng, an ninh",
        "Hoàn thành công tác tuyển quân, huấn luyện dân quân; giữ vững an ninh chính trị, trật tự an toàn xã hội; "
        "phát huy phong trào toàn dân bảo vệ an ninh Tổ quốc.",
    ),
    Field.PARTY_GOVERNMENT: (
        "Thi đua xây dựng Đảng, chính quyền và hệ thống chính trị",
        "Xây dựng tổ chức đảng, chính quyền, Mặt trận và các đoàn thể vững mạnh; đẩy mạnh cải cách hành chính, "
        "chuyển đổi số; nâng cao tinh thần trách nhiệm, thái độ phục vụ của cán bộ, công chức.",
    ),
}

@dataclass(frozen=True)
class Decree:
    """A decree guiding the Luật Thi đua, khen thưởng, cited as a căn cứ by plans dated from ``in_force_from``;
    ``checked`` says whether its number, date, title and start were confirmed against a published source."""

    number: str
    issue_date: dt.date
    title: str
    in_force_from: dt.date
    checked: str


LAW = {"doc_type": "Luật", "number": "06/2022/QH15", "issue_date": dt.date(2022, 6, 15), "issuer": "Quốc hội",
       "summary": "Thi đua, khen thưởng"}  # in force 1/1/2024 (GUIDE §4)
DECREES = (  # newest last
    Decree("98/2023/NĐ-CP", dt.date(2023, 12, 31),
           "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", dt.date(2024, 1, 1),
           "đã đối chiếu: số, ngày, tên và ngày hiệu lực 01/01/2024"),
    Decree("152/2025/NĐ-CP", dt.date(2025, 6, 14),
           "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn "
           "thi hành một số điều của Luật Thi đua, khen thưởng", dt.date(2025, 7, 1),
           "số, ngày, tên đã đối chiếu; ngày hiệu lực 01/7/2025: chưa đối chiếu"),
)


def decree_on(day: dt.date) -> Decree:
    """The decree guiding the law in force on ``day`` (the plan's date, never its year alone): NĐ 98/2023/NĐ-CP
    until 30/6/2025, then NĐ 152/2025/NĐ-CP (GUIDE §4; see each :class:`Decree`'s ``checked``)."""
    return next((d for d in reversed(DECREES) if d.in_force_from <= day), DECREES[0])


def standing_bases(day: dt.date) -> list[dict]:
    """The căn cứ every commune plan dated ``day`` starts with: the Luật Thi đua, khen thưởng 06/2022/QH15 and
    the decree in force on that day with its full title (:func:`decree_on`). The clerk may edit or remove them."""
    decree = decree_on(day)
    return [dict(LAW), {"doc_type": "Nghị định", "number": decree.number, "issue_date": decree.issue_date,
                        "issuer": "Chính phủ", "summary": decree.title}]


AWARD_DEADLINE = (11, 15)  # (month, day) in the plan's year: dossiers due before the year-end review
CAMPAIGN_DOSSIER_DAYS = 10  # a campaign's dossiers are due this many days after it ends


CAMPAIGN_MONTHS = 3  # a new campaign's default length


def campaign_period(year: int, today: dt.date) -> tuple[dt.date, dt.date]:
    """The default period of a new campaign (đợt thi đua) of ``year``: from ``today`` when it is in that year
    (at the latest 1 December, so the period stays in the year), else from 1 January, for
    :data:`CAMPAIGN_MONTHS` months (the day before the same day three months on), cut at 31 December; e.g. 2027
    seen on 29/11/2026: 01/01/2027 → 31/03/2027. The clerk edits it."""
    start = min(today, dt.date(year, 12, 1)) if today.year == year else dt.date(year, 1, 1)
    month = start.month + CAMPAIGN_MONTHS
    if month > 12:
        return start, dt.date(year, 12, 31)
    same_day = min(start.day, calendar.monthrange(year, month)[1])  # 31/1 → 30/4 (April has no 31st)
    return start, dt.date(year, month, same_day) - dt.timedelta(days=1)


def award_deadline(kind: PlanKind, year: int, campaign_end: dt.date | None) -> dt.date:
    """The default dossier deadline: 15/11 of the plan's year, or :data:`CAMPAIGN_DOSSIER_DAYS` after a campaign's
    end (its results are known only then)."""
    if kind is PlanKind.CAMPAIGN and campaign_end is not None:
        return campaign_end + dt.timedelta(days=CAMPAIGN_DOSSIER_DAYS)
    return dt.date(year, *AWARD_DEADLINE)


# After the commune's own titles and forms (core.plans.award_lines): what it proposes upwards.
AWARD_UPWARD = ("Lựa chọn những tập thể, cá nhân có thành tích đặc biệt xuất sắc trong {movement} để đề nghị "
                "{superior_giver} khen thưởng.")
MOVEMENT = {PlanKind.ANNUAL: "phong trào thi đua", PlanKind.CAMPAIGN: "đợt thi đua"}

ORGANISATION = [
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {unit} và các đoàn thể",
     "Phối hợp tuyên truyền, vận động đoàn viên, hội viên và Nhân dân hưởng ứng phong trào thi đua."),
    ("Các ban, ngành, {villages}",
     "Xây dựng kế hoạch cụ thể, phát động thi đua trong đơn vị mình; gửi hồ sơ đề nghị khen thưởng đúng hạn."),
    ("{drafting_unit}",
     "Tham mưu Hội đồng Thi đua - Khen thưởng theo dõi, đôn đốc, tổng hợp kết quả và hồ sơ khen thưởng."),
]

RECIPIENTS = {  # the body whose plan is carried out first (to report to), then its emulation offices
    "district": ["{superior_body}", "Phòng Nội vụ {superior_short}", "Hội đồng Thi đua - Khen thưởng {superior_short}"],
    "province": ["{superior_body}", "Sở Nội vụ", "Ban Thi đua - Khen thưởng tỉnh"],
}
LOCAL_RECIPIENTS = [
    "Thường trực Đảng ủy, HĐND {unit}",
    "Chủ tịch, các Phó Chủ tịch UBND {unit}",
    "UBMTTQVN và các đoàn thể {unit}",
    "Các ban, ngành, {villages}",
    "Lưu: VT, {drafting_short}",
]


# Words that differ between a rural xã and an urban phường or đặc khu (the defaults never speak of villages and
# nông thôn mới in a phường).
RURAL_WORDS = {
    "villages": "thôn, tổ dân phố",
    "streets": "đường làng, ngõ xóm",
    "economy": "Đẩy mạnh sản xuất nông nghiệp theo hướng nâng cao giá trị, phát triển thương mại, dịch vụ, "
               "tiểu thủ công nghiệp",
    "model_area": "nông thôn mới",
}
URBAN_WORDS = {
    "villages": "tổ dân phố, khu phố",
    "streets": "đường phố, khu dân cư",
    "economy": "Phát triển thương mại, dịch vụ, du lịch và kinh tế đô thị",
    "model_area": "đô thị văn minh",
}
URBAN_UNITS = (UnitType.WARD, UnitType.SPECIAL_ZONE)


def place_words(unit_type: UnitType) -> dict[str, str]:
    """The rural or urban words for a unit of ``unit_type`` (phường and đặc khu are urban)."""
    return URBAN_WORDS if unit_type in URBAN_UNITS else RURAL_WORDS
