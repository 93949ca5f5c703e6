"""Tab "Kế hoạch thi đua": the commune's plans, and the actions on them."""

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

from core.db import Database
from core.models import Plan, PlanKind, PlanStatus
from core.plans import PlanError, copy_plan, ensure_draft, new_plan, plans_overview
from core.settings import load_settings
from ui import dialogs
from ui.widgets import ListModel, fit_columns

if TYPE_CHECKING:
    from ui.wizard import PlanWizard

KIND = {PlanKind.ANNUAL: "Năm", PlanKind.CAMPAIGN: "Đợt cao điểm"}
STATUS = {PlanStatus.DRAFT: "Bản nháp", PlanStatus.ISSUED: "Đã ban hành"}


def ask_kind(parent) -> PlanKind | None:
    """Which kind of plan to create, or None when cancelled."""
    labels = ["Kế hoạch năm", "Kế hoạch đợt thi đua cao điểm"]
    label, ok = QInputDialog.getItem(parent, "Tạo kế hoạch mới", "Loại kế hoạch:", labels, 0, False)
    return (PlanKind.ANNUAL if label == labels[0] else PlanKind.CAMPAIGN) if ok else None


class PlansModel(ListModel):
    """One row per plan: year, kind, title, status (with version), last change."""

    def __init__(self, db: Database, parent=None):
        super().__init__(["Năm", "Loại", "Trích yếu", "Trạng thái", "Sửa lần cuối"], parent)
        self.db = db

    def refresh(self) -> None:
        """Reload from the database."""
        with self.db.session() as s:
            self.set_rows([(p.id, p.year, KIND[p.kind], p.title,
                          STATUS[p.status] + (f" (bản {p.version})" if p.version > 1 else "")
                          + (f" — số {p.number}" if p.status is PlanStatus.ISSUED else ""),
                           p.updated_at) for p in plans_overview(s)])

    def data(self, index, role=Qt.DisplayRole):
        value = self.rows[index.row()][index.column() + 1]
        if role == Qt.DisplayRole:
            return value.strftime("%d/%m/%Y %H:%M") if isinstance(value, dt.datetime) else value
        if role == Qt.UserRole:
            return self.rows[index.row()][0]
        return None


class PlansTab(QWidget):
    """The list of plans with "Tạo kế hoạch mới", "Mở", "Tạo từ kế hoạch năm trước", "Xóa bản nháp"."""

    def __init__(self, db: Database, parent=None):
        super().__init__(parent)
        self.db = db
        self.model = PlansModel(db, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
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
        """Actions on a plan need a selected plan: Tạo bản sửa đổi an issued one, Xóa a draft."""
        plan_id = self.selected_id()
        status = None
        if plan_id is not None:
            with self.db.session() as s:
                status = s.get(Plan, plan_id).status
        self.buttons["open"].setEnabled(plan_id is not None)
        self.buttons["copy"].setEnabled(plan_id is not None)
        self.buttons["revise"].setEnabled(status is PlanStatus.ISSUED)
        self.buttons["delete"].setEnabled(status is PlanStatus.DRAFT)

    def selected_id(self) -> int | None:
        """Id of the selected plan, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.proxy.data(rows[0], Qt.UserRole) if rows else None

    def create(self) -> PlanWizard | None:
        """New plan of the chosen kind for next year (this year before September), opened in the wizard."""
        kind = ask_kind(self)
        if kind is None:
            return None
        with self.db.session() as s:
            settings = load_settings(s)
            if settings is None:
                dialogs.warn(self, "Hãy nhập thông tin xã (menu Tệp → Thông tin xã) trước khi tạo kế hoạch.")
                return None
            today = dt.date.today()
            plan_id = new_plan(s, settings, kind, today.year + (1 if today.month >= 9 else 0)).id
        return self.open_plan(plan_id)

    def open_plan(self, plan_id: int) -> PlanWizard:
        """Open ``plan_id`` in the wizard (one at a time; it resumes on the saved page)."""
        from ui.wizard import PlanWizard  # imported when first needed: the main window opens sooner

        if self.wizard is not None:
            self.wizard.close()
        self.wizard = PlanWizard(self.db, plan_id, self)
        self.wizard.saved.connect(self.model.refresh)
        self.wizard.finished.connect(self.model.refresh)
        self.wizard.show()
        self.model.refresh()
        return self.wizard

    def open_selected(self) -> PlanWizard | None:
        plan_id = self.selected_id()
        return self.open_plan(plan_id) if plan_id else None

    def copy_selected(self) -> PlanWizard | None:
        """A draft for the following year from the selected plan (texts, targets and structure kept)."""
        plan_id = self.selected_id()
        if plan_id is None:
            dialogs.inform(self, "Hãy chọn kế hoạch năm trước trong danh sách.")
            return None
        with self.db.session() as s:
            source = s.get(Plan, plan_id)
            year = source.year + 1
            existing = [p for p in plans_overview(s) if p.year == year and p.kind is source.kind]
            if existing and not dialogs.confirm(
                    self, f"Đã có {len(existing)} kế hoạch {KIND[source.kind].lower()} {year}. Vẫn tạo thêm một bản "
                          f"từ kế hoạch năm {source.year}?", yes="Tạo thêm", no="Không tạo"):
                return None
            new_id = copy_plan(s, source, year).id
        return self.open_plan(new_id)

    def revise_selected(self) -> PlanWizard | None:
        """A new draft version of an issued plan; the issued one is kept as it is."""
        plan_id = self.selected_id()
        if plan_id is None:
            return None
        with self.db.session() as s:
            source = s.get(Plan, plan_id)
            if source.status is not PlanStatus.ISSUED:
                dialogs.inform(self, "Kế hoạch này còn là bản nháp: mở ra để sửa trực tiếp.")
                return None
            new_id = copy_plan(s, source, source.year, revision=True).id
        return self.open_plan(new_id)

    def delete_selected(self) -> bool:
        """Delete the selected draft after confirmation; issued plans are never deleted."""
        plan_id = self.selected_id()
        if plan_id is None:
            return False
        with self.db.session() as s:
            plan = s.get(Plan, plan_id)
            try:
                ensure_draft(plan)
            except PlanError:
                dialogs.warn(self, "Kế hoạch đã ban hành không xóa được.")
                return False
            name = f"kế hoạch {KIND[plan.kind].lower()} {plan.year}" + (f" «{plan.title}»" if plan.title else "")
            if not dialogs.confirm(self, f"Xóa bản nháp {name}? Không thể hoàn tác."):
                return False
            s.delete(plan)
        self.model.refresh()
        return True
