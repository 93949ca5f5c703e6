"""The domain's closed vocabularies (kinds, statuses, fields, comparators) as enums, apart from the tables in
core.models so that reading and extraction, which store nothing, import no SQLAlchemy."""

from __future__ import annotations

import enum


class UnitType(str, enum.Enum):
    """Kind of commune-level unit (đơn vị hành chính cấp xã): xã, phường, đặc khu (Luật Tổ chức chính quyền
    địa phương 72/2025/QH15, Điều 2); thị trấn existed until 30/6/2025 and stays only for older records."""

    COMMUNE = "xã"
    WARD = "phường"
    SPECIAL_ZONE = "đặc khu"
    TOWNSHIP = "thị trấn"


class SuperiorLevel(str, enum.Enum):
    """Level of the superior body: district (until 30/6/2025) or province (two-level government since 1/7/2025)."""

    DISTRICT = "district"
    PROVINCE = "province"


class PlanKind(str, enum.Enum):
    """Annual plan (kế hoạch năm) or campaign plan (đợt thi đua cao điểm)."""

    ANNUAL = "annual"
    CAMPAIGN = "campaign"


class PlanStatus(str, enum.Enum):
    """Draft (bản nháp) or issued (đã ban hành); an issued plan is never altered."""

    DRAFT = "draft"
    ISSUED = "issued"


class SectionKind(str, enum.Enum):
    """Typed parts of the plan's body, in the order of the required structure (GUIDE §1)."""

    BASIS = "basis"  # căn cứ / preamble
    PURPOSE = "purpose"  # mục đích
    REQUIREMENT = "requirement"  # yêu cầu
    CONTENT = "content"  # nội dung thi đua, one per field
    AWARD = "award"  # khen thưởng
    TIMELINE = "timeline"  # thời gian (campaign plans)
    ORGANISATION = "organisation"  # tổ chức thực hiện
    CLOSING = "closing"  # closing paragraph before Nơi nhận


class Comparator(str, enum.Enum):
    """How a target's value is to be read (GUIDE §3)."""

    EQ = "="
    APPROX = "~"
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    REDUCE_BY = "reduce_by"
    REDUCE_TO = "reduce_to"
    QUALITATIVE = "qualitative"


class Field(str, enum.Enum):
    """Field (lĩnh vực) a target or a content section belongs to."""

    ECONOMY = "kinh_te"
    CULTURE_SOCIETY = "van_hoa_xa_hoi"
    ENVIRONMENT = "moi_truong"
    DEFENCE_SECURITY = "quoc_phong_an_ninh"
    PARTY_GOVERNMENT = "xay_dung_dang_chinh_quyen"
    OTHER = "other"


class NomineeKind(str, enum.Enum):
    """Individual (cá nhân), collective (tập thể) or household (hộ gia đình)."""

    INDIVIDUAL = "individual"
    COLLECTIVE = "collective"
    HOUSEHOLD = "household"


class NominationStatus(str, enum.Enum):
    """Life of a nomination: drafted, reviewed by the commune's council (bình xét), sent to the granting level,
    granted or refused. Which of them a nomination passes through depends on its route (:class:`AwardRoute`)."""

    DRAFT = "draft"
    REVIEWED = "reviewed"
    SUBMITTED = "submitted"
    GRANTED = "granted"
    REFUSED = "refused"


class AwardKind(str, enum.Enum):
    """Kind of award (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 8): thường xuyên, đột xuất, chuyên đề, theo đợt."""

    REGULAR = "regular"
    SUDDEN = "sudden"
    THEMATIC = "thematic"
    CAMPAIGN = "campaign"


class AwardRoute(str, enum.Enum):
    """Who decides a nomination, read from its catalogue entry's ``decided_by``: the commune's own Chairman
    (xã quyết định: Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80 khoản 3) or a higher level, to which the
    commune sends a Tờ trình (đề nghị cấp trên)."""

    COMMUNE = "commune"
    UPWARD = "upward"
