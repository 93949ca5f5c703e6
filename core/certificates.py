"""Certificates (Giấy khen, and the certificate of an emulation title) printed on the commune's pre-printed
blanks (phôi): which fields print, their text for each nomination of an issued Quyết định, and where each field
sits on the blank of its award form (calibrated by the clerk, in millimetres). No Qt: ``ui.certificates`` paints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from core.layout import date_line
from core.models import AwardDocument, CertificateLayout, CommuneSettings, Nomination
from core.plans import unit_name
from core.season import DECISION, ISSUED, decision_signer_lines, full_number, printed
from core.terms import NomineeKind


@dataclass(frozen=True)
class Field:
    """A printed field: its label for the clerk, default anchor (x, y in mm from the blank's top-left corner; x is
    the centre of the text for ``align`` "center", its left end for "left"; y is the baseline of the first line),
    size (pt), style, and the width (mm) a long text wraps within."""

    label: str
    x: float
    y: float
    size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"
    width: float = 200


BLANK_MM = (297.0, 210.0)  # the usual Giấy khen blank: A4 landscape
FIELDS: dict[str, Field] = {  # defaults for an A4 landscape blank whose printed frame leaves the middle free
    "name": Field("Họ và tên / tên tập thể", 148.5, 96, 22, bold=True, width=230),
    "unit": Field("Chức vụ, đơn vị / địa chỉ", 148.5, 108, 15, width=230),
    "achievement": Field("Thành tích", 148.5, 120, 15, italic=True, width=220),
    "decision": Field("Số, ngày quyết định", 75, 172, 12, italic=True, width=110),
    "place_date": Field("Địa danh, ngày tháng năm", 215, 148, 14, italic=True, width=140),
    "signer_title": Field("Chức vụ người ký", 215, 156, 14, bold=True, width=140),
    "signer_name": Field("Họ tên người ký", 215, 188, 15, bold=True, width=140),
}


@dataclass
class Certificate:
    """One certificate to print: the nomination, its award form (whose layout applies) and each field's text."""

    nomination_id: int
    form_code: str
    texts: dict[str, str]


def certificate_of(m: Nomination, document: AwardDocument, settings: CommuneSettings) -> Certificate:
    """The texts of the certificate of ``m``, granted by the issued Quyết định ``document``."""
    n = m.nominee
    s = printed(document, settings)
    honorific = {"Nam": "Ông ", "Nữ": "Bà "}.get(n.gender or "", "") if n.kind is NomineeKind.INDIVIDUAL else ""
    form = m.award_form
    if form.category == "title":
        title = form.name[:1].lower() + form.name[1:]
        achievement = f"Đạt {title} năm {m.year}"
    else:
        achievement = f"Đã có thành tích xuất sắc trong phong trào thi đua năm {m.year}"
    signer = " - ".join(decision_signer_lines(document))
    texts = {"name": f"{honorific}{n.name}",
             "unit": ", ".join(part for part in (n.position, n.unit) if part),
             "achievement": achievement,
             "decision": f"Quyết định số {full_number(document)} ngày {document.issue_date:%d/%m/%Y}"
             if document.issue_date else "",
             "place_date": date_line(s.place_name or s.commune_name, document.issue_date, document.year),
             "signer_title": f"{signer} ỦY BAN NHÂN DÂN {unit_name(s).upper()}" if signer == "CHỦ TỊCH" else signer,
             "signer_name": document.signer_name}
    return Certificate(m.id, m.award_form_code, texts)


def certificates(session: Session, document_id: int, settings: CommuneSettings) -> list[Certificate]:
    """The certificates of an issued Quyết định, in its list order; none for a draft or a Tờ trình (nothing is
    granted yet)."""
    document = session.get(AwardDocument, document_id)
    if document is None or document.kind != DECISION or document.status != ISSUED:
        return []
    return [certificate_of(item.nomination, document, settings) for item in document.items]


@dataclass
class Placement:
    """A field where it prints on one form's blank: the field's style with the clerk's calibrated anchor."""

    key: str
    field: Field
    x: float
    y: float


def layout_of(session: Session, form_code: str) -> tuple[tuple[float, float], list[Placement]]:
    """The blank's size (mm) and every field's placement for ``form_code``: the clerk's calibration where saved,
    else the defaults of :data:`FIELDS`."""
    saved = session.get(CertificateLayout, form_code)
    moved = saved.fields if saved else {}
    size = (saved.page_width_mm, saved.page_height_mm) if saved else BLANK_MM
    return size, [Placement(key, f, moved.get(key, {}).get("x", f.x), moved.get(key, {}).get("y", f.y))
                  for key, f in FIELDS.items()]


def save_layout(session: Session, form_code: str, positions: dict[str, tuple[float, float]],
                size: tuple[float, float] = BLANK_MM) -> None:
    """Keep the calibrated anchors (mm) of ``form_code``'s blank. Raises ``ValueError`` for an anchor outside it."""
    for key, (x, y) in positions.items():
        if key not in FIELDS or not (0 <= x <= size[0] and 0 <= y <= size[1]):
            raise ValueError(f"Vị trí «{FIELDS[key].label if key in FIELDS else key}» nằm ngoài phôi.")
    layout = session.get(CertificateLayout, form_code) or CertificateLayout(form_code=form_code)
    layout.page_width_mm, layout.page_height_mm = size
    layout.fields = {key: {"x": round(x, 1), "y": round(y, 1)} for key, (x, y) in positions.items()}
    session.add(layout)


def sample(form_name: str, today: dt.date) -> dict[str, str]:
    """Texts of a calibration print: each field shows its own label, so the clerk sees which is which."""
    return {key: f.label.upper() if key == "name" else f.label for key, f in FIELDS.items()} | {
        "achievement": f"Thành tích ({form_name})", "place_date": f"Địa danh, ngày {today:%d/%m/%Y}"}
