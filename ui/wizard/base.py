"""Common behaviour of the wizard's pages: load from and store into the plan, report edits."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWizardPage
from sqlalchemy.orm import Session

from core.models import Plan


class PlanPage(QWizardPage):
    """A page bound to part of a plan. ``changed`` fires on every edit, so the wizard can autosave."""

    changed = Signal()

    def __init__(self, title: str, subtitle: str, parent=None):
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)

    def load(self, plan: Plan, session: Session) -> None:
        """Show the plan's values (called once when the wizard opens)."""
        raise NotImplementedError

    def store(self, plan: Plan, session: Session) -> None:
        """Write the page's values into ``plan`` (called on every save)."""
        raise NotImplementedError

    def set_read_only(self, read_only: bool) -> None:
        """Issued plans are shown, not edited: every input is disabled."""
        for widget in self.inputs():
            widget.setEnabled(not read_only)

    def inputs(self) -> list:
        """The editing widgets of the page (disabled for an issued plan)."""
        return []


def required(label: str) -> str:
    """A form label marked as required."""
    return f"{label} <span style='color:#b00020'>*</span>"
