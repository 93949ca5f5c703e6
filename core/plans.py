"""Plan life cycle: create with defaults, adopt superior targets, check, copy to next year, issue, revise.

A plan is a draft until it is issued (ban hành) with a number and date; an issued plan is never
altered — changes go into a revision, a new draft version linked to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from core import defaults
from core.catalogue import in_force_on
from core.text import fold
from core.models import (
    Assignment,
    AwardForm,
    CommuneSettings,
    Comparator,
    Field,
    LegalBasis,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    Recipient,
    SectionKind,
    Target,
    UnitType,
    WizardPosition,
)


class PlanError(ValueError):
    """An action the plan's state does not allow; the message is Vietnamese, for the user."""


FIELD_LABELS = {
    Field.ECONOMY: "Kinh tế",
    Field.CULTURE_SOCIETY: "Văn hóa - xã hội",
    Field.ENVIRONMENT: "Môi trường",
    Field.DEFENCE_SECURITY: "Quốc phòng - an ninh",
    Field.PARTY_GOVERNMENT: "Xây dựng Đảng, chính quyền",
    Field.OTHER: "Chỉ tiêu khác",
}
COMPARATOR_LABELS = {
    Comparator.EQ: "đạt",
    Comparator.APPROX: "khoảng",
    Comparator.GT: "trên",
    Comparator.GE: "từ … trở lên",
    Comparator.LT: "dưới",
    Comparator.LE: "không quá",
    Comparator.REDUCE_BY: "giảm",
    Comparator.REDUCE_TO: "giảm còn",
    Comparator.QUALITATIVE: "định tính",
}


def unit_name(settings) -> str:
    """"xã Phổ An", "phường Nguyễn Nghiêm" (``settings``: CommuneSettings or SettingsData)."""
    return f"{settings.unit_type.value} {settings.commune_name}"


def plan_caption(kind: PlanKind, year: int) -> str:
    """What a plan is called on screen: "Kế hoạch thi đua năm 2026", "Kế hoạch đợt thi đua cao điểm năm 2026"."""
    return f"Kế hoạch {'đợt thi đua cao điểm' if kind is PlanKind.CAMPAIGN else 'thi đua'} năm {year}"


def default_title(kind: PlanKind, settings, year: int) -> str:
    """The trích yếu proposed for a new plan."""
    if kind is PlanKind.CAMPAIGN:
        return f"Phát động đợt thi đua cao điểm hoàn thành các chỉ tiêu, nhiệm vụ năm {year} của {unit_name(settings)}"
    return ("Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội "
            f"{unit_name(settings)} năm {year}")


def superior_short(settings) -> str:
    """The superior body without its "UBND" / "Ủy ban nhân dân": "tỉnh Đồng Tháp", "huyện Bình Sơn"."""
    return (settings.superior_body or "").replace("UBND ", "").replace("Ủy ban nhân dân ", "").strip()


def fill(text: str, settings, year: int, kind: PlanKind = PlanKind.ANNUAL) -> str:
    """A default text of :mod:`core.defaults` with its placeholders filled for the commune of ``settings`` (rural or
    urban words by its unit type) and the plan's ``year`` and ``kind``."""
    superior_giver = ("Chủ tịch Ủy ban nhân dân tỉnh" if settings.superior_level.value == "province"
                      else "Chủ tịch Ủy ban nhân dân huyện")
    return text.format(unit=unit_name(settings), where=f"trên địa bàn {unit_name(settings)}", year=year,
                       superior_body=settings.superior_body, superior_short=superior_short(settings),
                       superior_giver=superior_giver, movement=defaults.MOVEMENT[kind],
                       drafting_unit=settings.drafting_unit or FORMER_DRAFTING_UNIT,
                       drafting_short=settings.drafting_unit_short or "VP",
                       **defaults.place_words(settings.unit_type))


def plan_date(kind: PlanKind, year: int, campaign_start: dt.date | None = None,
              issue_date: dt.date | None = None) -> dt.date:
    """The day a plan speaks from, to choose the rules in force (GUIDE §4: by date, never by year alone): its
    date of issue, else a campaign's first day, else 1 January of its year."""
    return issue_date or (campaign_start if kind is PlanKind.CAMPAIGN and campaign_start else dt.date(year, 1, 1))


