"""Numbers decided as they are written: exact gaps, arithmetic and comparisons, for both engines.

Figures and rule constants are written in decimal but reach the engines as binary floats, and a
decision must not turn on binary rounding: ``32.2 - 30.2`` is exactly 2, so that gap is in line
``within 2``, though the binary difference is 2.0000000000000036 (and ``32.1 - 30.1`` falls below 2).
Here a float stands for the shortest decimal that reads back as it (its ``repr``); for a number
written with at most 15 significant digits (every number evidence and rules admit: within
±10^15, fractions at least 10^-15) that is the number as written.

* Comparing two floats is already exact in this sense: distinct floats have disjoint rounding
  intervals, so their shortest decimals are ordered as they are. Plain comparisons stay plain.
* Arithmetic is not: a gap, a sum, a product. Rule arithmetic is done here on exact fractions, and
  its result stays a :class:`~fractions.Fraction`; comparisons involving one go through `compare`.
* The gap behind every tolerance (`gap_sign`) is on the hot path, so it decides in binary when the
  binary result is provably on the same side as the exact one, and exactly otherwise (see there).

The compiled engine calls these functions; the durable_rules encoder asserts their outcome as a
fact property (never a binary gap for the C engine to compare), so the two agree bit for bit.
"""

from __future__ import annotations

from decimal import Context, Decimal, Inexact
from fractions import Fraction
from typing import Literal

Number = float | Fraction
Sign = Literal[-1, 0, 1]

#: |binary - exact| of ``a - b - t`` is below 2**-51 * (|a| + |b| + |t|) (three roundings of
#: half an ulp and three decimal-to-binary readings of half an ulp each); a margin 2,000 times
#: wider leaves the binary sign certain.
_MARGIN = 1e-12
#: Enough digits for any difference of numbers within ±10^15 written to 10^-32; beyond, Inexact.
_EXACT = Context(prec=80, traps=[Inexact])


def exact(value: Number | int) -> Fraction:
    """The decimal a number was written as, exactly (a fraction from rule arithmetic as is)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    return Fraction(Decimal(repr(value)))


def _sign(value: Fraction | Decimal | float) -> Sign:
    return 1 if value > 0 else (-1 if value < 0 else 0)


def compare(left: Number, right: Number) -> Sign:
    """-1, 0 or 1 as `left` is below, equal to or above `right`, in decimal."""
    if type(left) is float and type(right) is float:
        return 1 if left > right else (-1 if left < right else 0)  # order of floats = order of decimals
    return _sign(exact(left) - exact(right))


def gap_sign(left: Number, right: Number, tolerance: Number) -> Sign:
    """The sign of ``(left - right) - tolerance``, in decimal: 1 when the gap exceeds the tolerance."""
    if type(left) is float and type(right) is float and type(tolerance) is float:
        if tolerance == 0.0:
            return compare(left, right)  # equal figures, the common tie, stay cheap
        binary = left - right - tolerance
        if abs(binary) > _MARGIN * (abs(left) + abs(right) + abs(tolerance)):
            return 1 if binary > 0 else -1
        try:  # a near tie: decimal arithmetic, exact or trapped (Inexact) when the digits run out
            gap = _EXACT.subtract(_EXACT.subtract(Decimal(repr(left)), Decimal(repr(right))), Decimal(repr(tolerance)))
            return _sign(gap)
        except Inexact:
            pass
    return _sign(exact(left) - exact(right) - exact(tolerance))


def figure_state(lower: Number, upper: Number, other_lower: Number, other_upper: Number,
                 tolerance: Number) -> str:
    """Against a comparator figure: above when the gap between the intervals exceeds the
    tolerance, below likewise, else in line (a gap of exactly the tolerance is in line)."""
    if (type(lower) is float and type(upper) is float and type(other_lower) is float
            and type(other_upper) is float and type(tolerance) is float):  # every figure: one cheap pass
        above, below = lower - other_upper - tolerance, other_lower - upper - tolerance
        margin = _MARGIN * (abs(lower) + abs(upper) + abs(other_lower) + abs(other_upper) + abs(tolerance))
        if above > margin:
            return "above"
        if above < -margin and below > margin:
            return "below"
        if above < -margin and below < -margin:
            return "in_line"
    if gap_sign(lower, other_upper, tolerance) > 0:
        return "above"
    if gap_sign(other_lower, upper, tolerance) > 0:
        return "below"
    return "in_line"


def threshold_state(lower: Number, upper: Number, threshold: Number) -> str:
    """Against a fixed threshold: above, below, or indeterminate when the interval reaches it."""
    if compare(lower, threshold) > 0:
        return "above"
    if compare(upper, threshold) < 0:
        return "below"
    return "indeterminate"


def bound_state(lower: Number, upper: Number, threshold: Number, wanted: str) -> str:
    """``is at least`` / ``is at most`` a threshold, inclusive. At least: ``at_least`` when the whole
    interval is at or above it (an exact figure equal to it too), below when all of it is under it,
    else indeterminate (it straddles: some of the interval under the threshold, some at or above it).
    At most mirrors it: ``at_most``, above, or indeterminate."""
    if wanted == "at_least":
        if compare(lower, threshold) >= 0:
            return "at_least"
        return "below" if compare(upper, threshold) < 0 else "indeterminate"
    if compare(upper, threshold) <= 0:
        return "at_most"
    return "above" if compare(lower, threshold) > 0 else "indeterminate"


def plus(left: Number, right: Number) -> Fraction:
    return exact(left) + exact(right)


def minus(left: Number, right: Number) -> Fraction:
    return exact(left) - exact(right)


def times(left: Number, right: Number) -> Fraction:
    return exact(left) * exact(right)


def divide(left: Number, right: Number) -> Fraction | None:
    """Exact division; unknown (None) for a zero divisor."""
    divisor = exact(right)
    return None if divisor == 0 else exact(left) / divisor


def tolerance_key(tolerance: float) -> str:
    """A tolerance as a name part (``1.2`` -> ``1p2``): one key per float, and back by `tolerance_of`."""
    return format(Decimal(repr(float(tolerance))), "f").replace(".", "p")


def tolerance_of(key: str) -> float:
    return float(Decimal(key.replace("p", ".")))
