"""The plan wizard driven as a clerk would: create, import, adopt, edit, resume, copy."""

import datetime as dt

import pytest
from conftest import go_to, import_plan, last_plan, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from samples import TARGETS
from sqlalchemy import select

from core.drafts import wizard_page
from core.models import Comparator, Plan, PlanKind, SectionKind, Target
from core.plans import PERIOD_ERROR, section_of
from ui import dialogs
from ui.date_edit import DateEdit


def _open_editor(qtbot, view, row, column, kind):
    """Double-click a cell of ``view`` and return the editor its delegate opened (a ``kind`` widget)."""
    qtbot.waitExposed(view.window())
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())  # QTest's double-click needs the press
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    editor = view.viewport().findChild(kind)
    assert editor is not None and editor.isVisible()
    return editor


def test_create_import_adopt_edit_finish(qtbot, db, tab, superior, monkeypatch):
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    go_to(wizard, 2)
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: superior)
    with qtbot.waitSignal(wizard.targets.import_finished, timeout=30_000):
        qtbot.mouseClick(wizard.targets.open_button, Qt.LeftButton)
    assert wizard.targets.superior.rowCount() == len(TARGETS)
    wizard.targets.superior.setData(wizard.targets.superior.index(1, 0), Qt.Unchecked, Qt.CheckStateRole)
    qtbot.mouseClick(wizard.targets.adopt_button, Qt.LeftButton)
    assert wizard.targets.model.rowCount() == len(TARGETS) - 1
    model = wizard.targets.model
    assert wizard.targets.scan_note.isHidden() and model.data(model.index(0, 6)) == "khoảng 28.603,61 tỷ đồng"
    assert model.setData(model.index(0, 2), "30.000,5")  # the commune raises the first target
    go_to(wizard, 8)
    # a province-scale amount in a commune plan blocks Ban hành until the clerk changes or confirms it
    assert [wizard.preview.problems.item(i).text() for i in range(wizard.preview.problems.count())] == [
        "Chỉ tiêu «Tổng giá trị sản xuất» có vẻ số tiền ở quy mô tỉnh: sửa cho phù hợp với xã, hoặc chọn chỉ tiêu "
        "đó ở bước 3 và bấm «Xác nhận đúng cho xã»."]
    go_to(wizard, 2)
    wizard.targets.view.selectRow(0)
    qtbot.mouseClick(wizard.targets.confirm_button, Qt.LeftButton)
    go_to(wizard, 8)
    assert wizard.preview.problems.count() == 0
    shown = " ".join(p.text for p in wizard.preview.layout_shown.body)
    assert "Tổng giá trị sản xuất khoảng 30.000,5 tỷ đồng" in shown
    assert wizard.preview.preview.pageCount() >= 2  # the printed pages themselves
    wizard.button(wizard.WizardButton.FinishButton).click()
    with db.session() as s:
        plan = s.scalars(select(Plan)).one()
        assert len(plan.targets) == len(TARGETS) - 1
        first = plan.targets[0]
        assert (first.indicator, first.value, first.comparator) == ("Tổng giá trị sản xuất", 30000.5, Comparator.APPROX)
        assert first.derived_from.value == 28603.61
        assert first.derived_from.superior_document.file_name == "ke-hoach-huyen.docx"
        assert all(t.derived_from_id for t in plan.targets)
        assert "Tốc độ tăng trưởng tổng giá trị sản phẩm trên địa bàn" not in [t.indicator for t in plan.targets]
        assert [b.doc_type for b in plan.legal_bases[:2]] == ["Luật", "Nghị định"]  # the standing căn cứ first
        basis = plan.legal_bases[2]  # the imported plan became a căn cứ, read from its header
        assert (basis.number, basis.issuer, basis.issue_date.isoformat()) == ("21/KH-UBND", "UBND huyện Bình Sơn",
                                                                              "2025-02-03")


def test_weaker_target_is_warned_not_blocked(qtbot, db, tab, superior):
    wizard = tab.create()
    go_to(wizard, 2)
    assert import_plan(wizard.targets, superior)
    wizard.targets.adopt_rows([0])
    assert "Thấp hơn" not in wizard.targets.warnings.text()
    assert f"năm 2025, kế hoạch này là năm {last_plan(db).year}" in wizard.targets.warnings.text()
    editor = _open_editor(qtbot, wizard.targets.view, 0, 2, QLineEdit)  # double-click the value cell
    editor.selectAll()
    QTest.keyClicks(editor, "20.000")
    QTest.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible())  # the delegate commits on the next turn of the event loop
    assert "Tổng giá trị sản xuất" in wizard.targets.warnings.text()
    wizard.next()
    assert wizard.currentId() == 3
    assert last_plan(db) is not None
    with db.session() as s:
        assert s.scalars(select(Target).where(Target.plan_id.is_not(None))).one().value == 20000


