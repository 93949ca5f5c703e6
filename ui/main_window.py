"""Main window: the two tabs "Kế hoạch thi đua" and "Khen thưởng", settings and About."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import APP_NAME, __version__
from core.db import Database, DatabaseError, backup, check_backup, in_synced_folder, restore_backup
from core.logs import log_dir
from core.paths import resources_dir
from core.settings import load_settings
from ui import dialogs
from ui.catalogue_dialog import CatalogueDialog
from ui.nominations_tab import NominationsTab
from ui.plans_tab import PlansTab
from ui.season_tab import SeasonTab
from ui.settings_dialog import SettingsDialog
from ui.widgets import fit_to_screen


DATA_FILTER = "Dữ liệu (*.sqlite3);;Tất cả (*)"


class MainWindow(QMainWindow):
    """The application's window; remembers its size and position per database file."""

    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.ui_state = QSettings(str(db.path.with_suffix(".ui.ini")), QSettings.IniFormat)
        self.tabs = QTabWidget()
        self._open_tabs()
        # a tab shows what another tab changed (a vote, a decision, a nomination) when the clerk comes back to it
        self.tabs.currentChanged.connect(lambda i: getattr(self.tabs.widget(i), "refresh", lambda: None)())
        self.banner = QLabel(self.notice(), wordWrap=True,
                             styleSheet="background:#fef3c7; color:#78350f; padding:6px; font-weight:bold")
        self.banner.setVisible(bool(self.banner.text()))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self._build_menu()
        self.refresh_title()
        if not self.restoreGeometry(self.ui_state.value("geometry", b"")):
            fit_to_screen(self, 1100, 720)

    def _open_tabs(self) -> None:
        """(Re)build the two tabs on ``self.db``."""
        self.tabs.clear()
        self.plans_tab = PlansTab(self.db)
        self.awards_tab = NominationsTab(self.db)
        self.tabs.addTab(self.plans_tab, "Kế hoạch thi đua")
        self.tabs.addTab(self.awards_tab, "Khen thưởng")
        self.season_tab = SeasonTab(self.db)
        self.tabs.addTab(self.season_tab, "Mùa khen thưởng")

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.settings_action = QAction("Thông tin &xã…", self, triggered=self.edit_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(QAction("&Danh mục khen thưởng…", self, triggered=self.edit_catalogue))
        file_menu.addSeparator()
        file_menu.addAction(QAction("&Sao lưu dữ liệu…", self, triggered=self.back_up))
        self.restore_action = QAction("&Khôi phục từ bản sao lưu…", self, triggered=self.restore,
                                      enabled=not self.db.read_only)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(QAction("T&hoát", self, shortcut=QKeySequence.Quit, triggered=self.close))
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        help_menu.addAction(QAction("&Hướng dẫn sử dụng", self, shortcut=QKeySequence.HelpContents,
                                    triggered=self.show_guide))
        help_menu.addAction(QAction("Mở thư mục &nhật ký", self, triggered=self.open_log_folder))
        help_menu.addAction(QAction("&Giới thiệu", self, triggered=self.show_about))

    def back_up(self) -> str | None:
        """Tệp → Sao lưu: a consistent copy of the data file (SQLite's backup API) named with today's date, where
        the clerk chooses (a USB stick, another drive). Returns its path, or None."""
        path = dialogs.ask_save_file(self, "Sao lưu dữ liệu", f"thidua-sao-luu-{dt.date.today():%Y-%m-%d}.sqlite3",
                                     DATA_FILTER)
        if not path:
            return None
        try:
            backup(self.db.path, target=Path(path))
        except (OSError, sqlite3.Error) as exc:
            dialogs.warn(self, f"Không ghi được bản sao lưu «{path}» ({exc}). Hãy chọn thư mục khác.")
            return None
        dialogs.exported(self, f"Đã sao lưu dữ liệu vào {path}", path)
        return path

    def restore(self) -> bool:
        """Tệp → Khôi phục: replace the data with a backup the clerk chooses, after confirmation; the current
        file is kept beside it (``thidua.replaced-….sqlite3``)."""
        path = dialogs.ask_open_file(self, "Khôi phục từ bản sao lưu", DATA_FILTER)
        if not path:
            return False
        try:
            check_backup(Path(path))
        except DatabaseError as exc:
            dialogs.warn(self, str(exc))
            return False
        if not dialogs.confirm(self, f"Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{Path(path).name}»? Dữ liệu "
                                     "hiện tại được giữ lại thành một tệp riêng bên cạnh.", yes="Khôi phục"):
            return False
        if self.plans_tab.wizard is not None:
            self.plans_tab.wizard.close()
        self.db.close()
        kept = restore_backup(self.db.path, Path(path))
        self.db = Database(self.db.path)
        self._open_tabs()
        self.refresh_title()
        dialogs.inform(self, f"Đã khôi phục dữ liệu từ «{Path(path).name}». Dữ liệu trước đó được giữ lại ở «{kept}».")
        return True

    def show_guide(self) -> QDialog:
        """Trợ giúp → Hướng dẫn sử dụng: the short guide shipped in ``resources/huong-dan.html``."""
        dialog = QDialog(self, windowTitle="Hướng dẫn sử dụng")
        browser = QTextBrowser(openExternalLinks=True)
        browser.setHtml((resources_dir() / "huong-dan.html").read_text(encoding="utf-8"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        fit_to_screen(dialog, 760, 640)
        dialog.show()
        return dialog

    def notice(self) -> str:
        """The warning shown above the tabs ("" for none): a file open only for viewing, a file in a synced
        folder."""
        lines = []
        if self.db.read_only:
            lines.append("Chỉ xem: tệp dữ liệu đang mở ở nơi khác hoặc không ghi được, nên mọi thay đổi sẽ không "
                         "được lưu.")
        if in_synced_folder(self.db.path):
            lines.append("Tệp dữ liệu nằm trong thư mục đồng bộ (OneDrive, Google Drive, Dropbox…): đừng mở cùng "
                         "tệp ở hai máy; để sao chép sang máy khác, hãy đóng chương trình trước.")
        return "\n".join(lines)

    def open_log_folder(self) -> None:
        """Help → open the folder of the log file (to send it to whoever supports the program)."""
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def refresh_title(self) -> None:
        """Window title: application name and, once set, the commune."""
        with self.db.session() as s:
            settings = load_settings(s)
            suffix = f" — {settings.unit_type.value.capitalize()} {settings.commune_name}" if settings else ""
        self.setWindowTitle(APP_NAME + suffix)

    def edit_settings(self) -> SettingsDialog:
        """Open the settings dialog (window-modal, not blocking) and return it."""
        dialog = SettingsDialog(self.db, self)
        dialog.accepted.connect(self.refresh_title)
        dialog.open()
        return dialog

    def edit_catalogue(self) -> CatalogueDialog:
        """Open the award catalogue (window-modal); the nominations tab refreshes after a save."""
        dialog = CatalogueDialog(self.db, self)
        dialog.accepted.connect(self.awards_tab.refresh)
        dialog.open()
        return dialog

    def ask_settings_if_missing(self) -> SettingsDialog | None:
        """On first start (no settings saved yet) open the settings dialog."""
        with self.db.session() as s:
            if load_settings(s) is not None or self.db.read_only:
                return None
        return self.edit_settings()

    def announce_deadlines(self) -> str:
        """At start-up: say how many nomination dossiers are due within a week or overdue (once); returns it."""
        message = self.awards_tab.alert.text()
        if message:
            dialogs.inform(self, message.removeprefix("⚠ ") + " Xem thẻ «Khen thưởng».")
        return message

    def show_about(self) -> None:
        """Help → About: name, version, and where the data file is."""
        QMessageBox.about(
            self,
            "Giới thiệu",
            f"<b>{APP_NAME}</b><br>Phiên bản {__version__}<br><br>"
            "Soạn kế hoạch phát động phong trào thi đua và theo dõi khen thưởng cho UBND xã, phường.<br>"
            f"Tệp dữ liệu: {self.db.path}",
        )

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Save an open wizard and remember the window geometry for the next start."""
        if self.plans_tab.wizard is not None and self.plans_tab.wizard.isVisible():
            self.plans_tab.wizard.save()
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.sync()
        super().closeEvent(event)