BENEFICIARIES = {"individual": "các cá nhân", "collective": "các tập thể", "household": "các hộ gia đình",
                 "any": "các tập thể, cá nhân"}


def award_sentence(form, commune: str) -> str:
    """The plan's line for an award form (a catalogue entry: name, beneficiary, granting_level, decided_by):
    who gives it, to whom it may go (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 19–20: "Lao động tiên tiến"
    for individuals, "Tập thể lao động tiên tiến" for collectives, "Gia đình văn hóa" for households), e.g.
    "Chủ tịch Ủy ban nhân dân xã Hòa Phong tặng danh hiệu “Lao động tiên tiến” cho các cá nhân đạt tiêu chuẩn."
    or "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể, cá nhân đạt tiêu chuẩn."
    ``commune``: "xã Hòa Phong"."""
    name = re.sub(r" của .*$", "", form.name)  # the giver is said once, as the subject
    name = re.sub(r"^Danh hiệu", "danh hiệu", name)
    to = BENEFICIARIES.get(form.beneficiary, BENEFICIARIES["any"])
    if form.granting_level == "commune":
        return f"Chủ tịch Ủy ban nhân dân {commune} tặng {name} cho {to} đạt tiêu chuẩn."
    giver = (form.decided_by or "cấp trên").replace(" cấp tỉnh", " tỉnh")
    return f"Đề nghị {giver} tặng {name} cho {to} đạt tiêu chuẩn."


def award_lines(kind: PlanKind, settings, forms, day: dt.date) -> list[str]:
    """The default Khen thưởng part: one line per title or form the commune itself gives, from the catalogue
    entries ``forms`` in force on ``day`` (the plan's date: since 1/7/2025 the commune gives Chiến sĩ thi đua cơ
    sở, Tập thể lao động tiên tiến, thôn, tổ dân phố văn hóa …), then what it proposes upwards."""
    order = {"individual": 0, "collective": 1, "household": 2}
    own = sorted((f for f in forms if f.granting_level == "commune" and in_force_on(f, day)),
                 key=lambda f: (f.category != "title", order.get(f.beneficiary, 3), f.effective_from or day, f.name))
    return ([award_sentence(f, unit_name(settings)) for f in own]
            + [fill(defaults.AWARD_UPWARD, settings, day.year, kind)])


def purpose_lines(kind: PlanKind, settings, year: int) -> list[str]:
    """The default Mục đích of a plan of ``kind`` and ``year``."""
    return [fill(t, settings, year, kind) for t in defaults.PURPOSE[kind]]


def new_plan(session: Session, settings: CommuneSettings, kind: PlanKind, year: int) -> Plan:
    """A draft plan with the default sections, assignments, recipients and signer, added to ``session``."""
    plan = Plan(kind=kind, year=year, place_name=settings.place_name or settings.commune_name,
                title=default_title(kind, settings, year), signer_authority="TM.", signer_title="CHỦ TỊCH",
                signer_name=settings.chairman_name, award_deadline=defaults.award_deadline(kind, year, None))
    day = plan_date(kind, year)
    forms = list(session.scalars(select(AwardForm)))

    def section(kind_: SectionKind, heading: str, lines: list[str], field: Field | None = None) -> None:
        plan.sections.append(PlanSection(kind=kind_, field=field, position=len(plan.sections), heading=heading,
                                         body="\n".join(fill(t, settings, year, kind) for t in lines)))

    section(SectionKind.BASIS, "Căn cứ", [])
    for position, basis in enumerate(defaults.standing_bases(day)):
        plan.legal_bases.append(LegalBasis(position=position, **basis))
    section(SectionKind.PURPOSE, "Mục đích", defaults.PURPOSE[kind])
    section(SectionKind.REQUIREMENT, "Yêu cầu", defaults.REQUIREMENT)
    for field, (heading, text) in defaults.CONTENT.items():
        section(SectionKind.CONTENT, heading, [text], field)
    section(SectionKind.AWARD, "Khen thưởng", award_lines(kind, settings, forms, day))
    if kind is PlanKind.CAMPAIGN:
        section(SectionKind.TIMELINE, "Thời gian thi đua", [])
    section(SectionKind.ORGANISATION, "Tổ chức thực hiện", [])
    for position, (unit, task) in enumerate(defaults.ORGANISATION):
        plan.assignments.append(Assignment(position=position, unit=fill(unit, settings, year),
                                           task=fill(task, settings, year)))
    names = defaults.RECIPIENTS[settings.superior_level.value] + defaults.LOCAL_RECIPIENTS
    for position, name in enumerate(n for n in (fill(r, settings, year) for r in names) if n.strip()):
        plan.recipients.append(Recipient(position=position, name=name))
    session.add(plan)
    session.flush()
    return plan


