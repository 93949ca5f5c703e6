"""The database file on a shared office PC: a second window, read-only files, failed saves, damaged files,
copies taken while the program runs, and errors that must reach the clerk as one Vietnamese sentence."""

import datetime as dt
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
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, OperationalError

from conftest import ROOT
from core.db import Database, DatabaseError, ReadOnlyError, backup
from core.paths import in_synced_folder
from core.models import Nominee, NomineeKind, Plan
from core.settings import load_settings, save_settings
from ui import app, dialogs
from ui.main_window import MainWindow


DATA = ROOT / "tests" / "data"


def _content(path):
    """Every table's schema and rows, as SQL."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


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
    with pytest.raises(ReadOnlyError, match="chỉ để xem"), database.session() as s:
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
    _second, holder = app.lock_database(commune_file)
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
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["Kế hoạch thi đua", "Khen thưởng", "Mùa khen thưởng"]
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


HOLD_EXCLUSIVE = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # as a backup tool or a second program holding the file
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("SELECT COUNT(*) FROM plan").fetchone()
    print("held", flush=True)
    time.sleep(60)
""")


def test_a_file_held_by_another_program_is_waited_for_never_called_damaged(commune_file, monkeypatch):
    """Another program's exclusive lock (an antivirus scan, a sync client): the clerk is told the file is held and
    offered Thử lại / Thoát, never a backup; nothing is renamed; after the other program lets go, Thử lại opens it."""
    backup(commune_file)  # a dated backup beside it, which must not be offered
    before = _digest(commune_file)
    other = subprocess.Popen([sys.executable, "-c", HOLD_EXCLUSIVE, str(commune_file)], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert other.stdout.readline().strip() == "held"
        asked = []

        def retry_once_the_scan_ends(parent, question, yes="", no=""):
            asked.append((question, yes, no))
            other.kill()  # the antivirus lets go while the clerk reads the message
            other.wait()
            return True  # "Thử lại"

        monkeypatch.setattr(dialogs, "confirm", retry_once_the_scan_ends)
        monkeypatch.setattr(dialogs, "warn", lambda parent, text: pytest.fail(text))
        database = app.open_database(None, commune_file, read_only=False)
    finally:
        other.kill()
        other.wait()
        other.stdout.close()
    (question, yes, no), = asked
    assert "đang bị chương trình khác giữ" in question and (yes, no) == ("Thử lại", "Thoát")
    assert "hỏng" not in question and "sao lưu" not in question and "locked" not in question
    with database.session() as s:
        assert load_settings(s).commune_name == "Hòa Phong"
    database.close()
    assert _digest(commune_file) == before and not list(commune_file.parent.glob("*.replaced-*"))


FULL_DISK = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) like a full disk
    limit = int(sys.argv[3])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    from core.errors import DatabaseError, DiskError
    from core.db import Database
    from core.operations.backup import open_backup_instead
    try:
        if sys.argv[1] == "open":
            Database(Path(sys.argv[2]))
        else:
            open_backup_instead(Path(sys.argv[2]), Path(sys.argv[4]))
    except DatabaseError as exc:
        print(type(exc).__name__, exc, sep="|")
