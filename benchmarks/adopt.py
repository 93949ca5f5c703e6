"""Time adopting ticked superior targets into the commune's plan (wizard page 3), for growing lists.

    .venv/bin/python benchmarks/adopt.py

Goal (issue 15): linear in the number of rows (it was quadratic: 1,000 rows 0.8 s, 3,000 rows 5.7 s).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtWidgets import QApplication

    from core.db import Database
    from core.models import Comparator, Field, Target
    from ui.wizard.page_targets import TargetsPage

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "thidua.sqlite3")
        for count in (1000, 3000):
            page = TargetsPage(db)
            page.show()
            page.superior.set_rows([Target(id=i, position=i, indicator=f"Chỉ tiêu thứ {i} của cấp trên",
                                           comparator=Comparator.GE, value=float(i), unit="%", field=Field.ECONOMY,
                                           source_text=f"Chỉ tiêu thứ {i} đạt {i}%", confidence=1.0)
                                    for i in range(1, count + 1)])
            app.processEvents()
            start = time.perf_counter()
            page.adopt_ticked()
            app.processEvents()
            print(f"{count} targets adopted in {time.perf_counter() - start:.3f} s")
            page.deleteLater()
        db.close()


if __name__ == "__main__":
    main()
