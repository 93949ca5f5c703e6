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
    assert "python main.py --help" in out.stderr  # where the headless commands are
    assert "Traceback" not in out.stderr


def test_demo_data_refuses_a_database_that_holds_a_commune(tmp_path):
    from core.db import Database
    from core.settings import load_settings, save_settings

    path = tmp_path / "real.sqlite3"
    database = Database(path)
    with database.session() as s:
        save_settings(s, commune_name="Phổ An", place_name="Phổ An")
    database.close()
    out = _run("demo-data", "--db", str(path))
    assert out.returncode == 1 and "đã có dữ liệu" in out.stderr and "Traceback" not in out.stderr
    database = Database(path)
    with database.session() as s:
        assert load_settings(s).commune_name == "Phổ An"
    database.close()
    assert _run("demo-data", "--db", str(path), "--force").returncode == 0


def test_demo_data_needs_a_file_named(tmp_path):
    env = {**os.environ, "THIDUA_DB": str(tmp_path / "default.sqlite3")}
    out = _run("demo-data", env=env)
    assert out.returncode == 1 and "--db" in out.stderr
    assert not (tmp_path / "default.sqlite3").exists()


def test_reading_commands_refuse_a_mistyped_database(tmp_path):
    typo = tmp_path / "thidua.sqlite"
    for args in (["list-plans", "--db", str(typo)], ["export-plan", "--db", str(typo), "--plan", "1", "--docx",
                                                      str(tmp_path / "a.docx")]):
        out = _run(*args)
        assert out.returncode == 2 and "Không có tệp dữ liệu" in out.stderr
    assert not typo.exists()


def test_a_pdf_that_cannot_be_written_is_an_error(tmp_path):
    path = tmp_path / "demo.sqlite3"
    assert _run("demo-data", "--db", str(path)).returncode == 0
    out = _run("export-plan", "--db", str(path), "--plan", "1", "--pdf", str(tmp_path / "no-such-folder" / "a.pdf"))
    assert out.returncode == 1 and "no-such-folder" in out.stderr and "Traceback" not in out.stderr


def test_the_nominations_list_from_the_command_line_is_the_tabs_list_signed_by_the_chairman(tmp_path):
    from openpyxl import load_workbook

    from core.db import Database

    path, xlsx = tmp_path / "demo.sqlite3", tmp_path / "danh-sach.xlsx"
    assert _run("demo-data", "--db", str(path)).returncode == 0
    out = _run("export-nominations", "--db", str(path), "--xlsx", str(xlsx), "--year", "2026", "--status", "granted")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Đã xuất ")
    texts = {str(c.value) for sheet in load_workbook(xlsx) for row in sheet.iter_rows() for c in row if c.value}
    assert {"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"} <= texts
    empty = tmp_path / "moi.sqlite3"
    Database(empty).close()
    out = _run("export-nominations", "--db", str(empty), "--xlsx", str(tmp_path / "b.xlsx"))
    assert out.returncode == 1 and out.stderr.startswith("Lỗi: Chưa nhập thông tin xã")


def test_a_missing_file_is_one_vietnamese_sentence(tmp_path):
    db = tmp_path / "demo.sqlite3"
    assert _run("demo-data", "--db", str(db)).returncode == 0
    missing = tmp_path / "không-có.xlsx"
    out = _run("--db", str(db), "import-nominations", "--xlsx", str(missing))
    assert out.returncode == 1 and out.stderr.strip() == f"Lỗi: không tìm thấy tệp «{missing}»."
    out = _run("--db", str(db), "extract-targets", str(tmp_path / "không-có.docx"))
    assert out.returncode == 1 and out.stderr.strip() == "Lỗi: Không tìm thấy tệp «không-có.docx»."


def test_award_documents_for_a_year_without_a_season_says_so_and_creates_nothing(tmp_path):
    path, out_dir = tmp_path / "demo.sqlite3", tmp_path / "out"
    assert _run("demo-data", "--db", str(path)).returncode == 0
    out = _run("award-documents", "--db", str(path), "--year", "1999", "--out", str(out_dir))
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip() == ("Lỗi: Năm 1999 chưa có văn bản khen thưởng nào (biên bản họp Hội đồng, quyết "
                                  "định hay tờ trình có danh sách) để ghi.")
    assert not out_dir.exists()
