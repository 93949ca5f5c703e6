"""Where files live: the database in the user's data folder, read-only resources beside the code."""

import os
import sys
from pathlib import Path

import platformdirs

from core import APP_ID

DB_ENV = "THIDUA_DB"


def resources_dir() -> Path:
    """Folder ``resources/`` of the source tree, or of the PyInstaller bundle (``sys._MEIPASS``)."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" if base else Path(__file__).resolve().parent.parent / "resources"


def default_db_path() -> Path:
    """The database file: ``$THIDUA_DB`` if set, else ``<user data dir>/thidua-xa/thidua.sqlite3``."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "thidua.sqlite3"
