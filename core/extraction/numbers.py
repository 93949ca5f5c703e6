"""Vietnamese numbers and units as written in plans.

Numbers use "." for thousands and "," for decimals ("28.603,61" = 28603.61; "1.600" = 1600);
leading zeros are kept in writing ("05%", "01 trường"). Amounts may be written in words
("405 tỉ 449 triệu đồng" = 405.449 tỷ đồng).
"""

from __future__ import annotations

import re

from core.text import fold

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?(?!\d|[.,]\d)|\d+\.\d{1,2}(?!\d)"


def parse_number(text: str) -> float:
    """Parse one Vietnamese-formatted number: "28.603,61" → 28603.61, "1.600" → 1600.0, "1 600" → 1600.0,
    "5.8" → 5.8 (one or two digits after a point are decimals). The one number parser of the project: the
    wizard's targets table reads what the clerk types with it.

    Raises ValueError for text that is not a number.
    """
    text = text.strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    raise ValueError(f"not a number: {text!r}")


# (folded spelling as written, normalised unit). Longest spellings are tried first.
_UNIT_SPELLINGS = [
    ("trieu dong/nguoi/nam", "triệu đồng/người/năm"),
    ("tr.d/nguoi/nam", "triệu đồng/người/năm"),
    ("tr.đ/nguoi/nam", "triệu đồng/người/năm"),
    ("trd/nguoi/nam", "triệu đồng/người/năm"),
    ("tr d/nguoi/nam", "triệu đồng/người/năm"),
    ("trieu dong/nguoi", "triệu đồng/người"),
    ("trieu dong/nam", "triệu đồng/năm"),
    ("kg/nguoi/nam", "kg/người/năm"),
    ("m²/nguoi", "m²/người"),
    ("m2/nguoi", "m²/người"),
    ("ta/ha", "tạ/ha"),
    ("tan/ha", "tấn/ha"),
    ("ty dong", "tỷ đồng"),
    ("ti dong", "tỷ đồng"),
    ("trieu dong", "triệu đồng"),
    ("tr.d", "triệu đồng"),
    ("nghin dong", "nghìn đồng"),
    ("ngan dong", "nghìn đồng"),
    ("trieu usd", "triệu USD"),
    ("trieu ty dong", "triệu tỷ đồng"),
    ("nghin ty dong", "nghìn tỷ đồng"),
    ("ngan ty dong", "nghìn tỷ đồng"),
    ("trieu m2", "triệu m²"),
    ("trieu m²", "triệu m²"),
    ("trieu luot", "triệu lượt"),
    ("trieu", "triệu"),
    ("km/km2", "km/km²"),
    ("km/km²", "km/km²"),
    ("luot nguoi", "lượt người"),
    ("cho lam", "chỗ làm"),
    ("giuong", "giường"),
    ("usd", "USD"),
    ("dong", "đồng"),
    ("ty", "tỷ đồng"),
    ("%/nam", "%/năm"),
    ("%0", "‰"),
    ("%o", "‰"),
    ("‰", "‰"),
    ("%", "%"),
    ("phan tram", "%"),
    ("km²", "km²"),
    ("m²", "m²"),
    ("m2", "m²"),
    ("km", "km"),
    ("ha", "ha"),
    ("tan", "tấn"),
    ("kg", "kg"),
    ("lao dong", "lao động"),
    ("nguoi", "người"),
    ("ho", "hộ"),
    ("xa", "xã"),
    ("thon", "thôn"),
    ("to dan pho", "tổ dân phố"),
    ("khu pho", "khu phố"),
    ("truong", "trường"),
    ("truong hoc", "trường học"),
    ("giay", "giấy"),
    ("hoc sinh", "học sinh"),
    ("doanh nghiep", "doanh nghiệp"),
    ("hop tac xa", "hợp tác xã"),
    ("cong trinh", "công trình"),
    ("du an", "dự án"),
    ("mo hinh", "mô hình"),
    ("san pham", "sản phẩm"),
    ("can nha", "căn nhà"),
    ("ngoi nha", "ngôi nhà"),
    ("giuong benh", "giường bệnh"),
    ("bac si", "bác sĩ"),
    ("dang vien", "đảng viên"),
    ("thanh nien", "thanh niên"),
    ("tan sinh vien", "tân sinh viên"),
    ("luot", "lượt"),
    ("cay", "cây"),
    ("diem", "điểm"),
    ("vu", "vụ"),
    ("co so", "cơ sở"),
    ("thue bao", "thuê bao"),
    # units as written (issue 23 item 4)
    ("lan", "lần"),
    ("con", "con"),
    ("kwh", "kWh"),
    ("trieu kwh", "triệu kWh"),
    ("ty kwh", "tỷ kWh"),
    ("nghin tan", "nghìn tấn"),
    ("ngan tan", "nghìn tấn"),
    ("trieu tan", "triệu tấn"),
    ("ty usd", "tỷ USD"),
    ("ti usd", "tỷ USD"),
    ("nghin usd", "nghìn USD"),
    ("tuoi", "tuổi"),
    ("bac sy", "bác sỹ"),
    ("duoc sy", "dược sỹ"),
    ("duoc si", "dược sĩ"),
    ("phut", "phút"),
    ("bac", "bậc"),  # "chỉ số cải cách hành chính tăng 5 bậc"
]
_UNIT_SPELLINGS.sort(key=lambda p: -len(p[0]))

