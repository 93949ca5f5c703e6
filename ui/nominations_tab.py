"""Tab "Khen thưởng": the award nominations with filters, deadlines, history, .xlsx export and import."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt
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
from core.export_xlsx import apply_import, export_nominations, read_nominations_xlsx
from core.extraction.folding import fold, search_key
from core.models import Nomination, NominationStatus
from core.nominations import (
    KIND_LABELS,
    NOMINEE_LABELS,
    STATUS_LABELS,
    NominationData,
    NominationError,
    NominationRow,
    data_of,
    deadline_state,
    deadline_summary,
    delete_nomination,
    history,
    merge_nominees,
    restore_nomination,
    rows,
)
from core.settings import load_settings
from ui import dialogs
from ui.nomination_dialog import NominationDialog
from ui.widgets import ListModel

# (title, width in characters): what the clerk looks for first comes first.
COLUMNS = [("Họ và tên / tên", 26), ("Hình thức / danh hiệu", 32), ("Năm", 7), ("Hạn nộp", 21), ("Trạng thái", 16),
           ("Đối tượng", 10), ("Đơn vị", 22), ("Chức vụ", 20), ("Giới tính", 8), ("Ngày sinh", 10), ("Loại", 11),
           ("Kế hoạch / phong trào", 24), ("Tóm tắt thành tích", 40), ("Số QĐ", 12), ("Ngày QĐ", 10)]
COL_YEAR, COL_DEADLINE = 2, 3
OVERDUE, SOON = QColor("#fecaca"), QColor("#fef3c7")
SORT_KEYS = [  # per column, in COLUMNS order: text sorts without regard to case and diacritics
    lambda r: fold(r.name), lambda r: fold(r.form_name), lambda r: r.year or 0,
    lambda r: r.deadline or dt.date.max, lambda r: r.status.value, lambda r: r.nominee_kind.value,
    lambda r: fold(r.unit), lambda r: fold(r.position), lambda r: r.gender, lambda r: r.birth_date or dt.date.min,
    lambda r: r.award_kind.value, lambda r: fold(r.plan_title or r.movement), lambda r: fold(r.achievement),
    lambda r: r.decision_number, lambda r: r.decision_date or dt.date.min,
]
XLSX_FILTER = "Excel (*.xlsx)"


def _date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


class NominationsModel(ListModel):
    """The nominations (:class:`core.nominations.NominationRow`); deadline rows coloured by ``today()``."""

    def __init__(self, today, parent=None):
        super().__init__([title for title, _width in COLUMNS], parent)
        self.today = today
        self.sorted_by: tuple[int, Qt.SortOrder] = (COL_YEAR, Qt.DescendingOrder)  # this year first

    def data(self, index, role=Qt.DisplayRole):
        r: NominationRow = self.rows[index.row()]
        col = index.column()
        if role == Qt.DisplayRole:
            return self._text(r, col)
        state = deadline_state(r.deadline, r.status, self.today())
        if role == Qt.BackgroundRole and state:
            return OVERDUE if state == "overdue" else SOON
        if role == Qt.ToolTipRole:
            if col == COL_DEADLINE and state:
                return "Đã quá hạn nộp hồ sơ." if state == "overdue" else "Sắp đến hạn nộp hồ sơ."
            return r.achievement or None
        return None

    def set_rows(self, rows_: list[NominationRow]) -> None:
        """Show ``rows_`` in the current sort order (sorted before the reset: one pass of the proxy's filter)."""
        if self.sorted_by is not None:
            column, order = self.sorted_by
            rows_.sort(key=SORT_KEYS[column], reverse=order == Qt.DescendingOrder)
        super().set_rows(rows_)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:  # noqa: D102 (Qt name)
        """Sort the rows by a column with Python's sort (the proxy keeps this order): 50,000 rows in milliseconds."""
        self.sorted_by = (column, order)
        key = SORT_KEYS[column]
        self.layoutAboutToBeChanged.emit()
        self.rows.sort(key=key, reverse=order == Qt.DescendingOrder)
        self.layoutChanged.emit()

    def _text(self, r: NominationRow, col: int) -> str:
        if col == COL_DEADLINE and r.deadline:
            state = deadline_state(r.deadline, r.status, self.today())
            days = (r.deadline - self.today()).days
            suffix = {"overdue": " (quá hạn)", "soon": f" (còn {days} ngày)"}.get(state, "")
            return _date(r.deadline) + suffix
        return [r.name, r.form_name, str(r.year or ""), "", STATUS_LABELS[r.status], NOMINEE_LABELS[r.nominee_kind],
                r.unit, r.position, r.gender, _date(r.birth_date), KIND_LABELS[r.award_kind], r.plan_title or r.movement,
                r.achievement, r.decision_number, _date(r.decision_date)][col]


class NominationsFilter(QSortFilterProxyModel):
    """Year, status, form and unit filters and a search that ignores case and diacritics.

    Which rows pass is worked out in one Python pass per change and marked on the rows (``shown``), so the
    proxy's per-row question is one attribute read; sorting is the source model's
    (:meth:`NominationsModel.sort`), so the proxy keeps the source order.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year: int | None = None
        self.status: NominationStatus | None = None
        self.form_code: str | None = None
        self.unit: str | None = None
        self.words: list[str] = []
        self._rows: list[NominationRow] = []  # the source model's row list (sorted in place, replaced on reload)
        self._passed: list[NominationRow] = []
        self._last: tuple | None = None  # the filters ``_passed`` was worked out for

    def set_filter(self, **values) -> None:
        """Change filters (year, status, form_code, unit, text) and refilter."""
        self.beginFilterChange()
        text = values.pop("text", None)
        if text is not None:
            self.words = search_key(text).split()
        for key, value in values.items():
            setattr(self, key, value)
        self._work_out()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _work_out(self, rows_: list[NominationRow] | None = None) -> None:
        if rows_ is not None:
            self._rows = rows_
        rows_ = self._rows
        narrower = self._last is not None and self._last[:4] == self._state()[:4] and all(
            any(w.startswith(old) for w in self.words) for old in self._last[4])
        passed = self._passed if narrower else rows_  # typing one more letter only narrows the last result
        for attr, value in (("year", self.year), ("status", self.status), ("form_code", self.form_code),
                            ("unit", self.unit)):
            if value is not None and not narrower:
                passed = [r for r in passed if getattr(r, attr) == value]
        for word in self.words:
            passed = [r for r in passed if word in r.search]
        previous = self._passed if self._last is not None else rows_
        for r in previous:
            r.shown = False
        for r in passed:
            r.shown = True
        self._passed, self._last = passed, self._state()

    def _state(self) -> tuple:
        return self.year, self.status, self.form_code, self.unit, tuple(self.words)

    def prepare(self, rows_: list[NominationRow]) -> None:
        """Work out which of ``rows_`` pass before they replace the source rows (the reset then filters once)."""
        self._last = None
        self._work_out(rows_)

    def filterAcceptsRow(self, source_row, _parent) -> bool:  # noqa: N802 (Qt name)
        return self._rows[source_row].shown

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:  # noqa: D102 (Qt name)
        self.sourceModel().sort(column, order)


class NominationsTab(QWidget):
    """The list of nominations; add, edit, delete (undo with Ctrl+Z), filter, export and import."""

    def __init__(self, db: Database, parent=None, today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.undo_stack: list[NominationData] = []
        self.model = NominationsModel(today, self)
        self.proxy = NominationsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.horizontalHeader().setSortIndicator(*self.model.sorted_by)  # shown, not re-sorted
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        char = self.view.fontMetrics().averageCharWidth()
        for col, (_title, width) in enumerate(COLUMNS):  # fixed widths: measuring 50,000 rows would freeze
            self.view.setColumnWidth(col, width * char + 12)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.alert = QLabel(styleSheet="color:#9a3412; font-weight:bold")
        self.year = QComboBox()
        self.status = QComboBox()
        self.form = QComboBox()
        self.unit = QComboBox()
        for combo in (self.year, self.status, self.form, self.unit):
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10 if combo in (self.form, self.unit) else 8)
        self.search = QLineEdit(placeholderText="Tìm theo tên, đơn vị, thành tích (gõ không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        for combo, key in ((self.year, "year"), (self.status, "status"), (self.form, "form_code"), (self.unit, "unit")):
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.proxy.set_filter(**{k: c.currentData()}))
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
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addLayout(actions)
        self.refresh()

    # -- data
    def refresh(self) -> None:
        """Reload the list, the filter choices and the deadline line."""
        with self.db.session() as s:
            loaded = rows(s)
        self.proxy.prepare(loaded)
        self.model.set_rows(loaded)
        self._fill(self.year, "Tất cả các năm", [(str(y), y) for y in sorted({r.year for r in loaded if r.year},
                                                                         reverse=True)])
        self._fill(self.status, "Mọi trạng thái", [(label, status) for status, label in STATUS_LABELS.items()])
        self._fill(self.form, "Mọi hình thức", sorted({(r.form_name, r.form_code) for r in loaded}))
        self._fill(self.unit, "Mọi đơn vị", [(u, u) for u in sorted({r.unit for r in loaded if r.unit}, key=fold)])
        self.alert.setText(deadline_summary(loaded, self.today()))
        self.alert.setVisible(bool(self.alert.text()))
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
        return self.model.rows[self.proxy.mapToSource(index).row()] if index.isValid() else None

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
        with self.db.session() as s:
            self.undo_stack.append(delete_nomination(s, row.id))
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
        others = [r for r in self.model.rows if r.nominee_id != row.nominee_id and r.nominee_kind is row.nominee_kind
                  and fold(r.name) == fold(row.name)]
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
        shown = [self.model.rows[self.proxy.mapToSource(self.proxy.index(i, 0)).row()]
                 for i in range(self.proxy.rowCount())]
        year = self.proxy.year
        path = dialogs.ask_save_file(self, "Xuất danh sách đề nghị khen thưởng",
                                     f"Danh-sach-de-nghi-khen-thuong-{year or self.today().year}.xlsx", XLSX_FILTER)
        if not path:
            return None
        with self.db.session() as s:
            settings = load_settings(s)
        try:
            export_nominations(shown, settings, year, path, ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", settings.chairman_name))
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp «{path}» ({exc.strerror or exc}). Tệp có đang mở trong Excel không?")
            return None
        dialogs.inform(self, f"Đã xuất {len(shown)} đề nghị ra {path}")
        return path

    def import_xlsx(self) -> int:
        """Read a list a unit sent in; show what will be added and what cannot be read; add after the clerk agrees."""
        path = dialogs.ask_open_file(self, "Nhập danh sách đề nghị khen thưởng", XLSX_FILTER)
        if not path:
            return 0
        year = self.proxy.year or self.today().year
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
