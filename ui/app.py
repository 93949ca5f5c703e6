"""Starting the GUI: screen check, log and error reporting, the main window painted at once (empty lists saying
"đang tải…"), then the file lock, opening the database and filling the lists; on a new data file, the commune's
details asked at once while the file is created in a worker thread. Storage (SQLAlchemy, the models) is imported
only after the first paint; this module imports neither and opens no session."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from core import APP_ID, APP_NAME
from core.errors import BUSY, DISK, DatabaseError, fault_of
from core.paths import default_db_path
from ui.widgets import after_first_paint

if TYPE_CHECKING:  # imported for real only after the first paint
    from core.db import Database
    from ui.main_window import MainWindow

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
    """The one Vietnamese sentence the clerk sees for an error no window caught (the detail is in the log): never
    SQLite's English ("database is locked", "disk I/O error")."""
    if isinstance(exc, DatabaseError):
        return str(exc)
    kind = fault_of(exc)
    if kind == BUSY:
        return ("Tệp dữ liệu đang bị chương trình khác giữ, nên thao tác vừa rồi chưa được lưu. Hãy thử lại sau giây "
                "lát.")
    if kind == DISK:
        return ("Ổ đĩa đã đầy hoặc không ghi được, nên thao tác vừa rồi chưa được lưu. Hãy giải phóng chỗ trống rồi "
                "thử lại.")
    if kind is not None or isinstance(exc, OSError):
        return ("Tệp dữ liệu đang bận, chỉ đọc hoặc không truy cập được, nên thao tác vừa rồi chưa được lưu. "
                "Hãy thử lại sau giây lát.")
    from core.logs import log_dir

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

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # never stale by age: a long working day is normal; a dead holder is detected
    if lock.tryLock(0) or lock.error() != QLockFile.LockFailedError:
        return lock, None
    pid, host, _app = lock.getLockInfo()
    return lock, f"máy «{host}» (tiến trình {pid})"


def open_database(parent, path: Path, read_only: bool) -> Database | None:
    """Open ``path`` and return it, or tell the clerk and return None when nothing can be opened.

    Another program holding the file: say so and offer Thử lại / Thoát (never a backup: the file is fine). A
    full disk or an I/O error: say so; nothing is opened and no file changed. A damaged file (failed integrity
    check) with a dated backup beside it: offer to open the backup in its place (the damaged file is kept, renamed).
    """
    from core.errors import FileBusyError
    from core.operations.backup import open_backup_instead, open_data_file
    from ui import dialogs

    while True:
        try:
            return open_data_file(path, read_only=read_only)
        except FileBusyError as exc:
            if not dialogs.confirm(parent, str(exc), yes="Thử lại", no="Thoát"):
                return None
        except DatabaseError as exc:
            if exc.backup is None or read_only:
                dialogs.warn(parent, str(exc))
                return None
            if not dialogs.confirm(parent, f"{exc}\n\nMở bản sao lưu «{exc.backup.name}» thay cho tệp hỏng? Tệp "
                                           "hỏng được giữ lại với tên mới.", yes="Mở bản sao lưu", no="Thoát"):
                return None
            try:
                database, kept = open_backup_instead(path, exc.backup)
            except DatabaseError as again:
                dialogs.warn(parent, str(again))
                return None
            dialogs.inform(parent, f"Đã mở bản sao lưu «{exc.backup.name}». Tệp hỏng được giữ lại là «{kept}».")
            return database


def configure_log() -> None:
    """Send every error's technical detail to the log file, never to the clerk's screen (done after the first paint
    of the window, or of the first-run dialog: it is not needed to show them)."""
    from core.logs import configure

    configure()


def load_data(window: MainWindow) -> int | None:
    """After the main window's first paint: lock its data file, open it (read-only if the clerk so chooses because
    another window holds it), fill the lists, then ask for the commune's details on a first start or announce
    the deadlines; a file that does not exist yet goes to :func:`first_start`. Returns None when the window works (or
    will work) on the data, else the exit code (0: the clerk quit, 2: nothing could be opened). The window keeps
    the lock (``window.lock``) for its lifetime."""
    from ui import dialogs

    lock, holder = lock_database(window.path)
    if holder and not dialogs.confirm(window, f"Tệp dữ liệu «{window.path}» đang được mở ở {holder}. Hai cửa sổ "
                                              "cùng sửa một tệp sẽ ghi đè lên nhau.\n\nMở tệp chỉ để xem?",
                                      yes="Mở chỉ để xem", no="Thoát"):
        return 0
    if holder is None and not window.path.exists():
        window.lock = lock
        first_start(window)
        return None
    configure_log()
    database = open_database(window, window.path, read_only=holder is not None)
    if database is None:
        return 2
    window.lock = lock
    window.attach(database)
    if window.ask_settings_if_missing() is None:
        window.announce_deadlines()
    return None


