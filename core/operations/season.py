"""Operations of the award season (GUIDE §4), called by the screens and by ``main.py award-documents``.

Each function opens its own transaction on the :class:`core.db.Database` it is given, commits, and returns plain
data (dataclasses, dicts, ids), never ORM objects. Errors the clerk must see are :class:`core.season.SeasonError`
and :class:`core.season_docs.TemplateError` (one Vietnamese sentence each).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from core import season
from core.catalogue import Routes, routes
from core.db import Database
from core.models import AwardDocument, AwardDocumentItem, CouncilSession, Nomination
from core.season import DECISION, PROPOSAL, SeasonError
from core.season_docs import addressee
from core.settings import load_settings
from core.terms import NominationStatus


def form_routes(db: Database) -> Routes:
    """The routes (xã quyết định / đề nghị cấp trên) of nominations: ``.of_nomination(code, year, deadline,
    decision_date)`` (see :class:`core.catalogue.Routes`)."""
    with db.session() as s:
        return routes(s)


@dataclass
class DocumentInfo:
    """An award document as the season screen lists it."""

    id: int
    kind: str  # "decision" / "proposal"
    label: str  # "Quyết định khen thưởng"
    year: int
    number: str  # "12/QĐ-UBND" or "" while a draft
    issue_date: dt.date | None
    issued: bool
    names: list[str]  # the nominees listed, in list order


def _info(document: AwardDocument) -> DocumentInfo:
    return DocumentInfo(document.id, document.kind, season.DOCUMENT_LABELS[document.kind], document.year,
                        season.full_number(document) if document.number else "", document.issue_date,
                        document.status == season.ISSUED, [i.nomination.nominee.name for i in document.items])


def documents(db: Database, year: int) -> list[DocumentInfo]:
    """The Quyết định and Tờ trình of ``year``, oldest first."""
    with db.session() as s:
        return [_info(d) for d in s.scalars(select(AwardDocument).where(AwardDocument.year == year)
                                            .order_by(AwardDocument.id))]


def candidate_names(db: Database, kind: str, year: int) -> list[str]:
    """Who a new document of ``kind`` for ``year`` would list (see :func:`core.season.candidates`)."""
    with db.session() as s:
        return [m.nominee.name for m in season.candidates(s, kind, year)]


def create_document(db: Database, kind: str, year: int) -> DocumentInfo:
    """A draft Quyết định (``kind`` "decision") or Tờ trình ("proposal") of ``year`` listing its candidates,
    signed by the chairman. Raises :class:`SeasonError` when no nomination is waiting for it."""
    with db.session() as s:
        chosen = season.candidates(s, kind, year)
        if not chosen:
            waiting = "đã bình xét thuộc thẩm quyền của xã" if kind == DECISION else "đã bình xét cần trình cấp trên"
            raise SeasonError(f"Năm {year} không còn đề nghị nào {waiting}.")
        settings = load_settings(s)
        document = AwardDocument(kind=kind, year=year, signer_name=settings.chairman_name if settings else "",
                                 signer_authority="" if kind == DECISION else "TM.",
                                 addressee=addressee(settings) if settings and kind == PROPOSAL else "")
        document.items = [AwardDocumentItem(nomination=m, position=n) for n, m in enumerate(chosen)]
        s.add(document)
        s.flush()
        return _info(document)


def issue_document(db: Database, document_id: int, number: str, day: dt.date) -> DocumentInfo:
    """Ban hành a Quyết định (its nominations become granted with its number and date) or send a Tờ trình (its
    nominations become "đã trình cấp trên"); the document is frozen from then on. Raises :class:`SeasonError`."""
    with db.session() as s:
        document = s.get(AwardDocument, document_id)
        settings = load_settings(s)
        if document is None or settings is None:
            raise SeasonError("Không tìm thấy văn bản này.")
        season.issue(document, number, day, settings)
        s.flush()
        return _info(document)


def delete_document(db: Database, document_id: int) -> None:
    """Delete a draft document (its nominations stay as they are). Raises :class:`SeasonError` once issued."""
    with db.session() as s:
        document = s.get(AwardDocument, document_id)
        if document is not None:
            s.delete(document)


def record_reply(db: Database, nomination_id: int, granted: bool, decision_number: str = "",
                 day: dt.date | None = None) -> None:
    """Record the superior's answer to a nomination sent with a Tờ trình (see :func:`core.season.record_reply`)."""
    with db.session() as s:
        nomination = s.get(Nomination, nomination_id)
        if nomination is None:
            raise SeasonError("Không tìm thấy đề nghị này.")
        season.record_reply(nomination, granted, decision_number, day)


@dataclass
class CouncilInfo:
    """A council session as the season screen lists it."""

    id: int
    held_on: dt.date
    place: str
    members: str  # "9/11"
    votes: list[tuple[str, str, int, bool]]  # (nominee, form, votes in favour, passed)