def test_unreadable_superior_file_says_why(qtbot, db, tab, tmp_path, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 2)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    messages = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: messages.append(text))
    assert not import_plan(wizard.targets, str(bad))
    assert messages and "PDF" in messages[0]


def test_an_import_runs_behind_a_progress_dialog_that_can_cancel_it(qtbot, db, tab, superior, monkeypatch):
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    wizard = tab.create()
    go_to(wizard, 2)
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: pytest.fail(text))
    with qtbot.waitSignal(wizard.targets.import_finished) as finished:
        wizard.targets.import_file(superior)
        progress = wizard.targets.findChild(QProgressDialog)
        assert progress is not None and progress.labelText().startswith("Đang đọc «ke-hoach-huyen.docx»")
        cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy")
        qtbot.mouseClick(cancel, Qt.LeftButton)  # before the worker is done
    assert finished.args == [False]
    QThreadPool.globalInstance().waitForDone()
    qtbot.wait(50)  # the worker's late result arrives and is dropped
    assert wizard.targets.superior.rowCount() == 0
    assert import_plan(wizard.targets, superior)  # the clerk tries again and lets it finish
    assert wizard.targets.superior.rowCount() == len(TARGETS)


def test_closing_midway_loses_nothing_and_resumes(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 1)
    wizard.basis.theme.setPlainText("Đoàn kết, sáng tạo, về đích sớm")
    go_to(wizard, 3)
    wizard.pages[3].purpose.setPlainText("Mục đích thứ nhất\nMục đích thứ hai")
    wizard.close()
    plan = last_plan(db)
    with db.session() as s:
        page = wizard_page(s, plan.id)
    assert plan.theme == "Đoàn kết, sáng tạo, về đích sớm" and page == 3
    again = tab.open_plan(plan.id)
    qtbot.waitExposed(again)
    assert again.currentId() == 3
    assert again.pages[3].purpose.toPlainText() == "Mục đích thứ nhất\nMục đích thứ hai"
    again.back()
    assert again.currentId() == 2  # resuming keeps Back working


def test_autosave_after_typing(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 1)
    wizard.saved_at.setText("")
    wizard.basis.theme.setPlainText("Chủ đề lưu tự động")
    qtbot.waitUntil(lambda: last_plan(db).theme == "Chủ đề lưu tự động", timeout=5000)
    assert wizard.saved_at.isVisible() and wizard.saved_at.text().startswith("Đã lưu lúc ")  # said beside the steps


def test_back_and_next_keep_values(qtbot, db, tab):
    wizard = tab.create()
    QTest.keyClicks(wizard.info.number, "07")
    go_to(wizard, 4)
    go_to(wizard, 0)
    assert wizard.info.number.text() == "07"


def test_required_title_blocks_next(qtbot, db, tab):
    wizard = tab.create()
    wizard.info.title_edit.setPlainText("")
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.info.reset_title()
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()


def test_copy_to_next_year(qtbot, db, tab, superior, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 2)
    import_plan(wizard.targets, superior)
    wizard.targets.adopt_ticked()
    wizard.info.number.setText("05")
    wizard.close()
    source = last_plan(db)
    tab.model.refresh()
    tab.view.selectRow(0)
    copy = tab.copy_selected()
    with db.session() as s:
        new = s.get(Plan, copy.plan_id)
        assert (new.year, new.number, new.issue_date) == (source.year + 1, None, None)
        assert str(source.year + 1) in new.title
        assert [t.indicator for t in new.targets] == [t.indicator for t in s.get(Plan, source.id).targets]
        assert all(t.derived_from_id for t in new.targets) and not new.superior_documents  # imported anew
        assert [b.doc_type for b in new.legal_bases] == ["Luật", "Nghị định"]  # the standing căn cứ stay
        purpose = section_of(new, SectionKind.PURPOSE).body
        assert str(source.year + 1) in purpose and str(source.year) not in purpose
        assert new.award_deadline == dt.date(source.year + 1, 11, 15)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: asked.append(question) or False)
    tab.model.refresh()
    tab.select(source.id)
    assert tab.copy_selected() is None and f"Đã có 1 kế hoạch năm {source.year + 1}" in asked[0]


def test_delete_draft_asks_first(qtbot, db, tab, monkeypatch):
    tab.create().close()
    tab.model.refresh()
    tab.view.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, q: False)
    assert not tab.delete_selected()
    monkeypatch.setattr(dialogs, "confirm", lambda parent, q: True)
    assert tab.delete_selected()
    assert tab.model.rowCount() == 0


