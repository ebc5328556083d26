"""docs/tutorial-new-inspectorate.md is run, not only read.

The tutorial builds a rulebook for another inspectorate, with its own YAML
vocabulary, and judges it with the plain `judgment` command. This test keeps
the page true: every file it quotes is the file on disk (and every file of the
example rulebook is quoted), and every command of every ``console`` block runs,
in a subprocess on a copy of the example, printing what the page shows. Only
timings are normalised; a line `...` in a shown output stands for lines left
out (the shown runs must appear in that order).
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "tutorial-new-inspectorate.md"
EXAMPLE = Path("examples") / "rulebooks" / "care-homes"
JUDGMENT = Path(sys.executable).parent / "judgment"

FILE_BLOCK = re.compile(r"^\*\*`(?P<path>[^`]+)`\*\*\n+```(?:yaml|text)\n(?P<body>.*?)^```$", re.M | re.S)
CONSOLE_BLOCK = re.compile(r"^```console\n(?P<body>.*?)^```$", re.M | re.S)
TIMING = re.compile(r"in [0-9.]+ s \([0-9,.]+ a second\)")


def _page() -> str:
    return PAGE.read_text(encoding="utf-8")


def _sessions() -> list[tuple[str, list[str]]]:
    """Each `$ command` of the page's console blocks, with the lines shown after it."""
    sessions: list[tuple[str, list[str]]] = []
    for block in CONSOLE_BLOCK.finditer(_page()):
        for line in block["body"].splitlines():
            if line.startswith("$ "):
                sessions.append((line[2:], []))
            else:
                assert sessions, f"output before any command in a console block: {line!r}"
                sessions[-1][1].append(line)
    return sessions


def _normal(lines: list[str]) -> list[str]:
    return [TIMING.sub("in N s (N a second)", line.rstrip()) for line in lines]


def _shown_in(shown: list[str], printed: list[str]) -> bool:
    """The shown runs of lines (split at `...`) appear in the printed lines, in order."""
    runs: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            runs.append([])
        else:
            runs[-1].append(line)
    if len(runs) == 1:
        return shown == printed
    at = 0
    for run in runs:
        while at + len(run) <= len(printed) and printed[at : at + len(run)] != run:
            at += 1
        if at + len(run) > len(printed):
            return False
        at += len(run)
    return True


def test_the_page_is_linked_from_the_index_and_the_readme() -> None:
    assert "tutorial-new-inspectorate.md" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "docs/tutorial-new-inspectorate.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_file_quoted_is_the_file_on_disk_and_every_file_is_quoted() -> None:
    quoted = {m["path"]: m["body"] for m in FILE_BLOCK.finditer(_page())}
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / EXAMPLE).rglob("*") if p.is_file()}
    assert set(quoted) == on_disk
    for path, body in quoted.items():
        assert body == (ROOT / path).read_text(encoding="utf-8"), f"{path} differs from the page"


def test_the_page_runs_every_command_it_teaches() -> None:
    commands = [command for command, _ in _sessions()]
    for needed in ("vocabularies", "check", "check --properties", "run", "--explain", "test", "batch", "schema bundle"):
        assert any(f"judgment {needed}" in c or (needed.startswith("--") and needed in c) for c in commands), needed
    assert any("--workers 2" in c for c in commands)


def _run(command: str, cwd: Path) -> tuple[int, list[str]]:
    argv = shlex.split(command)
    assert argv[0] == "judgment", f"the page runs only the judgment command: {command}"
    done = subprocess.run(
        [str(JUDGMENT), *argv[1:]], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )
    return done.returncode, done.stdout.splitlines() + done.stderr.splitlines()


@pytest.mark.parametrize("index", range(len(_sessions())) if PAGE.exists() else [])
def test_each_command_prints_what_the_page_shows(index: int, tmp_path: Path) -> None:
    shutil.copytree(ROOT / EXAMPLE, tmp_path / EXAMPLE)
    command, shown = _sessions()[index]
    code, printed = _run(command, tmp_path)
    assert code == 0, f"{command} exited {code}:\n" + "\n".join(printed)
    assert _shown_in(_normal(shown), _normal(printed)), (
        f"{command} printed:\n" + "\n".join(printed) + "\n\nthe page shows:\n" + "\n".join(shown)
    )


def test_the_page_has_commands() -> None:
    assert len(_sessions()) >= 7
