"""Finding the values of targets in a clause, with their unit and comparator (GUIDE §3).

A value is a number followed by a unit ("85%", "1.600 người", "8m²/người", "5,8‰"), a range
("6,5-7%", "13 - 14 xã"), a fraction ("04/09 thôn" → 4) or an amount in words ("405 tỉ 449 triệu
đồng"). Numbers without a unit are not values: years, document numbers, dates, "dưới 5 tuổi",
"19 tiêu chí", "17 chỉ tiêu". Restated ratios ("bằng 106% so với năm 2022") and last year's
results ("năm 2024 đạt 95%") are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from core.text import fold
from core.extraction.numbers import NUMBER, match_unit, match_word_amount, parse_number

_NUM = re.compile(r"(?<![\w.,/])(?<!\d{4}-)(?<!\d{4}-\d\d-)(" + NUMBER + r")")  # not the month or day of "2026-01-08"
# "6,5-7", "6,5 – 7", "từ 6,5 đến 7"; OCR reads the dash as "—", "~" or doubles it ("11,0-— 11,5")
_RANGE_TAIL = re.compile(r"\s*(?:[-–—~]{1,2}|đến|den)\s*(" + NUMBER + r")")
_FRACTION = re.compile(r"/(\d{1,3}(?:\.\d{3})+|\d{1,4})(/\d{1,4})?(?![\w-])")

# Cues written right before the value (only spaces, "mức", "ở mức", ":" between), folded.
_BEFORE_CUES = [
    # bounds in words (issue 23 item 2): "không dưới 95%" is at least 95%, "không quá 3 vụ" at most 3
    ("khong duoi", ">="), ("khong thap hon", ">="), ("khong it hon", ">="),
    ("khong vuot", "<="), ("khong cao hon", "<="), ("khong nhieu hon", "<="), ("khong lon hon", "<="),
    ("giam xuong con", "reduce_to"), ("giam con", "reduce_to"), ("xuong con", "reduce_to"), ("con lai", "reduce_to"),
    ("khong vuot qua", "<="), ("khong qua", "<="), ("toi da", "<="), ("≤", "<="), ("<=", "<="),
    ("toi thieu", ">="), ("it nhat", ">="), ("≥", ">="), (">=", ">="), ("dat va vuot", ">="), ("dat/vuot", ">="),
    ("vuot", ">="), ("khoang", "~"), ("xap xi", "~"), ("gan", "~"), ("~", "~"), ("tren", ">"), ("hon", ">"),
    (">", ">"), ("duoi", "<"), ("<", "<"), ("giam tu", "reduce_by"), ("giam", "reduce_by"), ("con", "reduce_to"),
    ("tu", ">="),  # "tăng từ 10%": from 10% up
    ("dat", "="), ("giu vung", "="), ("la", "="), ("len", "="),  # "nâng tỷ lệ … lên 95%"
]
_CHANGE_CUE = re.compile(r"(?:^|\s)(?:tang|giam)(?:\s+(?:them|binh quan|tu))*\s*$")
_COMPARED = re.compile(r"\s*(?:\(|,)?\s*(?:so voi|so\s+(?:uoc|ke hoach|cung ky|nam))")
_BARE_RATIO = re.compile(r"\s*,\s*(?:dat|bang)\s+[\d.,]+\s*%\s*(?:[,;.]|$)")
_OF_QUOTA = re.compile(r"\s*(?:so voi\s+)?(?:chi tieu|ke hoach|du toan)\b")
_FILLER = re.compile(r"(?:\s|:|o muc|muc|phan dau|bang|dat)*$")
_NAME_UNITS = frozenset({"tuổi", "phút"})
_AREA_UNITS = frozenset({"ha", "m²", "km²", "sào"})  # units that count only after "đạt", "là", "khoảng"
_VOTE = re.compile(r"\s*(?:tong so )?dai bieu\b")
# Numbers that describe the unit rather than set a target: "sáp nhập từ 3 xã", "diện tích tự nhiên 112 km2",
# "dân số 22.312 người" (with no cue: "quy mô dân số khoảng …" is a target), "168 đại biểu đại diện cho hơn
# 1.000 đảng viên" (a commune formed by merger, a congress).
_FACT_BEFORE = re.compile(
    r"\b(?:sap nhap(?: tu)?|dien tich tu nhien(?: la)?|(?<!quy mo )dan so|dai dien cho(?: hon| gan| tren)?"
    r"|\d+ (?:chi bo|to chuc (?:co so )?dang)(?: truc thuoc)?\s*(?:,|voi|gom))\s*$")  # "39 tổ chức đảng, 697 đảng viên"
_PAST_RESULT = re.compile(r"(?<!so voi )nam (\d{4})\s*(?:da |uoc |)(?:dat|la|:)?\s*$")


_RATIO_CUE = re.compile(r"(?:^|\s)bang\s*$")
_AFTER_CUE = re.compile(r"\s*(tro len|tro xuong)\b")
_OWN_NAME = re.compile(
    r"\(\s*(?:trong do|rieng|ty le|ty trong|toc do|tong|so |(?!de\b|con\b)[^\W\d_][^()\d]{0,60}?\sdat\s)")
# Cues and filler words before a value never run longer than this: patterns anchored at a value's start
# look back this far only, so a clause of a million characters costs no more per value than a short one.
_LOOK_BACK = 200


class _Parentheses:
    """Open parentheses along one clause, read once from left to right: asking at increasing positions (the
    values of a clause, in order) costs the clause's length in all, not its length for each value."""

    _PAREN = re.compile(r"[()]")

    def __init__(self, clause: str):
        self.clause, self.read_to = clause, 0
        self.stack: list[int] = []

    def at(self, pos: int) -> tuple[int, int]:
        """(depth of parentheses at ``pos``, start of the innermost open parenthesis or -1)."""
        if pos < self.read_to:
            self.read_to, self.stack = 0, []  # asked about an earlier position: read again from the start
        for m in self._PAREN.finditer(self.clause, self.read_to, pos):
            if m.group() == "(":
                self.stack.append(m.start())
            elif self.stack:
                self.stack.pop()
        self.read_to = max(self.read_to, pos)
        return len(self.stack), (self.stack[-1] if self.stack else -1)


