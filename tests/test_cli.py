"""The command line: version, demo data, the no-screen message."""

import os
import subprocess
import sys

from conftest import ROOT


def _run(*args, env=None):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120)


def test_version():
    out = _run("--version")
    assert out.returncode == 0 and "0.1.0" in out.stdout


def test_demo_data_creates_a_commune(tmp_path):
    from core.db import Database
    from core.settings import load_settings

    path = tmp_path / "demo.sqlite3"
    out = _run("demo-data", "--db", str(path))
    assert out.returncode == 0, out.stderr
    database = Database(path)
    with database.session() as s:
        assert load_settings(s).commune_name == "Hòa Phong"
    database.close()


def test_gui_without_a_screen_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = _run("--db", str(tmp_path / "x.sqlite3"), env=env)
    if sys.platform.startswith(("win", "darwin")):
        return
    assert out.returncode == 3
    assert out.stderr.strip().startswith("Không tìm thấy màn hình")
    assert "Traceback" not in out.stderr
