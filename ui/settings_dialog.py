"""Dialog "Thông tin xã" for the commune settings, asked for on first start.

It imports no storage: on a new data file it is shown before SQLAlchemy is imported, while the file is being created
(:func:`ui.app.first_start`); reading and saving go through :mod:`core.operations.settings`, imported when used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from core.commune import DEFAULT_DRAFTING_UNIT, SettingsData, SettingsError, renames
from core.terms import SuperiorLevel, UnitType
from ui.widgets import save_cancel

if TYPE_CHECKING:
    from core.db import Database

LEVEL_LABELS = {
    SuperiorLevel.PROVINCE: "Tỉnh (chính quyền hai cấp, từ 01/7/2025)",
    SuperiorLevel.DISTRICT: "Huyện (trước 01/7/2025)",
}


class SettingsDialog(QDialog):
    """Edits the commune's settings (:mod:`core.operations.settings`); saves on "Lưu".

    ``db`` None: a new data file still being created (nothing to read yet); "Lưu" is enabled once
    :meth:`set_database` gives the file. ``renaming`` is sent just before a changed name, unit type or địa danh is
    saved (the open plan is saved and closed then: its drafts are renamed with it); once saved, the clerk is told
    how many drafts now carry the new name."""

    renaming = Signal()

    def __init__(self, db: Database | None, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thông tin xã, phường")
        self.setMinimumWidth(560)
        form = QFormLayout()
        self.commune_name = QLineEdit(placeholderText="ví dụ: Phổ An")
        self.unit_type = QComboBox()
        for unit in UnitType:
            self.unit_type.addItem(unit.value.capitalize() + (" (trước 1/7/2025)" if unit is UnitType.TOWNSHIP
                                                              else ""), unit)
        self.superior_body = QLineEdit(placeholderText="ví dụ: UBND tỉnh Quảng Ngãi")
        self.superior_level = QComboBox()
        for level, label in LEVEL_LABELS.items():
            self.superior_level.addItem(label, level)
        self.place_name = QLineEdit(placeholderText="địa danh ghi ở dòng ngày tháng")
        self.chairman_name = QLineEdit()
        self.vice_chairmen = QPlainTextEdit(placeholderText="mỗi dòng một người")
        self.vice_chairmen.setTabChangesFocus(True)
        self.vice_chairmen.setFixedHeight(70)
        self.number_suffix = QLineEdit()
        self.drafting_unit = QLineEdit(placeholderText=f"ví dụ: {DEFAULT_DRAFTING_UNIT}")
        self.drafting_unit_short = QLineEdit(placeholderText="VP", maxLength=20)
        form.addRow("Tên xã, phường (*):", self.commune_name)
        form.addRow("Loại đơn vị:", self.unit_type)
        form.addRow("Cơ quan cấp trên:", self.superior_body)
        form.addRow("Cấp trên trực tiếp:", self.superior_level)
        form.addRow("Địa danh:", self.place_name)
        form.addRow("Chủ tịch UBND:", self.chairman_name)
        form.addRow("Các Phó Chủ tịch:", self.vice_chairmen)
        form.addRow("Ký hiệu văn bản:", self.number_suffix)
        form.addRow("Đơn vị tham mưu thi đua:", self.drafting_unit)
        form.addRow("Viết tắt (dòng «Lưu»):", self.drafting_unit_short)
        self.error = QLabel(styleSheet="color: #b00020")
        self.error.setWordWrap(True)
        self.commune_name.textChanged.connect(lambda text: text.strip() and self.error.setText(""))
        buttons = save_cancel(self)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.waiting = QLabel("Đang tạo tệp dữ liệu, nút «Lưu» dùng được sau giây lát…", styleSheet="color:#52606d")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Các thông tin này in ở đầu và cuối mọi văn bản. (*) là bắt buộc."))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.waiting)
        layout.addWidget(buttons)
        self.save_button.setEnabled(db is not None)
        self.waiting.setVisible(db is None)
        self._load()

    def set_database(self, db: Database) -> None:
        """The new data file is created: "Lưu" saves into ``db`` from now on."""
        self.db = db
        self.save_button.setEnabled(True)
        self.waiting.hide()

    def _load(self) -> None:
        row: SettingsData | None = None
        if self.db is not None:  # a new file has nothing to read: storage is not even imported then
            from core.operations.settings import read_settings

            row = read_settings(self.db)
        row = row or SettingsData("")
        self._loaded = row
        self.commune_name.setText(row.commune_name)
        self.unit_type.setCurrentIndex(self.unit_type.findData(row.unit_type))
        self.superior_body.setText(row.superior_body)
        self.superior_level.setCurrentIndex(self.superior_level.findData(row.superior_level))
        self.place_name.setText(row.place_name)
        self.chairman_name.setText(row.chairman_name)
        self.vice_chairmen.setPlainText("\n".join(row.vice_chairmen or []))
        self.number_suffix.setText(row.number_suffix)
        self.drafting_unit.setText(row.drafting_unit)
        self.drafting_unit_short.setText(row.drafting_unit_short)

    def accept(self) -> None:
        """Save and close; on a missing required value, say what is missing and stay open. Nothing happens before
        the data file is there (``db`` None: "Lưu" is disabled then)."""
        from core.operations.settings import save_settings
        from ui import dialogs

        if self.db is None:
            return
        typed = SettingsData(
            commune_name=self.commune_name.text(),
            unit_type=UnitType(self.unit_type.currentData()),
            superior_body=self.superior_body.text(),
            superior_level=SuperiorLevel(self.superior_level.currentData()),
            place_name=self.place_name.text(),
            chairman_name=self.chairman_name.text(),
            vice_chairmen=self.vice_chairmen.toPlainText().splitlines(),
            number_suffix=self.number_suffix.text(),
            drafting_unit=self.drafting_unit.text(),
            drafting_unit_short=self.drafting_unit_short.text(),
        )
        if typed.commune_name.strip() and renames(self._loaded, typed):
            self.renaming.emit()
        try:
            saved = save_settings(self.db, typed)
        except SettingsError as exc:
            self.error.setText(str(exc))
            self.commune_name.setFocus()
            return
        if saved.renamed_drafts:
            what = f"Tên «{saved.renamed[0]}» đã được đổi thành «{saved.renamed[1]}»" if saved.renamed else \
                "Địa danh mới đã được dùng"
            dialogs.inform(self, f"{what} trong {saved.renamed_drafts} kế hoạch đang soạn. Kế hoạch đã ban hành "
                                 "giữ nguyên như đã in.")
        super().accept()