def test_issue_from_the_wizard_freezes_the_plan(qtbot, db, tab, superior, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 2)
    import_plan(wizard.targets, superior)
    wizard.targets.adopt_ticked()
    wizard.targets.view.selectRow(0)
    wizard.targets.confirm_scope()  # the district's amount, kept as the commune's on purpose
    go_to(wizard, 8)
    monkeypatch.setattr(dialogs, "ask_issue", lambda parent, n, day: ("3", day))
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    qtbot.mouseClick(wizard.preview.issue_button, Qt.LeftButton)
    with db.session() as s:
        plan = s.get(Plan, wizard.plan_id)
        assert (plan.status.value, plan.number) == ("issued", "03") and plan.issue_date is not None
    assert wizard.read_only and not wizard.targets.add_button.isEnabled()
    go_to(wizard, 0)
    assert wizard.info.number.text() == "03" and not wizard.info.number.isEnabled()
    wizard.info.number.setText("99")  # even if changed programmatically, an issued plan is not written
    wizard.save()
    with db.session() as s:
        assert s.get(Plan, wizard.plan_id).number == "03"
    wizard.close()
    tab.model.refresh()
    tab.view.selectRow(0)
    revision = tab.revise_selected()
    with db.session() as s:
        new = s.get(Plan, revision.plan_id)
        assert (new.version, new.revises_id, new.status.value) == (2, wizard.plan_id, "draft")
    assert not revision.read_only


def test_a_double_click_on_a_problem_goes_to_the_step_that_fixes_it(qtbot, db, tab):
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    go_to(wizard, 8)
    problems = wizard.preview.problems
    row = next(i for i in range(problems.count()) if problems.item(i).text() == "Chưa có chỉ tiêu thi đua nào.")
    rect = problems.visualItemRect(problems.item(row))
    qtbot.mouseClick(problems.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.mouseDClick(problems.viewport(), Qt.LeftButton, pos=rect.center())
    assert wizard.currentPage() is wizard.targets


def test_issue_is_refused_while_something_is_missing(qtbot, db, tab, monkeypatch):
    wizard = tab.create()
    go_to(wizard, 8)
    assert "Chưa có chỉ tiêu thi đua nào." in [wizard.preview.problems.item(i).text()
                                              for i in range(wizard.preview.problems.count())]
    warnings = []
    monkeypatch.setattr(dialogs, "ask_issue", lambda parent, n, day: ("4", day))
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: warnings.append(text))
    wizard.issue_plan()
    assert warnings and "Chưa có chỉ tiêu" in warnings[0]
    with db.session() as s:
        assert s.get(Plan, wizard.plan_id).status.value == "draft"


def test_unsure_candidates_are_listed_unticked_and_the_source_is_highlighted(qtbot, db, tab, tmp_path):
    superior = tmp_path / "bao-cao-huyen.txt"
    superior.write_text(
        "Năm 2026, thu ngân sách trên địa bàn huyện ước thực hiện 410 tỷ đồng.\n\n"
        "Năm 2027, huyện phấn đấu thu ngân sách đạt 450 tỷ đồng; tỷ lệ hộ nghèo giảm còn 1,2%.\n", encoding="utf-8")
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    go_to(wizard, 2)
    page = wizard.targets
    assert import_plan(page, str(superior))
    rows = [(page.superior.data(page.superior.index(r, 1)), page.superior.ticked[r]) for r in range(3)]
    assert rows == [("Thu ngân sách", True), ("Tỷ lệ hộ nghèo", True),
                    ("Có thể là chỉ tiêu: Thu ngân sách trên địa bàn huyện", False)]
    assert "1 câu có thể là chỉ tiêu" in page.superior_label.text()
    page.superior_view.setCurrentIndex(page.superior.index(0, 1))
    assert "<b>450</b>" in page.source.text() and "phấn đấu" in page.source.text()
    qtbot.mouseClick(page.adopt_button, Qt.LeftButton)
    assert [r.value for r in page.model.rows] == [450, 1.2]


def test_comparator_chosen_in_the_table_editor(qtbot, db, tab, superior):
    wizard = tab.create()
    go_to(wizard, 2)
    import_plan(wizard.targets, superior)
    wizard.targets.adopt_rows([3])  # Tỷ lệ che phủ rừng đạt 35,6%
    combo = _open_editor(qtbot, wizard.targets.view, 0, 1, QComboBox)
    combo.setCurrentIndex(combo.findText("từ … trở lên"))
    QTest.keyClick(combo, Qt.Key_Return)
    qtbot.waitUntil(lambda: not combo.isVisible())
    wizard.save()
    with db.session() as s:
        assert s.scalars(select(Target).where(Target.plan_id.is_not(None))).one().comparator is Comparator.GE


