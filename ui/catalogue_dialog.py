"""Tệp → Danh mục khen thưởng: the award forms and emulation titles, editable (a province's variant, a new decree)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from typing import TYPE_CHECKING

from core.catalogue import BENEFICIARIES, CATEGORIES, LEVELS, CatalogueEntry, CatalogueError
from core.dates import DateError, format_date, parse_date
from core.operations import nominations as ops
from ui.widgets import ChoiceDelegate, ListModel, fit_to_screen, save_cancel

if TYPE_CHECKING:
    from core.db import Database

COLUMNS = [("Mã", "code"), ("Tên", "name"), ("Loại", "category"), ("Dành cho", "beneficiary"),
           ("Cấp", "granting_level"), ("Người quyết định", "decided_by"), ("Căn cứ", "legal_basis"),
           ("Có hiệu lực từ", "effective_from"), ("Hết hiệu lực", "effective_to")]
CHOICES = {2: CATEGORIES, 3: BENEFICIARIES, 4: LEVELS}
DATES = (7, 8)


class CatalogueModel(ListModel):
    """Catalogue entries; the code of a stored entry is fixed (nominations refer to it)."""

    refused = Signal(str)  # a date typed in a cell that cannot be a date: the sentence to show

    def __init__(self, parent=None):
        super().__init__([title for title, _attr in COLUMNS], parent)
        self.stored: set[str] = set()

    def data(self, index, role=Qt.DisplayRole):
        entry = self.rows[index.row()]
        value = getattr(entry, COLUMNS[index.column()][1])
        if role in (Qt.DisplayRole, Qt.EditRole):
            if index.column() in CHOICES:
                return CHOICES[index.column()].get(value, value)
            if index.column() in DATES:
                return format_date(value)
            return value
        if role == Qt.ToolTipRole and index.column() in (1, 6):
            return value
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == 0 and self.rows[index.row()].code in self.stored:
            return base
        return base | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole:
            return False
        attr = COLUMNS[index.column()][1]
        if index.column() in DATES:
            try:
                value = parse_date(str(value))
            except DateError as exc:
                self.refused.emit(str(exc))
                return False
        else:
            value = str(value).strip()
        setattr(self.rows[index.row()], attr, value)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


class CatalogueDialog(QDialog):
    """Edit the catalogue; Lưu checks and stores it, or says what to correct and stays open."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Danh mục khen thưởng")
        self.model = CatalogueModel(self)
        entries = ops.catalogue(db)
        self.model.stored = {e.code for e in entries}
        self.model.set_rows(entries)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        for column, choices in CHOICES.items():
            self.view.setItemDelegateForColumn(column, ChoiceDelegate(choices, self.view))
        for column, width in enumerate((90, 260, 130, 110, 150, 190, 320, 100, 100)):
            self.view.setColumnWidth(column, width)
        self.error = QLabel(styleSheet="color:#b00020", wordWrap=True, visible=False)
        self.model.refused.connect(lambda message: (self.error.setText(message), self.error.setVisible(True)))
        add = QPushButton("Thêm mục")
        add.clicked.connect(self.add_entry)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Nhấn đúp vào ô để sửa. Mục đã dùng không xóa được; khi quy định thay đổi, ghi "
                                "«Hết hiệu lực» cho mục cũ và thêm mục mới. Ngày gõ dạng 01/07/2025 (hoặc 01072025).",
                                wordWrap=True))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(add, 0, Qt.AlignLeft)
        layout.addWidget(buttons)
        fit_to_screen(self, 1200, 560)

    def add_entry(self) -> None:
        """A new entry (commune level, in force from today) with its name cell open for typing."""
        row = self.model.add_row(CatalogueEntry("", "", "form", "any", "commune", "", "", dt.date.today(), None))
        self.view.setCurrentIndex(self.model.index(row, 0))
        self.view.edit(self.model.index(row, 0))

    def accept(self) -> None:
        """Store the catalogue, or show what to correct."""
        try:
            ops.store_catalogue(self.db, self.model.rows)
        except CatalogueError as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()
