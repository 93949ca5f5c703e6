"""The printed plan as an ordered list of blocks, shared by the .docx export and the Qt print preview.

Both renderers follow the same rules of NĐ 30/2020/NĐ-CP, Phụ lục I, so what is previewed is what is
exported. This module decides *what* is printed and in which style; renderers decide *how*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from core.models import CommuneSettings, Comparator, Field, Plan, PlanKind, SectionKind, Target
from core.plans import FIELD_LABELS, printed_settings, section_of, unit_name

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # NĐ 30, Phụ lục I, mục II.1a
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # NĐ 30, Phụ lục I, mục II.1b
BLANK = "\u00a0" * 6  # room to write a number or a day by hand


@dataclass
class Paragraph:
    """One paragraph. ``style``: basis (italic), body, h1 (I. CAPITALS bold), h2 ("1." bold), h3 ("a)"), bullet."""

    style: str
    text: str


@dataclass
class PlanLayout:
    """Everything a renderer needs, in print order."""

    agency_lines: list[str]  # cơ quan ban hành, capitals
    number_line: str  # "Số: 05/KH-UBND"
    place_date: str  # "Phổ An, ngày 05 tháng 02 năm 2025"
    doc_type: str  # "KẾ HOẠCH"
    title: str  # trích yếu
    body: list[Paragraph] = field(default_factory=list)
    target_table: list[list[str]] | None = None  # header row + rows, when the plan prints targets as a table
    table_after: int = 0  # index in ``body`` after which the table stands
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = ""  # "CHỦ TỊCH"
    signer_name: str = ""


def vn_number(value: float) -> str:
    """A number in Vietnamese writing: 28603.61 → "28.603,61", 1600 → "1.600", 0.8 → "0,8"."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def target_value(t: Target) -> str:
    """The value with its comparator in words: "khoảng 28.603,61 tỷ đồng", "từ 95% trở lên"."""
    if t.comparator is Comparator.QUALITATIVE or t.value is None:
        return ""
    amount = vn_number(t.value) + (f" - {vn_number(t.value_max)}" if t.value_max is not None else "")
    unit = t.unit or ""
    amount = f"{amount}{unit}" if unit in ("%", "‰") else f"{amount} {unit}".strip()
    words = {
        Comparator.EQ: "đạt {}", Comparator.APPROX: "khoảng {}", Comparator.GT: "trên {}",
        Comparator.GE: "từ {} trở lên", Comparator.LT: "dưới {}", Comparator.LE: "không quá {}",
        Comparator.REDUCE_BY: "giảm {}", Comparator.REDUCE_TO: "giảm còn {}",
    }
    return words[t.comparator].format(amount)


def target_sentence(t: Target) -> str:
    """One target as printed in the list: "Tỷ lệ hộ nghèo giảm còn 2,5%"."""
    value = target_value(t)
    return f"{t.indicator} {value}".strip() if value else t.indicator


def date_line(place: str, day: dt.date | None, year: int) -> str:
    """Place and date; a blank date leaves room to write it (NĐ 30, Phụ lục I, mục II.4: day < 10 and
    months 1–2 get a leading zero)."""
    if day is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm {year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _bullets(text: str) -> list[Paragraph]:
    return [Paragraph("bullet", f"- {line.strip().lstrip('- ')}") for line in text.splitlines() if line.strip()]


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]


