"""Opening the SQLite database: migrations, backups, pragmas, sessions.

The file is created on first use. Its schema is brought to the newest Alembic revision at every
start; before an existing file is migrated, a dated copy is written beside it
(``<name>.backup-YYYYmmdd-HHMMSS.sqlite3``) so nothing already saved can be lost.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import URL, Engine, create_engine, event, inspect
from sqlalchemy.exc import DatabaseError as SQLDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from core.catalogue import load_award_forms
from core.errors import DatabaseError, ReadOnlyError
from core.nominations import index_search
from core.plans import guard_and_touch
from core.text import fold, nfc

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


# Alembic is imported only when a file is not at SCHEMA_HEAD (a migration, a refusal): it costs ~0.3 s at start-up.
SCHEMA_HEAD = "plan"  # the newest migration in core/migrations/versions (a test checks it is Alembic's head)


def alembic_config(connection=None):
    """Alembic configuration for ``core/migrations``, running on an open SQLAlchemy ``connection``.

    No URL string ever goes into the configuration: Alembic's ConfigParser treats ``%`` as
    interpolation, and a rendered SQLite URL percent-encodes non-ASCII letters and Windows
    backslashes (``C:\\Users\\Nguyễn``), which then fails to parse.
    """
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def sqlite_url(path: Path) -> URL:
    """SQLAlchemy URL object for the file ``path`` (never rendered to a string, so any path works)."""
    return URL.create("sqlite", database=str(path))


def _on_connect(dbapi_conn, _record) -> None:
    """Pragmas of every connection, and ``fold(text)`` for SQL that sorts Vietnamese text (see ``ORDERS``).

    WAL with ``synchronous=FULL``: every commit is on the disk before the save is reported, so a power cut
    keeps the last save (NORMAL could lose it; https://sqlite.org/pragma.html#pragma_synchronous).
    """
    dbapi_conn.create_function("fold", 1, lambda text: fold(text) if text else text, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=3000")  # another program's short write: wait, then say so
    if not cur.execute("PRAGMA query_only").fetchone()[0]:
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
    cur.close()


def _checkpoint_after_write(session: Session) -> None:
    """After a commit that wrote: move the WAL into the main file and empty it, so a copy of the .sqlite3
    file alone (USB, OneDrive) holds every save, and no stale -wal can be replayed over a newer file."""
    if session.info.pop("wrote", False):
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


SYNCED_FOLDERS = ("onedrive", "google drive", "googledrive", "my drive", "dropbox", "icloud")


def in_synced_folder(path: Path) -> bool:
    """Whether ``path`` lies in a folder a cloud client syncs (OneDrive, Google Drive, Dropbox, iCloud): such a
    client may copy the file while it is being written, or bring back an older copy from another PC."""
    return any(part.lower().startswith(SYNCED_FOLDERS) for part in path.resolve().parts)


def _nfc_before_flush(session: Session, _ctx, _instances) -> None:
    """Normalise every string attribute of new and dirty objects to NFC (GUIDE: text is NFC everywhere)."""
    for obj in list(session.new) + list(session.dirty):
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            value = getattr(obj, attr.key)
            if isinstance(value, str):
                fixed = nfc(value)
                if fixed != value:
                    setattr(obj, attr.key, fixed)
            elif isinstance(value, list) and any(isinstance(v, str) for v in value):
                fixed_list = [nfc(v) if isinstance(v, str) else v for v in value]
                if fixed_list != value:
                    setattr(obj, attr.key, fixed_list)


def _upgrade_atomically(conn) -> None:
    """Bring the file to the head revision in ONE SQLite transaction, foreign keys off meanwhile.

    Python's sqlite3 does not begin a transaction before DDL, so a crash between two statements would
    leave a half-made schema; here every statement and the revision stamp commit together or not at
    all. Foreign keys are off during the upgrade (SQLite's documented way to rebuild a table: a
    rebuilt parent table would otherwise cascade-delete its children) and checked before committing.
    """
    raw = conn.connection.driver_connection
    saved = raw.isolation_level
    raw.isolation_level = None  # we say BEGIN and COMMIT ourselves
    try:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            from alembic import command

            command.upgrade(alembic_config(conn), "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(f"Nâng cấp tệp dữ liệu để lại {len(broken)} liên kết hỏng; đã hủy nâng cấp.")
            conn.exec_driver_sql("COMMIT")
        except BaseException:
            conn.exec_driver_sql("ROLLBACK")
            raise
    finally:
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        raw.isolation_level = saved


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the file is at, or ``None`` for an empty file (read from ``alembic_version``)."""
    with engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").first():
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def known_revisions() -> set[str]:
    """Every revision shipped with this version of the program (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def backup(path: Path, now: dt.datetime | None = None, target: Path | None = None) -> Path:
    """Copy the database file consistently (SQLite's online backup API, safe while the program runs) to
    ``target``, by default a dated file beside it (``<name>.backup-YYYYmmdd-HHMMSS.sqlite3``); return its path.

    Raises ``sqlite3.Error`` or ``OSError`` when the copy cannot be written.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = target or path.with_name(f"{path.stem}.backup-{stamp}.sqlite3")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def check_backup(path: Path) -> None:
    """Raise :class:`DatabaseError` (Vietnamese) unless ``path`` is an intact data file of this program, of this
    version or an older one (which is upgraded when opened): what may be restored."""
    _refuse_foreign_file(path)
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        check, revision = "không đọc được", None
    if check != "ok" or revision is None:
        raise DatabaseError(f"Tệp «{path.name}» không phải bản sao lưu dùng được của chương trình ({check}).")
    if revision[0] not in known_revisions():
        raise DatabaseError(f"Tệp «{path.name}» do một phiên bản mới hơn của chương trình tạo ra; hãy cài bản mới "
                            "rồi khôi phục.")


SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_foreign_file(path: Path) -> None:
    """Raise :class:`DatabaseError` for an existing file that is not an SQLite database (a .docx renamed, a
    truncated copy): it is never written to."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(f"Không đọc được tệp «{path}» ({exc.strerror}).") from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseError(f"Tệp «{path}» không phải tệp dữ liệu của chương trình (có thể là tệp khác bị đổi "
                            "tên). Hãy chọn đúng tệp .sqlite3; tệp này không bị thay đổi.")


def newest_backup(path: Path) -> Path | None:
    """The newest dated backup written beside ``path`` by :func:`backup`, or None."""
    return max(path.parent.glob(f"{path.stem}.backup-*.sqlite3"), default=None)


def restore_backup(path: Path, source: Path, now: dt.datetime | None = None) -> Path:
    """Put a copy of ``source`` in place of ``path``; the file it replaces is kept renamed
    ``<name>.replaced-YYYYmmdd-HHMMSS.sqlite3`` (with its -wal and -shm). Returns that kept file's path.

    The database must not be open. Raises ``OSError`` when the folder cannot be written.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}.replaced-{stamp}.sqlite3")
    if path.exists():
        path.rename(kept)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(kept.with_name(kept.name + suffix))
    shutil.copy2(source, path)
    return kept


def writable(path: Path) -> bool:
    """Whether the program may write ``path`` (an existing file) and create its -wal file beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class Database:
    """An open database file. ``session()`` gives one unit of work that commits or rolls back.

    ``read_only``: open for viewing only (another window holds the file, or the file or its folder cannot be
    written): nothing is migrated or written, and a change raises :class:`ReadOnlyError`. A file that is not
    writable is opened read-only by itself (``read_only`` is then True).
    Raises :class:`DatabaseError` (Vietnamese message) when the file is not a database, is damaged, was
    made by a newer version, or cannot be opened.
    """

    def __init__(self, path: Path | str, read_only: bool = False):
        self.path = Path(path)
        _refuse_foreign_file(self.path)
        self.read_only = read_only or (self.path.exists() and not writable(self.path))
        try:
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            extra = {"creator": self._connect_read_only} if self.read_only else {}
            self.engine = create_engine(
                sqlite_url(self.path), json_serializer=lambda o: json.dumps(o, ensure_ascii=False), **extra
            )
            event.listen(self.engine, "connect", _on_connect)
            self._migrate()
        except DatabaseError:
            raise
        except Exception as exc:  # sqlite3/OS errors: no permission, disk full, locked…
            log.exception("opening %s failed", self.path)
            raise DatabaseError(f"Không mở được tệp dữ liệu «{self.path}»: tệp đang bị khóa, chỉ đọc, ổ đĩa đầy "
                                "hoặc không truy cập được. Hãy kiểm tra rồi mở lại.") from exc
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._factory, "before_flush", self._refuse_if_read_only)
        event.listen(self._factory, "before_flush", _nfc_before_flush)
        event.listen(self._factory, "before_flush", guard_and_touch)
        event.listen(self._factory, "before_flush", index_search)
        event.listen(self._factory, "after_flush", lambda s, _ctx: s.info.__setitem__("wrote", True))
        if not self.read_only:
            with self.session() as s:
                load_award_forms(s)

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA schema_version").fetchone()  # a WAL file in a read-only folder fails here
        except sqlite3.OperationalError:  # nobody can write it either: read it as it is on the disk
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only=ON")
        return conn

    def _refuse_if_read_only(self, session: Session, _ctx, _instances) -> None:
        if self.read_only and (session.new or session.dirty or session.deleted):
            raise ReadOnlyError("Tệp dữ liệu đang mở chỉ để xem, nên thay đổi này không được lưu.")

    def _migrate(self) -> None:
        existing = self.path.exists() and self.path.stat().st_size > 0
        if existing:
            try:
                with self.engine.connect() as conn:
                    check = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            except SQLDatabaseError as error:  # "database disk image is malformed" before the check can run
                check = str(error.orig)
            if check != "ok":
                newest = newest_backup(self.path)
                hint = (f"bản sao lưu gần nhất là «{newest}»." if newest else "hãy mở một bản sao lưu của tệp.")
                raise DatabaseError(f"Tệp dữ liệu «{self.path}» bị hỏng ({check}). Đừng ghi thêm vào tệp này; "
                                    + hint, backup=newest)
        rev = current_revision(self.engine)
        if rev == SCHEMA_HEAD:
            return
        if rev is not None and rev not in known_revisions():
            raise DatabaseError(f"Tệp dữ liệu «{self.path}» do một phiên bản mới hơn của chương trình tạo ra; "
                                "hãy mở bằng phiên bản đó hoặc cài bản mới. Tệp không bị thay đổi.")
        if self.read_only:
            raise DatabaseError(f"Tệp dữ liệu «{self.path}» của phiên bản cũ cần được nâng cấp, nhưng đang mở chỉ "
                                "để xem (tệp chỉ đọc hoặc đang mở ở nơi khác), nên chưa mở được.")
        if existing:
            backup(self.path)
        with self.engine.connect() as conn:
            _upgrade_atomically(conn)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any exception, always closes."""
        s = self._factory()
        try:
            yield s
            s.commit()
            _checkpoint_after_write(s)
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def close(self) -> None:
        """Release the file (checkpoint the WAL so the .sqlite3 file alone holds everything)."""
        self.engine.dispose()
