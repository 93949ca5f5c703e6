"""Main window and settings dialog, driven as a clerk would with pytest-qt."""

import sqlite3

from conftest import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTextBrowser
from sqlalchemy import select

from core.models import SuperiorLevel, UnitType
from core.settings import load_settings
from ui import dialogs
from ui.main_window import MainWindow


def _window(qtbot, db):
    window = MainWindow(db.path)
    qtbot.addWidget(window)
    window.show()
    window.attach(db)
    return window


def test_first_start_asks_for_settings_and_saves_what_was_typed(qtbot, db):
    window = _window(qtbot, db)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Kế hoạch thi đua", "Khen thưởng",
                                                                        "Mùa khen thưởng"]
    dialog = window.ask_settings_if_missing()
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.commune_name, "Tịnh Sơn")
    dialog.unit_type.setCurrentIndex(dialog.unit_type.findData(UnitType.TOWNSHIP))
    type_text(dialog.superior_body, "UBND tỉnh Quảng Ngãi")
    dialog.superior_level.setCurrentIndex(dialog.superior_level.findData(SuperiorLevel.PROVINCE))
    type_text(dialog.chairman_name, "Võ Văn An")
    dialog.vice_chairmen.setPlainText("Lê Thị Bé\n\nTrần Công")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)
    assert not dialog.isVisible()
    with db.session() as s:
        row = load_settings(s)
        assert (row.commune_name, row.unit_type, row.superior_level) == ("Tịnh Sơn", UnitType.TOWNSHIP,
                                                                         SuperiorLevel.PROVINCE)
        assert row.place_name == "Tịnh Sơn"  # blank place name falls back to the commune
        assert row.vice_chairmen == ["Lê Thị Bé", "Trần Công"]
    assert window.windowTitle().endswith("Thị trấn Tịnh Sơn")
    assert window.ask_settings_if_missing() is None  # second start does not ask again


def test_empty_commune_name_is_refused_with_a_message(qtbot, db):
    window = _window(qtbot, db)
    dialog = window.edit_settings()
    dialog.accept()
    assert dialog.isVisible()
    assert "Chưa nhập tên xã" in dialog.error.text()
    with db.session() as s:
        assert load_settings(s) is None


def test_window_geometry_is_remembered(qtbot, db):
    window = _window(qtbot, db)
    window.resize(760, 540)  # the offscreen screen is 800×600
    window.close()
    again = _window(qtbot, db)
    assert (again.width(), again.height()) == (760, 540)


def test_closing_the_main_window_saves_an_open_wizard(qtbot, db, monkeypatch):
    from core.demo import create_demo_data
    from core.models import Plan

    create_demo_data(db)
    window = _window(qtbot, db)
    window.plans_tab.view.selectRow(0)
    wizard = window.plans_tab.open_selected()
    wizard.info.number.setText("12")  # typed less than two seconds before closing
    window.close()
    with db.session() as s:
        assert s.get(Plan, 1).number == "12"


def test_renaming_the_commune_renames_the_open_draft_and_says_so(qtbot, db, monkeypatch):
    from core.demo import create_demo_data
    from core.models import Plan

    create_demo_data(db)
    window = _window(qtbot, db)
    window.plans_tab.view.selectRow(0)
    wizard = window.plans_tab.open_selected()
    assert "xã Hòa Phong" in wizard.info.title_edit.toPlainText()
    wizard.info.number.setText("12")  # typed just before opening the settings
    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, message: told.append(message))
    dialog = window.edit_settings()
    dialog.commune_name.clear()
    type_text(dialog.commune_name, "Hòa Phong Đông")
    dialog.place_name.clear()
    type_text(dialog.place_name, "Hòa Phong Đông")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)
    assert told == ["Tên «xã Hòa Phong» đã được đổi thành «xã Hòa Phong Đông» trong 1 kế hoạch đang soạn. Kế hoạch "
                    "đã ban hành giữ nguyên như đã in."]
    reopened = window.plans_tab.wizard
    assert reopened is not wizard and reopened.isVisible()
    assert "xã Hòa Phong Đông" in reopened.info.title_edit.toPlainText()
    assert reopened.info.number.text() == "12" and reopened.info.place.text() == "Hòa Phong Đông"
    assert "xã Hòa Phong Đông" in reopened.organisation.recipients.toPlainText()
    with db.session() as s:
        plan = s.get(Plan, 1)
        texts = [plan.title, *(r.name for r in plan.recipients), *(a.unit + a.task for a in plan.assignments)]
        assert not [t for t in texts if "xã Hòa Phong" in t and "xã Hòa Phong Đông" not in t]


