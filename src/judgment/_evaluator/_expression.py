"""Evaluate a checked condition over one binding of records, recording every test it makes.

Missing evidence is *unknown*, not false: logic is three-valued (Kleene), so
``not (x is above national)`` is unknown when the comparator is missing, and a
rule fires only when its condition is true.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from judgment._compare import Bounds, against_figure, against_threshold, state_words
from judgment._judgment import Check
from judgment._lang import _ast as ast
from judgment._evaluator._values import Ranked, Value, describe, lift
from judgment.evidence import Measure, Record

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_ARITH: dict[str, Callable[[float, float], float]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul}


@dataclass
class Context:
    """What a condition can see besides its bound records."""

    kinds_present: frozenset[str] = frozenset()
    findings_fired: Mapping[str, Any] = field(default_factory=dict)  # rule id -> list of findings
    count: Callable[[str, str | None], int] = lambda polarity, question: 0
    total: Callable[[str, str | None], int] = lambda polarity, question: 0
    grade_of: Callable[[str], Ranked | None] = lambda question: None
    count_grades: Callable[[tuple[str, ...]], int] = lambda grades: 0
    question: str | None = None


@dataclass
class Evaluation:
    outcome: bool | None
    checks: list[Check]
    records_used: set[str]
    findings_used: set[str]


def evaluate(text: str, node: ast.Node, bindings: Mapping[str, Record], context: Context) -> Evaluation:
    run = _Run(text, bindings, context)
    outcome = run.truth(node)
    return Evaluation(outcome, run.checks, run.records_used, run.findings_used)


class _Run:
    def __init__(self, text: str, bindings: Mapping[str, Record], context: Context) -> None:
        self.text, self.bindings, self.context = text, bindings, context
        self.checks: list[Check] = []
        self.records_used: set[str] = {r.id for r in bindings.values()}
        self.findings_used: set[str] = set()

    def source(self, node: ast.Node) -> str:
        return self.text[node.span.start:node.span.end]

    def record(self, node: ast.Node, values: tuple[str, ...], outcome: bool | None, state: str | None = None) -> None:
        self.checks.append(Check(condition=self.source(node), values=values, outcome=outcome, state=state))

    # logic ------------------------------------------------------------------
    def truth(self, node: ast.Node) -> bool | None:
        if isinstance(node, ast.Not):
            inner = self.truth(node.operand)
            return None if inner is None else not inner
        if isinstance(node, ast.And):
            results = [self.truth(o) for o in node.operands]  # every test is recorded for the trace
            return False if False in results else (None if None in results else True)
        if isinstance(node, ast.Or):
            results = [self.truth(o) for o in node.operands]
            return True if True in results else (None if None in results else False)
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Position):
            return self.position(node)
        value = self.value(node)
        outcome = None if value is None else bool(value)
        if isinstance(node, ast.Path):
            self.record(node, (describe(value),), outcome)
        return outcome

    def compare(self, node: ast.Compare) -> bool | None:
        left, right = self.value(node.left), self.value(node.right)
        values = (describe(left), describe(right))
        outcome = None
        if left is not None and right is not None:
            outcome = _COMPARE[node.op](*_comparable(left, right))
        self.record(node, values, outcome)
        return outcome

    def position(self, node: ast.Position) -> bool | None:
        subject = self.value(node.subject)
        reference = self.reference(node, subject)
        if subject is None or reference is None:
            self.record(node, (describe(subject), describe(reference)), None)
            return None
        figure = _bounds(subject)
        if isinstance(reference, float):
            state = against_threshold(figure, reference)
        else:
            tolerance = float(self.value(node.tolerance)) if node.tolerance is not None else 0.0
            state = against_figure(figure, _bounds(reference), tolerance)
        outcome = (state == node.state) != node.negated
        words = f"{describe(subject)} is {state_words(state)} {describe(reference)}"
        self.record(node, (describe(subject), describe(reference), words), outcome, state)
        return outcome

    def reference(self, node: ast.Position, subject: Value) -> Value:
        ref = node.reference
        if isinstance(ref, ast.Path) and len(ref.parts) == 1 and ref.parts[0] not in self.bindings:
            return subject.comparators.get(ref.parts[0]) if isinstance(subject, Measure) else None
        return self.value(ref)

    # values -----------------------------------------------------------------
    def value(self, node: ast.Node) -> Value:
        if isinstance(node, (ast.Number, ast.String, ast.Bool)):
            return float(node.value) if isinstance(node, ast.Number) else node.value
        if isinstance(node, ast.Path):
            return self.path(node)
        if isinstance(node, ast.Arith):
            return self.arith(node)
        if isinstance(node, ast.Neg):
            inner = self.value(node.operand)
            return None if inner is None else -inner
        if isinstance(node, ast.Call):
            return self.call(node)
        return self.truth(node)

    def path(self, node: ast.Path) -> Value:
        current: Value = self.bindings.get(node.parts[0])
        for part in node.parts[1:]:
            if current is None:
                return None
            if isinstance(current, Measure) and part in current.comparators:
                current = current.comparators[part]
            elif isinstance(current, Measure) and part in ("value", "lower", "upper"):
                current = float(getattr(current, part))
            elif isinstance(current, Measure):
                return None  # a declared comparator that this record does not carry
            else:
                current = lift(getattr(current, part))
        return current

    def arith(self, node: ast.Arith) -> Value:
        left, right = self.value(node.left), self.value(node.right)
        if left is None or right is None:
            return None
        if node.op == "/":
            return None if right == 0 else left / right
        return _ARITH[node.op](left, right)

    def call(self, node: ast.Call) -> Value:
        names = [a.parts[0] for a in node.args if isinstance(a, ast.Path)]
        ctx = self.context
        if node.name in ("present", "missing"):
            present = names[0] in ctx.kinds_present
            outcome = present if node.name == "present" else not present
            self.record(node, (f"{names[0]} {'present' if present else 'missing'}",), outcome)
            return outcome
        if node.name == "finding":
            fired = names[0] in ctx.findings_fired
            if fired:
                self.findings_used.add(names[0])
            self.record(node, (f"finding {names[0]} {'made' if fired else 'not made'}",), fired)
            return fired
        if node.name in ("count", "total", "any"):
            question = names[1] if len(names) > 1 else ctx.question
            counted = (ctx.total if node.name == "total" else ctx.count)(names[0], question)
            if node.name == "any":
                self.record(node, (f"{counted} {names[0].replace('_', ' ')} finding(s)",), counted > 0)
                return counted > 0
            return float(counted)
        if node.name == "grade":
            return ctx.grade_of(names[0])
        if node.name == "count_grades":
            return float(ctx.count_grades(tuple(names)))
        raise AssertionError(f"unchecked function {node.name}")


def _bounds(value: Value) -> Bounds:
    if isinstance(value, Measure):
        return Bounds(value.value, value.lower, value.upper)
    return Bounds.point(float(value))


def _comparable(left: Value, right: Value) -> tuple[Any, Any]:
    if isinstance(left, Ranked):
        return left.rank, (left.of(right).rank if isinstance(right, str) else right.rank)
    if isinstance(right, Ranked):
        return right.of(left).rank, right.rank
    return left, right
