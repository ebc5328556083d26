"""The abstract syntax of conditions: plain, immutable data, independent of any engine.

Every node keeps its span (character offsets inside the expression string) so
diagnostics and traces can point at the exact place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

CompareOp = Literal["==", "!=", "<", "<=", ">", ">="]
ArithOp = Literal["+", "-", "*", "/"]
State = Literal["above", "below", "in_line", "indeterminate", "at_least", "at_most"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Number:
    value: float
    span: Span


@dataclass(frozen=True)
class String:
    value: str
    span: Span


@dataclass(frozen=True)
class Bool:
    value: bool
    span: Span


@dataclass(frozen=True)
class Path:
    """``victim_satisfaction.rate`` or a bare name such as a comparator ``national``."""

    parts: tuple[str, ...]
    span: Span

    @property
    def dotted(self) -> str:
        return ".".join(self.parts)


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]
    span: Span


@dataclass(frozen=True)
class Not:
    operand: Node
    span: Span


@dataclass(frozen=True)
class And:
    operands: tuple[Node, ...]
    span: Span


@dataclass(frozen=True)
class Or:
    operands: tuple[Node, ...]
    span: Span


@dataclass(frozen=True)
class Compare:
    op: CompareOp
    left: Node
    right: Node
    span: Span


@dataclass(frozen=True)
class Position:
    """``figure is [not] above|below|in line with|indeterminate against reference [within t]``, or
    ``figure is [not] at least|at most threshold`` (inclusive: the whole interval at or beyond it)."""

    subject: Node
    state: State
    reference: Node
    tolerance: Node | None
    negated: bool
    span: Span


@dataclass(frozen=True)
class Arith:
    op: ArithOp
    left: Node
    right: Node
    span: Span


@dataclass(frozen=True)
class Neg:
    operand: Node
    span: Span


Node = Union[Number, String, Bool, Path, Call, Not, And, Or, Compare, Position, Arith, Neg]


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-expressions of a node, in source order."""
    if isinstance(node, (Not, Neg)):
        return (node.operand,)
    if isinstance(node, (And, Or)):
        return node.operands
    if isinstance(node, (Compare, Arith)):
        return (node.left, node.right)
    if isinstance(node, Position):
        return (node.subject, node.reference) + ((node.tolerance,) if node.tolerance else ())
    if isinstance(node, Call):
        return node.args
    return ()


def walk(node: Node) -> list[Node]:
    """All nodes, parents before children."""
    found = [node]
    for child in children(node):
        found.extend(walk(child))
    return found


def depth(node: Node) -> int:
    return 1 + max((depth(c) for c in children(node)), default=0)
