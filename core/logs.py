"""The log file: technical detail of every error goes here, the clerk sees one Vietnamese sentence."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import platformdirs

from core import APP_ID

LOG_NAME = "thidua.log"


def log_dir() -> Path:
    """The user's log folder for the application (created on demand), e.g. ``%LOCALAPPDATA%\\thidua-xa\\Logs``."""
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def configure() -> Path | None:
    """Send log records of level INFO and above to a rotating file (1 MB, 3 old files kept) in :func:`log_dir`.

    Returns the file's path, or ``None`` when the folder cannot be written (the program then runs without a
    log rather than not at all, and library warnings are dropped rather than printed in English on stderr).
    """
    path = log_dir() / LOG_NAME
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return path  # configured already (main() called twice in one process)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        if not root.handlers:
            root.addHandler(logging.NullHandler())  # else Python prints warnings on stderr ("last resort")
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path
