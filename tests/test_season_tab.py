"""The "Mùa khen thưởng" tab driven as the clerk would: vote, draft the decision, issue it, reply, search."""

import datetime as dt

import pytest
from conftest import type_text
from PySide6.QtCore import Qt

from core.models import Nomination, NominationStatus, NomineeKind
from core.nominations import NominationData, restore_nomination
from core.settings import save_settings
from ui import dialogs, season_dialogs
from ui.season_tab import SeasonTab

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def tab(qtbot, db):
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
        for name, form in [("Nguyễn Văn An", "LDTT"), ("Võ Văn Phúc", "BK_CTT"), ("Lê Thị Cúc", "LDTT")]:
            restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, form, 2026))
    widget = SeasonTab(db, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def cells(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_season_step_by_step(qtbot, tab, monkeypatch):
    def vote(parent, year, to_vote, chair, place):
        assert chair.startswith("Trần Văn Bình - Chủ tịch UBND xã Hòa Phong")
        dialog = season_dialogs.CouncilDialog(year, to_vote, chair, place, parent, today=dt.date(2026, 11, 20))
        qtbot.addWidget(dialog)
        assert all("chưa đối chiếu" in dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount()))
        dialog.secretary.setText("Bà Nguyễn Thị Hồng")
        votes = {"Nguyễn Văn An": 9, "Võ Văn Phúc": 9, "Lê Thị Cúc": 3}
        for row in range(dialog.table.rowCount()):
            dialog.votes[row].setValue(votes[dialog.table.item(row, 0).text()])
        return dialog.data()

    monkeypatch.setattr(season_dialogs, "ask_council", vote)
    assert not tab.buttons["decision"].isEnabled()
    qtbot.mouseClick(tab.buttons["council"], Qt.LeftButton)
    assert cells(tab.councils) == [["20/11/2026", "Hội trường Ủy ban nhân dân xã Hòa Phong", "9/11", "3", "2"]]
    assert "chờ quyết định của xã: 1" in tab.waiting.text() and "chờ trình cấp trên: 1" in tab.waiting.text()
    qtbot.mouseClick(tab.buttons["decision"], Qt.LeftButton)
    qtbot.mouseClick(tab.buttons["proposal"], Qt.LeftButton)
    assert [row[:4] for row in cells(tab.documents)] == [
        ["Quyết định khen thưởng", "(chưa có số)", "", "Bản nháp"],
        ["Tờ trình đề nghị khen thưởng", "(chưa có số)", "", "Bản nháp"]]
    assert cells(tab.documents)[0][4] == "1: Nguyễn Văn An"  # Lê Thị Cúc fell short of the votes

    monkeypatch.setattr(dialogs, "ask_issue", lambda parent, n, day, **kw: ("215", dt.date(2026, 11, 25)))
    tab.document_view.setCurrentIndex(tab.documents.index(0, 0))
    qtbot.mouseClick(tab.buttons["issue"], Qt.LeftButton)
    tab.document_view.setCurrentIndex(tab.documents.index(1, 0))
    qtbot.mouseClick(tab.buttons["issue"], Qt.LeftButton)
    assert [row[1:4] for row in cells(tab.documents)] == [["215/QĐ-UBND", "25/11/2026", "Đã ban hành"],
                                                           ["215/TTr-UBND", "25/11/2026", "Đã gửi"]]
    assert [r[0] for r in cells(tab.register)] == ["Nguyễn Văn An"]

    warnings = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, text: warnings.append(text))
    tab.document_view.setCurrentIndex(tab.documents.index(0, 0))
    qtbot.mouseClick(tab.buttons["delete"], Qt.LeftButton)  # an issued decision cannot be deleted
    assert warnings == ["Chỉ xóa được văn bản còn là bản nháp."] and tab.documents.rowCount() == 2

    monkeypatch.setattr(season_dialogs, "ask_reply",
                        lambda parent, rows: ([(rows[0].nomination_id, True)], "1520/QĐ-UBND", dt.date(2027, 1, 10)))
    tab.document_view.setCurrentIndex(tab.documents.index(1, 0))
    qtbot.mouseClick(tab.buttons["reply"], Qt.LeftButton)
    assert sorted(r[0] for r in cells(tab.register)) == ["Nguyễn Văn An", "Võ Văn Phúc"]
    tab.search.setText("vo van phuc")
    assert cells(tab.register) == [["Võ Văn Phúc", "Cá nhân", "", "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh",
                                    "2026", "1520/QĐ-UBND", "10/01/2027"]]


def test_a_granted_nomination_is_not_deleted_from_the_nominations_tab(qtbot, db, monkeypatch):
    from ui.nominations_tab import NominationsTab

    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", chairman_name="Trần Văn Bình")
        nid = restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn Văn An", "LDTT", 2026)).id
    from core.operations import season as ops
    from core.season import CouncilData

    ops.record_council(db, CouncilData(2026, dt.date(2026, 11, 20), "", "Ông A", "Bà B", 9, 11, {nid: 9}))
    info = ops.create_document(db, ops.DECISION, 2026)
    ops.issue_document(db, info.id, "215", dt.date(2026, 11, 25))
    tab = NominationsTab(db, today=lambda: TODAY)
    qtbot.addWidget(tab)
    warnings = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: warnings.append(text))
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert not tab.delete_selected()
    assert warnings and "215/QĐ-UBND" in warnings[0] and tab.model.rowCount() == 1


