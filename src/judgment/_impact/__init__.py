"""Rule-change impact over a corpus: judge every bundle with two rulebooks and report what moved.

    impact(old, new, bundles)   the Impact: transitions per question, rules responsible, bundles affected
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from pathlib import Path

from judgment._batch._many import MAX_WORKERS, BundleSource
from judgment._bundle import Bundle
from judgment._diagnostics import excerpt
from judgment._impact._build import build
from judgment._impact._judge import judge_both
from judgment._impact._result import SCHEMA, Impact
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook

__all__ = ["SCHEMA", "Impact", "impact", "rulebook_for"]


def impact(old: Rulebook, new: Rulebook, bundles: Iterable[BundleSource], *, workers: int = 1,
           executor: Executor | None = None, any_date: bool = True,
           on_progress: Callable[[int], None] | None = None) -> Impact:
    """Judge every bundle (or bundle file) with `old` and with `new` by batch judging, and compare:
    what the change does to every judgment (`to_data()`: schema judgment.impact/1, docs/impact.md).

    A revision is usually in force from another date than the rules it revises, and the question is
    what it would change: so every bundle is judged under both whatever its date (`any_date`), and
    the impact counts those dated outside each rulebook's validity; `any_date=False` refuses them.
    A bundle that cannot be judged under either rulebook is counted and named in `failed`, and
    left out of the transitions. `on_progress` is told how many bundles each chunk judged."""
    for rulebook in (old, new):
        if not isinstance(rulebook, Rulebook):
            raise TypeError(f"impact compares two rulebooks (judgment.load_rulebook); got {type(rulebook).__name__}")
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"workers is a number of processes, from 1 to {MAX_WORKERS}; got {excerpt(workers)}")
    sources = list(bundles)
    for source in sources:
        if not isinstance(source, (Bundle, str, os.PathLike)):
            raise TypeError(f"each bundle is a Bundle or the path of a bundle file; got {type(source).__name__}")
    rows = judge_both(old, new, sources, workers=workers, executor=executor, any_date=any_date, on_chunk=on_progress)
    return build(old, new, rows)


def rulebook_for(folder: Path, version: str | None = None) -> Rulebook:
    """The rulebook one `--rules` names: a rulebook folder, or the version `version` pins in a
    library. Impact compares two fixed rulebooks, never a version chosen per bundle: a library
    without a version is refused (RULEBOOK_AMBIGUOUS, naming its versions)."""
    return load_rulebook(folder, version=version)