def section_of(plan: Plan, kind: SectionKind, field: Field | None = None) -> PlanSection | None:
    """The plan's first section of ``kind`` (and ``field`` for content sections), or None."""
    return next((s for s in plan.sections if s.kind is kind and (field is None or s.field is field)), None)


def adopt(plan: Plan, superior: Target) -> Target:
    """Append to ``plan`` a copy of a superior target, linked to it (``derived_from``)."""
    target = Target(position=len(plan.targets), indicator=superior.indicator, comparator=superior.comparator,
                    value=superior.value, value_max=superior.value_max, unit=superior.unit, field=superior.field,
                    source_text=superior.source_text, derived_from=superior)
    plan.targets.append(target)
    return target


# Indicators where less is better (folded words): a commune stating 4 % malnutrition against the superior's
# 5.9 % is more ambitious, not less.
LOWER_IS_BETTER = ("ho ngheo", "can ngheo", "suy dinh duong", "thap coi", "tai nan", "toi pham", "tu vong",
                   "that nghiep", "chay", "vi pham", "ma tuy", "sinh con thu 3", "o nhiem", "benh", "khieu nai",
                   "ton dong", "no dong", "mu chu", "bo hoc")


def lower_is_better(comparator: Comparator, indicator: str = "") -> bool:
    """Whether a smaller value is the better one: "dưới", "không quá", "giảm còn", or an indicator of harm
    (hộ nghèo, suy dinh dưỡng, tai nạn, tội phạm …) stated as "đạt"/"khoảng" a value."""
    if comparator in (Comparator.LT, Comparator.LE, Comparator.REDUCE_TO):
        return True
    return comparator in (Comparator.EQ, Comparator.APPROX) and any(w in fold(indicator) for w in LOWER_IS_BETTER)


def is_weaker(comparator: Comparator, value: float | None, unit: str | None,
              superior_value: float | None, superior_unit: str | None, indicator: str = "") -> bool:
    """True when a commune value is weaker than the superior's in the direction that matters (see
    :func:`lower_is_better`); "giảm" (reduce by) a lower value is weaker. Values in different units are not
    compared."""
    if value is None or superior_value is None or unit != superior_unit:
        return False
    if lower_is_better(comparator, indicator):
        return value > superior_value
    return value < superior_value


# Indicators that only make sense for the superior level ("Tỷ lệ xã đạt chuẩn …", "toàn tỉnh", "trên địa bàn thị xã");
# "Tỷ lệ xã hội hóa …" speaks of socialisation, not of communes.
# A superior unit as the subject that reaches the target ("Huyện đạt chuẩn nông thôn mới"), and "trên địa bàn cấp
# huyện" are the superior's too.
_SUPERIOR_ONLY = re.compile(r"\b(?:ty le|so) (?:xa(?! hoi)|phuong|huyen)\b|\btoan (?:tinh|huyen|thi xa|thanh pho)\b|"
                            r"\btren dia ban (?:cap )?(?:tinh|huyen|thi xa|thanh pho|quan)\b|"
                            r"^(?:tinh|huyen|thi xa|thanh pho|quan) (?:dat|duoc|hoan thanh|giu vung|tro thanh)\b")
# An amount above this many tỷ đồng is a province's, not a commune's (a commune's yearly production is counted in
# hundreds of tỷ, a province's in tens of thousands): a plausibility limit of this application, not a legal rule.
COMMUNE_MAX_BILLION = 5000