def test_the_steps_are_listed_and_a_click_goes_there(qtbot, db, tab):
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    assert wizard.steps.count() == 9 and wizard.steps.currentRow() == 0
    assert "năm" in wizard.windowTitle() and "bản" not in wizard.windowTitle()
    wizard.steps.itemClicked.emit(wizard.steps.item(5))
    assert wizard.currentId() == 5 and wizard.steps.currentRow() == 5
    wizard.steps.itemClicked.emit(wizard.steps.item(1))
    assert wizard.currentId() == 1


def test_choosing_superior_targets_all_none_or_by_field(qtbot, db, tab, superior):
    from core.models import Field

    wizard = tab.create()
    go_to(wizard, 2)
    page = wizard.targets
    import_plan(page, superior)
    page.select_none.click()
    page.adopt_ticked()
    assert page.model.rowCount() == 0 and "Chưa chọn" in page.adopted.text()
    page.select_field.activated.emit(page.select_field.findData(Field.ENVIRONMENT))
    ticked = [t for t, on in zip(page.superior.rows, page.superior.ticked, strict=True) if on]
    assert ticked and all(t.field is Field.ENVIRONMENT for t in ticked)
    page.adopt_ticked()
    assert page.adopted.text() == f"Đã đưa {len(ticked)} chỉ tiêu vào kế hoạch của xã."
    page.select_all.click()
    page.adopt_ticked()
    assert page.model.rowCount() == len(TARGETS)
    assert f"({len(ticked)} chỉ tiêu đã có từ trước)" in page.adopted.text()


def test_new_plan_dossier_deadline_is_in_the_plan_year(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 5)
    plan = last_plan(db)
    assert plan.award_deadline == dt.date(plan.year, 11, 15)


@pytest.mark.parametrize("how", ["Ban hành", "Esc"])
def test_the_issue_dialog_offers_the_date_and_says_the_plan_freezes(qtbot, how):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        seen["note"] = " ".join(label.text() for label in dialog.findChildren(QLabel))
        seen["date"] = dialog.findChild(DateEdit).value()
        dialog.findChild(QLineEdit).setText("07")
        if how == "Esc":
            QTest.keyClick(dialog, Qt.Key_Escape)
        else:
            next(b for b in dialog.findChildren(QPushButton) if b.text() == "Ban hành").click()

    QTimer.singleShot(0, answer)
    result = dialogs.ask_issue(None, "", dt.date(2026, 11, 23))
    assert "không sửa được nữa" in seen["note"] and seen["date"] == dt.date(2026, 11, 23)
    assert result == (("07", dt.date(2026, 11, 23)) if how == "Ban hành" else None)


def test_award_lines_say_who_gives_what_to_whom_once(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 5)
    page = wizard.pages[5]
    page.text.setPlainText("")
    names = [page.forms.item(i).data(Qt.UserRole).granting_level for i in range(page.forms.count())]
    assert names == sorted(names, key=lambda level: ["commune", "district", "province", "central"].index(level))

    def tick(code):
        item = next(page.forms.item(i) for i in range(page.forms.count())
                    if page.forms.item(i).data(Qt.UserRole).code == code)
        item.setCheckState(Qt.Checked)

    for code in ("LDTT", "BK_CTT"):
        tick(code)
    page.insert_forms()
    tick("LDTT")
    page.insert_forms()  # ticked again: not repeated
    lines = page.text.toPlainText().splitlines()
    assert lines == [
        "Chủ tịch Ủy ban nhân dân xã Bình Hải tặng danh hiệu “Lao động tiên tiến” cho các cá nhân đạt tiêu chuẩn.",
        "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể, cá nhân đạt tiêu chuẩn.",
    ]


