"""SQLAlchemy 2.0 typed models for the whole domain (see docs/GLOSSARY.md for the terms).

All text columns are stored in Unicode NFC: a ``before_flush`` hook in :mod:`core.db`
normalises every string attribute of new and changed objects.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Enum, Float, ForeignKey, Integer, String, Table, Text, false, func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core.commune import DEFAULT_DRAFTING_UNIT
from core.terms import (  # the vocabulary, used and re-exported with the tables
    UnitType,
    SuperiorLevel,
    PlanKind,
    PlanStatus,
    SectionKind,
    Comparator,
    Field,
    NomineeKind,
    NominationStatus,
    AwardKind,
)


class Base(DeclarativeBase):
    """Declarative base of every table."""


def _enum(cls: type[enum.Enum]) -> Enum:
    # Store the enum's value (stable, readable in the file) rather than its Python name.
    return Enum(cls, values_callable=lambda e: [m.value for m in e], native_enum=False, length=32)



class CommuneSettings(Base):
    """The commune's own details used in every document header and signature (one row)."""

    __tablename__ = "commune_settings"

    id: Mapped[int] = mapped_column(primary_key=True)
    commune_name: Mapped[str] = mapped_column(String(200))  # e.g. "Phổ An" (without the unit type)
    unit_type: Mapped[UnitType] = mapped_column(_enum(UnitType), default=UnitType.COMMUNE)
    superior_body: Mapped[str] = mapped_column(String(200), default="")  # e.g. "UBND tỉnh Quảng Ngãi"
    superior_level: Mapped[SuperiorLevel] = mapped_column(_enum(SuperiorLevel), default=SuperiorLevel.PROVINCE)
    place_name: Mapped[str] = mapped_column(String(200), default="")  # địa danh in the date line
    chairman_name: Mapped[str] = mapped_column(String(200), default="")
    vice_chairmen: Mapped[list[str]] = mapped_column(JSON, default=list)
    number_suffix: Mapped[str] = mapped_column(String(40), default="KH-UBND")
    # The unit that drafts the plan and receives award dossiers, and its abbreviation in "Lưu: VT, VP."
    drafting_unit: Mapped[str] = mapped_column(String(200), default=DEFAULT_DRAFTING_UNIT)
    drafting_unit_short: Mapped[str] = mapped_column(String(20), default="VP")


class SuperiorDocument(Base):
    """An imported superior plan (kế hoạch cấp trên); ``sha256`` recognises a re-import of the same file.
    ``from_ocr``: its text was recognised from a scan (core.ocr), so every target's numbers need checking against
    the paper."""

    __tablename__ = "superior_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=dt.datetime.now, server_default=func.now())
    text: Mapped[str] = mapped_column(Text)
    from_ocr: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    targets: Mapped[list[Target]] = relationship(
        back_populates="superior_document", order_by="Target.position", cascade="all, delete-orphan"
    )


