"""The "Khen thưởng" tab driven as a clerk would: type into the real form, filter, search, delete and undo."""

import datetime as dt

import pytest
from conftest import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from core.models import AwardForm, NominationStatus, NomineeKind
from core.nominations import NominationData, save_nomination
from core.settings import save_settings
from ui import dialogs
from ui.nominations_tab import COL_DEADLINE, OVERDUE, SOON, NominationsTab

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def tab(qtbot, db):
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
        for name, form, deadline, status in [
            ("Nguyễn Văn A", "LDTT", TODAY + dt.timedelta(days=3), NominationStatus.DRAFT),
            ("Trần Thị Bình", "GK_CTX", TODAY + dt.timedelta(days=30), NominationStatus.DRAFT),
        ]:
            save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, form, 2026, unit="Thôn Phú Lộc",
                                              deadline=deadline, status=status), TODAY)
        late = save_nomination(s, NominationData(NomineeKind.COLLECTIVE, "Thôn Tân An", "THONVH_XA", 2026,
                                                 deadline=TODAY + dt.timedelta(days=1)), TODAY)
        late.deadline = TODAY - dt.timedelta(days=2)  # the deadline passed while it was being prepared
    widget = NominationsTab(db, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_names(tab):
    return sorted(tab.model.index(r, 0).data() for r in range(tab.model.rowCount()))


def select(tab, name):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == name)
    tab.view.setCurrentIndex(tab.model.index(row, 0))


def test_add_by_typing_in_the_form(qtbot, tab):
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "Lê Thị Hoa")
    dialog.gender.setCurrentText("Nữ")
    dialog.form.setCurrentIndex(dialog.form.findData("GK_CTX"))
    type_text(dialog.achievement, "Hoàn thành xuất sắc nhiệm vụ")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save)
    qtbot.mouseClick(save, Qt.LeftButton)
    assert not dialog.isVisible()
    assert "Lê Thị Hoa" in shown_names(tab)


def test_the_reason_is_shown_beside_the_field_and_the_form_stays_open(qtbot, tab, monkeypatch):
    dialog = tab.add()
    dialog.accept()
    assert dialog.isVisible() and dialog.errors["name"].isVisible()
    type_text(dialog.name, "Phạm Văn Cường")
    QTest.keyClicks(dialog.decision_date.line, "31/02/2026")
    dialog.accept()
    assert dialog.isVisible() and not dialog.errors["name"].isVisible()
    assert "không có thật" in dialog.decision_date.error.text() and dialog.decision_date.error.isVisible()
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, yes, no: True)  # Bỏ các thay đổi? — Bỏ
    QTest.keyClick(dialog, Qt.Key_Escape)
    assert not dialog.isVisible() and "Phạm Văn Cường" not in shown_names(tab)


def test_edit_a_nomination(qtbot, tab):
    select(tab, "Trần Thị Bình")
    dialog = tab.edit_selected()
    dialog.status.setCurrentIndex(dialog.status.findData("submitted"))
    dialog.accept()
    select(tab, "Trần Thị Bình")
    assert tab.selected().status is NominationStatus.SUBMITTED


def test_search_ignores_diacritics_and_case(qtbot, tab):
    QTest.keyClicks(tab.search, "nguyen van a")
    assert shown_names(tab) == ["Nguyễn Văn A"]
    tab.search.clear()
    QTest.keyClicks(tab.search, "PHU LOC")
    assert shown_names(tab) == ["Nguyễn Văn A", "Trần Thị Bình"]


def test_search_follows_a_renamed_nominee_and_a_renamed_form(qtbot, tab, db):
    select(tab, "Trần Thị Bình")
    dialog = tab.edit_selected()
    dialog.name.clear()
    type_text(dialog.name, "Trần Thị Bích")
    dialog.accept()
    QTest.keyClicks(tab.search, "tran thi bich")
    assert shown_names(tab) == ["Trần Thị Bích"]
    with db.session() as s:
        s.get(AwardForm, "LDTT").name = "Danh hiệu Lao động tiên tiến (đổi tên)"
    tab.refresh()
    tab.search.clear()
    QTest.keyClicks(tab.search, "doi ten")
    assert shown_names(tab) == ["Nguyễn Văn A"]