""")


def _on_a_full_disk(*args) -> tuple[str, str]:
    """Run an opening or a restore in a process whose every write past ``limit`` bytes fails; returns the error's
    class name and message."""
    done = subprocess.run([sys.executable, "-c", FULL_DISK, *map(str, args)], capture_output=True, text=True,
                          cwd=str(ROOT), timeout=120)
    kind, _bar, message = done.stdout.strip().partition("|")
    return kind, message


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_the_backup_before_an_upgrade_is_said_and_changes_no_file(tmp_path):
    path = tmp_path / "cu.sqlite3"
    shutil.copy(DATA / "schema-0001.sqlite3", path)
    before = _content(path)
    kind, message = _on_a_full_disk("open", path, path.stat().st_size // 2)
    assert kind == "DiskError" and "Ổ đĩa" in message and "đầy" in message
    said = message.replace(str(path), "")
    assert "bị hỏng" not in said and "disk" not in said
    assert _content(path) == before  # not upgraded, not emptied
    assert [p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))] == ["cu.sqlite3"]


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_while_a_backup_replaces_a_damaged_file_leaves_the_file_in_place(tmp_path):
    """The replacement is written beside the file first: the write failure comes before anything is renamed."""
    path = tmp_path / "thidua.sqlite3"
    database = Database(path)
    database.close()
    big = tmp_path / "sao-luu.sqlite3"
    database = Database(big)
    with database.session() as s:
        for i in range(300):
            s.add(Plan(year=2026, title=f"Kế hoạch {i} " + "x" * 300))
    database.close()
    before = _digest(path)
    kind, message = _on_a_full_disk("restore", path, big.stat().st_size // 2, big)
    assert kind == "DatabaseError" and "Ổ đĩa đã đầy" in message and "vẫn như cũ" in message
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sao-luu.sqlite3", "thidua.sqlite3"]


def test_a_save_that_committed_is_saved_even_if_the_checkpoint_after_it_fails(commune_file, caplog):
    """The checkpoint after a commit fails (a full disk, a reader holding the file): the save is in the file and
    is not reported as failed, so the clerk does not save it twice; the checkpoint is done later."""
    database = Database(commune_file)
    database.engine.dispose()

    def no_checkpoint(action, name, *_):
        denied = action == sqlite3.SQLITE_PRAGMA and name == "wal_checkpoint"
        return sqlite3.SQLITE_DENY if denied else sqlite3.SQLITE_OK

    event.listen(database.engine, "connect", lambda conn, _record: conn.set_authorizer(no_checkpoint))
    with caplog.at_level(logging.WARNING), database.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Lê Thị Hoa")
    assert "checkpoint" in caplog.text
    database.close()
    with sqlite3.connect(commune_file) as conn:
        assert conn.execute("SELECT chairman_name FROM commune_settings").fetchone() == ("Lê Thị Hoa",)


def test_a_failed_save_is_logged_without_the_names_and_dates_it_held(qapp, db, caplog, monkeypatch):
    """The log is read by whoever supports the program: it keeps the statement and the error, never a person's
    name, birth date or unit."""
    db.engine.dispose()

    def refuse_insert(action, *_):
        return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_INSERT else sqlite3.SQLITE_OK

    event.listen(db.engine, "connect", lambda conn, _record: conn.set_authorizer(refuse_insert))
    with pytest.raises(DBAPIError) as failed, db.session() as s:
        s.add(Nominee(kind=NomineeKind.INDIVIDUAL, name="Nguyễn Thị Bí Mật", birth_date=dt.date(1987, 6, 5),
                      position="Kế toán", unit="Thôn Hạ Lũng"))
    monkeypatch.setattr(dialogs, "warn", lambda *a: None)
    with caplog.at_level(logging.ERROR):
        app.report_unhandled(type(failed.value), failed.value, failed.value.__traceback__)
    assert "INSERT INTO nominee" in caplog.text
    for secret in ("Bí Mật", "1987-06-05", "Hạ Lũng"):
        assert secret not in caplog.text


def test_a_read_only_folder_with_unmerged_saves_is_not_shown_stale(tmp_path, monkeypatch):
    """A -wal holding committed saves and no -shm, in a folder that cannot be written (a CD, a read-only share):
    SQLite would show the file without those saves; the clerk is told instead."""
    source = tmp_path / "may-khac" / "thidua.sqlite3"
    database = Database(source)
    with database.session() as s:
        s.add(Plan(year=2026, title="Kế hoạch cũ"))
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_autocheckpoint=0")
    with conn:
        conn.execute("UPDATE plan SET title = 'Kế hoạch mới'")
    copy = tmp_path / "dia-CD"
    copy.mkdir()
    for name in ("thidua.sqlite3", "thidua.sqlite3-wal"):  # copied while the program ran: no -shm
        shutil.copy(source.with_name(name), copy / name)
    conn.close()
    database.close()
    assert (copy / "thidua.sqlite3-wal").stat().st_size > 0
    monkeypatch.setattr("core.db.writable", lambda path: False)
    with pytest.raises(DatabaseError, match="không đọc an toàn được"):
        Database(copy / "thidua.sqlite3")


@pytest.mark.parametrize("english, vietnamese", [("database is locked", "đang bị chương trình khác giữ"),
                                                 ("disk I/O error", "Ổ đĩa đã đầy"),
                                                 ("database or disk is full", "Ổ đĩa đã đầy")])
def test_sqlite_english_never_reaches_the_clerk(qapp, monkeypatch, english, vietnamese):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: said.append(text))
    error = OperationalError("UPDATE nomination", {}, sqlite3.OperationalError(english))
    app.report_unhandled(type(error), error, None)
    assert vietnamese in said[0] and english not in said[0] and "chưa được lưu" in said[0]
