"""The values a number or a figure may move to: the nearest ones that change a test's state.

A figure's state against a threshold or a comparator changes only where one of its bounds crosses
the other side's bound (plus the tolerance): with the figure's interval offsets kept (its width
around the value, as :func:`judgment._whatif._changes.apply_changes` keeps it), each such crossing
is one value of the figure's own value, and the state just past it is one step of the data's
precision further. Between two crossings nothing any test reads changes, so these values, the
nearest of each distinct outcome, stand for every value the figure could take.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from judgment._counterfactual._reads import Test
from judgment._lang import _ast as ast
from judgment._lang._exact import bound_state, figure_state, threshold_state
from judgment.evidence import Measure

#: The finest step a figure is moved by: a value is never written with more decimals than this.
MAX_DECIMALS = 4
_OPS: dict[str, Callable[[float, float], bool]] = {
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


def figure_values(figure: Measure, tests: Sequence[Test]) -> list[float]:
    """The figure's value moved to the nearest value of each other outcome of `tests`, nearest first."""
    if figure.value is None:
        return []
    value = figure.value
    low = round(value - (figure.lower if figure.lower is not None else value), 10)
    high = round((figure.upper if figure.upper is not None else value) - value, 10)
    numbers = [value, low, high] + [n for t in tests for n in _references(figure, t)]
    places = _decimals(numbers)
    step = 10.0 ** -places
    crossings: list[float] = []
    for test in tests:
        for edge in _edges(figure, test, low, high):
            crossings += [edge - step, edge, edge + step]

    def outcome(v: float) -> tuple[object, ...]:
        lower, upper = round(v - low, 10), round(v + high, 10)
        return tuple(_state(figure, t, v, lower, upper) for t in tests)
    return _nearest_per_outcome(value, [round(c, places) for c in crossings], outcome)


def number_values(value: float, tests: Sequence[Test]) -> list[float]:
    """A plain number moved to the nearest value of each other outcome of its comparisons."""
    thresholds = [t.number for t in tests if t.number is not None and isinstance(t.node, ast.Compare)]
    places = 0 if isinstance(value, int) and all(float(n).is_integer() for n in thresholds) \
        else _decimals([value, *thresholds])
    step = 10.0 ** -places
    crossings = [round(n + d, places) for n in thresholds for d in (-step, 0.0, step)]
    if places == 0:
        crossings = [int(c) for c in crossings]

    def outcome(v: float) -> tuple[object, ...]:
        return tuple(_compare(t, v) for t in tests if isinstance(t.node, ast.Compare) and t.number is not None)
    return _nearest_per_outcome(value, crossings, outcome)


def _nearest_per_outcome(value: float, candidates: list[float],
                         outcome: Callable[[float], tuple[object, ...]]) -> list[float]:
    here = outcome(value)
    best: dict[tuple[object, ...], float] = {}
    for candidate in sorted(set(candidates), key=lambda c: (abs(c - value), c)):
        seen = outcome(candidate)
        if seen != here and seen not in best:
            best[seen] = candidate
    return sorted(best.values(), key=lambda c: (abs(c - value), c))


def _references(figure: Measure, test: Test) -> list[float]:
    if test.comparator is None:
        return [test.number or 0.0, test.tolerance]
    other = figure.comparators.get(test.comparator)
    if other is None or other.value is None:
        return []
    return [other.lower or 0.0, other.upper or 0.0, test.tolerance]


def _edges(figure: Measure, test: Test, low: float, high: float) -> list[float]:
    """The values of the figure's value where one of its bounds meets the other side's."""
    if test.comparator is not None:
        other = figure.comparators.get(test.comparator)
        if other is None or other.value is None or other.lower is None or other.upper is None:
            return []
        return [other.upper + test.tolerance + low, other.lower - test.tolerance - high]
    if test.number is None:
        return []
    return [test.number + low, test.number - high]


def _state(figure: Measure, test: Test, value: float, lower: float, upper: float) -> object:
    node = test.node
    if isinstance(node, ast.Compare):
        return None if test.number is None else _compare(test, value)
    if test.comparator is not None:
        other = figure.comparators.get(test.comparator)
        if other is None or other.lower is None or other.upper is None:
            return None
        return figure_state(lower, upper, other.lower, other.upper, test.tolerance)
    assert test.number is not None
    if node.state in ("at_least", "at_most"):
        return bound_state(lower, upper, test.number, node.state)
    return threshold_state(lower, upper, test.number)


def _compare(test: Test, value: float | None) -> bool | None:
    assert isinstance(test.node, ast.Compare) and test.number is not None
    if value is None:
        return None
    op = test.node.op
    if isinstance(test.node.right, ast.Path):  # the number on the left: `36 <= x.months`
        op = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}.get(op, op)  # type: ignore[assignment]
    return _OPS[op](value, test.number)


def _decimals(numbers: Sequence[float]) -> int:
    """The most decimals any of `numbers` is written with (at least one, at most MAX_DECIMALS)."""
    most = 1
    for number in numbers:
        text = repr(float(number))
        if "e" not in text and "." in text:
            most = max(most, len(text.split(".")[1].rstrip("0")))
    return min(most, MAX_DECIMALS)
