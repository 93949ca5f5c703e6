"""Editing a draft as plain data (core.drafts): defaults that follow the year, kind and dates; saving only what
changed, parts matched by id; where the clerk left the wizard."""

import datetime as dt

import pytest
from sqlalchemy import select, update

from core.drafts import (
    AssignmentData,
    BasisData,
    RecipientData,
    SectionData,
    TargetData,
    derived_values,
    follow_defaults,
    read_context,
    read_draft,
    remember_page,
    save_draft,
    wizard_page,
)
from core.models import (
    AwardForm,
    Comparator,
    Field,
    Plan,
    PlanKind,
    PlanStatus,
    SectionKind,
    SuperiorDocument,
    SuperiorLevel,
    Target,
    UnitType,
)
from core.plans import PlanError, default_title, issue, new_plan
from core.settings import load_settings, save_settings, settings_data

OLD = dt.datetime(2020, 1, 1)


def _settings(s):
    return save_settings(s, commune_name="Bình Hải", unit_type=UnitType.COMMUNE, superior_body="UBND huyện Bình Sơn",
                         superior_level=SuperiorLevel.DISTRICT, place_name="Bình Hải", chairman_name="Phạm Văn Tâm",
                         number_suffix="KH-UBND")


@pytest.fixture
def plan_id(db):
    """A new annual plan of 2026 for xã Bình Hải, its time of change set back to 2020."""
    with db.session() as s:
        plan_id = new_plan(s, _settings(s), PlanKind.ANNUAL, 2026).id
    _age(db)
    return plan_id


def _age(db):
    with db.session() as s:
        s.execute(update(Plan).values(updated_at=OLD))


def _changed(db, plan_id) -> bool:
    with db.session() as s:
        return s.get(Plan, plan_id).updated_at != OLD


def _read(db, plan_id):
    with db.session() as s:
        return read_draft(s, plan_id)


def _save(db, draft):
    with db.session() as s:
        save_draft(s, draft)


def test_a_draft_reads_the_plan_as_plain_values(db, plan_id):
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        superior = SuperiorDocument(file_name="kh-huyen.docx", sha256="b" * 64, text="")
        rejected = [Target(indicator=f"Chỉ tiêu {n}", comparator=Comparator.EQ, field=Field.OTHER) for n in (1, 2)]
        s.add_all([superior, *rejected])
        s.flush()
        plan.superior_documents.append(superior)
        plan.rejected_targets.extend(reversed(rejected))
        ids = (superior.id, sorted(t.id for t in rejected), [r.id for r in plan.recipients])
    draft = _read(db, plan_id)
    assert (draft.id, draft.status, draft.version, draft.kind, draft.year) == (
        plan_id, PlanStatus.DRAFT, 1, PlanKind.ANNUAL, 2026)
    assert (draft.title, draft.place_name, draft.signer_name, draft.award_deadline, draft.number) == (
        default_title(PlanKind.ANNUAL, _settings_of(db), 2026), "Bình Hải", "Phạm Văn Tâm", dt.date(2026, 11, 15),
        None)
    assert draft.superior_document_ids == [ids[0]] and draft.rejected_target_ids == ids[1]
    assert [r.id for r in draft.recipients] == ids[2]
    assert isinstance(draft.recipients[0], RecipientData) and draft.recipients[0].name == "UBND huyện Bình Sơn"
    assert isinstance(draft.sections[1], SectionData) and draft.sections[1].kind is SectionKind.PURPOSE
    assert [b.number for b in draft.legal_bases] == ["06/2022/QH15", "152/2025/NĐ-CP"]
    assert isinstance(draft.assignments[0], AssignmentData) and draft.assignments[0].task
    assert draft.targets == []


def _settings_of(db):
    with db.session() as s:
        return settings_data(load_settings(s))


def test_a_plan_that_is_gone_cannot_be_read_or_saved(db, plan_id):
    draft = _read(db, plan_id)
    with db.session() as s:
        s.delete(s.get(Plan, plan_id))
    with db.session() as s, pytest.raises(LookupError, match=f"no plan {plan_id}"):
        read_draft(s, plan_id)
    with db.session() as s, pytest.raises(LookupError):
        save_draft(s, draft)


def test_saving_an_unchanged_draft_writes_nothing(db, plan_id):
    _save(db, _read(db, plan_id))
    assert not _changed(db, plan_id)