def councils(db: Database, year: int) -> list[CouncilInfo]:
    """The council sessions of ``year``, oldest first."""
    with db.session() as s:
        return [CouncilInfo(c.id, c.held_on, c.place, f"{c.members_present}/{c.members_total}",
                            [(v.nomination.nominee.name, v.nomination.award_form.name, v.votes_for, v.passed)
                             for v in c.votes])
                for c in s.scalars(select(CouncilSession).where(CouncilSession.year == year)
                                   .order_by(CouncilSession.held_on, CouncilSession.id))]


def to_vote(db: Database, year: int) -> list[tuple[int, str, str, str]]:
    """Nominations of ``year`` the council may vote on (being prepared, or voted already and put again):
    (id, nominee, form, threshold in words with its article or "chưa đối chiếu")."""
    with db.session() as s:
        found = s.scalars(select(Nomination).where(Nomination.year == year, Nomination.status.in_(
            [NominationStatus.DRAFT, NominationStatus.REVIEWED])))
        today = dt.date.today()
        return [(m.id, m.nominee.name, m.award_form.name, season.threshold_for(m.award_form_code, today).describe())
                for m in sorted(found, key=season.list_order)]


def council_defaults(db: Database) -> tuple[str, str]:
    """What a new council session starts with: the chair (the commune's Chairman chairs the Hội đồng) and the
    place (the commune's hall)."""
    from core.plans import unit_name

    with db.session() as s:
        settings = load_settings(s)
        if settings is None:
            return "", ""
        chair = f"{settings.chairman_name} - Chủ tịch UBND {unit_name(settings)}, Chủ tịch Hội đồng" \
            if settings.chairman_name else ""
        return chair, f"Hội trường Ủy ban nhân dân {unit_name(settings)}"


def record_council(db: Database, data: season.CouncilData) -> CouncilInfo:
    """Store a council session and its votes (see :func:`core.season.record_council`)."""
    with db.session() as s:
        council = season.record_council(s, data)
        return CouncilInfo(council.id, council.held_on, council.place,
                           f"{council.members_present}/{council.members_total}",
                           [(v.nomination.nominee.name, v.nomination.award_form.name, v.votes_for, v.passed)
                            for v in council.votes])


@dataclass
class ItemInfo:
    """A nomination listed on a document, with its status in its route's words."""

    nomination_id: int
    name: str
    form: str
    status: str
    decision_number: str
    decision_date: dt.date | None


def items(db: Database, document_id: int) -> list[ItemInfo]:
    """The nominations a document lists, in list order."""
    with db.session() as s:
        document = s.get(AwardDocument, document_id)
        found = routes(s)
        return [ItemInfo(m.id, m.nominee.name, m.award_form.name,
                         season.status_label(season.route_of_nomination(s, m, found), m.status),
                         m.decision_number or "", m.decision_date)
                for m in (i.nomination for i in (document.items if document else []))]


@dataclass
class RegisterRow:
    """An award granted (by the commune or above), as the register lists it."""

    nomination_id: int
    nominee_id: int
    name: str
    kind: str  # Cá nhân / Tập thể / Hộ gia đình
    unit: str
    form: str
    year: int | None
    decision_number: str
    decision_date: dt.date | None


def register(db: Database, text: str = "", year: int | None = None, limit: int = 500) -> list[RegisterRow]:
    """The register of granted awards (sổ theo dõi khen thưởng), newest decision first: every nomination granted,
    with its decision number and date; ``text`` is matched word by word without diacritics in name, unit and
    form, ``year`` narrows to one year; at most ``limit`` rows (the newest). The nominee's history and the
    eligibility hints of a new nomination read the same granted records (``core.nominations.history``,
    ``core.nominations.hints``)."""
    from core.nominations import NOMINEE_LABELS
    from core.text import search_key

    with db.session() as s:
        query = select(Nomination).where(Nomination.status == NominationStatus.GRANTED)
        if year is not None:
            query = query.where(Nomination.year == year)
        for word in search_key(text).split():
            query = query.where(Nomination.search_text.contains(word))
        found = s.scalars(query.order_by(Nomination.decision_date.desc(), Nomination.id.desc()).limit(limit))
        return [RegisterRow(m.id, m.nominee_id, m.nominee.name, NOMINEE_LABELS[m.nominee.kind], m.nominee.unit,
                            m.award_form.name, m.year, m.decision_number or "", m.decision_date) for m in found]


@dataclass
class CertificateJob:
    """What a certificate print needs, as plain data: the certificates and the placement of each form's fields."""

    certificates: list  # core.certificates.Certificate
    layouts: dict  # form code → (blank size mm, [core.certificates.Placement])
    form_names: dict[str, str]


def certificate_job(db: Database, document_id: int) -> CertificateJob:
    """The certificates of an issued Quyết định with the calibrated layout of each award form on it (empty for a
    draft or a Tờ trình)."""
    from core.certificates import certificates, layout_of
    from core.models import AwardForm

    with db.session() as s:
        settings = load_settings(s)
        found = certificates(s, document_id, settings) if settings else []
        codes = sorted({c.form_code for c in found})
        found_names = s.execute(select(AwardForm.code, AwardForm.name).where(AwardForm.code.in_(codes)))
        names = {code: name for code, name in found_names}
        return CertificateJob(found, {code: layout_of(s, code) for code in codes}, names)