# The superior plans imported for a plan (shown on its page 3), and the superior targets the clerk rejected for it.
plan_superior_document = Table(
    "plan_superior_document", Base.metadata,
    Column("plan_id", ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
    Column("superior_document_id", ForeignKey("superior_document.id", ondelete="CASCADE"), primary_key=True),
)
plan_rejected_target = Table(
    "plan_rejected_target", Base.metadata,
    Column("plan_id", ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
    Column("target_id", ForeignKey("target.id", ondelete="CASCADE"), primary_key=True),
)


class Plan(Base):
    """A Kế hoạch phát động phong trào thi đua; revisions of an issued plan are new rows (``revises_id``)."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PlanKind] = mapped_column(_enum(PlanKind), default=PlanKind.ANNUAL)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(40))  # "05" once issued; None prints as a blank
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    place_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(Text, default="")  # trích yếu
    theme: Mapped[str] = mapped_column(Text, default="")  # chủ đề thi đua
    campaign_start: Mapped[dt.date | None] = mapped_column(Date)
    campaign_end: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[PlanStatus] = mapped_column(_enum(PlanStatus), default=PlanStatus.DRAFT)
    version: Mapped[int] = mapped_column(Integer, default=1)
    revises_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    signer_authority: Mapped[str] = mapped_column(String(40), default="TM.")  # TM. / KT.
    signer_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    targets_as_table: Mapped[bool] = mapped_column(default=False)
    award_deadline: Mapped[dt.date | None] = mapped_column(Date)  # hạn nộp hồ sơ khen thưởng
    # What the plan prints from the commune's settings, frozen at ban hành (None while a draft); see core.plans.issue
    issued_settings: Mapped[dict | None] = mapped_column(JSON)
    # local time (the clerk's clock), not SQLite's UTC CURRENT_TIMESTAMP
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=dt.datetime.now, onupdate=dt.datetime.now, server_default=func.now()
    )

    revises: Mapped[Plan | None] = relationship(remote_side=[id])
    sections: Mapped[list[PlanSection]] = relationship(
        back_populates="plan", order_by="PlanSection.position", cascade="all, delete-orphan"
    )
    legal_bases: Mapped[list[LegalBasis]] = relationship(
        back_populates="plan", order_by="LegalBasis.position", cascade="all, delete-orphan"
    )
    targets: Mapped[list[Target]] = relationship(
        back_populates="plan", order_by="Target.position", cascade="all, delete-orphan"
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="plan", order_by="Assignment.position", cascade="all, delete-orphan"
    )
    recipients: Mapped[list[Recipient]] = relationship(
        back_populates="plan", order_by="Recipient.position", cascade="all, delete-orphan"
    )
    superior_documents: Mapped[list[SuperiorDocument]] = relationship(
        secondary=plan_superior_document, order_by="SuperiorDocument.id")
    rejected_targets: Mapped[list[Target]] = relationship(secondary=plan_rejected_target)


class WizardPosition(Base):
    """The wizard page where the clerk left a draft: kept apart from the plan, which it does not change."""

    __tablename__ = "wizard_position"

    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True)
    page: Mapped[int] = mapped_column(Integer, default=0)


class PlanSection(Base):
    """One typed, ordered part of a plan's body; ``body`` holds paragraphs separated by newlines."""

    __tablename__ = "plan_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    kind: Mapped[SectionKind] = mapped_column(_enum(SectionKind))
    field: Mapped[Field | None] = mapped_column(_enum(Field))
    position: Mapped[int] = mapped_column(Integer, default=0)
    heading: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[Plan] = relationship(back_populates="sections")


class LegalBasis(Base):
    """A document the plan implements (căn cứ): its type, number, date, issuer and summary."""

    __tablename__ = "legal_basis"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    doc_type: Mapped[str] = mapped_column(String(100), default="Kế hoạch")
    number: Mapped[str] = mapped_column(String(60), default="")  # "08/KH-UBND"
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    issuer: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    superior_document_id: Mapped[int | None] = mapped_column(ForeignKey("superior_document.id", ondelete="SET NULL"))

    plan: Mapped[Plan] = relationship(back_populates="legal_bases")


class Target(Base):
    """A chỉ tiêu: of a superior document (``superior_document_id``) or of a plan (``plan_id``).

    ``value``/``value_max`` are plain numbers (a range a–b gives value a, value_max b); ``unit`` is
    normalised ("tỷ đồng", "%", "‰", "m²/người"). A plan's target adopted from the superior plan
    keeps ``derived_from_id`` pointing at the superior target.
    """

    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    superior_document_id: Mapped[int | None] = mapped_column(
        ForeignKey("superior_document.id", ondelete="CASCADE"), index=True
    )
    derived_from_id: Mapped[int | None] = mapped_column(ForeignKey("target.id", ondelete="SET NULL"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    indicator: Mapped[str] = mapped_column(Text)
    comparator: Mapped[Comparator] = mapped_column(_enum(Comparator), default=Comparator.EQ)
    value: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(60))
    field: Mapped[Field] = mapped_column(_enum(Field), default=Field.OTHER)
    source_text: Mapped[str] = mapped_column(Text, default="")
    # How sure the extraction was that a superior target is one (0–1, see core.extraction.evidence); None for
    # the commune's own targets and for targets read before version 0002 of the schema.
    confidence: Mapped[float | None] = mapped_column(Float)
    # The clerk confirmed that a target which looks like the superior's territory (core.plans.scope_problem)
    # is meant for the commune as written.
    scope_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)

    plan: Mapped[Plan | None] = relationship(back_populates="targets")
    superior_document: Mapped[SuperiorDocument | None] = relationship(back_populates="targets")
    derived_from: Mapped[Target | None] = relationship(remote_side=[id])


class Assignment(Base):
    """A task of the Tổ chức thực hiện part given to a unit, with an optional deadline."""

    __tablename__ = "assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    unit: Mapped[str] = mapped_column(Text)
    task: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date)

    plan: Mapped[Plan] = relationship(back_populates="assignments")


class Recipient(Base):
    """One line of "Nơi nhận" (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.9d)."""

    __tablename__ = "recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(Text)

    plan: Mapped[Plan] = relationship(back_populates="recipients")


class AwardForm(Base):
    """Catalogue entry: an award form (hình thức khen thưởng) or emulation title (danh hiệu thi đua).

    Loaded from ``resources/award_forms.json``; rules change with time, so each entry carries its
    legal basis and the dates it is in force.
    """

    __tablename__ = "award_form"

    code: Mapped[str] = mapped_column(String(60), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(20))  # "form" (hình thức) or "title" (danh hiệu)
    beneficiary: Mapped[str] = mapped_column(String(20))  # individual / collective / household
    granting_level: Mapped[str] = mapped_column(String(20))  # commune / district / province / central
    decided_by: Mapped[str] = mapped_column(String(200), default="")  # "Chủ tịch Ủy ban nhân dân cấp xã"
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    effective_from: Mapped[dt.date | None] = mapped_column(Date)
    effective_to: Mapped[dt.date | None] = mapped_column(Date)


class Nominee(Base):
    """A person, collective or household proposed for an award."""

    __tablename__ = "nominee"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[NomineeKind] = mapped_column(_enum(NomineeKind), default=NomineeKind.INDIVIDUAL)
    name: Mapped[str] = mapped_column(String(300))
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    position: Mapped[str] = mapped_column(String(300), default="")  # chức vụ
    unit: Mapped[str] = mapped_column(String(300), default="")  # đơn vị công tác

    nominations: Mapped[list[Nomination]] = relationship(back_populates="nominee", cascade="all, delete-orphan")


class Nomination(Base):
    """A đề nghị khen thưởng: who, for which award form, by when, and the decision once granted."""

    __tablename__ = "nomination"

    id: Mapped[int] = mapped_column(primary_key=True)
    nominee_id: Mapped[int] = mapped_column(ForeignKey("nominee.id", ondelete="CASCADE"), index=True)
    award_form_code: Mapped[str] = mapped_column(ForeignKey("award_form.code"))
    granting_level: Mapped[str] = mapped_column(String(20), default="commune")
    award_kind: Mapped[AwardKind] = mapped_column(_enum(AwardKind), default=AwardKind.REGULAR)
    achievement: Mapped[str] = mapped_column(Text, default="")  # tóm tắt thành tích
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"))
    movement: Mapped[str] = mapped_column(Text, default="")  # phong trào thi đua
    year: Mapped[int | None] = mapped_column(Integer)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[NominationStatus] = mapped_column(_enum(NominationStatus), default=NominationStatus.DRAFT)
    decision_number: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    # Folded words of nominee, form and texts for the list's search; kept by core.nominations.index_search.
    search_text: Mapped[str] = mapped_column(Text, default="")

    nominee: Mapped[Nominee] = relationship(back_populates="nominations")
    award_form: Mapped[AwardForm] = relationship()
    plan: Mapped[Plan | None] = relationship()


class AwardDocument(Base):
    """A document of the award season that lists nominations (GUIDE §4): the Quyết định khen thưởng of the
    commune's Chairman (``kind`` "decision") or the Tờ trình of UBND xã to the superior (``kind`` "proposal").

    ``status`` "draft" until issued (the decision's ban hành, the Tờ trình's sending), then "issued": from then on
    neither the row nor its list changes (:func:`core.season.guard_issued`); a correction is a new document.
    """

    __tablename__ = "award_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "decision" / "proposal"
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(40))  # "12" once issued
    issue_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # "draft" / "issued"
    title: Mapped[str] = mapped_column(Text, default="")  # trích yếu; empty: the default one
    addressee: Mapped[str] = mapped_column(String(300), default="")  # Kính gửi (proposal)
    proposer: Mapped[str] = mapped_column(Text, default="")  # Xét đề nghị của … (decision)
    signer_authority: Mapped[str] = mapped_column(String(40), default="TM.")  # TM. / KT.
    signer_title: Mapped[str] = mapped_column(String(100), default="CHỦ TỊCH")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    # What the document prints from the commune's settings, frozen when it is issued (None while a draft)
    issued_settings: Mapped[dict | None] = mapped_column(JSON)

    items: Mapped[list[AwardDocumentItem]] = relationship(
        back_populates="document", order_by="AwardDocumentItem.position", cascade="all, delete-orphan")


