"""Importing a superior plan (kế hoạch cấp trên) into the database with its extracted targets."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.dates import WRITTEN_DATE, written_date
from core.extraction import ExtractedTarget, extract_targets, plan_year, split_sentences
from core.models import Comparator, Field, SuperiorDocument, Target
from core.reading import Document, DocumentError, PageProgress, read_document
from core.text import fold


@dataclass
class ImportResult:
    """The stored document and whether this file had been imported before (same SHA-256)."""

    document: SuperiorDocument
    already_imported: bool


@dataclass
class ReadPlan:
    """A superior plan read and searched, not stored yet: its lines and its targets (unlikely ones included)."""

    document: Document
    targets: list[ExtractedTarget]


MAX_CANDIDATES = 2000  # a plan states 10–150 targets; thousands of values are a statistics book, not a plan


def read_superior_plan(path: Path | str, on_page: PageProgress | None = None) -> ReadPlan:
    """Read ``path`` and extract its targets; touches no database, so it may run in a worker thread.

    A scan is recognised page by page, ``on_page(page, pages)`` called before each (see :func:`read_document`);
    it returning False stops the reading with :class:`core.ocr.Cancelled`.
    Raises :class:`core.reading.DocumentError` (Vietnamese message) when the file cannot be read, is too long,
    or holds more than :data:`MAX_CANDIDATES` values that look like targets.
    """
    document = read_document(path, on_page)
    targets = extract_targets(document, include_unlikely=True)
    if len(targets) > MAX_CANDIDATES:
        raise DocumentError(f"Tệp «{document.file_name}» có hơn {MAX_CANDIDATES} số liệu giống chỉ tiêu, không giống "
                            "một kế hoạch. Hãy chọn đúng văn bản kế hoạch của cấp trên.")
    return ReadPlan(document, targets)


def store_superior_plan(session: Session, read: ReadPlan) -> ImportResult:
    """Store a read superior plan with its targets (and their confidence); a file already imported (same
    SHA-256) is returned as it is, so nothing adopted from it changes."""
    document = read.document
    existing = session.scalars(select(SuperiorDocument).where(SuperiorDocument.sha256 == document.sha256)).first()
    if existing is not None:
        return ImportResult(existing, True)
    stored = SuperiorDocument(file_name=document.file_name, sha256=document.sha256, text=document.text,
                              from_ocr=document.from_ocr)
    for position, t in enumerate(read.targets):
        stored.targets.append(
            Target(
                position=position,
                indicator=t.indicator,
                comparator=Comparator(t.comparator),
                value=t.value,
                value_max=t.value_max,
                unit=t.unit,
                field=Field(t.field),
                source_text=t.text,
                confidence=t.confidence,
            )
        )
    session.add(stored)
    session.flush()
    return ImportResult(stored, False)


def import_superior_plan(session: Session, path: Path | str) -> ImportResult:
    """:func:`read_superior_plan` then :func:`store_superior_plan`, in one go (headless use).

    Raises :class:`core.reading.DocumentError`; nothing is written to the database then.
    """
    return store_superior_plan(session, read_superior_plan(path))


@dataclass
class SuperiorHeader:
    """What the header of a superior plan says: number, date, issuing body, trích yếu (None when unread)."""

    number: str | None
    issue_date: dt.date | None
    issuer: str | None
    title: str | None


_NUMBER = re.compile(r"Số\s*:\s*(\d+\s*/\s*[A-ZĐ][A-ZĐ0-9\-]*)")
_DATE = re.compile(r",\s*ngày\s+" + WRITTEN_DATE)  # "<địa danh>, ngày 20 tháng 01 năm 2026"
_BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|I\.\s|[IVX]+\.\s|MỤC ĐÍCH)", re.I)
_ISSUER_LEVEL = re.compile(r"^(TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\s+\S")


def read_header(text: str) -> SuperiorHeader:
    """Read the NĐ 30 header of an imported plan's text: the lines before its body (the first "Căn cứ",
    "Thực hiện" or "I."), at most 40. A part the header does not state (a number or day left blank to be
    written by hand, an issuer "………") is None, never taken from the body.

    E.g. "ỦY BAN NHÂN DÂN / TỈNH ĐẮK LÂM / Số: 12/KH-UBND / … ngày 20 tháng 01 năm 2026 / KẾ HOẠCH / Phát động …"
    gives ("12/KH-UBND", 2026-01-20, "UBND tỉnh Đắk Lâm", "Phát động …").
    """
    lines: list[str] = []
    for line in text.splitlines()[:40]:
        line = line.strip()
        if _BODY_START.match(line) and any(x.replace("*", "").strip() == "KẾ HOẠCH" for x in lines):
            break
        if line:
            lines.append(line)
    joined = "\n".join(lines)
    number = _NUMBER.search(joined)
    date = _DATE.search(joined)
    issue_date = written_date(date) if date else None
    issuer = None
    for i, line in enumerate(lines[:-1]):
        level = _ISSUER_LEVEL.match(lines[i + 1])
        if line.upper().startswith(("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN")) and level:
            name = lines[i + 1][level.end(1) :].strip().title()
            if any(c.isalpha() for c in name):  # "HUYỆN ………" is a template's blank, not a name
                issuer = f"UBND {level.group(1).lower()} {name}"
            break
    title = None
    for i, line in enumerate(lines[:-1]):
        if line.replace("*", "").strip() == "KẾ HOẠCH":
            title = lines[i + 1]
            break
    return SuperiorHeader(number.group(1).replace(" ", "") if number else None, issue_date, issuer, title)


def superior_year(header: SuperiorHeader, text: str) -> int | None:
    """The year a superior plan is for (:func:`core.extraction.plan_year`): from its trích yếu, else from its first
    25 lines, else None."""
    return plan_year([header.title or ""]) or plan_year(text.splitlines()[:25])


@dataclass
class SuperiorDeadline:
    """A date the superior plan sets for the commune: ``day``, the ``sentence`` saying it, and whether it is
    for award dossiers (``for_awards``) or for a report or plan."""

    day: dt.date
    sentence: str
    for_awards: bool


_DEADLINE = re.compile(r"\b(?:trước|chậm nhất|hạn chót|không quá)\s+(?:là\s+)?(?:ngày\s+)?" + WRITTEN_DATE, re.I)


def superior_deadlines(text: str) -> list[SuperiorDeadline]:
    """The dates by which the superior plan wants something from the communes ("gửi về Sở Nội vụ trước ngày
    15/3/2026", "hồ sơ đề nghị khen thưởng chậm nhất ngày 15 tháng 12 năm 2026"), in the order written, each
    with its sentence; a sentence about khen thưởng / hồ sơ is for award dossiers."""
    found = []
    for line in text.splitlines():
        for sentence in split_sentences(line, clauses=True):
            for m in _DEADLINE.finditer(sentence):
                day = written_date(m)
                if day is None:
                    continue
                folded = fold(sentence)
                found.append(SuperiorDeadline(day, sentence.strip(" -+•"),
                                              "khen thuong" in folded or "ho so" in folded))
    return found
