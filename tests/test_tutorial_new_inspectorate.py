"""docs/tutorial-new-inspectorate.md is run, not only read.

The tutorial builds a rulebook for another inspectorate, with its own YAML
vocabulary, and judges it with the plain `judgment` command. This test keeps
the page true: every file it quotes is the file on disk (and every file of the
example rulebook is quoted), and the page teaches every command. Its console
blocks are run like every page's, by tests/test_doc_examples.py (conventions and
normalisation in tests/_docblocks.py).
"""

from __future__ import annotations

import re

import _docblocks as docs

ROOT = docs.ROOT
PAGE = ROOT / "docs" / "tutorial-new-inspectorate.md"
EXAMPLE = ROOT / "examples" / "rulebooks" / "care-homes"

FILE_BLOCK = re.compile(r"^\*\*`(?P<path>[^`]+)`\*\*\n+```(?:yaml|text)\n(?P<body>.*?)^```$", re.M | re.S)


def _page() -> str:
    return PAGE.read_text(encoding="utf-8")


def _commands() -> list[str]:
    return [command for block in docs.blocks(PAGE, "console") if block.runs for command, _ in docs.sessions(block)]


def test_the_page_is_linked_from_the_index_and_the_readme() -> None:
    assert "tutorial-new-inspectorate.md" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "docs/tutorial-new-inspectorate.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_file_quoted_is_the_file_on_disk_and_every_file_is_quoted() -> None:
    quoted = {m["path"]: m["body"] for m in FILE_BLOCK.finditer(_page())}
    on_disk = {str(p.relative_to(ROOT)) for p in EXAMPLE.rglob("*") if p.is_file()}
    assert set(quoted) == on_disk
    for path, body in quoted.items():
        assert body == (ROOT / path).read_text(encoding="utf-8"), f"{path} differs from the page"


def test_the_page_runs_every_command_it_teaches() -> None:
    commands = _commands()
    for needed in ("vocabularies", "check", "check --properties", "run", "--explain", "test", "batch", "schema bundle"):
        assert any(f"judgment {needed}" in c or (needed.startswith("--") and needed in c) for c in commands), needed
    assert any("--workers 2" in c for c in commands)


def test_the_page_has_commands() -> None:
    assert len(_commands()) >= 7
