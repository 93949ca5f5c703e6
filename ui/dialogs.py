"""Every modal question the interface asks, in one place, so tests can answer them (pytest-qt "dialogs" note)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core import APP_ID, APP_NAME
from ui.date_edit import DateEdit


def _folders() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, APP_ID, "folders")


def last_folder(purpose: str) -> str:
    """The folder last used for ``purpose`` ("import" or "export"), at first the user's Documents; always a folder
    that exists (else the home folder), so a file dialog never takes the folder's name for a file name."""
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    for folder in (str(_folders().value(purpose, "")), documents):
        if folder and Path(folder).is_dir():
            return folder
    return str(Path.home())


def _remember(purpose: str, path: str) -> str:
    if path:
        _folders().setValue(purpose, str(Path(path).parent))
    return path


def ask_open_file(parent: QWidget, title: str, filters: str) -> str:
    """A file to open, or "" when the clerk cancels; starts in the folder of the last import."""
    return _remember("import", QFileDialog.getOpenFileName(parent, title, last_folder("import"), filters)[0])


def ask_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str:
    """A file to write (``suggested`` name in the folder of the last export), or "" when the clerk cancels."""
    start = str(Path(last_folder("export")) / suggested)
    return _remember("export", QFileDialog.getSaveFileName(parent, title, start, filters)[0])


def exported(parent: QWidget, message: str, path: str) -> None:
    """Say that ``path`` was written, with buttons to open the file or its folder."""
    box = QMessageBox(QMessageBox.Information, APP_NAME, message, QMessageBox.Close, parent)
    box.button(QMessageBox.Close).setText("Đóng")
    open_file = box.addButton("Mở tệp", QMessageBox.AcceptRole)
    open_folder = box.addButton("Mở thư mục", QMessageBox.AcceptRole)
    box.exec()
    if box.clickedButton() in (open_file, open_folder):
        open_path(parent, Path(path) if box.clickedButton() is open_file else Path(path).parent)


def open_path(parent: QWidget | None, path: Path) -> bool:
    """Open the file or folder ``path`` with the program the computer uses for it; when none can (no program for
    .docx installed), say so in one sentence and where the file is. Returns whether it opened."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    if path.is_dir():
        warn(parent, f"Không mở được thư mục «{path}». Hãy mở nó bằng File Explorer.")
    else:
        warn(parent, f"Máy chưa có chương trình mở tệp «{path.name}» (ví dụ Microsoft Word, Excel hoặc LibreOffice). "
                     f"Tệp vẫn được lưu ở thư mục «{path.parent}».")
    return False


def confirm(parent: QWidget | None, question: str, yes: str = "Đồng ý", no: str = "Không") -> bool:
    """Yes/No question (buttons labelled ``yes`` and ``no``); No is the default so a stray Enter does not
    delete anything."""
    box = QMessageBox(QMessageBox.Question, APP_NAME, question, QMessageBox.Yes | QMessageBox.No, parent)
    box.button(QMessageBox.Yes).setText(yes)
    box.button(QMessageBox.No).setText(no)
    box.setDefaultButton(QMessageBox.No)
    return box.exec() == QMessageBox.Yes


PLAN_ISSUE_NOTE = ("Sau khi ban hành, kế hoạch chỉ còn để xem và in, không sửa được nữa. Muốn thay đổi, hãy dùng "
                   "«Tạo bản sửa đổi» ở danh sách kế hoạch.")


def ask_issue(parent: QWidget, number: str, day: dt.date, title: str = "Ban hành kế hoạch",
              note: str = PLAN_ISSUE_NOTE, action: str = "Ban hành") -> tuple[str, dt.date] | None:
    """Ban hành: the document number and date (``day`` offered), after saying (``note``) that the document then
    becomes read-only; None when the clerk cancels (Hủy, Esc, the window's ×). The plan and the award season's
    documents (``title``, ``action``: "Gửi" for a Tờ trình) share it. A number that is not a positive whole
    number (:func:`core.plans.document_number`) keeps the dialog open with the reason beside the field."""
    dialog = QDialog(parent, windowTitle=title)
    number_edit = QLineEdit(number, placeholderText="ví dụ 05")
    date_edit = DateEdit(optional=False)
    date_edit.set_value(day)
    form = QFormLayout()
    form.addRow("Số văn bản:", number_edit)
    form.addRow("Ngày ban hành:", date_edit)
    note_label = QLabel(note, wordWrap=True)
    error = QLabel(styleSheet="color: #b00020", wordWrap=True)
    form.insertRow(1, "", error)
    buttons = QDialogButtonBox()
    buttons.addButton(action, QDialogButtonBox.AcceptRole)
    buttons.addButton("Hủy", QDialogButtonBox.RejectRole)

    def accept() -> None:  # a wrong number or date keeps the dialog open and says why beside the field
        from core.plans import PlanError, document_number  # here: the main window is painted before storage loads

        try:
            document_number(number_edit.text())
        except PlanError as exc:
            error.setText(str(exc))
            number_edit.setFocus()
            return
        if date_edit.check():
            dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    number_edit.textChanged.connect(lambda: error.setText(""))  # gone as soon as the clerk corrects it
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(note_label)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(420)
    if dialog.exec() != QDialog.Accepted:
        return None
    return number_edit.text(), date_edit.value()


def inform(parent: QWidget | None, message: str) -> None:
    """An information message."""
    QMessageBox.information(parent, APP_NAME, message)


def warn(parent: QWidget | None, message: str) -> None:
    """A problem the clerk must know about (file unreadable, cannot save …)."""
    QMessageBox.warning(parent, APP_NAME, message)