def test_backup_makes_a_file_sqlite_opens_and_restore_brings_the_rows_back(qtbot, db, tmp_path, monkeypatch):
    from core.demo import create_demo_data
    from core.models import Plan, Nomination

    create_demo_data(db)
    window = _window(qtbot, db)
    copy = tmp_path / "usb" / "thidua-sao-luu.sqlite3"
    copy.parent.mkdir()
    monkeypatch.setattr(dialogs, "ask_save_file", lambda parent, title, suggested, filters: str(copy))
    monkeypatch.setattr(dialogs, "exported", lambda *a: None)
    assert window.back_up() == str(copy)
    with sqlite3.connect(copy) as conn:
        counts = conn.execute("SELECT (SELECT COUNT(*) FROM plan), (SELECT COUNT(*) FROM nomination)").fetchone()
    assert counts[0] > 0 and counts[1] > 0
    with window.db.session() as s:  # a mistake after the backup: every plan deleted
        for plan in s.scalars(select(Plan)).all():
            if plan.status.value == "draft":
                s.delete(plan)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(copy))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, text: said.append(text))
    assert window.restore()
    with window.db.session() as s:
        assert (s.query(Plan).count(), s.query(Nomination).count()) == counts
    assert window.plans_tab.model.rowCount() == counts[0]
    kept = list(db.path.parent.glob("test.replaced-*.sqlite3"))
    assert len(kept) == 1 and str(kept[0]) in said[0]
    window.db.close()


def test_restore_refuses_a_file_that_is_not_a_backup(qtbot, db, tmp_path, monkeypatch):
    window = _window(qtbot, db)
    bad = tmp_path / "ke-hoach.sqlite3"
    bad.write_bytes(b"PK\x03\x04 a renamed document")
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(bad))
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    assert not window.restore() and "không phải" in said[0]
    assert window.db is db


def test_the_guide_opens_from_the_help_menu(qtbot, db):
    window = _window(qtbot, db)
    guide = window.show_guide()
    qtbot.addWidget(guide)
    assert "Sao lưu dữ liệu" in guide.findChild(QTextBrowser).toPlainText()


def test_qt_dialog_buttons_speak_vietnamese(qtbot, qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui import translations

    translator = translations.install(qapp)
    try:
        box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        qtbot.addWidget(box)
        assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]
    finally:
        qapp.removeTranslator(translator)


def test_choosing_a_folder_speaks_vietnamese(qtbot, qapp, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QLabel

    from ui import translations

    translator = translations.install(qapp)
    try:
        dialog = QFileDialog(None, "Chọn thư mục", str(tmp_path))
        dialog.setOption(QFileDialog.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.Directory)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "Thư mục:" in labels and not [t for t in labels if "Director" in t]
    finally:
        qapp.removeTranslator(translator)


def test_a_file_no_program_can_open_is_said_with_where_it_is(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    written = tmp_path / "ke-hoach.docx"
    written.write_bytes(b"x")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no program for .docx on this PC
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, message: said.append(message))
    assert dialogs.open_path(None, written) is False
    assert said == [f"Máy chưa có chương trình mở tệp «ke-hoach.docx» (ví dụ Microsoft Word, Excel hoặc "
                    f"LibreOffice). Tệp vẫn được lưu ở thư mục «{tmp_path}»."]


def test_plan_actions_need_a_fitting_selection(qtbot, db, monkeypatch):
    from core.demo import create_demo_data

    create_demo_data(db)
    window = _window(qtbot, db)
    tab = window.plans_tab
    assert not tab.buttons["open"].isEnabled() and not tab.buttons["revise"].isEnabled()
    header = tab.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.DescendingOrder)
    tab.view.selectRow(0)
    assert tab.buttons["open"].isEnabled()
    draft = tab.buttons["delete"].isEnabled()
    assert tab.buttons["revise"].isEnabled() is not draft  # a draft is deleted, an issued plan revised


def test_a_long_session_of_widget_calls_does_not_wear_out_none(qtbot, qapp):
    """PySide6 6.12.0 drops a reference to None on every call of a method returning nothing; on Python 3.11
    a day of typing (or printing a plan) then ends in "deallocating None" and the window dies. The pin in
    pyproject.toml keeps that release out; this fails if a release with the fault comes back."""
    import sys

    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setText(str(n))
    assert sys.getrefcount(None) >= before - 50


def test_restoring_the_data_file_itself_is_refused_with_a_sentence(qtbot, db, monkeypatch):
    from core.demo import create_demo_data
    from core.models import Plan

    create_demo_data(db)
    window = _window(qtbot, db)
    with db.session() as s:
        plans = s.query(Plan).count()
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(db.path))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    assert not window.restore()
    assert "chính là tệp dữ liệu đang dùng" in said[0]
    with window.db.session() as s:
        assert s.query(Plan).count() == plans
    assert window.plans_tab.model.rowCount() == plans and not list(db.path.parent.glob("*.replaced-*"))


