"""Main window: the two tabs "Kế hoạch thi đua" and "Khen thưởng", settings and About.

The window is built and painted before any storage code is imported (tabs, menus, each list's frame saying
"đang tải…"); :meth:`MainWindow.attach` then puts the data in. This module imports neither SQLAlchemy nor the
models: the data comes through core operations, the tabs' modules are imported by ``attach``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core import APP_NAME, __version__
from core.errors import DatabaseError
from core.paths import resources_dir
from ui import dialogs
from ui.widgets import after_first_paint, fit_to_screen

if TYPE_CHECKING:  # imported for real by attach(), after the first paint
    from core.db import Database
    from ui.app import Opening
    from ui.catalogue_dialog import CatalogueDialog
    from ui.nominations_tab import NominationsTab
    from ui.plans_tab import PlansTab
    from ui.season_tab import SeasonTab
    from ui.settings_dialog import SettingsDialog


DATA_FILTER = "Dữ liệu (*.sqlite3);;Tất cả (*)"
TAB_TITLES = ("Kế hoạch thi đua", "Khen thưởng", "Mùa khen thưởng")
LOADING = ("danh sách kế hoạch", "danh sách đề nghị khen thưởng", "mùa khen thưởng")  # "Đang tải …" until filled


def _loading(what: str) -> QFrame:
    """The frame a list will fill, saying it is being loaded."""
    frame = QFrame(frameShape=QFrame.StyledPanel)
    label = QLabel(f"Đang tải {what}…", alignment=Qt.AlignCenter, styleSheet="color:#52606d")
    QVBoxLayout(frame).addWidget(label)
    return frame


class MainWindow(QMainWindow):
    """The application's window on the data file ``path``; remembers its size and position per data file.

    Shown empty at once (``painted`` is emitted once, just after the first paint); :meth:`attach` gives it the open
    database and fills the lists. Until then the actions that need the data are disabled.
    """

    painted = Signal()

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.db: Database | None = None
        self.lock: QLockFile | None = None  # held for the window's lifetime (ui.app)
        self.opening: Opening | None = None  # a new data file being created (ui.app.first_start)
        self.plans_tab: PlansTab | None = None
        self.awards_tab: NominationsTab | None = None
        self.season_tab: SeasonTab | None = None
        self.ui_state = QSettings(str(self.path.with_suffix(".ui.ini")), QSettings.IniFormat)
        self.tabs = QTabWidget()
        for what, title in zip(LOADING, TAB_TITLES, strict=True):
            self.tabs.addTab(_loading(what), title)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.banner = QLabel(wordWrap=True,
                             styleSheet="background:#fef3c7; color:#78350f; padding:6px; font-weight:bold")
        self.banner.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self._build_menu()
        self.setWindowTitle(APP_NAME)
        if not self.restoreGeometry(self.ui_state.value("geometry", b"")):
            fit_to_screen(self, 1100, 720)
        after_first_paint(self, self.painted.emit)

    def attach(self, db: Database) -> None:
        """Work on ``db``: build the three tabs (each fills its list), the banner and the title; enable the actions."""
        self.db = db
        self._open_tabs()
        self.banner.setText(self.notice())
        self.banner.setVisible(bool(self.banner.text()))
        self.refresh_title()
        for action in self.data_actions:
            action.setEnabled(True)
        self.restore_action.setEnabled(not db.read_only)

    def _open_tabs(self) -> None:
        """(Re)build the tabs on ``self.db``, staying on the tab shown: that one is filled now, each other one (still
        saying "đang tải…") when the clerk first opens it (:meth:`_tab_shown`)."""
        current = max(self.tabs.currentIndex(), 0)
        self.plans_tab = self.awards_tab = self.season_tab = None
        self.tabs.blockSignals(True)
        self.tabs.clear()
        for what, title in zip(LOADING, TAB_TITLES, strict=True):
            self.tabs.addTab(_loading(what), title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._tab_shown(current)

    def _tab_shown(self, index: int) -> None:
        """The tab ``index`` is shown: build and fill it the first time (once the data is there), else refresh it
        (it shows what another tab changed: a vote, a decision, a nomination)."""
        if self.db is None or index < 0:
            return
        built = (self.plans_tab, self.awards_tab, self.season_tab)[index]
        if built is not None:
            getattr(built, "refresh", lambda: None)()  # the plans' list refreshes itself after each action
            return
        tab: QWidget
        if index == 0:
            from ui.plans_tab import PlansTab

            tab = self.plans_tab = PlansTab(self.db)
        elif index == 1:
            from ui.nominations_tab import NominationsTab

            tab = self.awards_tab = NominationsTab(self.db)
        else:
            from ui.season_tab import SeasonTab

            tab = self.season_tab = SeasonTab(self.db)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, TAB_TITLES[index])
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.settings_action = QAction("Thông tin &xã…", self, triggered=self.edit_settings)
        catalogue_action = QAction("&Danh mục khen thưởng…", self, triggered=self.edit_catalogue)
        backup_action = QAction("&Sao lưu dữ liệu…", self, triggered=self.back_up)
        self.restore_action = QAction("&Khôi phục từ bản sao lưu…", self, triggered=self.restore)
        self.data_actions = [self.settings_action, catalogue_action, backup_action, self.restore_action]
        for action in self.data_actions:
            action.setEnabled(False)  # until the data is there (attach)
        file_menu.addAction(self.settings_action)
        file_menu.addAction(catalogue_action)
        file_menu.addSeparator()
        file_menu.addAction(backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(QAction("T&hoát", self, shortcut=QKeySequence.Quit, triggered=self.close))
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        help_menu.addAction(QAction("&Hướng dẫn sử dụng", self, shortcut=QKeySequence.HelpContents,
                                    triggered=self.show_guide))
        help_menu.addAction(QAction("Mở thư mục &nhật ký", self, triggered=self.open_log_folder))
        help_menu.addAction(QAction("&Giới thiệu", self, triggered=self.show_about))

    def back_up(self) -> str | None:
        """Tệp → Sao lưu: a consistent, checked copy of the data file named with today's date, where the clerk
        chooses (a USB stick, another drive). Returns its path, or None."""
        from core.operations.backup import back_up

        assert self.db is not None
        path = dialogs.ask_save_file(self, "Sao lưu dữ liệu", f"thidua-sao-luu-{dt.date.today():%Y-%m-%d}.sqlite3",
                                     DATA_FILTER)
        if not path:
            return None
        try:
            back_up(self.db, Path(path))
        except DatabaseError as exc:
            dialogs.warn(self, str(exc))
            return None
        dialogs.exported(self, f"Đã sao lưu dữ liệu vào {path}", path)
        return path

    def restore(self) -> bool:
        """Tệp → Khôi phục: replace the data with a backup the clerk chooses, after confirmation; the current
        data is kept beside it (``thidua.replaced-….sqlite3``). Refused with a sentence for the data file itself or
        a file that is not a backup; when the replacement fails the current data stays as it was."""
        from core.operations.backup import check_restorable, restore

        assert self.db is not None
        path = dialogs.ask_open_file(self, "Khôi phục từ bản sao lưu", DATA_FILTER)
        if not path:
            return False
        try:
            check_restorable(self.db, Path(path))
        except DatabaseError as exc:
            dialogs.warn(self, str(exc))
            return False
        if not dialogs.confirm(self, f"Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu «{Path(path).name}»? Dữ liệu "
                                     "hiện tại được giữ lại thành một tệp riêng bên cạnh.", yes="Khôi phục"):
            return False
        if self.plans_tab is not None and self.plans_tab.wizard is not None:
            self.plans_tab.wizard.close()
        try:
            database, kept = restore(self.db, Path(path))
        except DatabaseError as exc:
            dialogs.warn(self, str(exc))
            return False
        self.attach(database)
        where = f" Dữ liệu trước đó được giữ lại ở «{kept}»." if kept else ""
        dialogs.inform(self, f"Đã khôi phục dữ liệu từ «{Path(path).name}».{where}")
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
        from core.paths import in_synced_folder

        lines = []
        if self.db is not None and self.db.read_only:
            lines.append("Chỉ xem: tệp dữ liệu đang mở ở nơi khác hoặc không ghi được, nên mọi thay đổi sẽ không "
                         "được lưu.")
        if in_synced_folder(self.path):
            lines.append("Tệp dữ liệu nằm trong thư mục đồng bộ (OneDrive, Google Drive, Dropbox…): đừng mở cùng "
                         "tệp ở hai máy; để sao chép sang máy khác, hãy đóng chương trình trước.")
        return "\n".join(lines)

    def open_log_folder(self) -> None:
        """Help → open the folder of the log file (to send it to whoever supports the program)."""
        from core.logs import log_dir

        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        dialogs.open_path(self, folder)

    def refresh_title(self) -> None:
        """Window title: application name and, once set, the commune."""
        from core.operations.settings import commune_label

        label = commune_label(self.db) if self.db is not None else None
        self.setWindowTitle(APP_NAME + (f" — {label}" if label else ""))

    def edit_settings(self) -> SettingsDialog:
        """Open the settings dialog (window-modal, not blocking) and return it. Before the data is there (a new file
        being created, :func:`ui.app.first_start`) its "Lưu" waits for :meth:`SettingsDialog.set_database`."""
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self)
        dialog.accepted.connect(self.refresh_title)
        dialog.renaming.connect(lambda: self._close_plan_for_rename(dialog))
        dialog.open()
        return dialog

    def _close_plan_for_rename(self, dialog: SettingsDialog) -> None:
        """The commune is being renamed: the plan open in the wizard is saved and closed first, so the rename
        reaches its texts too, and opened again (on the page it was at) once the settings are saved."""
        tab = self.plans_tab
        if tab is None or tab.wizard is None or tab.wizard.closed:
            return
        plan_id = tab.wizard.plan_id
        tab.wizard.close()
        if tab.wizard.closed:
            dialog.finished.connect(lambda _result: tab.open_plan(plan_id))

    def edit_catalogue(self) -> CatalogueDialog:
        """Open the award catalogue (window-modal); the nominations tab refreshes after a save."""
        from ui.catalogue_dialog import CatalogueDialog

        assert self.db is not None
        dialog = CatalogueDialog(self.db, self)
        if self.awards_tab is not None:  # else filled with the new catalogue when first shown
            dialog.accepted.connect(self.awards_tab.refresh)
        dialog.open()
        return dialog

    def ask_settings_if_missing(self) -> SettingsDialog | None:
        """On first start (no settings saved yet) open the settings dialog."""
        from core.operations.settings import commune_label

        if self.db is None or self.db.read_only or commune_label(self.db) is not None:
            return None
        return self.edit_settings()

    def announce_deadlines(self) -> str:
        """At start-up: say how many nomination dossiers are due within a week or overdue (once); returns it."""
        from core.operations.nominations import list_choices

        message = list_choices(self.db, dt.date.today()).alert if self.db is not None else ""
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
            f"Tệp dữ liệu: {self.path}",
        )

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """Save an open wizard and remember the window geometry for the next start."""
        if self.plans_tab is not None and self.plans_tab.wizard is not None and self.plans_tab.wizard.isVisible():
            self.plans_tab.wizard.save()
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.sync()
        super().closeEvent(event)
