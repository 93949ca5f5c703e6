"""Targets written as a table: STT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm … (GUIDE §3).

The header row tells which column holds the indicator, the unit and the planned value; columns of
results ("Thực hiện 2024", "Ước thực hiện") are not targets. Rows without a unit or value are group
rows ("I. Chỉ tiêu kinh tế") and set the field of the rows under them.
"""

from __future__ import annotations

import re
from typing import Callable

from core.extraction import fields
from core.extraction.folding import fold
from core.extraction.numbers import normalise_unit
from core.extraction.values import find_values
from core.models import Field
from core.reading import Document


def _columns(cells: list[str]) -> tuple[int, int | None, int] | None:
    """(indicator, unit, value) column indexes of a header row, or None when the row is no targets header."""
    folded = [fold(c) for c in cells]
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


def table_targets(document: Document, plan_year: int | None, name: Callable[[str], str]) -> list:
    """Targets of every targets table in ``document``; ``name`` cleans (and, for OCR text, repairs) an indicator."""
    from core.extraction.targets import ExtractedTarget

    out: list[ExtractedTarget] = []
    columns = None
    group: Field | None = None
    for line in document.lines:
        if line.cells is None:
            columns = None
            continue
        cells = line.cells
        header = _columns(cells)
        if header and not find_values(" ".join(cells), plan_year):
            columns, group = header, None
            continue
        if columns is None:
            continue
        name_col, unit_col, value_col = columns
        if max(name_col, value_col) >= len(cells):
            continue
        indicator = name(cells[name_col])
        unit = normalise_unit(cells[unit_col]) if unit_col is not None and unit_col < len(cells) else None
        raw_value = cells[value_col].strip()
        if not indicator:
            continue
        if not raw_value and not unit:
            group = fields.heading_field(indicator) or fields.classify(indicator) or group
            continue
        values = find_values(f"{raw_value} {unit}" if unit else raw_value, plan_year)
        field = (fields.classify(indicator) or group or Field.OTHER).value
        if not values:
            out.append(ExtractedTarget(line.text, indicator, "qualitative", None, None, None, field, line.index))
            continue
        v = values[0]
        comparator = v.cue or ("reduce_by" if fold(raw_value).startswith("giam") else "=")
        out.append(ExtractedTarget(line.text, indicator, comparator, v.value, v.value_max, v.unit, field, line.index))
    return out
