"""What generated condition code calls: the semantics of each operation, in one place.

Generated functions do straight-line work (read a field, test for unknown, call
one of these); the meaning of every operation lives here, in ordinary code, where
it can be read and tested. Missing evidence is *unknown* (None), never false.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fractions import Fraction

from judgment._lang._exact import bound_state, compare, divide, figure_state, minus, plus, threshold_state, times
from judgment._lang._stated import against_comparator
from judgment._compiled._values import Ranked, Value, lift
from judgment.evidence import Measure

_MEASURE_PARTS = frozenset(("value", "lower", "upper"))


@dataclass(slots=True)
class Scope:
    """What a condition can see besides its bound records."""

    kinds: frozenset[str] = frozenset()  # record kinds present in the bundle
    fired: Mapping[str, Any] = field(default_factory=dict)  # finding rule id -> what it made
    counts: Mapping[tuple[str, str | None], int] = field(default_factory=dict)  # (polarity, question|None)
    totals: Mapping[tuple[str, str | None], int] = field(default_factory=dict)
    grades: Mapping[str, str | None] = field(default_factory=dict)  # question -> grade id reached; None: not graded
    worst_first: tuple[str, ...] = ()
    graded: tuple[str, ...] = ()  # the questions count_grades looks at
    question: str | None = None  # the question being graded, for count(p) without a question


def field_of(record: Any, name: str) -> Value:
    return lift(getattr(record, name))


def step(current: Value, part: str) -> Value:
    """One step of a path past its record: a field, a comparator, or a figure's value/lower/upper."""
    if current is None:
        return None
    if isinstance(current, Measure):
        if part in current.comparators:
            return current.comparators[part]
        if part in _MEASURE_PARTS:
            number = getattr(current, part)
            return None if number is None else float(number)  # a figure stated without numbers
        if part == "trend":
            return current.trend
        return None  # a declared comparator that this record does not carry
    return lift(getattr(current, part))


def comparator(subject: Value, name: str) -> Value:
    """``is above national``: the subject figure's own comparator, or unknown."""
    return subject.comparators.get(name) if isinstance(subject, Measure) else None


def state(subject: Value, reference: Value, tolerance: Value) -> str | None:
    """above, below, in_line or indeterminate, by the contract's table, decided in decimal
    (judgment._lang._exact: a gap of exactly the tolerance is in line). Against the figure's own
    comparator a relation the source states is read when numbers are missing (judgment._lang._stated);
    otherwise a figure without numbers is unknown (None)."""
    if isinstance(subject, Measure) and isinstance(reference, Measure) and _own(subject, reference):
        return against_comparator(subject, reference, 0.0 if tolerance is None else tolerance)
    bounds = _bounds(subject)
    if bounds is None:
        return None
    lower, upper = bounds
    if isinstance(reference, (float, Fraction)):
        return threshold_state(lower, upper, reference)
    other = _bounds(reference)
    if other is None:
        return None
    return figure_state(lower, upper, other[0], other[1], 0.0 if tolerance is None else tolerance)


def bound(subject: Value, threshold: Value, wanted: str) -> str | None:
    """``is at least`` / ``is at most`` a threshold (judgment._lang._exact.bound_state), decided in
    decimal; a figure without numbers (stated relations only) is unknown (None)."""
    bounds = _bounds(subject)
    if bounds is None or not isinstance(threshold, (float, Fraction)):
        return None
    return bound_state(bounds[0], bounds[1], threshold, wanted)


def _own(subject: Measure, reference: Measure) -> bool:
    """Whether `reference` is one of the subject's own comparators, whose stated relation is about it."""
    return any(c is reference for c in subject.comparators.values())


def _bounds(value: Value) -> tuple[float | Fraction, float | Fraction] | None:
    if isinstance(value, Measure):
        interval, point = value.interval, value.value
        if point is None:
            return None
        return (point, point) if interval is None else (interval.lower, interval.upper)
    if isinstance(value, Fraction):  # the exact result of rule arithmetic
        return value, value
    return float(value), float(value)


def count(scope: Scope, polarity: str, question: str | None) -> float:
    return float(scope.counts.get((polarity, question if question is not None else scope.question), 0))


def total(scope: Scope, polarity: str, question: str | None) -> float:
    return float(scope.totals.get((polarity, question if question is not None else scope.question), 0))


def grade(scope: Scope, question: str) -> Ranked | None:
    """The grade a question reached, ordered; unknown (None) for a question left not graded."""
    reached = scope.grades.get(question)
    return None if reached is None else Ranked(reached, scope.worst_first)


def count_grades(scope: Scope, wanted: tuple[str, ...]) -> float:
    return float(sum(1 for q in scope.graded if scope.grades.get(q) in wanted))


def _plain(left: Value, right: Value) -> tuple[Any, Any]:
    """Values on an ordered scale compare by position; anything else as itself."""
    if isinstance(left, Ranked):
        return left.rank, (left.order.index(right) if isinstance(right, str) else right.rank)
    if isinstance(right, Ranked):
        return right.order.index(left), right.rank
    return left, right


def eq(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a == b)


def ne(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a != b)


def lt(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a < b)


def le(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a <= b)


def gt(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a > b)


def ge(left: Value, right: Value) -> bool:
    a, b = _plain(left, right)
    return bool(a >= b)


#: Every name generated code may use. Nothing else is in its namespace, builtins included.
NAMES: dict[str, Any] = {
    "field_of": field_of, "step": step, "comparator": comparator, "state": state, "bound": bound, "divide": divide,
    "plus": plus, "minus": minus, "times": times, "compare": compare,
    "count": count, "total": total, "grade": grade, "count_grades": count_grades, "bool": bool, "float": float, "getattr": getattr,
    "eq": eq, "ne": ne, "lt": lt, "le": le, "gt": gt, "ge": ge,
}
