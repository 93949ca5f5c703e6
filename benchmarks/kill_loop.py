"""Kill -9 loop over Khôi phục, Sao lưu and the .xlsx export: a kill at any moment damages nothing (issue 26 §2).

    .venv/bin/python benchmarks/kill_loop.py [--rounds 30] [--seed 1] [--nominations 20000]

Each round starts a child process that, on a data file of some thousands of nominations (so a copy takes a while),
repeats one operation without pause and saves a new plan after each; it appends a line to an acknowledgement log
(flushed to the disk) after every operation and every save that returned. The parent kills the child with SIGKILL
at a random moment, then checks:

- the data file passes ``PRAGMA integrity_check`` and opens, and holds the last acknowledged save (or, when a
  restore was under way, that save is in the newest ``.replaced`` file the restore kept);
- restore: the two backups restored from are unchanged; backup: the backup file at the target passes
  ``integrity_check`` (the previous good one or the new one, never a partial one); export: the .xlsx at the target
  opens and holds every nomination (the previous good one or the new one);
- no temporary file is left once the data file has been opened again and the backup or export done once more.

Prints one line per round and a summary; exits 1 on any loss or damage. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OPERATIONS = ("restore", "backup", "export")
EXPORTED = 500  # nominations in each .xlsx export (about a second of openpyxl)
# The kill comes at a random moment up to this many seconds after the child is ready: a few steps of each operation
# on a busy office PC, so that kills fall before, during and after the copy or rename of a step.
LATEST_KILL_S = {"restore": 8.0, "backup": 3.0, "export": 10.0}


def child(operation: str, folder: str) -> None:
    """Repeat ``operation`` on ``folder``/thidua.sqlite3 until killed, saving a plan after each; acknowledge both."""
    from core.operations.backup import open_data_file

    base = Path(folder)
    db = open_data_file(base / "thidua.sqlite3")
    with open(base / "ack.log", "a", encoding="utf-8") as ack:
        _repeat(operation, base, db, ack)


def _repeat(operation: str, base: Path, db, ack) -> None:
    """The child's loop (see :func:`child`)."""
    from core.models import Plan
    from core.operations.backup import back_up, restore

    def acknowledge(line: str) -> None:
        ack.write(line + "\n")
        ack.flush()
        os.fsync(ack.fileno())

    if operation == "export":
        from core.export_xlsx import export_nominations
        from core.nominations import rows
        from core.settings import load_settings

        with db.session() as s:
            settings = load_settings(s)
            listed = rows(s, None)[:EXPORTED]
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        if operation == "restore":
            source = base / ("ban-A.sqlite3" if n % 2 else "ban-B.sqlite3")
            db, _kept = restore(db, source)
            acknowledge(f"restored {source.name}")
        elif operation == "backup":
            back_up(db, base / "usb" / "thidua-sao-luu.sqlite3")
            acknowledge("backed up")
        else:
            export_nominations(listed, settings, None, base / "danh-sach.xlsx")
            acknowledge("exported")
        with db.session() as s:
            s.add(Plan(year=2026, title=f"lưu {os.getpid()}-{n}"))
        acknowledge(f"saved lưu {os.getpid()}-{n}")


