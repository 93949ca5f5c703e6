"""Tables flattened to one cell per line, as a web page or a PDF gives them, rebuilt into rows.

A flattened table starts with its header cells ("TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2019",
"Ước thực hiện năm 2019", …), each on its own line, followed by rows that each open with a row number
("1", " 1. ", "II") or a dash for a sub-row ("- Trong đó: …"). The rows become :class:`Line` objects
with ``cells`` so that :mod:`core.extraction.tables` reads them like the rows of a real table.
"""

from __future__ import annotations

import re
from collections import Counter

from core.text import fold
from core.reading import Line

_HEADER_START = re.compile(r"^(?:s?tt|so tt|chi tieu|cac chi tieu|ten chi tieu|noi dung|danh muc)$")
_NUMBER_HEADER = re.compile(r"^(?:s?tt|so tt)$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}|[ivx]{1,5})\s*\.?$")
_BARE_INTEGER = re.compile(r"^\d{1,3}$")  # a row number when a label follows it, else a value cell ("27")
_SUB_ROW = re.compile(r"^[-+]\s*\S")
_VALUE_CELL = re.compile(r"^(?:khoang|duoi|tren|hon|gan|tu|giam|tang|xap xi)?\s*[\d.,\s\-–%]*$")
_MAX_HEADER_CELLS = 10
_MAX_CELL_WORDS = 30  # a longer line is prose: the table has ended


def _is_cell(line: Line) -> bool:
    return line.cells is None and len(line.text.split()) <= _MAX_CELL_WORDS


def _is_label(line: Line) -> bool:
    """A row's label cell ("Xã An Lạc"), not a value cell ("27", "Trên 4", "6,6-6,8")."""
    return _is_cell(line) and not _VALUE_CELL.match(fold(line.text.strip()))


def _is_row_start(line: Line) -> bool:
    folded = fold(line.text.strip())
    return bool(_ROW_NUMBER.match(folded) or _SUB_ROW.match(folded))


def unflatten(lines: list[Line]) -> list[Line]:
    """``lines`` with every flattened table replaced by a header line and one line per row (with ``cells``).

    A sub-row without a row number gets an empty first cell; when the rows carry one cell more than the
    header, an empty header cell is put where one is missing: after "TT" (a label column with no header,
    as in an allocation table "TT | | Mục tiêu … (%)"), else first (the row numbers' column).
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not (line.cells is None and _HEADER_START.match(fold(line.text.strip()))):
            out.append(line)
            i += 1
            continue
        j = i + 1
        header = [line.text.strip()]
        while j < len(lines) and _is_cell(lines[j]) and not _is_row_start(lines[j]) and len(header) < _MAX_HEADER_CELLS:
            header.append(lines[j].text.strip())
            j += 1
        if len(header) < 2 or j >= len(lines) or not _is_row_start(lines[j]):
            out.append(line)
            i += 1
            continue
        rows: list[Line] = []
        while j < len(lines) and _is_cell(lines[j]) and _is_row_start(lines[j]):
            first = lines[j]
            cells = [first.text.strip()] if _ROW_NUMBER.match(fold(first.text.strip())) else ["", first.text.strip()]
            j += 1
            while j < len(lines) and _is_cell(lines[j]) and (
                not _is_row_start(lines[j]) or _BARE_INTEGER.match(lines[j].text.strip()) and (
                    len(cells) < len(header) - 1 or not (j + 1 < len(lines) and _is_label(lines[j + 1])))
            ):
                cells.append(lines[j].text.strip())
                j += 1
            rows.append(Line("\n\n".join(c for c in cells[1:] if c), first.index, cells))
        widths = Counter(len(r.cells) for r in rows if r.cells[0])
        if widths and widths.most_common(1)[0][0] == len(header) + 1:
            # the rows have one cell more: the label column (after "TT") or the "TT" column has no header
            header.insert(1 if _NUMBER_HEADER.match(fold(header[0])) else 0, "")
        out.append(Line(" | ".join(header), line.index, header))
        out.extend(rows)
        i = j
    return out