def test_saving_writes_the_changes_keeps_untouched_rows_and_numbers_new_ones(db, plan_id):
    draft = _read(db, plan_id)
    kept_recipient, dropped_basis = draft.recipients[1].id, draft.legal_bases[0].id
    draft.title = "Phát động thi đua năm 2026"
    draft.recipients[0].name = "UBND tỉnh Đắk Lâm"
    draft.recipients.reverse()
    del draft.legal_bases[0]
    draft.targets.append(TargetData("Tỷ lệ hộ nghèo", Comparator.LT, 2.0, None, "%", Field.CULTURE_SOCIETY))
    draft.assignments.append(AssignmentData("Công an xã", "Giữ gìn an ninh", dt.date(2026, 3, 31)))
    _save(db, draft)
    assert draft.targets[0].id is not None and draft.assignments[-1].id is not None  # new rows get their ids back
    assert _changed(db, plan_id)
    again = _read(db, plan_id)
    assert again.title == "Phát động thi đua năm 2026"
    assert [r.name for r in again.recipients][-1] == "UBND tỉnh Đắk Lâm"
    assert [r.id for r in again.recipients] == [r.id for r in draft.recipients]  # rows matched by id, reordered
    assert kept_recipient in [r.id for r in again.recipients]
    assert dropped_basis not in [b.id for b in again.legal_bases] and len(again.legal_bases) == 1
    assert (again.targets[0].indicator, again.targets[0].comparator, again.targets[0].value, again.targets[0].unit) == (
        "Tỷ lệ hộ nghèo", Comparator.LT, 2.0, "%")
    assert again.assignments[-1].deadline == dt.date(2026, 3, 31)
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        assert [r.position for r in plan.recipients] == list(range(len(plan.recipients)))
        assert [r.name for r in plan.recipients] == [r.name for r in again.recipients]


def test_the_superior_plans_and_rejected_targets_follow_the_draft(db, plan_id):
    with db.session() as s:
        docs = [SuperiorDocument(file_name=f"{n}.docx", sha256=str(n) * 64, text="") for n in (1, 2)]
        targets = [Target(indicator=f"Chỉ tiêu {n}", comparator=Comparator.EQ, field=Field.OTHER) for n in (1, 2)]
        s.add_all(docs + targets)
        s.flush()
        doc_ids, target_ids = [d.id for d in docs], [t.id for t in targets]
    draft = _read(db, plan_id)
    draft.superior_document_ids = [doc_ids[1], 999]  # a superior plan deleted meanwhile is dropped
    draft.rejected_target_ids = [target_ids[1], target_ids[0], 998]
    _save(db, draft)
    again = _read(db, plan_id)
    assert again.superior_document_ids == [doc_ids[1]]
    assert again.rejected_target_ids == sorted(target_ids)
    _age(db)
    draft = _read(db, plan_id)
    draft.rejected_target_ids.reverse()  # the same targets in another order: nothing to write
    _save(db, draft)
    assert not _changed(db, plan_id)
    draft.superior_document_ids = doc_ids
    draft.rejected_target_ids = []
    _save(db, draft)
    again = _read(db, plan_id)
    assert (again.superior_document_ids, again.rejected_target_ids) == (doc_ids, [])


def test_an_issued_plan_is_never_saved(db, plan_id):
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        plan.targets.append(Target(position=0, indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0,
                                   unit="%", field=Field.CULTURE_SOCIETY))
        issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
    draft = _read(db, plan_id)
    draft.title = "Khác"
    with db.session() as s, pytest.raises(PlanError, match="đã ban hành"):
        save_draft(s, draft)
    assert _read(db, plan_id).title != "Khác"


def test_the_wizard_resumes_on_the_page_where_the_clerk_left(db, plan_id):
    with db.session() as s:
        assert wizard_page(s, plan_id) == 0  # never opened
        remember_page(s, plan_id, 3)
    with db.session() as s:
        assert wizard_page(s, plan_id) == 3
        remember_page(s, plan_id, 5)
    with db.session() as s:
        assert wizard_page(s, plan_id) == 5
    assert not _changed(db, plan_id)  # the page is not a change of the plan


def test_a_missing_section_is_added_with_its_heading(db, plan_id):
    draft = _read(db, plan_id)
    economy = draft.section(SectionKind.CONTENT, Field.ECONOMY)
    assert economy.field is Field.ECONOMY and economy.heading
    assert draft.section(SectionKind.CONTENT).field is draft.sections[3].field  # the first content section
    count = len(draft.sections)
    timeline = draft.section(SectionKind.TIMELINE, heading="Thời gian thi đua")
    assert (timeline.kind, timeline.heading, timeline.body, len(draft.sections)) == (
        SectionKind.TIMELINE, "Thời gian thi đua", "", count + 1)
    assert draft.section(SectionKind.TIMELINE) is timeline


