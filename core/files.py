"""Writing a file so that a crash, a kill or a full disk never leaves a half-written file at the target: the content
goes to a temporary file in the target's folder, is flushed to the disk, and only then renamed over the target
(a rename within one folder is atomic on NTFS, ext4 and APFS). The previous good file stays intact until then.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path

TEMP_MARK = ".thidua-tmp"  # in every temporary file's name, so that a leftover one is recognised and removed


def temp_beside(target: Path) -> Path:
    """A new temporary file name in ``target``'s folder, keeping its extension
    (``ke-hoach.docx`` → ``ke-hoach.3fa1c2.thidua-tmp.docx``)."""
    return target.with_name(f"{target.stem}.{secrets.token_hex(3)}{TEMP_MARK}{target.suffix}")


def sync_file(path: Path) -> None:
    """Flush ``path``'s content to the disk (``fsync``; on Windows ``FlushFileBuffers``, which needs write access)."""
    with open(path, "r+b") as f:
        os.fsync(f.fileno())


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk; nothing to do on Windows, where NTFS journals renames."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit_temp(temp: Path, target: Path) -> None:
    """Flush ``temp`` and rename it over ``target`` atomically. Raises ``OSError`` (e.g. ``PermissionError`` while
    Word or Excel holds ``target`` open on Windows); ``target`` is then unchanged."""
    sync_file(temp)
    os.replace(temp, target)
    sync_folder(target.parent)


@contextmanager
def atomic_write(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` to write the whole file to; when the block ends without error the
    file is flushed and renamed over ``target``, otherwise it is removed and ``target`` is left as it was.

    Raises what the block raises, or ``OSError`` from the flush or rename. Used by every export (.docx, .xlsx,
    .pdf) and backup, so that a kill or a full disk never damages the previous good file at the same path.
    """
    target = Path(target)
    remove_leftovers(target.parent, target)  # of an earlier write of the same file that was killed
    temp = temp_beside(target)
    try:
        yield temp
        commit_temp(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_leftovers(folder: Path, of: Path | None = None) -> list[Path]:
    """Remove the temporary files a killed write left in ``folder`` (only those of the target ``of`` when given);
    returns their paths (for the log). Called when the data file is opened, and before each write of a target."""
    removed = []
    for leftover in folder.glob(f"{glob_escape(of.stem) + '.' if of else ''}*{TEMP_MARK}*"):
        try:
            leftover.unlink()
        except OSError:
            continue
        removed.append(leftover)
    return removed