def _back(pos: int) -> int:
    """Where a look back from ``pos`` starts (see :data:`_LOOK_BACK`)."""
    return max(0, pos - _LOOK_BACK)


def is_restatement(folded: str, v: Value, previous: Value | None, parentheses: _Parentheses) -> bool:
    """Whether ``v`` only restates the value before it in the same clause (eval/README conventions):

    * a parenthesis after a value: "50% (8 xã)", "(còn 7%)", "(tương ứng từ 840-930 hộ)" — but not a
      sub-target "(trong đó, nước sạch đạt trên 90%)", "(hợp vệ sinh đạt 100%)" (not "(để đạt 84% trở lên)"),
      "(riêng các xã khó khăn giảm 4%)" or one naming its own indicator "(Tỷ lệ trường … 81,69%)";
    * a change written after a value: "3.621 tỷ đồng, tăng 8,53% so với năm 2023", "11.892 tỷ đồng, tăng 3,07%";
    * a ratio to the quota after a value: "10 tỷ đồng, đạt 681,8% so với chỉ tiêu giao", "900 tỷ đồng, đạt 130%".
    """
    if previous is None:
        return False
    depth, opened = parentheses.at(v.start)
    if depth and opened > previous.start and not _OWN_NAME.match(folded, opened):
        return True
    between = folded[previous.end : v.start]
    if ";" in between or "." in between.strip(" ."):
        return False
    if _CHANGE_CUE.search(folded, _back(v.start), v.start) and "," in between:
        return bool(_COMPARED.match(folded, v.end)) or previous.unit != v.unit
    if "," in between and v.unit == "%" and previous.unit != "%" and _BARE_RATIO.match(folded, previous.end):
        return True  # "thu ngân sách 900 tỷ đồng, đạt 130%": the share of the plan reached
    return "," in between and v.unit == "%" and bool(_OF_QUOTA.match(folded, v.end))