# --- defaults that follow the kind, year and dates -------------------------------------------------------------

@pytest.fixture
def context(db):
    with db.session() as s:
        _settings(s)
        return read_context(s)


def test_the_context_holds_the_settings_and_the_catalogue(db, context):
    assert context.settings is not None and context.settings.commune_name == "Bình Hải"
    with db.session() as s:
        assert len(context.award_forms) == len(list(s.scalars(select(AwardForm)))) > 0


def test_a_context_before_the_first_start_has_no_settings_and_no_defaults(db):
    with db.session() as s:
        context = read_context(s)
        plan_id = new_plan(s, _settings(s), PlanKind.ANNUAL, 2026).id
    assert context.settings is None
    draft = _read(db, plan_id)
    assert derived_values(draft, context) == {}
    title = draft.title
    draft.year = 2027
    assert follow_defaults(draft, {}, context) == ({}, [])
    assert draft.title == title


def test_the_defaults_of_a_plan_come_from_its_kind_year_and_dates(db, plan_id, context):
    draft = _read(db, plan_id)
    values = derived_values(draft, context)
    assert values["year"] == 2026
    assert values["title"] == draft.title
    assert values["purpose"] == draft.section(SectionKind.PURPOSE).body
    assert values["award"] == draft.section(SectionKind.AWARD).body
    assert values["award_deadline"] == dt.date(2026, 11, 15)
    assert values["decree"][0] == "152/2025/NĐ-CP"
    draft.kind, draft.year = PlanKind.CAMPAIGN, 2025
    draft.campaign_start, draft.campaign_end = dt.date(2025, 3, 1), dt.date(2025, 5, 31)
    values = derived_values(draft, context)
    assert values["award_deadline"] == dt.date(2025, 6, 10)  # ten days after the campaign
    assert values["decree"][:2] == ("98/2023/NĐ-CP", dt.date(2023, 12, 31))  # chosen by the campaign's first day
    assert "đợt thi đua cao điểm" in values["title"] and "2025" in values["purpose"]
    draft.issue_date = dt.date(2025, 7, 2)
    assert derived_values(draft, context)["decree"][0] == "152/2025/NĐ-CP"  # the date of issue comes first


def test_changing_the_year_moves_every_default_and_keeps_what_the_clerk_wrote(db, plan_id, context):
    draft = _read(db, plan_id)
    before = derived_values(draft, context)
    draft.legal_bases.append(BasisData("Nghị định", "98/2023/NĐ-CP", dt.date(2023, 12, 31), "Chính phủ", "khác"))
    draft.year = 2027
    after, stale = follow_defaults(draft, before, context)
    assert stale == []
    assert after == derived_values(draft, context)
    assert draft.title == after["title"] and "2027" in draft.title
    assert draft.section(SectionKind.PURPOSE).body == after["purpose"]
    assert draft.section(SectionKind.AWARD).body == after["award"]
    assert draft.award_deadline == dt.date(2027, 11, 15)
    assert [b.number for b in draft.legal_bases if b.doc_type == "Nghị định"] == ["152/2025/NĐ-CP", "98/2023/NĐ-CP"]

    before = after
    draft.title = "Thi đua lập thành tích năm 2027 chào mừng Đại hội"
    draft.section(SectionKind.PURPOSE).body = "Mục đích riêng của xã."
    draft.award_deadline = dt.date(2027, 12, 1)
    draft.year = 2028
    after, stale = follow_defaults(draft, before, context)
    assert stale == ["Trích yếu", "Hạn nộp hồ sơ khen thưởng"]  # edited texts that still speak of 2027
    assert (draft.title, draft.section(SectionKind.PURPOSE).body, draft.award_deadline) == (
        "Thi đua lập thành tích năm 2027 chào mừng Đại hội", "Mục đích riêng của xã.", dt.date(2027, 12, 1))
    assert draft.section(SectionKind.AWARD).body == after["award"]  # never edited: it keeps following


def test_changing_the_dates_alone_never_calls_a_text_stale(db, plan_id, context):
    draft = _read(db, plan_id)
    draft.kind = PlanKind.CAMPAIGN
    draft.campaign_start, draft.campaign_end = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
    before = derived_values(draft, context)
    draft.award_deadline = before["award_deadline"]  # 10/12/2026, as the wizard set it
    draft.title = "Đợt thi đua năm 2026 của riêng xã"
    draft.campaign_end = dt.date(2026, 12, 15)
    after, stale = follow_defaults(draft, before, context)
    assert stale == [] and draft.title == "Đợt thi đua năm 2026 của riêng xã"
    assert draft.award_deadline == dt.date(2026, 12, 25) == after["award_deadline"]