def form_layout(db: Database, form_code: str) -> tuple:
    """The blank's size and field placements of ``form_code`` (see :func:`core.certificates.layout_of`)."""
    from core.certificates import layout_of

    with db.session() as s:
        return layout_of(s, form_code)


def save_form_layout(db: Database, form_code: str, positions: dict[str, tuple[float, float]]) -> None:
    """Keep the clerk's calibration of ``form_code``'s blank (see :func:`core.certificates.save_layout`)."""
    from core.certificates import save_layout

    with db.session() as s:
        save_layout(s, form_code, positions)


@dataclass
class Written:
    """A file written by :func:`write_documents`: its kind (``bien_ban``, ``quyet_dinh`` …) and path."""

    kind: str
    path: Path

    def as_dict(self) -> dict:
        return {"kind": self.kind, "path": str(self.path)}


def slug(name: str) -> str:
    """A file-name part from a name: "Lê Thị Thu Hà" → "le-thi-thu-ha"."""
    from core.text import search_key

    return "-".join(search_key(name).replace("/", " ").split())[:60] or "khong-ten"


def write_documents(db: Database, year: int, out: Path, user_dir: Path | None = None,
                    certificates_pdf=None) -> list[Written]:
    """Write every document of ``year``'s season that has data into the folder ``out`` (created if needed): for
    each council session its Biên bản; for each Quyết định its .docx and its danh sách; for each Tờ trình its .docx,
    its danh sách as .docx and .xlsx, and the Báo cáo thành tích of each nominee it sends up. With
    ``certificates_pdf(job, path)`` (Qt paints it: ``ui.certificates.write_pdf``), each issued Quyết định's Giấy
    khen as one PDF, a page per certificate, on the calibrated layout.
    Raises :class:`core.season_docs.TemplateError`, :class:`SeasonError` (no commune settings, or nothing to write
    for ``year``: then no folder is created) or ``OSError``."""
    from core import season_docs
    from core.season_xlsx import proposal_list_xlsx

    written: list[Written] = []
    with db.session() as s:
        settings = load_settings(s)
        if settings is None:
            raise SeasonError("Tệp dữ liệu chưa có thông tin xã.")
        councils = [c for c in s.scalars(select(CouncilSession).where(CouncilSession.year == year)
                                         .order_by(CouncilSession.held_on, CouncilSession.id)) if c.votes]
        listed = [d for d in s.scalars(select(AwardDocument).where(AwardDocument.year == year)
                                       .order_by(AwardDocument.id)) if d.items]
        if not councils and not listed:
            raise SeasonError(f"Năm {year} chưa có văn bản khen thưởng nào (biên bản họp Hội đồng, quyết định hay "
                              "tờ trình có danh sách) để ghi.")
        out.mkdir(parents=True, exist_ok=True)
        for council in councils:
            context = season_docs.council_context(s, council, settings)
            path = out / f"bien_ban-{council.held_on:%Y-%m-%d}-{council.id}.docx"
            written.append(Written("bien_ban", season_docs.render("bien_ban", context, path, user_dir)))
        for d in listed:
            stem = f"{d.number or 'du-thao'}-{d.id}"
            names = ("quyet_dinh", "danh_sach_quyet_dinh") if d.kind == DECISION else ("to_trinh", "danh_sach_to_trinh")
            for name in names:
                context = season_docs.CONTEXTS[name](s, d, settings)
                path = season_docs.render(name, context, out / f"{name}-{stem}.docx", user_dir)
                written.append(Written(name, path))
                if name == "danh_sach_to_trinh":
                    path = proposal_list_xlsx(context, out / f"{name}-{stem}.xlsx")
                    written.append(Written(name, path))
            if d.kind == PROPOSAL:  # each nominee sent up goes with a báo cáo thành tích
                for item in d.items:
                    m = item.nomination
                    path = out / f"bao_cao_thanh_tich-{m.id}-{slug(m.nominee.name)}.docx"
                    context = season_docs.achievement_context(s, m, settings)
                    season_docs.render(season_docs.achievement_template(m), context, path, user_dir)
                    written.append(Written("bao_cao_thanh_tich", path))
    if certificates_pdf is not None:
        for info in documents(db, year):
            job = certificate_job(db, info.id)
            if job.certificates:
                path = out / f"giay_khen-{info.number.split('/')[0]}-{info.id}.pdf"
                certificates_pdf(job, path)
                written.append(Written("giay_khen", path))
    return written


__all__ = [
    "DECISION",
    "PROPOSAL",
    "CertificateJob",
    "CouncilInfo",
    "DocumentInfo",
    "SeasonError",
    "Written",
    "candidate_names",
    "certificate_job",
    "council_defaults",
    "councils",
    "create_document",
    "delete_document",
    "documents",
    "form_layout",
    "form_routes",
    "issue_document",
    "items",
    "record_council",
    "record_reply",
    "register",
    "save_form_layout",
    "to_vote",
    "write_documents",
]
