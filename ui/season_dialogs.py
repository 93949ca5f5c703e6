"""Dialogs of the award season: the council's session with its votes, the superior's reply to a Tờ trình, and
the folder the season's documents are written to. Each is opened by a small function tests can replace."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.operations.season import ItemInfo
from core.season import CouncilData, SeasonError, check_council, check_reply
from ui import dialogs


def _date_edit(day: dt.date) -> QDateEdit:
    """The date field of Ban hành (``ui.dialogs.ask_issue``): calendar pop-up, dd/MM/yyyy."""
    return QDateEdit(QDate(day.year, day.month, day.day), calendarPopup=True, displayFormat="dd/MM/yyyy")


def _buttons(dialog: QDialog, accept: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    buttons.addButton(accept, QDialogButtonBox.AcceptRole)
    buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class CouncilDialog(QDialog):
    """A session of the Hội đồng Thi đua – Khen thưởng: date, times, place, chair, secretary, members present out
    of the total, and the votes in favour for each nomination put to it (0 leaves it out). Each row shows the
    threshold in force with its article, or "chưa đối chiếu"."""

    def __init__(self, year: int, to_vote: list[tuple[int, str, str, str]], chair: str, place: str = "",
                 parent=None, today: dt.date | None = None):
        super().__init__(parent, windowTitle=f"Họp Hội đồng Thi đua - Khen thưởng năm {year}")
        self.year = year
        self.ids = [nid for nid, *_rest in to_vote]
        self.held_on = _date_edit(today or dt.date.today())
        self.start_time = QLineEdit("08 giờ 00")
        self.end_time = QLineEdit("")
        self.end_time.setPlaceholderText("ví dụ 10 giờ 30")
        self.place = QLineEdit(place)
        self.chair = QLineEdit(chair)
        self.secretary = QLineEdit()
        self.present, self.total = QSpinBox(minimum=1, maximum=99, value=9), QSpinBox(minimum=1, maximum=99, value=11)
        members = QHBoxLayout()
        for label, box in (("có mặt", self.present), ("trên tổng số", self.total)):  # "có mặt 9 trên tổng số 11"
            members.addWidget(QLabel(label))
            members.addWidget(box)
        members.addStretch()
        form = QFormLayout()
        for label, widget in (("Ngày họp:", self.held_on), ("Bắt đầu:", self.start_time), ("Kết thúc:", self.end_time),
                              ("Địa điểm:", self.place), ("Chủ tọa:", self.chair), ("Thư ký:", self.secretary)):
            form.addRow(label, widget)
        form.addRow("Thành viên:", members)
        self.table = QTableWidget(len(to_vote), 4)
        self.table.setHorizontalHeaderLabels(["Họ và tên / tên", "Hình thức", "Phiếu đồng ý", "Tỷ lệ cần đạt"])
        self.table.verticalHeader().hide()
        self.votes: list[QSpinBox] = []
        for row, (_nid, name, form_name, threshold) in enumerate(to_vote):
            for col, text in ((0, name), (1, form_name), (3, threshold)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            box = QSpinBox(minimum=0, maximum=99)
            box.setSpecialValueText("không xét")
            self.votes.append(box)
            self.table.setCellWidget(row, 2, box)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(3, 200)
        self.table.horizontalHeader().setStretchLastSection(True)  # the threshold takes the rest, wrapped in full
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Số phiếu đồng ý của từng đề nghị (để «không xét» nếu Hội đồng không xét):"))
        layout.addWidget(self.table, 1)
        self.error = QLabel(styleSheet="color: #b00020", wordWrap=True)  # why "Ghi biên bản" did not close
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "Ghi biên bản"))
        for box in (self.present, self.total, *self.votes):
            box.valueChanged.connect(lambda: self.error.setText(""))  # gone as soon as the clerk corrects a count
        self.resize(900, 560)

    def accept(self) -> None:
        """Close only when the counts hold (:func:`core.season.check_council`); otherwise say why under the
        table and keep every vote typed."""
        try:
            check_council(self.data())
        except SeasonError as exc:
            self.error.setText(str(exc))
            return
        super().accept()

    def data(self) -> CouncilData:
        """What the clerk entered, as plain data for ``core.operations.season.record_council``."""
        return CouncilData(self.year, self.held_on.date().toPython(), self.place.text(), self.chair.text(),
                           self.secretary.text(), self.present.value(), self.total.value(),
                           {nid: box.value() for nid, box in zip(self.ids, self.votes, strict=True) if box.value()},
                           self.start_time.text(), self.end_time.text())


def ask_council(parent: QWidget, year: int, to_vote: list[tuple[int, str, str, str]], chair: str, place: str
                ) -> CouncilData | None:
    """The council session the clerk enters, or None when cancelled."""
    dialog = CouncilDialog(year, to_vote, chair, place, parent)
    return dialog.data() if dialog.exec() == QDialog.Accepted else None


WAITING, GRANTED, REFUSED = "Chờ kết quả", "Được khen", "Không được khen"


class ReplyDialog(QDialog):
    """The superior's answer to a Tờ trình, nomination by nomination: được khen (with the superior's decision
    number and date) or không được khen."""

    def __init__(self, rows: list[ItemInfo], parent=None):
        super().__init__(parent, windowTitle="Kết quả khen thưởng của cấp trên")
        self.rows = rows
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Họ và tên / tên", "Hình thức"])
        self.table.verticalHeader().hide()
        self.choices: list[QComboBox] = []
        for row, info in enumerate(rows):
            for col, text in ((0, info.name), (1, info.form)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.setColumnCount(3)
        self.table.setHorizontalHeaderItem(2, QTableWidgetItem("Kết quả"))
        for row, info in enumerate(rows):
            box = QComboBox()
            box.addItems([WAITING, GRANTED, REFUSED])
            box.setCurrentText({"Đã được khen": GRANTED, "Không được khen": REFUSED}.get(info.status, WAITING))
            self.choices.append(box)
            self.table.setCellWidget(row, 2, box)
        self.table.resizeColumnsToContents()
        self.number = QLineEdit(next((r.decision_number for r in rows if r.decision_number), ""))
        self.number.setPlaceholderText("ví dụ 1520/QĐ-UBND")
        self.day = _date_edit(next((r.decision_date for r in rows if r.decision_date), None) or dt.date.today())
        form = QFormLayout()
        form.addRow("Số quyết định của cấp trên:", self.number)
        form.addRow("Ngày quyết định:", self.day)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.error = QLabel(styleSheet="color: #b00020", wordWrap=True)  # why "Ghi kết quả" did not close
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, "Ghi kết quả"))
        self.number.textChanged.connect(lambda: self.error.setText(""))
        self.resize(760, 420)

    def accept(self) -> None:
        """Close only when a grant has the superior's number (:func:`core.season.check_reply`); otherwise say why
        under the fields and keep every answer chosen."""
        try:
            for _nid, granted in self.answers():
                check_reply(granted, self.number.text(), self.day.date().toPython())
        except SeasonError as exc:
            self.error.setText(str(exc))
            self.number.setFocus()
            return
        super().accept()

    def answers(self) -> list[tuple[int, bool]]:
        """(nomination id, granted) for every row whose answer is known."""
        return [(info.nomination_id, box.currentText() == GRANTED)
                for info, box in zip(self.rows, self.choices, strict=True) if box.currentText() != WAITING]


def ask_reply(parent: QWidget, rows: list[ItemInfo]) -> tuple[list[tuple[int, bool]], str, dt.date] | None:
    """The answers, the superior's decision number and date; None when cancelled."""
    dialog = ReplyDialog(rows, parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return dialog.answers(), dialog.number.text(), dialog.day.date().toPython()


def ask_folder(parent: QWidget, title: str) -> str:
    """A folder to write into (starting where the last export went), or "" when cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, dialogs.last_folder("export"))
