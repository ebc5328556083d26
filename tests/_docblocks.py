"""The examples of README.md and docs/ as tests: find them, run them, normalise what must vary.

Conventions of the pages (docs/index.md, "Examples are tests", says the same for writers):

- A ```` ```console ```` block is a session: each line `$ judgment ...` is a command, and the lines
  after it, up to the next `$ ` line, are what it prints (standard output, then standard error). The
  commands of one block run in order, in one fresh folder holding a copy of `examples/` and `rules/`.
  A line `...` in a shown output stands for lines left out (the shown runs must appear in that order).
- A ```` ```python ```` block is executed; the blocks of one page run in order, in one namespace, in
  one subprocess, in a fresh copy of `examples/` and `rules/`.
- A block that cannot run as shown (a fragment, an output of a file that is not on disk, an error
  made by editing a rulebook) says so in its info string: ```` ```console no-run ```` or
  ```` ```python no-run ````. tests/test_doc_examples.py counts them, so the exclusion is visible.

Normalised before comparing, on both sides (and nothing else):
- timings: `in 0.1 s (19 a second)` becomes `in N s (N a second)`;
- a run of 64 hexadecimal digits (hashes, seals, key ids: they change with any byte, a timestamp or
  a fresh key) becomes `<sha256>`;
- an ISO 8601 date and time with seconds (a record's timestamp) becomes `<timestamp>`;
- the temporary folder's path becomes `<tmp>`; trailing spaces are dropped.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
COPIED = ("examples", "rules")
BIN = Path(sys.executable).parent
FENCE = re.compile(r"^(?P<indent> *)```(?P<info>[^`\n]*)\n(?P<body>.*?)^(?P=indent)```$", re.M | re.S)
RULES = [
    (re.compile(r"in [0-9.]+ s \([0-9,.]+ a second\)"), "in N s (N a second)"),
    (re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])"), "<sha256>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?"), "<timestamp>"),
]


@dataclass(frozen=True)
class Block:
    """One fenced block of a page: where it starts, its language, its flags and its text."""

    page: Path
    line: int  # of the opening fence, counting from 1
    lang: str
    flags: tuple[str, ...]
    body: str  # without the indentation of the fence
    span: tuple[int, int]  # of the body, in the page's text
    indent: int = 0  # of the fence, in spaces (a block inside a list item)

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def runs(self) -> bool:
        return "no-run" not in self.flags


def blocks(page: Path, lang: str | None = None) -> list[Block]:
    """The fenced blocks of a page, in order (only those of one language when given)."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        words = match["info"].split()
        indent = len(match["indent"])
        body = "".join(line[indent:] if line.startswith(" " * indent) else line.lstrip(" ")
                       for line in match["body"].splitlines(keepends=True))
        block = Block(page, text.count("\n", 0, match.start()) + 1, words[0] if words else "", tuple(words[1:]),
                      body, match.span("body"), indent)
        if lang is None or block.lang == lang:
            found.append(block)
    return found


def sessions(block: Block) -> list[tuple[str, list[str]]]:
    """Each `$ command` of a console block, with the lines shown after it."""
    found: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        else:
            assert found, f"{block.name}: output before any command: {line!r}"
            found[-1][1].append(line)
    return found


def normal(lines: list[str]) -> list[str]:
    """The lines with what must vary replaced by placeholders (the rules of the module docstring)."""
    out = []
    for line in lines:
        for pattern, placeholder in RULES:
            line = pattern.sub(placeholder, line)
        out.append(line.rstrip())
    return out


def shown_in(shown: list[str], printed: list[str]) -> bool:
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


def agrees(shown: list[str], printed: list[str]) -> bool:
    """What the page shows is what the command printed, once both are normalised."""
    return shown_in(normal(shown), normal(printed))


def workspace() -> Path:
    """A fresh folder holding a copy of the repository's examples and rules."""
    folder = Path(tempfile.mkdtemp(prefix="judgment-docs-"))
    for name in COPIED:
        shutil.copytree(ROOT / name, folder / name)
    return folder


def _env() -> dict[str, str]:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "PYTHONHASHSEED": "0"}
    env.pop("JUDGMENT_DEBUG", None)
    return env


def run_console(block: Block) -> list[tuple[str, list[str], list[str]]]:
    """Run every command of a console block: (command, shown lines, printed lines), as they are.

    Compare them with :func:`agrees`; the temporary folder's path is already `<tmp>`.
    """
    folder = workspace()
    try:
        results = []
        for command, shown in sessions(block):
            argv = shlex.split(command)
            assert argv[0] == "judgment", f"{block.name}: a console block runs only judgment: {command}"
            done = subprocess.run([str(BIN / "judgment"), *argv[1:]], cwd=folder, capture_output=True, text=True,
                                  timeout=600, check=False, env=_env())
            printed = done.stdout.splitlines() + done.stderr.splitlines()
            results.append((command, shown, [line.replace(str(folder), "<tmp>") for line in printed]))
        return results
    finally:
        shutil.rmtree(folder, ignore_errors=True)


_RUNNER = """
import json, sys, traceback
namespace = {"__name__": "__doc_example__"}
for name, source in json.load(sys.stdin):
    try:
        exec(compile(source, name, "exec"), namespace)
    except BaseException:
        print("FAILED " + name, file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
"""


def run_python(page: Path) -> tuple[int, str]:
    """Execute a page's runnable python blocks in order, in one namespace: (exit code, what was printed)."""
    folder = workspace()
    try:
        chosen = [(b.name, b.body) for b in blocks(page, "python") if b.runs]
        done = subprocess.run([sys.executable, "-c", _RUNNER], cwd=folder, input=json.dumps(chosen),
                              capture_output=True, text=True, timeout=600, check=False, env=_env())
        return done.returncode, done.stdout + done.stderr
    finally:
        shutil.rmtree(folder, ignore_errors=True)
