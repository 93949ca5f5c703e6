"""The outline of a plan: which lines are headings, items, and where the targets (chỉ tiêu) sit.

Levels, from the outside in: roman sections "II." (0), numbered parts "2." (1), sub-parts "1.2" (2),
lettered "a)" (3), bullets "-", "+", "*", "(1)" (4). A targets zone starts at a heading that names the
chỉ tiêu ("2. Chỉ tiêu thi đua", "* Phấn đấu hoàn thành các chỉ tiêu chủ yếu:") and ends at the next
heading of the same or an outer level.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import fold

_ROMAN = re.compile(r"^([IVXLl1]{1,5})\.\s+(\S.*)$")
_NUMBERED = re.compile(r"^(\d{1,2})\.\s*(?!\d)(\S.*)$")
_SUBNUMBERED = re.compile(r"^\d{1,2}\.\d{1,2}\.?\s+\S")
_LETTERED = re.compile(r"^[a-zđ]\)\s*\S")
_BULLET = re.compile(r"^(?:[-+•*–]\s*)+(?:\(\d{1,3}\)\s*)?|^\(\d{1,3}\)\s*")
_TARGETS_HEADING = re.compile(r"chi tieu")
_STRIVE = re.compile(r"^(?:[-+•*]\s*)?ph[aâầấ]n d[aấ]u\b")


@dataclass
class Outline:
    """Per line: its level (None for plain text) and whether it belongs to a targets zone."""

    level: int | None
    is_heading: bool
    in_zone: bool
    zone_start: bool


def level_of(text: str) -> int | None:
    """Outline level of a line (0 roman … 4 bullet), None for a plain paragraph."""
    m = _ROMAN.match(text)
    if m:
        letters = [c for c in m.group(2)[:40] if c.isalpha()]
        if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8:
            return 0
    if _SUBNUMBERED.match(text):
        return 2
    if _NUMBERED.match(text):
        return 1
    if _LETTERED.match(text):
        return 3
    if _BULLET.match(text):
        return 4
    return None


def strip_marker(text: str) -> str:
    """The line without its bullet or numbering: "- (3) Cơ cấu …" → "Cơ cấu …"."""
    text = _BULLET.sub("", text, count=1) if _BULLET.match(text) else text
    text = re.sub(r"^(?:[IVXLl1]{1,5}|\d{1,2}(?:\.\d{1,2})*)\.\s*(?=\D)|^[a-zđ]\)\s*", "", text, count=1)
    return text.strip()


def is_targets_heading(text: str, has_values: bool) -> bool:
    """A heading announcing targets: it names "chỉ tiêu", is short or ends with ":", and is not a content part."""
    folded = fold(text)
    if not _TARGETS_HEADING.search(folded) or has_values:
        return False
    if level_of(text) in (0, 1) and not re.match(r"(?:cac |he thong )?chi tieu", fold(strip_marker(text))):
        return False  # "II. Nội dung và chỉ tiêu", "I. Mục tiêu, chỉ tiêu": a parent part, not the list
    if text.rstrip("*").endswith(":"):
        return True
    return len(text.split()) <= 20 and level_of(text) != 4  # a short bullet naming chỉ tiêu is a target


def reads_as_item(text: str) -> bool:
    """A numbered line that states something rather than heads a part: a sentence of six words or more ending
    with "." or ";" ("4. Phấn đấu đến năm 2027 không còn hộ nghèo trên địa bàn."), not "3. Giải pháp"."""
    body = strip_marker(text)
    return body.rstrip().endswith((".", ";")) and len(body.split()) >= 6 and not body.isupper()


def is_strive_sentence(text: str) -> bool:
    """A paragraph opening "Phấn đấu …" (OCR: "Phần đấu"): where plans state targets in prose."""
    return bool(_STRIVE.match(fold(text)))


def outline(texts: list[str], has_values: list[bool]) -> list[Outline]:
    """Levels and targets zones of ``texts`` (one per line), ``has_values[i]`` telling if line i holds a value."""
    result: list[Outline] = []
    zone_level: int | None = None  # level of the heading that opened the current zone; 5 for a plain line
    for text, values in zip(texts, has_values, strict=False):
        level = level_of(text)
        starts = is_targets_heading(text, values)
        if zone_level is not None and not starts and level is not None and level <= min(zone_level, 3):
            ends = level < zone_level or not (values or reads_as_item(text))
            if level == 0 or ends:
                zone_level = None
        if starts:
            own = level if level is not None else 5
            zone_level = own if zone_level is None else min(zone_level, own)
        heading = starts or (level is not None and level <= 1 and not values and len(text.split()) <= 25)
        result.append(Outline(level, heading, zone_level is not None, starts))
    return result
