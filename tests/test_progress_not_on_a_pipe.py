"""Progress bars are for terminals: piped, `batch` and `check --properties` print no stray blank line
(a tutorial writer's rough edge: `judgment batch ... 2>log` began the log with an empty line)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DERBYSHIRE, ROOT

TINY = ROOT / "examples" / "rulebooks" / "tiny"


def _cli(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


def test_batch_stderr_starts_with_its_summary_not_a_blank_line(tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    shutil.copy(DERBYSHIRE, folder / "a.yaml")
    result = _cli("batch", folder, "--rules", TINY, "--out", tmp_path / "out.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("judged 1 of 1 bundles"), repr(result.stderr[:80])


def test_check_properties_prints_no_blank_line_when_piped(tmp_path: Path) -> None:
    result = _cli("check", TINY, "--properties", "--examples", "3", cwd=tmp_path)
    assert "\n\n" not in "\n" + result.stdout + result.stderr, (result.stdout, result.stderr)
