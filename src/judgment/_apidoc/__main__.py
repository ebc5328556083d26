"""`python -m judgment._apidoc [--check] [--vocabulary ID|FILE] [PATH]`: write (or check) a reference page.

With no argument, every generated page: docs/reference/api.md and the page of each vocabulary that
ships with judgment (docs/reference/vocabulary-ID.md). `--vocabulary` names one vocabulary, by
its id or a vocabulary file, whose page is written to PATH (default docs/reference/vocabulary-ID.md);
otherwise PATH is where the API page goes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

from judgment._apidoc import render_page, undocumented
from judgment._errors import JudgmentError
from judgment._apidoc._vocabulary import render_vocabulary, vocabulary_page_name
from judgment.evidence import load_vocabulary
from judgment.evidence._vocabulary import Vocabulary, get_vocabulary

DEFAULT = Path("docs/reference/api.md")
REFERENCE = DEFAULT.parent
SHIPPED = ("hmic-crime",)  # the vocabularies whose page the docs hold


def main(argv: list[str]) -> int:
    check = "--check" in argv
    rest = [a for a in argv if a != "--check"]
    if "--vocabulary" in rest:
        at = rest.index("--vocabulary")
        if at + 1 >= len(rest):
            print("--vocabulary needs an id or a vocabulary file", file=sys.stderr)
            return 2
        try:
            vocabulary = _vocabulary(rest.pop(at + 1))
        except JudgmentError as error:
            print(error, file=sys.stderr)
            return 2
        rest.pop(at)
        path = Path(rest[0]) if rest else REFERENCE / vocabulary_page_name(vocabulary)
        return _write(path, partial(render_vocabulary, vocabulary), check)
    missing = undocumented()
    if missing:
        print("undocumented: " + ", ".join(missing), file=sys.stderr)
        return 1
    if rest:
        return _write(Path(rest[0]), render_page, check)
    pages: list[tuple[Path, Callable[[], str]]] = [(DEFAULT, render_page)]
    for vocabulary in map(_vocabulary, SHIPPED):
        pages.append((REFERENCE / vocabulary_page_name(vocabulary), partial(render_vocabulary, vocabulary)))
    return max(_write(path, render, check) for path, render in pages)


def _vocabulary(name: str) -> Vocabulary:
    """A registered vocabulary by its id, else a vocabulary file (read as data, not registered)."""
    found = get_vocabulary(name)
    return found if found is not None else load_vocabulary(name)


def _write(path: Path, render: Callable[[], str], check: bool) -> int:
    page = render()
    if check:
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if current != page:
            print(f"{path} is stale: run python -m judgment._apidoc", file=sys.stderr)
            return 1
        return 0
    path.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
