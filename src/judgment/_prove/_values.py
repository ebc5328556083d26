"""Symbolic values of condition expressions: a z3 term and when it is known.

Missing evidence is *unknown*, never false (docs/rule-files.md, "Missing evidence"): every value
carries `known`, a z3 Boolean that holds exactly when the compiled engine's value is not None.
A truth value is kept as two Booleans, `true` and `false`; where neither holds it is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from judgment.evidence import Record

Expr = Any  # a z3 expression: z3 ships no type information


class NotTranslated(Exception):
    """A construct the translation does not handle yet: refused by name, never guessed."""

    def __init__(self, constructs: list[str]) -> None:
        self.constructs = constructs
        super().__init__("not translated to SMT yet: " + "; ".join(constructs))


@dataclass(frozen=True)
class Truth:
    """A three-valued truth: true, false, or (neither) unknown."""

    true: Expr
    false: Expr


@dataclass(frozen=True)
class Scalar:
    """A number (a z3 Real, exact), a text (a z3 String), a flag (a z3 Bool), or a place on an
    ordered scale (a z3 Int, its rank, worst first; `scale` names the members)."""

    sort: str  # num | str | bool | rank
    known: Expr
    term: Expr
    scale: tuple[str, ...] = ()
    path: tuple[str, ...] = ()  # the variable and parts it is read from; () for a literal or a computed value


@dataclass(frozen=True)
class Figure:
    """A figure (Measure): known when the record carries it; `numbered` when it has a value, then
    its interval is [lower, upper] (a point without one). A comparator is a figure of its own, whose
    `stated` is the rank in STATED of the relation the source states (-1: none)."""

    path: tuple[str, ...]  # the variable, then the parts after it
    known: Expr
    numbered: Expr
    lower: Expr
    upper: Expr
    stated: Expr
    model: type[Record] | None = None  # the record's model, where known


Value = Scalar | Figure
