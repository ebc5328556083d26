"""`judgment check --properties` writes nothing into the working directory (issue 15, point 7).

Hypothesis keeps an example database and a cache of constants under ``.hypothesis/`` in the current
folder; a user checking a rulebook did not ask for that folder. `--hypothesis-dir DIR` keeps them in DIR."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

TINY = ROOT / "examples" / "rulebooks" / "tiny"


def _check_properties(cwd: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", "check", str(TINY), "--properties", "--examples", "3",
                           *extra], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def test_check_properties_leaves_the_working_directory_empty(tmp_path: Path) -> None:
    result = _check_properties(tmp_path)
    assert "properties over" in result.stdout, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_hypothesis_dir_keeps_hypothesis_files_in_the_folder_asked_for(tmp_path: Path) -> None:
    work, kept = tmp_path / "work", tmp_path / "kept"
    work.mkdir()
    result = _check_properties(work, "--hypothesis-dir", str(kept))
    assert "properties over" in result.stdout, result.stderr
    assert list(work.iterdir()) == []
    assert kept.is_dir() and any(kept.iterdir())

