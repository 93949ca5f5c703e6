"""Table models of page 3: the plan's targets (editable) and the superior plan's targets (to adopt)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

from core.drafts import TargetData
from core.extraction import parse_number
from core.extraction.evidence import TICK
from core.layout import target_value, vn_number
from core.operations.superior import SuperiorTarget
from core.plans import COMPARATOR_LABELS, FIELD_LABELS, is_weaker
from core.terms import Comparator, Field
from ui.widgets import ListModel

SCAN_NOTE = "Đọc từ bản quét (OCR): hãy đối chiếu số liệu với bản giấy."  # on every value read from a scan
SCAN_COLOUR = "#fef3c7"  # the background of such a value


def _scan_icon():
    """The mark beside a value read from a scan (the style's warning sign)."""
    return QApplication.style().standardIcon(QStyle.SP_MessageBoxWarning)


@dataclass
class Row(TargetData):
    """A target of the draft as edited in the table; ``superior`` is the adopted superior target's
    (value, unit, printed text), ``scan_value`` its (value, to) when it was read from a scan. The row is itself
    the draft's target: saving gives it its id (neither of these is saved; page 3 finds them again)."""

    superior: tuple[float | None, str | None, str] | None = None
    scan_value: tuple[float | None, float | None] | None = None

    def unchecked_scan(self) -> bool:
        """Adopted from a scan and its value still the one recognised (the clerk has not changed it)."""
        return self.scan_value is not None and (self.value, self.value_max) == self.scan_value

    def weaker(self) -> bool:
        """Weaker than the superior target it was adopted from (see core.plans.is_weaker)."""
        return bool(self.superior) and is_weaker(self.comparator, self.value, self.unit, self.superior[0],
                                                 self.superior[1], self.indicator)


def adopted(t: SuperiorTarget) -> dict:
    """The fields of a :class:`Row` adopted from the superior target ``t`` that tell about ``t``: ``superior``
    and ``scan_value``."""
    return {"superior": (t.value, t.unit, target_value(t) or "định tính"),
            "scan_value": (t.value, t.value_max) if t.from_ocr else None}


class TargetsModel(ListModel):
    """The plan's targets: indicator, comparator, value, to, unit, field, and the superior's value; a value
    adopted from a scan and not changed yet is marked (icon, background, "từ bản quét", :data:`SCAN_NOTE`)."""

    def __init__(self, parent=None):
        super().__init__(["Chỉ tiêu", "Mức", "Giá trị", "Đến (khoảng)", "Đơn vị", "Lĩnh vực", "Cấp trên giao"],
                         parent)

    def data(self, index, role=Qt.DisplayRole):
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.EditRole):
            return [
                row.indicator,
                COMPARATOR_LABELS[row.comparator],
                "" if row.value is None else vn_number(row.value),
                "" if row.value_max is None else vn_number(row.value_max),
                row.unit or "",
                FIELD_LABELS[row.field],
                (row.superior[2] + (" · từ bản quét" if row.unchecked_scan() else "")) if row.superior else "",
            ][col]
        if role == Qt.ToolTipRole:
            if row.weaker():
                return "Thấp hơn chỉ tiêu cấp trên giao (chỉ là cảnh báo, vẫn lưu được)."
            if row.unchecked_scan() and col in (2, 3, 6):
                return SCAN_NOTE.rstrip(".") + "; dấu này mất khi sửa giá trị."
            return row.indicator if col == 0 else None
        if role == Qt.BackgroundRole and row.weaker() and col in (1, 2):
            return QColor("#fde2e1")
        if row.unchecked_scan() and col == 2:
            if role == Qt.BackgroundRole:
                return QColor(SCAN_COLOUR)
            if role == Qt.DecorationRole:
                return _scan_icon()
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base if index.column() == 6 else base | Qt.ItemIsEditable

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role != Qt.EditRole:
            return False
        row = self.rows[index.row()]
        col = index.column()
        try:
            if col == 0:
                if not str(value).strip():
                    return False
                row.indicator = str(value).strip()
            elif col == 1:
                row.comparator = value if isinstance(value, Comparator) else Comparator(value)
            elif col in (2, 3):
                number = parse_number(str(value)) if str(value).strip() else None
                setattr(row, "value" if col == 2 else "value_max", number)
            elif col == 4:
                row.unit = str(value).strip() or None
            elif col == 5:
                row.field = value if isinstance(value, Field) else Field(value)
        except ValueError:
            return False
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.headers) - 1))
        self.edited.emit()
        return True

    def insert_row(self, row: int, item: Row) -> None:
        """Put ``item`` back at index ``row`` (Ctrl+Z after a removal)."""
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, item)
        self.endInsertRows()
        self.edited.emit()

    def group_by_field(self) -> None:
        """Order the targets by field (as they print), keeping their order within a field."""
        order = list(Field)
        self.beginResetModel()
        self.rows.sort(key=lambda r: order.index(r.field))
        self.endResetModel()
        self.edited.emit()