def test_sorting_by_name_puts_d_with_stroke_among_the_ds(qtbot, tab, db):
    with db.session() as s:
        for name in ("Đặng Văn Dũng", "Bùi Thị Em", "Hoàng Văn Giang"):
            save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, "LDTT", 2026), TODAY)
    tab.refresh()
    header = tab.view.horizontalHeader()
    QTest.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5))
    shown = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert shown == ["Bùi Thị Em", "Đặng Văn Dũng", "Hoàng Văn Giang", "Nguyễn Văn A", "Thôn Tân An", "Trần Thị Bình"]


def test_filters_by_status_and_form(qtbot, tab):
    tab.form.setCurrentIndex(tab.form.findData("GK_CTX"))
    assert shown_names(tab) == ["Trần Thị Bình"]
    tab.form.setCurrentIndex(0)
    tab.status.setCurrentIndex(tab.status.findData(NominationStatus.GRANTED))
    assert shown_names(tab) == []


def test_delete_asks_and_ctrl_z_brings_it_back(qtbot, tab, monkeypatch):
    select(tab, "Trần Thị Bình")
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question: False)
    assert not tab.delete_selected() and "Trần Thị Bình" in shown_names(tab)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question: True)
    assert tab.delete_selected() and "Trần Thị Bình" not in shown_names(tab)
    QTest.keyClick(tab.view, Qt.Key_Z, Qt.ControlModifier)
    assert "Trần Thị Bình" in shown_names(tab)


def test_deadlines_due_soon_and_overdue_are_marked(qtbot, tab):
    assert tab.alert.text() == "⚠ 1 hồ sơ đã quá hạn nộp; 1 hồ sơ đến hạn nộp trong 7 ngày tới."
    colours = {tab.model.index(r, 0).data(): tab.model.index(r, 0).data(Qt.BackgroundRole)
               for r in range(tab.model.rowCount())}
    assert colours == {"Nguyễn Văn A": SOON, "Thôn Tân An": OVERDUE, "Trần Thị Bình": None}
    select(tab, "Nguyễn Văn A")
    row = tab.view.currentIndex().row()
    assert tab.model.index(row, COL_DEADLINE).data().endswith("(còn 3 ngày)")


def test_history_shows_what_the_nominee_received(qtbot, tab, db):
    with db.session() as s:
        save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn Văn A", "GK_CTX", 2025, unit="Thôn Phú Lộc",
                                          status=NominationStatus.GRANTED, decision_number="88/QĐ-UBND",
                                          decision_date=dt.date(2025, 12, 20)), TODAY)
    tab.refresh()
    select(tab, "Nguyễn Văn A")
    items = [tab.history.item(i).text() for i in range(tab.history.count())]
    assert items[0].startswith("2026: Danh hiệu “Lao động tiên tiến”")
    assert "2025: Giấy khen" in items[-1] and "88/QĐ-UBND" in items[-1]


def test_export_writes_what_is_shown(qtbot, tab, tmp_path, monkeypatch):
    import openpyxl

    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: str(tmp_path / "ds.xlsx"))
    monkeypatch.setattr(dialogs, "exported", lambda *a: None)
    QTest.keyClicks(tab.search, "binh")
    assert tab.export_xlsx() == str(tmp_path / "ds.xlsx")
    people = openpyxl.load_workbook(tmp_path / "ds.xlsx")["Cá nhân"]
    names = [people.cell(r, 2).value for r in range(6, people.max_row + 1)]
    assert "Trần Thị Bình" in names and "Nguyễn Văn A" not in names


def test_the_catalogue_is_edited_in_the_app_and_kept(qtbot, db):
    from core.catalogue import load_award_forms
    from core.models import AwardForm
    from ui.catalogue_dialog import CatalogueDialog

    dialog = CatalogueDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(i for i, e in enumerate(dialog.model.rows) if e.code == "GK_CTX")
    assert not dialog.model.flags(dialog.model.index(row, 0)) & Qt.ItemIsEditable  # a stored code is fixed
    assert dialog.model.setData(dialog.model.index(row, 8), "31/12/2026")
    dialog.add_entry()
    new = len(dialog.model.rows) - 1
    dialog.accept()
    assert dialog.isVisible() and "cần có mã và tên" in dialog.error.text()
    dialog.model.setData(dialog.model.index(new, 0), "GK_TINH_RIENG")
    dialog.model.setData(dialog.model.index(new, 1), "Giấy khen theo quy chế của tỉnh")
    dialog.accept()
    assert not dialog.isVisible()
    with db.session() as s:
        load_award_forms(s)  # the next start reloads the shipped file: the clerk's edits stay
    with db.session() as s:
        assert s.get(AwardForm, "GK_CTX").effective_to == dt.date(2026, 12, 31)
        assert s.get(AwardForm, "GK_TINH_RIENG").name == "Giấy khen theo quy chế của tỉnh"


