"""Common behaviour of the wizard's pages: show and update a plan draft (plain data), report edits."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizardPage

from core.drafts import DraftContext, PlanDraft


class PlanPage(QWizardPage):
    """A page bound to part of a plan. ``changed`` fires on every edit, so the wizard can autosave."""

    changed = Signal()

    def __init__(self, title: str, subtitle: str, parent=None):
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)

    def load(self, draft: PlanDraft, context: DraftContext) -> None:
        """Show the plan's values (called once when the wizard opens)."""
        raise NotImplementedError

    def store(self, draft: PlanDraft) -> None:
        """Write the page's values into ``draft`` (called on every save; the wizard writes the draft)."""
        raise NotImplementedError

    read_only = False

    def set_read_only(self, read_only: bool) -> None:
        """Issued plans are shown, not edited: every input is disabled and editing hints are hidden."""
        self.read_only = read_only
        for widget in self.inputs():
            widget.setEnabled(not read_only)
        for widget in self.hints():
            widget.setVisible(not read_only)

    def hints(self) -> list:
        """Widgets that only tell how to edit ("nhấn đúp để sửa"): hidden for an issued plan."""
        return []

    def inputs(self) -> list:
        """The editing widgets of the page (disabled for an issued plan)."""
        return []


def required(label: str) -> str:
    """A form label marked as required."""
    return f"{label} <span style='color:#b00020'>*</span>"
