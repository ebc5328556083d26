"""Prove a rulebook: translate it once, then ask each property of the solver, in order.

A rulebook with a construct the translation does not handle yet is not proved: every property is
`unknown`, naming each construct (NotTranslated), never a guess.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping

from judgment._prove import _properties
from judgment._prove._outcome import PROPERTIES, Outcome, Proof
from judgment._prove._properties import Prover
from judgment._prove._values import NotTranslated
from judgment._rulebook._model import Rulebook

_CHECKS: dict[str, Callable[[Prover], Iterator[Outcome]]] = {
    "totality": _properties.totality, "monotonicity": _properties.monotonicity,
    "no_dead_rule": _properties.no_dead_rule, "no_shadowing": _properties.no_shadowing,
    "opposite_polarity": _properties.opposite_polarity,
}


def prove(rulebook: Rulebook, properties: Iterable[str] = PROPERTIES, *, timeout: float | None = 60.0,
          slots: Mapping[str, int] | None = None,
          on_outcome: Callable[[Outcome], None] | None = None) -> Proof:
    """Each property asked (all by default) proved or refuted over every bundle; `timeout` is per question
    put to the solver, in seconds. `slots` bounds the records per kind (by default, enough for every bundle)."""
    asked = [p for p in PROPERTIES if p in set(properties)]
    unknown = sorted(set(properties) - set(PROPERTIES))
    if unknown:
        raise ValueError(f"no property {unknown[0]!r}; the properties: {', '.join(PROPERTIES)}")
    started = time.perf_counter()
    try:
        prover = Prover(rulebook, timeout, slots)
    except NotTranslated as gap:
        outcomes = [Outcome(p, "the rulebook", "unknown", str(gap), 0.0) for p in asked]
        return Proof(f"{rulebook.id}@{rulebook.version}", {}, outcomes, time.perf_counter() - started)
    proof = Proof(f"{rulebook.id}@{rulebook.version}", prover.slots)
    for name in asked:
        for outcome in _CHECKS[name](prover):
            proof.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    proof.seconds = time.perf_counter() - started
    return proof
