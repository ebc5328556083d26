"""Determinism: the same records, handed to the engines in any order, give the same judgment.

A Bundle keeps its records sorted by id, so a shuffled bundle reaches the engines sorted and
an engine that misjudged any other order would pass every shuffle. The shuffle is handed to
the engines themselves (judgment._api.judge_in_order) instead.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from judgment._api import judge, judge_in_order
from judgment._bundle import Bundle
from judgment._errors import EngineDisagreementError
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record


class PropertyViolation(AssertionError):
    """A property broken by a bundle; `recheck` tells whether a smaller bundle still breaks it."""

    def __init__(self, message: str, recheck: Callable[[Bundle], bool] | None = None) -> None:
        super().__init__(message)
        self.recheck = recheck


def determinism(rulebook: Rulebook, bundle: Bundle, result: Judgment, shuffle: random.Random) -> None:
    """The bundle's records, shuffled, are handed to both engines in that order (a Bundle keeps
    them sorted, so a shuffled bundle would reach the engines sorted): the judgment must not change."""
    records = list(bundle.records)
    shuffle.shuffle(records)
    rank = {r.id: n for n, r in enumerate(records)}
    problem = _order_changes(rulebook, bundle, result, records)
    if problem:
        def recheck(smaller: Bundle) -> bool:  # the same relative order, over fewer records
            again = judge(rulebook, smaller, any_date=True)
            return bool(_order_changes(rulebook, smaller, again, sorted(smaller.records, key=lambda r: rank[r.id])))

        raise PropertyViolation(problem, recheck)


def _order_changes(rulebook: Rulebook, bundle: Bundle, result: Judgment, order: Sequence[Record]) -> str:
    """What handing the engines the records in `order` changes, in words; empty if nothing."""
    shown = ", ".join(r.id for r in order[:8]) + (", ..." if len(order) > 8 else "")
    try:
        again = judge_in_order(rulebook, bundle, order, any_date=True)
    except EngineDisagreementError as error:
        return f"the same records in another order ({shown}) made the engines disagree:\n{error.render()}"
    if again.to_json() == result.to_json():
        return ""
    changed = [f"{a.id} {a.grade} -> {b.grade}" for a, b in zip(result.questions, again.questions) if a.grade != b.grade]
    made = {f.rule for q in result.questions for f in q.findings} ^ {f.rule for q in again.questions for f in q.findings}
    listed = [a.id for a, b in zip(result.questions, again.questions) if not made and a.findings != b.findings]
    detail = "; ".join(changed + ([f"findings made or lost: {', '.join(sorted(made))}"] if made else [])
                       + ([f"findings listed in another order under {', '.join(listed)}"] if listed else [])) \
        or "the same grades and findings, said otherwise"
    return f"the same records in another order ({shown}) gave another judgment: {detail}"