class AwardDocumentItem(Base):
    """One nomination listed in an award document, in list order."""

    __tablename__ = "award_document_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("award_document.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    document: Mapped[AwardDocument] = relationship(back_populates="items")
    nomination: Mapped[Nomination] = relationship()


class CouncilSession(Base):
    """A session of the commune's Hội đồng Thi đua – Khen thưởng (bình xét), recorded in its Biên bản."""

    __tablename__ = "council_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    held_on: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(20), default="")  # "08 giờ 00"
    end_time: Mapped[str] = mapped_column(String(20), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    # e.g. "Ông Trần Văn Bình - Chủ tịch UBND xã, Chủ tịch Hội đồng"
    chair: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    members_present: Mapped[int] = mapped_column(Integer, default=0)
    members_total: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")  # diễn biến, ý kiến

    votes: Mapped[list[CouncilVote]] = relationship(
        back_populates="session", order_by="CouncilVote.position", cascade="all, delete-orphan")


class CouncilVote(Base):
    """The council's vote on one nomination: members in favour out of those present, and the result."""

    __tablename__ = "council_vote"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("council_session.id", ondelete="CASCADE"), index=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    passed: Mapped[bool] = mapped_column(default=False)

    session: Mapped[CouncilSession] = relationship(back_populates="votes")
    nomination: Mapped[Nomination] = relationship()


class CertificateLayout(Base):
    """Where each field of a certificate (Giấy khen, a title's certificate) prints on the commune's pre-printed
    blank (phôi) of one award form, calibrated by the clerk: ``fields`` maps a field key of
    :data:`core.certificates.FIELDS` to its position {"x": mm, "y": mm} from the blank's top-left corner."""

    __tablename__ = "certificate_layout"

    form_code: Mapped[str] = mapped_column(ForeignKey("award_form.code", ondelete="CASCADE"), primary_key=True)
    page_width_mm: Mapped[float] = mapped_column(Float, default=297)
    page_height_mm: Mapped[float] = mapped_column(Float, default=210)
    fields: Mapped[dict] = mapped_column(JSON, default=dict)
