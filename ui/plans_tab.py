"""Tab "Kế hoạch thi đua": the commune's plans, and the actions on them (each a core operation)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.operations import plans as ops
from core.settings import SettingsError
from core.terms import PlanKind, PlanStatus
from ui import dialogs
from ui.widgets import ListModel, fit_columns

if TYPE_CHECKING:
    from core.db import Database
    from ui.wizard import PlanWizard

KIND = {PlanKind.ANNUAL: "Năm", PlanKind.CAMPAIGN: "Đợt cao điểm"}
STATUS = {PlanStatus.DRAFT: "Bản nháp", PlanStatus.ISSUED: "Đã ban hành"}


def ask_kind(parent) -> PlanKind | None:
    """Which kind of plan to create, or None when cancelled."""
    labels = ["Kế hoạch năm", "Kế hoạch đợt thi đua cao điểm"]
    label, ok = QInputDialog.getItem(parent, "Tạo kế hoạch mới", "Loại kế hoạch:", labels, 0, False)
    return (PlanKind.ANNUAL if label == labels[0] else PlanKind.CAMPAIGN) if ok else None


def _status(p: ops.PlanSummary) -> str:
    return (STATUS[p.status] + (f" (bản {p.version})" if p.version > 1 else "")
            + (f" — số {p.number}" if p.status is PlanStatus.ISSUED else ""))


class PlansModel(ListModel):
    """One row per plan (a :class:`core.operations.plans.PlanSummary`): year, kind, title, status, last change."""

    def __init__(self, db: Database, parent=None):
        super().__init__(["Năm", "Loại", "Trích yếu", "Trạng thái", "Sửa lần cuối"], parent)
        self.db = db

    def refresh(self) -> None:
        """Reload from the database."""
        self.set_rows(ops.list_plans(self.db))

    def data(self, index, role=Qt.DisplayRole):
        p: ops.PlanSummary = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return [p.year, KIND[p.kind], p.title, _status(p), p.updated_at.strftime("%d/%m/%Y %H:%M")][index.column()]
        if role == Qt.EditRole:  # what the columns sort by
            return [p.year, KIND[p.kind], p.title, _status(p), p.updated_at][index.column()]
        if role == Qt.UserRole:
            return p.id
        return None


class PlansTab(QWidget):
    """The list of plans with "Tạo kế hoạch mới", "Mở", "Tạo từ kế hoạch năm trước", "Xóa bản nháp"."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.model = PlansModel(db, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.EditRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.DescendingOrder)  # newest year first, and the arrow says so
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        fit_columns(self.view, 2)
        self.view.doubleClicked.connect(self.open_selected)
        self.buttons = {}
        row = QHBoxLayout()
        for key, label, slot in [
            ("new", "Tạo kế hoạch mới", self.create),
            ("open", "Mở", self.open_selected),
            ("copy", "Tạo từ kế hoạch năm trước", self.copy_selected),
            ("revise", "Tạo bản sửa đổi", self.revise_selected),
            ("delete", "Xóa bản nháp", self.delete_selected),
        ]:
            button = QPushButton(label)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view)
        self.wizard: PlanWizard | None = None
        self.view.selectionModel().selectionChanged.connect(self._enable_actions)
        self.model.modelReset.connect(self._enable_actions)
        self.model.refresh()

    def _enable_actions(self, *_args) -> None:
        """Actions on a plan need a selected plan: Tạo bản sửa đổi an issued one, Xóa a draft; a file open only
        for viewing allows no new plan at all."""
        summary = self.selected()
        writable = not self.db.read_only
        self.buttons["new"].setEnabled(writable)
        self.buttons["open"].setEnabled(summary is not None)
        self.buttons["copy"].setEnabled(summary is not None and writable)
        self.buttons["revise"].setEnabled(summary is not None and writable and summary.status is PlanStatus.ISSUED)
        self.buttons["delete"].setEnabled(summary is not None and writable and summary.status is PlanStatus.DRAFT)

    def selected(self) -> ops.PlanSummary | None:
        """The selected plan, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()] if rows else None

    def selected_id(self) -> int | None:
        """Id of the selected plan, or None."""
        summary = self.selected()
        return summary.id if summary else None

    def select(self, plan_id: int) -> None:
        """Select the plan ``plan_id`` in the list (after a refresh, when its wizard closes)."""
        for row, p in enumerate(self.model.rows):
            if p.id == plan_id:
                self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return

    def create(self) -> PlanWizard | None:
        """New plan of the chosen kind for next year (this year before September), opened in the wizard; a second
        annual plan of a year is asked about first."""
        kind = ask_kind(self)
        if kind is None:
            return None
        year = ops.default_year(dt.date.today())
        if kind is PlanKind.ANNUAL and ops.plans_of_year(self.db, kind, year) and not dialogs.confirm(
                self, f"Đã có kế hoạch năm {year}. Vẫn tạo thêm một kế hoạch năm {year} nữa?",
                yes="Tạo thêm", no="Không tạo"):
            return None
        try:
            plan_id = ops.create_plan(self.db, kind, year)
        except SettingsError as exc:
            dialogs.warn(self, str(exc))
            return None
        return self.open_plan(plan_id)

    def open_plan(self, plan_id: int) -> PlanWizard:
        """Open ``plan_id`` in the wizard (one at a time; it resumes on the saved page); when it closes, the list
        is refreshed with that plan selected."""
        from ui.wizard import PlanWizard  # imported when first needed: the main window opens sooner

        if self.wizard is not None:
            self.wizard.close()
        self.wizard = PlanWizard(self.db, plan_id, self)
        self.wizard.saved.connect(lambda: self._refresh(plan_id))
        self.wizard.finished.connect(lambda _result: self._refresh(plan_id))
        self.wizard.show()
        self._refresh(plan_id)
        return self.wizard

    def _refresh(self, plan_id: int) -> None:
        self.model.refresh()
        self.select(plan_id)

    def open_selected(self) -> PlanWizard | None:
        plan_id = self.selected_id()
        return self.open_plan(plan_id) if plan_id else None

    def copy_selected(self) -> PlanWizard | None:
        """A draft for the following year from the selected plan (texts, targets and structure kept)."""
        source = self.selected()
        if source is None:
            dialogs.inform(self, "Hãy chọn kế hoạch năm trước trong danh sách.")
            return None
        year = source.year + 1
        existing = ops.plans_of_year(self.db, source.kind, year)
        if existing and not dialogs.confirm(
                self, f"Đã có {existing} kế hoạch {KIND[source.kind].lower()} {year}. Vẫn tạo thêm một bản "
                      f"từ kế hoạch năm {source.year}?", yes="Tạo thêm", no="Không tạo"):
            return None
        return self.open_plan(ops.copy_to_next_year(self.db, source.id))

    def revise_selected(self) -> PlanWizard | None:
        """A new draft version of an issued plan; the issued one is kept as it is."""
        plan_id = self.selected_id()
        if plan_id is None:
            return None
        try:
            new_id = ops.revise_plan(self.db, plan_id)
        except ops.PlanError as exc:
            dialogs.inform(self, str(exc))
            return None
        return self.open_plan(new_id)

    def delete_selected(self) -> bool:
        """Delete the selected draft after confirmation; issued plans are never deleted."""
        plan = self.selected()
        if plan is None:
            return False
        if plan.status is PlanStatus.ISSUED:
            dialogs.warn(self, "Kế hoạch đã ban hành không xóa được.")
            return False
        name = f"kế hoạch {KIND[plan.kind].lower()} {plan.year}" + (f" «{plan.title}»" if plan.title else "")
        if not dialogs.confirm(self, f"Xóa bản nháp {name}? Không thể hoàn tác."):
            return False
        try:
            ops.delete_plan(self.db, plan.id)
        except (ops.PlanError, LookupError) as exc:
            dialogs.warn(self, str(exc) if isinstance(exc, ops.PlanError) else "Kế hoạch này đã bị xóa ở cửa sổ khác.")
        self.model.refresh()
        return True
