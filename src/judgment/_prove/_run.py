"""Prove a rulebook: translate it once, then ask each property of the solver, in order.

A rulebook with a construct the translation does not handle yet is not proved: every property is
`unknown`, naming each construct (NotTranslated), never a guess.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator

from judgment._prove import _properties
from judgment._prove._outcome import PROPERTIES, ProofOutcome, Proof
from judgment._prove._properties import Prover
from judgment._prove._values import NotTranslated
from judgment._rulebook._model import Rulebook

_CHECKS: dict[str, Callable[[Prover], Iterator[ProofOutcome]]] = {
    "totality": _properties.totality, "monotonicity": _properties.monotonicity,
    "no_dead_rule": _properties.no_dead_rule, "no_shadowing": _properties.no_shadowing,
    "opposite_polarity": _properties.opposite_polarity,
}


def prove(rulebook: Rulebook, properties: Iterable[str] = PROPERTIES, *, timeout: float | None = 60.0,
          records: int | None = None,
          on_outcome: Callable[[ProofOutcome], None] | None = None) -> Proof:
    """Prove each property asked (all by default, in the order of PROPERTIES) of `rulebook` over every
    bundle, with the z3 solver (the judgment[prove] extra; without it ProveUnavailable, a RuntimeError
    saying how to install it): proved, or refuted with counterexample bundles judged again to confirm.
    `timeout` is per question put to the solver, in seconds (an outcome it cuts short is unknown);
    `records` bounds the records per kind a bundle holds (by default, enough for every bundle, unless
    that is too costly: Proof.cut says where it was bounded); `on_outcome` is called
    with each outcome as it is found."""
    if not isinstance(rulebook, Rulebook):
        raise TypeError(f"prove takes a loaded Rulebook (judgment.load_rulebook), not {type(rulebook).__name__}")
    names = [properties] if isinstance(properties, str) else list(properties)
    unknown = [p for p in names if p not in PROPERTIES]
    if unknown:
        raise ValueError(f"no property {unknown[0]!r:.60}; the properties: {', '.join(PROPERTIES)}")
    if records is not None and (isinstance(records, bool) or not isinstance(records, int) or not 1 <= records <= 1_000):
        raise ValueError(f"records is the most records of a kind, from 1 to 1000; got {records!r:.40}")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
                                or not 0 < timeout <= 86_400):
        raise ValueError(f"timeout is seconds per question to the solver, more than 0 and at most 86400; got {timeout!r:.40}")
    asked = [p for p in PROPERTIES if p in names]
    started = time.perf_counter()
    try:
        prover = Prover(rulebook, timeout, records)
    except NotTranslated as gap:
        outcomes = [ProofOutcome(p, "the rulebook", "unknown", str(gap), 0.0) for p in asked]
        return Proof(f"{rulebook.id}@{rulebook.version}", rulebook.vocabulary.id, rulebook.valid_from.isoformat(), {}, outcomes,
                     time.perf_counter() - started)
    proof = Proof(f"{rulebook.id}@{rulebook.version}", rulebook.vocabulary.id, rulebook.valid_from.isoformat(),
                  prover.slots, records=records)
    for name in asked:
        for outcome in _CHECKS[name](prover):
            proof.outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    proof.cut, proof.seconds = dict(prover.cut), time.perf_counter() - started
    return proof
