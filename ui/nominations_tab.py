"""Tab "Khen thưởng": the award nominations with filters, deadlines, history, .xlsx export and import.

It shows and asks; every read and write is a function of :mod:`core.operations.nominations`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProxyStyle,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.dates import format_date
from core.nominations import (
    DUE_SOON_DAYS,
    KIND_LABELS,
    NOMINEE_LABELS,
    STATUS_LABELS,
    ListFilter,
    NominationError,
    NominationRow,
    deadline_state,
)
from core.catalogue import ROUTE_LABELS
from core.operations import nominations as ops
from core.operations.season import form_routes
from core.season import SeasonError, status_label
from core.terms import AwardRoute, NominationStatus
from ui import dialogs
from ui.merge_dialog import MergeDialog
from ui.nomination_dialog import NominationDialog

if TYPE_CHECKING:
    from core.db import Database

# (title, width in characters, order in core.nominations.ORDERS): what the clerk looks for first comes first.
COLUMNS = [("Họ và tên / tên", 26, "name"), ("Hình thức / danh hiệu", 32, "form"), ("Năm", 7, "year"),
           ("Hạn nộp", 0, "deadline"), ("Trạng thái", 16, "status"), ("Đối tượng", 10, "kind"),
           ("Đơn vị", 22, "unit"), ("Chức vụ", 20, "position"), ("Giới tính", 8, "gender"),
           ("Ngày sinh", 10, "birth_date"), ("Loại", 11, "award_kind"), ("Kế hoạch / phong trào", 24, "plan"),
           ("Tóm tắt thành tích", 40, "achievement"), ("Số QĐ", 12, "decision_number"),
           ("Ngày QĐ", 10, "decision_date"), ("Hướng xử lý", 16, "route")]
COL_YEAR, COL_DEADLINE, COL_STATUS = 2, 3, 4
OVERDUE, SOON = QColor("#fecaca"), QColor("#fef3c7")
XLSX_FILTER = "Excel (*.xlsx)"
BLOCK = 200  # rows read from the file at a time, as the view scrolls


def deadline_text(deadline: dt.date | None, state: str | None, today: dt.date) -> str:
    """The deadline cell: "02/12/2026 (còn 3 ngày)", "… (hôm nay)", "… (quá hạn)"."""
    if deadline is None:
        return ""
    days = (deadline - today).days
    suffix = {"overdue": " (quá hạn)", "soon": " (hôm nay)" if days == 0 else f" (còn {days} ngày)"}.get(state, "")
    return format_date(deadline) + suffix


class SortArrows(QProxyStyle):
    """The header's sort arrow as Excel and Windows Explorer draw it: ▲ for an ascending order (A→Z, 2025→2026),
    ▼ for a descending one. Qt draws them the other way round (an ascending sort gets ``SortDown``)."""

    FLIPPED: ClassVar = {QStyleOptionHeader.SortUp: QStyleOptionHeader.SortDown,
               QStyleOptionHeader.SortDown: QStyleOptionHeader.SortUp}

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt name)
        if element == QStyle.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            option = QStyleOptionHeader(option)
            option.sortIndicator = self.FLIPPED.get(option.sortIndicator, option.sortIndicator)
        super().drawPrimitive(element, option, painter, widget)


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
            self._cache.update((r.id, r) for r in ops.rows(self.db, self.ids[start:start + BLOCK]))
        return self._cache[nid]

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
        self._ordered = ops.ordered_ids(self.db, COLUMNS[column][2], order == Qt.DescendingOrder)
        self._apply()

    def set_filter(self, **changes) -> None:
        """Change filters (year, status, form_code, unit, text: see :class:`core.nominations.ListFilter`)."""
        self.wanted = replace(self.wanted, **changes)
        self._apply()

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        """Sort by a column (in SQL, text without regard to case and diacritics)."""
        self.sorted_by = (column, order)
        self.reload()

    def _apply(self) -> None:
        passing = ops.matching_ids(self.db, self.wanted)
        self.beginResetModel()
        self.ids = self._ordered if passing is None else [i for i in self._ordered if i in passing]
        self._cache.clear()
        self.endResetModel()

    def _text(self, r: NominationRow, col: int) -> str:
        if col == COL_DEADLINE:
            return deadline_text(r.deadline, deadline_state(r.deadline, r.status, self.today()), self.today())
        route = self.routes.of_nomination(r.form_code, r.year, r.deadline, r.decision_date)
        return [r.name, r.form_name, str(r.year or ""), "", status_label(route, r.status),
                NOMINEE_LABELS[r.nominee_kind], r.unit, r.position, r.gender, format_date(r.birth_date),
                KIND_LABELS[r.award_kind], r.plan_title or r.movement, r.achievement, r.decision_number,
                format_date(r.decision_date), ROUTE_LABELS[route]][col]


class NominationsTab(QWidget):
    """The list of nominations; add, edit, delete, merge (each undone with Ctrl+Z), filter, export and import."""

    def __init__(self, db: Database, parent=None, today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.undo_stack: list[ops.Change] = []
        self.model = NominationsModel(db, today, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        header = self.view.horizontalHeader()  # sorting as setSortingEnabled, without its immediate extra sort
        header.setSortIndicator(*self.model.sorted_by)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        self.sort_arrows = SortArrows()
        header.setStyle(self.sort_arrows)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        metrics = self.view.fontMetrics()
        for col, (_title, width, _order) in enumerate(COLUMNS):  # fixed widths: measuring 50,000 rows would freeze
            self.view.setColumnWidth(col, width * metrics.averageCharWidth() + 12)
        longest = deadline_text(dt.date(2026, 12, 28), "soon", dt.date(2026, 12, 28) - dt.timedelta(DUE_SOON_DAYS))
        self.view.setColumnWidth(COL_DEADLINE, metrics.horizontalAdvance(longest + "  ") + 16)  # never cut
        statuses = [status_label(route, status) for route in AwardRoute for status in NominationStatus]
        self.view.setColumnWidth(COL_STATUS, max(map(metrics.horizontalAdvance, statuses)) + 16)  # never cut
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.alert = QLabel(styleSheet="color:#9a3412; font-weight:bold")
        self.year = QComboBox()
        self.status = QComboBox()
        self.form = QComboBox()
        self.unit = QComboBox()
        self.route = QComboBox()
        for combo in (self.status, self.form, self.unit, self.route):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9 if combo in (self.form, self.unit) else 8)
        self.route.setMinimumContentsLength(len("Mọi hướng xử lý"))  # its first choice whole
        self.year.setSizeAdjustPolicy(QComboBox.AdjustToContents)  # "Tất cả các năm" whole
        self.search = QLineEdit(placeholderText="Tìm theo tên, đơn vị, thành tích (gõ không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.model.set_filter(text=text))
        for combo, key in ((self.year, "year"), (self.status, "status"), (self.form, "form_code"), (self.unit, "unit"),
                           (self.route, "route")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.model.set_filter(**{k: c.currentData()}))
        buttons = {}
        for key, label, slot in [("add", "Thêm…", self.add), ("edit", "Sửa…", self.edit_selected),
                                 ("delete", "Xóa", self.delete_selected), ("undo", "Hoàn tác", self.undo),
                                 ("merge", "Gộp trùng…", self.merge_selected),
                                 ("export", "Xuất Excel…", self.export_xlsx),
                                 ("import", "Nhập Excel…", self.import_xlsx)]:
            buttons[key] = QPushButton(label)
            buttons[key].clicked.connect(slot)
        self.buttons = buttons
        buttons["merge"].setToolTip("Gộp hai hồ sơ của cùng một người (hoặc tập thể) bị nhập thành hai đối tượng: "
                                    "chọn một dòng của người đó, hoặc hai dòng (giữ Ctrl khi bấm).")
        QShortcut(QKeySequence.Undo, self, activated=self.undo)
        QShortcut(QKeySequence.Delete, self.view, activated=self.delete_selected)
        self.history = QListWidget(wordWrap=True)
        self.history_label = QLabel(wordWrap=True)
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
        self._history_of: int | None = None  # the nominee whose history is shown
        self.refresh()

    # -- data
    def refresh(self, select: int | None = None) -> None:
        """Reload the list, the filter choices, the deadline line and the history panel; the row of nomination
        ``select`` (else the one under the cursor, when still there) stays under the cursor."""
        current = self.selected()
        select = select if select is not None else current.id if current else None
        choices = ops.list_choices(self.db, self.today())
        self.model.reload()
        self._fill(self.year, "Tất cả các năm", [(str(y), y) for y in choices.years])
        self._fill(self.status, "Mọi trạng thái", [(label, status) for status, label in STATUS_LABELS.items()])
        self._fill(self.form, "Mọi hình thức", choices.forms)
        self._fill(self.unit, "Mọi đơn vị", [(u, u) for u in choices.units])
        self._fill(self.route, "Mọi hướng xử lý", [(label, route) for route, label in ROUTE_LABELS.items()])
        self.alert.setText(choices.alert)
        self.alert.setVisible(bool(choices.alert))
        last = self.undo_stack[-1] if self.undo_stack else None
        self.buttons["undo"].setEnabled(last is not None)
        tip = f"Hoàn tác: {last.label} (Ctrl+Z)." if last else "Chưa có thay đổi để hoàn tác."
        self.buttons["undo"].setToolTip(tip)
        if select is not None and select in self.model.ids:
            self.view.setCurrentIndex(self.model.index(self.model.ids.index(select), 0))
        self._show_history()

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

    def selected_rows(self) -> list[NominationRow]:
        """The rows selected (Ctrl+click adds one), in list order."""
        return [self.model.row(i.row()) for i in sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)]

    def _show_history(self) -> None:
        """The history of the nominee under the cursor; with no row under it, of the nominee last shown while
        they are on record (after a delete of one of their nominations)."""
        row = self.selected()
        nominee_id = row.nominee_id if row else self._history_of
        person = ops.nominee(self.db, nominee_id) if nominee_id is not None else None
        self.history.clear()
        if person is None:
            self._history_of = None
            self.history_label.setText("<b>Quá trình khen thưởng</b> (chọn một dòng)")
            return
        self._history_of = person.id
        self.history_label.setText(f"<b>Quá trình khen thưởng:</b> {person.name}")
        for line in ops.history(self.db, person.id):
            self.history.addItem(line.text())

    # -- actions
    def add(self) -> NominationDialog:
        """Open the form for a new nomination (window-modal); the list refreshes when it is saved."""
        return self._open(NominationDialog(self.db, None, self, self.today))

    def edit_selected(self) -> NominationDialog | None:
        """Open the form on the selected nomination."""
        row = self.selected()
        if row is None:
            return None
        try:
            data = ops.nomination(self.db, row.id)
        except NominationError as exc:
            dialogs.warn(self, str(exc))
            self.refresh()
            return None
        return self._open(NominationDialog(self.db, data, self, self.today))

    def _open(self, dialog: NominationDialog) -> NominationDialog:
        dialog.accepted.connect(lambda: self._done(dialog.change))
        dialog.open()
        return dialog

    def _done(self, change: ops.Change | None) -> None:
        if change is not None:
            self.undo_stack.append(change)
        self.refresh(select=change.nomination_id if change else None)

    def delete_selected(self) -> bool:
        """Delete the selected nomination after asking; Ctrl+Z brings it back."""
        row = self.selected()
        if row is None or not dialogs.confirm(self, f"Xóa đề nghị «{row.form_name}» của {row.name} (năm {row.year})?"):
            return False
        try:
            self.undo_stack.append(ops.delete(self.db, row.id))
        except (NominationError, SeasonError) as exc:  # SeasonError: granted by an issued Quyết định
            dialogs.warn(self, str(exc))
            return False
        self._history_of = row.nominee_id
        self.view.setCurrentIndex(QModelIndex())
        self.refresh()
        return True

    def undo(self) -> bool:
        """Take back the last change (add, edit, delete or merge)."""
        if not self.undo_stack:
            return False
        change = self.undo_stack.pop()
        try:
            ops.undo(self.db, change)
        except NominationError as exc:
            dialogs.warn(self, str(exc))
        self.refresh(select=change.nomination_id if change.action != "add" else None)
        if change.action == "merge" and isinstance(change.before, ops.MergeRecord):
            self._history_of = change.before.kept.id
            self._show_history()
        return True

    def merge_selected(self) -> bool:
        """Merge two records of one person: the two rows selected, or the selected row's and a namesake's; the
        clerk compares them side by side and chooses each differing field."""
        chosen = self.selected_rows()
        people = list(dict.fromkeys(r.nominee_id for r in chosen))
        if not people:
            dialogs.inform(self, "Hãy chọn dòng của người cần gộp (hoặc hai dòng, giữ Ctrl khi bấm), rồi bấm "
                                 "«Gộp trùng…».")
            return False
        candidates = ops.merge_candidates(self.db, people[0])
        if len(people) > 1:
            second = ops.nominee(self.db, people[1])
            candidates = [candidates[0], *([second] if second else [])]
        if len(candidates) < 2:
            dialogs.inform(self, f"Không thấy hồ sơ nào khác trùng tên «{candidates[0].name if candidates else ''}». "
                                 "Muốn gộp hai hồ sơ khác tên, hãy chọn hai dòng (giữ Ctrl khi bấm).")
            return False
        dialog = MergeDialog(candidates, self)
        if dialog.exec() != MergeDialog.Accepted:
            return False
        keep, other, values = dialog.result_values()
        try:
            change = ops.merge(self.db, keep, other, values)
        except NominationError as exc:
            dialogs.warn(self, str(exc))
            return False
        self.undo_stack.append(change)
        self._history_of = keep
        self.view.setCurrentIndex(QModelIndex())
        self.refresh(select=next((r.id for r in chosen if r.nominee_id in (keep, other)), None))
        return True

    def export_xlsx(self) -> str | None:
        """Write the rows shown (filters applied) as the list for the superior level."""
        year = self.model.wanted.year
        path = dialogs.ask_save_file(self, "Xuất danh sách đề nghị khen thưởng",
                                     f"Danh-sach-de-nghi-khen-thuong-{year or self.today().year}.xlsx", XLSX_FILTER)
        if not path:
            return None
        try:
            count = ops.export_nominations(self.db, self.model.ids, year, path)
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp «{path}» ({exc.strerror or exc}). "
                               "Tệp có đang mở trong Excel không?")
            return None
        except ValueError as exc:
            dialogs.warn(self, str(exc))
            return None
        dialogs.exported(self, f"Đã xuất {count} đề nghị ra {path}", path)
        return path

    def import_xlsx(self) -> int:
        """Read a list a unit sent in (or our own export); show what will be added, what is already on record and
        what cannot be read; add after the clerk agrees (the summary and the import are one function)."""
        path = dialogs.ask_open_file(self, "Nhập danh sách đề nghị khen thưởng", XLSX_FILTER)
        if not path:
            return 0
        year = self.model.wanted.year or self.today().year
        try:
            report = ops.import_nominations(self.db, path, year, self.today())
            lines = report.summary(year)
            if not report.new:
                dialogs.inform(self, "\n".join(lines))
                return 0
            if not dialogs.confirm(self, "\n".join([*lines, "", "Thêm các đề nghị mới vào danh sách?"])):
                return 0
            done = ops.import_nominations(self.db, path, year, self.today(), write=True)
        except (ValueError, OSError) as exc:
            dialogs.warn(self, str(exc))
            return 0
        if len(done.new) != len(report.new):  # another window saved some of them meanwhile
            dialogs.inform(self, f"Đã thêm {len(done.new)} đề nghị (các dòng còn lại vừa được ghi ở nơi khác).")
        self.refresh()
        return len(done.new)
