"""Award records the commune can trust (issues 21 and 26), driven as a clerk would: the namesake offered rather
than overwritten, the merge side by side with Ctrl+Z, our own .xlsx read back unchanged, dates as typed, late
dossiers, the history panel, and a search box that survives a pasted page."""

import datetime as dt
import sqlite3

import openpyxl
import pytest
from conftest import type_text
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton, QRadioButton

from core.demo import create_demo_data
from core.nominations import NominationData, NominationStatus, NomineeKind
from core.operations import nominations as ops
from core.settings import save_settings
from ui import dialogs
from ui.merge_dialog import MergeDialog
from ui.nominations_tab import COL_DEADLINE, NominationsTab

TODAY = dt.date(2026, 11, 23)


def make_tab(qtbot, db, today=lambda: TODAY):
    widget = NominationsTab(db, today=today)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitActive(widget):  # Ctrl+Z goes to the active window
        widget.show()
        widget.activateWindow()
    return widget


@pytest.fixture
def an(db):
    """Nguyễn Văn An on record (Nam, Trưởng thôn, Thôn Tân An, born 1980) with a Giấy khen of 2025."""
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
    ops.add(db, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn Văn An", "GK_CTX", 2025, "Nam", dt.date(1980, 3, 15),
                               "Trưởng thôn", "Thôn Tân An", status=NominationStatus.GRANTED,
                               decision_number="88/QĐ-UBND", decision_date=dt.date(2025, 12, 20)), TODAY)
    return db


def people(db) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        return conn.execute("SELECT name, gender, birth_date, position, unit FROM nominee ORDER BY id").fetchall()


def click_save(dialog):
    QTest.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)


def shown_names(tab):
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def select(tab, name, extend=False):
    row = shown_names(tab).index(name)
    rect = tab.view.visualRect(tab.model.index(row, 0))
    QTest.mouseClick(tab.view.viewport(), Qt.LeftButton, Qt.ControlModifier if extend else Qt.NoModifier,
                     rect.center())


def ctrl_z(qtbot, tab):
    """Ctrl+Z in the list, the window active again after a dialog closed."""
    with qtbot.waitActive(tab):
        tab.activateWindow()
    QTest.keyClick(tab.view, Qt.Key_Z, Qt.ControlModifier)


def history(tab):
    return [tab.history.item(i).text() for i in range(tab.history.count())]


# §1 A person's record never changes behind the clerk's back
def new_entry_for_an(qtbot, tab):
    """A new nomination typed for "Nguyễn văn  An" at Thôn Tân An, without gender or position, and Lưu pressed."""
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    type_text(dialog.name, "Nguyễn văn  An")
    type_text(dialog.unit, "Thôn Tân An")
    dialog.form.setCurrentIndex(dialog.form.findData("LDTT"))
    click_save(dialog)  # no choice made yet: the form says who is on record and asks
    assert dialog.isVisible() and "dùng hồ sơ đã có" in dialog.errors["person"].text()
    assert dialog.person_box.isVisible()
    return dialog


def test_a_namesake_on_record_is_offered_and_never_rewritten(qtbot, an):
    tab = make_tab(qtbot, an)
    dialog = new_entry_for_an(qtbot, tab)
    offered = [b.text() for b in dialog.person_box.findChildren(QRadioButton)]
    assert offered[0] == "Đã có hồ sơ: Nguyễn Văn An, 1980, Thôn Tân An — 1 lần khen"
    QTest.mouseClick(dialog.person_box.findChildren(QRadioButton)[0], Qt.LeftButton)
    assert dialog.name.text() == "Nguyễn Văn An" and dialog.position.text() == "Trưởng thôn"
    click_save(dialog)
    assert not dialog.isVisible()
    assert people(an) == [("Nguyễn Văn An", "Nam", "1980-03-15", "Trưởng thôn", "Thôn Tân An")]
    select(tab, "Nguyễn Văn An")
    assert len(history(tab)) == 2


