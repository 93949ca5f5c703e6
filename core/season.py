"""The commune's award season (GUIDE §4): routes and their statuses, which nominations each document lists,
and the rule that an issued Quyết định khen thưởng never changes.

Two routes (:class:`core.terms.AwardRoute`, read from the catalogue by :func:`core.catalogue.route_of`):

* xã quyết định — đang lập hồ sơ → đã bình xét (the council voted it through) → đã có quyết định (the
  Chairman's Quyết định khen thưởng lists it);
* đề nghị cấp trên — đang lập hồ sơ → đã bình xét → đã trình cấp trên (a Tờ trình lists it) → đã được khen
  (with the superior's decision number) or không được khen.

No Qt here; the screens and the headless command call :mod:`core.operations.season`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from core.catalogue import in_force_on, routes
from core.layout import BLANK
from core.models import AwardDocument, AwardDocumentItem, CommuneSettings, CouncilSession, CouncilVote, Nomination
from core.paths import resources_dir
from core.nominations import STATUS_LABELS
from core.plans import PlanError, document_number, frozen_settings, printed_settings
from core.terms import AwardRoute, NominationStatus, NomineeKind
from core.dates import iso_date
from core.text import fold

# What a route words differently from the plain label (core.nominations.STATUS_LABELS, the one name of every other
# status): how a nomination ends on it.
ROUTE_STATUS_LABELS: dict[AwardRoute, dict[NominationStatus, str]] = {
    AwardRoute.COMMUNE: {
        NominationStatus.GRANTED: "Đã có quyết định",
        NominationStatus.REFUSED: "Không được bình xét",
    },
    AwardRoute.UPWARD: {
        NominationStatus.GRANTED: "Đã được khen",
    },
}


def status_label(route: AwardRoute, status: NominationStatus) -> str:
    """The status of a nomination on ``route`` in the clerk's words ("Đã trình cấp trên", "Đã có quyết định")."""
    return ROUTE_STATUS_LABELS[route].get(status, STATUS_LABELS[status])


# Abbreviations of the kinds of document (NĐ 30/2020/NĐ-CP, Phụ lục III): Quyết định QĐ, Tờ trình TTr.
DECISION, PROPOSAL = "decision", "proposal"
SUFFIXES = {DECISION: "QĐ-UBND", PROPOSAL: "TTr-UBND"}
DOCUMENT_LABELS = {DECISION: "Quyết định khen thưởng", PROPOSAL: "Tờ trình đề nghị khen thưởng"}
DRAFT, ISSUED = "draft", "issued"


class SeasonError(ValueError):
    """An action the rules refuse (an issued document changed, a number not a number …); Vietnamese message."""


def route_of_nomination(session: Session, m: Nomination, found=None) -> AwardRoute:
    """The route of ``m``: the catalogue entry in force on its date (:class:`core.catalogue.Routes`)."""
    return (found or routes(session)).of_nomination(m.award_form_code, m.year, m.deadline, m.decision_date)


def listed_ids(session: Session, kind: str) -> set[int]:
    """Ids of the nominations already on a document of ``kind`` (draft or issued)."""
    return set(session.scalars(select(AwardDocumentItem.nomination_id).join(AwardDocument)
                               .where(AwardDocument.kind == kind)))


def candidates(session: Session, kind: str, year: int) -> list[Nomination]:
    """The nominations a new document of ``kind`` for ``year`` lists, in list order (individuals, collectives,
    households; then by name):

    * a Quyết định of the commune's Chairman: nominations of ``year`` whose route (the catalogue entry in force on
      the nomination's date) is xã quyết định and which the council voted through (status "đã bình xét");
    * a Tờ trình: nominations of ``year`` whose route is đề nghị cấp trên, voted through and not yet sent.

    Nominations already on another document of the same kind are left out; other years, other routes, and rows
    granted, refused or sent are never listed.
    """
    route = AwardRoute.COMMUNE if kind == DECISION else AwardRoute.UPWARD
    found = session.scalars(select(Nomination).where(Nomination.year == year,
                                                     Nomination.status == NominationStatus.REVIEWED))
    taken, catalogue = listed_ids(session, kind), routes(session)
    return sorted((m for m in found if m.id not in taken and route_of_nomination(session, m, catalogue) is route),
                  key=list_order)


