"""Dates as a clerk types them: one parser for every date field and every imported cell.

Accepted (day first, as in Vietnamese documents): ``15/03/1980``, ``15-03-1980``, ``15.03.1980``, ``5/3/1980``,
``15031980`` (eight digits, no separators) and the ISO form ``1980-03-15``. Nothing is guessed: a date that does
not exist ("31/02/2026") or a year outside :data:`EARLIEST`–:data:`LATEST` is refused with a Vietnamese sentence.
"""

from __future__ import annotations

import datetime as dt
import re

EARLIEST = dt.date(1900, 1, 1)  # no date the commune records (a birth, a decision) comes before this
LATEST = dt.date(2100, 12, 31)

_DAY_FIRST = re.compile(r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PACKED = re.compile(r"(\d{2})(\d{2})(\d{4})")

# A date as a document writes it, day first: "15/3/2026", "15-03-2026" or "15 tháng 3 năm 2026"; groups day,
# month, year. Patterns that look for a date in a document's text are built on it and read it with written_date.
WRITTEN_DATE = r"(\d{1,2})\s*(?:/|-|tháng\s+)(\d{1,2})\s*(?:/|-|năm\s+)(\d{4})"


class DateError(ValueError):
    """A typed date that cannot be read or does not exist; the message is one Vietnamese sentence."""


def parse_date(text: str) -> dt.date | None:
    """The date ``text`` names, or ``None`` for a blank text.

    Raises :class:`DateError` for text that is not a date in an accepted form, a date that does not exist,
    or a year before 1900 or after 2100.
    """
    text = text.strip()
    if not text:
        return None
    if m := _ISO.fullmatch(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _DAY_FIRST.fullmatch(text) or _PACKED.fullmatch(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        raise DateError(f"«{text}» không phải ngày (gõ dạng 15/03/1980).")
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        raise DateError(f"Ngày «{text}» không có thật.") from None
    if not EARLIEST <= day_ <= LATEST:
        raise DateError(f"Ngày «{text}»: năm phải từ {EARLIEST.year} đến {LATEST.year}.")
    return day_


def format_date(day: dt.date | None) -> str:
    """``day`` as dd/mm/yyyy, "" for None (the one way every screen and file shows a date)."""
    return f"{day:%d/%m/%Y}" if day else ""


def written_date(match: re.Match[str]) -> dt.date | None:
    """The date a match of :data:`WRITTEN_DATE` names (its groups 1–3: day, month, year), or ``None`` when no such
    day exists ("31 tháng 2"): a document's impossible date is left out, never moved."""
    day, month, year = (int(match.group(i)) for i in (1, 2, 3))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_date(text: str | None) -> dt.date | None:
    """The date stored as ISO text ("2026-03-15": SQLite's and the rule files' form), or ``None`` for no text."""
    return dt.date.fromisoformat(text) if text else None
