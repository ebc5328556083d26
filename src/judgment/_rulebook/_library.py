"""A rulebook library: a folder holding several rulebooks, each in its own folder, so that the
version in force on an inspection's date can be chosen for it (and named in its record).

A folder is a library when it holds no rulebook.yaml of its own but one or more of its folders
do. Every version is loaded and checked as a rulebook is; then two versions of one rulebook id
may not be in force on a common day (VERSIONS_OVERLAP), so that a date never has two answers.
Choosing is in _choice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from judgment._diagnostics import Diagnostic, Location, plain
from judgment._errors import InputFileError, RuleFileError
from judgment._io._read import LoadFailure
from judgment._io._yaml import load_document
from judgment._rulebook._files import MAIN_FILE, SKIPPED_FOLDERS
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from judgment._bundle import Bundle

MAX_VERSIONS = 50


@dataclass(frozen=True, eq=False)
class RulebookLibrary:
    """The rulebooks of a library folder, by id, then by the first day each is in force.

    :meth:`choose` picks the one to judge a bundle with; ``load_library`` makes one."""

    root: str
    rulebooks: tuple[Rulebook, ...]

    def versions(self, rulebook_id: str | None = None) -> tuple[Rulebook, ...]:
        """The versions of `rulebook_id` (every rulebook if None), earliest first."""
        return tuple(r for r in self.rulebooks if rulebook_id is None or r.id == rulebook_id)

    def choose(self, on: dt.date | Bundle | None = None, *, version: str | None = None,
               vocabulary: str | None = None) -> RulebookChoice:
        """The rulebook in force on `on` (a date, or a bundle: its inspection date and vocabulary; of
        `vocabulary`, when given), or the one `version`
        pins (``"2.0.0"``, or ``"hmic-crime-2014@2.0.0"`` when the library holds several ids).
        Raises :class:`~judgment.BundleError` (no version in force, several) or
        :class:`~judgment.RuleFileError` (no such version), each naming the candidates."""
        from judgment._rulebook._choice import choose

        return choose(self, on, version, vocabulary)


@dataclass(frozen=True, eq=False)
class RulebookChoice:
    """Which rulebook of a library judges, and why: what a decision record names in `rulebook.selection`."""

    rulebook: Rulebook
    library: str
    by: str  # "inspection date" or "pinned"
    reason: str
    candidates: tuple[Rulebook, ...]

    def to_data(self) -> dict[str, object]:
        return {"library": self.library, "by": self.by, "reason": self.reason,
                "candidates": [{"id": r.id, "version": r.version, "valid_from": r.valid_from.isoformat(),
                                "valid_to": r.valid_to.isoformat() if r.valid_to else None,
                                "path": r.root, "sha256": r.sha256} for r in self.candidates]}


def is_library(path: str | Path) -> bool:
    """A folder with no rulebook.yaml of its own and a folder inside that has one."""
    root = Path(path)
    try:
        return root.is_dir() and not (root / MAIN_FILE).exists() and bool(_version_folders(root))
    except OSError:
        return False


def load_library(path: str | Path) -> RulebookLibrary:
    """Load and check every rulebook of the library folder `path`; raise :class:`RuleFileError`
    listing every problem found in any of them, or versions of one id in force on a common day."""
    from judgment._rulebook._loader import load_rulebook  # it imports this module

    root, display = Path(path), str(path)
    if not is_library(root):
        return RulebookLibrary(display, (load_rulebook(path),))  # one rulebook is a library of one
    folders = _version_folders(root)
    if len(folders) > MAX_VERSIONS:
        raise RuleFileError([Diagnostic("FILE_TOO_LARGE", f"{len(folders)} rulebooks in the library; the limit is "
                                        f"{MAX_VERSIONS}", Location(display))])
    loaded: list[Rulebook] = []
    problems: list[Diagnostic] = []
    for folder in folders:
        try:
            loaded.append(load_rulebook(f"{display.rstrip('/')}/{folder.name}"))
        except (RuleFileError, InputFileError) as error:
            problems.extend(error.diagnostics)
    problems.extend(_overlaps(loaded))
    if problems:
        raise RuleFileError(problems)
    return RulebookLibrary(display, tuple(sorted(loaded, key=lambda r: (r.id, r.valid_from, r.version))))


def _version_folders(root: Path) -> list[Path]:
    """The folders of `root` holding a rulebook.yaml; one the system will not let us look into is not one."""
    def holds_rulebook(child: Path) -> bool:
        try:
            return child.is_dir() and (child / MAIN_FILE).is_file()
        except OSError:
            return False

    try:
        children = list(root.iterdir())
    except OSError:
        return []
    return sorted(child for child in children if not child.name.startswith(".") and child.name not in SKIPPED_FOLDERS
                  and holds_rulebook(child))


def _overlaps(rulebooks: list[Rulebook]) -> list[Diagnostic]:
    """Versions of one id in force on a common day, each pair reported at the later one's valid_from."""
    found = []
    for i, first in enumerate(rulebooks):
        for second in rulebooks[i + 1:]:
            if first.id == second.id and _common_day(first, second):
                later = max(first, second, key=lambda r: (r.valid_from, r.root))
                other = second if later is first else first
                found.append(Diagnostic(
                    "VERSIONS_OVERLAP", f"rulebook {plain(first.id)} {plain(later.version)} ({span(later)}) and "
                    f"{plain(other.version)} ({span(other)}) are both in force on {max(first.valid_from, second.valid_from)}",
                    _valid_from_place(later),
                    hint=f"end {plain(other.version)} (valid_to) the day before {plain(later.version)} starts, "
                         "so that every date has one version in force"))
    return found


def _common_day(first: Rulebook, second: Rulebook) -> bool:
    end = dt.date.max
    return max(first.valid_from, second.valid_from) <= min(first.valid_to or end, second.valid_to or end)


def span(rulebook: Rulebook) -> str:
    """'2014-11-01 to 2015-03-31', or 'from 2014-11-01, no end'."""
    if rulebook.valid_to is None:
        return f"from {rulebook.valid_from}, no end"
    return f"{rulebook.valid_from} to {rulebook.valid_to}"


def _valid_from_place(rulebook: Rulebook) -> Location:
    name = f"{rulebook.root.rstrip('/')}/{MAIN_FILE}"
    try:
        return load_document(Path(name), name).positions.of_value(("rulebook", "valid_from"))
    except LoadFailure:  # it loaded a moment ago; a file changed since is placed at its top
        return Location(name)