# Units that count things: a value written before them names its indicator "Số <unit> …".
COUNT_UNITS = frozenset(
    {"người", "lao động", "hộ", "xã", "thôn", "tổ dân phố", "khu phố", "trường", "trường học", "giấy", "học sinh",
     "doanh nghiệp", "hợp tác xã", "công trình", "dự án", "mô hình", "sản phẩm", "căn nhà", "ngôi nhà", "giường bệnh",
     "bác sĩ", "đảng viên", "thanh niên", "lượt", "cây", "vụ", "cơ sở", "thuê bao"}
)


# A per-something suffix written after a unit: "kg/ năm", "lao động/năm", "%/GRDP" (kept in the unit).
_PER_SUFFIX = re.compile(r"\s?/\s?(nam|nguoi|ha|thang|grdp|gdp|ho|xa|van dan|0?1 van dan|10\.000 dan)(?![\w²])")
_PER_WRITTEN = {"nam": "năm", "nguoi": "người", "thang": "tháng", "grdp": "GRDP", "gdp": "GDP", "ho": "hộ", "xa": "xã",
                "van dan": "vạn dân", "1 van dan": "vạn dân", "01 van dan": "vạn dân", "10.000 dan": "vạn dân"}


def match_unit(folded: str, pos: int) -> tuple[str, int] | None:
    """The unit written at ``folded[pos:]`` (after optional spaces) as (normalised unit, end position).

    A unit must end at a word boundary: "tấn" matches in "4.565 tấn," but "ha" does not in "hay".
    A per-time or per-base suffix stays in the unit: "700kg/ năm" → "kg/năm", "1%/GRDP" → "%/GRDP".
    """
    found = _match_bare_unit(folded, pos)
    if found is None:
        return None
    unit, end = found
    while (m := _PER_SUFFIX.match(folded, end)) and not unit.endswith("/" + _PER_WRITTEN.get(m[1], m[1])):
        unit, end = f"{unit}/{_PER_WRITTEN.get(m[1], m[1])}", m.end()
    return unit, end


def _match_bare_unit(folded: str, pos: int) -> tuple[str, int] | None:
    """The unit spelling at ``pos`` after optional spaces (longest first; one ending in a letter or digit must
    not run on into a letter, digit or "²") as (normalised unit, end)."""
    start = pos
    while folded.startswith(" ", start):
        start += 1
    for spelling, unit in _UNIT_SPELLINGS:  # a loop, not one regex: 74 alternatives cost 5 ms to compile at start
        if folded.startswith(spelling, start):
            end = start + len(spelling)
            follower = folded[end : end + 1]
            if spelling[-1].isalnum() and follower.isalnum():  # "²" counts as a digit too
                continue
            return unit, end
    return None


_WORD_AMOUNT = re.compile(
    r"(?P<a>\d+(?:,\d+)?)\s*(?P<big>ty|ti|trieu)\s+(?P<b>\d{1,3})\s*(?P<small>trieu|nghin|ngan)(?:\s+dong)?"
)


def match_word_amount(folded: str, pos: int) -> tuple[float, str, int] | None:
    """An amount in words at ``pos``: "405 tỉ 449 triệu đồng" → (405.449, "tỷ đồng", end)."""
    m = _WORD_AMOUNT.match(folded, pos)
    if not m:
        return None
    big = m["big"]
    if big in ("ty", "ti") and m["small"] == "trieu":
        return parse_number(m["a"]) + int(m["b"]) / 1000, "tỷ đồng", m.end()
    if big == "trieu" and m["small"] in ("nghin", "ngan"):
        return parse_number(m["a"]) + int(m["b"]) / 1000, "triệu đồng", m.end()
    return None


def normalise_unit(text: str) -> str | None:
    """A unit cell of a table ("Tr.đ/người/năm", "m2/người", "tỉ đồng") in its normal spelling, or None if empty."""
    text = text.strip()
    if not text:
        return None
    found = match_unit(fold(text), 0)
    if found and found[1] == len(text):
        return found[0]
    return text
