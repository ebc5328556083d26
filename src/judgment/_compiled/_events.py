"""Trace events into words: each raw test becomes a Check an inspector can read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from judgment._compare import state_words
from judgment._compiled._codegen import Test
from judgment._compiled._sources import static
from judgment._compiled._values import Ranked, describe, stated_relation
from judgment._judgment import Check, built

#: (test id, outcome, state, *raw operands), as generated code makes them: one flat tuple, as
#: a large rulebook makes thousands a bundle.
Event = tuple[Any, ...]


#: The operand types whose words depend on nothing but their value, and that no other type in the
#: set equals: an event of only these is put into words once (``True == 1.0``, so bool is not one).
_PLAIN = frozenset({float, str, type(None), Ranked})
_KNOWN_AT_MOST = 50_000


def checks(events: Sequence[Event] | None, tests: Sequence[Test]) -> tuple[Check, ...]:
    """Each event in words. A Check is immutable and depends only on its event and test, so an event
    of plain operands seen before (by another bundle judged by the same rulebook) is not worded again."""
    if not events:
        return ()
    known: dict[Event, Check] = static("checks", tests, _known)
    made = []
    for event in events:
        if all(type(operand) in _PLAIN for operand in event[3:]):
            check = known.get(event)
            if check is None:
                if len(known) >= _KNOWN_AT_MOST:
                    known.clear()
                check = known[event] = _check(event, tests[event[0]])
        else:  # a figure, a record, a flag: worded each time (and never hashed)
            check = _check(event, tests[event[0]])
        made.append(check)
    return tuple(made)


def _known(tests: Sequence[Test]) -> dict[Event, Check]:
    return {}


def _check(event: Event, test: Test) -> Check:
    outcome: bool | None = event[1]
    state: str | None = event[2]
    operands = event[3:]
    if test.form == "position":  # operands: subject, reference, and the tolerance when one is written
        values = tuple(describe(o) for o in operands[:2])
        stated = stated_relation(operands[0], operands[1])
        if state is not None and stated is not None and not stated[0]:  # read from the source, not computed
            values += (stated[1],)
        elif state is not None:
            within = f" within {describe(operands[2])}" if len(operands) > 2 else ""
            said = f" ({stated[1]})" if stated is not None else ""
            need = _inclusive_need(test.name, operands[0], values[1]) if outcome is False else ""
            values += (f"{values[0]} is {state_words(state)} {values[1]}{within}{said}{need}",)
    elif test.form == "presence":
        values = (f"{test.name} {'present' if operands[0] else 'missing'}",)
    elif test.form == "finding":
        values = (f"finding {test.name} {'made' if outcome else 'not made'}",)
    elif test.form == "any":
        values = (f"{int(operands[0])} {test.name.replace('_', ' ')} finding(s)",)
    else:
        values = tuple(describe(o) for o in operands)
    return built(Check, condition=test.condition, values=values, outcome=outcome, state=state)


def findings_used(events: Sequence[Event] | None, tests: Sequence[Test]) -> tuple[str, ...]:
    """The findings a condition relied on: its ``finding(x)`` tests that held."""
    return tuple(sorted({tests[e[0]].name for e in events or () if tests[e[0]].form == "finding" and e[1]}))


def _inclusive_need(wanted: str, subject: Any, threshold: str) -> str:
    """What would make a failed ``is [not] at least|at most N`` hold: the why-not's answer. A figure
    with an interval needs all of it on the right side of N; a straddling interval never is."""
    ranged = getattr(subject, "interval", None) is not None
    need = {"at_least": ("the whole interval were at or above", "it were {} or more"),
            "at_most": ("the whole interval were at or below", "it were {} or less"),
            "not at_least": ("some of the interval were below", "it were below {}"),
            "not at_most": ("some of the interval were above", "it were above {}")}.get(wanted)
    if need is None:
        return ""
    return f"; it would hold if {need[0]} {threshold}" if ranged else f"; it would hold if {need[1].format(threshold)}"
