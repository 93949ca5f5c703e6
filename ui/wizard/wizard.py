"""The plan wizard: nine pages, saved to the database as the clerk goes.

The wizard reads the plan once as plain data (:class:`core.drafts.PlanDraft`); the pages show and update
that draft, and :func:`core.drafts.save_draft` writes what changed when the clerk moves to another page,
presses Ctrl+S, closes the window, and at most two seconds after the first unsaved edit. Reopening a
draft resumes on the page where the clerk left it. An issued plan is shown read-only and never written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget, QWizard

from core.drafts import derived_values, follow_defaults
from core.errors import DatabaseError
from core.export_docx import export_docx
from core.operations import plans as ops
from core.plans import PlanError, plan_caption
from core.settings import SettingsError
from core.terms import PlanStatus
from ui import dialogs
from ui.widgets import fit_to_screen
from ui.wizard.page_preview import PreviewPage
from ui.wizard.page_targets import TargetsPage
from ui.wizard.pages_info import BasisPage, InfoPage
from ui.wizard.pages_text import AwardPage, ContentPage, OrganisationPage, PurposePage, SignerPage

if TYPE_CHECKING:
    from core.db import Database

AUTOSAVE_MS = 2000
log = logging.getLogger(__name__)


# The step list's names: the pages' titles, shortened so the list leaves the pages their width.
STEPS = ["1. Thông tin văn bản", "2. Căn cứ, chủ đề", "3. Chỉ tiêu", "4. Mục đích, yêu cầu", "5. Nội dung thi đua",
         "6. Khen thưởng", "7. Tổ chức thực hiện", "8. Người ký", "9. Xem trước"]


class PlanWizard(QWizard):
    """Edits one plan (``plan_id``); ``saved`` fires after each save so lists can refresh."""

    saved = Signal()

    def __init__(self, db: Database, plan_id: int, parent=None):
        super().__init__(parent)
        self.db = db
        self.plan_id = plan_id
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoCancelButton, False)
        self.setOption(QWizard.HaveHelpButton, False)
        self.setButtonText(QWizard.NextButton, "Tiếp >")
        self.setButtonText(QWizard.BackButton, "< Quay lại")
        self.setButtonText(QWizard.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.CancelButton, "Đóng")
        fit_to_screen(self, 1340, 760)
        self.info = InfoPage()
        self.purpose = PurposePage()
        self.basis = BasisPage()
        self.targets = TargetsPage(db)
        self.preview = PreviewPage()
        self.award = AwardPage()
        self.organisation = OrganisationPage()
        self.content, self.signer = ContentPage(), SignerPage()
        self.pages = [self.info, self.basis, self.targets, self.purpose, self.content, self.award,
                      self.organisation, self.signer, self.preview]
        self.steps = QListWidget()  # the nine steps, the current one marked; a click goes there
        self.steps.setFocusPolicy(Qt.NoFocus)
        self.steps.setStyleSheet("QListWidget::item { padding: 5px 4px; }")
        for page in self.pages:
            self.addPage(page)
            page.changed.connect(self._schedule_save)
            self.steps.addItem(STEPS[self.pages.index(page)])
        self.steps.setFixedWidth(self.steps.sizeHintForColumn(0) + 24)
        self.steps.itemClicked.connect(lambda item: self.jump_to(self.steps.row(item)))
        self.saved_at = QLabel("Mọi thay đổi được tự lưu.", wordWrap=True, styleSheet="color:#52606d")
        self.side = QWidget()  # kept: QWizard does not take the side widget from Python
        column = QVBoxLayout(self.side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.steps, 1)
        column.addWidget(self.saved_at)  # the clerk sees the work is kept
        self.setSideWidget(self.side)
        self.targets.imported.connect(self.basis.add_from_header)
        self.targets.dropped.connect(self.basis.drop_superior)
        parts = {"info": self.info, "basis": self.basis, "targets": self.targets, "purpose": self.purpose,
                 "content": self.content, "award": self.award, "organisation": self.organisation,
                 "signer": self.signer}  # core.plans.Problem.part → the step that fixes it
        self.preview.go_to.connect(lambda part: self.jump_to(self.pages.index(parts[part])))
        self.targets.deadlines_found.connect(self.award.use_superior_deadlines)
        self.targets.deadlines_found.connect(self.organisation.add_superior_deadlines)
        self.preview.export_button.clicked.connect(self.export_docx)
        self.preview.pdf_button.clicked.connect(self.export_pdf)
        self.preview.print_button.clicked.connect(self.print_preview)
        self.preview.issue_button.clicked.connect(self.issue_plan)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS, timeout=self.save)
        QShortcut(QKeySequence.Save, self, activated=self.save)
        self.currentIdChanged.connect(self._page_changed)
        self.closed = False
        self._save_failed = False
        opened = ops.open_plan(db, plan_id)
        self.draft, self.context = opened.draft, opened.context
        self._defaults = derived_values(self.draft, self.context)  # what follows the kind, year and dates
        start = min(max(opened.page, 0), len(self.pages) - 1)
        self.read_only = self.draft.status is PlanStatus.ISSUED or db.read_only
        for page in self.pages:
            page.load(self.draft, self.context)
        self.info.basics_changed.connect(self._follow_basics)
        if self.read_only:
            for page in self.pages:
                page.set_read_only(True)
        self._show_title()
        self._resume_at = start

    def _show_title(self) -> None:
        """The window's title names the plan (a year plan or a campaign, its year, its version) and says when it
        can only be read."""
        revision = f" (bản {self.draft.version})" if self.draft.version > 1 else ""
        caption = plan_caption(self.draft.kind, self.draft.year) + revision
        if not self.read_only:
            self.setWindowTitle(f"Soạn {caption[:1].lower()}{caption[1:]}")
        else:
            why = "đã ban hành, chỉ xem" if self.draft.status is PlanStatus.ISSUED else "chỉ xem"
            self.setWindowTitle(f"{caption} — {why}")

    def _follow_basics(self) -> None:
        """The kind, year or campaign dates changed on page 1: every text and date still at its default takes the
        new default (trích yếu, Mục đích, Khen thưởng, hạn nộp hồ sơ, the decree cited); a text the clerk edited is
        kept, and page 1 says which still speaks of the former year."""
        if self.read_only:
            return
        for page in self.pages:
            page.store(self.draft)
        self._defaults, stale = follow_defaults(self.draft, self._defaults, self.context)
        self.info.show_title(self.draft.title)
        self.info.show_stale(stale, self.draft.year)
        for page in (self.basis, self.purpose, self.award):
            page.load(self.draft, self.context)
        self.targets.set_year(self.draft.year)
        self._show_title()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt name)
        """On first show, walk forward to the page where the clerk left off, so Back still works."""
        super().showEvent(event)
        if self._resume_at:
            self.jump_to(self._resume_at)
        self._resume_at = 0
        self.steps.setCurrentRow(max(self.currentId(), 0))

    def _schedule_save(self) -> None:
        """An edit: save within two seconds of the *first* unsaved one, however long the clerk keeps typing."""
        if not self.read_only and not self.closed and not self._timer.isActive():
            self._timer.start()

    def jump_to(self, page_id: int) -> None:
        """Go to step ``page_id`` (0–8) through the steps between, so each page's checks still apply; stops at
        a page that refuses to go on (e.g. a required field is empty)."""
        while self.currentId() < page_id:
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break
        while self.currentId() > page_id:
            self.back()

    def _page_changed(self, page_id: int) -> None:
        if page_id >= 0:
            self.steps.setCurrentRow(page_id)
        if page_id < 0 or self.closed:  # the wizard is closing: done() already saved
            return
        self.save()
        if self.currentPage() is self.preview:
            self._refresh_preview()

    def _refresh_preview(self) -> None:
        view = ops.plan_view(self.db, self.plan_id)
        self.preview.show(view.layout, view.problems)

    def save(self) -> None:
        """Write what changed on every page into the plan (drafts only) and remember the current page."""
        self._timer.stop()
        if self.closed or self.read_only:
            return
        for page in self.pages:
            page.store(self.draft)
        try:
            ops.save_draft(self.db, self.draft, self.currentId())
        except (PlanError, LookupError, DatabaseError, OSError) as exc:
            self._tell_save_failed(exc)
            return
        self._save_failed = False
        self.saved_at.setText(f"Đã lưu lúc {dt.datetime.now():%H:%M}.")
        self.saved.emit()

    def _tell_save_failed(self, exc: Exception) -> None:
        """Say once, in Vietnamese, that saving failed; the text stays on screen and the next save retries."""
        log.exception("saving plan %s failed", self.plan_id)
        if self._save_failed:
            return
        self._save_failed = True
        reason = str(exc) if isinstance(exc, PlanError) else (
            "kế hoạch đã bị xóa ở cửa sổ khác." if isinstance(exc, LookupError) else
            "tệp dữ liệu đang bận, chỉ đọc, hoặc ổ đĩa đã đầy.")
        dialogs.warn(self, f"Chưa lưu được kế hoạch: {reason} Nội dung vẫn còn trên màn hình; "
                           "chương trình sẽ lưu lại ở lần sau (hoặc bấm Ctrl+S).")

    def done(self, result: int) -> None:
        """Closing (Đóng, Hoàn tất, Esc, the window's ×) saves what is on screen first, then nothing more:
        QWizard resets its registered fields on closing, and that must not reach the database.
        When the save fails, the wizard stays open unless the clerk agrees to lose what is on screen."""
        self.save()
        if self._save_failed and not dialogs.confirm(
                self, "Nội dung vừa sửa chưa lưu được vào tệp dữ liệu. Đóng mà bỏ các thay đổi đó?",
                yes="Đóng, bỏ thay đổi", no="Ở lại"):
            return
        self.closed = True
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        self.done(QWizard.Rejected)
        event.setAccepted(self.closed)

    def _layout(self):
        return ops.plan_view(self.db, self.plan_id).layout

    def _suggested_name(self, suffix: str) -> str:
        return ops.plan_view(self.db, self.plan_id).file_stem + suffix

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
        dialogs.exported(self, f"Đã xuất kế hoạch ra {path}", path)

    def export_pdf(self) -> None:
        """Save, then write the plan as a PDF (the same pages as printing)."""
        from ui.printing import export_pdf

        self.save()
        path = dialogs.ask_save_file(self, "Xuất kế hoạch ra PDF", self._suggested_name(".pdf"), "PDF (*.pdf)")
        if not path:
            return
        try:
            export_pdf(self._layout(), path)
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp PDF «{path}»: thư mục có tồn tại và ghi được không, "
                               f"tệp có đang mở trong chương trình khác không? ({exc.strerror or exc})")
            return
        dialogs.exported(self, f"Đã xuất kế hoạch ra {path}", path)

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
        """Ban hành: ask for the number and date (today unless set on page 1), saying the plan then becomes
        read-only, and freeze the plan."""
        self.save()
        answer = dialogs.ask_issue(self, self.draft.number or "", self.draft.issue_date or dt.date.today())
        if answer is None:
            return
        number, day = answer
        try:
            opened = ops.issue_plan(self.db, self.plan_id, number, day)
        except (PlanError, SettingsError) as exc:
            dialogs.warn(self, str(exc))
            return
        self.read_only = True
        for page in self.pages:
            page.set_read_only(True)
        self.draft, self.context = opened.draft, opened.context
        self._show_title()
        self._refresh_preview()
        self.info.load(self.draft, self.context)
        self.saved.emit()
        dialogs.inform(self, "Đã ban hành kế hoạch. Muốn thay đổi, hãy dùng «Tạo bản sửa đổi» ở danh sách kế hoạch.")