def test_the_superior_deadlines_reach_the_award_and_organisation_pages(qtbot, db, tab, tmp_path):
    year = dt.date.today().year + 1
    plan_file = tmp_path / "ke-hoach-tinh.txt"
    plan_file.write_text(f"""ỦY BAN NHÂN DÂN
TỈNH ĐẮK LÂM
Số: 12/KH-UBND
Đắk Lâm, ngày 20 tháng 01 năm {year}
KẾ HOẠCH
Phát động phong trào thi đua năm {year}

II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
2. Chỉ tiêu thi đua
- Tỷ lệ hộ nghèo giảm còn dưới 2%;
- Tỷ lệ tham gia bảo hiểm y tế đạt 96%.
III. TỔ CHỨC THỰC HIỆN
Ủy ban nhân dân các xã gửi kế hoạch về Sở Nội vụ trước ngày 15/3/{year}; gửi hồ sơ đề nghị khen thưởng trước
ngày 15/12/{year}. Các sở gửi báo cáo năm trước ngày 15/3/2020.
""", encoding="utf-8")
    wizard = tab.create()
    go_to(wizard, 2)
    assert import_plan(wizard.targets, plan_file)
    assert f"15/12/{year}" in wizard.targets.superior_label.text()
    assert wizard.award.deadline.value() == dt.date(year, 12, 5)  # ten days to compile the dossiers
    assert f"trước ngày 15/12/{year}" in wizard.award.superior_note.text()
    days = [row[2] for row in wizard.organisation.model.rows]
    assert days.count(dt.date(year, 3, 15)) == 1 and days.count(dt.date(year, 12, 15)) == 1
    assert dt.date(2020, 3, 15) not in days  # a date already past is not an assignment
    go_to(wizard, 8)
    with db.session() as s:
        plan = s.get(Plan, wizard.plan_id)
        assert plan.award_deadline == dt.date(year, 12, 5)
        assert any(a.deadline == dt.date(year, 12, 15) and "khen thưởng" in a.task for a in plan.assignments)


def test_a_deadline_typed_wrong_in_the_table_is_refused_with_the_reason_beside_it(qtbot, db, tab):
    wizard = tab.create()
    go_to(wizard, 6)
    page = wizard.organisation
    page.add.click()
    row = page.model.rowCount() - 1
    before = page.model.rows[row][2]

    def said() -> list[str]:
        return [label.text() for label in page.findChildren(QLabel) if "31/02/2026" in
                label.text()]

    editor = _open_editor(qtbot, page.table, row, 2, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "31/02/2026")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: said() == ["Ngày «31/02/2026» không có thật."])  # committed on the next turn of the loop
    assert page.model.rows[row][2] == before  # kept, never moved to another day
    qtbot.waitUntil(lambda: page.table.viewport().findChild(QLineEdit) is None)  # the old editor is gone
    editor = _open_editor(qtbot, page.table, row, 2, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "15122026")
    qtbot.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.model.rows[row][2] == dt.date(2026, 12, 15))
    assert said() == []
    assert page.table.columnWidth(2) > page.table.fontMetrics().horizontalAdvance("15/12/2026")  # shown whole


def _type_year(wizard, year: int) -> None:
    """Type ``year`` into page 1's Năm as the clerk does (select the old one, type over it)."""
    spin = wizard.info.year
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, str(year))
    QTest.keyClick(spin, Qt.Key_Tab)


def _problems(wizard) -> list[str]:
    return [wizard.preview.problems.item(i).text() for i in range(wizard.preview.problems.count())]


def test_changing_the_year_moves_every_default_and_points_at_edited_texts(qtbot, db, tab, superior):
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    old = wizard.draft.year
    new = old - 1
    go_to(wizard, 2)
    assert import_plan(wizard.targets, superior)  # the superior plan of 2025
    go_to(wizard, 0)
    _type_year(wizard, new)
    assert str(new) in wizard.windowTitle() and str(old) not in wizard.windowTitle()
    assert wizard.info.title_edit.toPlainText().endswith(f"năm {new}")
    go_to(wizard, 8)
    with db.session() as s:
        plan = s.get(Plan, wizard.plan_id)
        assert plan.award_deadline == dt.date(new, 11, 15)
        purpose = section_of(plan, SectionKind.PURPOSE).body
        assert f"năm {new}" in purpose and str(old) not in purpose
    assert f"kế hoạch này là năm {new}" in wizard.targets.warnings.text()
    # a text the clerk wrote is never rewritten; page 1 says it still speaks of the former year
    go_to(wizard, 3)
    wizard.purpose.purpose.setPlainText(f"Hoàn thành các chỉ tiêu năm {new} của xã.")
    go_to(wizard, 0)
    _type_year(wizard, new + 1)
    assert wizard.purpose.purpose.toPlainText() == f"Hoàn thành các chỉ tiêu năm {new} của xã."
    assert "Mục đích" in wizard.info.stale.text() and str(new + 1) in wizard.info.stale.text()
    assert wizard.info.title_edit.toPlainText().endswith(f"năm {new + 1}")


