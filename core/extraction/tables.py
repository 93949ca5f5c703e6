"""Targets written as a table: STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm … (GUIDE §3).

The header row tells which column holds the indicator, the unit and the planned value; columns of
results ("Thực hiện 2024", "Ước thực hiện") are not targets. Rows without a unit or value are group
rows ("I. Chỉ tiêu kinh tế") and set the field of the rows under them.
"""

from __future__ import annotations

import re
from typing import Callable

from core.extraction import fields
from core.extraction.evidence import CONFIDENCE
from core.text import fold
from core.extraction.numbers import normalise_unit
from core.extraction.values import find_values
from core.terms import Field
from core.reading import Line


def _columns(cells: list[str]) -> tuple[int, int | None, int] | None:
    """(indicator, unit, value) column indexes of a header row, or None when the row is no targets header."""
    folded = [fold(c) for c in cells]
    # An allocation table's label column (places, units) has no header; else the column naming the indicators.
    numbered = bool(folded) and re.fullmatch(r"s?tt|so tt", folded[0].strip())
    name = next((i for i, c in enumerate(folded) if i > 0 and not c.strip()), None) if numbered else None
    if name is None:
        name = next((i for i, c in enumerate(folded) if re.search(r"chi tieu|noi dung|ten chi|danh muc", c)), None)
    if name is None:
        return None
    unit = next((i for i, c in enumerate(folded) if re.search(r"don vi|dvt|d\.v\.t", c)), None)
    candidates = [
        i for i, c in enumerate(folded)
        if i not in (name, unit) and not re.search(r"thuc hien|uoc|stt|ghi chu|so sanh|ty le %", c)
    ]
    planned = [i for i in candidates if re.search(r"ke hoach|muc tieu|chi tieu|nam \d{4}|\d{4}", folded[i])]
    if unit is None and not planned or any(re.fullmatch(r"[\d.,%\s≥≤<>~]+", c) for c in folded if c):
        return None
    value = (planned or candidates or [None])[-1]
    if value is None:
        return None
    return name, unit, value


_HEADER_UNIT = re.compile(r"\(([^()]{1,20})\)\s*$")
_SUB_ROW_LABEL = re.compile(r"^[-+]?\s*(?:trong do\s*:?\s*)?", re.I)


def _unit_in_parentheses(text: str) -> str | None:
    """ "Mục tiêu tăng trưởng GRDP 2025 (%)" → "%"; None when the parenthesis holds no unit."""
    m = _HEADER_UNIT.search(text)
    if not m:
        return None
    unit = normalise_unit(m.group(1))
    return unit if unit and find_values(f"1 {unit}") else None


def table_targets(lines: list[Line], plan_year: int | None, name: Callable[[str], str]) -> list:
    """Targets of every targets table in ``lines`` (a document's lines, flattened tables rebuilt);
    ``name`` cleans (and, for OCR text, repairs) an indicator.

    The value is taken from the planned column only; the unit from the unit column, else from a
    "(%)" in the value column's header or in the row's name. In an allocation table (label column
    without header) the indicator is the value column's header followed by the row's label.
    """
    from core.extraction.targets import ExtractedTarget

    out: list[ExtractedTarget] = []
    columns = None
    header_cells: list[str] = []
    group: Field | None = None
    for line in lines:
        if line.cells is None:
            columns = None
            continue
        cells = line.cells
        header = _columns(cells)
        if header and not find_values(" ".join(cells), plan_year):
            columns, group, header_cells = header, None, cells
            continue
        if columns is None:
            continue
        name_col, unit_col, value_col = columns
        if max(name_col, value_col) >= len(cells):
            continue
        label = cells[name_col][_SUB_ROW_LABEL.match(fold(cells[name_col])).end():]
        indicator = name(label)
        unit = normalise_unit(cells[unit_col]) if unit_col is not None and unit_col < len(cells) else None
        unit = unit or _unit_in_parentheses(header_cells[value_col]) or _unit_in_parentheses(label)
        if indicator and not header_cells[name_col].strip():
            heading = _HEADER_UNIT.sub("", header_cells[value_col]).strip()
            indicator = f"{heading} – {indicator}"
        raw_value = cells[value_col].strip()
        if not indicator:
            continue
        if not raw_value and not unit:
            group = fields.heading_field(indicator) or fields.classify(indicator) or group
            continue
        values = find_values(f"{raw_value} {unit}" if unit else raw_value, plan_year)
        field = (fields.classify(indicator) or group or Field.OTHER).value
        if not values:
            out.append(ExtractedTarget(line.text, indicator, "qualitative", None, None, None, field, line.index,
                                       CONFIDENCE["table"]))
            continue
        v = values[0]
        reduction = re.match(r"(?:muc )?giam\b", fold(raw_value)) or re.match(r"(?:muc )?giam\b", fold(indicator))
        comparator = v.cue or ("reduce_by" if reduction else ">=" if v.value_max is not None else "=")
        out.append(ExtractedTarget(line.text, indicator, comparator, v.value, v.value_max, v.unit, field, line.index,
                                   CONFIDENCE["table"]))
    return out