@dataclass(frozen=True)
class Value:
    """A value found in a clause: positions in the clause, number(s), unit and the cue's comparator."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    cue: str | None  # comparator written next to the value, None when there is none
    cue_start: int  # where the cue (or the value) starts: the indicator ends before it
    fraction: bool = False


def _cue_before(folded: str, pos: int) -> tuple[str | None, int]:
    low = _back(pos)
    trimmed = low + len(folded[low:pos].rstrip())  # end of the text before the value, spaces aside
    for spelling, comparator in _BEFORE_CUES:
        if folded.endswith(spelling, low, trimmed):
            start = trimmed - len(spelling)
            if spelling[0].isalpha() and start > 0 and folded[start - 1].isalnum():
                continue
            if spelling == "tu" and folded.endswith("dau ", low, start):
                continue  # "vốn đầu tư 500 tỷ đồng": "tư" of investment, not "từ"
            if spelling == "tu" and re.search(r"\bgiam\b[^,;.]{0,40}$", folded[:start]):
                return "reduce_by", start  # "giảm tai nạn giao thông từ 5-10%": a reduction from its verb
            if spelling == "dat":  # "đạt" alone: look for a stronger cue before it ("đạt trên 90%")
                inner, inner_start = _cue_before(folded, start)
                if inner is not None and inner != "=":
                    return inner, inner_start
            return comparator, start
    # allow filler words between cue and value: "ở mức dưới 2,3%", "giảm còn: 5%"
    m = _FILLER.search(folded, low, pos)
    if m and m.start() < pos and m.group().strip():
        cue, start = _cue_before(folded, m.start())
        if cue is not None:
            return cue, start
        return None, m.start() if "dat" in m.group() or ":" in m.group() else pos
    return None, pos


@dataclass(frozen=True)
class _Quantity:
    """A number with its unit as written, before its cue is read: positions in the clause, value(s), unit."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    fraction: bool = False


# A unit the list does not know is the word written after the number, when a cue says the number is a value
# ("đạt 300 bể", "ít nhất 12 đầu sách"): never a word that counts parts of a name or a time ("19 tiêu chí", "5 năm").
_STRONG_CUE = re.compile(r"(?:\b(?:dat|la|khoang|it nhat|toi thieu|khong duoi|khong qua|toi da|them)|:)\s*$")
_WORD_AFTER = re.compile(r"\s?([^\W\d_A-ZĐ]{2,})(?=[\s,.;:)]|$)")
_NOT_UNITS = frozenset(
    ["tieu", "chi", "nam", "thang", "ngay", "quy", "tuan", "gio", "nhiem", "noi", "lan", "thu", "va", "cua", "so",
     "voi", "trong", "tren", "duoi", "theo", "tai", "o", "tu", "den", "cho", "tro", "nguoi"])


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:nam|nien khoa|nien do)\s*$")
_PER_BASE = re.compile(r"/\s?(10{0,2}(?:\.000)+)\s+((?:[^\W\d_]+ ?){1,4})")  # a power of ten: "/100.000 dân"


def _word_unit(clause: str, folded: str, start: int, end: int) -> tuple[str, int] | None:
    """(the word after the number as its unit, its end) when the number is a value of an unknown unit."""
    if not _STRONG_CUE.search(folded, _back(start), start):
        return None
    m = _WORD_AFTER.match(clause, end)
    if not m or fold(m.group(1)) in _NOT_UNITS:
        return None
    return m.group(1), m.end()


def _quantity(clause: str, folded: str, m: re.Match) -> tuple[_Quantity | None, int]:
    """The quantity whose number ``m`` matched, and where the search goes on; None for a number without a unit,
    a date or a document number."""
    start, end = m.start(), m.end()
    amount = match_word_amount(folded, start)  # "405 tỉ 449 triệu đồng"
    if amount:
        return _Quantity(start, amount[2], amount[0], None, amount[1]), amount[2]
    if _YEAR.fullmatch(m.group(1)) and _YEAR_BEFORE.search(folded, _back(start), start):
        return None, end  # "năm 2026 xã … phấn đấu": a year, whatever word follows it
    try:
        value = parse_number(m.group(1))
    except ValueError:
        return None, end
    per = _PER_BASE.match(clause, end)
    if per:  # "45/100.000 trẻ đẻ ra sống": a rate per a base, not a fraction
        words = per.group(2).split()
        cut = next((i for i, w in enumerate(words) if fold(w) in _NOT_UNITS), len(words))
        if cut:
            unit = f"/{per.group(1)} {' '.join(words[:cut])}"
            stop = per.start(2) + len(" ".join(words[:cut]))
            return _Quantity(start, stop, value, None, unit), stop
    frac = _FRACTION.match(clause, end)
    if frac and frac.group(2):  # a date dd/mm/yyyy
        return None, frac.end()
    if not frac and clause[end : end + 1] == "/":  # document number "08/KH-UBND"
        return None, end
    if frac:  # "04/09 thôn" → 4
        found_unit = match_unit(folded, frac.end())
        if not found_unit:
            return None, frac.end()
        return _Quantity(start, found_unit[1], value, None, found_unit[0], True), found_unit[1]
    value_max = None
    rng = _RANGE_TAIL.match(folded, end)  # "6,5-7%", "từ 65,0 đến 65,5%"
    if rng and match_unit(folded, rng.end()):
        value_max = parse_number(clause[rng.start(1) : rng.end(1)])
        end = rng.end()
    found_unit = match_unit(folded, end) or _word_unit(clause, folded, start, end)
    if not found_unit or (found_unit[0] == "đồng" and folded.startswith(" chi", found_unit[1])):
        return None, end  # no unit, or "15 đồng chí" (comrades, not dong)
    unit, end = found_unit
    rng = _RANGE_TAIL.match(folded, end)  # "7,5% - 8%", "80,4 triệu đồng đến 80,8 triệu đồng"
    again = match_unit(folded, rng.end()) if rng and value_max is None else None
    if rng and again and again[0] == unit:
        value_max = parse_number(clause[rng.start(1) : rng.end(1)])
        end = again[1]
    return _Quantity(start, end, value, value_max, unit), end


