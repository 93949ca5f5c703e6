"""Hostile and unusual files through the headless readers: wall time, peak memory and exit code of each (issue #25).

    .venv/bin/python benchmarks/hostile_files.py [--only NAME ...] [--timeout 300] [--mem-limit-gb 0]
                                                 [--project DIR] [--keep DIR]

Writes the corpus (made by ``tests/hostile.py`` at full size, a few MB on disk in all) to a temporary folder,
then runs each file in a fresh process through ``main.py extract-targets FILE`` (superior plans) or
``main.py import-nominations --db COPY --xlsx FILE`` (lists; each on a fresh copy of a demo database) and prints
one row per file: wall seconds, CPU seconds (user + system: on a shared machine the wall time depends on the
load, the CPU time does not; the bound is judged on it), peak resident memory (MB), exit code, and the first
line of stderr.
``--project`` runs another checkout's ``main.py`` on the same corpus (to measure before/after);
``--mem-limit-gb`` caps each child's address space and ``--timeout`` kills a child that runs longer (the row
then says so). POSIX only (``os.wait4``).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

# (file name, maker, wanted bound in seconds); .xlsx files go through import-nominations, the rest extract-targets
CASES = [
    ("gridspan.docx", hostile.gridspan_docx, 5),
    ("vmerge-3000.docx", hostile.vmerge_docx, 5),
    ("long-line.txt", hostile.long_line_txt, 10),
    ("long-paragraph.docx", hostile.long_paragraph_docx, 10),
    ("paragraphs-39MB.docx", hostile.many_paragraphs_docx, 20),
    ("entity-bomb.docx", hostile.entity_bomb_docx, 5),
    ("deep-xml.docx", hostile.deep_xml_docx, 5),
    ("huge-page.pdf", hostile.huge_page_pdf, 20),
    ("nested-arrays.pdf", hostile.nested_arrays_pdf, 5),
    ("utf16-lone-surrogate.txt", hostile.utf16_lone_surrogate_txt, 5),
    ("utf16-odd-length.txt", hostile.utf16_odd_length_txt, 5),
    ("control-character.txt", hostile.control_character_txt, 5),
    ("bomb-cell.xlsx", hostile.xlsx_bomb_cell, 5),
    ("bomb-shared-strings.xlsx", hostile.xlsx_bomb_shared_strings, 5),
    ("bomb-rows.xlsx", hostile.xlsx_bomb_rows, 5),
    ("entity-bomb.xlsx", hostile.xlsx_entity_bomb, 5),
    ("list-8000.xlsx", hostile.nomination_list_xlsx, 5),
    ("list-10000.xlsx", lambda path: hostile.nomination_list_xlsx(path, 10_000), 5),
    ("list-nfd.xlsx", lambda path: hostile.nomination_list_xlsx(path, 50, "NFD"), 5),
]


def run(command: list[str], timeout: float, mem_limit: int) -> tuple[float, float, float, str, str]:
    """Run ``command``; return (wall seconds, CPU seconds, peak RSS in MB, exit code or "killed", first line of
    stderr)."""
    def limit() -> None:
        if mem_limit:
            resource.setrlimit(resource.RLIMIT_AS, (mem_limit, mem_limit))

    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=limit)
        status = None
        while status is None:
            pid, raw, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
            elif time.perf_counter() - start > timeout:
                child.kill()
                _pid, _raw, usage = os.wait4(child.pid, 0)
                status = f"killed after {timeout:.0f} s"
            else:
                time.sleep(0.05)
        child.returncode = -1  # reaped above
        seconds = time.perf_counter() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    first = lines[0] if lines else ""
    if len(lines) > 1:
        first += f"  (+{len(lines) - 1} lines: {lines[-1][:60]})"
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, str(status), first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="file names to run (default: all)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--mem-limit-gb", type=float, default=0, help="address-space cap per child (0: none)")
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout whose main.py runs the files")
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    main_py = str(args.project / "main.py")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    env_db = folder / "demo.sqlite3"
    if not env_db.exists():
        subprocess.run([sys.executable, str(ROOT / "main.py"), "demo-data", "--db", str(env_db)], check=True,
                       stdout=subprocess.DEVNULL)
    mem_limit = int(args.mem_limit_gb * 2**30)
    print(f"{'file':26} {'size':>9} {'wall s':>7} {'CPU s':>6} {'peak MB':>8} {'exit':>6}  {'wanted':>7}  stderr")
    failures = 0
    try:
        for name, make, wanted in CASES:
            if args.only and name not in args.only:
                continue
            path = folder / name
            if not path.exists():
                make(path)
            if path.suffix == ".xlsx":
                db = folder / "run.sqlite3"
                shutil.copyfile(env_db, db)
                command = [sys.executable, main_py, "import-nominations", "--db", str(db), "--xlsx", str(path),
                           "--year", "2026"]
            else:
                command = [sys.executable, main_py, "extract-targets", str(path)]
            seconds, cpu, peak, code, stderr = run(command, args.timeout, mem_limit)
            # one Vietnamese sentence or nothing on stderr; a traceback also exits 1 but prints more lines
            within = cpu <= wanted and peak <= 300 and code in ("0", "1") \
                and (not stderr or (stderr.startswith("Lỗi: ") and "lines:" not in stderr))
            failures += not within
            size = path.stat().st_size
            print(f"{name:26} {size / 1024:>7.0f}KB {seconds:>7.1f} {cpu:>6.1f} {peak:>8.0f} {code:>6}  "
                  f"{'≤' + str(wanted) + ' s':>7}{'' if within else ' !'}  {stderr[:150]}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
