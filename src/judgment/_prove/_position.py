"""Position tests (``is above national within 2``, ``is below 0``, ``is at least 50``) as z3, exactly as judged.

The states follow judgment._compiled._runtime.state and .bound, decided on exact reals (z3's Real is
exact, as the engine's decimal decision is). Against the figure's own comparator (named, or read by
its path): above when the gap between the intervals exceeds the tolerance, below likewise, else in
line; when either side has no numbers, the relation the source states, or unknown. Against another
figure: the same by numbers only. Against a number (a threshold): above, below, or indeterminate when
the interval reaches it; ``at least``/``at most`` are inclusive (judgment._lang._exact.bound_state).
"""

from __future__ import annotations

from judgment._lang import _ast as ast
from judgment._lang._exact import exact
from judgment._prove._paths import figure
from judgment._prove._symbols import STATED, Symbols
from judgment._prove._values import Expr, Figure, NotTranslated, Scalar, Truth, Value
from judgment._prove._z3 import z3

_NOT_COMPARATORS = ("value", "lower", "upper", "trend")  # a step reads these before comparators
States = tuple[Expr, dict[str, Expr]]  # when the state is defined, and when it is each state


def position(node: ast.Position, subject: Value, reference: Value | str, symbols: Symbols) -> Truth:
    """`reference` is a value, or the name of one of the subject's own comparators."""
    defined, states = _states(node, subject, reference, symbols)
    holds = states.get(node.state, z3().BoolVal(False))
    if node.negated:
        holds = z3().Not(holds)
    return Truth(z3().And(defined, holds), z3().And(defined, z3().Not(holds)))


def _states(node: ast.Position, subject: Value, reference: Value | str, symbols: Symbols) -> States:
    if isinstance(reference, str):
        if reference in _NOT_COMPARATORS:
            raise NotTranslated([f"a comparator named {reference!r}"])
        if not isinstance(subject, Figure):
            return z3().BoolVal(False), {}  # only a figure has comparators: unknown
        own = figure(symbols, subject.path[0], (*subject.path[1:], reference), subject.model)
        return _against_comparator(subject, own, _tolerance(node.tolerance))
    if node.state in ("at_least", "at_most"):
        return _bounded(subject, reference, node.state)
    if isinstance(reference, Scalar):
        return _against_threshold(subject, reference)
    if isinstance(subject, Figure) and reference.path[:-1] == subject.path:  # its own comparator, by its path
        return _against_comparator(subject, reference, _tolerance(node.tolerance))
    return _against_figure(subject, reference, _tolerance(node.tolerance))


def _tolerance(node: ast.Node | None) -> Expr:
    if node is None:
        return _real(exact(0))
    if isinstance(node, ast.Number):
        return _real(exact(node.value))
    raise NotTranslated([f"a tolerance that is a {type(node).__name__}, not a number"])


def _real(number: object) -> Expr:
    return z3().RealVal(str(number))


def _bounds(value: Value) -> tuple[Expr, Expr, Expr]:
    """When a value has an interval, and its lower and upper ends (a number is a point)."""
    if isinstance(value, Figure):
        return z3().And(value.known, value.numbered), value.lower, value.upper
    if value.sort == "num":
        return value.known, value.term, value.term
    raise NotTranslated([f"a position test on a {value.sort}"])


def _bounded(subject: Value, threshold: Value, wanted: str) -> States:
    if not isinstance(threshold, Scalar) or threshold.sort != "num":
        return z3().BoolVal(False), {}  # the engine's bound() is unknown without a number
    defined, lower, upper = _bounds(subject)
    reached = lower >= threshold.term if wanted == "at_least" else upper <= threshold.term
    return z3().And(defined, threshold.known), {wanted: reached}  # the other states never hold as wanted


def _against_threshold(subject: Value, threshold: Scalar) -> States:
    defined, lower, upper = _bounds(subject)
    if threshold.sort != "num":
        raise NotTranslated([f"a position test against a {threshold.sort}"])
    above = lower > threshold.term
    below = z3().And(z3().Not(above), upper < threshold.term)
    states = {"above": above, "below": below, "indeterminate": z3().And(z3().Not(above), z3().Not(below))}
    return z3().And(defined, threshold.known), states


def _by_numbers(lower: Expr, upper: Expr, other_lower: Expr, other_upper: Expr, tolerance: Expr) -> dict[str, Expr]:
    above = lower - other_upper - tolerance > 0
    below = z3().And(z3().Not(above), other_lower - upper - tolerance > 0)
    return {"above": above, "below": below, "in_line": z3().And(z3().Not(above), z3().Not(below))}


def _against_figure(subject: Value, other: Figure, tolerance: Expr) -> States:
    defined, lower, upper = _bounds(subject)
    other_defined, other_lower, other_upper = _bounds(other)
    return z3().And(defined, other_defined), _by_numbers(lower, upper, other_lower, other_upper, tolerance)


def _against_comparator(subject: Figure, other: Figure, tolerance: Expr) -> States:
    computed = z3().And(subject.numbered, other.numbered)
    by_numbers = _by_numbers(subject.lower, subject.upper, other.lower, other.upper, tolerance)
    states = {state: z3().If(computed, by_numbers[state], other.stated == STATED.index(state)) for state in STATED}
    defined = z3().And(subject.known, other.known, z3().Or(computed, other.stated >= 0))
    return defined, states
