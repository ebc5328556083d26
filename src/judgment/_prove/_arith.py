"""Rule arithmetic as z3, exactly as the compiled engine does it (judgment._lang._exact).

The engine computes ``+ - * /`` on exact fractions of the decimals written, and z3's Real is exact,
so a sum or product is the same number on both sides. What the engine makes unknown (None) is
unknown here: an unknown operand, and division by zero (judgment._lang._exact.divide).
"""

from __future__ import annotations

from judgment._prove._values import NotTranslated, Scalar, Value
from judgment._prove._z3 import z3


def arith(op: str, left: Value, right: Value) -> Scalar:
    """``left op right``: known when both are, and for ``/`` when the divisor is not zero."""
    a, b = _number(left, op), _number(right, op)
    known = z3().And(a.known, b.known)
    if op == "/":
        return Scalar("num", z3().And(known, b.term != 0), a.term / b.term)
    term = {"+": a.term + b.term, "-": a.term - b.term, "*": a.term * b.term}[op]
    return Scalar("num", known, term)


def negate(inner: Value) -> Scalar:
    number = _number(inner, "-")
    return Scalar("num", number.known, -number.term)


def _number(value: Value, op: str) -> Scalar:
    if not isinstance(value, Scalar) or value.sort != "num":
        raise NotTranslated([f"'{op}' on a {getattr(value, 'sort', 'figure')} (arithmetic needs numbers)"])
    return value
