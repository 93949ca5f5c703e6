"""The plan wizard: nine pages, saved to the database as the clerk goes.

Every page is stored when the clerk moves to another page, presses Ctrl+S, closes the window, and
two seconds after the last edit; reopening a draft resumes on the page where the clerk left it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWizard

from core.db import Database
from core.export_docx import export_docx
from core.layout import build_layout
from core.models import Plan, PlanStatus
from core.plans import PlanError, issue
from core.settings import load_settings
from ui import dialogs
from ui.wizard.page_preview import PreviewPage
from ui.wizard.page_targets import TargetsPage
from ui.wizard.pages_info import BasisPage, InfoPage
from ui.wizard.pages_text import AwardPage, ContentPage, OrganisationPage, PurposePage, SignerPage

AUTOSAVE_MS = 2000


class PlanWizard(QWizard):
    """Edits one plan (``plan_id``); ``saved`` fires after each save so lists can refresh."""

    saved = Signal()

    def __init__(self, db: Database, plan_id: int, parent=None):
        super().__init__(parent)
        self.db = db
        self.plan_id = plan_id
        self.setWindowTitle("Soạn kế hoạch thi đua")
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoCancelButton, False)
        self.setOption(QWizard.HaveHelpButton, False)
        self.setButtonText(QWizard.NextButton, "Tiếp >")
        self.setButtonText(QWizard.BackButton, "< Quay lại")
        self.setButtonText(QWizard.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.CancelButton, "Đóng")
        self.resize(1180, 760)
        self.info = InfoPage()
        self.basis = BasisPage()
        self.targets = TargetsPage(db)
        self.preview = PreviewPage()
        self.pages = [self.info, self.basis, self.targets, PurposePage(), ContentPage(), AwardPage(),
                      OrganisationPage(), SignerPage(), self.preview]
        for page in self.pages:
            self.addPage(page)
            page.changed.connect(self._schedule_save)
        self.targets.imported.connect(self.basis.add_from_header)
        self.preview.export_button.clicked.connect(self.export_docx)
        self.preview.pdf_button.clicked.connect(self.export_pdf)
        self.preview.print_button.clicked.connect(self.print_preview)
        self.preview.issue_button.clicked.connect(self.issue_plan)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self.save)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        self.currentIdChanged.connect(self._page_changed)
        self.read_only = False
        with db.session() as s:
            plan = s.get(Plan, plan_id)
            for page in self.pages:
                page.load(plan, s)
            self.read_only = plan.status is PlanStatus.ISSUED
            start = min(max(plan.wizard_page, 0), len(self.pages) - 1)
        if self.read_only:
            for page in self.pages:
                page.set_read_only(True)
            self.setWindowTitle("Kế hoạch đã ban hành (chỉ xem)")
        self._resume_at = start

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """On first show, walk forward to the page where the clerk left off, so Back still works."""
        super().showEvent(event)
        while self._resume_at and self.currentId() < self._resume_at:
            before = self.currentId()
            self.next()
            if self.currentId() == before:  # a page refused (e.g. a required field is empty)
                break
        self._resume_at = 0

    def _schedule_save(self) -> None:
        if not self.read_only:
            self._timer.start()

    def _page_changed(self, page_id: int) -> None:
        if page_id < 0:  # the wizard is closing: done() already saved
            return
        self.save()
        if self.currentPage() is self.preview:
            with self.db.session() as s:
                self.preview.refresh(s.get(Plan, self.plan_id), s)

    def save(self) -> None:
        """Store every page into the plan (drafts only) and remember the current page."""
        self._timer.stop()
        with self.db.session() as s:
            plan = s.get(Plan, self.plan_id)
            if plan is None:
                return
            if plan.status is PlanStatus.DRAFT:
                for page in self.pages:
                    page.store(plan, s)
            if self.currentId() >= 0:
                plan.wizard_page = self.currentId()
        self.saved.emit()

    def done(self, result: int) -> None:
        """Closing (Đóng, Hoàn tất, Esc, the window's ×) saves first: nothing typed is lost."""
        self.save()
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.save()
        super().closeEvent(event)

    def _layout(self):
        with self.db.session() as s:
            return build_layout(s.get(Plan, self.plan_id), load_settings(s))

    def _suggested_name(self, suffix: str) -> str:
        with self.db.session() as s:
            plan = s.get(Plan, self.plan_id)
            return f"Ke-hoach-thi-dua-{plan.year}{'-v' + str(plan.version) if plan.version > 1 else ''}{suffix}"

    def export_docx(self) -> None:
        """Save, then write the plan as an NĐ 30 .docx where the clerk chooses."""
        self.save()
        path = dialogs.ask_save_file(self, "Xuất kế hoạch ra Word", self._suggested_name(".docx"), "Word (*.docx)")
        if not path:
            return
        try:
            export_docx(self._layout(), path)
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp: {exc.strerror or exc}. Tệp có đang mở trong Word không?")
            return
        dialogs.inform(self, f"Đã xuất kế hoạch ra {path}")

    def export_pdf(self) -> None:
        """Save, then write the plan as a PDF (the same pages as printing)."""
        from ui.printing import export_pdf

        self.save()
        path = dialogs.ask_save_file(self, "Xuất kế hoạch ra PDF", self._suggested_name(".pdf"), "PDF (*.pdf)")
        if path:
            export_pdf(self._layout(), path)
            dialogs.inform(self, f"Đã xuất kế hoạch ra {path}")

    def print_preview(self) -> None:
        """The print preview dialog; printing from it uses the decree's page layout."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ui.printing import configure, paint

        self.save()
        layout = self._layout()
        printer = QPrinter(QPrinter.HighResolution)
        configure(printer)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle("Xem trước khi in")
        dialog.paintRequested.connect(lambda p: paint(layout, p))
        dialog.exec()

    def issue_plan(self) -> None:
        """Ban hành: ask for the number (the date is today unless set on page 1) and freeze the plan."""
        self.save()
        with self.db.session() as s:
            plan = s.get(Plan, self.plan_id)
            number = dialogs.ask_text(self, "Ban hành kế hoạch", "Số văn bản (ví dụ 05):", plan.number or "")
            if number is None:
                return
            try:
                issue(plan, number, plan.issue_date or dt.date.today())
            except PlanError as exc:
                s.rollback()
                dialogs.warn(self, str(exc))
                return
        self.read_only = True
        for page in self.pages:
            page.set_read_only(True)
        self.setWindowTitle("Kế hoạch đã ban hành (chỉ xem)")
        with self.db.session() as s:
            self.info.load(s.get(Plan, self.plan_id), s)
            self.preview.refresh(s.get(Plan, self.plan_id), s)
        self.saved.emit()
        dialogs.inform(self, "Đã ban hành kế hoạch. Muốn thay đổi, hãy dùng «Tạo bản sửa đổi» ở danh sách kế hoạch.")
