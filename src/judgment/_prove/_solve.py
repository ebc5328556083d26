"""One question to the solver: is there a bundle where these facts hold? With a time limit, reproducibly.

z3 answers sat (with a model: the bundle), unsat (there is none: a proof) or unknown (it gave up, or
the time ran out). Its random seed is fixed, so the same rulebook gives the same models every run.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from judgment._prove._values import Expr
from judgment._prove._z3 import z3


@dataclass(frozen=True)
class Answer:
    status: str  # sat | unsat | unknown
    model: object | None  # a z3 ModelRef when sat
    seconds: float
    reason: str = ""  # why unknown, in z3's words (a timeout: "timeout" or "canceled")


def holds_in(model: Any, term: Expr) -> bool:
    """Whether the model makes the term true (a constant it leaves free counts as its default)."""
    return bool(z3().is_true(model.eval(term, model_completion=True)))


def solve(facts: Sequence[Expr], timeout: float | None) -> Answer:
    """Whether `facts` can all hold; `timeout` in seconds (None: no limit)."""
    started = time.perf_counter()
    solver = z3().Solver()
    solver.set("random_seed", 0)
    if timeout is not None:
        solver.set("timeout", max(1, int(timeout * 1000)))
    solver.add(*facts)
    outcome = solver.check()
    seconds = time.perf_counter() - started
    if outcome == z3().sat:
        return Answer("sat", solver.model(), seconds)
    if outcome == z3().unsat:
        return Answer("unsat", None, seconds)
    return Answer("unknown", None, seconds, str(solver.reason_unknown()))
