"""Rewrite the outputs shown in README.md and docs/ from what the commands print now (for maintainers).

Run as `scripts/docs-update [PAGE ...]`, then read `git diff` before committing: the test
(tests/test_doc_examples.py) only compares, this only writes. For each runnable console session:
- if the shown output already agrees (after normalisation) it is left exactly as written, so hashes,
  timestamps and timings do not churn;
- otherwise it is replaced by what the command printed, whole;
- a shown output with `...` (lines left out on purpose) is never rewritten: it is listed, to edit by hand.
Python blocks show no output, so nothing of theirs is rewritten; a page whose blocks fail is listed.
"""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import _docblocks as docs


def _new_body(block: docs.Block, runs: list[tuple[str, list[str], list[str]]], by_hand: list[str]) -> str:
    lines: list[str] = []
    for command, shown, printed in runs:
        lines.append(f"$ {command}")
        if docs.agrees(shown, printed):
            lines += shown
        elif "..." in shown:
            by_hand.append(f"{block.name}: `{command}` (its output has `...`)")
            lines += shown
        else:
            lines += [line.rstrip() for line in printed]
    pad = " " * block.indent
    return "".join(f"{pad}{line}\n" if line else "\n" for line in lines)


def update(page: Path, pool: ThreadPoolExecutor) -> list[str]:
    """Rewrite one page in place; return what must be edited by hand."""
    chosen = [b for b in docs.blocks(page, "console") if b.runs]
    by_hand: list[str] = []
    text = page.read_text(encoding="utf-8")
    for block, runs in reversed(list(zip(chosen, pool.map(docs.run_console, chosen), strict=True))):
        start, end = block.span
        text = text[:start] + _new_body(block, runs, by_hand) + text[end:]
    page.write_text(text, encoding="utf-8")
    if any(b.runs for b in docs.blocks(page, "python")):
        code, printed = docs.run_python(page)
        if code:
            by_hand.append(f"{page.relative_to(docs.ROOT)}: its python blocks fail:\n{printed}")
    return by_hand


def main(argv: list[str]) -> int:
    pages = [Path(a).resolve() for a in argv] or docs.PAGES
    with ThreadPoolExecutor(4) as pool:
        by_hand = [item for page in pages for item in update(page, pool)]
    for item in by_hand:
        print(f"edit by hand: {item}", file=sys.stderr)
    return 1 if by_hand else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
