"""diff_records: the decision diff from Python, as `judgment diff` makes it."""

from __future__ import annotations

import os
from pathlib import Path

from judgment._recdiff._model import DecisionDiff

PathLike = str | os.PathLike[str]


def diff_records(a: PathLike, b: PathLike, *, rules: PathLike | None = None) -> DecisionDiff:
    """What differs between the decision records in files `a` and `b`, and why: grades moved, findings
    and recommendations gained and lost, each due to changed evidence, changed rules, or both (by the
    hashes of the evidence and of each rule file; when both changed, by judging A's evidence with B's
    rulebook, read from the folder B names or `rules`). A record that is not one is a ``ValueError``;
    a broken seal is reported in the result (``seal_broken``), not raised."""
    from judgment._recdiff._compare import diff_sides
    from judgment._recdiff._sides import read_side

    for name, value in (("a", a), ("b", b), ("rules", rules)):
        if value is not None and not isinstance(value, str | os.PathLike):
            raise TypeError(f"{name} is a file's path, not {type(value).__name__}")
    return diff_sides(read_side(Path(a), "A"), read_side(Path(b), "B"), Path(rules) if rules is not None else None)