def test_the_offer_moves_no_field_and_the_form_fits_an_office_laptop(qtbot, an):
    tab = make_tab(qtbot, an)
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    where = {field: field.mapTo(dialog, field.rect().topLeft()) for field in (dialog.gender, dialog.birth_date,
                                                                              dialog.unit, dialog.deadline)}
    type_text(dialog.name, "Nguyễn Văn An")
    dialog.name.editingFinished.emit()  # the clerk leaves the name field
    assert dialog.person_box.isVisible()
    qtbot.wait(10)
    assert {field: field.mapTo(dialog, field.rect().topLeft()) for field in where} == where  # the aim stays true
    size = dialog.sizeHint()
    assert size.width() <= 1340 and size.height() <= 660  # 1366×768 less the title bar and the taskbar


def test_another_person_of_the_same_name_leaves_the_first_as_he_was(qtbot, an):
    tab = make_tab(qtbot, an)
    dialog = new_entry_for_an(qtbot, tab)
    other = next(b for b in dialog.person_box.findChildren(QRadioButton) if b.text().startswith("Người khác"))
    QTest.mouseClick(other, Qt.LeftButton)
    click_save(dialog)
    assert not dialog.isVisible()
    assert people(an) == [("Nguyễn Văn An", "Nam", "1980-03-15", "Trưởng thôn", "Thôn Tân An"),
                          ("Nguyễn văn An", None, None, "", "Thôn Tân An")]  # spaces collapsed, as typed


def test_an_edit_of_a_persons_record_is_undone_by_ctrl_z(qtbot, an):
    tab = make_tab(qtbot, an)
    select(tab, "Nguyễn Văn An")
    dialog = tab.edit_selected()
    dialog.position.selectAll()
    type_text(dialog.position, "Bí thư chi bộ")
    click_save(dialog)
    assert people(an)[0][3] == "Bí thư chi bộ"
    ctrl_z(qtbot, tab)
    assert people(an)[0][3] == "Trưởng thôn"


# §2 Merging duplicates works
@pytest.fixture
def twins(an):
    ops.add(an, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn  văn An", "LDTT", 2026, None, None, "Công an viên",
                               "Thôn Phú Lộc", other_person=True), TODAY)
    return an


def answer_merge(choose_second_for: tuple[str, ...], seen: list):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MergeDialog)
        seen.append(sorted(dialog.choices))
        for key in choose_second_for:
            dialog.choices[key].button(2).click()
        next(b for b in dialog.findChildren(QPushButton) if b.text() == "Gộp").click()

    QTimer.singleShot(0, answer)


def test_merge_side_by_side_then_ctrl_z(qtbot, twins):
    tab = make_tab(qtbot, twins)
    select(tab, "Nguyễn Văn An")
    seen = []
    answer_merge(("unit",), seen)
    QTest.mouseClick(tab.buttons["merge"], Qt.LeftButton)
    assert seen == [["birth_date", "gender", "name", "position", "unit"]]  # a filled value chosen over a blank
    assert people(twins) == [("Nguyễn Văn An", "Nam", "1980-03-15", "Trưởng thôn", "Thôn Phú Lộc")]
    assert len(history(tab)) == 2 and "Nguyễn Văn An" in tab.history_label.text()  # at once
    ctrl_z(qtbot, tab)
    assert people(twins) == [("Nguyễn Văn An", "Nam", "1980-03-15", "Trưởng thôn", "Thôn Tân An"),
                             ("Nguyễn văn An", None, None, "Công an viên", "Thôn Phú Lộc")]
    assert len(history(tab)) == 1


def test_merge_without_a_selection_says_what_to_do(qtbot, twins, monkeypatch):
    tab = make_tab(qtbot, twins)
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, text: said.append(text))
    QTest.mouseClick(tab.buttons["merge"], Qt.LeftButton)
    assert said and "Hãy chọn" in said[0]


