"""judgment.prove: the public entry, light to import (the solver and the translation load when called)."""

from __future__ import annotations

from collections.abc import Iterable

from judgment._prove._outcome import PROPERTIES, Proof
from judgment._rulebook._model import Rulebook


def prove(rulebook: Rulebook, properties: Iterable[str] = PROPERTIES, *, timeout: float | None = 60.0,
          records: int | None = None) -> Proof:
    """Prove each property asked (all by default: totality, monotonicity, no_dead_rule, no_shadowing,
    opposite_polarity) of `rulebook` over every possible bundle with the z3 solver (the judgment[prove]
    extra; without it a RuntimeError saying how to install it). Each is proved, or refuted with
    counterexample bundles that are judged again to confirm; `timeout` (seconds per question put to the
    solver) leaves an outcome it cuts short unknown; `records` bounds the records of a kind a bundle holds
    (by default every bundle, unless that is too costly: `Proof.cut` then says where it was bounded).
    docs/prove.md says what each property means."""
    from judgment._prove._run import prove as run

    return run(rulebook, properties, timeout=timeout, records=records)
