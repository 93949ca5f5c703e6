"""The form to add or edit one award nomination, with messages beside the fields and eligibility hints."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from core.db import Database
from core.models import AwardKind, NominationStatus, NomineeKind, Plan
from core.nominations import (
    GENDERS,
    KIND_LABELS,
    NOMINEE_LABELS,
    STATUS_LABELS,
    NominationData,
    NominationError,
    default_deadline,
    forms_for,
    hints,
    save_nomination,
)
from ui.widgets import OptionalDate, save_cancel


class NominationDialog(QDialog):
    """Add (``data`` None) or edit a nomination; on Lưu the input is checked and stored, or the dialog stays
    open with the reason beside the field. ``today`` is a callable giving the date (tests fix it)."""

    def __init__(self, db: Database, data: NominationData | None = None, parent=None, today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.data = data
        self.saved_id: int | None = None
        self.setWindowTitle("Sửa đề nghị khen thưởng" if data else "Thêm đề nghị khen thưởng")
        self.kind = QComboBox()
        for kind, label in NOMINEE_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.name = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItems(["", *GENDERS])
        self.birth_date = OptionalDate("Có ngày sinh")
        self.position = QLineEdit()
        self.unit = QLineEdit()
        self.year = QSpinBox(minimum=2000, maximum=2100, value=today().year)
        self.form = QComboBox()
        self.award_kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.award_kind.addItem(label, kind.value)
        self.plan = QComboBox()
        self.plan.addItem("(không thuộc kế hoạch nào)", None)
        with db.session() as s:
            for plan_id, year, title in s.execute(select(Plan.id, Plan.year, Plan.title).order_by(Plan.year.desc())):
                self.plan.addItem(f"{year}: {title[:70]}", plan_id)
        self.movement = QLineEdit(placeholderText="ví dụ: Phong trào thi đua năm 2026")
        self.achievement = QPlainTextEdit()
        self.achievement.setTabChangesFocus(True)
        self.achievement.setFixedHeight(70)
        self.deadline = OptionalDate("Có hạn nộp")
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.decision_number = QLineEdit(placeholderText="ví dụ: 125/QĐ-UBND")
        self.decision_date = OptionalDate("Có ngày quyết định")
        self.note = QLineEdit()
        self.hints = QLabel(wordWrap=True, styleSheet="color:#92400e")
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label, widget in [
            ("nominee_kind", "Đối tượng:", self.kind), ("name", "Họ và tên / tên:", self.name),
            ("gender", "Giới tính:", self.gender), ("birth_date", "Ngày sinh:", self.birth_date),
            ("position", "Chức vụ:", self.position), ("unit", "Đơn vị:", self.unit), ("year", "Năm xét:", self.year),
            ("award_form_code", "Hình thức / danh hiệu:", self.form), ("award_kind", "Loại khen thưởng:", self.award_kind),
            ("plan_id", "Kế hoạch thi đua:", self.plan), ("movement", "Phong trào:", self.movement),
            ("achievement", "Tóm tắt thành tích:", self.achievement), ("deadline", "Hạn nộp hồ sơ:", self.deadline),
            ("status", "Trạng thái:", self.status), ("decision_number", "Số quyết định:", self.decision_number),
            ("decision_date", "Ngày quyết định:", self.decision_date), ("note", "Ghi chú:", self.note),
        ]:
            error = QLabel(styleSheet="color:#b00020", visible=False, wordWrap=True)
            self.errors[key] = error
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(widget)
            inner.addWidget(error)
            form.addRow(label, box)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hints)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._fill_forms)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        for signal in (self.form.currentIndexChanged, self.name.textChanged, self.year.valueChanged):
            signal.connect(self._update_hints)
        if data:
            self._show(data)
        else:
            self._kind_changed()

    def chosen_kind(self) -> NomineeKind:
        """The nominee kind chosen."""
        return NomineeKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        person = self.chosen_kind() is NomineeKind.INDIVIDUAL
        for widget in (self.gender, self.birth_date, self.position):
            widget.setEnabled(person)
        self._fill_forms()

    def _fill_forms(self) -> None:
        """Offer only the forms open to this nominee and in force in the year (the commune's own first)."""
        current = self.form.currentData()
        self.form.blockSignals(True)
        self.form.clear()
        with self.db.session() as s:
            for f in forms_for(s, self.chosen_kind(), self.year.value()):
                self.form.addItem(f"{f.name} — {f.decided_by or f.granting_level}", f.code)
                self.form.setItemData(self.form.count() - 1, f.legal_basis, Qt.ToolTipRole)
        self.form.setCurrentIndex(max(0, self.form.findData(current)))
        self.form.blockSignals(False)
        self._update_hints()

    def _plan_changed(self) -> None:
        """A plan's hạn nộp hồ sơ khen thưởng becomes the deadline when none is set yet."""
        with self.db.session() as s:
            deadline = default_deadline(s, self.plan.currentData())
        if deadline and self.deadline.value() is None:
            self.deadline.set_value(deadline)

    def _show(self, d: NominationData) -> None:
        self.kind.setCurrentIndex(self.kind.findData(d.nominee_kind.value))
        self.name.setText(d.name)
        self.gender.setCurrentText(d.gender or "")
        self.birth_date.set_value(d.birth_date)
        self.position.setText(d.position)
        self.unit.setText(d.unit)
        self.year.setValue(d.year)
        self._kind_changed()
        index = self.form.findData(d.award_form_code)
        if index < 0:  # an entry no longer offered (edited catalogue, other year): keep what it was made under
            with self.db.session() as s:
                from core.models import AwardForm

                form = s.get(AwardForm, d.award_form_code)
                self.form.addItem(form.name if form else d.award_form_code, d.award_form_code)
            index = self.form.count() - 1
        self.form.setCurrentIndex(index)
        self.award_kind.setCurrentIndex(self.award_kind.findData(d.award_kind.value))
        self.plan.setCurrentIndex(max(0, self.plan.findData(d.plan_id)))
        self.movement.setText(d.movement)
        self.achievement.setPlainText(d.achievement)
        self.deadline.set_value(d.deadline)
        self.status.setCurrentIndex(self.status.findData(d.status.value))
        self.decision_number.setText(d.decision_number)
        self.decision_date.set_value(d.decision_date)
        self.note.setText(d.note)

    def value(self) -> NominationData:
        """What the form holds, as plain data."""
        person = self.chosen_kind() is NomineeKind.INDIVIDUAL
        return NominationData(
            self.chosen_kind(), self.name.text().strip(), self.form.currentData() or "", self.year.value(),
            (self.gender.currentText() or None) if person else None, self.birth_date.value() if person else None,
            self.position.text() if person else "", self.unit.text(), AwardKind(self.award_kind.currentData()),
            self.plan.currentData(), self.movement.text(), self.achievement.toPlainText(), self.deadline.value(),
            NominationStatus(self.status.currentData()), self.decision_number.text(), self.decision_date.value(),
            self.note.text(), self.data.id if self.data else None)

    def _update_hints(self) -> None:
        data = self.value()
        if not (data.award_form_code and data.name):
            self.hints.setText("")
            return
        with self.db.session() as s:
            found = hints(s, data)
        self.hints.setText("\n".join(f"Gợi ý: {h}" for h in found))

    def accept(self) -> None:
        """Check and store; on a problem, say it beside the field and stay open."""
        for label in self.errors.values():
            label.setVisible(False)
        try:
            with self.db.session() as s:
                self.saved_id = save_nomination(s, self.value(), self.today()).id
        except NominationError as exc:
            label = self.errors.get(exc.field, self.errors["name"])
            label.setText(str(exc))
            label.setVisible(True)
            return
        super().accept()