_KIND_ORDER = {NomineeKind.INDIVIDUAL: 0, NomineeKind.COLLECTIVE: 1, NomineeKind.HOUSEHOLD: 2}


def list_order(m: Nomination) -> tuple:
    """Order of a danh sách: I. Cá nhân, II. Tập thể, III. Hộ gia đình; then by form and name (Vietnamese order
    without regard to diacritics)."""
    return _KIND_ORDER[m.nominee.kind], fold(m.award_form.name), fold(m.nominee.name), m.id


def guard_issued(session: Session, _context=None, _instances=None) -> None:
    """Before every flush: refuse (:class:`SeasonError`) any change to an issued award document, to its list,
    and to the status or decision of a nomination an issued Quyết định granted, or its deletion (the database
    would otherwise drop it from the list silently). Issuing itself (draft → issued)
    passes. Installed on every session by :class:`core.db.Database`."""
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        document = obj if isinstance(obj, AwardDocument) else obj.document if isinstance(
            obj, AwardDocumentItem) else None
        if isinstance(obj, AwardDocumentItem) and document is None:
            document = session.get(AwardDocument, obj.document_id)
        if document is not None and document not in session.new and _was_issued(document):
            raise SeasonError(f"{DOCUMENT_LABELS[document.kind]} số {full_number(document)} đã ban hành, không sửa "
                              "được; muốn điều chỉnh hãy lập văn bản mới.")
        if isinstance(obj, Nomination) and obj not in session.new and (
                obj in session.deleted or _decision_fields_changed(obj)):
            issued = session.scalars(select(AwardDocument).join(AwardDocumentItem).where(
                AwardDocumentItem.nomination_id == obj.id, AwardDocument.kind == DECISION,
                AwardDocument.status == ISSUED)).first()
            if issued is not None and _was_issued(issued):
                raise SeasonError(f"Đề nghị này đã được khen theo Quyết định số {full_number(issued)}; "
                                  "không xóa, không sửa trạng thái hay số quyết định được.")


def _was_issued(document: AwardDocument) -> bool:
    history = inspect(document).attrs.status.history
    return (history.deleted[0] if history.deleted else document.status) == ISSUED


def _decision_fields_changed(m: Nomination) -> bool:
    state = inspect(m)
    return any(state.attrs[name].history.has_changes() for name in ("status", "decision_number", "decision_date"))


def full_number(document: AwardDocument) -> str:
    """"12/QĐ-UBND", or a blank before the number while the document is a draft."""
    return f"{document.number or BLANK}/{SUFFIXES[document.kind]}"


def decision_signer_lines(document: AwardDocument) -> list[str]:
    """The lines above the signature of a Quyết định khen thưởng, which the Chairman issues in his own name (not
    "TM. ỦY BAN NHÂN DÂN" as in :func:`core.layout.signer_lines`): ["CHỦ TỊCH"], or ["KT. CHỦ TỊCH", "PHÓ CHỦ
    TỊCH"] when a vice-chairman signs for him (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.7b). Its Giấy khen carry the
    same lines."""
    if document.signer_authority == "KT.":
        return ["KT. CHỦ TỊCH", document.signer_title.upper()]
    return ["CHỦ TỊCH"]


