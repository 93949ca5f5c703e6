"""Start-up times as ratios to bare baselines, measured side by side in one run (issues 14, 26 §4, 29 §1).

    .venv/bin/python benchmarks/startup.py [--runs 7] [--nominations 50000] [--bundle dist/thidua-xa]

Goals: ``main.py --version`` ≤ 1.2 × ``python -c pass``; ``extract-targets`` on a 10-page .docx ≤ 1.5 × python-docx
merely opening and walking that file; the application's main window painted (tabs, menus, lists saying "đang tải…")
≤ 2.0 × a bare PySide6 window with two tabs; the lists filled ≤ 1.0 s after that paint on the demo database; the
first-run dialog (commune details, on a new empty file) within the same 2.0 × budget; the main window with its lists
filled on a file of 50,000 nominations ≤ 1.5 × the same on the demo database. Each is the median over fresh processes
(Qt offscreen) of the time from the process start to the line ``--self-test`` prints at each step ("window" at the
first paint, "data" once the lists are filled). Bytecode is cached as on a user's PC (a shell's
``PYTHONDONTWRITEBYTECODE`` is ignored): the warm-up run of each command writes it.
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
        for cell, text in zip(table.add_row().cells, [str(n), f"Chỉ tiêu {n}", "%", str(50 + n)], strict=True):
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


# The first start on a new, empty file, up to the commune-details dialog shown (the clerk's first question).
FIRST_RUN = """
import sys
from pathlib import Path
for leftover in Path(sys.argv[1]).parent.glob(Path(sys.argv[1]).name + "*"):
    leftover.unlink()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app, main_window

ask = main_window.MainWindow.edit_settings

def shown(window):
    dialog = ask(window)
    QApplication.processEvents()
    print("settings" if dialog.isVisible() else "no dialog", flush=True)
    QTimer.singleShot(0, QApplication.instance().quit)
    return dialog

main_window.MainWindow.edit_settings = shown
sys.exit(app.run_gui(sys.argv[1]))
"""


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, s) the process ``pid`` has used so far, from /proc (Linux); NaN elsewhere. On a
    shared machine it says more than the wall time."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def marker_runs(command: list[str], runs: int) -> list[dict[str, float]]:
    """For each of ``runs`` fresh processes of ``command`` (after one warm-up run): the time from its start to each
    line it prints (a marker such as "window"), and the CPU time it had used then ("window cpu")."""
    result = []
    for i in range(runs + 1):
        seen = {}
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   text=True)
        for line in process.stdout:
            seen[line.strip()] = time.perf_counter() - start
            seen[line.strip() + " cpu"] = cpu_seconds(process.pid)
        process.wait()
        if i:
            result.append(seen)
    return result


def marker_times(command: list[str], runs: int) -> dict[str, float]:
    """Median time from the start of ``command`` to each line it prints (a marker such as "window")."""
    runs_seen = marker_runs(command, runs)
    return {marker: statistics.median(seen[marker] for seen in runs_seen) for marker in runs_seen[0]}


def verdict(ratio: float, goal: float) -> str:
    return f"goal ≤ {goal}×, {'met' if ratio <= goal else 'NOT met'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--nominations", type=int, default=50_000, help="nominations in the large file")
    parser.add_argument("--bundle", type=Path, help="also time the frozen programs of this PyInstaller folder")
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = ten_pages(Path(tmp) / "ke-hoach-10-trang.docx")
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run([py, "main.py", "demo-data", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)
        large = Path(tmp) / f"{args.nominations}-de-nghi.sqlite3"
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from nominations import fill  # the same fictional nominations as benchmarks/nominations.py

        fill(large, args.nominations)
        programs = [("main.py", [py, "main.py"], [py, "main.py"])]
        if args.bundle:
            programs.append(("frozen", [str(args.bundle / "thidua-xa-cli")], [str(args.bundle / "thidua-xa")]))
        bare_pass = median_time([py, "-c", "pass"], args.runs)
        bare_docx = median_time([py, "-c", BARE_DOCX, str(docx_path)], args.runs)
        print(f"load average at the start: {os.getloadavg()[0]:.1f}")
        bare = marker_times([py, "-c", BARE_WINDOW], args.runs)
        bare_window = bare["window"]
        bare_orm = marker_times([py, "-c", BARE_WINDOW_ORM, str(db)], args.runs)["window"]
        print(f"bare two-tab window {bare_window:.3f} s (CPU {bare['window cpu']:.3f} s); "
              f"the same after SQLAlchemy's ORM read the file {bare_orm:.3f} s")
        for label, cli, gui in programs:
            for name, command, base_name, bare, goal in (
                ("--version", [*cli, "--version"], "python -c pass", bare_pass, 1.2),
                ("extract-targets (10 pages)", [*cli, "extract-targets", str(docx_path)], "python-docx read", bare_docx,
                 1.5),
            ):
                ours = median_time(command, args.runs)
                goal_note = f" ({verdict(ours / bare, goal)})" if label == "main.py" else ""
                print(f"{label} {name}: {ours:.3f} s vs {base_name} {bare:.3f} s = {ours / bare:.2f}×{goal_note}")
            filled = {}
            for data_name, path in (("demo", db), (f"{args.nominations:,} nominations", large)):
                runs = marker_runs([*gui, "--db", str(path), "--self-test"], args.runs)
                painted = statistics.median(seen["window"] for seen in runs)
                filled[data_name] = statistics.median(seen["data"] for seen in runs)
                after = statistics.median(seen["data"] - seen["window"] for seen in runs)
                after_cpu = statistics.median(seen["data cpu"] - seen["window cpu"] for seen in runs)
                print(f"{label} main window painted ({data_name}): {painted:.3f} s = {painted / bare_window:.2f}× the "
                      f"bare window ({verdict(painted / bare_window, 2.0)}); lists filled {after:.3f} s after the "
                      f"paint (CPU {after_cpu:.3f} s)"
                      f"{' (goal ≤ 1.0 s, ' + ('met)' if after <= 1.0 else 'NOT met)') if data_name == 'demo' else ''}"
                      f", {filled[data_name]:.3f} s from the start")
            (demo_name, demo), (large_name, many) = filled.items()
            print(f"{label} main window with its lists filled, {large_name} vs {demo_name}: "
                  f"{many:.3f} s vs {demo:.3f} s"
                  f" = {many / demo:.2f}× ({verdict(many / demo, 1.5)})")
            if label == "main.py":
                first_runs = marker_times([py, "-c", FIRST_RUN, str(Path(tmp) / "moi" / "thidua.sqlite3")],
                                          args.runs)
                first = first_runs["settings"]
                print(f"{label} first-run dialog on a new file: {first:.3f} s = {first / bare_window:.2f}× the bare "
                      f"window ({verdict(first / bare_window, 2.0)}; CPU {first_runs['settings cpu']:.3f} s)")
        print(f"load average at the end (2 cores shared): {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
