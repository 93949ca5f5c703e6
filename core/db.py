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
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from collections.abc import Iterator

from sqlalchemy import URL, Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.catalogue import load_award_forms
from core.errors import BUSY, DAMAGED, DISK, NO_ACCESS, DatabaseError, DiskError, FileBusyError, ReadOnlyError, fault_of
from core.files import commit_temp, remove_leftovers, sync_folder, temp_beside
from core.nominations import index_search
from core.plans import guard_and_touch
from core.season import guard_issued
from core.text import fold, nfc

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


# Alembic is imported only when a file is not at SCHEMA_HEAD (a migration, a refusal): it costs ~0.3 s at start-up.
SCHEMA_HEAD = "0009"  # the newest migration in core/migrations/versions (a test checks it is Alembic's head)


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
    file alone (USB, OneDrive) holds every save, and no stale -wal can be replayed over a newer file.

    The save is committed already (it is in the -wal, on the disk): a checkpoint that fails (a full disk, a reader
    holding the file) is logged, not reported as a failed save, and is done again after the next save and when the
    file is closed.
    """
    if not session.info.pop("wrote", False):
        return
    try:
        session.connection().exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    except SQLAlchemyError as exc:
        log.warning("WAL checkpoint after a committed save failed (retried after the next save): %s", exc)


def _nfc_before_flush(session: Session, _ctx, _instances) -> None:
    """Normalise every string attribute of new and dirty objects with :func:`core.text.nfc`: NFC (GUIDE: text is
    NFC everywhere) and no control character (a U+0001 saved would make every .docx export of the plan fail)."""
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


def _copy_verified(source: Path, target: Path) -> None:
    """Write a consistent copy of the database ``source`` (SQLite's online backup API: safe while the program runs,
    -wal included) to a temporary file beside ``target``, flush it, check it (``PRAGMA integrity_check``), then rename
    it over ``target``. Any failure removes the temporary file and leaves ``target`` as it was.

    Raises ``sqlite3.Error`` or ``OSError`` when the copy cannot be written, :class:`DatabaseError` when the copy
    fails its check.
    """
    remove_leftovers(target.parent, target)  # of an earlier copy to the same file that was killed
    temp = temp_beside(target)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(temp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, with no -wal beside it
                check = dst.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if check != "ok":
            raise DatabaseError(f"Bản sao của tệp «{source.name}» không đạt kiểm tra toàn vẹn nên không được dùng.")
        commit_temp(temp, target)
    except BaseException:
        for leftover in (temp, temp.with_name(temp.name + "-journal"), temp.with_name(temp.name + "-wal")):
            leftover.unlink(missing_ok=True)
        raise


def backup(path: Path, now: dt.datetime | None = None, target: Path | None = None) -> Path:
    """Copy the database file consistently to ``target``, by default a dated file beside it
    (``<name>.backup-YYYYmmdd-HHMMSS.sqlite3``); return its path. The copy is written to a temporary file in the
    target's folder, checked, then renamed: a kill or a full disk never leaves a partial backup nor damages an
    earlier one at the same path.

    Raises ``sqlite3.Error`` or ``OSError`` when the copy cannot be written.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = target or path.with_name(f"{path.stem}.backup-{stamp}.sqlite3")
    _copy_verified(path, target)
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
    except sqlite3.Error as exc:
        if fault_of(exc) in (BUSY, DISK):
            raise _fault_error(exc, path) from exc
        check, revision = "", None
    if check != "ok" or revision is None:
        raise DatabaseError(f"Tệp «{path.name}» không phải bản sao lưu dùng được của chương trình (tệp hỏng hoặc "
                            "không phải tệp dữ liệu).")
    if revision[0] not in known_revisions():
        raise DatabaseError(f"Tệp «{path.name}» do một phiên bản mới hơn của chương trình tạo ra; hãy cài bản mới "
                            "rồi khôi phục.")


def _fault_error(exc: BaseException, path: Path) -> DatabaseError:
    """The Vietnamese error for an ``sqlite3``/``OSError`` fault on ``path``: :class:`FileBusyError` for a file
    another program holds, :class:`DiskError` for a full disk or an I/O error, else a plain :class:`DatabaseError`."""
    kind = fault_of(exc)
    if kind == BUSY:
        return FileBusyError(f"Tệp «{path}» đang bị chương trình khác giữ (chương trình diệt virus, đồng bộ "
                             "OneDrive hoặc một chương trình khác). Hãy đợi giây lát rồi thử lại; tệp không bị thay "
                             "đổi.")
    if kind == DISK:
        return DiskError(f"Ổ đĩa chứa tệp «{path}» đã đầy hoặc không đọc ghi được, nên chưa mở hay ghi gì vào tệp. "
                         "Hãy giải phóng chỗ trống hoặc kiểm tra ổ đĩa rồi mở lại; tệp không bị thay đổi.")
    if kind == NO_ACCESS:
        return DatabaseError(f"Không mở được tệp dữ liệu «{path}»: tệp hoặc thư mục chỉ đọc, hoặc không truy cập "
                             "được. Hãy kiểm tra rồi mở lại.")
    return DatabaseError(f"Không mở được tệp dữ liệu «{path}». Hãy kiểm tra rồi mở lại; chi tiết đã ghi vào nhật "
                         "ký.")


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