def build_layout(plan: Plan, settings: CommuneSettings) -> PlanLayout:
    """The printed plan's blocks from the plan and the commune settings (those frozen at ban hành for an
    issued plan, see :func:`core.plans.printed_settings`)."""
    settings = printed_settings(plan, settings)
    agency = ["ỦY BAN NHÂN DÂN", unit_name(settings).upper()]
    number = plan.number or BLANK
    layout = PlanLayout(
        agency_lines=agency,
        number_line=f"Số: {number}/{settings.number_suffix}",
        place_date=date_line(plan.place_name or settings.place_name, plan.issue_date, plan.year),
        doc_type="KẾ HOẠCH",
        title=plan.title,
        signer_authority=f"{plan.signer_authority} ỦY BAN NHÂN DÂN" if plan.signer_authority == "TM." else
        f"{plan.signer_authority} CHỦ TỊCH",
        signer_title=plan.signer_title.upper(),
        signer_name=plan.signer_name,
    )
    body = layout.body
    for b in plan.legal_bases:
        when = f" ngày {b.issue_date:%d/%m/%Y}" if b.issue_date else ""
        body.append(Paragraph("basis", f"Thực hiện {b.doc_type} số {b.number}{when} của {b.issuer} {b.summary}".strip()))
    for i, para in enumerate(body):  # NĐ 30, Phụ lục I, mục II.6a: each căn cứ ends ";", the last "."
        para.text = para.text.rstrip(";.") + (";" if i < len(body) - 1 else ".")
    intro = f"Ủy ban nhân dân {unit_name(settings)} ban hành Kế hoạch {plan.title[:1].lower()}{plan.title[1:]}"
    intro += f" với chủ đề: “{plan.theme.strip()}”." if plan.theme.strip() else "."
    body.append(Paragraph("body", intro))
    roman = iter(_ROMAN)
    body.append(Paragraph("h1", f"{next(roman)}. MỤC ĐÍCH, YÊU CẦU"))
    for i, (kind, label) in enumerate([(SectionKind.PURPOSE, "Mục đích"), (SectionKind.REQUIREMENT, "Yêu cầu")], 1):
        body.append(Paragraph("h2", f"{i}. {label}"))
        section = section_of(plan, kind)
        body.extend(_bullets(section.body if section else ""))
    body.append(Paragraph("h1", f"{next(roman)}. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA"))
    body.append(Paragraph("h2", "1. Nội dung thi đua"))
    letters = iter("abcdđeghiklmn")
    for s in plan.sections:
        if s.kind is SectionKind.CONTENT and s.body.strip():
            body.append(Paragraph("h3", f"{next(letters)}) {s.heading}"))
            body.extend(Paragraph("body", line.strip()) for line in s.body.splitlines() if line.strip())
    body.append(Paragraph("h2", "2. Chỉ tiêu thi đua"))
    if plan.targets_as_table:
        layout.target_table = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"]] + [
            [str(n), t.indicator, t.unit or "", (target_value(t) or "Đạt").removesuffix(t.unit or "").strip()]
            for n, t in enumerate(plan.targets, 1)
        ]
        layout.table_after = len(body) - 1
    else:
        n = 0
        groups = [f for f in Field if any(t.field is f for t in plan.targets)]
        letters = iter("abcdđeghiklmn")
        for f in groups:
            if len(groups) > 1:
                body.append(Paragraph("h3", f"{next(letters)}) {FIELD_LABELS[f]}"))
            for t in (t for t in plan.targets if t.field is f):
                n += 1
                body.append(Paragraph("bullet", f"({n}) {target_sentence(t)};"))
        if n:
            body[-1].text = body[-1].text.rstrip(";") + "."
    if plan.kind is PlanKind.CAMPAIGN:
        body.append(Paragraph("h1", f"{next(roman)}. THỜI GIAN THI ĐUA"))
        start, end = plan.campaign_start, plan.campaign_end
        if start and end:
            body.append(Paragraph("body", f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}."))
        timeline = section_of(plan, SectionKind.TIMELINE)
        body.extend(Paragraph("body", line) for line in (timeline.body.splitlines() if timeline else []) if line.strip())
    body.append(Paragraph("h1", f"{next(roman)}. KHEN THƯỞNG"))
    award = section_of(plan, SectionKind.AWARD)
    body.extend(_bullets(award.body if award else ""))
    if plan.award_deadline:
        body.append(Paragraph("bullet", f"- Hồ sơ đề nghị khen thưởng gửi về Ủy ban nhân dân {unit_name(settings)} "
                                        f"(qua công chức Văn phòng - Thống kê) trước ngày {plan.award_deadline:%d/%m/%Y}."))
    body.append(Paragraph("h1", f"{next(roman)}. TỔ CHỨC THỰC HIỆN"))
    for i, a in enumerate(plan.assignments, 1):
        when = f" Thời hạn: trước ngày {a.deadline:%d/%m/%Y}." if a.deadline else ""
        body.append(Paragraph("body", f"{i}. {a.unit}: {a.task.strip().rstrip('.')}.{when}"))
    organisation = section_of(plan, SectionKind.ORGANISATION)
    body.extend(Paragraph("body", line) for line in (organisation.body.splitlines() if organisation else []) if line.strip())
    closing = section_of(plan, SectionKind.CLOSING)
    last = closing.body.strip() if closing and closing.body.strip() else (
        f"Trên đây là Kế hoạch phát động phong trào thi đua năm {plan.year} của Ủy ban nhân dân {unit_name(settings)}; "
        "đề nghị các cơ quan, đơn vị triển khai thực hiện.")
    body.append(Paragraph("body", last.rstrip(".") + "./."))
    names = [r.name.strip().rstrip(";.") for r in plan.recipients if r.name.strip()]
    layout.recipients = [f"- {n};" for n in names[:-1]] + ([f"- {names[-1]}."] if names else [])
    return layout
