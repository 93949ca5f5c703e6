"""The one date field of the app: typed as a clerk types it, or picked on a Vietnamese calendar.

What was typed is what is kept: "10/01/2026", "10012026", "1/10/2026" and "2026-01-10" are read by
:func:`core.dates.parse_date`, shown back as dd/mm/yyyy once the field is left, and an impossible date
("31/02/2026") is refused by a red sentence beside the field, never silently changed into another day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.dates import EARLIEST, LATEST, DateError, format_date, parse_date

VIETNAMESE = QLocale(QLocale.Vietnamese, QLocale.Vietnam)


class DateEdit(QWidget):
    """A date field: a line to type dd/mm/yyyy (slashes optional, d/m/yyyy and ISO accepted) and a calendar button.

    ``optional``: a blank field means "no date" (``value()`` is None); otherwise a blank field is an error.
    ``changed`` fires whenever the date it holds changes (typed, picked or cleared).
    """

    changed = Signal()

    def __init__(self, optional: bool = True, parent=None):
        super().__init__(parent)
        self.optional = optional
        self.suggested: dt.date | None = None
        self.line = QLineEdit(placeholderText="ngày/tháng/năm" + (" (để trống nếu chưa có)" if optional else ""))
        self.line.setToolTip("Gõ ngày dạng 15/03/2026 (hoặc 15032026, 2026-03-15), hoặc chọn trên lịch.")
        self.button = QToolButton(text="▾", toolTip="Chọn ngày trên lịch")
        self.button.setFocusPolicy(Qt.NoFocus)
        self.button.clicked.connect(self.show_calendar)
        # An error (red) or a warning (brown) under the field, on one line: a wrapped label would not make the
        # dialog grow, and would overlap what is below it.
        self.error = QLabel(visible=False)
        self._warning = ""
        self.calendar: QCalendarWidget | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.line)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self._last: dt.date | None = None
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.check)

    def value(self) -> dt.date | None:
        """The date in the field, or None when it is blank or cannot be read (see :meth:`problem`)."""
        try:
            return parse_date(self.line.text())
        except DateError:
            return None

    def problem(self) -> str:
        """Why the field cannot be saved as it is ("" when it can): an unreadable or impossible date, or a blank
        required one."""
        try:
            day = parse_date(self.line.text())
        except DateError as exc:
            return str(exc)
        return "" if day or self.optional else "Chưa nhập ngày."

    def check(self) -> bool:
        """Show the problem beside the field (or hide it) and tidy a readable date to dd/mm/yyyy; True when the
        field can be saved."""
        problem = self.problem()
        self.show_error(problem)
        if not problem and self.line.text().strip():
            self.line.setText(format_date(self.value()))
        return not problem

    def show_error(self, message: str) -> None:
        """Show ``message`` in red under the field; "" shows the warning, if any, instead."""
        shown = message or self._warning
        self.error.setStyleSheet("color:#b00020" if message else "color:#9a3412")
        self.error.setText(shown)
        self.error.setVisible(bool(shown))

    def show_warning(self, message: str) -> None:
        """Show ``message`` in brown under the field while it holds no error: said, never refused ("" clears)."""
        self._warning = message
        if not self.problem():
            self.show_error("")

    def set_value(self, day: dt.date | None, suggested: dt.date | None = None) -> None:
        """Show ``day`` (None: blank); the calendar opens on ``day``, else on ``suggested``, else today."""
        self.suggested = suggested
        self.line.setText(format_date(day))
        self.show_error("")
        self._emit_if_changed()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt name)
        """Enable or disable the field; a disabled field shows no error."""
        super().setEnabled(enabled)
        if not enabled:
            self.show_error("")

    def show_calendar(self) -> QCalendarWidget:
        """Open the calendar (Vietnamese month and day names, weeks from Monday) under the field."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self, windowFlags=Qt.Popup)
            self.calendar.setLocale(VIETNAMESE)
            self.calendar.setFirstDayOfWeek(Qt.Monday)
            self.calendar.setGridVisible(True)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.NoVerticalHeader)
            self.calendar.setMinimumDate(EARLIEST)
            self.calendar.setMaximumDate(LATEST)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        shown = self.value() or self.suggested or dt.date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.move(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, day: QDate) -> None:
        self.line.setText(format_date(day.toPython()))
        self.show_error("")
        if self.calendar is not None:
            self.calendar.hide()
        self._emit_if_changed()
        self.line.setFocus()

    def _typed(self, _text: str) -> None:
        self.show_error("")
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        day = self.value()
        if day != self._last:
            self._last = day
            self.changed.emit()