class Opening(QObject):
    """The data file ``path`` opened (created: storage imported, schema made) in a worker thread. ``done`` is
    emitted in the GUI thread once it is over: ``database`` is then the open file, or None when opening failed (the
    reason is logged; :func:`open_database` tries again and tells the clerk)."""

    done = Signal()
    _over = Signal()  # emitted by the worker; this object lives in the GUI thread, so it is delivered there

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = path
        self.database: Database | None = None
        self._worker = threading.Thread(target=self._open, name="opening", daemon=True)
        self._over.connect(self._finish)

    def start(self) -> None:
        """Start opening."""
        self._worker.start()

    def wait(self) -> None:
        """Block until the worker is over (the application quits while the file is being created)."""
        if self._worker.ident is not None:
            self._worker.join()

    def _open(self) -> None:
        from core.operations.backup import open_data_file

        try:
            self.database = open_data_file(self.path)
        except Exception:  # told by open_database in the GUI thread
            log.warning("creating %s in the background failed", self.path, exc_info=True)
        self._over.emit()

    def _finish(self) -> None:
        self.done.emit()


def first_start(window: MainWindow) -> None:
    """A new data file (nothing to read): ask for the commune's details at once, and create the file (storage
    imported, schema made) in a worker thread started after the dialog's first paint. "Lưu" is enabled once the
    file is there; the (empty) lists are filled once the dialog is closed. When the file cannot be created the
    dialog closes and the clerk is told why (:func:`open_database`); the window then quits."""
    from PySide6.QtWidgets import QApplication

    dialog = window.edit_settings()
    opening = Opening(window.path, window)
    window.opening = opening

    def begin() -> None:
        configure_log()
        opening.start()

    after_first_paint(dialog, begin)

    def opened() -> None:
        database = opening.database
        if database is None:
            dialog.reject()
            database = open_database(window, window.path, read_only=False)
            if database is None:
                window.close()
                QApplication.instance().exit(2)
                return
        dialog.set_database(database)
        if dialog.isVisible():
            dialog.finished.connect(lambda _result: window.attach(database))
        else:
            window.attach(database)

    opening.done.connect(opened)


def _self_test(window: MainWindow) -> int:
    """``--self-test`` after the first paint: open the data (no lock, no questions; an error goes to stderr), fill
    the lists, say so ("data") and return the exit code."""
    from core.operations.backup import open_data_file

    try:
        database = open_data_file(window.path)
    except DatabaseError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    window.attach(database)
    print("data", flush=True)
    return 0


def run_gui(db: str | None, self_test: bool = False) -> int:
    """Open the main window on the database ``db`` (or the default file); returns the exit code.
    ``self_test``: open the window, fill it once, and quit (checks a build starts; no questions asked); prints
    "window" at the first paint and "data" once the lists are filled."""
    if not has_screen():
        frozen = getattr(sys, "frozen", False)  # the installed program: the commands are the -cli one beside it
        print(NO_SCREEN.format(commands=f"{APP_ID}-cli" if frozen else "python main.py"), file=sys.stderr)
        return 3
    from PySide6.QtWidgets import QApplication

    from ui import translations
    from ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    translations.install(app)
    sys.excepthook = report_unhandled
    window = MainWindow(Path(db) if db else default_db_path())

    def fill() -> None:
        if self_test:
            configure_log()
            print("window", flush=True)
            app.exit(_self_test(window))
            return
        code = load_data(window)
        if code is not None:
            window.close()
            app.exit(code)

    window.painted.connect(fill)
    window.show()
    code = app.exec()
    if window.opening is not None:  # the clerk quit while the new file was being created: let it finish
        window.opening.wait()
        if window.db is None and window.opening.database is not None:
            window.opening.database.close()
    if window.db is not None:
        window.db.close()
    if window.lock is not None:
        window.lock.unlock()
    return code
