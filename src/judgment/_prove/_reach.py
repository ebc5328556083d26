"""Which rules can fire, by proof: what `judgment check --properties` asks when sampling never fired one.

Sampling can miss a rule that needs a narrow combination of values; the solver cannot. Each name (as
coverage names them: ``finding X``, ``criterion Q/C``, ``recommendation R``) is True (some bundle makes
it fire), False (none does: proved) or None (undecided). Without z3, or for a rulebook the translation
does not handle, every name is None and sampling's word stands.
"""

from __future__ import annotations

from collections.abc import Iterable

from judgment._prove._properties import Prover
from judgment._prove._values import NotTranslated
from judgment._prove._z3 import ProveUnavailable
from judgment._rulebook._model import Rulebook

TIMEOUT = 10.0  # seconds per rule: a check should not wait long for an answer sampling already gave


def reachable(rulebook: Rulebook, names: Iterable[str]) -> dict[str, bool | None]:
    wanted = list(names)
    try:
        prover = Prover(rulebook, TIMEOUT)
    except (ProveUnavailable, NotTranslated):
        return dict.fromkeys(wanted)
    return {name: _answer(prover, name) for name in wanted}


def _answer(prover: Prover, name: str) -> bool | None:
    kind, _, subject = name.partition(" ")
    graded = prover.single
    if kind == "finding":
        answer = prover.reachable(subject)
    elif kind == "criterion":
        question, _, criterion = subject.partition("/")
        ids = [c.id for c in prover.rulebook.grading[question]]
        answer = prover.ask(graded.decides[question][ids.index(criterion)])
    else:
        answer = prover.ask(graded.recommended[subject])
    return {"sat": True, "unsat": False}.get(answer.status)
