"""Kill -9 loop: a clerk typing in the real wizard is killed at random moments; nothing typed is lost.

    .venv/bin/python benchmarks/crash_loop.py [--rounds 30] [--seed 1]

Each round starts a child process that opens the wizard (offscreen) on a plan of a fresh demo database
and types a word into the chủ đề field every 150 ms, sometimes moving between pages; it notes the wall
time of every word in a log it flushes to disk. The parent kills the child with SIGKILL after a random
1–10 s (start-up included), then checks that ``PRAGMA integrity_check`` says ok and that every word typed more than
2.5 s before the kill (the 2-second autosave plus the save itself) is in the database. Prints one line
per round and a summary; exits 1 on any loss or damage. POSIX only (SIGKILL).
"""

from __future__ import annotations

import argparse
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
GRACE_S = 2.5
WORD_MS = 150


def child(db_path: str, log_path: str, round_no: int) -> None:
    """Type words into the wizard until killed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.db import Database
    from ui.wizard import PlanWizard

    app = QApplication([])
    wizard = PlanWizard(Database(db_path), 1)
    wizard.show()
    while wizard.currentId() > 1:
        wizard.back()
    while wizard.currentId() < 1:
        wizard.next()
    count = 0

    def type_word() -> None:
        nonlocal count
        count += 1
        word = f"r{round_no}w{count}"
        if count % 17 == 0:  # now and then the clerk moves on and comes back (saves on page change)
            wizard.next()
            wizard.back()
        edit = wizard.basis.theme
        edit.setFocus()
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        QTest.keyClicks(edit, " " + word)
        log.write(f"{time.time():.3f} {word}\n")
        log.flush()
        os.fsync(log.fileno())

    with open(log_path, "a", encoding="utf-8") as log:
        QTimer(app, interval=WORD_MS, timeout=type_word).start()
        app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("DB", "LOG", "ROUND"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        db_path, log_path = Path(tmp) / "thidua.sqlite3", Path(tmp) / "typed.log"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo-data", "--db", str(db_path)], check=True,
                       capture_output=True)
        log_path.touch()
        for round_no in range(1, args.rounds + 1):
            proc = subprocess.Popen([sys.executable, __file__, "--child", str(db_path), str(log_path), str(round_no)],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.0, 10.0))
            killed_at = time.time()
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            with sqlite3.connect(db_path) as conn:
                integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
                theme = conn.execute("SELECT theme FROM plan WHERE id = 1").fetchone()[0]
            saved = set(theme.split())
            typed = [line.split() for line in log_path.read_text(encoding="utf-8").splitlines()
                     if line.split()[1].startswith(f"r{round_no}w")]
            due = [word for stamp, word in typed if float(stamp) < killed_at - GRACE_S]
            lost = [word for word in due if word not in saved]
            ok = integrity == "ok" and not lost
            failures += not ok
            print(f"round {round_no:2d}: killed after {len(typed):3d} words, {len(due):3d} due, lost {len(lost)}, "
                  f"integrity {integrity}{'' if ok else '  <-- FAIL'}")
    print(f"{args.rounds} rounds, {failures} with loss or damage")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
