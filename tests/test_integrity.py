"""Nothing the clerk typed is lost, an issued plan never changes, a failure is never reported as success."""

import datetime as dt

import pytest
from conftest import go_to, import_plan, last_plan
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from core.drafts import read_draft, save_draft
from core.layout import build_layout
from core.models import LegalBasis, Plan, PlanKind, PlanStatus, Recipient, Target
from core.plans import PlanError, issue
from core.settings import load_settings, save_settings
from ui import dialogs
from ui.wizard.wizard import AUTOSAVE_MS


def _issue(wizard, superior, monkeypatch, number: str) -> None:
    """Adopt the superior plan's targets in ``wizard`` and issue the plan as số ``number``."""
    go_to(wizard, 2)
    import_plan(wizard.targets, superior)
    wizard.targets.adopt_ticked()
    wizard.targets.view.selectAll()
    wizard.targets.confirm_scope()  # the district's amounts kept as the commune's on purpose
    go_to(wizard, 8)
    monkeypatch.setattr(dialogs, "ask_issue", lambda parent, n, day: (number, day))
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    wizard.issue_plan()


def _issued(db, tab, superior, monkeypatch) -> int:
    """A complete plan of Bình Hải, issued as số 05 from the wizard; returns its id."""
    wizard = tab.create()
    _issue(wizard, superior, monkeypatch, "5")
    wizard.close()
    return wizard.plan_id


@pytest.mark.parametrize("how", ["Đóng", "Esc", "×"])
def test_closing_the_wizard_keeps_what_was_on_screen(qtbot, db, tab, how):
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    wizard.info.title_edit.setPlainText("Phát động thi đua đặc biệt")
    if how == "Đóng":
        qtbot.mouseClick(wizard.button(wizard.WizardButton.CancelButton), Qt.LeftButton)
    elif how == "Esc":
        QTest.keyClick(wizard, Qt.Key_Escape)
    else:
        wizard.close()
    assert not wizard.isVisible()
    qtbot.wait(AUTOSAVE_MS + 600)  # past any autosave a reset field could have started
    assert last_plan(db).title == "Phát động thi đua đặc biệt"


def test_typing_steadily_is_saved_within_two_seconds_of_the_first_key(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 1)
    edit = wizard.basis.theme
    edit.setFocus()
    for _ in range(16):  # a key every 200 ms for 3.2 s: a restarting timer would never fire
        QTest.keyClicks(edit, "ab")
        qtbot.wait(200)
        if "ab" in last_plan(db).theme:
            break
    assert "ab" in last_plan(db).theme


def test_an_issued_plan_prints_the_commune_as_it_was_at_issue(qtbot, db, tab, superior, monkeypatch):
    plan_id = _issued(db, tab, superior, monkeypatch)
    with db.session() as s:
        save_settings(s, commune_name="Bình Hải Mới", place_name="Bình Hải Mới")
    with db.session() as s:
        layout = build_layout(s.get(Plan, plan_id), load_settings(s))
    assert layout.agency_lines[1] == "XÃ BÌNH HẢI" and layout.place_date.startswith("Bình Hải,")
    assert "Bình Hải Mới" not in " ".join(p.text for p in layout.body)


def test_browsing_an_issued_plan_writes_nothing(qtbot, db, tab, superior, monkeypatch):
    plan_id = _issued(db, tab, superior, monkeypatch)
    before = last_plan(db).updated_at
    wizard = tab.open_plan(plan_id)
    for _ in range(4):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.LeftButton)
    wizard.close()
    assert last_plan(db).updated_at == before


def test_core_refuses_any_change_to_an_issued_plan(qtbot, db, tab, superior, monkeypatch):
    plan_id = _issued(db, tab, superior, monkeypatch)
    changes = [
        lambda plan, s: setattr(plan, "title", "Sửa sau khi ban hành"),
        lambda plan, s: setattr(plan.targets[0], "value", 1.0),
        lambda plan, s: plan.recipients.append(Recipient(name="Thêm nơi nhận")),
        lambda plan, s: s.delete(plan.legal_bases[0]),
        lambda plan, s: s.delete(plan),
    ]
    for change in changes:
        with pytest.raises(PlanError, match="đã ban hành"), db.session() as s:
            change(s.get(Plan, plan_id), s)
    with db.session() as s:
        draft = read_draft(s, plan_id)
    draft.title = "Qua hàm lưu bản nháp"
    with pytest.raises(PlanError), db.session() as s:
        save_draft(s, draft)
    assert last_plan(db).title != "Qua hàm lưu bản nháp"


def test_saving_keeps_unchanged_rows_and_dates_every_change(qtbot, db, tab, superior):
    wizard = tab.create()
    go_to(wizard, 2)
    import_plan(wizard.targets, superior)
    wizard.targets.adopt_ticked()
    go_to(wizard, 6)

    def ids():
        with db.session() as s:
            return [[row.id for row in s.scalars(select(model).where(model.plan_id == wizard.plan_id))]
                    for model in (LegalBasis, Target, Recipient)]

    first = ids()
    wizard.save()
    wizard.save()
    assert ids() == first
    stamp = last_plan(db).updated_at
    model = wizard.targets.model
    model.setData(model.index(0, 2), "30.000")  # a change to a target alone
    wizard.save()
    assert last_plan(db).updated_at > stamp and ids() == first
    stamp = last_plan(db).updated_at
    wizard.pages[6].recipients.setPlainText(wizard.pages[6].recipients.toPlainText() + "\nCác thôn")
    wizard.save()
    assert last_plan(db).updated_at > stamp and ids()[2][: len(first[2])] == first[2]


def test_a_campaign_plan_has_its_dates_and_can_be_issued(qtbot, db, tab, superior, monkeypatch):
    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.CAMPAIGN)
    wizard = tab.create()
    info = wizard.info
    assert info.campaign_start.isEnabled() and info.campaign_end.isEnabled()
    start = dt.date.today() + dt.timedelta(days=30)  # a campaign ahead: its dossiers are due after it, not before
    end = start + dt.timedelta(days=120)
    typed_dates = (f"{start.day}/{start.month}/{start.year}", end.strftime("%d%m%Y"))  # as a clerk types them
    for field, typed in zip((info.campaign_start, info.campaign_end), typed_dates, strict=True):
        field.line.clear()
        QTest.keyClicks(field.line, typed)
    _issue(wizard, superior, monkeypatch, "7")
    plan = last_plan(db)
    assert (plan.kind, plan.status, plan.campaign_end) == (PlanKind.CAMPAIGN, PlanStatus.ISSUED, end)
    assert plan.award_deadline == end + dt.timedelta(days=10)


def test_a_pdf_that_cannot_be_written_says_so(qtbot, db, tab, tmp_path, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 8)
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: str(tmp_path / "không-có" / "ke-hoach.pdf"))
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(("warn", text)))
    monkeypatch.setattr(dialogs, "exported", lambda parent, text, path: said.append(("exported", text)))
    wizard.export_pdf()
    assert [kind for kind, _text in said] == ["warn"] and "không-có" in said[0][1]


def test_issue_after_a_failed_issue_keeps_the_draft(db, tab, superior, monkeypatch):
    plan_id = _issued(db, tab, superior, monkeypatch)
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        with pytest.raises(PlanError):
            issue(plan, "6", dt.date(2026, 3, 1), load_settings(s))
    assert last_plan(db).number == "05"
