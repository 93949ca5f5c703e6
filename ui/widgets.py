"""Small reusable widgets: an editable table of rows for short lists, dialog buttons, a choice delegate (the date
field is :mod:`ui.date_edit`), a call once a window is on the screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from core.dates import DateError, format_date, parse_date


class _FirstPaint(QObject):
    """Calls ``callback`` once, from the event loop, after the first paint of the widget it watches (its parent)."""

    def __init__(self, widget: QWidget, callback: Callable[[], object]):
        super().__init__(widget)
        self._callback: Callable[[], object] | None = callback
        widget.installEventFilter(self)
        if widget.isVisible():  # shown already: its Show event is past
            QTimer.singleShot(500, self._call)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Paint:
            QTimer.singleShot(0, self._call)  # after this paint is done and on the screen
        elif event.type() == QEvent.Show:  # a window never asked to paint (hidden behind another): go on anyway
            QTimer.singleShot(500, self._call)
        return False

    def _call(self) -> None:
        if self._callback is not None:
            callback, self._callback = self._callback, None
            self.parent().removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, from the event loop, just after ``widget``'s first paint (the window is on the
    screen); should the window system never ask for a paint (a window fully hidden behind another), half a second
    after it is shown rather than never."""
    _FirstPaint(widget, callback)


def fit_columns(view: QTableView, stretch: int, max_chars: int = 22) -> None:
    """Column ``stretch`` (the long text: an indicator, a title) takes the free width and wraps on two lines,
    its full text on hover; the others fit their contents up to ``max_chars`` characters, re-measured (on
    the first 100 rows) whenever the rows or a cell change (a date typed into an empty column is shown whole).
    The clerk may still drag any column wider."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    header.setResizeContentsPrecision(100)  # long lists stay quick to update
    view.setWordWrap(True)
    line = view.fontMetrics().lineSpacing()
    view.verticalHeader().setDefaultSectionSize(2 * line + 8)
    limit = max_chars * view.fontMetrics().averageCharWidth()

    def refit() -> None:
        for column in range(view.model().columnCount()):
            if column != stretch:
                title = str(view.model().headerData(column, Qt.Horizontal) or "")
                view.resizeColumnToContents(column)  # its title is never cut
                view.setColumnWidth(column, min(view.columnWidth(column),
                                                max(limit, view.fontMetrics().horizontalAdvance(title) + 20)))

    model = view.model()
    for signal in (model.modelReset, model.rowsInserted, model.layoutChanged, model.dataChanged):
        signal.connect(refit)
    refit()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` to ``width`` × ``height`` pixels, or less so that it fits, frame and taskbar included, on
    the screen it opens on (a 1366×768 office laptop leaves about 1366×728 above the taskbar)."""
    screen = window.screen().availableGeometry()
    window.resize(min(width, screen.width() - 16), min(height, screen.height() - 80))


class ListModel(QAbstractTableModel):
    """A table over ``self.rows`` (one item per row) under the column titles ``self.headers``.

    ``edited`` fires on every change the clerk makes (so the wizard can autosave).
    """

    edited = Signal()

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list = []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole:
            return self.headers[section] if orientation == Qt.Horizontal else section + 1
        return None

    def set_rows(self, rows: list) -> None:
        """Replace all rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add_row(self, row) -> int:
        """Append a row; returns its index."""
        self.add_rows([row])
        return len(self.rows) - 1

    def add_rows(self, rows: list) -> None:
        """Append ``rows`` in one insertion (views and listeners update once, however many)."""
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()
        self.edited.emit()

    def remove_row(self, row: int) -> None:
        """Delete a row."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def move_row(self, row: int, delta: int) -> int:
        """Move a row up (-1) or down (+1); returns its new index."""
        target = row + delta
        if not 0 <= target < len(self.rows):
            return row
        self.beginResetModel()
        self.rows[row], self.rows[target] = self.rows[target], self.rows[row]
        self.endResetModel()
        self.edited.emit()
        return target


class RowsModel(ListModel):
    """Rows of plain values (lists) under fixed column titles; every cell is editable text or a date.

    Dates are shown dd/mm/yyyy and typed as in every date field (:func:`core.dates.parse_date`); an empty cell is
    None. A date that cannot be read keeps the cell as it was and ``refused`` carries the sentence saying why
    (shown by :func:`refusal_label`); the next accepted edit sends ``refused("")``.
    """

    refused = Signal(str)

    def __init__(self, headers: list[str], date_columns: tuple[int, ...] = (), parent=None):
        super().__init__(headers, parent)
        self.date_columns = date_columns

    def data(self, index, role=Qt.DisplayRole):
        value = self.rows[index.row()][index.column()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            if isinstance(value, dt.date):
                return format_date(value)
            return "" if value is None else str(value)
        return None

    def flags(self, index):
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole) -> bool:  # noqa: N802
        if role != Qt.EditRole:
            return False
        text = str(value).strip()
        if index.column() in self.date_columns:
            try:
                value = parse_date(text)
            except DateError as exc:
                self.refused.emit(str(exc))
                return False  # the cell keeps its value
        else:
            value = text
        self.rows[index.row()][index.column()] = value
        self.refused.emit("")
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True


def refusal_label(model: RowsModel) -> QLabel:
    """A red sentence that says why the last date typed into ``model`` was refused, empty once a cell is accepted
    (the same colour as a date field's own refusal)."""
    label = QLabel(wordWrap=True, styleSheet="color:#b00020")
    model.refused.connect(label.setText)
    return label


def save_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The "Lưu" / "Hủy" buttons of a form dialog, wired to its accept() and reject()."""
    buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    buttons.button(QDialogButtonBox.Save).setText("Lưu")
    buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor offering (label, value) choices."""

    def __init__(self, choices: dict, parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for value, label in self.choices.items():
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findText(index.data())))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData())