def test_a_campaign_is_a_plan_of_its_own(qtbot, db, tab, monkeypatch):
    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.CAMPAIGN)
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    year = wizard.draft.year
    assert "đợt thi đua" in wizard.windowTitle()
    wizard.info.campaign_start.set_value(dt.date(year, 9, 1))
    wizard.info.campaign_end.set_value(dt.date(year, 10, 31))
    go_to(wizard, 5)
    assert wizard.award.deadline.value() == dt.date(year, 11, 10)  # after the campaign, not 15/11 by habit
    assert "trong đợt thi đua" in wizard.award.text.toPlainText()
    go_to(wizard, 8)
    shown = [p.text for p in wizard.preview.layout_shown.body]
    assert shown[-1].startswith(f"Trên đây là Kế hoạch phát động đợt thi đua từ ngày 01 tháng 9 năm {year} đến "
                                f"ngày 31 tháng 10 năm {year} của Ủy ban nhân dân xã Bình Hải")
    assert _problems(wizard) == []  # a campaign may have no numeric target
    go_to(wizard, 5)
    wizard.award.deadline.set_value(dt.date(year, 10, 1))
    go_to(wizard, 8)
    assert any("trước ngày kết thúc đợt thi đua" in p for p in _problems(wizard))


def _retype(edit: DateEdit, text: str) -> None:
    """Select what a date field holds and type ``text`` over it, as the clerk does."""
    edit.line.setFocus()
    edit.line.selectAll()
    type_text(edit.line, text)


def test_a_new_campaign_proposes_a_period_and_refuses_one_that_does_not_end_after_it_starts(
        qtbot, db, tab, monkeypatch):
    from core.defaults import campaign_period

    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.CAMPAIGN)
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    year, info = wizard.draft.year, wizard.info
    start, end = info.campaign_start.value(), info.campaign_end.value()
    assert (start, end) == campaign_period(year, dt.date.today())  # not 01/01 → 01/01
    assert start < end and start.year == end.year == year
    _retype(info.campaign_end, f"{start:%d/%m/%Y}")  # ends the day it starts
    wizard.next()
    assert wizard.currentId() == 0
    assert info.campaign_end.error.isVisible() and info.campaign_end.error.text() == PERIOD_ERROR
    _retype(info.campaign_start, f"01/06/{year}")
    _retype(info.campaign_end, f"01/05/{year}")  # ends before it starts
    wizard.next()
    assert wizard.currentId() == 0 and info.campaign_end.error.text() == PERIOD_ERROR
    _retype(info.campaign_end, f"31/08/{year}")
    assert not info.campaign_end.error.isVisible()  # gone as soon as the clerk corrects it
    wizard.next()
    assert wizard.currentId() == 1
    wizard.close()


@pytest.mark.parametrize("year, today, period", [
    (2027, dt.date(2026, 11, 29), (dt.date(2027, 1, 1), dt.date(2027, 3, 31))),  # next year's: from 1 January
    (2026, dt.date(2026, 3, 15), (dt.date(2026, 3, 15), dt.date(2026, 6, 14))),  # this year's: from today
    (2026, dt.date(2026, 11, 29), (dt.date(2026, 11, 29), dt.date(2026, 12, 31))),  # cut at the year's end
    (2026, dt.date(2026, 12, 31), (dt.date(2026, 12, 1), dt.date(2026, 12, 31))),  # never a one-day period
])
def test_the_default_campaign_period_lies_in_its_year(year, today, period):
    from core.defaults import campaign_period

    assert campaign_period(year, today) == period


def test_a_campaign_period_left_at_its_default_follows_the_year(qtbot, db, tab, monkeypatch):
    from core.defaults import campaign_period

    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.CAMPAIGN)
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    year, info = wizard.draft.year, wizard.info
    _type_year(wizard, year + 1)
    assert (info.campaign_start.value(), info.campaign_end.value()) == campaign_period(year + 1, dt.date.today())
    _retype(info.campaign_start, f"01/09/{year + 1}")
    _retype(info.campaign_end, f"31/10/{year + 1}")
    _type_year(wizard, year + 2)  # a period the clerk chose stays
    assert (info.campaign_start.value(), info.campaign_end.value()) == (dt.date(year + 1, 9, 1),
                                                                        dt.date(year + 1, 10, 31))
    wizard.close()


def test_a_second_annual_plan_of_a_year_is_asked_first(qtbot, db, tab, monkeypatch):
    tab.create().close()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: asked.append(question) or False)
    assert tab.create() is None and "Đã có kế hoạch năm" in asked[0]
    tab.model.refresh()
    assert tab.model.rowCount() == 1


