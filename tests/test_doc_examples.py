"""Every example of README.md and docs/ is run, and prints what the page shows.

The conventions (console sessions, python blocks, `no-run`, what is normalised) are in
tests/_docblocks.py. All blocks run once per session, four at a time, each in its own copy of
`examples/` and `rules/`; the tests compare. After a change in behaviour, `scripts/docs-update`
rewrites the outputs the pages show, for a maintainer to read in the diff.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import _docblocks as docs
from _engines import DURABLE, as_documented

CONSOLE = [b for page in docs.PAGES for b in docs.blocks(page, "console") if b.runs]
PYTHON_PAGES = [page for page in docs.PAGES if any(b.runs for b in docs.blocks(page, "python"))]
# Blocks that cannot run as shown, each marked `no-run` where written. Changing a count is a
# decision: make the block runnable instead when you can.
EXCLUDED = {"console": 86, "python": 5}  # +2: `judgment serve` runs until stopped (cli.md, workbench.md)
# +2 console: audit.md's `verify --head HASH`, whose hash is the one a command before it printed
# +2 python (batch.md: a Dask client's address, a cluster's OnDask) and +1 console (errors.md: WORKER_LOST,
# a worker lost): they need a Dask cluster; +3 console: errors.md's examples of the rulebook library's codes


@pytest.fixture(scope="session")
def console_runs() -> dict[str, list[tuple[str, list[str], list[str]]]]:
    with ThreadPoolExecutor(4) as pool:
        return dict(zip((b.name for b in CONSOLE), pool.map(docs.run_console, CONSOLE), strict=True))


@pytest.fixture(scope="session")
def python_runs() -> dict[Path, tuple[int, str]]:
    with ThreadPoolExecutor(4) as pool:
        return dict(zip(PYTHON_PAGES, pool.map(docs.run_python, PYTHON_PAGES), strict=True))


@pytest.mark.parametrize("block", CONSOLE, ids=[b.name for b in CONSOLE])
def test_each_console_block_prints_what_the_page_shows(block: docs.Block, console_runs: dict) -> None:
    for command, shown, printed in console_runs[block.name]:
        if not DURABLE:  # the docs show what judgment prints where durable_rules imports
            shown, printed = as_documented(shown), as_documented(printed)
        assert docs.agrees(shown, printed), (
            f"{block.name}: `{command}` printed:\n" + "\n".join(printed) + "\n\nthe page shows:\n" + "\n".join(shown)
            + "\n\n(scripts/docs-update rewrites the page from what the commands print)")


@pytest.mark.parametrize("page", PYTHON_PAGES, ids=[str(p.relative_to(docs.ROOT)) for p in PYTHON_PAGES])
def test_each_page_python_blocks_run(page: Path, python_runs: dict) -> None:
    code, printed = python_runs[page]
    assert code == 0, printed


def test_the_excluded_blocks_are_counted() -> None:
    excluded = {lang: [b.name for page in docs.PAGES for b in docs.blocks(page, lang) if not b.runs]
                for lang in EXCLUDED}
    assert {lang: len(names) for lang, names in excluded.items()} == EXCLUDED, excluded


def test_every_console_and_python_block_is_either_run_or_marked() -> None:
    """Only the two conventions: a block's flags are none or `no-run`, and a console block runs judgment."""
    for page in docs.PAGES:
        for block in docs.blocks(page):
            if block.lang in ("console", "python"):
                assert set(block.flags) <= {"no-run"}, block.name
            if block.lang == "console" and block.runs:
                assert all(c.startswith("judgment ") for c, _ in docs.sessions(block)), block.name


def test_the_pages_have_examples_that_run() -> None:
    assert len(CONSOLE) >= 30 and len(PYTHON_PAGES) >= 5


def test_the_command_table_of_cli_md_lists_every_command() -> None:
    from judgment._cli._app import cli

    table = (docs.ROOT / "docs" / "cli.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    listed = sorted(line.split("`judgment ", 1)[1].split("`", 1)[0] for line in table.splitlines()
                    if line.startswith("| [`judgment "))
    commands = sorted(f"{name} {sub}" if sub else name for name, group in cli.commands.items()
                      for sub in (getattr(group, "commands", None) or [""]))
    assert listed == commands
