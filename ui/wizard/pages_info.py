"""Pages 1–2: kind and document details; căn cứ (legal bases) and the year's chủ đề."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)
from core.drafts import BasisData, DraftContext, PlanDraft
from core.defaults import campaign_period
from core.plans import PERIOD_ERROR, default_title, period_in_order
from core.terms import PlanKind
from core.superior import SuperiorHeader
from ui.date_edit import DateEdit
from ui.widgets import RowsModel, fit_columns, refusal_label
from ui.wizard.base import PlanPage, required

KIND_LABELS = {PlanKind.ANNUAL: "Kế hoạch năm", PlanKind.CAMPAIGN: "Đợt thi đua cao điểm (có thời gian cụ thể)"}


class InfoPage(PlanPage):
    """Page 1 "Loại và thông tin văn bản": kind, year, campaign period, number, place and date, trích yếu.
    ``basics_changed`` fires when the kind, the year or the campaign's dates change (the defaults follow them)."""

    basics_changed = Signal()

    def __init__(self, parent=None):
        super().__init__("1. Loại và thông tin văn bản", self.SUBTITLE, parent)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.campaign_start = DateEdit(optional=False)
        self.campaign_end = DateEdit(optional=False)
        period = QHBoxLayout()
        period.addWidget(QLabel("từ ngày"))
        period.addWidget(self.campaign_start, 1)
        period.addWidget(QLabel("đến ngày"))
        period.addWidget(self.campaign_end, 1)
        self.campaign_end.error.setWordWrap(True)  # the period's reason, under the end date
        self.number = QLineEdit(placeholderText="để trống nếu chưa cấp số")
        self.place = QLineEdit()
        self.issue_date = DateEdit()
        self.title_edit = QPlainTextEdit()
        self.title_edit.setTabChangesFocus(True)
        self.title_edit.setFixedHeight(70)
        self.suggest = QPushButton("Đặt lại trích yếu theo mẫu")
        self.suggest.clicked.connect(self.reset_title)
        form = QFormLayout(self)
        form.addRow(required("Loại kế hoạch:"), self.kind)
        form.addRow(required("Năm:"), self.year)
        self.period_label = QLabel("Thời gian thi đua:")
        form.addRow(self.period_label, period)
        form.addRow("Số văn bản:", self.number)
        form.addRow(required("Địa danh:"), self.place)
        form.addRow("Ngày ban hành:", self.issue_date)
        form.addRow(required("Trích yếu:"), self.title_edit)
        form.addRow("", self.suggest)
        self.stale = QLabel(wordWrap=True, styleSheet="color: #9a3412")
        form.addRow("", self.stale)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._shown_year = self.year.value()
        self.year.valueChanged.connect(self._year_changed)  # before basics_changed: the defaults follow the dates
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged, self.campaign_start.changed,
                       self.campaign_end.changed):
            signal.connect(self.basics_changed)
        for signal in (self.campaign_start.changed, self.campaign_end.changed):
            signal.connect(self._clear_period_error)
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged, self.number.textEdited,
                       self.place.textEdited, self.title_edit.textChanged, self.issue_date.changed,
                       self.campaign_start.changed, self.campaign_end.changed):
            signal.connect(self.changed)
        self.registerField("title*", self.title_edit, "plainText", self.title_edit.textChanged)
        self._settings = None

    def inputs(self):
        return [self.kind, self.year, self.campaign_start, self.campaign_end, self.number, self.place,
                self.issue_date, self.title_edit, self.suggest]

    def chosen_kind(self) -> PlanKind:
        """The kind chosen in the combo box (Qt hands back the enum's plain value)."""
        return PlanKind(self.kind.currentData())

    def _kind_changed(self) -> None:
        campaign = self.chosen_kind() is PlanKind.CAMPAIGN
        for w in (self.campaign_start, self.campaign_end, self.period_label):
            w.setEnabled(campaign)

    def reset_title(self) -> None:
        """Put back the proposed trích yếu for the chosen kind and year."""
        if self._settings is not None:
            self.title_edit.setPlainText(default_title(self.chosen_kind(), self._settings, self.year.value()))

    def show_title(self, title: str) -> None:
        """Show ``title`` as the trích yếu unless it is there already (the cursor stays where the clerk is)."""
        if " ".join(self.title_edit.toPlainText().split()) != title:
            self.title_edit.setPlainText(title)

    def show_stale(self, labels: list[str], year: int) -> None:
        """Say which texts the clerk edited still speak of another year than ``year`` (none: say nothing)."""
        self.stale.setText(f"⚠ Năm của kế hoạch là {year}, nhưng phần đã sửa tay sau đây vẫn ghi năm cũ, hãy xem "
                           f"lại: {', '.join(labels)}." if labels else "")

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self._settings = context.settings
        self.kind.setCurrentIndex(self.kind.findData(plan.kind))
        self.year.setValue(plan.year)
        start, end = campaign_period(plan.year, dt.date.today())
        self.campaign_start.set_value(plan.campaign_start or start)
        self.campaign_end.set_value(plan.campaign_end or end)
        self._shown_year = plan.year
        self.number.setText(plan.number or "")
        self.place.setText(plan.place_name)
        self.issue_date.set_value(plan.issue_date)
        self.title_edit.setPlainText(plan.title)
        self._kind_changed()

    def store(self, plan: PlanDraft) -> None:
        plan.kind = self.chosen_kind()
        plan.year = self.year.value()
        campaign = plan.kind is PlanKind.CAMPAIGN
        plan.campaign_start = self.campaign_start.value() if campaign else None
        plan.campaign_end = self.campaign_end.value() if campaign else None
        plan.number = self.number.text().strip() or None
        plan.place_name = self.place.text().strip()
        plan.issue_date = self.issue_date.value()
        plan.title = " ".join(self.title_edit.toPlainText().split())

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """Dates readable (the reason beside the field) and campaign dates in order; a clear message instead of
        moving on."""
        campaign = self.chosen_kind() is PlanKind.CAMPAIGN
        dates = [self.issue_date, *((self.campaign_start, self.campaign_end) if campaign else ())]
        if not all([field.check() for field in dates]):
            return False
        if campaign and not period_in_order(self.campaign_start.value(), self.campaign_end.value()):
            self.campaign_end.show_error(PERIOD_ERROR)
            self.campaign_end.setFocus()
            return False
        return True

    SUBTITLE = "Số và ngày ban hành có thể để trống đến khi ký; khi in sẽ chừa chỗ để viết tay."

    def _clear_period_error(self) -> None:
        """The red message beside the end date goes as soon as the campaign's dates are in order."""
        if self.campaign_end.error.text() == PERIOD_ERROR and period_in_order(
                self.campaign_start.value(), self.campaign_end.value()):
            self.campaign_end.show_error("")

    def _year_changed(self, year: int) -> None:
        """A campaign period still at the default of the year shown moves to the default of ``year``; one the
        clerk chose stays."""
        today = dt.date.today()
        shown = (self.campaign_start.value(), self.campaign_end.value())
        if shown == campaign_period(self._shown_year, today):
            for edit, day in zip((self.campaign_start, self.campaign_end), campaign_period(year, today), strict=True):
                edit.blockSignals(True)  # the year's own basics_changed, which follows, carries the new dates
                edit.set_value(day)
                edit.blockSignals(False)
        self._shown_year = year


