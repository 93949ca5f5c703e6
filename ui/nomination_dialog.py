"""The form to add or edit one award nomination, with messages beside the fields and eligibility hints.

A new nomination whose name (with birth date and unit) points to someone on record says so, and the clerk chooses:
that person (their record shown, not changed) or another person. Every read and write is a function of
:mod:`core.operations.nominations`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.nominations import (
    GENDERS,
    KIND_LABELS,
    NOMINEE_LABELS,
    STATUS_LABELS,
    NominationData,
    NominationError,
    NomineeRecord,
    deadline_warning,
)
from core.operations import nominations as ops
from core.terms import AwardKind, NominationStatus, NomineeKind
from ui import dialogs
from ui.date_edit import DateEdit
from ui.widgets import save_cancel

if TYPE_CHECKING:
    from core.db import Database

OTHER_PERSON = -2  # the "another person" choice of the namesake box (-1 is Qt's "none checked")
HINT_LINES = 3  # room kept for eligibility hints, so that the buttons do not move when one appears


def record_text(r: NomineeRecord) -> str:
    """ "Đã có hồ sơ: Nguyễn Văn An, 1980, Thôn Tân An — 3 lần khen"."""
    parts = [r.name, *([str(r.birth_date.year)] if r.birth_date else []), *([r.unit] if r.unit else [])]
    return f"Đã có hồ sơ: {', '.join(parts)} — {r.awards} lần khen"


class NominationDialog(QDialog):
    """Add (``data`` None) or edit a nomination; on Lưu the input is checked and stored, or the dialog stays
    open with the reason beside the field. ``today`` is a callable giving the date (tests fix it). After Lưu,
    ``change`` is the :class:`core.operations.nominations.Change` made (for Ctrl+Z)."""

    def __init__(self, db: Database, data: NominationData | None = None, parent=None,
                 today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.data = data
        self.change: ops.Change | None = None
        self.people: list[NomineeRecord] = []  # namesakes on record offered for a new nomination
        self.setWindowTitle("Sửa đề nghị khen thưởng" if data else "Thêm đề nghị khen thưởng")
        self.kind = QComboBox()
        for kind, label in NOMINEE_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.name = QLineEdit()
        self.gender = QComboBox()
        self.gender.addItems(["", *GENDERS])
        self.birth_date = DateEdit()
        self.position = QLineEdit()
        self.unit = QLineEdit()
        self.person_box = QGroupBox("Người này đã có trong dữ liệu?", visible=False)
        self.person_choice = QButtonGroup(self)
        QVBoxLayout(self.person_box)
        self.person_choice.idClicked.connect(self._person_chosen)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=today().year)
        self.form = QComboBox()
        self.award_kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.award_kind.addItem(label, kind.value)
        self.plan = QComboBox()
        self.plan.addItem("(không thuộc kế hoạch nào)", None)
        for label, plan_id in ops.plan_choices(db):
            self.plan.addItem(label, plan_id)
        for combo in (self.form, self.plan):  # a long form's name is shown whole when the list opens, not widening
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # the dialog past the screen
            combo.setMinimumContentsLength(34)
            combo.currentTextChanged.connect(combo.setToolTip)  # the whole name on hover
        self.movement = QLineEdit(placeholderText="ví dụ: Phong trào thi đua năm 2026")
        self.achievement = QPlainTextEdit()
        self.achievement.setTabChangesFocus(True)
        self.achievement.setFixedHeight(70)
        self.deadline = DateEdit()
        self.status = QComboBox()
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.decision_number = QLineEdit(placeholderText="ví dụ: 125/QĐ-UBND")
        self.decision_date = DateEdit()
        self.note = QLineEdit()
        self.hints = QLabel(wordWrap=True, styleSheet="color:#92400e", alignment=Qt.AlignTop | Qt.AlignLeft)
        self.hints.setFixedHeight(HINT_LINES * self.hints.fontMetrics().lineSpacing() + 4)
        self.errors: dict[str, QLabel] = {}
        self.dates = {"birth_date": self.birth_date, "deadline": self.deadline, "decision_date": self.decision_date}
        person_form, award_form = QFormLayout(), QFormLayout()  # two columns: the dialog fits a 768-pixel screen
        rows = [(person_form, key, label, widget) for key, label, widget in [
            ("nominee_kind", "Đối tượng:", self.kind), ("name", "Họ và tên / tên:", self.name),
            ("gender", "Giới tính:", self.gender), ("birth_date", "Ngày sinh:", self.birth_date),
            ("position", "Chức vụ:", self.position), ("unit", "Đơn vị:", self.unit),
        ]] + [(award_form, key, label, widget) for key, label, widget in [
            ("year", "Năm xét:", self.year), ("award_form_code", "Hình thức / danh hiệu:", self.form),
            ("award_kind", "Loại khen thưởng:", self.award_kind),
            ("plan_id", "Kế hoạch thi đua:", self.plan), ("movement", "Phong trào:", self.movement),
            ("achievement", "Tóm tắt thành tích:", self.achievement), ("deadline", "Hạn nộp hồ sơ:", self.deadline),
            ("status", "Trạng thái:", self.status), ("decision_number", "Số quyết định:", self.decision_number),
            ("decision_date", "Ngày quyết định:", self.decision_date), ("note", "Ghi chú:", self.note),
        ]]
        for form, key, label, widget in rows:
            if key in self.dates:  # the date field says its own problems beside it
                self.errors[key] = widget.error
                form.addRow(label, widget)
                continue
            error = QLabel(styleSheet="color:#b00020", visible=False, wordWrap=True)
            self.errors[key] = error
            changed = next((getattr(widget, name) for name in ("textChanged", "currentIndexChanged")
                            if hasattr(widget, name)), None)
            if changed is not None:  # the reason goes as soon as the clerk changes its field
                changed.connect(lambda *_, shown=error: shown.setVisible(False))
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(2)
            inner.addWidget(widget)
            inner.addWidget(error)
            form.addRow(label, box)
        for widget in (self.name, self.position, self.unit, self.birth_date):  # a full name and unit shown whole
            widget.setMinimumWidth(30 * self.fontMetrics().averageCharWidth())
        columns = QHBoxLayout()
        columns.addLayout(person_form, 1)
        columns.addSpacing(16)
        columns.addLayout(award_form, 1)
        buttons = save_cancel(self)
        self.errors["person"] = QLabel(styleSheet="color:#b00020", visible=False, wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.person_box)  # under both columns: appearing, it moves no field the clerk aims at
        layout.addWidget(self.errors["person"])
        layout.addWidget(self.hints)
        layout.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self._fill_forms)
        self.plan.currentIndexChanged.connect(self._plan_changed)
        for signal in (self.form.currentIndexChanged, self.name.textChanged, self.year.valueChanged):
            signal.connect(self._update_hints)
        self.deadline.changed.connect(self._deadline_changed)
        self.status.currentIndexChanged.connect(self._deadline_changed)
        self._proposed_plan: int | None = None  # the plan put in by :meth:`_propose_plan`, until the clerk changes it
        if data:
            self._show(data)
        else:
            self._kind_changed()
            self._propose_plan()
            self.year.valueChanged.connect(self._propose_plan)
            for signal in (self.name.editingFinished, self.unit.editingFinished, self.birth_date.changed):
                signal.connect(self.look_for_person)
        self._shown = self._typed()  # what "nothing changed" means when the clerk leaves

    def _propose_plan(self) -> None:
        """A new nomination goes under its year's annual plan (:func:`core.nominations.year_plan`), whose hạn nộp
        hồ sơ then fills the deadline; a plan the clerk chose stays."""
        if self.plan.currentData() != self._proposed_plan:
            return
        before = ops.plan_deadline(self.db, self._proposed_plan)
        if before and self.deadline.value() == before:  # the deadline came from the plan proposed before
            self.deadline.set_value(None)
        self._proposed_plan = ops.year_plan(self.db, self.year.value())
        self.plan.setCurrentIndex(max(0, self.plan.findData(self._proposed_plan)))

    def chosen_kind(self) -> NomineeKind:
        """The nominee kind chosen."""
        return NomineeKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        person = self.chosen_kind() is NomineeKind.INDIVIDUAL
        for widget in (self.gender, self.birth_date, self.position):
            widget.setEnabled(person and not self.chosen_person())
        self._fill_forms()
        if self.data is None:
            self.look_for_person()

    def _fill_forms(self) -> None:
        """Offer only the forms open to this nominee and in force in the year (the commune's own first)."""
        current = self.form.currentData()
        self.form.blockSignals(True)
        self.form.clear()
        keep = self.data.award_form_code if self.data else None
        for choice in ops.form_choices(self.db, self.chosen_kind(), self.year.value(), keep):
            self.form.addItem(choice.label, choice.code)
            self.form.setItemData(self.form.count() - 1, choice.legal_basis, Qt.ToolTipRole)
        self.form.setCurrentIndex(max(0, self.form.findData(current)))
        self.form.blockSignals(False)
        self._update_hints()

    def _plan_changed(self) -> None:
        """A plan's hạn nộp hồ sơ khen thưởng becomes the deadline when none is set yet."""
        deadline = ops.plan_deadline(self.db, self.plan.currentData())
        if deadline and self.deadline.value() is None and not self.deadline.line.text().strip():
            self.deadline.set_value(deadline)

    def _deadline_changed(self) -> None:
        """A past deadline of a dossier still being prepared: a warning beside it, never a refusal."""
        self.deadline.show_warning(deadline_warning(self._typed(), self.today()))

    # -- the person on record
    def chosen_person(self) -> NomineeRecord | None:
        """The person on record the clerk chose for a new nomination, or None."""
        return next((r for r in self.people if r.id == self.person_choice.checkedId()), None)

    def look_for_person(self) -> None:
        """Offer the people on record this new entry may name (name, birth date and unit), or hide the offer."""
        if self.data is not None:
            return
        chosen = self.chosen_person()
        found = ops.people_like(self.db, self._typed()) if self.name.text().strip() else []
        if (chosen and chosen.id in {r.id for r in found}) or [r.id for r in found] == [r.id for r in self.people]:
            return  # the same people: the choice made still stands
        self.people = found
        layout = self.person_box.layout()
        for button in self.person_choice.buttons():
            self.person_choice.removeButton(button)
            layout.removeWidget(button)
            button.deleteLater()
        for r in found:
            button = QRadioButton(record_text(r))
            self.person_choice.addButton(button, r.id)
            layout.addWidget(button, 0, Qt.AlignLeft)  # as wide as its words: a click beside them is no choice
        if found:
            other = QRadioButton("Người khác (lập hồ sơ mới với thông tin vừa nhập)")
            self.person_choice.addButton(other, OTHER_PERSON)
            layout.addWidget(other, 0, Qt.AlignLeft)
        self.person_box.setVisible(bool(found))
        self.errors["person"].setVisible(False)
        self._lock_person(None)

    def _person_chosen(self, person_id: int) -> None:
        self.errors["person"].setVisible(False)
        self._lock_person(self.chosen_person() if person_id != OTHER_PERSON else None)
        self._update_hints()

    def _lock_person(self, record: NomineeRecord | None) -> None:
        """Show the chosen person's record, read-only (it is not changed by a new nomination); or free the fields."""
        person = self.chosen_kind() is NomineeKind.INDIVIDUAL
        if record is not None:
            self.name.setText(record.name)
            self.gender.setCurrentText(record.gender)
            self.birth_date.set_value(record.birth_date)
            self.position.setText(record.position)
            self.unit.setText(record.unit)
        self.name.setReadOnly(record is not None)
        self.unit.setReadOnly(record is not None)
        for widget in (self.gender, self.birth_date, self.position):
            widget.setEnabled(person and record is None)

    def _show(self, d: NominationData) -> None:
        self.kind.setCurrentIndex(self.kind.findData(d.nominee_kind.value))
        self.name.setText(d.name)
        self.gender.setCurrentText(d.gender or "")
        self.birth_date.set_value(d.birth_date)
        self.position.setText(d.position)
        self.unit.setText(d.unit)
        self.year.setValue(d.year)
        self._kind_changed()
        self.form.setCurrentIndex(max(0, self.form.findData(d.award_form_code)))
        self.award_kind.setCurrentIndex(self.award_kind.findData(d.award_kind.value))
        self.plan.setCurrentIndex(max(0, self.plan.findData(d.plan_id)))
        self.movement.setText(d.movement)
        self.achievement.setPlainText(d.achievement)
        self.deadline.set_value(d.deadline)
        self.status.setCurrentIndex(self.status.findData(d.status.value))
        self.decision_number.setText(d.decision_number)
        self.decision_date.set_value(d.decision_date)
        self.note.setText(d.note)

    def _typed(self) -> NominationData:
        person = self.chosen_kind() is NomineeKind.INDIVIDUAL
        return NominationData(
            self.chosen_kind(), self.name.text().strip(), self.form.currentData() or "", self.year.value(),
            (self.gender.currentText() or None) if person else None, self.birth_date.value() if person else None,
            self.position.text() if person else "", self.unit.text(), AwardKind(self.award_kind.currentData()),
            self.plan.currentData(), self.movement.text(), self.achievement.toPlainText(), self.deadline.value(),
            NominationStatus(self.status.currentData()), self.decision_number.text(), self.decision_date.value(),
            self.note.text(), self.data.id if self.data else None, self.data.nominee_id if self.data else None)

    def value(self) -> NominationData:
        """What the form holds, as plain data (for a new nomination, with the person chosen on record, or marked
        as another person)."""
        data = self._typed()
        if self.data is None:
            chosen = self.chosen_person()
            data.nominee_id = chosen.id if chosen else None
            data.other_person = self.person_choice.checkedId() == OTHER_PERSON
        return data

    def _update_hints(self) -> None:
        data = self.value()
        if not (data.award_form_code and data.name):
            self.hints.setText("")
            return
        self.hints.setText("\n".join(f"Gợi ý: {h}" for h in ops.hints(self.db, data)))

    def accept(self) -> None:
        """Check and store; on a problem, say it beside the field and stay open."""
        for key, label in self.errors.items():
            if key not in self.dates:
                label.setVisible(False)
        if not all([field.check() for field in self.dates.values() if field.isEnabled()]):
            return
        if self.data is None:
            self.look_for_person()
            if self.people and self.person_choice.checkedButton() is None:
                self.errors["person"].setText("Hãy chọn: dùng hồ sơ đã có, hay đây là người khác.")
                self.errors["person"].setVisible(True)
                return
        try:
            data = self.value()
            self.change = ops.edit(self.db, data, self.today()) if self.data else ops.add(self.db, data, self.today())
        except NominationError as exc:
            label = self.errors.get(exc.field, self.errors["name"])
            label.setText(str(exc))
            label.setVisible(True)
            return
        super().accept()

    def reject(self) -> None:
        """Hủy, Esc or the window's ×: after input, ask before dropping it (Bỏ / Ở lại); with nothing changed,
        close at once."""
        if self._typed() != self._shown and not dialogs.confirm(self, "Bỏ các thay đổi?", yes="Bỏ", no="Ở lại"):
            return
        super().reject()

    @property
    def saved_id(self) -> int | None:
        """The nomination stored by Lưu, or None."""
        return self.change.nomination_id if self.change else None
