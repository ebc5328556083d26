"""`judgment check RULES` also checks the rulebook's `tests/` files (issue 15, point 7): a case file
that `judgment test` would refuse must not pass `check`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

CARE_HOMES = ROOT / "examples" / "rulebooks" / "care-homes"


def _check(rules: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", "check", str(rules), "--format", "json"],
                          capture_output=True, text=True, timeout=120, check=False)


def _copy(tmp_path: Path) -> Path:
    rules = tmp_path / "care-homes"
    shutil.copytree(CARE_HOMES, rules)
    return rules


def test_the_shipped_case_files_pass_check(tmp_path: Path) -> None:
    result = _check(_copy(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_yaml_error_in_a_case_file_fails_check(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    (rules / "tests" / "broken.yaml").write_text("cases:\n  - name: [unclosed\n", encoding="utf-8")
    result = _check(rules)
    assert result.returncode == 1, result.stdout + result.stderr
    (found,) = json.loads(result.stdout)["diagnostics"]
    assert found["path"].endswith("tests/broken.yaml") and found["severity"] == "error", found


def test_an_unknown_key_in_a_case_file_fails_check_where_it_is_written(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    (rules / "tests" / "typo.yaml").write_text(
        "bundle: bundles/riverside-house.yaml\ncases:\n  - name: a typo\n    expect: {grade: {safe: good}}\n",
        encoding="utf-8")
    result = _check(rules)
    assert result.returncode == 1, result.stdout + result.stderr
    (found,) = json.loads(result.stdout)["diagnostics"]
    assert found["path"].endswith("tests/typo.yaml") and found["line"] == 4, found


def test_a_case_bundle_that_does_not_exist_fails_check(tmp_path: Path) -> None:
    rules = _copy(tmp_path)
    (rules / "tests" / "lost.yaml").write_text(
        "bundle: bundles/no-such-bundle.yaml\ncases:\n  - name: lost\n    expect: {made: []}\n", encoding="utf-8")
    result = _check(rules)
    assert result.returncode == 1, result.stdout + result.stderr
    codes = [d["code"] for d in json.loads(result.stdout)["diagnostics"]]
    assert codes == ["FILE_NOT_FOUND"], result.stdout
