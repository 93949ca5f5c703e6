"""Pages 1–2: kind and document details; căn cứ (legal bases) and the year's chủ đề."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
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
from sqlalchemy.orm import Session

from core.models import LegalBasis, Plan, PlanKind
from core.plans import default_title
from core.settings import load_settings
from core.superior import SuperiorHeader
from ui.widgets import OptionalDate, RowsModel, fit_columns
from ui.wizard.base import PlanPage, required

KIND_LABELS = {PlanKind.ANNUAL: "Kế hoạch năm", PlanKind.CAMPAIGN: "Đợt thi đua cao điểm (có thời gian cụ thể)"}


class InfoPage(PlanPage):
    """Page 1 "Loại và thông tin văn bản": kind, year, campaign period, number, place and date, trích yếu."""

    def __init__(self, parent=None):
        super().__init__("1. Loại và thông tin văn bản",
                         "Số và ngày ban hành có thể để trống đến khi ký; khi in sẽ chừa chỗ để viết tay.", parent)
        self.kind = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind)
        self.year = QSpinBox(minimum=2000, maximum=2100)
        self.campaign_start = QDateEdit(calendarPopup=True, displayFormat="dd/MM/yyyy")
        self.campaign_end = QDateEdit(calendarPopup=True, displayFormat="dd/MM/yyyy")
        period = QHBoxLayout()
        period.addWidget(QLabel("từ ngày"))
        period.addWidget(self.campaign_start)
        period.addWidget(QLabel("đến ngày"))
        period.addWidget(self.campaign_end)
        period.addStretch()
        self.number = QLineEdit(placeholderText="để trống nếu chưa cấp số")
        self.place = QLineEdit()
        self.issue_date = OptionalDate("Đã có ngày ban hành")
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
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged, self.number.textEdited,
                       self.place.textEdited, self.title_edit.textChanged, self.issue_date.changed,
                       self.campaign_start.dateChanged, self.campaign_end.dateChanged):
            signal.connect(self.changed)
        self.registerField("title*", self.title_edit, "plainText", self.title_edit.textChanged)
        self._settings = None

    def inputs(self):
        return [self.kind, self.year, self.campaign_start, self.campaign_end, self.number, self.place,
                self.issue_date, self.title_edit, self.suggest]

    def _kind_changed(self) -> None:
        campaign = self.kind.currentData() is PlanKind.CAMPAIGN
        for w in (self.campaign_start, self.campaign_end, self.period_label):
            w.setEnabled(campaign)

    def reset_title(self) -> None:
        """Put back the proposed trích yếu for the chosen kind and year."""
        if self._settings is not None:
            self.title_edit.setPlainText(default_title(self.kind.currentData(), self._settings, self.year.value()))

    def load(self, plan: Plan, session: Session) -> None:
        self._settings = load_settings(session)
        self.kind.setCurrentIndex(self.kind.findData(plan.kind))
        self.year.setValue(plan.year)
        today = dt.date(plan.year, 1, 1)
        for edit, day in ((self.campaign_start, plan.campaign_start), (self.campaign_end, plan.campaign_end)):
            edit.setDate(day or today)
        self.number.setText(plan.number or "")
        self.place.setText(plan.place_name)
        self.issue_date.set_value(plan.issue_date)
        self.title_edit.setPlainText(plan.title)
        self._kind_changed()

    def store(self, plan: Plan, session: Session) -> None:
        plan.kind = self.kind.currentData()
        plan.year = self.year.value()
        campaign = plan.kind is PlanKind.CAMPAIGN
        plan.campaign_start = self.campaign_start.date().toPython() if campaign else None
        plan.campaign_end = self.campaign_end.date().toPython() if campaign else None
        plan.number = self.number.text().strip() or None
        plan.place_name = self.place.text().strip()
        plan.issue_date = self.issue_date.value()
        plan.title = " ".join(self.title_edit.toPlainText().split())

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """Campaign dates must be in order; a clear message instead of moving on."""
        if self.kind.currentData() is PlanKind.CAMPAIGN and self.campaign_end.date() < self.campaign_start.date():
            self.setSubTitle("<span style='color:#b00020'>Ngày kết thúc đợt thi đua phải sau ngày bắt đầu.</span>")
            return False
        return True


class BasisPage(PlanPage):
    """Page 2 "Căn cứ và chủ đề": documents the plan implements, and the year's chủ đề thi đua."""

    COLUMNS = ["Loại văn bản", "Số, ký hiệu", "Ngày", "Cơ quan ban hành", "Trích yếu"]

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
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Chủ đề thi đua:"))
        layout.addWidget(self.theme)
        self._document_ids: list[int | None] = []

    def inputs(self):
        return [self.table, self.add, self.remove, self.theme]

    def _add(self) -> None:
        self.model.add_row(["Kế hoạch", "", None, "", ""])
        self._document_ids.append(None)

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.model.remove_row(row)
            del self._document_ids[row]

    def add_from_header(self, header: SuperiorHeader, document_id: int) -> None:
        """Add the imported superior plan as a căn cứ, unless it is listed already."""
        if document_id in self._document_ids:
            return
        self.model.add_row(["Kế hoạch", header.number or "", header.issue_date, header.issuer or "",
                            f"về {header.title[:1].lower()}{header.title[1:]}" if header.title else ""])
        self._document_ids.append(document_id)

    def load(self, plan: Plan, session: Session) -> None:
        self.model.set_rows([[b.doc_type, b.number, b.issue_date, b.issuer, b.summary] for b in plan.legal_bases])
        self._document_ids = [b.superior_document_id for b in plan.legal_bases]
        self.theme.setPlainText(plan.theme)

    def store(self, plan: Plan, session: Session) -> None:
        plan.legal_bases.clear()
        for position, (row, doc_id) in enumerate(zip(self.model.rows, self._document_ids)):
            doc_type, number, day, issuer, summary = row
            plan.legal_bases.append(LegalBasis(position=position, doc_type=doc_type or "Kế hoạch", number=number or "",
                                               issue_date=day, issuer=issuer or "", summary=summary or "",
                                               superior_document_id=doc_id))
        plan.theme = " ".join(self.theme.toPlainText().split())
