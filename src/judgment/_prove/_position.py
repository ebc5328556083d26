"""Position tests (``is above national within 2``, ``is below 0``) as z3, exactly as judged.

The states follow judgment._lang._exact and judgment._lang._stated, decided on exact reals (z3's Real
is exact, as the engine's decimal decision is): against the figure's own comparator, above when the gap
between the intervals exceeds the tolerance, below likewise, else in line; when either side has no
numbers, the relation the source states, or unknown. Against a fixed threshold: above, below, or
indeterminate when the interval reaches it (the tolerance is not read there, as in the engine).
"""

from __future__ import annotations

from judgment._lang import _ast as ast
from judgment._lang._exact import exact
from judgment._prove._paths import figure
from judgment._prove._symbols import STATED, Symbols
from judgment._prove._values import Expr, Figure, NotTranslated, Scalar, Truth, Value
from judgment._prove._z3 import z3

_NOT_COMPARATORS = ("value", "lower", "upper", "trend")  # a step reads these before comparators


def position(node: ast.Position, subject: Value, symbols: Symbols) -> Truth:
    if node.state in ("at_least", "at_most"):
        raise NotTranslated([f"'is {node.state.replace('_', ' ')}' (a bounded position test)"])
    tolerance = _tolerance(node.tolerance)
    reference = node.reference
    if isinstance(reference, ast.Number):
        defined, states = _against_threshold(subject, _real(exact(reference.value)))
    elif isinstance(reference, ast.Path) and len(reference.parts) == 1:
        if reference.parts[0] in _NOT_COMPARATORS:
            raise NotTranslated([f"a comparator named {reference.parts[0]!r}"])
        if not isinstance(subject, Figure):
            return Truth(z3().BoolVal(False), z3().BoolVal(False))  # only a figure has comparators: unknown
        other = figure(symbols, subject.path[0], (*subject.path[1:], reference.parts[0]))
        defined, states = _against_comparator(subject, other, tolerance)
    else:
        raise NotTranslated([f"a position test against {type(reference).__name__} (not a comparator or number)"])
    holds = states.get(node.state, z3().BoolVal(False))
    if node.negated:
        holds = z3().Not(holds)
    return Truth(z3().And(defined, holds), z3().And(defined, z3().Not(holds)))


def _tolerance(node: ast.Node | None) -> Expr:
    if node is None:
        return _real(exact(0))
    if isinstance(node, ast.Number):
        return _real(exact(node.value))
    raise NotTranslated([f"a tolerance that is a {type(node).__name__}, not a number"])


def _real(number: object) -> Expr:
    return z3().RealVal(str(number))


def _against_threshold(subject: Value, threshold: Expr) -> tuple[Expr, dict[str, Expr]]:
    if isinstance(subject, Figure):
        defined, lower, upper = z3().And(subject.known, subject.numbered), subject.lower, subject.upper
    elif isinstance(subject, Scalar) and subject.sort == "num":
        defined, lower, upper = subject.known, subject.term, subject.term
    else:
        raise NotTranslated([f"a position test on a {getattr(subject, 'sort', 'value')}"])
    above = lower > threshold
    below = z3().And(z3().Not(above), upper < threshold)
    return defined, {"above": above, "below": below, "indeterminate": z3().And(z3().Not(above), z3().Not(below))}


def _against_comparator(subject: Figure, other: Figure, tolerance: Expr) -> tuple[Expr, dict[str, Expr]]:
    computed = z3().And(subject.numbered, other.numbered)
    stated = other.stated
    above_c = subject.lower - other.upper - tolerance > 0
    below_c = z3().And(z3().Not(above_c), other.lower - subject.upper - tolerance > 0)
    in_line_c = z3().And(z3().Not(above_c), z3().Not(below_c))
    states = {state: z3().If(computed, by_numbers, stated == STATED.index(state))
              for state, by_numbers in (("above", above_c), ("below", below_c), ("in_line", in_line_c))}
    defined = z3().And(subject.known, other.known, z3().Or(computed, stated >= 0))
    return defined, states
