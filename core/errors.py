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


class FileBusyError(DatabaseError):
    """Another program (an antivirus scan, a sync client, a second program) holds the data file locked: nothing is
    wrong with the file; try again in a moment. Never a reason to offer a backup."""


class DiskError(DatabaseError):
    """The disk is full or cannot be read or written (an I/O error): nothing was opened for writing and no file was
    changed."""


BUSY = "busy"
DISK = "disk"
DAMAGED = "damaged"
NO_ACCESS = "no access"


def fault_of(exc: BaseException) -> str | None:
    """What kind of fault ``exc`` (an ``sqlite3`` error, one wrapped by SQLAlchemy in ``.orig``, or an ``OSError``)
    reports: :data:`BUSY` (the file is locked by another program), :data:`DISK` (full disk, I/O error),
    :data:`DAMAGED` (not a database, malformed), :data:`NO_ACCESS` (no permission, read-only), or ``None``.

    Read from SQLite's messages (https://sqlite.org/rescode.html) and the OS error numbers.
    """
    import errno

    inner = getattr(exc, "orig", None) or exc
    if isinstance(inner, OSError):
        if inner.errno in (errno.ENOSPC, errno.EIO, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DISK
        if getattr(inner, "winerror", None) in (32, 33):  # sharing or lock violation: another program holds it
            return BUSY
        if inner.errno == errno.EBUSY:
            return BUSY
        if inner.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return NO_ACCESS
        return None
    text = str(inner).lower()
    if "locked" in text or "busy" in text:
        return BUSY
    if "disk i/o" in text or "disk is full" in text or "ioerr" in text:
        return DISK
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return DAMAGED
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return NO_ACCESS
    return None


FAULT_SENTENCES = {
    BUSY: "Tệp đang bị chương trình khác giữ (chương trình diệt virus, đồng bộ OneDrive hoặc một chương trình khác); "
          "hãy đợi giây lát rồi thử lại.",
    DISK: "Ổ đĩa đã đầy hoặc không đọc ghi được; hãy giải phóng chỗ trống hoặc kiểm tra ổ đĩa rồi thử lại.",
    DAMAGED: "Tệp bị hỏng.",
    NO_ACCESS: "Không có quyền ghi vào tệp hoặc thư mục này; hãy chọn thư mục khác.",
}


def fault_sentence(exc: BaseException, otherwise: str) -> str:
    """The Vietnamese sentence for ``exc``'s fault (see :func:`fault_of`), or ``otherwise``: never SQLite's or the
    OS's English text."""
    kind = fault_of(exc)
    return FAULT_SENTENCES[kind] if kind else otherwise


class DocumentError(ValueError):
    """A file the clerk opened (superior plan, nomination list) cannot be read, or exceeds the reading budget of
    :mod:`core.safe_files`; ``str(exc)`` is one Vietnamese sentence for the user, the technical detail is logged.

    A ``ValueError``, so that callers of the .xlsx import that catch ``ValueError`` see it too.
    """
