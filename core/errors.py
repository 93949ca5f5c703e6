"""Errors of the database file, apart from core.db so that commands needing no database import no SQLAlchemy."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """The database file cannot be opened, migrated or written; the message is Vietnamese, for the user.

    ``backup`` is the newest dated backup beside a damaged file (to offer opening it), else ``None``.
    """

    def __init__(self, message: str, backup: Path | None = None):
        super().__init__(message)
        self.backup = backup


class ReadOnlyError(DatabaseError):
    """A change was attempted on a database opened only for viewing."""
