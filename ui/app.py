"""Starting the GUI: screen check, log and error reporting, a first window at once, the file lock, opening the
database, main window. SQLAlchemy and the main window's modules are imported after the first window shows."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from core import APP_ID, APP_NAME
from core.errors import DatabaseError
from core.logs import log_dir
from core.paths import default_db_path

if TYPE_CHECKING:  # imported for real only once the first window shows
    from core.db import Database

NO_SCREEN = (
    "Không tìm thấy màn hình: ứng dụng cần giao diện đồ họa. "
    "Hãy chạy trên máy có màn hình, hoặc dùng các lệnh không cần màn hình ({commands} --help)."
)
log = logging.getLogger(__name__)


def has_screen() -> bool:
    """False on a Linux/BSD machine with no X11 or Wayland display and no QT_QPA_PLATFORM chosen."""
    if sys.platform.startswith(("win", "darwin")):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def error_message(exc: BaseException) -> str:
    """The one Vietnamese sentence the clerk sees for an error no window caught (the detail is in the log)."""
    from sqlalchemy.exc import OperationalError

    if isinstance(exc, DatabaseError):
        return str(exc)
    if isinstance(exc, (OperationalError, OSError)):
        return ("Tệp dữ liệu đang bận, chỉ đọc hoặc ổ đĩa đã đầy, nên thao tác vừa rồi chưa được lưu. "
                "Hãy thử lại sau giây lát.")
    return (f"Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi có thể chưa hoàn tất. Những gì đã lưu không bị mất. "
            f"Chi tiết đã ghi vào nhật ký trong thư mục «{log_dir()}».")


def report_unhandled(exc_type, exc, tb) -> None:
    """``sys.excepthook`` of the GUI: log the traceback, tell the clerk in one sentence, keep running."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unhandled error", exc_info=(exc_type, exc, tb))
    from PySide6.QtWidgets import QApplication

    from ui import dialogs

    dialogs.warn(QApplication.activeWindow(), error_message(exc))


def lock_database(path: Path):
    """Hold ``<file>.lock`` for the application's lifetime, so one window at a time writes the file.

    Returns ``(lock, holder)``: ``holder`` is None when the lock is ours, else a Vietnamese phrase naming the
    computer and process holding it. A lock left by a process that has died is taken over (``QLockFile``
    checks the PID and host). When the folder cannot be written the lock is not needed: the file then opens
    read-only by itself.
    """
    from PySide6.QtCore import QLockFile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # never stale by age: a long working day is normal; a dead holder is detected
    if lock.tryLock(0) or lock.error() != QLockFile.LockFailedError:
        return lock, None
    pid, host, _app = lock.getLockInfo()
    return lock, f"máy «{host}» (tiến trình {pid})"


def open_database(path: Path, read_only: bool) -> Database | None:
    """Open ``path``; for a damaged file with a dated backup beside it, offer to open the backup (the damaged
    file is kept, renamed). Tells the clerk and returns None when nothing can be opened."""
    from core.db import Database, restore_backup
    from ui import dialogs

    try:
        return Database(path, read_only=read_only)
    except DatabaseError as exc:
        if exc.backup is None or read_only:
            dialogs.warn(None, str(exc))
            return None
        if not dialogs.confirm(None, f"{exc}\n\nMở bản sao lưu «{exc.backup.name}» thay cho tệp hỏng? Tệp hỏng "
                                     "được giữ lại với tên mới.", yes="Mở bản sao lưu", no="Thoát"):
            return None
        try:
            kept = restore_backup(path, exc.backup)
            database = Database(path)
        except (OSError, DatabaseError) as again:
            dialogs.warn(None, error_message(again))
            return None
        dialogs.inform(None, f"Đã mở bản sao lưu «{exc.backup.name}». Tệp hỏng được giữ lại là «{kept}».")
        return database


def show_splash():
    """A small window naming the application, shown before anything slow is imported or opened: the clerk sees
    at once that the double-click worked (and does not start a second copy). Returns it, to be closed.
    (Not a QSplashScreen: that one waits up to a second for the window system to confirm it is on screen.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel

    splash = QLabel(f"<p style='font-size:15pt; font-weight:bold; color:#1f3b57'>{APP_NAME}</p>"
                    "<p style='font-size:11pt'>Đang mở dữ liệu…</p>")
    splash.setWindowFlags(Qt.SplashScreen | Qt.FramelessWindowHint)
    splash.setStyleSheet("QLabel { background: #f3f6f9; border: 1px solid #9fb3c8; padding: 18px 28px; }")
    splash.adjustSize()
    splash.move(QApplication.primaryScreen().availableGeometry().center() - splash.rect().center())
    splash.show()
    QApplication.processEvents()
    return splash


def open_window(path: Path, splash=None):
    """Lock ``path``, open it (read-only if the clerk so chooses because another window holds it) and show the
    main window. Returns ``(window, exit_code)``: ``window`` is None when the clerk quit or nothing could be
    opened (exit code 0 or 2). The window keeps the lock (``window.lock``) for its lifetime. ``splash``, the
    first window, is closed before any question and when the main window shows."""
    from ui import dialogs
    from ui.main_window import MainWindow

    lock, holder = lock_database(path)
    if holder and splash is not None:
        splash.close()
    if holder and not dialogs.confirm(None, f"Tệp dữ liệu «{path}» đang được mở ở {holder}. Hai cửa sổ cùng sửa "
                                            "một tệp sẽ ghi đè lên nhau.\n\nMở tệp chỉ để xem?",
                                      yes="Mở chỉ để xem", no="Thoát"):
        return None, 0
    database = open_database(path, read_only=holder is not None)
    if database is None:
        return None, 2
    window = MainWindow(database)
    window.lock = lock
    window.show()
    if splash is not None:
        splash.close()
    if window.ask_settings_if_missing() is None:
        window.announce_deadlines()
    return window, 0


def run_gui(db: str | None, self_test: bool = False) -> int:
    """Open the main window on the database ``db`` (or the default file); returns the exit code.
    ``self_test``: open the window, let it paint once, and quit (checks a build starts; no questions asked)."""
    if not has_screen():
        frozen = getattr(sys, "frozen", False)  # the installed program: the commands are the -cli one beside it
        print(NO_SCREEN.format(commands=f"{APP_ID}-cli" if frozen else "python main.py"), file=sys.stderr)
        return 3
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import translations

    from core.logs import configure

    configure()  # every error's technical detail goes to the log file, never to the clerk's screen
    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    translations.install(app)
    sys.excepthook = report_unhandled
    path = Path(db) if db else default_db_path()
    splash = show_splash()
    if self_test:  # does a build start? No lock, no questions; an error goes to stderr; says when it shows what
        print("splash", flush=True)
        from core.db import Database
        from ui.main_window import MainWindow

        try:
            database = Database(path)
        except DatabaseError as exc:
            print(f"Lỗi: {exc}", file=sys.stderr)
            return 2
        window = MainWindow(database)
        window.show()
        splash.close()
        app.processEvents()
        print("window", flush=True)
        QTimer.singleShot(0, app.quit)
        app.exec()
        database.close()
        return 0
    window, code = open_window(path, splash)
    if window is None:
        return code
    code = app.exec()
    window.db.close()
    window.lock.unlock()
    return code
