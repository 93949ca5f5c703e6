"""Shared fixtures: a fresh database file per test, Qt offscreen; test inputs are made in tests/samples.py."""

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


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
