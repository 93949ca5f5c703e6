"""Headless sub-commands of ``main.py``. Each returns an exit code and prints Vietnamese errors to stderr."""

from __future__ import annotations

import sys
from pathlib import Path

from core.db import Database, DatabaseError
from core.paths import default_db_path


def open_db(db: str | None) -> Database:
    """Open the database named on the command line, or the default one."""
    return Database(Path(db) if db else default_db_path())


def _demo_data(args, db: str | None) -> int:
    from core.demo import create_demo_data

    database = open_db(db)
    create_demo_data(database)
    database.close()
    print(f"Đã tạo dữ liệu mẫu trong {database.path}")
    return 0


COMMANDS = {"demo-data": _demo_data}


def run(name: str, args, db: str | None) -> int:
    """Run the sub-command ``name``; a :class:`DatabaseError` becomes one line on stderr and exit code 2."""
    try:
        return COMMANDS[name](args, db)
    except DatabaseError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