def test_a_wrong_count_keeps_the_council_dialog_open_with_every_vote(qtbot, tab):
    dialog = season_dialogs.CouncilDialog(2026, [(1, "Nguyễn Văn An", "Lao động tiên tiến", "từ 50%"),
                                                 (2, "Lê Thị Cúc", "Lao động tiên tiến", "từ 50%")],
                                          "Trần Văn Bình", "Hội trường", tab, today=dt.date(2026, 11, 20))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.secretary.setText("Nguyễn Thị Hồng")
    dialog.votes[0].setValue(10)  # 10 votes with 9 present
    dialog.votes[1].setValue(7)
    qtbot.mouseClick(dialog.findChild(season_dialogs.QDialogButtonBox).buttons()[0], Qt.LeftButton)
    assert dialog.isVisible() and dialog.result() != season_dialogs.QDialog.Accepted
    assert dialog.error.text() == "Số phiếu đồng ý không được quá số thành viên có mặt."
    assert [box.value() for box in dialog.votes] == [10, 7] and dialog.secretary.text() == "Nguyễn Thị Hồng"
    dialog.votes[0].lineEdit().selectAll()
    qtbot.keyClicks(dialog.votes[0].lineEdit(), "8")
    assert dialog.error.text() == ""  # gone as soon as the count is right
    qtbot.mouseClick(dialog.findChild(season_dialogs.QDialogButtonBox).buttons()[0], Qt.LeftButton)
    assert dialog.result() == season_dialogs.QDialog.Accepted and dialog.data().votes == {1: 8, 2: 7}


def test_a_number_already_used_is_refused_and_asked_again_with_what_was_typed(qtbot, tab, monkeypatch):
    with tab.db.session() as s:
        for name in ("Nguyễn Văn An", "Lê Thị Cúc"):
            s.query(Nomination).filter(Nomination.nominee.has(name=name)).one().status = NominationStatus.REVIEWED
    tab.refresh()
    qtbot.mouseClick(tab.buttons["decision"], Qt.LeftButton)
    asked, warnings = [], []
    answers = iter([("215", dt.date(2026, 11, 25)), ("215", dt.date(2026, 11, 26)), None])

    def ask(parent, number, day, **kw):
        asked.append((number, day))
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_issue", ask)
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: warnings.append(text))
    tab.document_view.setCurrentIndex(tab.documents.index(0, 0))
    qtbot.mouseClick(tab.buttons["issue"], Qt.LeftButton)
    with tab.db.session() as s:  # a second decision of the same year
        s.query(Nomination).filter(Nomination.nominee.has(name="Võ Văn Phúc")).one().award_form_code = "LDTT"
        s.query(Nomination).filter(Nomination.nominee.has(name="Võ Văn Phúc")).one().status = NominationStatus.REVIEWED
    tab.refresh()
    qtbot.mouseClick(tab.buttons["decision"], Qt.LeftButton)
    tab.document_view.setCurrentIndex(tab.documents.index(1, 0))
    qtbot.mouseClick(tab.buttons["issue"], Qt.LeftButton)
    assert warnings == ["Số 215/QĐ-UBND đã dùng cho một quyết định khen thưởng ban hành năm 2026; hãy dùng số khác."]
    assert asked == [("", TODAY), ("", TODAY), ("215", dt.date(2026, 11, 26))]  # asked again with what was typed
    assert [row[3] for row in cells(tab.documents)] == ["Đã ban hành", "Bản nháp"]


def test_the_threshold_column_of_the_council_dialog_is_read_in_full(qtbot, tab):
    rule = ("từ 90% số thành viên có mặt trở lên, bỏ phiếu kín (chưa đối chiếu: Nghị định 98/2023/NĐ-CP, từ 01/7/2025 "
            "Nghị định 152/2025/NĐ-CP: chưa tìm được điều, khoản quy định tỷ lệ phiếu)")
    dialog = season_dialogs.CouncilDialog(2026, [(1, "Nguyễn Văn An", "Chiến sĩ thi đua cấp tỉnh", rule)],
                                          "Trần Văn Bình", "Hội trường", tab)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowHeight(0) >= table.sizeHintForRow(0))
    assert table.columnViewportPosition(3) + table.columnWidth(3) <= table.viewport().width()  # no scrolling
    lines = table.fontMetrics().boundingRect(0, 0, table.columnWidth(3) - 8, 1000, Qt.TextWordWrap, rule).height()
    assert table.rowHeight(0) >= lines > 2 * table.fontMetrics().height()  # wrapped, every line shown


def test_a_grant_without_the_superiors_number_keeps_the_reply_dialog_open(qtbot, tab):
    rows = [season_dialogs.ItemInfo(1, "Võ Văn Phúc", "Bằng khen", "Đã trình cấp trên", "", None),
            season_dialogs.ItemInfo(2, "Lê Thị Cúc", "Bằng khen", "Đã trình cấp trên", "", None)]
    dialog = season_dialogs.ReplyDialog(rows, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choices[0].setCurrentText(season_dialogs.GRANTED)
    dialog.choices[1].setCurrentText(season_dialogs.REFUSED)
    qtbot.mouseClick(dialog.findChild(season_dialogs.QDialogButtonBox).buttons()[0], Qt.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == "Được khen thì ghi số và ngày quyết định của cấp trên."
    assert dialog.answers() == [(1, True), (2, False)]  # nothing the clerk chose is lost
    type_text(dialog.number, "1520/QĐ-UBND")
    assert dialog.error.text() == ""
    qtbot.mouseClick(dialog.findChild(season_dialogs.QDialogButtonBox).buttons()[0], Qt.LeftButton)
    assert dialog.result() == season_dialogs.QDialog.Accepted
