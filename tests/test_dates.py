"""Dates typed as a clerk types them, in the one date field of the app (ui/date_edit.py) and its parser."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from core.dates import DateError, format_date, parse_date
from ui import dialogs
from ui.date_edit import DateEdit


@pytest.mark.parametrize("typed", ["10/01/2026", "10012026", "10-01-2026", "10.01.2026", "2026-01-10"])
def test_every_way_a_clerk_types_the_tenth_of_january(typed):
    assert parse_date(typed) == dt.date(2026, 1, 10)


def test_day_and_month_may_have_one_digit():
    assert parse_date("1/10/2026") == dt.date(2026, 10, 1)
    assert parse_date("5/3/1980") == dt.date(1980, 3, 5)


@pytest.mark.parametrize("typed", ["31/02/2026", "29/02/2025", "00/01/2026", "15/13/2026", "01/01/0001",
                                   "01/01/1800", "31/12/1899", "hôm qua", "2026"])
def test_impossible_or_unreadable_dates_are_refused(typed):
    with pytest.raises(DateError):
        parse_date(typed)


def test_the_first_day_accepted_is_1_january_1900():
    assert parse_date("01/01/1900") == dt.date(1900, 1, 1)


def test_the_last_day_accepted_is_31_december_2100_and_the_refusal_names_the_years():
    assert parse_date("31/12/2100") == dt.date(2100, 12, 31)
    with pytest.raises(DateError, match="năm phải từ 1900 đến 2100"):
        parse_date("01/01/2101")


def test_text_that_is_no_date_is_refused_with_the_form_to_type():
    with pytest.raises(DateError, match=r"«hôm qua» không phải ngày \(gõ dạng 15/03/1980\)"):
        parse_date("hôm qua")


def test_a_date_is_shown_day_first_and_no_date_as_a_blank():
    assert format_date(dt.date(1980, 3, 5)) == "05/03/1980"
    assert format_date(None) == ""


def test_what_is_typed_is_what_is_kept(qtbot):
    field = DateEdit()
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.line, "10012026")
    QTest.keyClick(field.line, Qt.Key_Tab)
    field.check()
    assert field.value() == dt.date(2026, 1, 10) and field.line.text() == "10/01/2026"
    assert not field.error.isVisible()


def test_an_impossible_date_is_refused_beside_the_field(qtbot):
    field = DateEdit()
    qtbot.addWidget(field)
    field.show()
    QTest.keyClicks(field.line, "31/02/2026")
    assert not field.check()
    assert field.error.isVisible() and "không có thật" in field.error.text()
    assert field.value() is None and field.line.text() == "31/02/2026"  # left as typed, for the clerk to fix


def test_the_calendar_speaks_vietnamese_and_picks_a_day(qtbot):
    field = DateEdit()
    qtbot.addWidget(field)
    field.show()
    field.set_value(None, suggested=dt.date(2026, 11, 1))
    calendar = field.show_calendar()
    assert calendar.locale().language() == calendar.locale().Language.Vietnamese
    assert calendar.locale().standaloneMonthName(11).lower().startswith("tháng")
    assert calendar.selectedDate().toPython() == dt.date(2026, 11, 1)
    with qtbot.waitSignal(field.changed):
        calendar.clicked.emit(calendar.selectedDate().addDays(19))
    assert field.value() == dt.date(2026, 11, 20) and not calendar.isVisible()


def _in_issue_dialog(typed: list[str], seen: list):
    """Type each of ``typed`` over the date of the real Ban hành dialog and press Ban hành (then Hủy)."""

    def answer():
        dialog = QApplication.activeModalWidget()
        field = dialog.findChild(DateEdit)
        for text in typed:
            field.line.selectAll()
            QTest.keyClicks(field.line, text)
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "Ban hành").click()
            seen.append((dialog.isVisible(), field.error.isVisible() and field.error.text()))
        if dialog.isVisible():
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "Hủy").click()

    QTimer.singleShot(0, answer)


def test_ban_hanh_keeps_the_date_typed(qtbot):
    seen = []
    _in_issue_dialog(["10/01/2026"], seen)
    assert dialogs.ask_issue(None, "05", dt.date(2026, 11, 23)) == ("05", dt.date(2026, 1, 10))


def test_ban_hanh_refuses_an_impossible_date_and_stays_open(qtbot):
    seen = []
    _in_issue_dialog(["31/02/2026", "28/02/2026"], seen)
    assert dialogs.ask_issue(None, "05", dt.date(2026, 11, 23)) == ("05", dt.date(2026, 2, 28))
    assert seen[0][0] and "không có thật" in seen[0][1]