def _replaced_name(path: Path, stamp: str, n: int) -> Path:
    return path.with_name(f"{path.stem}.replaced-{stamp}{f'-{n}' if n > 1 else ''}.sqlite3")


def _replaced_order(kept: Path) -> tuple[str, int]:
    """Sort key of a kept file: its date-time, then its counter (two restores in one second)."""
    stamp = kept.name.split(".replaced-", 1)[1].removesuffix(".sqlite3")
    date, _, counter = stamp.partition("-")[2].partition("-")
    return stamp.partition("-")[0] + date, int(counter or 1)


def newest_replaced(path: Path) -> Path | None:
    """The newest file kept by :func:`replace_data_file` beside ``path`` (the data before a restore), or None."""
    return max(path.parent.glob(f"{path.stem}.replaced-*.sqlite3"), key=_replaced_order, default=None)


def same_file(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` are one file (also through another spelling of the path, a link or a network
    drive letter); False when either does not exist."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _empty_wal(path: Path) -> None:
    """Move every save in ``path``'s -wal into the main file and empty the -wal, so that the main file alone holds
    the data. Raises :class:`FileBusyError` when another program holds the file. A damaged file is left as it is
    (its -wal is then kept beside it by the caller)."""
    try:
        conn = sqlite3.connect(path, timeout=3)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if fault_of(exc) in (BUSY, DISK):
            raise _fault_error(exc, path) from exc
        return
    if busy:
        raise _fault_error(sqlite3.OperationalError("database is locked"), path)


def replace_data_file(path: Path, source: Path, now: dt.datetime | None = None) -> Path | None:
    """Put a copy of the database ``source`` in place of the data file ``path`` (Khôi phục, or opening a backup in
    place of a damaged file); the file it replaces is kept as ``<name>.replaced-YYYYmmdd-HHMMSS.sqlite3`` (with its
    -wal). Returns that kept file's path (None when ``path`` did not exist).

    The replacement is first written beside ``path`` and checked (``integrity_check``), then renamed over it: a
    failure or a kill at any step leaves ``path`` as it was (a leftover temporary file is removed at the next
    start). The database must not be open. Raises :class:`DatabaseError` when ``source`` is ``path`` itself,
    :class:`FileBusyError` when another program holds ``path``, ``OSError``/``sqlite3.Error`` when the folder
    cannot be written.
    """
    if same_file(path, source):
        raise DatabaseError(f"«{source.name}» chính là tệp dữ liệu đang dùng, không phải một bản sao lưu; hãy chọn "
                            "tệp sao lưu khác.")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    n = 1
    while _replaced_name(path, stamp, n).exists():  # never over the data kept by another restore
        n += 1
    kept = _replaced_name(path, stamp, n)
    temp = temp_beside(path)
    _copy_verified(source, temp)
    try:
        if not path.exists():
            commit_temp(temp, path)
            return None
        _empty_wal(path)
        _keep_copy(path, kept)
        for suffix in ("-wal", "-shm"):  # emptied by _empty_wal unless the file is damaged: kept with it then
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                os.replace(extra, kept.with_name(kept.name + suffix))
        commit_temp(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return kept


def _keep_copy(path: Path, kept: Path) -> None:
    """Make ``kept`` a second name of ``path`` (a hard link: instant, no room needed) or, where links are not
    possible (FAT32 USB sticks, some network drives), a flushed byte copy written through a temporary file."""
    try:
        os.link(path, kept)
        sync_folder(kept.parent)
        return
    except OSError:
        pass
    temp = temp_beside(kept)
    try:
        with open(path, "rb") as src, open(temp, "wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
        commit_temp(temp, kept)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def writable(path: Path) -> bool:
    """Whether the program may write ``path`` (an existing file) and create its -wal file beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class Database:
    """An open database file. ``session()`` gives one unit of work that commits or rolls back.

    ``read_only``: open for viewing only (another window holds the file, or the file or its folder cannot be
    written): nothing is migrated or written, and a change raises :class:`ReadOnlyError`. A file that is not
    writable is opened read-only by itself (``read_only`` is then True).
    Raises (Vietnamese messages) :class:`FileBusyError` when another program holds the file (wait and retry),
    :class:`DiskError` for a full disk or an I/O error (nothing opened for writing, no file changed), and
    :class:`DatabaseError` when the file is not a database, is damaged (``backup`` then names the newest dated
    backup), was made by a newer version, or cannot be opened. Only a failed integrity check is called damaged.
    """

    def __init__(self, path: Path | str, read_only: bool = False):
        self.path = Path(path)
        _refuse_foreign_file(self.path)
        self.read_only = read_only or (self.path.exists() and not writable(self.path))
        if self.read_only and not writable(self.path):
            self._refuse_unmerged_wal()
        engine = None
        try:
            if not self.read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                for leftover in remove_leftovers(self.path.parent):  # a copy killed half-way
                    log.info("removed the leftover temporary file %s", leftover)
            extra = {"creator": self._connect_read_only} if self.read_only else {}
            self.engine = engine = create_engine(
                sqlite_url(self.path), json_serializer=lambda o: json.dumps(o, ensure_ascii=False),
                hide_parameters=True,  # the log never holds names, birth dates or units (issue 26)
                **extra,
            )
            event.listen(self.engine, "connect", _on_connect)
            self._migrate()
            self._factory = sessionmaker(self.engine, expire_on_commit=False)
            event.listen(self._factory, "before_flush", self._refuse_if_read_only)
            event.listen(self._factory, "before_flush", _nfc_before_flush)
            event.listen(self._factory, "before_flush", guard_and_touch)
            event.listen(self._factory, "before_flush", guard_issued)
            event.listen(self._factory, "before_flush", index_search)
            event.listen(self._factory, "after_flush", lambda s, _ctx: s.info.__setitem__("wrote", True))
            if not self.read_only:
                with self.session() as s:
                    load_award_forms(s)
        except BaseException as exc:
            if engine is not None:
                engine.dispose()  # no handle left on the file (Windows could not rename it otherwise)
            if isinstance(exc, DatabaseError) or not isinstance(exc, Exception):
                raise
            log.error("opening %s failed: %s", self.path, exc, exc_info=True)
            if fault_of(exc) == DAMAGED:
                raise self._damaged() from exc
            raise _fault_error(exc, self.path) from exc

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            conn.execute("PRAGMA schema_version").fetchone()  # a WAL file in a read-only folder fails here
        except sqlite3.OperationalError:  # nobody can write it either: read it as it is on the disk
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only=ON")
        return conn

    def _refuse_unmerged_wal(self) -> None:
        """Raise :class:`DatabaseError` for a file that cannot be written whose -wal holds saves but has no -shm
        beside it: SQLite could then only read it ``immutable``, without those saves (stale data, without a word)."""
        wal = self.path.with_name(self.path.name + "-wal")
        shm = self.path.with_name(self.path.name + "-shm")
        if wal.exists() and wal.stat().st_size > 0 and not shm.exists():
            raise DatabaseError(
                f"Tệp dữ liệu «{self.path}» còn những lần lưu chưa gộp vào tệp (tệp «{wal.name}» bên cạnh) mà tệp "
                "lại không ghi được, nên không đọc an toàn được: hãy chép cả hai tệp sang một thư mục ghi được rồi "
                "mở tệp ở đó.")

    def _refuse_if_read_only(self, session: Session, _ctx, _instances) -> None:
        if self.read_only and (session.new or session.dirty or session.deleted):
            raise ReadOnlyError("Tệp dữ liệu đang mở chỉ để xem, nên thay đổi này không được lưu.")

    def _damaged(self) -> DatabaseError:
        """The error for a file that failed its integrity check: names the newest dated backup (offered in its
        place) and the data kept aside by the last restore, if any."""
        newest = newest_backup(self.path)
        hint = (f"bản sao lưu gần nhất là «{newest}»." if newest else "hãy mở một bản sao lưu của tệp.")
        replaced = newest_replaced(self.path)
        if replaced is not None:
            hint += f" Dữ liệu trước lần khôi phục gần nhất được giữ ở «{replaced}»."
        return DatabaseError(f"Tệp dữ liệu «{self.path}» bị hỏng (không đạt kiểm tra toàn vẹn). Đừng ghi thêm vào "
                             "tệp này; " + hint, backup=newest)

    def _migrate(self) -> None:
        existing = self.path.exists() and self.path.stat().st_size > 0
        if existing:
            with self.engine.connect() as conn:  # "locked", "disk I/O error", "malformed": sorted by the caller
                check = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if check != "ok":
                log.error("quick_check of %s: %s", self.path, check)
                raise self._damaged()
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
        """One unit of work: commits on success, rolls back on any exception, always closes. Once the commit
        succeeded the save is reported as saved: a failed WAL checkpoint after it is only logged (see
        :func:`_checkpoint_after_write`)."""
        s = self._factory()
        try:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise
            _checkpoint_after_write(s)
        finally:
            s.close()

    def close(self) -> None:
        """Release the file (checkpoint the WAL so the .sqlite3 file alone holds everything)."""
        self.engine.dispose()
