"""Main window and settings dialog, driven as a clerk would with pytest-qt."""

from conftest import type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from core.models import SuperiorLevel, UnitType
from core.settings import load_settings
from ui.main_window import MainWindow


def _window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_asks_for_settings_and_saves_what_was_typed(qtbot, db):
    window = _window(qtbot, db)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Kế hoạch thi đua", "Khen thưởng"]
    dialog = window.ask_settings_if_missing()
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.commune_name, "Tịnh Sơn")
    dialog.unit_type.setCurrentIndex(dialog.unit_type.findData(UnitType.TOWNSHIP))
    type_text(dialog.superior_body, "UBND tỉnh Quảng Ngãi")
    dialog.superior_level.setCurrentIndex(dialog.superior_level.findData(SuperiorLevel.PROVINCE))
    type_text(dialog.chairman_name, "Võ Văn An")
    dialog.vice_chairmen.setPlainText("Lê Thị Bé\n\nTrần Công")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Save), Qt.LeftButton)
    assert not dialog.isVisible()
    with db.session() as s:
        row = load_settings(s)
        assert (row.commune_name, row.unit_type, row.superior_level) == ("Tịnh Sơn", UnitType.TOWNSHIP,
                                                                         SuperiorLevel.PROVINCE)
        assert row.place_name == "Tịnh Sơn"  # blank place name falls back to the commune
        assert row.vice_chairmen == ["Lê Thị Bé", "Trần Công"]
    assert window.windowTitle().endswith("Thị trấn Tịnh Sơn")
    assert window.ask_settings_if_missing() is None  # second start does not ask again


def test_empty_commune_name_is_refused_with_a_message(qtbot, db):
    window = _window(qtbot, db)
    dialog = window.edit_settings()
    dialog.accept()
    assert dialog.isVisible()
    assert "Chưa nhập tên xã" in dialog.error.text()
    with db.session() as s:
        assert load_settings(s) is None


def test_window_geometry_is_remembered(qtbot, db):
    window = _window(qtbot, db)
    window.resize(760, 540)  # the offscreen screen is 800×600
    window.close()
    again = _window(qtbot, db)
    assert (again.width(), again.height()) == (760, 540)


def test_closing_the_main_window_saves_an_open_wizard(qtbot, db, monkeypatch):
    from core.demo import create_demo_data
    from core.models import Plan

    create_demo_data(db)
    window = _window(qtbot, db)
    window.plans_tab.view.selectRow(0)
    wizard = window.plans_tab.open_selected()
    wizard.info.number.setText("12")  # typed less than two seconds before closing
    window.close()
    with db.session() as s:
        assert s.get(Plan, 1).number == "12"