def test_merge_of_two_rows_chosen_with_ctrl(qtbot, an):
    ops.add(an, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn V. An", "LDTT", 2026, unit="Thôn Tân An"), TODAY)
    tab = make_tab(qtbot, an)
    select(tab, "Nguyễn Văn An")
    select(tab, "Nguyễn V. An", extend=True)
    answer_merge((), [])
    QTest.mouseClick(tab.buttons["merge"], Qt.LeftButton)
    assert len(people(an)) == 1 and len(shown_names(tab)) == 2 and len(set(shown_names(tab))) == 1


# §3 Export then import of the same file changes nothing
def snapshot(db):
    with sqlite3.connect(db.path) as conn:
        return (conn.execute("SELECT * FROM nominee ORDER BY id").fetchall(),
                conn.execute("SELECT * FROM nomination ORDER BY id").fetchall())


@pytest.mark.parametrize("filters", [{"year": "this"}, {}, {"status": NominationStatus.GRANTED}])
def test_our_own_export_reads_back_unchanged(qtbot, db, tmp_path, monkeypatch, filters):
    create_demo_data(db)
    today = dt.date.today()
    tab = make_tab(qtbot, db, today=dt.date.today)
    if "year" in filters:
        tab.year.setCurrentIndex(tab.year.findData(today.year))
    if "status" in filters:
        tab.status.setCurrentIndex(tab.status.findData(filters["status"]))
    shown = tab.model.rowCount()
    path = str(tmp_path / "ds.xlsx")
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: path)
    monkeypatch.setattr(dialogs, "exported", lambda *a: None)
    QTest.mouseClick(tab.buttons["export"], Qt.LeftButton)
    before = snapshot(db)
    said = []
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: path)
    monkeypatch.setattr(dialogs, "inform", lambda parent, text: said.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, text: said.append(text) or True)
    tab.year.setCurrentIndex(0)  # imported into whatever year is chosen: the rows carry their own
    QTest.mouseClick(tab.buttons["import"], Qt.LeftButton)
    assert snapshot(db) == before
    assert said[0].startswith("Tệp có 0 đề nghị mới") and f"{shown} dòng đã có trong dữ liệu" in said[0]


def test_the_same_person_three_times_in_a_file_is_one_nomination(qtbot, an, tmp_path, monkeypatch):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị",
               "Năm", "Tóm tắt thành tích", "Ghi chú"])
    for n in range(3):
        ws.append([n + 1, "Hồ Thị Lựu", "Nữ", "1990-05-01", "Y sĩ", "Trạm Y tế", "Giấy khen của Chủ tịch UBND cấp xã",
                   2026, "Tận tụy", None])
    path = tmp_path / "lap.xlsx"
    book.save(path)
    tab = make_tab(qtbot, an)
    said = []
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(path))
    monkeypatch.setattr(dialogs, "confirm", lambda parent, text: said.append(text) or True)
    QTest.mouseClick(tab.buttons["import"], Qt.LeftButton)
    assert "Tệp có 1 đề nghị mới (năm 2026)" in said[0] and "2 dòng lặp lại" in said[0]
    assert [p[0] for p in people(an)] == ["Nguyễn Văn An", "Hồ Thị Lựu"]
    assert shown_names(tab).count("Hồ Thị Lựu") == 1


def test_the_summary_is_what_the_import_does(an, tmp_path):
    path = tmp_path / "ds.xlsx"
    ops.export_nominations(an, ops.ordered_ids(an, "name"), None, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Cá nhân"]
    after = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value == "Nguyễn Văn An") + 1
    sheet.insert_rows(after)
    for col, value in enumerate([2, "Đào Văn Mới", "Nam", "02/09/1985", "", "Thôn Tân An",
                                 "Danh hiệu “Lao động tiên tiến”", 2026, "", ""], 1):
        sheet.cell(after, col, value)
    book.save(path)
    preview = ops.import_nominations(an, path, 2026, TODAY)
    done = ops.import_nominations(an, path, 2026, TODAY, write=True)
    assert preview.as_dict() == done.as_dict() and [d.name for _n, d in done.new] == ["Đào Văn Mới"]
    assert ops.import_nominations(an, path, 2026, TODAY).new == []  # read again: nothing more to add


