"""Time the "Khen thưởng" tab on 50,000 nominations: loading the list and answering a filter keystroke.

    .venv/bin/python benchmarks/nominations.py [--count 50000]

Goals (issue 11): the list loads in < 0.5 s and a keystroke in the search box answers in < 100 ms.
The database is filled with plain SQL (not timed), then the real tab is built offscreen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def fill(path: Path, count: int) -> None:
    """A migrated database with ``count`` fictional nominations."""
    from core.db import Database
    from core.nominations import search_text

    Database(path).close()
    rng = random.Random(1)
    family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"]
    given = ["An", "Bình", "Cường", "Dung", "Hà", "Lan", "Minh", "Sơn", "Thảo", "Yến"]
    forms = ["LDTT", "GK_CTX", "CSTDCS_XA", "BK_CTT"]
    with sqlite3.connect(path) as conn:
        conn.executemany("INSERT INTO nominee (id, kind, name, gender, birth_date, position, unit) VALUES "
                         "(?, 'individual', ?, 'Nam', '1980-01-01', 'Cán bộ', ?)",
                         [(i, f"{rng.choice(family)} Văn {rng.choice(given)} {i}", f"Thôn {i % 40}")
                          for i in range(1, count + 1)])
        today = dt.date.today()
        form_names = dict(conn.execute("SELECT code, name FROM award_form"))
        achievement = "Hoàn thành xuất sắc nhiệm vụ được giao"
        conn.executemany("INSERT INTO nomination (nominee_id, award_form_code, granting_level, award_kind, achievement,"
                         " movement, year, deadline, status, note, search_text) VALUES (?, ?, 'commune', 'regular', ?,"
                         " '', ?, ?, 'draft', '', ?)",
                         [(i, code, achievement, today.year - i % 3,
                           (today + dt.timedelta(days=i % 60 - 20)).isoformat(),
                           search_text(name, unit, "Cán bộ", form_names[code], "", achievement))
                          for i, name, unit in conn.execute("SELECT id, name, unit FROM nominee")
                          for code in [rng.choice(forms)]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    args = parser.parse_args()
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from core.db import Database
    from ui.nominations_tab import NominationsTab

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "thidua.sqlite3"
        fill(path, args.count)
        db = Database(path)
        start = time.perf_counter()
        tab = NominationsTab(db)
        tab.show()
        app.processEvents()
        load = time.perf_counter() - start
        keys = []
        for ch in "nguyen van a":
            start = time.perf_counter()
            QTest.keyClicks(tab.search, ch)
            app.processEvents()
            keys.append(time.perf_counter() - start)
        print(f"{args.count} nominations: list loaded in {load * 1000:.0f} ms; search keystroke median "
              f"{statistics.median(keys) * 1000:.0f} ms, slowest {max(keys) * 1000:.0f} ms; "
              f"{tab.model.rowCount()} rows match «nguyen van a»")
        db.close()


if __name__ == "__main__":
    main()
