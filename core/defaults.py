"""Default texts of a new plan, written for this application (not taken from any real plan).

Each list item is one bullet of the printed plan; the clerk edits them in the wizard.
"""

from __future__ import annotations

import datetime as dt

from core.models import Field, PlanKind

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
    "đoàn thể, thôn, tổ dân phố; tránh hình thức, phô trương.",
    "Nội dung thi đua cụ thể, chỉ tiêu rõ ràng, có thể đo lường được; thường xuyên theo dõi, đôn đốc, "
    "sơ kết, tổng kết để rút kinh nghiệm.",
    "Việc bình xét khen thưởng bảo đảm chính xác, công khai, minh bạch, công bằng, kịp thời, đúng quy định "
    "của Luật Thi đua, khen thưởng.",
]

CONTENT = {
    Field.ECONOMY: (
        "Thi đua phát triển kinh tế",
        "Đẩy mạnh sản xuất nông nghiệp theo hướng nâng cao giá trị, phát triển thương mại, dịch vụ, "
        "tiểu thủ công nghiệp; huy động mọi nguồn lực xây dựng kết cấu hạ tầng và nông thôn mới; "
        "phấn đấu hoàn thành và vượt dự toán thu ngân sách được giao.",
    ),
    Field.CULTURE_SOCIETY: (
        "Thi đua phát triển văn hóa - xã hội",
        "Nâng cao chất lượng giáo dục, chăm sóc sức khỏe Nhân dân; thực hiện tốt chính sách an sinh xã hội, "
        "giảm nghèo bền vững, giải quyết việc làm; đẩy mạnh phong trào xây dựng đời sống văn hóa ở khu dân cư.",
    ),
    Field.ENVIRONMENT: (
        "Thi đua bảo vệ môi trường",
        "Thu gom, xử lý rác thải sinh hoạt đúng quy định; giữ gìn vệ sinh đường làng, ngõ xóm; "
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

def standing_bases(year: int, on: dt.date | None = None) -> list[dict]:
    """The căn cứ every commune plan of ``year`` starts with: the Luật Thi đua, khen thưởng 06/2022/QH15 (in force
    1/1/2024) and its decree in force that year: NĐ 98/2023/NĐ-CP until 30/6/2025, then NĐ 152/2025/NĐ-CP
    (GUIDE §4). The clerk may edit or remove them. A document with a date ``on`` (a Quyết định khen thưởng) gets
    the decree in force on that date rather than in its year."""
    law = {"doc_type": "Luật", "number": "06/2022/QH15", "issue_date": dt.date(2022, 6, 15), "issuer": "Quốc hội",
           "summary": "Thi đua, khen thưởng"}
    if (on >= dt.date(2025, 7, 1)) if on else year >= 2026:
        decree = {"number": "152/2025/NĐ-CP", "issue_date": dt.date(2025, 6, 14)}
    else:
        decree = {"number": "98/2023/NĐ-CP", "issue_date": dt.date(2023, 12, 31)}
    return [law, {"doc_type": "Nghị định", "issuer": "Chính phủ",
                  "summary": "quy định chi tiết và hướng dẫn thi hành Luật Thi đua, khen thưởng", **decree}]


AWARD_DEADLINE = (11, 15)  # (month, day) in the plan's year: dossiers due before the year-end review

AWARD = [
    "Chủ tịch Ủy ban nhân dân {unit} tặng Giấy khen cho các tập thể, cá nhân có thành tích tiêu biểu, xuất sắc "
    "trong phong trào thi đua.",
    "Lựa chọn những tập thể, cá nhân có thành tích đặc biệt xuất sắc để đề nghị cấp trên khen thưởng.",
]

ORGANISATION = [
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {unit} và các đoàn thể",
     "Phối hợp tuyên truyền, vận động đoàn viên, hội viên và Nhân dân hưởng ứng phong trào thi đua."),
    ("Các ban, ngành, thôn, tổ dân phố",
     "Xây dựng kế hoạch cụ thể, phát động thi đua trong đơn vị mình; gửi hồ sơ đề nghị khen thưởng đúng hạn."),
    ("{drafting_unit}",
     "Tham mưu Hội đồng Thi đua - Khen thưởng theo dõi, đôn đốc, tổng hợp kết quả và hồ sơ khen thưởng."),
]

RECIPIENTS = {
    "district": ["Phòng Nội vụ {superior_short}", "Hội đồng Thi đua - Khen thưởng {superior_short}"],
    "province": ["Sở Nội vụ", "Ban Thi đua - Khen thưởng tỉnh"],
}
LOCAL_RECIPIENTS = [
    "Thường trực Đảng ủy, HĐND {unit}",
    "Chủ tịch, các Phó Chủ tịch UBND {unit}",
    "UBMTTQVN và các đoàn thể {unit}",
    "Các ban, ngành, thôn, tổ dân phố",
    "Lưu: VT, {drafting_short}",
]
