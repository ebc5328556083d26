"""`judgment batch --rules LIBRARY`: each bundle judged by the version of the library in force on its
inspection date (or the one --rules-version pins), its line naming that version.

Choosing reads each bundle once here (its date and vocabulary); the bundles of each version are then
judged as one batch, and the lines are written back in file order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from judgment._batch._lines import Line, line_of
from judgment._batch._result import BatchResult
from judgment._errors import JudgmentError
from judgment._rulebook._choice import read_for
from judgment._rulebook._library import RulebookLibrary
from judgment._rulebook._model import Rulebook

#: judged_lines with everything but the rulebook and the files given.
Judge = Callable[[Rulebook, Sequence[Path]], Iterator[Line]]


def library_lines(library: RulebookLibrary, files: Sequence[Path], version: str | None, judge: Judge) -> list[Line]:
    """Every file's line, in file order: judged by its version, or refused when none can be chosen."""
    chosen: dict[int, Rulebook] = {}
    lines: dict[int, Line] = {}
    for index, path in enumerate(files):
        try:
            chosen[index] = read_for(library, path, version)[0]
        except JudgmentError as error:  # unreadable, or no version for it: refused, as batch refuses a bundle
            lines[index] = line_of(BatchResult(index, str(path), None, False, error=error), trace=False)
    for rulebook in library.rulebooks:
        indexes = [i for i in sorted(chosen) if chosen[i] is rulebook]
        for index, line in zip(indexes, judge(rulebook, [files[i] for i in indexes]), strict=True):
            lines[index] = _named(line, rulebook)
    return [lines[i] for i in range(len(files))]


def _named(line: Line, rulebook: Rulebook) -> Line:
    data: dict[str, Any] = json.loads(line.text)
    data["rulebook"] = {"id": rulebook.id, "version": rulebook.version, "path": rulebook.root, "sha256": rulebook.sha256}
    return Line(json.dumps(data, sort_keys=True, ensure_ascii=False), line.refused, line.cross_checked)
