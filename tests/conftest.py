"""Shared fixtures: a fresh database file per test, Qt offscreen, paths to ../shared material."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db(tmp_path):
    """An open, migrated database in a temporary file."""
    from core.db import Database

    database = Database(tmp_path / "test.sqlite3")
    yield database
    database.close()


@pytest.fixture
def shared():
    """The ../shared folder (seeds, samples, eval); tests needing it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


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
