"""Shared fixtures: a fresh database file per test, Qt offscreen; test inputs are made in tests/samples.py."""

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program's log and remembered folders go to folders of the test run, not the user's (subprocesses inherit).
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="thidua-tests-state-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="thidua-tests-config-")  # remembered folders

ROOT = Path(__file__).resolve().parent.parent


# Modules whose caches hold what the value rules (core.extraction.values) found in a clause.
_VALUE_CACHES = ("core.extraction.values", "core.extraction.evidence")


@pytest.fixture(autouse=True)
def _values_read_afresh():
    """Each test reads its clauses afresh: the caches of the value rules are emptied before it, so no test passes
    on what another one computed, and mutation testing (``[tool.mutmut]``) sees every test that runs a rule."""
    for name in _VALUE_CACHES:
        module = sys.modules.get(name)
        for obj in vars(module).values() if module else ():
            if getattr(obj, "__module__", None) == name and hasattr(obj, "cache_clear"):
                obj.cache_clear()


@pytest.fixture
def db(tmp_path):
    """An open, migrated database in a temporary file."""
    from core.db import Database

    database = Database(tmp_path / "test.sqlite3")
    yield database
    database.close()


def type_text(widget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, Vietnamese included.

    ``QTest.keyClicks`` only maps ASCII characters to keys; a key event carrying the text is what an
    input method delivers for "ổ" or "ạ".
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))


@pytest.fixture
def superior(tmp_path):
    """The fictional district plan (tests/samples.py) as a .docx, 12 targets."""
    from samples import superior_plan_docx

    return str(superior_plan_docx(tmp_path / "ke-hoach-huyen.docx"))


@pytest.fixture
def tab(qtbot, db, monkeypatch):
    """The plans tab on a commune Bình Hải (district level), new plans annual."""
    from core.models import PlanKind, SuperiorLevel, UnitType
    from core.settings import save_settings
    from ui.plans_tab import PlansTab

    with db.session() as s:
        save_settings(s, commune_name="Bình Hải", unit_type=UnitType.COMMUNE, superior_body="UBND huyện Bình Sơn",
                      superior_level=SuperiorLevel.DISTRICT, place_name="Bình Hải", chairman_name="Phạm Văn Tâm",
                      vice_chairmen=["Lê Thị Hoa"], number_suffix="KH-UBND")
    monkeypatch.setattr("ui.plans_tab.ask_kind", lambda parent: PlanKind.ANNUAL)
    widget = PlansTab(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def go_to(wizard, page_id):
    """Move the wizard with Tiếp / Quay lại to page ``page_id``."""
    while wizard.currentId() < page_id:
        wizard.next()
    while wizard.currentId() > page_id:
        wizard.back()
    assert wizard.currentId() == page_id


def last_plan(db):
    """The newest plan, detached."""
    from sqlalchemy import select

    from core.models import Plan

    with db.session() as s:
        plan = s.scalars(select(Plan).order_by(Plan.id.desc())).first()
        s.expunge_all()
    return plan


def import_plan(page, path) -> bool:
    """Import ``path`` on the wizard's targets page as the clerk would and wait for the worker to finish;
    returns whether a plan was imported."""
    from PySide6.QtCore import QEventLoop, QTimer

    results = []
    loop = QEventLoop()

    def finished(ok):
        results.append(ok)
        loop.quit()

    page.import_finished.connect(finished)
    try:
        page.import_file(str(path))
        if not results:
            QTimer.singleShot(30_000, loop.quit)
            loop.exec()
    finally:
        page.import_finished.disconnect(finished)
    assert results, "the import did not finish within 30 s"
    return results[0]