def superior_only(indicator: str) -> bool:
    """Whether an adopted indicator speaks of the superior's territory rather than the commune's."""
    return bool(_SUPERIOR_ONLY.search(fold(indicator)))


def scope_problem(indicator: str, value: float | None, unit: str | None) -> str | None:
    """Why a target looks like the superior's rather than the commune's, or None: an indicator about the
    superior's territory (:func:`superior_only`), or an amount of more than :data:`COMMUNE_MAX_BILLION` tỷ đồng."""
    if superior_only(indicator):
        return "tính cho địa bàn cấp trên"
    if value is not None and (unit or "").strip() == "tỷ đồng" and value > COMMUNE_MAX_BILLION:
        return "số tiền ở quy mô tỉnh"
    return None


def basis_gaps(b) -> list[str]:
    """What a căn cứ lacks to be cited properly ("số", "ngày", "cơ quan ban hành"; a law needs its name and date)."""
    if (b.doc_type or "").strip() == "Luật":
        return [part for part, ok in (("tên luật", (b.summary or "").strip()), ("ngày", b.issue_date)) if not ok]
    return [part for part, ok in (("số", (b.number or "").strip()), ("ngày", b.issue_date),
                                  ("cơ quan ban hành", (b.issuer or "").strip())) if not ok]


PERIOD_ERROR = "Ngày kết thúc đợt thi đua phải sau ngày bắt đầu."


def period_in_order(start: dt.date | None, end: dt.date | None) -> bool:
    """Whether a campaign's period ends after it starts (a period of one day, start == end, is refused: a plan
    defaulted to 01/01 → 01/01 is not a period); blank dates are another problem and pass here."""
    return start is None or end is None or start < end


@dataclass(frozen=True)
class Problem:
    """Something to fix before the plan is issued: ``text`` (one Vietnamese sentence) and the ``part`` of the plan
    it concerns, named like the wizard's steps: "info", "basis", "targets", "purpose", "content", "award",
    "organisation", "signer"."""

    part: str
    text: str


def plan_problems(plan: Plan) -> list[Problem]:
    """What must be fixed before the plan is issued, each with the part of the plan to fix; empty when complete."""
    found: list[Problem] = []

    def add(part: str, text: str) -> None:
        found.append(Problem(part, text))

    if not plan.title.strip():
        add("info", "Chưa có trích yếu (tên kế hoạch).")
    for n, basis in enumerate(plan.legal_bases, 1):
        gaps = basis_gaps(basis)
        if gaps:
            add("basis", f"Căn cứ thứ {n} ({basis.doc_type}) còn thiếu: {', '.join(gaps)}.")
    if not plan.targets and plan.kind is PlanKind.ANNUAL:  # a campaign may have only qualitative aims
        add("targets", "Chưa có chỉ tiêu thi đua nào.")
    for t in plan.targets:
        why = scope_problem(t.indicator, t.value, t.unit)
        if why and not t.scope_confirmed:
            add("targets", f"Chỉ tiêu «{t.indicator}» có vẻ {why}: sửa cho phù hợp với xã, hoặc chọn chỉ tiêu "
                         "đó ở bước 3 và bấm «Xác nhận đúng cho xã».")
    for kind, label in [(SectionKind.PURPOSE, "Mục đích"), (SectionKind.REQUIREMENT, "Yêu cầu")]:
        section = section_of(plan, kind)
        if section is None or not section.body.strip():
            add("purpose", f"Phần «{label}» đang trống.")
    if not any(s.kind is SectionKind.CONTENT and s.body.strip() for s in plan.sections):
        add("content", "Phần «Nội dung thi đua» đang trống.")
    if not plan.signer_name.strip():
        add("signer", "Chưa có họ tên người ký.")
    if not plan.recipients:
        add("organisation", "Chưa có «Nơi nhận».")
    if plan.kind is PlanKind.CAMPAIGN and not (plan.campaign_start and plan.campaign_end):
        add("info", "Kế hoạch đợt thi đua chưa có thời gian bắt đầu và kết thúc.")
    elif plan.kind is PlanKind.CAMPAIGN and not period_in_order(plan.campaign_start, plan.campaign_end):
        add("info", PERIOD_ERROR)
    if plan.kind is PlanKind.CAMPAIGN and plan.campaign_end and plan.award_deadline \
            and plan.award_deadline < plan.campaign_end:
        add("award", f"Hạn nộp hồ sơ khen thưởng ({plan.award_deadline:%d/%m/%Y}) trước ngày kết thúc đợt thi "
                     f"đua ({plan.campaign_end:%d/%m/%Y}): chưa có kết quả để xét.")
    if plan.issue_date:
        for a in plan.assignments:
            if a.deadline and a.deadline < plan.issue_date:
                add("organisation", f"Thời hạn của «{a.unit}» ({a.deadline:%d/%m/%Y}) trước ngày ban hành.")
        if plan.award_deadline and plan.award_deadline < plan.issue_date:
            add("award", "Hạn nộp hồ sơ khen thưởng trước ngày ban hành.")
    return found