def test_a_draft_without_its_purpose_or_award_part_gets_them_back(db, plan_id, context):
    draft = _read(db, plan_id)
    before = derived_values(draft, context)
    draft.sections = [s for s in draft.sections if s.kind not in (SectionKind.PURPOSE, SectionKind.AWARD)]
    draft.year = 2027
    follow_defaults(draft, before, context)
    purpose, award = draft.section(SectionKind.PURPOSE), draft.section(SectionKind.AWARD)
    assert (purpose.heading, award.heading) == ("Mục đích", "Khen thưởng")
    assert purpose.body == "" and award.body == ""  # a blank part is the clerk's: not refilled


def test_the_decree_cited_follows_the_plans_date_unless_the_clerk_changed_it(db, context):
    with db.session() as s:
        plan_id = new_plan(s, _settings(s), PlanKind.ANNUAL, 2025).id
    draft = _read(db, plan_id)
    assert [b.number for b in draft.legal_bases] == ["06/2022/QH15", "98/2023/NĐ-CP"]  # on 1/1/2025
    draft.legal_bases.append(BasisData("Nghị định", "98/2023/NĐ-CP", dt.date(2023, 12, 31), "Chính phủ", "khác"))
    before = derived_values(draft, context)
    draft.year = 2026
    follow_defaults(draft, before, context)
    assert [(b.number, b.issue_date) for b in draft.legal_bases] == [
        ("06/2022/QH15", dt.date(2022, 6, 15)), ("152/2025/NĐ-CP", dt.date(2025, 6, 14)),
        ("98/2023/NĐ-CP", dt.date(2023, 12, 31))]  # the clerk's own citation of the old decree is kept
    assert draft.legal_bases[1].summary.startswith("quy định về phân cấp, phân quyền")


def test_a_campaign_speaks_from_its_first_day(db, plan_id, context):
    draft = _read(db, plan_id)
    draft.kind, draft.year = PlanKind.CAMPAIGN, 2025
    draft.campaign_start, draft.campaign_end = dt.date(2025, 9, 1), dt.date(2025, 11, 30)
    assert derived_values(draft, context)["decree"][0] == "152/2025/NĐ-CP"  # 1/9/2025, not 1/1/2025
    draft.kind = PlanKind.ANNUAL
    assert derived_values(draft, context)["decree"][0] == "98/2023/NĐ-CP"


def test_without_the_defaults_before_a_change_nothing_is_replaced(db, plan_id, context):
    draft = _read(db, plan_id)
    title = draft.title
    draft.year = 2027
    after, stale = follow_defaults(draft, {}, context)
    assert (after["year"], stale, draft.title) == (2027, [], title)


def test_a_part_added_back_keeps_its_field_and_no_heading_unless_given(db, plan_id):
    draft = _read(db, plan_id)
    draft.sections = [s for s in draft.sections if s.field is not Field.ECONOMY]
    economy = draft.section(SectionKind.CONTENT, Field.ECONOMY, "Kinh tế")
    assert (economy.kind, economy.field, economy.heading) == (SectionKind.CONTENT, Field.ECONOMY, "Kinh tế")
    assert draft.section(SectionKind.TIMELINE).heading == ""


def test_a_part_with_an_id_of_another_plan_is_saved_as_a_new_part(db, plan_id):
    with db.session() as s:
        other = new_plan(s, load_settings(s), PlanKind.ANNUAL, 2027)
        other_id, foreign = other.id, other.recipients[0].id
        other_names = [r.name for r in other.recipients]
    draft = _read(db, plan_id)
    draft.recipients.append(RecipientData("Hội Nông dân xã", id=foreign))  # e.g. pasted from the other plan
    _save(db, draft)
    assert draft.recipients[-1].id not in (None, foreign)
    assert [r.name for r in _read(db, plan_id).recipients][-1] == "Hội Nông dân xã"
    assert [r.name for r in _read(db, other_id).recipients] == other_names


def test_a_lost_plan_is_named_in_the_error(db, plan_id):
    draft = _read(db, plan_id)
    draft.id = plan_id + 100
    with db.session() as s, pytest.raises(LookupError, match=f"no plan {plan_id + 100}"):
        save_draft(s, draft)