def test_a_status_has_one_name_in_the_list_the_form_and_the_history(qtbot, tab):
    select(tab, "Trần Thị Bình")
    row = tab.view.currentIndex().row()
    listed = [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]
    assert "Đang lập hồ sơ" in listed
    assert any("Đang lập hồ sơ" in tab.history.item(i).text() for i in range(tab.history.count()))
    dialog = tab.edit_selected()
    assert dialog.status.currentText() == "Đang lập hồ sơ"
    assert "Đang chuẩn bị" not in [dialog.status.itemText(i) for i in range(dialog.status.count())]
    dialog.reject()


def test_an_error_goes_as_soon_as_its_field_is_filled(qtbot, tab):
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)
    assert dialog.errors["name"].isVisible() and dialog.errors["name"].text().startswith("Chưa nhập họ tên")
    type_text(dialog.name, "Lê Thị Hoa")
    assert not dialog.errors["name"].isVisible()  # before Lưu is pressed again
    assert dialog.isVisible()


def test_a_new_nomination_goes_under_its_years_annual_plan_and_takes_its_deadline(qtbot, tab, db):
    from core.models import PlanKind
    from core.plans import new_plan
    from core.settings import load_settings

    with db.session() as s:
        settings = load_settings(s)
        this_year = new_plan(s, settings, PlanKind.ANNUAL, 2026)
        this_year.award_deadline = dt.date(2026, 11, 20)
        new_plan(s, settings, PlanKind.CAMPAIGN, 2026)  # a campaign is not the year's plan
        new_plan(s, settings, PlanKind.ANNUAL, 2028)
        new_plan(s, settings, PlanKind.ANNUAL, 2028)  # two to choose from: the clerk chooses
        next_year = new_plan(s, settings, PlanKind.ANNUAL, 2027)
        s.flush()
        ids = this_year.id, next_year.id
        next_deadline = next_year.award_deadline
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    assert dialog.plan.currentData() == ids[0] and dialog.plan.currentText() != "(không thuộc kế hoạch nào)"
    assert dialog.deadline.value() == dt.date(2026, 11, 20)  # the plan's hạn nộp hồ sơ
    dialog.year.setFocus()
    dialog.year.selectAll()
    QTest.keyClicks(dialog.year, "2027")
    assert dialog.plan.currentData() == ids[1] and dialog.deadline.value() == next_deadline
    dialog.year.selectAll()
    QTest.keyClicks(dialog.year, "2028")
    assert dialog.plan.currentData() is None and dialog.deadline.value() is None
    dialog.plan.setCurrentIndex(dialog.plan.findData(ids[0]))  # the clerk's own choice stays
    dialog.year.selectAll()
    QTest.keyClicks(dialog.year, "2027")
    assert dialog.plan.currentData() == ids[0]


def test_leaving_the_form_after_typing_asks_first_and_not_before(qtbot, tab, monkeypatch):
    asked = []

    def answer(parent, question, yes, no):
        asked.append((question, yes, no))
        return len(asked) > 1  # Ở lại the first time, Bỏ the second

    monkeypatch.setattr(dialogs, "confirm", answer)
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key_Escape)  # nothing typed: closed, nothing asked
    assert not dialog.isVisible() and asked == []
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "Lê Thị Hoa")
    QTest.keyClick(dialog, Qt.Key_Escape)
    assert asked == [("Bỏ các thay đổi?", "Bỏ", "Ở lại")] and dialog.isVisible()
    assert dialog.name.text() == "Lê Thị Hoa"  # Ở lại keeps what was typed
    dialog.close()  # the window's ×
    assert len(asked) == 2 and not dialog.isVisible()
    assert "Lê Thị Hoa" not in shown_names(tab)
    select(tab, "Trần Thị Bình")
    dialog = tab.edit_selected()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key_Escape)  # an edit left unchanged: closed, nothing asked
    assert not dialog.isVisible() and len(asked) == 2
