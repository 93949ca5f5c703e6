"""Page 9 "Xem trước": the whole plan as it will print, and the list of problems to fix."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QTextBrowser, QVBoxLayout
from core.drafts import DraftContext, PlanDraft
from core.layout import PlanLayout
from ui.printing import add_rule_image, layout_html, serif_family
from ui.wizard.base import PlanPage


class PreviewPage(PlanPage):
    """Read-only preview (same layout as print and .docx) with the problems that block issuing."""

    def __init__(self, parent=None):
        super().__init__("9. Xem trước", "Kế hoạch như khi in. Sửa các mục trong danh sách bên dưới trước khi ban hành.",
                         parent)
        self.preview = QTextBrowser()
        self.preview.document().setDefaultFont(QFont(serif_family(), 13))
        self.problems = QListWidget()
        self.problems.setMaximumHeight(110)
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

    def show(self, layout: PlanLayout, found: list[str]) -> None:
        """Render the plan as it prints and list ``found``, the problems that block issuing."""
        add_rule_image(self.preview.document())
        self.preview.setHtml(layout_html(layout))
        self.problems.clear()
        self.problems.addItems(found)
        self.problems.setVisible(bool(found) and not self.read_only)
        self.status.setText("<span style='color:#b00020'>Cần sửa trước khi ban hành:</span>" if found
                            else "<span style='color:#166534'>Kế hoạch đã đủ các phần bắt buộc.</span>")

    def store(self, plan: PlanDraft) -> None:
        """Nothing to store: the preview only shows."""