def issue(document: AwardDocument, number: str, day: dt.date, settings: CommuneSettings) -> None:
    """Issue ``document`` with ``number`` ("12" or "12/QĐ-UBND") and date ``day``: a Quyết định sets every listed
    nomination granted with its number and date; a Tờ trình marks them sent ("đã trình cấp trên"). The settings it
    prints are frozen (:func:`core.plans.frozen_settings`, as for a plan). Raises :class:`SeasonError` when it is
    already issued, lists nothing, the number is not a positive whole number (:func:`core.plans.document_number`),
    or an issued document of the same kind already carries that number in the year of ``day`` (a document's number
    is its order in the calendar year; the article of NĐ 30/2020/NĐ-CP: chưa đối chiếu)."""
    if document.status == ISSUED:
        raise SeasonError(f"{DOCUMENT_LABELS[document.kind]} này đã ban hành.")
    if not document.items:
        raise SeasonError(f"{DOCUMENT_LABELS[document.kind]} chưa có ai trong danh sách.")
    try:
        number = document_number(number)
    except PlanError as exc:
        raise SeasonError(str(exc)) from None
    session = inspect(document).session
    if session is not None and any(other.issue_date and other.issue_date.year == day.year for other in session.scalars(
            select(AwardDocument).where(AwardDocument.kind == document.kind, AwardDocument.status == ISSUED,
                                        AwardDocument.number == number, AwardDocument.id != document.id))):
        label = DOCUMENT_LABELS[document.kind].lower()
        raise SeasonError(f"Số {number}/{SUFFIXES[document.kind]} đã dùng cho một {label} ban hành năm {day.year}; "
                          "hãy dùng số khác.")
    document.number, document.issue_date = number, day
    for item in document.items:
        m = item.nomination
        if document.kind == DECISION:
            m.status, m.decision_number, m.decision_date = NominationStatus.GRANTED, full_number(document), day
        else:
            m.status = NominationStatus.SUBMITTED
    document.issued_settings = frozen_settings(settings)
    document.status = ISSUED


def printed(document: AwardDocument, settings: CommuneSettings) -> CommuneSettings:
    """The settings ``document`` prints with: those frozen when it was issued, or today's for a draft."""
    return printed_settings(document, settings)  # type: ignore[arg-type]  # issued_settings as on a plan


def check_reply(granted: bool, decision_number: str, day: dt.date | None) -> None:
    """Refuse (:class:`SeasonError`) a grant without the superior's decision number and date; the reply dialog
    asks it before closing, :func:`record_reply` before storing."""
    if granted and not (decision_number.strip() and day):
        raise SeasonError("Được khen thì ghi số và ngày quyết định của cấp trên.")


def record_reply(m: Nomination, granted: bool, decision_number: str = "", day: dt.date | None = None) -> None:
    """The superior's answer to a nomination sent with a Tờ trình: granted with its decision number and date, or
    refused. Raises :class:`SeasonError` for a nomination not sent, or a grant without number and date."""
    if m.status not in (NominationStatus.SUBMITTED, NominationStatus.GRANTED, NominationStatus.REFUSED):
        raise SeasonError("Chỉ ghi kết quả cho đề nghị đã trình cấp trên.")
    check_reply(granted, decision_number, day)
    m.status = NominationStatus.GRANTED if granted else NominationStatus.REFUSED
    m.decision_number = (decision_number.strip() or None) if granted else None
    m.decision_date = day if granted else None


UNVERIFIED = "chưa đối chiếu"


@dataclass(frozen=True)
class Threshold:
    """The share of members present who must agree for the council to put a form forward: more than ``share``
    when ``strict``, else at least ``share``; ``legal_basis`` is shown with it, and "chưa đối chiếu" when the
    article could not be checked against the text (``verified`` false)."""

    share: float
    strict: bool
    secret_ballot: bool
    legal_basis: str
    verified: bool

    def passes(self, votes_for: int, present: int) -> bool:
        """Whether ``votes_for`` out of ``present`` members reach the threshold."""
        if present <= 0:
            return False
        share = votes_for / present
        return share > self.share if self.strict else share >= self.share - 1e-9

    def printed(self) -> str:
        """What a signed Biên bản says: "từ 90% số thành viên có mặt trở lên, bỏ phiếu kín", with its legal basis
        only once verified; the "chưa đối chiếu" status stays in the data and the council dialog."""
        return f"{self._amount()} ({self.legal_basis})" if self.verified else self._amount()

    def _amount(self) -> str:
        amount = f"{'trên' if self.strict else 'từ'} {self.share:.0%} số thành viên có mặt"
        return amount + ("" if self.strict else " trở lên") + (", bỏ phiếu kín" if self.secret_ballot else "")

    def describe(self) -> str:
        """ "từ 90% số thành viên có mặt trở lên, bỏ phiếu kín (chưa đối chiếu: Nghị định …)": the words "chưa đối
        chiếu" come first, so they show even where the text is cut."""
        basis = self.legal_basis if self.verified else f"{UNVERIFIED}: {self.legal_basis}"
        return f"{self._amount()} ({basis})"


