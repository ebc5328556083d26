"""How large arithmetic in a rule can get, known before any evidence exists.

Evidence numbers lie within ±10^15 and a fraction is 0 or at least 10^-15 in size; rule constants
lie in the same range (see ``judgment.evidence._strict``). From these, each arithmetic expression
has a largest possible magnitude, and a smallest non-zero one, which bounds what dividing by it can
give. A rule whose arithmetic could leave the finite floats (or come near) is refused where it is
written, so a judgment never computes inf or NaN from evidence that loaded.

The bounds are sound for IEEE doubles: a sum or difference of two doubles that is not zero is at
least the smaller unit in the last place of the two, and that is at least 2^-53 of its magnitude.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from judgment._lang import _ast as ast
from judgment.evidence._strict import MAX_MAGNITUDE, MIN_MAGNITUDE

#: The largest magnitude a rule may compute: far below the largest double (1.8e308), so that
#: rounding on the way never reaches it.
LIMIT = 1e300
_ULP = 2.0**-53
_ROUND_DOWN = 1 - 2.0**-50  # a product or quotient rounds to within this of the exact value


@dataclass(frozen=True)
class Bounds:
    """`high`: the largest magnitude; `low`: the smallest magnitude that is not zero (inf: always 0)."""

    high: float
    low: float


_EVIDENCE = Bounds(float(MAX_MAGNITUDE), MIN_MAGNITUDE)
_COUNT = Bounds(float(MAX_MAGNITUDE), 1.0)  # count(), total(), count_grades(): whole numbers
_ZERO = Bounds(0.0, math.inf)


def bounds(node: ast.Node) -> Bounds:
    """The bounds of a numeric expression the checker has already typed."""
    if isinstance(node, ast.Number):
        size = abs(node.value)
        return Bounds(size, size) if size else _ZERO
    if isinstance(node, ast.Neg):
        return bounds(node.operand)
    if isinstance(node, ast.Arith):
        return _combine(node.op, bounds(node.left), bounds(node.right))
    if isinstance(node, ast.Call):
        return _COUNT
    return _EVIDENCE  # a path to a number in the evidence


def _combine(op: str, left: Bounds, right: Bounds) -> Bounds:
    if op in ("+", "-"):
        return Bounds(left.high + right.high, min(left.low, right.low) * _ULP)
    if op == "*":
        if left.low == math.inf or right.low == math.inf:
            return _ZERO
        return Bounds(left.high * right.high, left.low * right.low * _ROUND_DOWN)
    if left.low == math.inf or right.low == math.inf:  # 0 / x is 0, x / 0 is unknown
        return _ZERO
    high = left.high / right.low if right.low > 0 else math.inf
    return Bounds(high, left.low / right.high * _ROUND_DOWN if right.high > 0 else 0.0)


def overflows(node: ast.Arith | ast.Neg) -> float | None:
    """The largest magnitude `node` could reach, when that is beyond :data:`LIMIT`; else None."""
    high = bounds(node).high
    return high if not high <= LIMIT else None  # `not <=`: NaN counts as beyond
