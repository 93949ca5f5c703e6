"""Tables flattened by a web page or a PDF, rebuilt into rows (issue 23 item 1).

Two flattenings are read: one cell per line ("TT", "Chỉ tiêu", "Đơn vị", "Kế hoạch năm 2019", " 1. ", "Tốc độ
tăng GDP", "%", "6,6-6,8", …), and cells separated by "|", one row per line or one cell per line with bare "|"
lines between (empty cells collapse to bare "|"). The header is the run of cells naming a column role
(:func:`core.extraction.tables.column_role`); rows are then found from their **labels**, not by counting cells:
a label opens a row and the cells after it fill the columns after the label column, up to the next label. So a
missing or extra empty cell, a sub-row without a number, a table that prints two label/value pairs per row
("Tỉnh, thành phố | Tăng trưởng (%) | Tỉnh, thành phố | Tăng trưởng (%)") all come out as aligned rows, each a
:class:`Line` with ``cells`` read by :func:`core.extraction.tables.table_targets`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.extraction.tables import LABEL, NUMBER, VALUE, column_role, column_roles
from core.reading import Line
from core.text import fold

_MAX_HEADER_CELLS = 12
_MAX_CELL_WORDS = 30  # a longer line is prose: the table has ended
_MAX_LABEL_WORDS = 40
_ROW_NUMBER = re.compile(r"^(?:(\d{1,3})\s*\.?|[ivx]{1,5}\s*\.?)$")
# A value cell starts with its number, maybe after a cue: "6,5-7%, phấn đấu 7-7,5%", "Khoảng 4", ">90", "46*".
_VALUE_CELL = re.compile(
    r"^(?:(?:khoang|duoi|tren|hon|gan|tu|giam|giam con|tang|xap xi|dat|phan dau|toi thieu|it nhat|khong qua|toi da|"
    r"khong duoi|khong vuot qua|>=?|<=?|≥|≤|~)\s*)*\d")
_NUMBERED_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[^\W\d_]")  # "1. Số bác sĩ …", "2.1 Thu ngân sách"
_NEW_ROW_LABEL = re.compile(r"^(?:[-+•*]\s*|trong do\b)|" + _NUMBERED_LABEL.pattern[1:])


@dataclass
class _Cell:
    text: str
    line: int  # index of the document line the cell starts on


def _is_value(text: str) -> bool:
    folded = fold(text.strip())
    return bool(_VALUE_CELL.match(folded)) and not _NUMBERED_LABEL.match(folded)


def _is_label(text: str) -> bool:
    return bool(text.strip()) and not _is_value(text) and any(ch.isalpha() for ch in text)


# What OCR makes of a "|" standing alone: "l", "[", "]", "!", "Ị", "ỉ", "Ỉ", "¦" ("I" and "1" are also row numbers,
# so they stay as read)
_PIPE_LOOKALIKE = re.compile(r"(?:(?<=\s)|^)[l\[\]!¦ỊỉỈ](?=\s|$)")
_PIPE_GAP = 12  # short lines without any "|" a run goes on over (OCR drops lone "|" lines): two rows of six cells


def _pipes(text: str) -> str:
    """``text`` with the OCR look-alikes of a lone "|" put back ("Ị KH năm 2024" → "| KH năm 2024")."""
    return _PIPE_LOOKALIKE.sub("|", text) if _PIPE_LOOKALIKE.search(text) else text


def _wraps(previous: str, text: str) -> bool:
    """Whether a line without "|" is the rest of the cell before it (a wrapped "Tổng vốn đầu tư … / (tỷ đồng)"),
    not a cell of its own whose "|" was lost: values, row numbers, labels opening a row and header names after a
    header name stand alone."""
    if _is_value(previous) or _is_value(text) or _ROW_NUMBER.match(fold(previous.strip())):
        return False
    if _NEW_ROW_LABEL.match(fold(text.strip())):
        return False
    return not (column_role(previous) is not None and column_role(text) is not None)


def _pipe_cells(lines: list[Line], i: int) -> tuple[list[_Cell], int] | None:
    """Cells of a "|"-separated run starting at ``lines[i]`` (the line before a leading "|" is its first cell),
    and the index after the run; None when no run starts there. A recognised page loses or misreads some "|":
    look-alikes are read as "|" (:func:`_pipes`), the run goes on over up to ``_PIPE_GAP`` short lines without
    any, and such a line is a cell of its own unless it :func:`_wraps` the one before."""
    def piped(k: int) -> bool:
        return k < len(lines) and lines[k].cells is None and "|" in _pipes(lines[k].text)

    def short(k: int) -> bool:
        return k < len(lines) and lines[k].cells is None and len(lines[k].text.split()) <= _MAX_CELL_WORDS

    def goes_on(k: int) -> bool:
        return short(k) and any(piped(n) for n in range(k + 1, k + 1 + _PIPE_GAP))

    if not (piped(i) or (short(i) and piped(i + 1) and _pipes(lines[i + 1].text).lstrip().startswith("|"))):
        return None
    cells: list[_Cell] = []
    j = i
    while piped(j) or goes_on(j):
        parts = _pipes(lines[j].text).split("|")
        new_row = len(parts) > 2 and parts[0].strip()  # "Thu ngân sách | 45 | 48": a row per line, no outer "|"
        if cells and parts[0].strip() and not (new_row and cells[-1].text) \
                and (not cells[-1].text or len(parts) > 1 or _wraps(cells[-1].text, parts[0])):
            cells[-1].text = f"{cells[-1].text} {parts[0].strip()}".strip()  # a cell wrapped onto this line
        elif not cells or new_row or parts[0].strip():
            cells.append(_Cell(parts[0].strip(), lines[j].index))
        cells.extend(_Cell(p.strip(), lines[j].index) for p in parts[1:])
        j += 1
    return (cells, j) if sum(_pipes(line.text).count("|") for line in lines[i:j]) >= 3 else None


def _line_cells(lines: list[Line], i: int) -> tuple[list[_Cell], int] | None:
    """Cells of a one-cell-per-line run starting at a header cell naming the row number or label column."""
    first = lines[i]
    if first.cells is not None or len(first.text.split()) > 8 or column_role(first.text) not in (NUMBER, LABEL):
        return None
    j = i
    while j < len(lines) and lines[j].cells is None and len(lines[j].text.split()) <= _MAX_CELL_WORDS:
        j += 1
    return [_Cell(line.text.strip(), line.index) for line in lines[i:j]], j


def _row_value(cells: list[_Cell], k: int) -> bool:
    """Whether ``cells[k]`` is a value, not a row number ("1" before a label)."""
    if k >= len(cells) or not _is_value(cells[k].text):
        return False
    following = cells[k + 1].text if k + 1 < len(cells) else ""
    return not (_ROW_NUMBER.match(fold(cells[k].text.strip())) and _is_label(following))


def _header_rest(previous: str, text: str) -> bool:
    """Whether ``text`` is the second line of the header cell ``previous``, split off by OCR: it goes on in
    lower case or with a parenthesis ("Kế hoạch" / "năm 2024", "Tăng trưởng" / "(%)"), or it is the English
    line of a bilingual header (statistical yearbooks: "Thực hiện" / "Implemented target 2019")."""
    text = text.strip()
    if not previous or not text:
        return False
    if re.match(r"[a-z]\)", fold(text)):
        return False  # "a) Thu ngân sách": a lettered row, not the rest of a header name
    if text[0].islower() or text[0] == "(":
        return True
    english = text.isascii() and any(len(w) >= 4 and not w.isupper() for w in re.findall(r"[A-Za-z]+", text))
    return english and not previous.isascii()


def _header(cells: list[_Cell]) -> tuple[list[str], list[str | None], int] | None:
    """The header cells at the start of ``cells`` (a cell split over two lines joined), their roles, and how many
    of ``cells`` they take; None when they make no header."""
    header: list[str] = []
    used = 0
    for k, cell in enumerate(cells[:_MAX_HEADER_CELLS]):
        if header and _header_rest(header[-1], cell.text) and not _row_value(cells, k + 1):
            header[-1] = f"{header[-1]} {cell.text.strip()}"
            used = k + 1
            continue
        if cell.text and column_role(cell.text) is None:
            break
        if column_role(cell.text) == VALUE and _row_value(cells, k + 1):
            break  # a cell followed by a value is a row's label ("Tăng trưởng GRDP (%) | 8"), not a header
        header.append(cell.text)
        used = k + 1
    while header and not header[-1]:
        header.pop()
        used -= 1
    roles = column_roles(header)
    if roles is None and header and column_role(header[0]) == NUMBER:  # no header over the labels' column
        header.insert(1, "")
        roles = column_roles(header)
    return (header, roles, used) if roles is not None else None


class _Rows:
    """Rows assembled from the cells after a header, each opened by its label (see the module docstring)."""

    def __init__(self, header: list[str], roles: list[str | None]):
        labels = [i for i, r in enumerate(roles) if r == LABEL]
        end = labels[1] if len(labels) > 1 else len(header)  # a repeated header: one block of columns per pair
        self.header = header[:end]
        self.label = labels[0]
        self.width = end - self.label - 1
        self.rows: list[tuple[str, _Cell, list[str]]] = []  # (row number, label cell, cells after the label)
        self.last_number = 0
        self.empty_rows = 0  # rows in a row without any number

    def is_row_number(self, text: str, next_text: str, complete: bool) -> bool:
        m = _ROW_NUMBER.match(fold(text.strip()))
        if not m or not _is_label(next_text):
            return False
        if m.group(1) is None or text.strip().endswith(".") or complete:
            return True
        return int(m.group(1)) == self.last_number + 1

    def continues(self, open_row: list[str], number: str, text: str, following: str) -> bool:
        """Whether ``text`` is the next cell of the open row: the row lacks cells, no row number is pending, and
        the cell opens no new row (a row number, a bulleted or numbered label, a label of four words or more)."""
        if len(open_row) >= self.width or number:
            return False
        if self.is_row_number(text, following, False):
            return False
        return not (_is_label(text) and (_NEW_ROW_LABEL.match(fold(text)) or len(text.split()) > 3))

    def ends_before(self) -> bool:
        """Whether the table ended before the row being opened: the last two rows hold no number, after rows
        that did (the text after a table, read as labels)."""
        if not self.rows or any(re.search(r"\d", c) for c in self.rows[-1][2]):
            self.empty_rows = 0
            return False
        self.empty_rows += 1
        return self.empty_rows >= 2 and any(any(re.search(r"\d", c) for c in r[2]) for r in self.rows)

    def read(self, cells: list[_Cell]) -> int:
        """Assemble rows from ``cells``; returns how many cells the table used (it ends at prose or after two
        rows without any number)."""
        number, number_at = "", 0
        starts: list[int] = []  # index in ``cells`` where each row began
        open_row: list[str] | None = None
        used = 0
        for k, cell in enumerate(cells):
            following = cells[k + 1].text if k + 1 < len(cells) else ""
            if open_row is not None and self.continues(open_row, number, cell.text, following):
                open_row.append(cell.text)
                used = k + 1
                continue
            complete = open_row is None or len(open_row) >= self.width
            if self.is_row_number(cell.text, following, complete):
                number, number_at = cell.text.strip(), k
                if (m := _ROW_NUMBER.match(number)) and m.group(1):
                    self.last_number = int(m.group(1))
                continue
            if not _is_label(cell.text):
                continue
            if len(cell.text.split()) > _MAX_LABEL_WORDS:
                break
            if self.ends_before():
                self.rows.pop()
                used = starts.pop()
                break
            open_row = []
            starts.append(number_at if number else k)
            self.rows.append((number, cell, open_row))
            number = ""
            used = k + 1
        return used

    def lines(self, header_line: int) -> list[Line]:
        out = [Line(" | ".join(self.header), header_line, self.header)]
        for number, label, after in self.rows:
            cells = [""] * self.label + [label.text] + (after + [""] * self.width)[: self.width]
            if self.label:
                cells[0] = number
            out.append(Line("\n\n".join(c for c in cells[self.label :] if c), label.line, cells))
        return out


def unflatten(lines: list[Line]) -> list[Line]:
    """``lines`` with every flattened table replaced by a header line and one line per row (with ``cells``);
    lines a table does not use stay as they are."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run = _pipe_cells(lines, i) or _line_cells(lines, i)
        found = _header(run[0]) if run else None
        if run is None or found is None:
            out.append(lines[i])
            i += 1
            continue
        cells, end = run
        header, roles, taken = found
        rows = _Rows(header, roles)
        used = taken + rows.read(cells[taken:])
        if not rows.rows:
            out.append(lines[i])
            i += 1
            continue
        out.extend(rows.lines(cells[0].line))
        last_line = cells[used - 1].line if used else lines[i].index
        while i < end and lines[i].index <= last_line:
            i += 1
    return out
