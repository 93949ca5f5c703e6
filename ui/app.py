"""Starting the GUI: screen check, QApplication, database, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core import APP_NAME
from core.db import Database, DatabaseError
from core.paths import default_db_path

NO_SCREEN = (
    "Không tìm thấy màn hình: ứng dụng cần giao diện đồ họa. "
    "Hãy chạy trên máy có màn hình, hoặc dùng các lệnh không cần màn hình (python main.py --help)."
)


def has_screen() -> bool:
    """False on a Linux/BSD machine with no X11 or Wayland display and no QT_QPA_PLATFORM chosen."""
    if sys.platform.startswith(("win", "darwin")):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run_gui(db: str | None) -> int:
    """Open the main window on the database ``db`` (or the default file); returns the exit code."""
    if not has_screen():
        print(NO_SCREEN, file=sys.stderr)
        return 3
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    try:
        database = Database(Path(db) if db else default_db_path())
    except DatabaseError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    window = MainWindow(database)
    window.show()
    if window.ask_settings_if_missing() is None:
        window.announce_deadlines()
    code = app.exec()
    database.close()
    return code
