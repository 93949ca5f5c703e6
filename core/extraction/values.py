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

_NUM = re.compile(r"(?<![\w.,/])(" + NUMBER + r")")
_RANGE_TAIL = re.compile(r"\s*(?:-|–|đến|den)\s*(" + NUMBER + r")")
_FRACTION = re.compile(r"/(\d{1,4})(/\d{1,4})?(?![\w-])")

# Cues written right before the value (only spaces, "mức", "ở mức", ":" between), folded.
_BEFORE_CUES = [
    ("giam xuong con", "reduce_to"), ("giam con", "reduce_to"), ("xuong con", "reduce_to"), ("con lai", "reduce_to"),
    ("khong vuot qua", "<="), ("khong qua", "<="), ("toi da", "<="), ("≤", "<="), ("<=", "<="),
    ("toi thieu", ">="), ("it nhat", ">="), ("≥", ">="), (">=", ">="), ("dat va vuot", ">="), ("dat/vuot", ">="),
    ("vuot", ">="), ("khoang", "~"), ("xap xi", "~"), ("gan", "~"), ("~", "~"), ("tren", ">"), ("hon", ">"),
    (">", ">"), ("duoi", "<"), ("<", "<"), ("giam", "reduce_by"), ("con", "reduce_to"),
    ("dat", "="), ("giu vung", "="), ("la", "="),
]
_CHANGE_CUE = re.compile(r"(?:^|\s)(?:tang|giam)(?:\s+(?:them|binh quan|tu))*\s*$")
_COMPARED = re.compile(r"\s*(?:\(|,)?\s*(?:so voi|so\s+(?:uoc|ke hoach|cung ky|nam))")
_OF_QUOTA = re.compile(r"\s*(?:so voi\s+)?(?:chi tieu|ke hoach|du toan)\b")
_FILLER = re.compile(r"(?:\s|:|o muc|muc|phan dau|bang|dat)*$")
_PAST_RESULT = re.compile(r"(?<!so voi )nam (\d{4})\s*(?:da |uoc |)(?:dat|la|:)?\s*$")
_RATIO_CUE = re.compile(r"(?:^|\s)bang\s*$")
_AFTER_CUE = re.compile(r"\s*(tro len|tro xuong)\b")


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


_OWN_NAME = re.compile(r"\(\s*(?:trong do|ty le|ty trong|toc do|tong|so )")
# Cues and filler words before a value never run longer than this: patterns anchored at a value's start
# look back this far only, so a clause of a million characters costs no more per value than a short one.
_LOOK_BACK = 200


def is_restatement(folded: str, v: Value, previous: Value | None, parentheses: _Parentheses) -> bool:
    """Whether ``v`` only restates the value before it in the same clause (eval/README conventions):

    * a parenthesis after a value: "50% (8 xã)", "(còn 7%)", "(tương ứng từ 840-930 hộ)" — but not a
      sub-target "(trong đó, nước sạch đạt trên 90%)" or one naming its own indicator "(Tỷ lệ trường … 81,69%)";
    * a change written after a value: "3.621 tỷ đồng, tăng 8,53% so với năm 2023", "11.892 tỷ đồng, tăng 3,07%";
    * a ratio to the quota after a value: "10 tỷ đồng, đạt 681,8% so với chỉ tiêu giao".
    """
    if previous is None:
        return False
    depth, opened = parentheses.at(v.start)
    if depth and opened > previous.start and not _OWN_NAME.match(folded, opened):
        return True
    between = folded[previous.end : v.start]
    if ";" in between or "." in between.strip(" ."):
        return False
    if _CHANGE_CUE.search(folded, max(0, v.start - _LOOK_BACK), v.start) and "," in between:
        return bool(_COMPARED.match(folded, v.end)) or previous.unit != v.unit
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
    low = max(0, pos - _LOOK_BACK)
    trimmed = low + len(folded[low:pos].rstrip())  # end of the text before the value, spaces aside
    for spelling, comparator in _BEFORE_CUES:
        if folded.endswith(spelling, low, trimmed):
            start = trimmed - len(spelling)
            if spelling[0].isalpha() and start > 0 and folded[start - 1].isalnum():
                continue
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
        pos = m.end()
        start, end = m.start(), m.end()
        amount = match_word_amount(folded, start)
        if amount:
            value, unit, end = amount
            value_max = None
            fraction = False
        else:
            try:
                value = parse_number(m.group(1))
            except ValueError:
                continue
            value_max = None
            fraction = False
            frac = _FRACTION.match(clause, end)
            if frac:
                if frac.group(2):  # a date dd/mm/yyyy
                    pos = frac.end()
                    continue
                end = frac.end()
                fraction = True
            elif clause[end : end + 1] == "/":  # document number "08/KH-UBND"
                continue
            rng = _RANGE_TAIL.match(folded, end)
            if rng and not fraction:
                unit_after = match_unit(folded, rng.end())
                if unit_after:
                    value_max = parse_number(clause[rng.start(1) : rng.end(1)])
                    end = rng.end()
            found_unit = match_unit(folded, end)
            if not found_unit:
                continue
            unit, end = found_unit
            rng = _RANGE_TAIL.match(folded, end)  # "7,5% - 8%", "80,4 triệu đồng đến 80,8 triệu đồng"
            again = match_unit(folded, rng.end()) if rng and value_max is None and not fraction else None
            if again and again[0] == unit:
                value_max = parse_number(clause[rng.start(1) : rng.end(1)])
                end = again[1]
        pos = max(pos, end)
        cue, cue_start = _cue_before(folded, start)
        after = _AFTER_CUE.match(folded, end)
        if after:
            cue = ">=" if after.group(1) == "tro len" else "<="
            end = after.end()
        if not keep_skipped and _RATIO_CUE.search(folded, max(0, start - _LOOK_BACK), start) \
                and "so voi" in folded[end : end + 20]:
            continue  # restated ratio: "bằng 106% so với năm 2022"
        past = _PAST_RESULT.search(folded, max(0, cue_start - _LOOK_BACK), cue_start)
        if not keep_skipped and past and plan_year and int(past.group(1)) < plan_year:
            continue  # last year's result
        value_found = Value(start, end, value, value_max, unit, cue, cue_start, fraction)
        if not keep_skipped and is_restatement(folded, value_found, previous, parentheses):
            continue
        previous = value_found
        yield value_found