def test_a_restore_that_fails_says_why_and_the_window_goes_on_with_the_data(qtbot, db, tmp_path, monkeypatch):
    import errno

    from core.models import Plan

    with db.session() as s:
        s.add(Plan(year=2026, title="Kế hoạch đang làm"))
    window = _window(qtbot, db)
    copy = tmp_path / "sao-luu.sqlite3"
    monkeypatch.setattr(dialogs, "ask_save_file", lambda *a: str(copy))
    monkeypatch.setattr(dialogs, "exported", lambda *a: None)
    window.back_up()

    def disk_full(path, source):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("core.operations.backup.replace_data_file", disk_full)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(copy))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    assert not window.restore()
    assert "Ổ đĩa đã đầy" in said[0] and "vẫn như cũ" in said[0] and "No space" not in said[0]
    with window.db.session() as s:  # the window still saves into the same file
        s.add(Plan(year=2027, title="Kế hoạch sau lỗi"))
    with window.db.session() as s:
        assert {p.title for p in s.query(Plan)} == {"Kế hoạch đang làm", "Kế hoạch sau lỗi"}


WATCH_FIRST_PAINT = """
import sys
from ui import app, main_window

first = main_window.MainWindow.paintEvent
seen = []

def paint(window, event):
    if not seen:
        seen.append(window)
        print("painted", "sqlalchemy" in sys.modules, "core.models" in sys.modules, flush=True)
    first(window, event)

main_window.MainWindow.paintEvent = paint
sys.exit(app.run_gui(sys.argv[1], self_test=True))
"""


def test_the_main_window_is_painted_before_storage_is_imported(tmp_path):
    """The clerk sees the real window (tabs, menus, lists saying "đang tải…") before SQLAlchemy and the models are
    imported; the lists are filled after."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    done = subprocess.run([sys.executable, "-c", WATCH_FIRST_PAINT, str(tmp_path / "thidua.sqlite3")], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["painted", "False", "False", "window", "data"]


WATCH_FIRST_RUN = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app, main_window, settings_dialog

Dialog = settings_dialog.SettingsDialog
first_paint, given, attach = Dialog.paintEvent, Dialog.set_database, main_window.MainWindow.attach
seen = []

def paint(dialog, event):
    if not seen:
        seen.append(dialog)
        print("dialog", "sqlalchemy" in sys.modules, "core.models" in sys.modules, dialog.save_button.isEnabled(),
              flush=True)
    first_paint(dialog, event)

def set_database(dialog, db):  # the file is created: the clerk types the name and saves
    given(dialog, db)
    print("file", dialog.save_button.isEnabled(), flush=True)
    dialog.commune_name.setText("Tịnh Sơn")
    dialog.save_button.click()

def attached(window, db):
    attach(window, db)
    print("title", window.windowTitle().split(" — ")[-1], flush=True)
    QTimer.singleShot(0, QApplication.instance().quit)

Dialog.paintEvent, Dialog.set_database, main_window.MainWindow.attach = paint, set_database, attached
sys.exit(app.run_gui(sys.argv[1]))
"""


def test_on_a_new_file_the_commune_dialog_comes_before_storage_is_imported(tmp_path):
    """First start: the commune-details dialog is on the screen before SQLAlchemy and the models are imported (a
    new file has nothing to read); "Lưu" works once the file is created, and what was typed is saved in it."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    path = tmp_path / "moi" / "thidua.sqlite3"
    done = subprocess.run([sys.executable, "-c", WATCH_FIRST_RUN, str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["dialog False False False", "file True", "title Xã Tịnh Sơn"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT commune_name, place_name FROM commune_settings").fetchall() == [("Tịnh Sơn",
                                                                                                  "Tịnh Sơn")]


def test_the_other_tabs_are_filled_when_the_clerk_first_opens_them(qtbot, db):
    window = _window(qtbot, db)
    assert window.tabs.widget(0) is window.plans_tab and window.awards_tab is None
    bar = window.tabs.tabBar()
    for index, name in ((1, "awards_tab"), (2, "season_tab")):
        assert "Đang tải" in window.tabs.widget(index).findChild(QLabel).text()
        qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
        assert window.tabs.currentIndex() == index and window.tabs.widget(index) is getattr(window, name)
        assert window.tabs.tabText(index) == ("Kế hoạch thi đua", "Khen thưởng", "Mùa khen thưởng")[index]
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())
    assert window.tabs.widget(1) is window.awards_tab  # built once, then refreshed
