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


SYNCED_FOLDERS = ("onedrive", "google drive", "googledrive", "my drive", "dropbox", "icloud")


def in_synced_folder(path: Path) -> bool:
    """Whether ``path`` lies in a folder a cloud client syncs (OneDrive, Google Drive, Dropbox, iCloud): such a
    client may copy the file while it is being written, or bring back an older copy from another PC."""
    return any(part.lower().startswith(SYNCED_FOLDERS) for part in path.resolve().parts)