def test_superior_plans_belong_to_their_plan_and_rejected_targets_stay_rejected(qtbot, db, tab, superior,
                                                                                 monkeypatch):
    wizard = tab.create()
    go_to(wizard, 2)
    assert import_plan(wizard.targets, superior)
    page = wizard.targets
    page.superior.setData(page.superior.index(1, 0), Qt.Unchecked, Qt.CheckStateRole)  # the clerk unticks one
    page.adopt_ticked()
    assert page.model.rowCount() == len(TARGETS) - 1
    wizard.close()
    first = last_plan(db)
    tab.model.refresh()
    tab.select(first.id)
    wizard = tab.open_selected()
    page = wizard.targets
    assert page.superior.ticked[1] is False  # still rejected on reopening
    page.adopt_ticked()
    assert page.model.rowCount() == len(TARGETS) - 1  # "Đưa…" does not add it back
    wizard.close()
    # a campaign plan does not show the annual plan's superior plan
    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.CAMPAIGN)
    campaign = tab.create()
    assert campaign.targets.superior.rowCount() == 0 and campaign.targets.documents.count() == 0
    campaign.close()
    # next year's copy keeps its targets' links: adopting the same superior plan again doubles nothing
    tab.model.refresh()
    tab.select(first.id)
    copy = tab.copy_selected()
    page = copy.targets
    assert page.superior.rowCount() == 0
    assert import_plan(page, superior)
    page.select_all.click()
    page.adopt_ticked()
    assert page.model.rowCount() == len(TARGETS)
    assert "đã có từ trước" in page.adopted.text()
    assert f"là của năm 2025, kế hoạch này là năm {first.year + 1}" in page.warnings.text()


def test_the_same_indicator_adopted_twice_is_flagged(qtbot, db, tab, superior):
    wizard = tab.create()
    go_to(wizard, 2)
    page = wizard.targets
    assert import_plan(page, superior)
    page.adopt_rows([0])
    page.add_own()
    page.model.setData(page.model.index(1, 0), "Tổng giá trị sản xuất")
    assert "Chỉ tiêu trùng nhau" in page.warnings.text() and "Tổng giá trị sản xuất" in page.warnings.text()


def _adopted_page(qtbot, tab, superior):
    """Page 3 of a new plan with every target of the superior plan adopted, and how many there are."""
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    go_to(wizard, 2)
    page = wizard.targets
    assert import_plan(page, superior)
    page.adopt_ticked()
    return page, page.model.rowCount()


def test_delete_key_asks_and_ctrl_z_brings_the_targets_back(qtbot, db, tab, superior, monkeypatch):
    page, count = _adopted_page(qtbot, tab, superior)
    page.view.setFocus()
    page.view.selectRow(0)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: asked.append(question) or False)
    QTest.keyClick(page.view, Qt.Key_Delete)
    assert asked and "Tổng giá trị sản xuất" in asked[0] and page.model.rowCount() == count  # refused: kept
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: True)
    QTest.keyClick(page.view, Qt.Key_Delete)
    assert page.model.rowCount() == count - 1 and page.superior.ticked[0] is False
    QTest.keySequence(page.view, QKeySequence.Undo)
    assert page.model.rowCount() == count and page.model.rows[0].indicator == "Tổng giá trị sản xuất"


def test_ctrl_z_after_the_xoa_button_brings_the_target_back(qtbot, db, tab, superior, monkeypatch):
    page, count = _adopted_page(qtbot, tab, superior)
    page.view.selectRow(0)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: True)
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    assert page.model.rowCount() == count - 1
    page.remove_button.setFocus()  # the focus stays on the button just clicked
    QTest.keySequence(page.remove_button, QKeySequence.Undo)
    assert page.model.rowCount() == count and page.model.rows[0].indicator == "Tổng giá trị sản xuất"


def test_a_superior_plan_imported_by_mistake_is_taken_off_with_its_basis(qtbot, db, tab, superior, tmp_path,
                                                                          monkeypatch):
    wrong = tmp_path / "nham.txt"
    wrong.write_text("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LÂM\nSố: 9/KH-UBND\nĐắk Lâm, ngày 02 tháng 01 năm 2020\nKẾ HOẠCH\n"
                     "Phát động phong trào thi đua năm 2020\n- Tỷ lệ hộ nghèo giảm còn dưới 3%.\n", encoding="utf-8")
    wizard = tab.create()
    go_to(wizard, 2)
    page = wizard.targets
    assert import_plan(page, superior)
    page.adopt_ticked()
    adopted = page.model.rowCount()
    assert import_plan(page, wrong)
    assert "năm 2020" in page.warnings.text() and len(wizard.basis.model.rows) == 4
    monkeypatch.setattr(dialogs, "confirm", lambda parent, question, **k: "nham.txt" in question)
    qtbot.mouseClick(page.drop_button, Qt.LeftButton)
    assert "năm 2020" not in page.warnings.text() and "ke-hoach-huyen.docx" in page.superior_label.text()
    assert page.model.rowCount() == adopted  # what was adopted stays
    assert [row[1] for row in wizard.basis.model.rows if row[1] == "9/KH-UBND"] == []
    wizard.close()
    reopened = tab.open_plan(wizard.plan_id)
    assert [d.file_name for d in reopened.targets._documents] == ["ke-hoach-huyen.docx"]


