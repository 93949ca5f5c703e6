"""Time .docx and PDF export of a plan with 40 targets and about 10 pages.

    .venv/bin/python benchmarks/export.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication  # noqa: E402

from core.db import Database  # noqa: E402
from core.demo import create_demo_data  # noqa: E402
from core.export_docx import export_docx  # noqa: E402
from core.layout import build_layout  # noqa: E402
from core.models import Comparator, Field, Plan, PlanKind, SectionKind, Target  # noqa: E402
from core.plans import new_plan, section_of  # noqa: E402
from core.settings import load_settings  # noqa: E402
from ui.printing import export_pdf  # noqa: E402

PARAGRAPH = ("Các ban, ngành, đoàn thể và thôn, tổ dân phố tổ chức phát động thi đua sâu rộng, gắn với nhiệm vụ "
             "chính trị của đơn vị; thường xuyên theo dõi, đôn đốc, kịp thời biểu dương, khen thưởng. ")


def make_plan(db: Database) -> int:
    """A plan of about 10 pages: long content sections and 40 targets in five fields."""
    create_demo_data(db)
    with db.session() as s:
        plan = new_plan(s, load_settings(s), PlanKind.ANNUAL, 2027)
        for section in plan.sections:
            if section.kind is SectionKind.CONTENT:
                section.body = "\n".join([PARAGRAPH * 4] * 5)
        section_of(plan, SectionKind.PURPOSE).body = "\n".join([PARAGRAPH] * 4)
        fields = list(Field)[:5]
        for i in range(40):
            plan.targets.append(Target(position=i, indicator=f"Tỷ lệ chỉ tiêu thử số {i + 1} của xã", value=80 + i / 4,
                                       unit="%", comparator=Comparator.GE, field=fields[i % 5]))
        return plan.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QGuiApplication([])  # noqa: F841 (painting needs it)
    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "bench.sqlite3")
        plan_id = make_plan(db)
        with db.session() as s:
            layout = build_layout(s.get(Plan, plan_id), load_settings(s))
        for name, run in (("docx", lambda: export_docx(layout, Path(tmp) / "plan.docx")),
                          ("pdf", lambda: export_pdf(layout, Path(tmp) / "plan.pdf"))):
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                result = run()
                best = min(best, time.perf_counter() - start)
            pages = f", {result} pages" if isinstance(result, int) else ""
            print(f"{name:5} {best * 1000:8.1f} ms (best of {args.repeat}{pages})")
        db.close()


if __name__ == "__main__":
    main()