def problems(plan: Plan) -> list[str]:
    """The sentences of :func:`plan_problems`: what must be fixed before the plan is issued; empty when complete."""
    return [problem.text for problem in plan_problems(plan)]


def copy_plan(session: Session, source: Plan, year: int, settings: CommuneSettings, *, revision: bool = False) -> Plan:
    """A new draft copying ``source``'s structure, texts and targets.

    A revision keeps the year, every link and căn cứ, the superior plans and rejected targets, and becomes
    version + 1 of the same plan (``revises``). For another year, number and dates are cleared, the old year is
    replaced by the new one in every text, the căn cứ start again from the standing ones of the new year
    (:func:`core.defaults.standing_bases`) plus the legal documents the clerk added, and no superior plan is
    listed yet: the new one is imported for it. Targets keep their link to the superior target they came from,
    so adopting the same superior plan again adds nothing twice. Either way a text naming the commune as
    ``source`` printed it (its frozen settings when issued) names it as ``settings`` say now.
    """
    printed = printed_settings(source, settings)
    renamed = commune_renamer(printed, settings)

    def text(value: str) -> str:
        value = renamed(value)
        return value if revision else re.sub(rf"\b{source.year}\b", str(year), value)

    old_place = printed.place_name or source.place_name
    place = source.place_name
    if old_place and place == old_place:
        place = settings.place_name or settings.commune_name
    plan = Plan(kind=source.kind, year=year, place_name=place, title=text(source.title),
                theme="" if not revision else source.theme, campaign_start=None, campaign_end=None,
                signer_authority=source.signer_authority, signer_title=source.signer_title,
                signer_name=source.signer_name, targets_as_table=source.targets_as_table,
                version=source.version + 1 if revision else 1, revises=source if revision else None)
    if revision:
        plan.campaign_start, plan.campaign_end = source.campaign_start, source.campaign_end
        plan.award_deadline = source.award_deadline
        plan.superior_documents = list(source.superior_documents)
        plan.rejected_targets = list(source.rejected_targets)
    else:
        plan.award_deadline = defaults.award_deadline(source.kind, year, None)
    for s in source.sections:
        plan.sections.append(PlanSection(kind=s.kind, field=s.field, position=s.position, heading=text(s.heading),
                                         body=text(s.body)))
    if revision:
        bases = [dict(doc_type=b.doc_type, number=b.number, issue_date=b.issue_date, issuer=b.issuer,
                      summary=b.summary, superior_document_id=b.superior_document_id) for b in source.legal_bases]
    else:
        bases = defaults.standing_bases(plan_date(source.kind, year))
        standing = {b["doc_type"] for b in bases}
        bases += [dict(doc_type=b.doc_type, number=b.number, issue_date=b.issue_date, issuer=b.issuer,
                       summary=b.summary) for b in source.legal_bases
                  if b.doc_type in ("Luật", "Nghị định", "Thông tư") and b.superior_document_id is None
                  and not (b.doc_type in standing and _is_standing(b))]
    for position, basis in enumerate(bases):
        plan.legal_bases.append(LegalBasis(position=position, **basis))
    for t in source.targets:
        plan.targets.append(Target(position=t.position, indicator=text(t.indicator), comparator=t.comparator,
                                   value=t.value, value_max=t.value_max, unit=t.unit, field=t.field,
                                   source_text=t.source_text, derived_from_id=t.derived_from_id,
                                   scope_confirmed=t.scope_confirmed if revision else False))
    for a in source.assignments:
        deadline = a.deadline if revision or a.deadline is None else _next_year(a.deadline)
        plan.assignments.append(Assignment(position=a.position, unit=text(a.unit), task=text(a.task),
                                           deadline=deadline))
    for r in source.recipients:
        plan.recipients.append(Recipient(position=r.position, name=text(r.name)))
    session.add(plan)
    session.flush()
    return plan


