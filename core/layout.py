"""The printed plan as an ordered list of blocks, shared by the .docx export and the Qt print preview.

Both renderers follow the same rules of NĐ 30/2020/NĐ-CP, Phụ lục I, so what is previewed is what is
exported. This module decides *what* is printed and in which style; renderers decide *how*.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from core.models import CommuneSettings, Comparator, Field, Plan, PlanKind, SectionKind, Target
from core.plans import FIELD_LABELS, FORMER_DRAFTING_UNIT, printed_settings, section_of, unit_name
from core.text import fold

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # NĐ 30, Phụ lục I, mục II.1a
MOTTO = "Độc lập - Tự do - Hạnh phúc"  # NĐ 30, Phụ lục I, mục II.1b
# Printed width of MOTTO in Times New Roman Bold 14 pt, measured with its metric twin Liberation Serif Bold: the rule
# under the tiêu ngữ is exactly this long (NĐ 30, Phụ lục I, mục II.1b), where the estimate below is ~14 % long.
MOTTO_WIDTH_MM = 60.5
BLANK = "\u00a0" * 6  # room to write a number or a day by hand
PAGE_MM = (210, 297)  # A4 portrait, width × height (NĐ 30, Phụ lục I, mục I.1–2)
MARGINS_MM = (20, 15, 20, 30)  # top, right, bottom, left: the low end of each range of NĐ 30, Phụ lục I, mục I.3
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM[1] - MARGINS_MM[3]
CELL_PADDING_MM = 1.9  # left and right padding inside every table cell (Word's default: 0,19 cm)
CELL_MARGINS_MM = 2 * CELL_PADDING_MM + 0.2  # a cell's padding on both sides, with room to spare
HEADER_DISTANCE_MM = 10  # from the top of the page to the page number (in the top margin, NĐ 30, Phụ lục I, I.7)
HEADER_LEFT_MM = 62  # width of the header's left column (issuing body, số), the rest for Quốc hiệu
CLOSING_LEFT_MM = 80  # width of the closing block's left column (Nơi nhận), the rest for the signature
AFTER_PT = 6  # space after a body paragraph (NĐ 30, Phụ lục I, mục II.6e: at least 6 pt)
SIGN_LINES = 4  # empty 14 pt lines between the signer's title and name: room to sign and stamp
RULE_BOX_PT = 4  # height of the paragraph whose bottom border is a header rule: the rule's gap under the text
RULE_PT = 0.75  # thickness of a header rule
FIRST_LINE_INDENT_MM = 12.7  # body paragraphs, justified (NĐ 30, Phụ lục I, mục II.6e: 1 to 1.27 cm)
STYLES = {  # body paragraph style: (size pt, bold, italic); all justified with the first-line indent
    "basis": (14, False, True),
    "body": (14, False, False),
    "bullet": (14, False, False),
    "h1": (14, True, False),
    "h2": (14, True, False),
    "h3": (14, False, False),
}


def line_pt(size: float) -> float:
    """Exact line height (pt) of text in ``size`` pt: size + 3 pt, a little over Times New Roman's single spacing
    (1.15 × size), within NĐ 30's "from single to 1.5 lines" (Phụ lục I, mục II.6e). Exact heights make every
    renderer (Word, LibreOffice, Qt) stack the same lines the same height, so pages break at the same lines."""
    return size + 3


def text_width_mm(text: str, size: float, bold: bool) -> float:
    """Rough printed width of ``text`` in Times New Roman, in mm (average glyph ≈ 0.47 em, capitals ≈ 0.68 em)."""
    em = size * 0.3528
    caps = sum(1 for c in text if c.isupper())
    return em * ((len(text) - caps) * 0.47 + caps * 0.68) * (1.05 if bold else 1.0)


def table_widths_mm(rows: list[list[str]], wide: int, size: float = 13) -> list[float]:
    """Column widths (mm) of a printed table filling the text width: every column but ``wide`` as wide as its
    longest cell on one line (the header row in bold), capped at a quarter of the page; ``wide`` (the
    indicator) takes the rest. So "STT" never wraps and a unit never breaks inside a word."""
    widths = []
    for c in range(len(rows[0])):
        need = max(text_width_mm(row[c], size, r == 0) for r, row in enumerate(rows)) + CELL_MARGINS_MM
        widths.append(min(need, TEXT_WIDTH_MM / 4))
    widths[wide] = TEXT_WIDTH_MM - sum(w for c, w in enumerate(widths) if c != wide)
    return widths


@dataclass
class Paragraph:
    """One paragraph. ``style``: basis (italic), body, h1 (I. CAPITALS bold), h2 ("1." bold), h3 ("a)"), bullet."""

    style: str
    text: str


@dataclass
class PlanLayout:
    """Everything a renderer needs, in print order."""

    issuer: str  # "Ủy ban nhân dân xã Hòa Phong": the .docx's author
    agency_lines: list[str]  # cơ quan ban hành, capitals
    number_line: str  # "Số: 05/KH-UBND"
    place_date: str  # "Phổ An, ngày 05 tháng 02 năm 2025"
    doc_type: str  # "KẾ HOẠCH"
    title: str  # trích yếu
    body: list[Paragraph] = field(default_factory=list)
    target_table: list[list[str]] | None = None  # header row + rows, when the plan prints targets as a table
    table_after: int = 0  # index in ``body`` after which the table stands
    table_widths_mm: list[float] = field(default_factory=list)  # the table's column widths
    recipients: list[str] = field(default_factory=list)
    signer_lines: list[str] = field(default_factory=list)  # ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    signer_name: str = ""
    rules_mm: tuple[float, float, float] = (0, 0, 0)  # lengths of the rules under the issuing body, tiêu ngữ, trích yếu


    def keeps_with_next(self, i: int) -> bool:
        """Whether body paragraph ``i`` stays on the page of what follows it: a heading, the line before the
        targets table, and the last paragraph (so the signature never stands alone on a page)."""
        return (self.body[i].style in ("h1", "h2", "h3") or i == len(self.body) - 1
                or (self.target_table is not None and i == self.table_after))


def vn_number(value: float) -> str:
    """A number in Vietnamese writing: 28603.61 → "28.603,61", 1600 → "1.600", 0.8 → "0,8"."""
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


_COMPARATOR_WORDS = {
    Comparator.EQ: "đạt {}", Comparator.APPROX: "khoảng {}", Comparator.GT: "trên {}",
    Comparator.GE: "từ {} trở lên", Comparator.LT: "dưới {}", Comparator.LE: "không quá {}",
    Comparator.REDUCE_BY: "giảm {}", Comparator.REDUCE_TO: "giảm còn {}",
}


def target_value(t: Target, of: str = "", with_unit: bool = True) -> str:
    """The value with its comparator in words: "khoảng 28.603,61 tỷ đồng", "từ 95% trở lên"; ``of`` is what a
    relative value is a share of: "từ 100% dự toán được giao trở lên"; without the unit for a table that has a
    unit column ("từ 95 trở lên")."""
    if t.comparator is Comparator.QUALITATIVE or t.value is None:
        return ""
    amount = vn_number(t.value) + (f" - {vn_number(t.value_max)}" if t.value_max is not None else "")
    unit = (t.unit or "") if with_unit else ""
    amount = f"{amount}{unit}" if unit in ("%", "‰") else f"{amount} {unit}".strip()
    amount = f"{amount} {of}" if of else amount
    return _COMPARATOR_WORDS[t.comparator].format(amount)


_RELATIVE = re.compile(r"^(.+?) \(([^()]+)\)$")  # "Thu ngân sách … (dự toán được giao)": value relative to the tail
_ACHIEVE = ("hoàn thành", "đạt", "vượt")
# "… giảm năm 2025 so với năm 2024 giảm": the comparison an extracted reduce-by indicator may carry
_COMPARED = re.compile(r"\s*(?:giảm\s+)?(?:năm \d{4}\s+)?so với năm (\d{4})(?:\s+giảm)?\s*$", re.I)


def _reduced(t: Target, year: int | None) -> tuple[str, str]:
    """A reduce-by target as ("Giảm tỷ lệ hộ nghèo", "so với năm 2025"): the verb first, the year compared last
    (the one the indicator names, else the year before the plan's)."""
    indicator = t.indicator.strip()
    compared = _COMPARED.search(indicator)
    since = compared.group(1) if compared else (str(year - 1) if year else "")
    head = indicator[:compared.start()] if compared else indicator
    head = re.sub(r"\s+giảm$", "", head.strip(), flags=re.I)
    head = head if head.lower().startswith("giảm") else f"Giảm {head[:1].lower()}{head[1:]}"
    return head, f"so với năm {since}" if since else ""


def target_sentence(t: Target, year: int | None = None) -> str:
    """One target as printed in the list: "Tỷ lệ hộ nghèo giảm còn 2,5%". A value stated relative to something
    is put back where the source wrote it: "Thu ngân sách nhà nước trên địa bàn đạt 100% dự toán được giao",
    "Hoàn thành 100% chỉ tiêu giao quân" (the indicator keeps that tail in parentheses). A reduce-by target
    reads "Giảm tỷ lệ hộ nghèo 0,5% so với năm 2025" (``year``: the plan's)."""
    value = target_value(t)
    relative = _RELATIVE.match(t.indicator)
    if value and t.comparator is Comparator.REDUCE_BY and not relative:
        head, since = _reduced(t, year)
        return " ".join(filter(None, [head, value.removeprefix("giảm "), since]))
    if value and relative:
        head, tail = relative.groups()
        value = target_value(t, of=tail)
        if t.comparator is Comparator.EQ and head.lower().endswith(_ACHIEVE):
            value = value.removeprefix("đạt ")  # "Hoàn thành đạt 100%" says it twice
        return f"{head} {value}"
    return f"{t.indicator} {value}".strip() if value else t.indicator


def table_row(n: int, t: Target, year: int | None = None) -> list[str]:
    """A row of the targets table (STT, Chỉ tiêu, Đơn vị tính, Kế hoạch): the indicator reads as a phrase
    ("Hoàn thành chỉ tiêu giao quân", "Giảm tỷ lệ hộ nghèo so với năm 2025"), the unit is said once, in its column
    ("%" | "từ 100 trở lên"), and a value the indicator already qualifies stands alone ("100")."""
    indicator, value = t.indicator, target_value(t, with_unit=False)
    relative = _RELATIVE.match(indicator)
    if relative:
        indicator = " ".join(relative.groups())
        if t.comparator is Comparator.EQ:
            value = value.removeprefix("đạt ")
    elif t.comparator is Comparator.REDUCE_BY and value:
        head, since = _reduced(t, year)
        indicator, value = " ".join(filter(None, [head, since])), value.removeprefix("giảm ")
    return [str(n), indicator, t.unit or "", value or "Đạt"]


def long_date(day: dt.date) -> str:
    """"ngày 05 tháng 3 năm 2020": day below 10 and months 1–2 with a leading zero (NĐ 30/2020/NĐ-CP, Phụ lục I,
    mục II.4), the one style of every date the plan prints in words."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, day: dt.date | None, year: int) -> str:
    """Place and date; a blank date leaves room to write it (see :func:`long_date`)."""
    if day is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm {year}"
    return f"{place}, {long_date(day)}"


# Family names that make a unit's name a person's ("Phường Nguyễn Thái Bình"), folded.
_FAMILY_NAMES = {"nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho",
                 "ngo", "duong", "ly", "dinh", "mac", "trinh", "ton", "quang", "cao", "lam", "luong"}


def place_in_full(place: str, settings) -> str:
    """The địa danh of the date line: a unit named after a person or by a number is written with its unit type,
    "Phường Nguyễn Thái Bình", "Phường 12" (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.4); other names as they are."""
    words = place.split()
    if place != settings.commune_name or not words:
        return place
    person = len(words) >= 2 and fold(words[0]) in _FAMILY_NAMES
    if person or place.isdigit():
        return f"{settings.unit_type.value.capitalize()} {place}"
    return place


def agency_lines(unit: str, width_mm: float = HEADER_LEFT_MM - CELL_MARGINS_MM) -> list[str]:
    """The issuing body in capitals: "ỦY BAN NHÂN DÂN" then the unit; a unit too long for the header's column is
    broken after its type ("PHƯỜNG" / "NGUYỄN THÁI BÌNH"), never inside its name (NĐ 30, Phụ lục I, mục II.2)."""
    unit = unit.upper()
    if text_width_mm(unit, 13, True) <= width_mm:
        return ["ỦY BAN NHÂN DÂN", unit]
    for kind in ("ĐẶC KHU", "THỊ TRẤN", "PHƯỜNG", "XÃ"):
        if unit.startswith(kind + " "):
            return ["ỦY BAN NHÂN DÂN", kind, unit[len(kind) + 1:]]
    return ["ỦY BAN NHÂN DÂN", unit]


# Documents a plan is made under ("Căn cứ"): laws and the legal documents that give the commune its powers;
# the superior's plans, directives and letters are carried out ("Thực hiện").
LEGAL_TYPES = ("Luật", "Nghị định", "Thông tư", "Nghị quyết", "Quyết định")


def basis_sentence(b) -> str:
    """One căn cứ as printed (without its final ";" or "."), leaving out any part not filled in:

    * a law by name and date: "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022";
    * another legal document: "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định …";
    * a plan, directive or letter: "Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 01 năm 2026 của UBND tỉnh …".

    Every date in the one style of :func:`long_date`.

    ``b``: a LegalBasis (doc_type, number, issue_date, issuer, summary). The forms follow the căn cứ of
    NĐ 30/2020/NĐ-CP's models (Phụ lục III) and of plans in use.
    """
    doc_type = (b.doc_type or "Kế hoạch").strip()
    summary = (b.summary or "").strip()
    if doc_type == "Luật":
        when = f" {long_date(b.issue_date)}" if b.issue_date else ""
        return f"Căn cứ Luật {summary}{when}".strip()
    legal = doc_type in LEGAL_TYPES
    parts = ["Căn cứ" if legal else "Thực hiện", doc_type]
    if b.number and b.number.strip():
        parts.append(f"số {b.number.strip()}")
    if b.issue_date:
        parts.append(long_date(b.issue_date))
    if b.issuer and b.issuer.strip():
        parts.append(f"của {b.issuer.strip()}")
    if summary:
        parts.append(summary)
    return " ".join(parts)


def signer_lines(authority: str, title: str) -> list[str]:
    """The lines above the signature. The Ủy ban nhân dân works collectively, so its documents are signed
    "TM. ỦY BAN NHÂN DÂN" by the chairman, and a vice-chairman signs "KT. CHỦ TỊCH" under that line
    (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.7a–b): ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]."""
    lines = ["TM. ỦY BAN NHÂN DÂN"]
    if authority == "KT.":
        lines.append("KT. CHỦ TỊCH")
    return [*lines, title.upper()]


def _bullets(text: str) -> list[Paragraph]:
    return [Paragraph("bullet", f"- {line.strip().lstrip('- ')}") for line in text.splitlines() if line.strip()]


_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"]
# Rank of a căn cứ (NĐ 30's models, Phụ lục III): laws, then decrees, circulars, resolutions, decisions, then the
# documents carried out ("Thực hiện …": the superior's plans, directives, letters).
_BASIS_RANK = {doc_type: rank for rank, doc_type in enumerate(LEGAL_TYPES)}


def basis_rank(b) -> int:
    """Where a căn cứ stands among the others (see :data:`LEGAL_TYPES`)."""
    return _BASIS_RANK.get((b.doc_type or "").strip(), len(_BASIS_RANK))


# Abbreviations a plan may use, written in full at first use (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.6: a word
# abbreviated is written in full, the abbreviation in brackets, the first time).
ABBREVIATIONS = {"UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam", "HĐND": "Hội đồng nhân dân",
                 "UBND": "Ủy ban nhân dân"}


def spell_out_first(body: list[Paragraph]) -> None:
    """In the body, the first use of each of :data:`ABBREVIATIONS` becomes its full words: followed by the
    abbreviation in brackets when it is used again later, alone otherwise."""
    for short, full in ABBREVIATIONS.items():
        word = re.compile(rf"(?<![\w/-]){short}(?![\w/-])")  # not inside a number such as 45/NQ-HĐND
        uses = [i for i, p in enumerate(body) for _ in word.finditer(p.text)]
        if uses:
            again = len(uses) > 1
            p = body[uses[0]]
            p.text = word.sub(f"{full} ({short})" if again else full, p.text, count=1)


def unbroken(title: str) -> str:
    """The trích yếu with the words of "kinh tế - xã hội" joined by no-break spaces, so no line breaks inside it."""
    return re.sub(r"kinh tế - xã hội", lambda m: m.group(0).replace(" ", "\u00a0"), title)


def _movement(plan: Plan) -> str:
    if plan.kind is PlanKind.CAMPAIGN:
        return "đợt thi đua" + (f" từ {long_date(plan.campaign_start)} đến {long_date(plan.campaign_end)}"
                                if plan.campaign_start and plan.campaign_end else f" năm {plan.year}")
    return f"phong trào thi đua năm {plan.year}"


def build_layout(plan: Plan, settings: CommuneSettings) -> PlanLayout:
    """The printed plan's blocks from the plan and the commune settings (those frozen at ban hành for an
    issued plan, see :func:`core.plans.printed_settings`)."""
    current, settings = settings, printed_settings(plan, settings)
    agency = agency_lines(unit_name(settings))
    number = plan.number or BLANK
    layout = PlanLayout(
        issuer=f"Ủy ban nhân dân {unit_name(settings)}",
        agency_lines=agency,
        number_line=f"Số: {number}/{settings.number_suffix}",
        place_date=date_line(place_in_full(plan.place_name or settings.place_name, settings), plan.issue_date,
                             plan.year),
        doc_type="KẾ HOẠCH",
        title=unbroken(plan.title),
        signer_lines=signer_lines(plan.signer_authority, plan.signer_title),
        signer_name=plan.signer_name,
    )
    layout.rules_mm = (  # NĐ 30, Phụ lục I, mục II.1b, II.2, II.5b: under the tiêu ngữ as long as it, others shorter
        min(max(text_width_mm(line, 13, True) for line in agency), HEADER_LEFT_MM) * 0.45,
        MOTTO_WIDTH_MM,
        min(text_width_mm(plan.title, 14, True), TEXT_WIDTH_MM) * 0.4,
    )
    body = layout.body
    for b in sorted(plan.legal_bases, key=basis_rank):  # a sort keeps the clerk's order within a rank
        body.append(Paragraph("basis", basis_sentence(b)))
    for i, para in enumerate(body):  # NĐ 30, Phụ lục I, mục II.6a: each căn cứ ends ";", the last "."
        para.text = para.text.rstrip(";.") + (";" if i < len(body) - 1 else ".")
    intro = f"Ủy ban nhân dân {unit_name(settings)} ban hành Kế hoạch {plan.title[:1].lower()}{plan.title[1:]}"
    theme = plan.theme.strip().rstrip(".").strip()  # the sentence's own full stop follows the quote
    intro += f" với chủ đề: “{theme}”." if theme else "."
    body.append(Paragraph("body", intro))
    revised = plan.revises
    if revised is not None:  # named as it was issued, even by a commune since renamed
        issued_by = printed_settings(revised, current)
        what = f"Kế hoạch số {revised.number}/{issued_by.number_suffix}" if revised.number else "Kế hoạch"
        when = f" {long_date(revised.issue_date)}" if revised.issue_date else ""
        body.append(Paragraph("body", f"Kế hoạch này sửa đổi, bổ sung {what}{when} của Ủy ban nhân dân "
                                      f"{unit_name(issued_by)} và thay thế kế hoạch đó."))
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
            table_row(n, t, plan.year) for n, t in enumerate(plan.targets, 1)]
        layout.table_after = len(body) - 1
        layout.table_widths_mm = table_widths_mm(layout.target_table, wide=1)
    else:
        n = 0
        groups = [f for f in Field if any(t.field is f for t in plan.targets)]
        letters = iter("abcdđeghiklmn")
        for f in groups:
            if len(groups) > 1:
                body.append(Paragraph("h3", f"{next(letters)}) {FIELD_LABELS[f]}"))
            for t in (t for t in plan.targets if t.field is f):
                n += 1
                body.append(Paragraph("bullet", f"({n}) {target_sentence(t, plan.year)};"))
        if n:
            body[-1].text = body[-1].text.rstrip(";") + "."
    if plan.kind is PlanKind.CAMPAIGN:
        body.append(Paragraph("h1", f"{next(roman)}. THỜI GIAN THI ĐUA"))
        start, end = plan.campaign_start, plan.campaign_end
        if start and end:
            body.append(Paragraph("body", f"Từ {long_date(start)} đến {long_date(end)}."))
        timeline = section_of(plan, SectionKind.TIMELINE)
        timeline_lines = timeline.body.splitlines() if timeline else []
        body.extend(Paragraph("body", line) for line in timeline_lines if line.strip())
    body.append(Paragraph("h1", f"{next(roman)}. KHEN THƯỞNG"))
    award = section_of(plan, SectionKind.AWARD)
    body.extend(_bullets(award.body if award else ""))
    if plan.award_deadline:
        via = settings.drafting_unit or FORMER_DRAFTING_UNIT
        body.append(Paragraph("bullet", f"- Hồ sơ đề nghị khen thưởng gửi về Ủy ban nhân dân {unit_name(settings)} "
                                        f"(qua {via}) trước {long_date(plan.award_deadline)}."))
    body.append(Paragraph("h1", f"{next(roman)}. TỔ CHỨC THỰC HIỆN"))
    for i, a in enumerate(plan.assignments, 1):
        when = f" Thời hạn: trước {long_date(a.deadline)}." if a.deadline else ""
        body.append(Paragraph("body", f"{i}. {a.unit}: {a.task.strip().rstrip('.')}.{when}"))
    organisation = section_of(plan, SectionKind.ORGANISATION)
    organisation_lines = organisation.body.splitlines() if organisation else []
    body.extend(Paragraph("body", line) for line in organisation_lines if line.strip())
    closing = section_of(plan, SectionKind.CLOSING)
    last = closing.body.strip() if closing and closing.body.strip() else (
        f"Trên đây là Kế hoạch phát động {_movement(plan)} của Ủy ban nhân dân {unit_name(settings)}; "
        "đề nghị các cơ quan, đơn vị triển khai thực hiện.")
    body.append(Paragraph("body", last.rstrip(".") + "./."))
    spell_out_first(body)
    names = [r.name.strip().rstrip(";.") for r in plan.recipients if r.name.strip()]
    layout.recipients = [f"- {n};" for n in names[:-1]] + ([f"- {names[-1]}."] if names else [])
    return layout
