"""Three-valued conditions as two-valued formulas over literals the engine can match.

A rule fires when its condition is *true*; missing evidence makes a test
*unknown*. Following Kleene's logic, ``T(c)`` ("c is true") and ``F(c)`` ("c is
false") are built by pushing negation down to the tests, so every formula is
positive and needs no engine negation (whose result in durable_rules depends on
the order facts arrive in). A test on a missing value matches in neither form.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product
from typing import Union

from judgment._durable._encode import Prop, Scalar
from judgment._lang import _ast as ast


@dataclass(frozen=True)
class Test:
    """A single-fact test against a constant, on the pattern of one variable."""

    variable: str
    prop: Prop
    op: str  # == != < <= > >=
    value: Scalar


@dataclass(frozen=True)
class Marker:
    """Whether any record of a kind is in the session: ``present(kind)`` / ``missing(kind)``."""

    kind: str
    present: bool


@dataclass(frozen=True)
class Status:
    """Whether a finding has been made: ``finding(id)`` and its negation."""

    rule: str
    made: bool


@dataclass(frozen=True)
class Residual:
    """A test the engine may not be trusted with; Python checks it on each activation."""

    node: ast.Node
    want: bool


Literal = Union[Test, Marker, Status, Residual]


@dataclass(frozen=True)
class All:
    parts: tuple[Formula, ...]


@dataclass(frozen=True)
class Any:
    parts: tuple[Formula, ...]


Formula = Union[All, Any, Test, Marker, Status, Residual]

TRUE, FALSE = All(()), Any(())


def to_dnf(formula: Formula, limit: int) -> list[tuple[Literal, ...]] | None:
    """Disjunctive normal form, or None when it would exceed `limit` disjuncts."""
    if isinstance(formula, Any):
        found: list[tuple[Literal, ...]] = []
        for part in formula.parts:
            sub = to_dnf(part, limit)
            if sub is None or len(found) + len(sub) > limit:
                return None
            found.extend(sub)
        return found
    if isinstance(formula, All):
        result: list[tuple[Literal, ...]] = [()]
        for part in formula.parts:
            sub = to_dnf(part, limit)
            if sub is None or len(result) * len(sub) > limit:
                return None
            result = [left + right for left, right in product(result, sub)]
        return result
    return [(formula,)]