class SuperiorModel(ListModel):
    """The targets read from the superior plan, each with a tick to adopt it.

    Likely targets come first, ticked; the candidates the extraction was unsure of (confidence below
    ``core.extraction.evidence.TICK``) follow, unticked, in grey italics, headed "Có thể là chỉ tiêu". The value
    of a target read from a scan is marked (icon, background, :data:`SCAN_NOTE`).
    """

    ticks_changed = Signal(list, list)  # ids the clerk ticked, ids the clerk unticked

    def __init__(self, parent=None):
        super().__init__(["Chọn", "Chỉ tiêu cấp trên", "Giá trị", "Lĩnh vực"], parent)
        self.ticked: list[bool] = []

    @staticmethod
    def likely(t: SuperiorTarget) -> bool:
        """Whether ``t`` is taken for a target (targets read before confidence was kept count as likely)."""
        return t.confidence is None or t.confidence >= TICK

    def set_rows(self, rows: list[SuperiorTarget], rejected: set[int] | None = None) -> None:
        """Show ``rows`` (superior targets), likely ones first and ticked unless ``rejected`` (ids the clerk
        unticked for this plan), the unsure ones after them unticked."""
        rows = sorted(rows, key=lambda t: not self.likely(t))  # stable: document order within each group
        self.ticked = [self.likely(t) and t.id not in (rejected or set()) for t in rows]
        super().set_rows(rows)

    def _set_ticks(self, ticks: list[bool]) -> None:
        on = [t.id for t, was, now in zip(self.rows, self.ticked, ticks, strict=True) if now and not was]
        off = [t.id for t, was, now in zip(self.rows, self.ticked, ticks, strict=True) if was and not now]
        self.ticked = ticks
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
        if on or off:
            self.ticks_changed.emit(on, off)

    def tick(self, which) -> None:
        """Tick the rows for which ``which(target)`` is true and untick the others (select all / none / a field)."""
        self._set_ticks([bool(which(t)) for t in self.rows])

    def untick(self, ids: list[int]) -> None:
        """Untick the targets ``ids`` (their adopted copies were removed from the plan)."""
        self._set_ticks([ticked and t.id not in ids for t, ticked in zip(self.rows, self.ticked, strict=True)])

    def tick_ids(self, ids: list[int]) -> None:
        """Tick the targets ``ids`` again."""
        self._set_ticks([ticked or t.id in ids for t, ticked in zip(self.rows, self.ticked, strict=True)])

    def unsure_count(self) -> int:
        """How many rows are only possible targets."""
        return sum(not self.likely(t) for t in self.rows)

    def data(self, index, role=Qt.DisplayRole):
        t = self.rows[index.row()]
        if role == Qt.CheckStateRole and index.column() == 0:
            return Qt.Checked if self.ticked[index.row()] else Qt.Unchecked
        if role == Qt.DisplayRole:
            label = ["", t.indicator, target_value(t) or "định tính", FIELD_LABELS[t.field]][index.column()]
            if index.column() == 1 and not self.likely(t):
                return f"Có thể là chỉ tiêu: {label}"
            return label
        if t.from_ocr and index.column() == 2:
            if role == Qt.DecorationRole:
                return _scan_icon()
            if role == Qt.BackgroundRole:
                return QColor(SCAN_COLOUR)
            if role == Qt.ToolTipRole:
                return SCAN_NOTE
        if role == Qt.ToolTipRole:
            return t.indicator if self.likely(t) else (
                "Câu này có số liệu nhưng có thể không phải chỉ tiêu (kết quả năm trước, yêu cầu chung…). "
                "Xem câu nguồn bên dưới rồi đánh dấu nếu đúng là chỉ tiêu.")
        if role == Qt.FontRole and not self.likely(t):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ForegroundRole and not self.likely(t):
            return QColor("#6b7280")
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return base | Qt.ItemIsUserCheckable if index.column() == 0 else base

    def setData(self, index, value, role=Qt.EditRole):  # noqa: N802
        if role == Qt.CheckStateRole and index.column() == 0:
            ticks = list(self.ticked)
            ticks[index.row()] = Qt.CheckState(value) == Qt.Checked
            self._set_ticks(ticks)
            return True
        return False


def highlighted_source(text: str, value: float | None) -> str:
    """HTML of a source sentence with the target's value marked, e.g. "… đạt <mark>85</mark>% …".

    The value is looked for as written in Vietnamese ("28.603,61", "8,5"); the sentence is shown plain
    when it is not found.
    """
    escaped = html.escape(text)
    if value is None:
        return escaped
    written = html.escape(vn_number(value))
    pattern = re.compile(rf"(?<![\d.,]){re.escape(written)}(?![\d]|,\d)")
    return pattern.sub(lambda m: f'<span style="background:#fde68a"><b>{m.group(0)}</b></span>', escaped, count=1)