# §4 Dates typed as a clerk types them
def test_dates_of_the_form_are_kept_as_typed(qtbot, an):
    tab = make_tab(qtbot, an)
    select(tab, "Nguyễn Văn An")
    dialog = tab.edit_selected()
    dialog.deadline.line.selectAll()
    QTest.keyClicks(dialog.deadline.line, "20/11/2026")
    dialog.decision_date.line.selectAll()
    QTest.keyClicks(dialog.decision_date.line, "20122025")
    click_save(dialog)
    assert not dialog.isVisible()
    row = ops.nomination(an, tab.selected().id)
    assert (row.deadline, row.decision_date) == (dt.date(2026, 11, 20), dt.date(2025, 12, 20))


@pytest.mark.parametrize("typed, accepted", [("1980-03-15", True), ("01/01/1800", False), ("01/01/0001", False),
                                             ("23/11/2026", False), ("22/11/2026", True)])
def test_birth_dates_typed(qtbot, an, typed, accepted):
    tab = make_tab(qtbot, an)
    dialog = tab.add()
    type_text(dialog.name, "Tạ Văn Sinh")
    QTest.keyClicks(dialog.birth_date.line, typed)
    click_save(dialog)
    assert dialog.isVisible() != accepted
    if not accepted:
        assert dialog.birth_date.error.isVisible() and dialog.birth_date.error.text()


# §5 Real life, recorded as it happened
def test_a_late_dossier_is_recorded_with_a_warning(qtbot, an):
    tab = make_tab(qtbot, an)
    dialog = tab.add()
    type_text(dialog.name, "Mai Văn Muộn")
    QTest.keyClicks(dialog.deadline.line, "18/11/2026")
    dialog.deadline.line.editingFinished.emit()  # the clerk leaves the field: the warning stays
    assert dialog.deadline.error.isVisible() and "nộp muộn" in dialog.deadline.error.text()
    click_save(dialog)
    assert not dialog.isVisible() and "Mai Văn Muộn" in shown_names(tab)


def test_the_history_panel_follows_delete_undo_and_edit(qtbot, an, monkeypatch):
    ops.add(an, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn Văn An", "LDTT", 2026, "Nam", dt.date(1980, 3, 15),
                               unit="Thôn Tân An"), TODAY)
    tab = make_tab(qtbot, an)
    select(tab, "Nguyễn Văn An")
    assert len(history(tab)) == 2
    monkeypatch.setattr(dialogs, "confirm", lambda parent, text: True)
    QTest.mouseClick(tab.buttons["delete"], Qt.LeftButton)
    assert len(history(tab)) == 1
    ctrl_z(qtbot, tab)
    assert len(history(tab)) == 2
    select(tab, "Nguyễn Văn An")
    dialog = tab.edit_selected()
    dialog.status.setCurrentIndex(dialog.status.findData("refused"))
    click_save(dialog)
    assert any("Không được khen" in line for line in history(tab))


def test_the_plan_picker_names_each_plan(qtbot, an):
    from core.models import Plan, PlanStatus

    with an.session() as s:
        s.add_all([Plan(year=2026, version=1, status=PlanStatus.ISSUED, number="05", title="Kế hoạch"),
                   Plan(year=2026, version=2, status=PlanStatus.DRAFT, title="Kế hoạch")])
    dialog = make_tab(qtbot, an).add()
    labels = [dialog.plan.itemText(i) for i in range(dialog.plan.count())]
    assert "Kế hoạch năm 2026 — bản 2 (đang soạn)" in labels
    assert "Kế hoạch năm 2026 — ban hành 05/KH-UBND" in labels


def test_deadline_cells_say_today_and_are_never_cut(qtbot, an):
    for days in (0, 3):
        ops.add(an, NominationData(NomineeKind.INDIVIDUAL, f"Hạn Sau {days}", "LDTT", 2026,
                                   deadline=TODAY + dt.timedelta(days=days)), TODAY)
    tab = make_tab(qtbot, an)
    cells = {tab.model.index(r, 0).data(): tab.model.index(r, COL_DEADLINE).data() for r in range(tab.model.rowCount())}
    assert cells["Hạn Sau 0"] == "23/11/2026 (hôm nay)" and cells["Hạn Sau 3"] == "26/11/2026 (còn 3 ngày)"
    metrics = tab.view.fontMetrics()
    assert all(metrics.horizontalAdvance(text) + 8 < tab.view.columnWidth(COL_DEADLINE) for text in cells.values())
    assert metrics.horizontalAdvance("Tất cả các năm") < tab.year.width() - 20  # the year filter's text fits


