"""Every modal question the interface asks, in one place, so tests can answer them (pytest-qt "dialogs" note)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from core import APP_NAME


def ask_open_file(parent: QWidget, title: str, filters: str) -> str:
    """A file to open, or "" when the clerk cancels."""
    return QFileDialog.getOpenFileName(parent, title, "", filters)[0]


def ask_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """A file to write, or "" when the clerk cancels."""
    return QFileDialog.getSaveFileName(parent, title, suggested, filters)[0]


def confirm(parent: QWidget | None, question: str, yes: str = "Đồng ý", no: str = "Không") -> bool:
    """Yes/No question (buttons labelled ``yes`` and ``no``); No is the default so a stray Enter does not
    delete anything."""
    box = QMessageBox(QMessageBox.Question, APP_NAME, question, QMessageBox.Yes | QMessageBox.No, parent)
    box.button(QMessageBox.Yes).setText(yes)
    box.button(QMessageBox.No).setText(no)
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def inform(parent: QWidget | None, message: str) -> None:
    """An information message."""
    QMessageBox.information(parent, APP_NAME, message)


def warn(parent: QWidget | None, message: str) -> None:
    """A problem the clerk must know about (file unreadable, cannot save …)."""
    QMessageBox.warning(parent, APP_NAME, message)