def _titles(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {title for (title,) in conn.execute("SELECT title FROM plan")}
    finally:
        conn.close()


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def prepare(folder: Path, nominations: int) -> dict[str, str]:
    """The data file (demo commune and ``nominations`` nominations), two backups to restore from (each with a plan
    naming it), a first backup at the backup target and a first export at the export target. Returns the digests
    of the files that must never change."""
    from nominations import fill

    from core.db import Database, backup
    from core.demo import create_demo_data
    from core.export_xlsx import export_nominations
    from core.models import Plan
    from core.nominations import rows
    from core.settings import load_settings

    data = folder / "thidua.sqlite3"
    fill(data, nominations)
    database = Database(data)
    create_demo_data(database)
    for name in ("ban-A", "ban-B"):
        with database.session() as s:
            s.add(Plan(year=2026, title=name))
        backup(data, target=folder / f"{name}.sqlite3")
    (folder / "usb").mkdir()
    backup(data, target=folder / "usb" / "thidua-sao-luu.sqlite3")
    with database.session() as s:
        export_nominations(rows(s, None)[:EXPORTED], load_settings(s), None, folder / "danh-sach.xlsx")
    database.close()
    return {name: _digest(folder / name) for name in ("ban-A.sqlite3", "ban-B.sqlite3")}


def _export_rows(path: Path) -> int:
    """The rows of every sheet of an .xlsx export (raises when it cannot be read)."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return sum(sheet.max_row for sheet in book.worksheets)
    finally:
        book.close()


def check(operation: str, folder: Path, unchanged: dict[str, str], expected_rows: int) -> list[str]:
    """What a kill damaged or lost (empty when nothing); ``expected_rows``: the rows of a complete export."""
    from core.db import Database, newest_replaced
    from core.export_xlsx import export_nominations
    from core.nominations import rows
    from core.operations.backup import back_up
    from core.settings import load_settings

    problems = []
    data = folder / "thidua.sqlite3"
    if _integrity(data) != "ok":
        return [f"data file: {_integrity(data)}"]
    lines = (folder / "ack.log").read_text(encoding="utf-8").splitlines()
    saves = [line.removeprefix("saved ") for line in lines if line.startswith("saved ")]
    if saves and saves[-1] not in _titles(data):  # unless a restore since put it aside with the data it replaced
        kept = newest_replaced(data)
        if not (operation == "restore" and kept is not None and saves[-1] in _titles(kept)):
            problems.append(f"last acknowledged save «{saves[-1]}» lost")
    for name, digest in unchanged.items():
        if _digest(folder / name) != digest:
            problems.append(f"{name} changed")
    if operation == "backup":
        target = folder / "usb" / "thidua-sao-luu.sqlite3"
        if _integrity(target) != "ok" or not _titles(target):
            problems.append("backup at the target damaged")
    if operation == "export":
        try:
            if _export_rows(folder / "danh-sach.xlsx") != expected_rows:
                problems.append("export at the target incomplete")
        except Exception as exc:  # any failure to read is the damage looked for
            problems.append(f"export at the target unreadable: {type(exc).__name__}")
    database = Database(data)  # the next start removes the leftovers beside the data file…
    if operation == "backup":  # …and the next backup or export those beside its target
        back_up(database, folder / "usb" / "thidua-sao-luu.sqlite3")
    if operation == "export":
        with database.session() as s:
            export_nominations(rows(s, None)[:EXPORTED], load_settings(s), None, folder / "danh-sach.xlsx")
    database.close()
    left = [p.name for p in folder.rglob("*.thidua-tmp*")]
    if left:
        problems.append(f"temporary files left: {left}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds per operation")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--nominations", type=int, default=20_000)
    parser.add_argument("--operations", default=",".join(OPERATIONS))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        master = Path(tmp) / "master"
        master.mkdir()
        started = time.perf_counter()
        unchanged = prepare(master, args.nominations)
        export_rows = _export_rows(master / "danh-sach.xlsx")
        print(f"prepared a data file of {args.nominations:,} nominations "
              f"({(master / 'thidua.sqlite3').stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s")
        for operation in args.operations.split(","):
            outcomes = {"during": 0, "acknowledged": 0}
            for round_no in range(1, args.rounds + 1):
                folder = Path(tmp) / f"{operation}-{round_no}"
                subprocess.run(["cp", "-a", str(master), str(folder)], check=True)
                child_process = subprocess.Popen(
                    [sys.executable, __file__, "--child", operation, str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                    text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
                assert child_process.stdout.readline().strip() == "ready"
                time.sleep(rng.uniform(0.05, LATEST_KILL_S[operation]))
                child_process.send_signal(signal.SIGKILL)
                child_process.wait()
                child_process.stdout.close()
                acknowledged = len((folder / "ack.log").read_text(encoding="utf-8").splitlines())
                outcomes["acknowledged"] += acknowledged
                problems = check(operation, folder, unchanged, export_rows)
                failures += bool(problems)
                print(f"{operation} round {round_no:2d}: {acknowledged:3d} steps acknowledged before the kill: "
                      + ("; ".join(problems) if problems else "ok"), flush=True)
                subprocess.run(["rm", "-rf", str(folder)], check=True)
            print(f"{operation}: {args.rounds} kills, {outcomes['acknowledged']} acknowledged steps, "
                  f"{'all ok' if not failures else f'{failures} rounds with damage or loss so far'}", flush=True)
    print("no damage, nothing acknowledged lost" if not failures else f"{failures} rounds with damage or loss")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
