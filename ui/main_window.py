"""Main window: the two tabs "Kế hoạch thi đua" and "Khen thưởng", settings and About."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from core import APP_NAME, __version__
from core.db import Database
from core.settings import load_settings
from ui import dialogs
from ui.catalogue_dialog import CatalogueDialog
from ui.nominations_tab import NominationsTab
from ui.plans_tab import PlansTab
from ui.settings_dialog import SettingsDialog


class MainWindow(QMainWindow):
    """The application's window; remembers its size and position per database file."""

    def __init__(self, db: Database):
        super().__init__()
        self.db = db
        self.ui_state = QSettings(str(db.path.with_suffix(".ui.ini")), QSettings.IniFormat)
        self.tabs = QTabWidget()
        self.plans_tab = PlansTab(db)
        self.awards_tab = NominationsTab(db)
        self.tabs.addTab(self.plans_tab, "Kế hoạch thi đua")
        self.tabs.addTab(self.awards_tab, "Khen thưởng")
        self.setCentralWidget(self.tabs)
        self._build_menu()
        self.refresh_title()
        if not self.restoreGeometry(self.ui_state.value("geometry", b"")):
            self.resize(1100, 720)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.settings_action = QAction("Thông tin &xã…", self, triggered=self.edit_settings)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(QAction("&Danh mục khen thưởng…", self, triggered=self.edit_catalogue))
        file_menu.addSeparator()
        file_menu.addAction(QAction("T&hoát", self, shortcut=QKeySequence.Quit, triggered=self.close))
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        help_menu.addAction(QAction("&Giới thiệu", self, triggered=self.show_about))

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
            if load_settings(s) is not None:
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