def commune_renamer(before, after) -> Callable[[str], str]:
    """A function that makes a text naming the commune as ``before`` names it (:func:`unit_name`, "xã Bình Hải")
    name it as ``after`` does ("xã Bình Hải Đông", "phường Bình Hải"); the identity when the name is the same.
    ``before``, ``after``: CommuneSettings or SettingsData."""
    old, new = unit_name(before), unit_name(after)
    if old == new:
        return lambda text: text
    return lambda text: text.replace(old, new)


def _default_lines(settings, kind: PlanKind, year: int) -> list[str]:
    """Every line :func:`new_plan` writes from :mod:`core.defaults` for ``settings``, in one fixed order (so the
    lists for two settings pair line by line)."""
    templates = [*defaults.PURPOSE[kind], *defaults.REQUIREMENT, *(text for _h, text in defaults.CONTENT.values()),
                 *(part for pair in defaults.ORGANISATION for part in pair), *defaults.LOCAL_RECIPIENTS,
                 *defaults.RECIPIENTS[settings.superior_level.value]]
    return [default_title(kind, settings, year)] + [fill(t, settings, year, kind) for t in templates]


def rename_commune(session: Session, before, after) -> int:
    """After the commune's name, unit type or địa danh changed from ``before`` to ``after`` (CommuneSettings or
    SettingsData): in every draft plan, a line still as :func:`new_plan` wrote it takes the new default (a xã
    become phường gets the urban wording), and any other text naming the commune as before names it as after
    (trích yếu, chủ đề, sections, targets, assignments, Nơi nhận); its địa danh follows when it was the old one.
    An issued plan keeps what it printed. Returns how many drafts changed."""
    renamed = commune_renamer(before, after)
    old_place = before.place_name or before.commune_name
    new_place = after.place_name or after.commune_name
    changed = 0
    for plan in session.scalars(select(Plan).where(Plan.status == PlanStatus.DRAFT)):
        if before.superior_level == after.superior_level:
            pairs = zip(_default_lines(before, plan.kind, plan.year), _default_lines(after, plan.kind, plan.year),
                        strict=True)
            follow = {old: new for old, new in pairs if old != new}
        else:
            follow = {}
        texts: list[tuple[object, str]] = [(plan, "title"), (plan, "theme")]
        texts += [(row, name) for row in plan.sections for name in ("heading", "body")]
        texts += [(row, "indicator") for row in plan.targets]
        texts += [(row, name) for row in plan.assignments for name in ("unit", "task")]
        texts += [(row, "name") for row in plan.recipients]
        touched = False
        for row, name in texts:
            value = getattr(row, name)
            new_value = renamed("\n".join(follow.get(line, line) for line in value.split("\n"))) if value else value
            if new_value != value:
                setattr(row, name, new_value)
                touched = True
        if plan.place_name == old_place and old_place != new_place:
            plan.place_name = new_place
            touched = True
        changed += touched
    session.flush()
    return changed


def _is_standing(basis) -> bool:
    """Whether a căn cứ is the law or one of the decrees :func:`core.defaults.standing_bases` cites."""
    return basis.number in {defaults.LAW["number"], *(d.number for d in defaults.DECREES)}


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def ensure_draft(plan: Plan) -> None:
    """Raise :class:`PlanError` when ``plan`` is issued (it may no longer change)."""
    if plan.status is PlanStatus.ISSUED:
        raise PlanError("Kế hoạch đã ban hành không sửa được; hãy dùng «Tạo bản sửa đổi».")


