"""Gộp trùng: two records of one person side by side, field by field; the clerk chooses each value that differs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from core.dates import format_date
from core.nominations import NOMINEE_LABELS, PERSON_FIELDS, NomineeRecord

FIELD_LABELS = {"name": "Họ và tên / tên", "gender": "Giới tính", "birth_date": "Ngày sinh", "position": "Chức vụ",
                "unit": "Đơn vị"}


def _shown(value) -> str:
    return format_date(value) if hasattr(value, "isoformat") else (value or "(trống)")


class MergeDialog(QDialog):
    """``records``: the record kept (first) and the candidates to merge into it (a choice when several). Each field
    whose values differ gets a choice of the two values (the filled one chosen first); Gộp accepts.
    :meth:`result_values` gives (kept id, merged id, chosen values)."""

    def __init__(self, records: list[NomineeRecord], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Gộp hai hồ sơ trùng")
        self.records = records
        self.kept = records[0]
        self.other = QComboBox()
        for r in records[1:]:
            self.other.addItem(f"{r.name}, {format_date(r.birth_date) or 'không rõ ngày sinh'}, "
                               f"{r.unit or 'không ghi đơn vị'} — {r.awards} lần khen", r.id)
        self.other.currentIndexChanged.connect(self._compare)
        self.grid = QGridLayout()
        self.choices: dict[str, QButtonGroup] = {}
        intro = QLabel(f"Hai hồ sơ {NOMINEE_LABELS[self.kept.kind].lower()} sẽ thành một: mọi đề nghị khen thưởng "
                       "về hồ sơ giữ lại. Ở dòng khác nhau, chọn giá trị đúng. Có thể hoàn tác bằng Ctrl+Z.",
                       wordWrap=True)
        buttons = QDialogButtonBox()
        self.merge_button = buttons.addButton("Gộp", QDialogButtonBox.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if len(records) > 2:
            layout.addWidget(QLabel("Gộp với hồ sơ:"))
            layout.addWidget(self.other)
        layout.addLayout(self.grid)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self._compare()

    def chosen_other(self) -> NomineeRecord:
        """The record merged into the kept one."""
        return next(r for r in self.records[1:] if r.id == self.other.currentData())

    def _compare(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.choices.clear()
        other = self.chosen_other()
        for col, title in enumerate(("", "Hồ sơ giữ lại", "Hồ sơ gộp vào")):
            self.grid.addWidget(QLabel(f"<b>{title}</b>"), 0, col)
        self.grid.addWidget(QLabel("Số lần khen"), 1, 0)
        self.grid.addWidget(QLabel(str(self.kept.awards)), 1, 1)
        self.grid.addWidget(QLabel(str(other.awards)), 1, 2)
        for row, key in enumerate(PERSON_FIELDS, 2):
            a, b = getattr(self.kept, key), getattr(other, key)
            self.grid.addWidget(QLabel(FIELD_LABELS[key] + ":"), row, 0)
            if a == b:
                for col in (1, 2):
                    self.grid.addWidget(QLabel(_shown(a)), row, col)
                continue
            group = QButtonGroup(self)
            for col, value in ((1, a), (2, b)):
                button = QRadioButton(_shown(value))
                group.addButton(button, col)
                self.grid.addWidget(button, row, col)
            group.button(1 if a or not b else 2).setChecked(True)  # a filled value over a blank one
            self.choices[key] = group

    def result_values(self) -> tuple[int, int, dict[str, object]]:
        """(kept id, merged id, {field: value chosen}) for every field whose values differ."""
        other = self.chosen_other()
        values = {key: getattr(self.kept if group.checkedId() == 1 else other, key)
                  for key, group in self.choices.items()}
        return self.kept.id, other.id, values
