"""The release as a clerk gets it: the one-folder PyInstaller bundle is built and its programs are run.

Marked ``installer`` (it takes a minute or more): CI runs it; locally ``pytest -m "not installer"`` leaves it out.
"""

import os
import shutil
import subprocess
import sys

import docx
import pypdf
import pytest
from conftest import ROOT
from samples import TARGETS, superior_plan_docx

from core import __version__

pytestmark = pytest.mark.installer
EXE = ".exe" if os.name == "nt" else ""


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The folder dist/thidua-xa built from installer/thidua-xa.spec into a temporary folder."""
    pytest.importorskip("PyInstaller", reason="the [build] extra is not installed")
    work = tmp_path_factory.mktemp("pyinstaller")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                    "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                    str(ROOT / "installer" / "thidua-xa.spec")], cwd=ROOT, check=True, timeout=1800)
    return work / "dist" / "thidua-xa"


def _run(bundle, program, *args, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)}
    return subprocess.run([str(bundle / (program + EXE)), *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=300)


def test_the_bundle_holds_both_programs_and_stays_small(bundle):
    assert (bundle / ("thidua-xa" + EXE)).is_file() and (bundle / ("thidua-xa-cli" + EXE)).is_file()
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    # 144 MB on Debian 12 (36 MB of it ICU) before OCR; OCR adds about 65 MB unpacked: tesserocr's libraries 35,
    # Pillow's 22, PDFium 8 (estimated from the wheels; the installer itself grows by about 35 MB, docs/OCR.md)
    assert size < 230 * 2**20, f"bundle is {size / 2**20:.0f} MB"
    assert not list(bundle.rglob("qtbase_*.qm"))  # Qt's translations (none Vietnamese) are left out
    names = {f.name.lower() for f in bundle.rglob("*")}
    # Neither the plugins the application never loads nor the libraries only they link (GTK's theme: pango, cairo)
    assert not {n for n in names if n.startswith(("libqgtk3", "libqjpeg", "qjpeg", "libpango", "libcairo"))}
    assert not {n for n in names if "qt6network" in n or "opengl32sw" in n}


def test_the_frozen_commands_work(bundle, tmp_path):
    version = _run(bundle, "thidua-xa-cli", "--version", tmp_path=tmp_path)
    assert version.returncode == 0 and __version__ in version.stdout
    plan = superior_plan_docx(tmp_path / "ke-hoach-huyen.docx")
    targets = _run(bundle, "thidua-xa-cli", "extract-targets", str(plan), tmp_path=tmp_path)
    assert targets.returncode == 0 and targets.stdout.count('"indicator"') == len(TARGETS)
    # a scan: the frozen Tesseract, its Vietnamese model in resources/ and PDFium are found and work offline
    scan = _run(bundle, "thidua-xa-cli", "extract-targets", str(ROOT / "tests" / "data" / "scan-2-pages.pdf"),
                tmp_path=tmp_path)
    assert scan.returncode == 0, scan.stderr
    assert scan.stdout.count('"from_ocr": true') >= 15 and "Tổng kim ngạch xuất khẩu" in scan.stdout
    db = tmp_path / "demo.sqlite3"
    assert _run(bundle, "thidua-xa-cli", "demo-data", "--db", str(db), tmp_path=tmp_path).returncode == 0
    exported = _run(bundle, "thidua-xa-cli", "export-plan", "--db", str(db), "--plan", "1", "--docx",
                    str(tmp_path / "kh.docx"), "--pdf", str(tmp_path / "kh.pdf"), tmp_path=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert any(p.text == "KẾ HOẠCH" for p in docx.Document(tmp_path / "kh.docx").paragraphs)
    assert "KẾ HOẠCH" in " ".join(pypdf.PdfReader(tmp_path / "kh.pdf").pages[0].extract_text().split())


def test_the_frozen_window_starts_and_quits(bundle, tmp_path):
    db = tmp_path / "demo.sqlite3"
    shutil.copy(ROOT / "tests" / "data" / "schema-0001.sqlite3", db)  # an older file: migrated by the bundle
    started = _run(bundle, "thidua-xa", "--db", str(db), "--self-test", tmp_path=tmp_path)
    assert started.returncode == 0, started.stderr


def test_the_frozen_window_without_a_screen_points_to_the_commands(bundle, tmp_path):
    if sys.platform.startswith(("win", "darwin")):
        pytest.skip("Windows and macOS always have a screen")
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    started = subprocess.run([str(bundle / ("thidua-xa" + EXE)), "--db", str(tmp_path / "x.sqlite3")], env=env,
                             capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert started.returncode == 3 and "thidua-xa-cli --help" in started.stderr