def test_the_hint_appears_without_moving_the_fields(qtbot, an):
    tab = make_tab(qtbot, an)
    dialog = tab.add()
    qtbot.waitExposed(dialog)
    save = dialog.findChild(QDialogButtonBox)
    before = save.mapTo(dialog, QPoint(0, 0))
    type_text(dialog.name, "Phan Văn Gợi")
    dialog.form.setCurrentIndex(dialog.form.findData("CSTDCS_XA"))
    assert "Gợi ý" in dialog.hints.text()
    QApplication.processEvents()
    assert save.mapTo(dialog, QPoint(0, 0)) == before


# Issue 26: a search box that survives a pasted page
def test_a_thousand_words_in_the_search_box(qtbot, an):
    tab = make_tab(qtbot, an)
    tab.search.setText(" ".join(f"tu{i}" for i in range(1000)))
    assert tab.model.rowCount() == 0
    tab.search.setText("nguyen van an " * 200)
    assert shown_names(tab) == ["Nguyễn Văn An"]


def section_image(header, section):
    rect = header.rect()
    rect.setLeft(header.sectionViewportPosition(section))
    rect.setWidth(header.sectionSize(section))
    return header.grab(rect).toImage()


def darker_at(first, second) -> float:
    """Mean height of the pixels darker in ``first`` than in ``second`` (the first arrow's own part)."""
    ys = [y for y in range(first.height()) for x in range(first.width())
          if first.pixelColor(x, y).lightness() + 40 < second.pixelColor(x, y).lightness()]
    assert ys, "no arrow drawn"
    return sum(ys) / len(ys)


def test_the_sort_arrow_matches_the_order_shown(qtbot, an):
    ops.add(an, NominationData(NomineeKind.INDIVIDUAL, "Lê Văn Bảy", "LDTT", 2026), TODAY)
    tab = make_tab(qtbot, an)
    header = tab.view.horizontalHeader()
    years = [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]
    assert years == ["2026", "2025"]  # newest first
    newest_first = section_image(header, 2)
    QTest.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(header.sectionViewportPosition(2) + 5, 5))
    years = [tab.model.index(r, 2).data() for r in range(tab.model.rowCount())]
    assert years == ["2025", "2026"]  # oldest first
    oldest_first = section_image(header, 2)
    # ▼ for newest first: its own pixels (the wide top) lie above those of ▲ (the wide bottom)
    assert darker_at(newest_first, oldest_first) < darker_at(oldest_first, newest_first)


def test_catalogue_dates_typed_as_a_clerk_types_them(qtbot, db):
    from ui.catalogue_dialog import CatalogueDialog

    dialog = CatalogueDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    row = next(i for i, e in enumerate(dialog.model.rows) if e.code == "GK_CTX")
    assert not dialog.model.setData(dialog.model.index(row, 8), "31/02/2026")
    assert dialog.error.isVisible() and "không có thật" in dialog.error.text()
    assert dialog.model.setData(dialog.model.index(row, 8), "31122026")
    assert dialog.model.index(row, 8).data() == "31/12/2026"


@pytest.mark.parametrize("module", ["nominations_tab", "nomination_dialog", "catalogue_dialog", "merge_dialog",
                                    "date_edit"])
def test_the_award_screens_only_show_and_ask(module):
    """The rules live in core: these screens import no SQLAlchemy and no models, and open no session."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "ui" / f"{module}.py").read_text(encoding="utf-8")
    imported = {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert not {name for name in imported if name and name.startswith(("sqlalchemy", "core.models"))}
    assert ".session(" not in source
