"""Page 9 "Xem trước": the whole plan page by page as it will print, and the list of problems to fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout
from core.drafts import DraftContext, PlanDraft
from core.layout import PlanLayout
from core.plans import Problem
from ui.printing import configure, paint
from ui.wizard.base import PlanPage


class PreviewPage(PlanPage):
    """Read-only preview: the printed pages themselves (:func:`ui.printing.paint`, which breaks pages where the
    .docx breaks them), with the problems that block issuing; a double-click (or Enter) on one sends ``go_to`` with
    the part of the plan to fix (:attr:`core.plans.Problem.part`)."""

    go_to = Signal(str)

    def __init__(self, parent=None):
        super().__init__("9. Xem trước",
                         "Kế hoạch như khi in. Sửa các mục trong danh sách bên dưới trước khi ban hành.", parent)
        self.layout_shown: PlanLayout | None = None
        self.printer = QPrinter(QPrinter.HighResolution)
        configure(self.printer)
        self.preview = QPrintPreviewWidget(self.printer)
        self.preview.setZoomMode(QPrintPreviewWidget.FitToWidth)
        self.preview.paintRequested.connect(self._paint)
        self.problems = QListWidget(wordWrap=True)  # a long sentence wraps, never scrolls sideways
        self.problems.setMaximumHeight(170)
        self.problems.setToolTip("Nhấn đúp vào một mục để đến bước cần sửa.")
        self.problems.itemActivated.connect(lambda item: self.go_to.emit(item.data(Qt.UserRole)))
        self.status = QLabel()
        self.export_button = QPushButton("Xuất .docx…")
        self.print_button = QPushButton("In / xem trước khi in…")
        self.pdf_button = QPushButton("Xuất PDF…")
        self.issue_button = QPushButton("Ban hành…")
        buttons = QHBoxLayout()
        for b in (self.export_button, self.pdf_button, self.print_button, self.issue_button):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

    def inputs(self):
        return [self.issue_button]

    def hints(self):
        return [self.status, self.issue_button]

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.setSubTitle("Kế hoạch như khi in." if read_only
                         else "Kế hoạch như khi in. Sửa các mục trong danh sách bên dưới trước khi ban hành.")

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        """Nothing to read: the wizard calls :meth:`show` with the saved plan's layout."""

    def _paint(self, printer: QPrinter) -> None:
        if self.layout_shown is not None:
            paint(self.layout_shown, printer)

    def show(self, layout: PlanLayout, found: list[Problem]) -> None:
        """Show the plan's printed pages and list ``found``, the problems that block issuing."""
        self.layout_shown = layout
        self.preview.updatePreview()
        self.problems.clear()
        for problem in found:
            item = QListWidgetItem(problem.text, self.problems)
            item.setData(Qt.UserRole, problem.part)
        self.problems.setVisible(bool(found) and not self.read_only)
        self.status.setText("<span style='color:#b00020'>Cần sửa trước khi ban hành:</span>" if found
                            else "<span style='color:#166534'>Kế hoạch đã đủ các phần bắt buộc.</span>")

    def store(self, plan: PlanDraft) -> None:
        """Nothing to store: the preview only shows."""
