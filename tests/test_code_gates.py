"""The code gates of the test command: ruff, mypy on core/ and the import contracts, all configured in
pyproject.toml. Each runs as its own program from the project's root and fails with its findings printed; each is
skipped when its tool is not installed (it comes with the ``test`` extra)."""

import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(package: str, *args: str) -> str:
    """Run ``python args`` from the project's root; fails the test with the findings unless it exits 0.
    Skips when ``package`` (the tool) is not installed."""
    if find_spec(package) is None:
        pytest.skip(f"{package} is not installed (pip install -e '.[test]')")
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=600)
    assert done.returncode == 0, f"{package} found problems:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_ruff_finds_nothing():
    """E, F, B, UP, SIM, RUF and N over the whole project (tests and benchmarks included)."""
    _run("ruff", "-m", "ruff", "check", "--output-format", "concise", ".")


def test_mypy_finds_nothing_in_core():
    """core/ with Optional checked: a ``session.get()`` used unchecked is an error. The cache (``.mypy_cache``)
    makes later runs take a second; the first takes about half a minute."""
    assert "Success" in _run("mypy", "-m", "mypy")


def test_import_contracts_are_kept():
    """The layers (ui above core; in core the command line, then core.operations, then every other module, each
    placed), core has no Qt, extraction touches no storage, ui reaches the tables only through core operations."""
    out = _run("importlinter", "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
               "--no-logo")
    assert "0 broken" in out
    assert "5 kept" in out  # a contract dropped from pyproject.toml would pass unnoticed
