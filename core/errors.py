"""Errors the clerk sees as one Vietnamese sentence: a file that cannot be read (:class:`DocumentError`) and the
database file (apart from core.db so that commands needing no database import no SQLAlchemy)."""

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


class DocumentError(ValueError):
    """A file the clerk opened (superior plan, nomination list) cannot be read, or exceeds the reading budget of
    :mod:`core.safe_files`; ``str(exc)`` is one Vietnamese sentence for the user, the technical detail is logged.

    A ``ValueError``, so that callers of the .xlsx import that catch ``ValueError`` see it too.
    """