@dataclass(frozen=True)
class _ThresholdRule:
    forms: tuple[str, ...]  # catalogue codes, or "*" for every form
    threshold: Threshold
    effective_from: dt.date | None
    effective_to: dt.date | None


@lru_cache(maxsize=1)
def _threshold_rules() -> tuple[_ThresholdRule, ...]:
    data = json.loads((resources_dir() / "voting_thresholds.json").read_text(encoding="utf-8"))
    return tuple(_ThresholdRule(
        tuple(r["forms"]), Threshold(r["share"], r["strict"], r["secret_ballot"], r["legal_basis"], r["verified"]),
        iso_date(r["effective_from"]), iso_date(r["effective_to"]),
    ) for r in data["thresholds"])


def threshold_for(form_code: str, day: dt.date) -> Threshold:
    """The voting threshold in force on ``day`` for ``form_code`` (``resources/voting_thresholds.json``: the
    first rule naming the form, else the general one "*"); chosen by the session's date, never its year
    (:func:`core.catalogue.in_force_on`, the one rule of dates in force)."""
    rules = [r for r in _threshold_rules() if in_force_on(r, day)]
    rule = next((r for r in rules if form_code in r.forms), None) or next(r for r in rules if "*" in r.forms)
    return rule.threshold


@dataclass
class CouncilData:
    """A council session as the clerk enters it; ``votes`` maps nomination ids to the members in favour."""

    year: int
    held_on: dt.date
    place: str
    chair: str
    secretary: str
    members_present: int
    members_total: int
    votes: dict[int, int] = field(default_factory=dict)
    start_time: str = ""
    end_time: str = ""
    notes: str = ""


def check_council(data: CouncilData) -> None:
    """Refuse (:class:`SeasonError`, one Vietnamese sentence) members present above the total, or votes above
    those present; the council dialog asks it before closing, :func:`record_council` before storing."""
    if not 0 < data.members_present <= data.members_total:
        raise SeasonError("Số thành viên có mặt phải từ 1 đến tổng số thành viên Hội đồng.")
    if any(not 0 <= v <= data.members_present for v in data.votes.values()):
        raise SeasonError("Số phiếu đồng ý không được quá số thành viên có mặt.")


def record_council(session: Session, data: CouncilData) -> CouncilSession:
    """Store a session of the Hội đồng Thi đua – Khen thưởng xã and its votes: each nomination put to it passes
    when its votes reach :func:`threshold_for` its form on the session's date; a passed nomination still being
    prepared becomes "đã bình xét", one that fails "không được bình xét" / "không được khen". Raises
    :class:`SeasonError` for members present above the total, or votes above those present."""
    check_council(data)
    council = CouncilSession(year=data.year, held_on=data.held_on, place=data.place.strip(), chair=data.chair.strip(),
                             secretary=data.secretary.strip(), members_present=data.members_present,
                             members_total=data.members_total, start_time=data.start_time.strip(),
                             end_time=data.end_time.strip(), notes=data.notes.strip())
    found = [session.get(Nomination, i) for i in data.votes]
    nominations = sorted((m for m in found if m is not None), key=list_order)
    if len(nominations) < len(found):
        raise SeasonError("Có đề nghị không còn trong dữ liệu.")
    for n, m in enumerate(nominations):
        votes = data.votes[m.id]
        passed = threshold_for(m.award_form_code, data.held_on).passes(votes, data.members_present)
        council.votes.append(CouncilVote(nomination=m, position=n, votes_for=votes, passed=passed))
        if m.status in (NominationStatus.DRAFT, NominationStatus.REVIEWED, NominationStatus.REFUSED):
            m.status = NominationStatus.REVIEWED if passed else NominationStatus.REFUSED
    session.add(council)
    session.flush()
    return council
