"""Opening the data file, Sao lưu and Khôi phục as core operations: the interface calls these with the
:class:`core.db.Database` it holds and shows the Vietnamese message of any :class:`DatabaseError` they raise."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from core.db import Database, backup, check_backup, replace_data_file, same_file
from core.errors import DatabaseError, fault_sentence


def open_data_file(path: Path, read_only: bool = False) -> Database:
    """Open (create, upgrade) the data file ``path``. Raises :class:`core.errors.FileBusyError` (another program
    holds it: wait and retry), :class:`core.errors.DiskError` (full disk, I/O error) or :class:`DatabaseError`
    (damaged: ``backup`` names the newest dated backup; not a database; newer version)."""
    return Database(path, read_only=read_only)


def open_backup_instead(path: Path, backup_file: Path) -> tuple[Database, Path | None]:
    """Put the backup ``backup_file`` in place of the damaged data file ``path`` and open it; returns the database
    and the file the damaged data is kept in. The backup is copied beside ``path`` and checked before it replaces
    it: on any failure ``path`` is left as it was and :class:`DatabaseError` says why."""
    try:
        kept = replace_data_file(path, backup_file)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"Chưa mở được bản sao lưu «{backup_file.name}»; tệp dữ liệu vẫn như cũ. "
                            + fault_sentence(exc, "Hãy kiểm tra thư mục của tệp dữ liệu rồi thử lại.")) from exc
    return Database(path), kept


def back_up(db: Database, target: Path) -> Path:
    """Tệp → Sao lưu: a consistent, checked copy of the data to ``target`` (written beside it, then renamed: an
    earlier backup at the same path stays whole until the new one is complete). Returns ``target``.
    Raises :class:`DatabaseError` (Vietnamese) when it cannot be written; no partial file is left."""
    if same_file(db.path, target):
        raise DatabaseError("Không thể sao lưu đè lên chính tệp dữ liệu đang dùng; hãy chọn tên hoặc thư mục khác.")
    try:
        return backup(db.path, target=target)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"Không ghi được bản sao lưu «{target}». "
                            + fault_sentence(exc, "Hãy chọn thư mục khác (ví dụ một ổ USB còn chỗ trống).")) from exc


def check_restorable(db: Database, source: Path) -> None:
    """Raise :class:`DatabaseError` (Vietnamese) unless ``source`` may replace ``db``'s data: not the data file
    itself, an intact data file of this program, of this version or an older one."""
    if same_file(db.path, source):
        raise DatabaseError(f"«{source.name}» chính là tệp dữ liệu đang dùng, không phải một bản sao lưu; hãy chọn "
                            "tệp sao lưu khác.")
    check_backup(source)


def restore(db: Database, source: Path) -> tuple[Database, Path | None]:
    """Tệp → Khôi phục: replace ``db``'s data with the backup ``source`` and reopen it; returns the new database
    and the file the replaced data is kept in (``<name>.replaced-….sqlite3``). ``db`` is closed first.

    The backup is copied beside the data file, checked, then renamed over it: when that fails (full disk,
    another program holding the file) :class:`DatabaseError` says why and ``db`` still works on the unchanged file.
    """
    check_restorable(db, source)
    db.close()  # its engine reconnects by itself if the replacement fails and the clerk goes on working
    try:
        kept = replace_data_file(db.path, source)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError("Chưa khôi phục được; dữ liệu hiện tại vẫn như cũ. "
                            + fault_sentence(exc, "Hãy kiểm tra thư mục của tệp dữ liệu rồi thử lại.")) from exc
    return Database(db.path), kept