def _not_a_target(folded: str, q: _Quantity, cue_start: int, plan_year: int | None) -> bool:
    """Whether a quantity only looks like a target: a restated ratio ("bằng 106% so với năm 2022") or last year's
    result ("năm 2024 đạt 95%")."""
    if _RATIO_CUE.search(folded, _back(q.start), q.start) and "so voi" in folded[q.end : q.end + 20]:
        return True
    past = _PAST_RESULT.search(folded, _back(cue_start), cue_start)
    return bool(past and plan_year and int(past.group(1)) < plan_year)


def _in_name(folded: str, q: _Quantity, cue: str | None) -> bool:
    """Whether a quantity belongs to the indicator's name or is no target at all: "trẻ em dưới 5 tuổi",
    "ùn tắc kéo dài trên 30 phút" (such units count only after "đạt", "là", "khoảng"), "trên 1 ha" (per hectare), a fact
    ("sáp nhập từ 3 xã", "diện tích tự nhiên 112 km2") or a vote "với trên 90,5% đại biểu tán thành"."""
    if q.unit in _NAME_UNITS and cue not in ("=", "~"):
        return True
    if _FACT_BEFORE.search(folded, _back(q.start), q.start):
        return True
    if cue == ">" and q.value == 1 and q.value_max is None and q.unit in _AREA_UNITS:
        return True  # "giá trị sản xuất trên 1 ha canh tác": per hectare
    return q.unit == "%" and bool(_VOTE.match(folded, q.end))


@lru_cache(maxsize=8192)  # the extractor asks about the same clause at several steps
def find_values(clause: str, plan_year: int | None = None, keep_skipped: bool = False) -> tuple[Value, ...]:
    """Every value written in ``clause``, in order (see the module docstring for what counts).

    With ``keep_skipped`` restated ratios and last year's results are kept too: a clause that has
    any quantity is then never taken for a qualitative target.
    """
    found = list(_values(clause, plan_year, keep_skipped))
    if len(found) > 1:  # "100% (4/4 thôn)": the fraction only restates the other value
        found = [v for v in found if not v.fraction] or found
    return tuple(found)


def holds_value(clause: str, plan_year: int | None = None) -> bool:
    """Whether ``clause`` holds a value (``bool(find_values(clause, plan_year))``), reading only up to the first
    one: a paragraph of a million characters is then not read twice in full."""
    return next(_values(clause, plan_year, False), None) is not None


def _values(clause: str, plan_year: int | None, keep_skipped: bool) -> Iterator[Value]:
    """The values of :func:`find_values` one by one, before the fraction rule (which never empties them)."""
    folded = fold(clause)
    parentheses = _Parentheses(clause)
    previous: Value | None = None
    pos = 0
    while (m := _NUM.search(clause, pos)) is not None:
        q, pos = _quantity(clause, folded, m)
        pos = max(pos, m.end())
        if q is None:
            continue
        cue, cue_start = _cue_before(folded, q.start)
        end = q.end
        after = _AFTER_CUE.match(folded, end)
        if after and cue not in ("reduce_by", "reduce_to"):  # "giảm 3% trở lên" stays a reduction
            cue = ">=" if after.group(1) == "tro len" else "<="
        if after:
            end = after.end()
        if _in_name(folded, q, cue) or (not keep_skipped and _not_a_target(folded, q, cue_start, plan_year)):
            continue
        value_found = Value(q.start, end, q.value, q.value_max, q.unit, cue, cue_start, q.fraction)
        if not keep_skipped and is_restatement(folded, value_found, previous, parentheses):
            continue
        previous = value_found
        yield value_found
