"""The Windows build workflow cannot run here (no Windows, no network): it is checked against GitHub's workflow
schema, and the steps it takes are the ones that pass here on Linux."""

import subprocess
import sys

from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _check(path):
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


def test_the_windows_workflow_is_a_valid_github_workflow():
    result = _check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_would_notice_a_broken_workflow(tmp_path):
    broken = tmp_path / "windows.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    assert _check(broken).returncode != 0


def test_the_workflow_builds_with_the_projects_own_script_on_both_pythons():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert '"3.11", "3.13"' in text
    assert "installer/build.ps1" in text and "--self-test" in text and "extract-targets" in text
    assert "/VERYSILENT" in text and "upload-artifact" in text
