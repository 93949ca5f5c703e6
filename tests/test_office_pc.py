"""The database file on a shared office PC: a second window, read-only files, failed saves, damaged files,
copies taken while the program runs, and errors that must reach the clerk as one Vietnamese sentence."""

import hashlib
import logging
import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from conftest import go_to, last_plan
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from sqlalchemy.exc import OperationalError

from core.db import Database, DatabaseError, ReadOnlyError, backup, in_synced_folder
from core.settings import load_settings, save_settings
from ui import app, dialogs
from ui.main_window import MainWindow


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def commune_file(tmp_path):
    """A closed database file of the commune Hòa Phong."""
    path = tmp_path / "thidua.sqlite3"
    database = Database(path)
    with database.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
    database.close()
    return path


def test_a_file_opened_read_only_is_read_and_never_written(commune_file):
    before = _digest(commune_file)
    database = Database(commune_file, read_only=True)
    with database.session() as s:
        assert load_settings(s).commune_name == "Hòa Phong"
    with pytest.raises(ReadOnlyError, match="chỉ để xem"):
        with database.session() as s:
            save_settings(s, commune_name="Hòa Phong Mới", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
    database.close()
    assert _digest(commune_file) == before


def test_a_file_that_cannot_be_written_opens_read_only(commune_file, monkeypatch):
    monkeypatch.setattr("core.db.writable", lambda path: False)  # as for a file copied from a CD or a shared drive
    database = Database(commune_file)
    assert database.read_only
    database.close()


def test_every_save_reaches_the_main_file_at_once(commune_file):
    """A copy of the .sqlite3 file alone (USB, OneDrive) taken while the program runs has the last save."""
    database = Database(commune_file)
    with database.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Lê Thị Hoa")
    wal = commune_file.with_name(commune_file.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    copy = commune_file.with_name("ban-sao.sqlite3")
    shutil.copy(commune_file, copy)  # the main file only, as a sync client would
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT chairman_name FROM commune_settings").fetchone() == ("Lê Thị Hoa",)
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL: a power cut keeps the last save
    database.close()


def test_a_file_in_a_synced_folder_is_warned_about(qtbot, tmp_path):
    assert in_synced_folder(tmp_path / "OneDrive - UBND xã" / "thidua.sqlite3")
    assert not in_synced_folder(tmp_path / "Tài liệu" / "thidua.sqlite3")
    database = Database(tmp_path / "Dropbox" / "thidua.sqlite3")
    window = MainWindow(database.path)
    qtbot.addWidget(window)
    window.attach(database)
    assert "thư mục đồng bộ" in window.banner.text() and not window.banner.isHidden()
    database.close()


def test_a_read_only_window_says_so_above_the_tabs(qtbot, commune_file):
    database = Database(commune_file, read_only=True)
    window = MainWindow(database.path)
    qtbot.addWidget(window)
    window.attach(database)
    assert window.banner.text().startswith("Chỉ xem") and not window.banner.isHidden()
    database.close()


def test_a_damaged_file_offers_its_newest_backup_and_keeps_the_damaged_one(commune_file, monkeypatch):
    saved = backup(commune_file)
    data = bytearray(commune_file.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page overwritten
    commune_file.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="bị hỏng") as raised:
        Database(commune_file)
    assert raised.value.backup == saved
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    said = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, text: said.append(text))
    database = app.open_database(None, commune_file, read_only=False)
    with database.session() as s:
        assert load_settings(s).commune_name == "Hòa Phong"
    database.close()
    kept = list(commune_file.parent.glob("thidua.replaced-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data) and str(kept[0]) in said[0]


HOLD = textwrap.dedent("""
    import sys, time
    from PySide6.QtCore import QLockFile
    lock = QLockFile(sys.argv[1] + ".lock")
    assert lock.tryLock(0)
    print("held", flush=True)
    time.sleep(60)
""")


def test_a_second_window_on_the_same_file_is_told_who_holds_it(qapp, commune_file):
    first, holder = app.lock_database(commune_file)
    assert holder is None
    second, holder = app.lock_database(commune_file)
    assert holder is not None and "tiến trình" in holder
    first.unlock()


def test_a_lock_held_by_another_program_and_one_left_by_a_crash(qapp, commune_file):
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(commune_file)], stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "held"
        _lock, holder = app.lock_database(commune_file)
        assert holder is not None and str(other.pid) in holder
    finally:
        other.kill()  # like a power cut: the lock file stays behind
        other.wait()
        other.stdout.close()
    lock, holder = app.lock_database(commune_file)
    assert holder is None  # the dead holder's lock is taken over
    lock.unlock()


def _painted_window(qtbot, path):
    """The main window on ``path`` as it first appears: painted, no data yet."""
    window = MainWindow(path)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.painted):
        window.show()
    return window


def test_the_main_window_shows_its_tabs_at_once_and_fills_them_after(qtbot, commune_file, monkeypatch):
    window = _painted_window(qtbot, commune_file)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Kế hoạch thi đua", "Khen thưởng"]
    assert "Đang tải danh sách kế hoạch" in window.tabs.widget(0).findChild(QLabel).text()
    assert window.db is None and not window.settings_action.isEnabled()
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    assert app.load_data(window) is None
    assert window.tabs.widget(0) is window.plans_tab and window.windowTitle().endswith("Hòa Phong")
    assert window.settings_action.isEnabled() and window.restore_action.isEnabled()
    window.close()
    window.db.close()
    window.lock.unlock()


def test_the_second_window_opens_read_only_when_the_clerk_chooses(qtbot, commune_file, monkeypatch):
    monkeypatch.setattr(app, "lock_database", lambda path: (None, "máy «VP-01» (tiến trình 42)"))
    asked = []

    def quit_(parent, question, **k):  # the clerk chooses Thoát
        asked.append(question)
        return False

    monkeypatch.setattr(dialogs, "confirm", quit_)
    window = _painted_window(qtbot, commune_file)
    assert app.load_data(window) == 0
    assert "VP-01" in asked[0] and window.db is None
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)  # "Mở chỉ để xem"
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    window = _painted_window(qtbot, commune_file)
    assert app.load_data(window) is None
    assert window.db.read_only and window.banner.text().startswith("Chỉ xem")
    assert not window.restore_action.isEnabled()
    window.close()
    window.db.close()


def test_an_error_in_a_slot_is_logged_and_told_in_vietnamese(qapp, monkeypatch, caplog):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    error = OperationalError("UPDATE plan", {}, sqlite3.OperationalError("database is locked"))
    with caplog.at_level(logging.ERROR):
        app.report_unhandled(type(error), error, None)
    assert said and "chưa được lưu" in said[0] and "database" not in said[0]
    assert "unhandled error" in caplog.text


def test_a_failed_save_keeps_the_text_and_the_wizard_open(qtbot, db, tab, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 1)
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)  # "Ở lại"
    real_session = db.session

    def failing_session():
        raise OperationalError("COMMIT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(db, "session", failing_session)
    wizard.basis.theme.setPlainText("Thi đua xây dựng nông thôn mới")
    QTest.keyClick(wizard, Qt.Key_Escape)
    assert wizard.isVisible() and said and "Chưa lưu được" in said[0]
    assert wizard.basis.theme.toPlainText() == "Thi đua xây dựng nông thôn mới"
    monkeypatch.setattr(db, "session", real_session)  # the disk has room again
    QTest.keyClick(wizard, Qt.Key_Escape)
    assert not wizard.isVisible()
    assert last_plan(db).theme == "Thi đua xây dựng nông thôn mới"
