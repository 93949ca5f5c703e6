"""Targets written as a table, whatever its shape (GUIDE §3; issue 23 item 1).

The header row names each column's role — row number, label, unit, result, estimate, plan, comparison — and
only plan columns hold targets, wherever they stand ("TH năm 2023 | KH năm 2024 | Ước TH 2024 | Đánh giá":
the second). A table with two plan columns (two resolutions, "Kế hoạch" and "Phấn đấu", "Mục tiêu đến năm
2020 | … 2025") gives one target per column. A value column whose header has no role word ("Năm 2026",
"Tăng trưởng GRDP 2026 - 2030 (%)") is a plan column unless the table has one already, the latest year first.
A table with estimates and no plan column ("Ước thực hiện năm 2027" under a title announcing 2027) may state
targets or results: its latest estimate column is listed with a low confidence, unticked ("Có thể là chỉ tiêu"),
rather than dropped.

Rows without a number in any value column are group rows ("I | Kinh tế", "Cơ cấu kinh tế"): they give the
field of the rows under them (a tie-break after the indicator's own words) and the head of their sub-rows
("- Dịch vụ (%)" → "Cơ cấu kinh tế - Dịch vụ"). The unit comes from the unit column, else the value cell
("4.900 USD"), the row label ("(%)", "(Tỷ đồng)", "(trên 100000 trẻ đẻ ra sống)"), the column header, or what
the name implies ("Tỷ lệ …" → %, "Số bác sĩ …" → bác sĩ).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field as dc_field

from core.extraction import fields
from core.extraction.evidence import CONFIDENCE
from core.extraction.model import ExtractedTarget
from core.extraction.names import (
    INDICATOR_START, column_name, cut_translation, growth_name, implied_unit,
)
from core.extraction.numbers import match_unit, normalise_unit
from core.extraction.values import Value, find_values
from core.reading import Line
from core.terms import Field
from core.text import fold

NUMBER, LABEL, UNIT, RESULT, ESTIMATE, PLAN, COMPARISON, VALUE = (
    "number", "label", "unit", "result", "estimate", "plan", "comparison", "value")
VALUE_ROLES = (RESULT, ESTIMATE, PLAN, VALUE)

_PLACES = r"^(?:tinh,? thanh pho|dia phuong|don vi hanh chinh|ten (?:xa|don vi|dia phuong)|xa,? phuong|huyen)"
# Header words of each role, folded, tried in this order ("Ước thực hiện" is an estimate before it is a result).
_ROLE_WORDS = [
    (NUMBER, re.compile(r"^(?:s?tt|so tt|so thu tu)\.?$")),
    (LABEL, re.compile(_PLACES)),
    (UNIT, re.compile(r"^(?:don vi tinh|dvt|d\.v\.t|don vi)\b")),
    (COMPARISON, re.compile(r"so sanh|danh gia|ghi chu|^ty le\s*%|%\s*(?:so|kh|ke hoach)|\bso voi\b|tang\s*/\s*giam|"
                            r"\b(?:kh|th|uth|ke hoach|thuc hien)\b[^/]{0,12}/")),  # "KH 2027/ƯTH 2026 (%)"
    (ESTIMATE, re.compile(r"^(?:du )?uoc\b|\buoc (?:th|thuc hien|dat|tinh)\b|\buth\b")),
    (RESULT, re.compile(r"thuc hien|^th\b|ket qua|da dat|implemented")),
    (PLAN, re.compile(
        r"ke hoach|^kh\b|muc tieu|phan dau|nghi quyet|du kien|\bgiao\b|chi tieu\b.*(?:\bnam\b|20\d\d|\()")),
    (LABEL, re.compile(r"^(?:cac |ten )?chi tieu|^noi dung|^ten\b|^danh muc|^linh vuc")),
]
_YEAR = re.compile(r"\b(20\d\d)\b")
_BARE_NUMBERS = re.compile(r"[\d.,%\s≥≤<>~*–-]+")


def column_role(header: str) -> str | None:
    """The role of one header cell (see the module docstring), None for an empty or unknown one."""
    folded = fold(header).strip()
    if not folded:
        return None
    for role, words in _ROLE_WORDS:
        if words.search(folded):
            return role
    if _YEAR.search(folded) or re.search(r"\([^()]{1,20}\)\s*$", folded):
        return VALUE  # "Năm 2026", "Tăng trưởng GRDP (%)"
    return None


def column_roles(cells: list[str]) -> list[str | None] | None:
    """Roles of a header row's cells, value columns resolved into plan or result; None when the row is no
    header (no value column, or a cell that is a bare number)."""
    if any(c.strip() and _BARE_NUMBERS.fullmatch(c.strip()) for c in cells):
        return None
    roles = [column_role(c) for c in cells]
    if not any(r in VALUE_ROLES for r in roles) or not any(r in (LABEL, NUMBER) for r in roles):
        return None
    if LABEL not in roles:  # an allocation table: the places' column has no header ("TT | | Mục tiêu … (%)")
        empty = next((i for i, c in enumerate(cells) if not c.strip()), None)
        if empty is None:
            return None
        roles[empty] = LABEL
    generic = [i for i, r in enumerate(roles) if r == VALUE]
    if generic:
        has_plan = PLAN in roles
        years = {i: max((int(y) for y in _YEAR.findall(cells[i])), default=0) for i in generic}
        latest = max(years.values())
        for i in generic:
            roles[i] = RESULT if has_plan or years[i] < latest else PLAN
    return roles


_LABEL_UNIT = re.compile(r"[(;]\s*([^();]{1,40}?)\s*\)")
_PER_BASE = re.compile(r"^trên\s+(\d[\d.]*\s+\S.*)$", re.I)  # "(trên 100000 trẻ đẻ ra sống)"
_ROW_MARKER = re.compile(r"^\s*(?:[-+•*]\s*)*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+(?=\D))?(?:trong đó\s*:?\s*)?", re.I)
_GROUP_TAIL = re.compile(r"[,;:]?\s*(?:trong đó|gồm|bao gồm)?\s*:?\s*$", re.I)


def label_unit(label: str) -> tuple[str | None, str]:
    """(unit, label without it) for a row label or a column header: "GRDP bình quân đầu người (USD)" →
    ("USD", "GRDP bình quân đầu người"); "(%0)" → ‰; "(năm)" → năm; "(trên 100000 trẻ đẻ ra sống)" →
    "/100000 trẻ đẻ ra sống". A bracket naming no unit ("(GDP)", "(không tính giường trạm y tế xã)") stays."""
    for m in reversed(list(_LABEL_UNIT.finditer(label))):
        inner = m.group(1).strip()
        per = _PER_BASE.match(inner)
        known = match_unit(fold(inner), 0)
        if per:
            unit = "/" + per.group(1)
        elif known and known[1] == len(inner):
            unit = known[0]
        elif inner.islower() and len(inner.split()) <= 2 and not any(ch.isdigit() for ch in inner):
            unit = inner
        else:
            continue
        start = m.start() if label[m.start()] == "(" else label.rfind("(", 0, m.start())
        rest = (label[:start] + label[m.end():]).strip()
        return unit, re.sub(r"\s+([,;:])", r"\1", rest)
    return None, label


@dataclass
class _Header:
    cells: list[str]
    roles: list[str | None]
    label: int = 0
    unit: int | None = None
    plans: list[int] = dc_field(default_factory=list)
    unsure: bool = False  # the table has estimates and no plan: its values are listed as "Có thể là chỉ tiêu"
    values: list[int] = dc_field(default_factory=list)

    places: bool = False  # the labels are places: the indicator is the value column's header

    def __post_init__(self):
        self.label = self.roles.index(LABEL)
        self.places = not self.cells[self.label].strip() or bool(re.match(_PLACES, fold(self.cells[self.label])))
        self.unit = self.roles.index(UNIT) if UNIT in self.roles else None
        self.plans = [i for i, r in enumerate(self.roles) if r == PLAN]
        estimates = [i for i, r in enumerate(self.roles) if r == ESTIMATE]
        self.unsure = not self.plans and bool(estimates)
        if self.unsure:  # "Ước thực hiện 2027" alone: perhaps next year's targets, perhaps this year's results
            self.plans = estimates[-1:]
        self.values = [i for i, r in enumerate(self.roles) if r in VALUE_ROLES]


def _cell(cells: list[str], i: int | None) -> str:
    return cells[i].strip() if i is not None and i < len(cells) else ""


@dataclass
class _TableReader:
    """Reads the rows under one header; keeps the group field and the head of sub-rows."""

    header: _Header
    plan_year: int | None
    repair: Callable[[str], str]
    group: Field | None = None
    parent: str = ""

    def row(self, line: Line) -> list[ExtractedTarget]:
        """The targets of one row: one per value in each plan column; none for a group row."""
        cells = line.cells or []
        raw = _cell(cells, self.header.label)
        indicator, unit = self.label(raw)
        if not indicator:
            return []
        if not any(_cell(cells, i) for i in self.header.values):  # a group row: "I | Kinh tế", "Cơ cấu kinh tế"
            self.group = fields.group_field(indicator) or fields.classify(indicator) or self.group
            self.parent = indicator
            return []
        indicator = self.full_name(indicator, raw)
        plan_header = self.header.cells[self.header.plans[0]]
        unit = (normalise_unit(_cell(cells, self.header.unit)) or unit or label_unit(plan_header)[0]
                or implied_unit(indicator))
        if re.fullmatch(r"g[r]?dp", fold(indicator)) and "%" in _cell(cells, self.header.plans[0]) + (unit or ""):
            indicator = f"Tốc độ tăng {indicator}"  # an aggregate stated in per cent is its growth
        field = fields.decide(indicator, self.group).value
        out: list[ExtractedTarget] = []
        for col in self.header.plans:
            text = "\n\n".join(c for c in cells[self.header.label : col + 1] if c.strip())
            out.extend(ExtractedTarget(text, name, comparator, value, value_max, unit_, field, line.index,
                                       CONFIDENCE["unsure"] if self.header.unsure else CONFIDENCE["table"])
                       for name, comparator, value, value_max, unit_ in self.plan_cell(_cell(cells, col), unit,
                                                                                       indicator))
        return out

    def label(self, raw: str) -> tuple[str, str | None]:
        """(the row's indicator, the unit its label writes): without row number, bullet, "Trong đó:", English
        translation, "(%)" or ", trong đó:"."""
        unit, label = label_unit(cut_translation(raw))
        if unit is None:  # the unit written in the translation only: "– Under 5 mortality rate (…; %0)"
            unit = label_unit(raw)[0]
        marker = _ROW_MARKER.match(label)  # matches every label (all its parts are optional)
        label = _GROUP_TAIL.sub("", label[marker.end() if marker else 0 :]).strip(" .:;,-–")
        return growth_name(self.repair(label)), unit

    def full_name(self, indicator: str, raw: str) -> str:
        """A sub-row's name under its group's ("- Dịch vụ (%)" → "Cơ cấu kinh tế - Dịch vụ") unless it names
        itself ("Trong đó: Số giường …"); a place's name under the value column's ("Tốc độ tăng trưởng GRDP – Huế")."""
        if not re.match(r"^\s*(?:[-+•*]|trong đó)", raw, re.I):
            self.parent = indicator
        elif self.parent and not INDICATOR_START.match(fold(indicator)):
            indicator = f"{self.parent} - {indicator}"
        if self.header.places:
            indicator = f"{column_name(label_unit(self.header.cells[self.header.plans[0]])[1])} – {indicator}"
        return indicator

    def plan_cell(self, cell: str, unit: str | None, indicator: str) -> list[tuple]:
        """(name, comparator, value, value_max, unit) of each target in one plan cell; a plan stated in words
        ("Đạt chuẩn", "Giảm cả 3 tiêu chí") is the row's qualitative target."""
        if cell and not find_values(cell, keep_skipped=True) and not find_values(f"{cell} %", keep_skipped=True):
            return [(indicator, "qualitative", None, None, None)]
        reduction = bool(re.match(r"(?:muc )?giam\b", fold(indicator)))
        return [(name, v.cue or ("reduce_by" if reduction else ">=" if v.value_max is not None else "="),
                 v.value, v.value_max, v.unit) for v, name in self.cell_values(cell, unit, indicator)]

    def cell_values(self, cell: str, unit: str | None, indicator: str) -> list[tuple[Value, str]]:
        """The values of one plan cell, each with its name: the row's indicator, and for a second value the
        words before it ("70%, có bằng cấp 29-29,5%" → "… có bằng cấp"; "phấn đấu 7-7,5%" → "… (mức phấn đấu)")."""
        if not cell:
            return []
        values = list(find_values(cell, self.plan_year))
        if not values and unit:  # a bare number: the unit is the row's ("Dưới 4" under "%")
            values = [Value(v.start, v.end, v.value, v.value_max, unit, v.cue, v.cue_start)
                      for v in find_values(f"{cell} %", self.plan_year)]
        elif not values:
            return []
        if "giam" in fold(cell) and not any(v.cue for v in values):
            values = [Value(v.start, v.end, v.value, v.value_max, v.unit, "reduce_by", v.cue_start) for v in values]
        named = []
        for k, v in enumerate(values):
            if k == 0:
                named.append((v, indicator))
                continue
            words = cell[values[k - 1].end : v.cue_start].strip(" ,;")
            if not words or fold(words) == "phan dau":
                named.append((v, f"{indicator} (mức phấn đấu)"))
            else:
                named.append((v, f"{indicator} {words[:1].lower()}{words[1:]}"))
        return named


def table_targets(lines: list[Line], plan_year: int | None, repair: Callable[[str], str]) -> list[ExtractedTarget]:
    """Targets of every table in ``lines`` (a document's lines, flattened tables rebuilt into rows with
    ``cells``); ``repair`` restores the diacritics of an OCR-damaged label. See the module docstring."""
    out: list[ExtractedTarget] = []
    reader: _TableReader | None = None
    for line in lines:
        if line.cells is None:
            reader = None
            continue
        roles = column_roles(line.cells)
        if roles is not None and not find_values(" ".join(line.cells), plan_year):
            header = _Header(line.cells, roles)
            reader = _TableReader(header, plan_year, repair) if header.plans else None
            continue
        if reader is not None:
            out.extend(reader.row(line))
    return out
