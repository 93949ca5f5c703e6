"""Tab "Khen thưởng": the award nominations with filters, deadlines, history, .xlsx export and import."""

from __future__ import annotations

import datetime as dt

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.db import Database
from core.models import Nomination
from core.nominations import (
    KIND_LABELS,
    NOMINEE_LABELS,
    STATUS_LABELS,
    ListFilter,
    NominationData,
    NominationError,
    NominationRow,
    data_of,
    deadline_state,
    deadline_summary,
    delete_nomination,
    history,
    list_choices,
    matching_ids,
    merge_nominees,
    namesakes,
    ordered_ids,
    restore_nomination,
    rows,
)
from core.catalogue import ROUTE_LABELS
from core.operations.season import form_routes
from core.season import SeasonError, status_label
from core.settings import load_settings
from ui import dialogs
from ui.nomination_dialog import NominationDialog

# (title, width in characters, order in core.nominations.ORDERS): what the clerk looks for first comes first.
COLUMNS = [("Họ và tên / tên", 26, "name"), ("Hình thức / danh hiệu", 32, "form"), ("Năm", 7, "year"),
           ("Hạn nộp", 21, "deadline"), ("Trạng thái", 16, "status"), ("Đối tượng", 10, "kind"),
           ("Đơn vị", 22, "unit"), ("Chức vụ", 20, "position"), ("Giới tính", 8, "gender"),
           ("Ngày sinh", 10, "birth_date"), ("Loại", 11, "award_kind"), ("Kế hoạch / phong trào", 24, "plan"),
           ("Tóm tắt thành tích", 40, "achievement"), ("Số QĐ", 12, "decision_number"),
           ("Ngày QĐ", 10, "decision_date"), ("Hướng xử lý", 16, "route")]
COL_YEAR, COL_DEADLINE = 2, 3
OVERDUE, SOON = QColor("#fecaca"), QColor("#fef3c7")
XLSX_FILTER = "Excel (*.xlsx)"
BLOCK = 200  # rows read from the file at a time, as the view scrolls


def _date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