def test_a_renamed_commune_reaches_the_revision_and_next_years_copy(qtbot, db, tab, superior, monkeypatch):
    from ui.settings_dialog import SettingsDialog

    wizard = tab.create()
    go_to(wizard, 2)
    assert import_plan(wizard.targets, superior)
    wizard.targets.adopt_ticked()
    wizard.targets.view.selectRow(0)
    wizard.targets.confirm_scope()
    go_to(wizard, 8)
    monkeypatch.setattr(dialogs, "ask_issue", lambda parent, n, day: ("3", day))
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    wizard.issue_plan()
    wizard.close()
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.commune_name.clear()
    type_text(dialog.commune_name, "Bình Hải Đông")
    dialog.place_name.clear()
    type_text(dialog.place_name, "Bình Hải Đông")
    dialog.accept()
    issued = last_plan(db)
    for action in (tab.revise_selected, tab.copy_selected):
        tab.model.refresh()
        tab.select(issued.id)
        new = action()
        assert new.info.place.text() == "Bình Hải Đông"
        assert "xã Bình Hải Đông" in new.info.title_edit.toPlainText()
        assert "Bình Hải Đông" in new.organisation.recipients.toPlainText()
        new.close()
    with db.session() as s:  # the issued plan keeps what it was issued with
        assert "xã Bình Hải Đông" not in s.get(Plan, issued.id).title


def test_the_issue_dialog_keeps_an_empty_number_open_with_the_reason(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        ban_hanh = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Ban hành")
        ban_hanh.click()  # no number yet
        seen["open"] = dialog.isVisible()
        seen["said"] = [label.text() for label in dialog.findChildren(QLabel) if "số nguyên dương" in label.text()]
        type_text(dialog.findChild(QLineEdit), "7")
        seen["after"] = [label.text() for label in dialog.findChildren(QLabel) if "số nguyên dương" in label.text()]
        ban_hanh.click()

    QTimer.singleShot(0, answer)
    assert dialogs.ask_issue(None, "", dt.date(2026, 11, 23)) == ("7", dt.date(2026, 11, 23))
    assert seen["open"] and seen["said"] == ["Số văn bản phải là số nguyên dương, ví dụ 05."]
    assert seen["after"] == []  # the red text went as soon as the number was right


def test_the_settings_error_goes_as_soon_as_the_name_is_typed(qtbot, db):
    from ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "Chưa nhập tên" in dialog.error.text()
    type_text(dialog.commune_name, "Bình Hải")
    assert dialog.error.text() == ""


def test_after_the_wizard_closes_its_plan_stays_selected(qtbot, db, tab):
    first = tab.create()
    first.close()
    tab.view.clearSelection()
    tab.select(first.plan_id)
    wizard = tab.open_selected()
    tab.view.clearSelection()
    wizard.close()
    assert tab.selected_id() == wizard.plan_id


def test_a_read_only_window_offers_no_new_plan(qtbot, db, tmp_path, monkeypatch):
    from core.db import Database
    from ui.plans_tab import PlansTab

    db.close()
    viewer = Database(db.path, read_only=True)
    try:
        tab = PlansTab(viewer)
        qtbot.addWidget(tab)
        assert not tab.buttons["new"].isEnabled()
    finally:
        viewer.close()


def test_file_dialogs_start_in_an_existing_folder_of_their_purpose(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda kind: str(tmp_path / "Documents"))  # not there
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda parent, title, start, filters: asked.append(start)
                        or (str(tmp_path / "in" / "ke-hoach.docx"), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, filters: asked.append(start)
                        or ("", ""))
    dialogs._folders().clear()
    dialogs.ask_open_file(None, "Mở", "*")
    assert asked[-1] == str(dialogs.Path.home())  # never ".../Documents", which a dialog takes for a file name
    (tmp_path / "out").mkdir()
    (tmp_path / "in").mkdir()
    dialogs._folders().setValue("export", str(tmp_path / "out"))
    dialogs.ask_open_file(None, "Mở", "*")
    dialogs.ask_save_file(None, "Lưu", "Ke-hoach.docx", "*.docx")
    assert asked[-1] == str(tmp_path / "out" / "Ke-hoach.docx")  # the export folder, not the import one