def document_number(text: str) -> str:
    """The number of a document the commune issues (a plan, a Quyết định or Tờ trình khen thưởng) as printed: a
    positive whole number, below 10 with a leading zero ("5" → "05", NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.3); what
    follows a "/" is the document's own suffix and is dropped ("12/QĐ-UBND" → "12"). Raises :class:`PlanError`
    for anything else (empty included)."""
    digits = text.strip().split("/")[0].strip()
    if not digits.isdigit() or int(digits) == 0:
        raise PlanError("Số văn bản phải là số nguyên dương, ví dụ 05.")
    return f"{int(digits):02d}"


def issue(plan: Plan, number: str, issue_date: dt.date, settings: CommuneSettings) -> None:
    """Ban hành: stamp number and date, freeze what the plan prints of ``settings``, make it read-only.

    Numbers below 10 get a leading zero (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.3). What an issued plan
    prints never changes afterwards: its texts by :func:`guard_and_touch`, the commune's name, place
    name and number suffix by the copy kept in ``issued_settings``. Raises :class:`PlanError` when the
    plan is already issued, the number is not a positive whole number, or the plan still has
    problems (see :func:`problems`).
    """
    ensure_draft(plan)
    plan.number = document_number(number)
    plan.issue_date = issue_date
    found = problems(plan)
    if found:
        plan.number, plan.issue_date = None, None
        raise PlanError("Chưa ban hành được: " + " ".join(found))
    plan.issued_settings = frozen_settings(settings)
    plan.status = PlanStatus.ISSUED


PRINTED_SETTINGS = ("commune_name", "unit_type", "place_name", "number_suffix", "drafting_unit")


def frozen_settings(settings: CommuneSettings) -> dict:
    """What an issued document keeps of ``settings`` (its ``issued_settings``): the values it prints
    (:data:`PRINTED_SETTINGS`), so a later rename of the commune never changes it (:func:`printed_settings`)."""
    return {name: getattr(settings, name) for name in PRINTED_SETTINGS}
# What plans issued before the drafting unit was a setting printed (NĐ 30-era commune staff title).
FORMER_DRAFTING_UNIT = "công chức Văn phòng - Thống kê"


def printed_settings(plan: Plan, settings: CommuneSettings) -> CommuneSettings:
    """The settings a plan prints with: those frozen at ban hành, or today's for a draft.

    The returned object is never added to a session.
    """
    if not plan.issued_settings:
        return settings
    frozen = dict(plan.issued_settings)
    frozen["unit_type"] = UnitType(frozen["unit_type"])
    frozen.setdefault("drafting_unit", FORMER_DRAFTING_UNIT)
    return CommuneSettings(**frozen)


_PARTS = (PlanSection, LegalBasis, Target, Assignment, Recipient, WizardPosition)


def _plan_of(session: Session, obj) -> Plan | None:
    """The plan ``obj`` is or belongs to (None for a superior plan's targets and other records)."""
    if isinstance(obj, Plan):
        return obj
    if not isinstance(obj, _PARTS):
        return None
    plan = getattr(obj, "plan", None)  # a part removed from its plan has lost the link, not the id
    if plan is None and obj.plan_id is not None:
        plan = session.get(Plan, obj.plan_id)
    return plan


def guard_and_touch(session: Session, _context=None, _instances=None) -> None:
    """Before every flush: refuse any change to an issued plan or its parts (:class:`PlanError`), and move
    ``updated_at`` of every draft whose row or parts change. The wizard's position is not a change.

    Installed on every session by :class:`core.db.Database`; issuing itself (draft → issued) passes.
    """
    touched: dict[int, Plan] = {}
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        plan = _plan_of(session, obj)
        if plan is None:
            continue
        history = inspect(plan).attrs.status.history
        was = history.deleted[0] if history.deleted else plan.status
        if was is PlanStatus.ISSUED and plan not in session.new:
            raise PlanError("Kế hoạch đã ban hành không sửa được; hãy dùng «Tạo bản sửa đổi».")
        if not isinstance(obj, WizardPosition) and plan not in session.deleted:
            touched[id(plan)] = plan
    now = dt.datetime.now()
    for plan in touched.values():
        plan.updated_at = now


def plans_overview(session: Session) -> list[Plan]:
    """All plans, newest year first, then newest version first."""
    return list(session.scalars(select(Plan).order_by(Plan.year.desc(), Plan.id.desc())))