class BasisPage(PlanPage):
    """Page 2 "Căn cứ và chủ đề": documents the plan implements, and the year's chủ đề thi đua."""

    COLUMNS: ClassVar = ["Loại văn bản", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu"]

    def __init__(self, parent=None):
        super().__init__("2. Căn cứ và chủ đề",
                         "Các văn bản cấp trên mà kế hoạch này thực hiện; khi nhập kế hoạch cấp trên ở bước 3, "
                         "văn bản đó được thêm vào đây.", parent)
        self.model = RowsModel(self.COLUMNS, date_columns=(2,))
        self.model.edited.connect(self.changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        fit_columns(self.table, 4)
        self.table.setToolTip("Nhấn đúp vào ô để sửa; ngày gõ theo dạng 20/01/2026.")
        self.add = QPushButton("Thêm căn cứ")
        self.remove = QPushButton("Xóa dòng đã chọn")
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.theme = QPlainTextEdit(placeholderText="Chủ đề thi đua của năm, ví dụ: “Đoàn kết, sáng tạo, …”")
        self.theme.setTabChangesFocus(True)
        self.theme.textChanged.connect(self.changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addWidget(refusal_label(self.model), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Chủ đề thi đua:"))
        layout.addWidget(self.theme)
        self._bases: list[BasisData] = []  # row i of the table edits self._bases[i] (its id, superior link)

    def inputs(self):
        return [self.table, self.add, self.remove, self.theme]

    def _add(self) -> None:
        self._bases.append(BasisData())
        self.model.add_row(["Kế hoạch", "", None, "", ""])

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            del self._bases[row]
            self.model.remove_row(row)

    def add_from_header(self, header: SuperiorHeader, document_id: int) -> None:
        """Add the imported superior plan as a căn cứ, unless it is listed already or its header says nothing
        (a file that is not a plan: the clerk adds the căn cứ by hand)."""
        if any(b.superior_document_id == document_id for b in self._bases):
            return
        if not any((header.number, header.issue_date, header.issuer, header.title)):
            return
        self._bases.append(BasisData(superior_document_id=document_id))
        self.model.add_row(["Kế hoạch", header.number or "", header.issue_date, header.issuer or "",
                            f"về {header.title[:1].lower()}{header.title[1:]}" if header.title else ""])

    def drop_superior(self, document_id: int) -> None:
        """The superior plan ``document_id`` was taken off the plan (page 3): so is the căn cứ made from it."""
        for row in reversed(range(len(self._bases))):
            if self._bases[row].superior_document_id == document_id:
                del self._bases[row]
                self.model.remove_row(row)

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self._bases = list(plan.legal_bases)
        self.model.set_rows([[b.doc_type, b.number, b.issue_date, b.issuer, b.summary] for b in plan.legal_bases])
        self.theme.setPlainText(plan.theme)

    def store(self, plan: PlanDraft) -> None:
        for basis, (doc_type, number, day, issuer, summary) in zip(self._bases, self.model.rows, strict=True):
            basis.doc_type, basis.number, basis.issue_date = doc_type or "Kế hoạch", number or "", day
            basis.issuer, basis.summary = issuer or "", summary or ""
        plan.legal_bases = list(self._bases)
        plan.theme = " ".join(self.theme.toPlainText().split())
