"""Start-up times as ratios to bare baselines, measured side by side in one run (issue 14).

    .venv/bin/python benchmarks/startup.py [--runs 7] [--bundle dist/thidua-xa]

Goals: ``main.py --version`` ≤ 1.2 × ``python -c pass``; ``extract-targets`` on a 10-page .docx ≤ 1.5 × python-docx
merely opening and walking that file; the application's window on the demo database ≤ 2.0 × a bare PySide6
window with two tabs. Each is the median wall time of fresh processes (Qt offscreen). For the window, the time to
the first window on screen (the application's "Đang mở dữ liệu…" splash) and to the main window painted with the
data are measured from the process start to the line ``--self-test`` prints at each. Bytecode is cached as on a
user's PC (a shell's ``PYTHONDONTWRITEBYTECODE`` is ignored): the warm-up run of each command writes it.
With ``--bundle`` the frozen programs are timed against the same baselines (the command goals are for main.py: a
frozen program also pays its bootloader, about 30 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_DOCX = """
import sys, docx
document = docx.Document(sys.argv[1])
for block in document.iter_inner_content():
    getattr(block, "text", None) or [c.text for r in block.rows for c in r.cells]
"""
BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication([])
window = QMainWindow()
tabs = QTabWidget()
tabs.addTab(QWidget(), "Kế hoạch thi đua")
tabs.addTab(QWidget(), "Khen thưởng")
window.setCentralWidget(tabs)
window.show()
app.processEvents()
print("window", flush=True)
QTimer.singleShot(0, app.quit)
app.exec()
"""
# The same window after SQLAlchemy's ORM has opened the file and read from it: the floor our storage library sets.
BARE_WINDOW_ORM = BARE_WINDOW.replace("window.show()", """
import sys
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session
with Session(create_engine("sqlite:///" + sys.argv[1])) as session:
    tabs.setTabText(0, f"{session.execute(text('SELECT count(*) FROM plan')).scalar()} kế hoạch")
window.show()""")

# As on a clerk's PC: bytecode is cached (the warm-up run writes it), whatever PYTHONDONTWRITEBYTECODE this shell has;
# otherwise every module of the project is compiled from source on each start while site-packages' are not.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}, "QT_QPA_PLATFORM": "offscreen"}


def ten_pages(path: Path) -> Path:
    """A 10-page plan-like .docx (about 300 paragraphs, a targets table)."""
    import docx

    document = docx.Document()
    for n in range(1, 31):
        document.add_paragraph(f"{n}. Nội dung thi đua số {n}")
        for k in range(9):
            document.add_paragraph(f"- Phấn đấu tỷ lệ hộ gia đình đạt tiêu chí thứ {k} của năm 2026 đạt {80 + k}%; "
                                   "tiếp tục nâng cao chất lượng phong trào thi đua trên địa bàn xã.")
    table = document.add_table(rows=1, cols=4)
    for n in range(1, 21):
        for cell, text in zip(table.add_row().cells, [str(n), f"Chỉ tiêu {n}", "%", str(50 + n)]):
            cell.text = text
    document.save(path)
    return path


def median_time(command: list[str], runs: int) -> float:
    """Median wall time of ``runs`` fresh processes of ``command`` (one warm-up run first)."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def marker_times(command: list[str], runs: int) -> dict[str, float]:
    """Median time from the start of ``command`` to each line it prints (a marker such as "window")."""
    seen: dict[str, list[float]] = {}
    for i in range(runs + 1):
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True)
        for line in process.stdout:
            if i:
                seen.setdefault(line.strip(), []).append(time.perf_counter() - start)
        process.wait()
    return {marker: statistics.median(times) for marker, times in seen.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, help="also time the frozen programs of this PyInstaller folder")
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = ten_pages(Path(tmp) / "ke-hoach-10-trang.docx")
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([py, "main.py", "demo-data", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)
        programs = [("main.py", [py, "main.py"], [py, "main.py"])]
        if args.bundle:
            programs.append(("frozen", [str(args.bundle / "thidua-xa-cli")], [str(args.bundle / "thidua-xa")]))
        bare_pass = median_time([py, "-c", "pass"], args.runs)
        bare_docx = median_time([py, "-c", BARE_DOCX, str(docx_path)], args.runs)
        bare_window = marker_times([py, "-c", BARE_WINDOW], args.runs)["window"]
        bare_orm = marker_times([py, "-c", BARE_WINDOW_ORM, str(db)], args.runs)["window"]
        for label, cli, gui in programs:
            for name, command, base_name, bare, goal in (
                ("--version", [*cli, "--version"], "python -c pass", bare_pass, 1.2),
                ("extract-targets (10 pages)", [*cli, "extract-targets", str(docx_path)], "python-docx read", bare_docx,
                 1.5),
            ):
                ours = median_time(command, args.runs)
                met = "met" if ours / bare <= goal else "NOT met"
                goal_note = f" (goal ≤ {goal}×, {met})" if label == "main.py" else ""
                print(f"{label} {name}: {ours:.3f} s vs {base_name} {bare:.3f} s = {ours / bare:.2f}×{goal_note}")
            ours = marker_times([*gui, "--db", str(db), "--self-test"], args.runs)
            for marker, name in (("splash", "first window (splash)"), ("window", "main window with the demo data")):
                verdict = "met" if ours[marker] / bare_window <= 2.0 else "NOT met"
                print(f"{label} {name}: {ours[marker]:.3f} s vs bare two-tab window {bare_window:.3f} s = "
                      f"{ours[marker] / bare_window:.2f}× (goal ≤ 2.0×, {verdict}); vs the same window after "
                      f"SQLAlchemy's ORM read the file {bare_orm:.3f} s = {ours[marker] / bare_orm:.2f}×")

if __name__ == "__main__":
    main()