class NominationsModel(QAbstractTableModel):
    """The nominations the filters let through, in the chosen order; deadline rows coloured by ``today()``.

    Only ids are held for the whole list (sorted and filtered in SQL); the rows the view shows are read in
    blocks of :data:`BLOCK` when first asked for, so 50,000 nominations load in a fraction of a second.
    """

    def __init__(self, db: Database, today, parent=None):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.sorted_by: tuple[int, Qt.SortOrder] = (COL_YEAR, Qt.DescendingOrder)  # this year first
        self.wanted = ListFilter()
        self.ids: list[int] = []  # shown, in order
        self._ordered: list[int] = []  # every id, in order
        self._cache: dict[int, NominationRow] = {}
        self.routes = form_routes(db)  # the catalogue's routes, read again at each reload

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section][0]
        return None

    def row(self, index: int) -> NominationRow:
        """The row shown at ``index`` (read with its neighbours when not read yet)."""
        nid = self.ids[index]
        if nid not in self._cache:
            start = max(0, index - BLOCK // 4)
            with self.db.session() as s:
                self._cache.update((r.id, r) for r in rows(s, self.ids[start:start + BLOCK]))
        return self._cache[nid]

    def shown_rows(self) -> list[NominationRow]:
        """Every row the filters let through, in order (for the export)."""
        with self.db.session() as s:
            return rows(s, self.ids)

    def data(self, index, role=Qt.DisplayRole):
        if role not in (Qt.DisplayRole, Qt.BackgroundRole, Qt.ToolTipRole):
            return None
        r = self.row(index.row())
        col = index.column()
        if role == Qt.DisplayRole:
            return self._text(r, col)
        state = deadline_state(r.deadline, r.status, self.today())
        if role == Qt.BackgroundRole:
            return {"overdue": OVERDUE, "soon": SOON}.get(state)
        if col == COL_DEADLINE and state:
            return "Đã quá hạn nộp hồ sơ." if state == "overdue" else "Sắp đến hạn nộp hồ sơ."
        return r.achievement or None

    def reload(self) -> None:
        """Read the order and the filter again from the file (after any change)."""
        column, order = self.sorted_by
        self.routes = form_routes(self.db)
        with self.db.session() as s:
            self._ordered = ordered_ids(s, COLUMNS[column][2], order == Qt.DescendingOrder)
        self._apply()

    def set_filter(self, **changes) -> None:
        """Change filters (year, status, form_code, unit, text: see :class:`core.nominations.ListFilter`)."""
        self.wanted = replace(self.wanted, **changes)
        self._apply()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:  # noqa: D102 (Qt name)
        """Sort by a column (in SQL, text without regard to case and diacritics)."""
        self.sorted_by = (column, order)
        self.reload()

    def _apply(self) -> None:
        with self.db.session() as s:
            passing = matching_ids(s, self.wanted)
        self.beginResetModel()
        self.ids = self._ordered if passing is None else [i for i in self._ordered if i in passing]
        self._cache.clear()
        self.endResetModel()

    def _text(self, r: NominationRow, col: int) -> str:
        if col == COL_DEADLINE and r.deadline:
            state = deadline_state(r.deadline, r.status, self.today())
            days = (r.deadline - self.today()).days
            suffix = {"overdue": " (quá hạn)", "soon": f" (còn {days} ngày)"}.get(state, "")
            return _date(r.deadline) + suffix
        route = self.routes.of_nomination(r.form_code, r.year, r.deadline, r.decision_date)
        return [r.name, r.form_name, str(r.year or ""), "", status_label(route, r.status),
                NOMINEE_LABELS[r.nominee_kind], r.unit, r.position, r.gender, _date(r.birth_date),
                KIND_LABELS[r.award_kind], r.plan_title or r.movement, r.achievement, r.decision_number,
                _date(r.decision_date), ROUTE_LABELS[route]][col]


class NominationsTab(QWidget):
    """The list of nominations; add, edit, delete (undo with Ctrl+Z), filter, export and import."""

    def __init__(self, db: Database, parent=None, today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.undo_stack: list[NominationData] = []
        self.model = NominationsModel(db, today, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()  # sorting as setSortingEnabled, without its immediate extra sort
        header.setSortIndicator(*self.model.sorted_by)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        char = self.view.fontMetrics().averageCharWidth()
        for col, (_title, width, _order) in enumerate(COLUMNS):  # fixed widths: measuring 50,000 rows would freeze
            self.view.setColumnWidth(col, width * char + 12)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.alert = QLabel(styleSheet="color:#9a3412; font-weight:bold")
        self.year = QComboBox()
        self.status = QComboBox()
        self.form = QComboBox()
        self.unit = QComboBox()
        self.route = QComboBox()
        for combo in (self.year, self.status, self.form, self.unit, self.route):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10 if combo in (self.form, self.unit) else 8)
        self.search = QLineEdit(placeholderText="Tìm theo tên, đơn vị, thành tích (gõ không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text))
        for combo, key in ((self.year, "year"), (self.status, "status"), (self.form, "form_code"), (self.unit, "unit"),
                           (self.route, "route")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.model.set_filter(**{k: c.currentData()}))
        buttons = {}
        for key, label, slot in [("add", "Thêm…", self.add), ("edit", "Sửa…", self.edit_selected),
                                 ("delete", "Xóa", self.delete_selected), ("undo", "Hoàn tác xóa", self.undo_delete),
                                 ("merge", "Gộp trùng…", self.merge_selected),
                                 ("export", "Xuất Excel…", self.export_xlsx), ("import", "Nhập Excel…", self.import_xlsx)]:
            buttons[key] = QPushButton(label)
            buttons[key].clicked.connect(slot)
        self.buttons = buttons
        buttons["merge"].setToolTip("Gộp hồ sơ của cùng một người (hoặc tập thể) bị nhập thành hai đối tượng.")
        buttons["undo"].setToolTip("Đưa lại đề nghị vừa xóa (Ctrl+Z).")
        QShortcut(QKeySequence.Undo, self, activated=self.undo_delete)
        QShortcut(QKeySequence.Delete, self.view, activated=self.delete_selected)
        self.history = QListWidget()
        self.history_label = QLabel("<b>Quá trình khen thưởng</b> (chọn một dòng)")
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_history())

        filters = QHBoxLayout()
        for label, widget in (("Năm:", self.year), ("Trạng thái:", self.status), ("Hình thức:", self.form),
                              ("Đơn vị:", self.unit)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch()
        actions = QHBoxLayout()
        for key in ("add", "edit", "delete", "undo", "merge"):
            actions.addWidget(buttons[key])
        actions.addStretch()
        actions.addWidget(buttons["import"])
        actions.addWidget(buttons["export"])
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.history_label)
        side_layout.addWidget(self.history)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([900, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.alert)
        layout.addLayout(filters)
        search_row = QHBoxLayout()  # the route filter beside the search box: the filters' row is full
        search_row.addWidget(self.search, 1)
        search_row.addWidget(QLabel("Hướng:"))
        search_row.addWidget(self.route)
        layout.addLayout(search_row)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.refresh()

    # -- data
    def refresh(self) -> None:
        """Reload the list, the filter choices and the deadline line."""
        with self.db.session() as s:
            years, forms, units = list_choices(s)
            alert = deadline_summary(s, self.today())
        self.model.reload()
        self._fill(self.year, "Tất cả các năm", [(str(y), y) for y in years])
        self._fill(self.status, "Mọi trạng thái", [(label, status) for status, label in STATUS_LABELS.items()])
        self._fill(self.form, "Mọi hình thức", forms)
        self._fill(self.unit, "Mọi đơn vị", [(u, u) for u in units])
        self._fill(self.route, "Mọi hướng xử lý", [(label, route) for route, label in ROUTE_LABELS.items()])
        self.alert.setText(alert)
        self.alert.setVisible(bool(alert))
        self.buttons["undo"].setEnabled(bool(self.undo_stack))

    @staticmethod
    def _fill(combo: QComboBox, everything: str, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def selected(self) -> NominationRow | None:
        """The row under the cursor, or None."""
        index = self.view.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _show_history(self) -> None:
        row = self.selected()
        self.history.clear()
        if row is None:
            return
        self.history_label.setText(f"<b>Quá trình khen thưởng:</b> {row.name}")
        with self.db.session() as s:
            for m in history(s, row.nominee_id):
                decision = f", QĐ {m.decision_number}" if m.decision_number else ""
                self.history.addItem(f"{m.year}: {m.award_form.name} — {STATUS_LABELS[m.status]}{decision}")

    # -- actions
    def add(self) -> NominationDialog:
        """Open the form for a new nomination (window-modal); the list refreshes when it is saved."""
        return self._open(NominationDialog(self.db, None, self, self.today))

    def edit_selected(self) -> NominationDialog | None:
        """Open the form on the selected nomination."""
        row = self.selected()
        if row is None:
            return None
        with self.db.session() as s:
            data = data_of(s.get(Nomination, row.id))
        return self._open(NominationDialog(self.db, data, self, self.today))

    def _open(self, dialog: NominationDialog) -> NominationDialog:
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def delete_selected(self) -> bool:
        """Delete the selected nomination after asking; Ctrl+Z brings it back."""
        row = self.selected()
        if row is None or not dialogs.confirm(self, f"Xóa đề nghị «{row.form_name}» của {row.name} (năm {row.year})?"):
            return False
        try:
            with self.db.session() as s:
                self.undo_stack.append(delete_nomination(s, row.id))
        except SeasonError as exc:  # granted by an issued Quyết định: it stays on its list
            dialogs.warn(self, str(exc))
            return False
        self.refresh()
        return True

    def undo_delete(self) -> bool:
        """Bring back the last deleted nomination."""
        if not self.undo_stack:
            return False
        with self.db.session() as s:
            restore_nomination(s, self.undo_stack.pop())
        self.refresh()
        return True

    def merge_selected(self) -> bool:
        """Merge the nominee of the selected row with another of the same name chosen by the clerk."""
        row = self.selected()
        if row is None:
            return False
        with self.db.session() as s:
            others = namesakes(s, row.nominee_id)
        if not others:
            dialogs.inform(self, f"Không thấy đối tượng nào khác trùng tên «{row.name}».")
            return False
        other = others[0]
        if not dialogs.confirm(self, f"Gộp «{other.name}» ({other.unit or 'không ghi đơn vị'}) vào «{row.name}» "
                                     f"({row.unit or 'không ghi đơn vị'})? Các đề nghị của hai hồ sơ sẽ về một người."):
            return False
        try:
            with self.db.session() as s:
                merge_nominees(s, row.nominee_id, other.nominee_id)
        except NominationError as exc:
            dialogs.warn(self, str(exc))
            return False
        self.refresh()
        return True

    def export_xlsx(self) -> str | None:
        """Write the rows shown (filters applied) as the list for the superior level."""
        year = self.model.wanted.year
        path = dialogs.ask_save_file(self, "Xuất danh sách đề nghị khen thưởng",
                                     f"Danh-sach-de-nghi-khen-thuong-{year or self.today().year}.xlsx", XLSX_FILTER)
        if not path:
            return None
        from core.export_xlsx import export_nominations  # openpyxl when first needed: the window opens sooner

        shown = self.model.shown_rows()
        with self.db.session() as s:
            settings = load_settings(s)
        try:
            export_nominations(shown, settings, year, path, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", settings.chairman_name))
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp «{path}» ({exc.strerror or exc}). Tệp có đang mở trong Excel không?")
            return None
        dialogs.exported(self, f"Đã xuất {len(shown)} đề nghị ra {path}", path)
        return path

    def import_xlsx(self) -> int:
        """Read a list a unit sent in; show what will be added and what cannot be read; add after the clerk agrees."""
        path = dialogs.ask_open_file(self, "Nhập danh sách đề nghị khen thưởng", XLSX_FILTER)
        if not path:
            return 0
        from core.export_xlsx import apply_import, read_nominations_xlsx

        year = self.model.wanted.year or self.today().year
        try:
            with self.db.session() as s:
                report = read_nominations_xlsx(s, path, year, self.today())
        except (ValueError, OSError) as exc:
            dialogs.warn(self, str(exc))
            return 0
        lines = [f"Tệp có {len(report.new)} đề nghị mới cho năm {year}."]
        if report.existing:
            lines.append(f"{len(report.existing)} dòng đã có trong dữ liệu, sẽ không thay đổi.")
        if report.problems:
            lines.append("Không đọc được:")
            lines += [f"  dòng {n}: {reason}" for n, reason in report.problems[:15]]
        if not report.new:
            dialogs.inform(self, "\n".join(lines))
            return 0
        if not dialogs.confirm(self, "\n".join(lines + ["", "Thêm các đề nghị mới vào danh sách?"])):
            return 0
        with self.db.session() as s:
            added = apply_import(s, report, self.today())
        self.refresh()
        return added
