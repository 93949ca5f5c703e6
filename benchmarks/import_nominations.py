"""Time an .xlsx import of a large list into a file that already holds many nominations, and how long an open
window waits meanwhile.

    .venv/bin/python benchmarks/import_nominations.py [--rows 10000] [--count 50000]

CPU seconds are printed beside wall seconds: on a shared machine the wall time is mostly waiting for a core.

Goals (issue 26): 8,000–10,000 rows imported in ≤ 5 s (was 160 s: matching was quadratic); a save from another
window waits at most about 1 s while the import writes. The list holds ``--rows`` rows: a tenth repeat nominations
already on record, a few repeat a row of the file, the rest are new people.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_list(path: Path, db_path: Path, rows: int) -> None:
    """A list in the export's layout: every tenth row a nomination on record, every fiftieth a repeat."""
    from openpyxl import Workbook

    from core.export_xlsx import PERSON_COLUMNS

    with sqlite3.connect(db_path) as conn:
        held = conn.execute("SELECT n.name, n.birth_date, n.unit, f.name, m.year FROM nomination m"
                            " JOIN nominee n ON n.id = m.nominee_id JOIN award_form f ON f.code = m.award_form_code"
                            f" LIMIT {rows // 10}").fetchall()
    book = Workbook()
    ws = book.active
    ws.append([name for name, _width in PERSON_COLUMNS])
    year = dt.date.today().year
    for i in range(rows):
        if i % 10 == 0 and held:
            name, birth, unit, form, row_year = held[(i // 10) % len(held)]
            ws.append([i + 1, name, "Nam", dt.date.fromisoformat(birth).strftime("%d/%m/%Y"), "Cán bộ", unit, form,
                       row_year, "Hoàn thành tốt nhiệm vụ", ""])
        else:
            n = i - 1 if i % 50 == 2 else i
            ws.append([i + 1, f"Người Mới Số {n}", "Nữ", f"{1 + n % 28:02d}/{1 + n % 12:02d}/{1960 + n % 40}",
                       "Giáo viên", f"Trường số {n % 30}", "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", year,
                       "Dạy giỏi", ""])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--count", type=int, default=50_000)
    args = parser.parse_args()
    from nominations import fill

    from core.db import Database
    from core.operations.nominations import import_nominations

    with tempfile.TemporaryDirectory() as tmp:
        db_path, xlsx = Path(tmp) / "thidua.sqlite3", Path(tmp) / "ds.xlsx"
        fill(db_path, args.count)
        write_list(xlsx, db_path, args.rows)
        db = Database(db_path)
        today = dt.date.today()
        waits: list[float] = []
        stop = threading.Event()

        def other_window() -> None:
            """Saves of another window (a note changed) every 20 ms, each timed."""
            conn = sqlite3.connect(db_path, timeout=30)
            while not stop.is_set():
                start = time.perf_counter()
                conn.execute("UPDATE commune_settings SET drafting_unit = drafting_unit")
                conn.commit()
                waits.append(time.perf_counter() - start)
                time.sleep(0.02)
            conn.close()

        start, cpu = time.perf_counter(), time.process_time()
        preview = import_nominations(db, xlsx, today.year, today)
        read, read_cpu = time.perf_counter() - start, time.process_time() - cpu
        writer = threading.Thread(target=other_window)
        writer.start()
        start, cpu = time.perf_counter(), time.process_time()
        done = import_nominations(db, xlsx, today.year, today, write=True)
        total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
        stop.set()
        writer.join()
        db.close()
        print(f"{args.rows} rows into {args.count} nominations: summary in {read:.2f} s ({read_cpu:.2f} s CPU); "
              f"import in {total:.2f} s ({total_cpu:.2f} s CPU, the other window's thread included) "
              f"({len(done.new)} added, {len(done.existing)} already on record, {len(done.repeated)} repeated, "
              f"{len(done.problems)} unreadable; summary said {len(preview.new)} new); another window's save waited "
              f"at most {max(waits) * 1000:.0f} ms over {len(waits)} saves")


if __name__ == "__main__":
    main()
