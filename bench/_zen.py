"""The shipped rulebook as a GoRules ZEN decision graph, translated from our checked AST.

Nothing here is written per rule: :class:`Translator` walks the loaded rulebook (the
checked AST of every condition, the vocabulary's field types, ``rulebook.order`` and
``rulebook.grading``) and emits one JDM (JSON Decision Model) graph, which a ``ZenEngine``
with a static loader prepares once. The benchmark then measures ZEN's throughput and checks
that its grades, findings and recommendations equal ours.

The graph::

    bundle (inputNode)
      -> findings (expressionNode)     one expression per finding rule, in rulebook.order
      -> grade <question> (decisionTableNode, hit policy "first"), one per question,
         chained children first, as judgment's compiled engine grades them
      -> overall (only for 'worst' / 'best' (expressionNode) or 'criteria' (decision table))
      -> recommendations (expressionNode)
      -> judgment (outputNode)

How our semantics map onto ZEN
------------------------------
* Input (:func:`zen_input`): ``{"records": {kind: [record.model_dump(mode="json"), ...]}}``
  as JSON text. Nothing is derived from the evidence in Python: interval bounds, comparator
  look-ups, the presence of kinds and all tests are done by ZEN expressions.
* Findings: a rule with one variable of kind K becomes
  ``map(filter(records.K ?? [], T), [#.id])`` (the ids of the records it binds); a rule with
  no variable ``T ? [[]] : []``; a rule with several variables nests ``flatMap`` over
  aliased pools, skipping combinations that bind one record twice. ``finding(x)`` reads the
  earlier result of the same node through ``$.findings.x``.
* Three-valued logic: every condition is translated twice, into a ZEN boolean that is true
  exactly when our condition is TRUE (``T``) and one true exactly when it is FALSE (``F``).
  ``not`` swaps them; ``and``/``or`` follow Kleene (``T(a and b) = T(a) and T(b)``,
  ``F(a and b) = F(a) or F(b)``). Every test of a value that may be missing (an optional
  field, a comparator the figure does not carry, a division by zero, a grade not yet given)
  is guarded with ``!= null`` so it is false in both forms when the evidence is missing. A
  rule fires only when ``T`` holds, as ours does.
* Ordered enums (and grades) are compared by position: ``x.level <= 'limited'`` becomes the
  set membership ``x.level in ["none", "limited"]``, computed from the declared order at
  translation time (its ``F`` form is the complementary set). Two ordered values are compared
  as the disjunction of the member pairs that satisfy the comparison.
* Positions (``is above/below/in line with/indeterminate against``) expand into comparisons
  of the bounds (``lower = x.interval.lower ?? x.value``) per ``judgment._compare``.
* Grading: one decision table per question, one or more rows per criterion (the criterion's
  ``T`` in disjunctive normal form, so an ``or`` becomes consecutive rows with the same
  grade), the last row empty for 'otherwise'. Columns are the values tested, e.g. the input
  ``count([findings.a, findings.b, ...], len(#) > 0)`` (the distinct rules of a polarity
  that made findings for the question) with cells such as ``$ >= 2``.
* ``count``/``any`` count distinct rules that fired; ``total`` is the number of rules in the
  rulebook, a constant of the rulebook written into the expression.

Honest caveats
--------------
* ZEN's numbers are decimals (at most 28 significant digits and 28 decimal places); ours are
  binary64 floats. Where ZEN can hold our numbers, three things keep the engines equal, and
  the self-check has a hand-made bundle and a control for each:
  (1) :func:`zen_input` writes each float's exact binary value to 28 digits (28.1 is written
  28.10000000000000142108547152), not Python's shortest repr: with 4.4 against a national
  2.4, ``within 2``, binary64 finds a gap of 2.0000000000000004 (above) where 4.4 - 2.4 is
  exactly 2 in decimal (in line).
  (2) The gap of ``within t`` (``figure.lower - comparator.upper > t``) is rounded to
  binary64 by us, so its exact equivalent ``gap > t + ulp(t)/2`` (``>=`` when t's last bit
  is odd) is the threshold written: ``a - b > 2.000000000000000222044604925``. With 2.75
  against 0.7499999999999999 the exact gap exceeds 2 but binary64 rounds it to 2.0.
  (3) The input is JSON text, not a dict: the binding rounds dict floats to about 15 digits
  (79.99999999999999, below 80, arrives as 80, indeterminate).
* What ZEN cannot hold it cannot judge as we do: a number smaller than 1e-28 in magnitude is
  0 to ZEN, and one below about 1e-11 loses digits past the 28th decimal place. The generated
  bundles are full of them (Hypothesis draws floats such as -3e-177 and 5e-324), and e.g.
  ``asb_incidents.change is below 0`` then holds for us and not for ZEN. Nothing is done to
  hide this: the self-check counts those bundles apart and shows that ZEN's outcome equals
  ours on :func:`zen_view` of the bundle (every number as ZEN holds it).
* Remaining exactness limits, not reached by the checks: a gap that equals ``t + ulp(t)/2``
  exactly (a binary tie) may go either way once rounded to 28 digits; conditions with
  arithmetic (``+ - * /``, none in the shipped rulebook) are computed in decimal and can
  differ from binary64 in the last bit; dates are compared with ZEN's ``date()``.
* Only the outcome is reproduced (grades, the criterion that decided, findings as bindings,
  recommendations, an overall grade when the method gives one). Finding texts, evidence
  quotes, why-not explanations, deadlines and per-test checks are not: ZEN's trace records
  each expression's and table row's result instead.
* Our engine refuses a rule that would test more than 100,000 combinations of records; the
  graph does not.
* Cost: ``ZenDecision.evaluate`` prepares the graph on every call in this binding (about a
  third of a millisecond more here); ``ZenEngine.evaluate`` with a static loader reuses it,
  so :class:`ZenJudge` uses the engine.
"""

from __future__ import annotations

import decimal
import itertools
import json
import math
import re
import statistics
import struct
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import zen

import judgment
from judgment._lang._stated import PLAIN as STATED_PLAIN
from bench._common import (
    DERBYSHIRE,
    SHIPPED_RULES,
    Outcome,
    generate_bundles,
    outcome_of,
)
from judgment._lang import _ast as ast
from judgment.evidence._base import TRENDS
from judgment._rulebook._model import Criterion, Rulebook
from judgment.evidence import FieldSpec

__all__ = ["Translator", "ZenJudge", "decision_graph", "number_text", "zen_input"]

# numbers --------------------------------------------------------------------------------

_DIGITS = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)  # what a ZEN number holds
_EXACT = decimal.Context(prec=2000, rounding=decimal.ROUND_HALF_EVEN)
_SMALLEST = decimal.Decimal(1).scaleb(-28)


def number_text(number: float) -> str:
    """A number as ZEN should read it: the float's exact binary value, to ZEN's 28 digits.

    Python's shortest repr (``28.1``) names the nearest decimal, not the binary64 value our
    engine computes with (28.100000000000001421...), and the difference decides boundaries.
    """
    if isinstance(number, bool):
        raise TypeError("a boolean is not a number")
    if isinstance(number, int):
        return str(number)
    if not math.isfinite(number):
        raise ValueError(f"ZEN has no {number}")
    return _decimal_text(decimal.Decimal(number))


def _decimal_text(exact: decimal.Decimal) -> str:
    rounded = _DIGITS.plus(exact)
    if rounded.as_tuple().exponent < -28:  # type: ignore[operator]
        rounded = rounded.quantize(_SMALLEST, context=_DIGITS)
    return "0" if rounded.is_zero() else format(rounded, "f")


def _gap_threshold(tolerance: float) -> tuple[str, str]:
    """(operator, threshold) with ``a - b <operator> threshold`` exact for binary64 ``a - b > tolerance``.

    Rounded to nearest, ``fl(x) > t`` holds exactly when ``x`` passes the midpoint between
    ``t`` and the next float, or reaches it when the tie rounds up (t's last bit odd).
    """
    upper = math.nextafter(tolerance, math.inf)
    midpoint = _EXACT.divide(_EXACT.add(decimal.Decimal(tolerance), decimal.Decimal(upper)), 2)
    odd = struct.unpack("<q", struct.pack("<d", tolerance))[0] & 1
    return (">=" if odd else ">"), _decimal_text(midpoint)


# JSON with exact numbers ----------------------------------------------------------------

def _json(value: Any) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return number_text(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{json.dumps(str(k))}:{_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_json(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def zen_input(bundle: judgment.Bundle) -> str:
    """The bundle as ZEN's input: records grouped by kind, as JSON text with exact numbers.

    JSON text rather than a dict: ZEN's Python binding converts dict floats to decimals
    rounded to about 15 significant digits, while it parses JSON numbers digit for digit.
    """
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for record in bundle.records:
        by_kind.setdefault(record.kind, []).append(record.model_dump(mode="json"))
    return _json({"records": by_kind})


# ZEN expression helpers -----------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_KEYWORDS = frozenset({"and", "or", "not", "in", "true", "false", "null", "as"})
_NEGATE = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_MIRROR = {"==": "==", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
_TEST = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
         "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
_KEY = re.compile(r"^[A-Za-z0-9_\-]+$")  # ids usable as a segment of an output key


def _member(base: str, name: str) -> str:
    if _IDENTIFIER.match(name) and name not in _KEYWORDS:
        return f"{base}.{name}"
    return f"{base}[{json.dumps(name)}]"


def _string(text: str) -> str:
    return json.dumps(text)


def _strings(texts: Iterable[str]) -> str:
    return "[" + ", ".join(_string(t) for t in texts) + "]"


def _all(parts: Iterable[str]) -> str:
    return _joined(parts, "and", absorbing="false", neutral="true")


def _any(parts: Iterable[str]) -> str:
    return _joined(parts, "or", absorbing="true", neutral="false")


def _joined(parts: Iterable[str], word: str, absorbing: str, neutral: str) -> str:
    """Parts joined by `word`, folding the constants: one absorbing part decides, neutral ones drop."""
    kept = []
    for part in parts:
        if part == absorbing:
            return absorbing
        if part != neutral and part not in kept:
            kept.append(part)
    if not kept:
        return neutral
    return kept[0] if len(kept) == 1 else f" {word} ".join(f"({p})" for p in kept)


def _not(part: str) -> str:
    return {"true": "false", "false": "true"}.get(part, f"not ({part})")


@dataclass(frozen=True)
class _Value:
    """A translated value: its ZEN expression, when it is known, and its static type."""

    expr: str
    known: tuple[str, ...] = ()  # all of these hold exactly when the value is known
    type: str = "number"  # number | bool | string | date | enum | grade | measure | record
    members: tuple[str, ...] = ()  # enum members or grades, worst first when ordered
    ordered: bool = False


@dataclass
class _Scope:
    """Where a condition is translated: its bound variables and how findings are read."""

    bound: dict[str, tuple[str, str]] = field(default_factory=dict)  # variable -> (ZEN name, kind)
    findings: str = "findings"  # '$.findings' inside the findings node itself
    question: str | None = None  # the question being graded, for count() and total()
    text: str = ""


class Translator:
    """Turns a loaded rulebook into a JDM decision graph (a JSON-able dict)."""

    def __init__(self, rulebook: Rulebook, *, float_gaps: bool = True) -> None:
        self.rulebook = rulebook
        self.vocabulary = rulebook.vocabulary
        self.float_gaps = float_gaps  # False only to show the check catches decimal gaps
        self._rules = {rule.id: rule for rule in rulebook.findings}
        self._worst_first = tuple(g.id for g in reversed(rulebook.scale))
        for name in [*self._rules, *(q.id for q in rulebook.questions), *(r.id for r in rulebook.recommendations)]:
            if not _KEY.match(name):
                raise NotImplementedError(f"id {name!r} cannot be a ZEN output key")

    # the graph --------------------------------------------------------------------------
    def graph(self) -> dict[str, Any]:
        nodes: list[dict[str, Any]] = [_node("bundle", "inputNode", "bundle")]
        nodes.append(_node("findings", "expressionNode", "findings", {
            "expressions": [{"id": f"finding:{rule_id}", "key": f"findings.{rule_id}",
                             "value": self.finding_expression(rule_id)} for rule_id in self.rulebook.order],
            "passThrough": True, "inputField": None, "outputPath": None, "executionMode": "single"}))
        for question in self.question_order():
            nodes.append(_node(f"grade:{question}", "decisionTableNode", f"grade {question}",
                               self.table(self.rulebook.grading[question], question,
                                          f"grades.{question}", f"criteria.{question}")))
        overall = self.overall()
        if overall is not None:
            nodes.append(overall)
        nodes.append(_node("recommendations", "expressionNode", "recommendations", {
            "expressions": [{"id": f"recommendation:{rule.id}", "key": f"recommendations.{rule.id}",
                             "value": self.truth(rule.when.node, True, _Scope(text=rule.when.text))}
                            for rule in self.rulebook.recommendations],
            "passThrough": True, "inputField": None, "outputPath": None, "executionMode": "single"}))
        nodes.append(_node("judgment", "outputNode", "judgment"))
        edges = [{"id": f"edge:{a['id']}->{b['id']}", "type": "edge", "sourceId": a["id"], "targetId": b["id"]}
                 for a, b in itertools.pairwise(nodes)]
        return {"contentType": "application/vnd.gorules.decision", "nodes": nodes, "edges": edges}

    def question_order(self) -> list[str]:
        """Children first, as judgment's compiled engine grades (a criterion may read grade(child))."""
        def depth(question_id: str) -> int:
            parent = self.rulebook.question(question_id).parent
            return 0 if parent is None else 1 + depth(parent)
        ids = [q.id for q in self.rulebook.questions]
        return sorted(ids, key=lambda q: (-depth(q), ids.index(q)))

    # findings ---------------------------------------------------------------------------
    def finding_expression(self, rule_id: str) -> str:
        rule = self._rules[rule_id]
        variables = rule.when.variables
        scope = _Scope(findings="$.findings", text=rule.when.text)
        if not variables:
            return f"({self.truth(rule.when.node, True, scope)}) ? [[]] : []"
        if len(variables) == 1:
            name, kind = variables[0]
            scope.bound[name] = ("#", kind)
            test = self.truth(rule.when.node, True, scope)
            return f"map(filter({_pool(kind)}, {test}), [#.id])"
        aliases = [f"_v{i}" for i in range(len(variables))]
        for (name, kind), alias in zip(variables, aliases):
            scope.bound[name] = (alias, kind)
        distinct = [f"{a}.id != {b}.id" for i, a in enumerate(aliases) for b in aliases[i + 1:]]
        test = _all([*distinct, self.truth(rule.when.node, True, scope)])
        ids = ", ".join(f"{a}.id" for a in aliases[:-1])
        expression = (f"map(filter({_pool(variables[-1][1])} as {aliases[-1]}, {test}), [{ids}, #.id])")
        for (_, kind), alias in reversed(list(zip(variables[:-1], aliases[:-1]))):
            expression = f"flatMap({_pool(kind)} as {alias}, {expression})"
        return expression

    # grading ----------------------------------------------------------------------------
    def table(self, criteria: Sequence[Criterion], question: str | None, grade_field: str,
              criterion_field: str) -> dict[str, Any]:
        """A decision table, hit policy first: each criterion's T in DNF, one row per conjunction."""
        columns: dict[str, dict[str, str]] = {}  # field expression -> input column
        rows: list[dict[str, str]] = []

        def column(field_expr: str, name: str) -> str:
            if field_expr not in columns:
                columns[field_expr] = {"id": f"in{len(columns)}", "name": name, "type": "expression",
                                       "field": field_expr}
            return columns[field_expr]["id"]

        for criterion in criteria:
            outputs = {"out:grade": _string(criterion.grade), "out:criterion": _string(criterion.id)}
            if criterion.when is None:
                rows.append({"_id": f"{criterion.id}", "_description": "otherwise", **outputs})
                continue
            scope = _Scope(question=question, text=criterion.when.text)
            for index, conjunction in enumerate(self.dnf(criterion.when.node, True, scope)):
                cells: dict[str, list[str]] = {}
                for leaf, want in conjunction:
                    field_expr, name, cell = self.cell(leaf, want, scope)
                    cells.setdefault(column(field_expr, name), []).append(cell)
                rows.append({"_id": f"{criterion.id}#{index}", "_description": criterion.when.text,
                             **{c: _all(parts) for c, parts in cells.items()}, **outputs})
        inputs = list(columns.values())
        for row in rows:  # an empty cell matches anything
            for c in inputs:
                row.setdefault(c["id"], "")
        return {"hitPolicy": "first", "passThrough": True, "inputField": None, "outputPath": None,
                "executionMode": "single", "inputs": inputs,
                "outputs": [{"id": "out:grade", "name": "grade", "type": "expression", "field": grade_field},
                            {"id": "out:criterion", "name": "criterion", "type": "expression",
                             "field": criterion_field}],
                "rules": rows}

    def dnf(self, node: ast.Node, want: bool, scope: _Scope, limit: int = 32) -> list[list[tuple[ast.Node, bool]]]:
        """T(node) (or F when not `want`) as a disjunction of conjunctions of leaf tests."""
        if isinstance(node, ast.Not):
            return self.dnf(node.operand, not want, scope, limit)
        if isinstance(node, ast.Bool):
            return [[]] if node.value == want else []
        if isinstance(node, (ast.And, ast.Or)):
            parts = [self.dnf(o, want, scope, limit) for o in node.operands]
            if isinstance(node, ast.And) == want:  # a conjunction
                product: list[list[tuple[ast.Node, bool]]] = [[]]
                for part in parts:
                    product = [a + b for a in product for b in part]
                    if len(product) > limit:
                        return [[(node, want)]]  # too many rows: test the whole condition in one column
                return product
            union = [conjunction for part in parts for conjunction in part]
            return union if len(union) <= limit else [[(node, want)]]
        return [[(node, want)]]

    def cell(self, leaf: ast.Node, want: bool, scope: _Scope) -> tuple[str, str, str]:
        """(column expression, column name, unary cell) testing one leaf of a criterion."""
        source = scope.text[leaf.span.start:leaf.span.end]
        if isinstance(leaf, ast.Compare):
            for value_node, other, op in ((leaf.left, leaf.right, leaf.op), (leaf.right, leaf.left, _MIRROR[leaf.op])):
                if not isinstance(other, (ast.Number, ast.String)):
                    continue
                value = self.value(value_node, scope)
                name = scope.text[value_node.span.start:value_node.span.end]
                if isinstance(other, ast.Number) and value.type == "number" and not value.known:
                    return value.expr, name, f"$ {op if want else _NEGATE[op]} {number_text(other.value)}"
                if isinstance(other, ast.String) and value.type in ("enum", "grade"):
                    return value.expr, name, self._membership("$", value, op, other.value, want)
        if isinstance(leaf, ast.Call) and leaf.name == "any":
            counted = self._count(leaf, scope)
            return counted, source.replace("any(", "count(", 1), "$ > 0" if want else "$ == 0"
        if isinstance(leaf, ast.Call) and leaf.name == "finding":
            name = _arg(leaf, 0)
            return _member(scope.findings, name), source, "len($) > 0" if want else "len($) == 0"
        return self.truth(leaf, want, scope), source if want else f"not ({source})", "$ == true"

    def overall(self) -> dict[str, Any] | None:
        overall = self.rulebook.overall
        if overall.method == "ungraded":
            return None
        if overall.method == "criteria":
            return _node("overall", "decisionTableNode", "overall",
                         self.table(overall.criteria, None, "overall.grade", "overall.criterion"))
        if overall.method in ("worst", "best"):
            graded = "[" + ", ".join(_member("grades", q) for q in overall.questions) + "]"
            order = self._worst_first if overall.method == "worst" else tuple(reversed(self._worst_first))
            expression = "null"
            for grade in reversed(order):
                expression = f"some({graded}, # == {_string(grade)}) ? {_string(grade)} : ({expression})"
            return _node("overall", "expressionNode", "overall", {
                "expressions": [{"id": "overall:grade", "key": "overall.grade",
                                 "value": expression if overall.questions else "null"}],
                "passThrough": True, "inputField": None, "outputPath": None, "executionMode": "single"})
        raise NotImplementedError(f"overall method {overall.method!r} has no ZEN translation")

    # conditions -------------------------------------------------------------------------
    def truth(self, node: ast.Node, want: bool, scope: _Scope) -> str:
        """A ZEN boolean true exactly when `node` is TRUE (`want`) or FALSE (not `want`)."""
        if isinstance(node, ast.Not):
            return self.truth(node.operand, not want, scope)
        if isinstance(node, (ast.And, ast.Or)):
            parts = [self.truth(o, want, scope) for o in node.operands]
            return _all(parts) if isinstance(node, ast.And) == want else _any(parts)
        if isinstance(node, ast.Bool):
            return "true" if node.value == want else "false"
        if isinstance(node, ast.Compare):
            return self.compare(node, want, scope)
        if isinstance(node, ast.Position):
            return self.position(node, want, scope)
        value = self.value(node, scope)
        if value.type != "bool":
            raise NotImplementedError(f"a {value.type} used as a condition: "
                                      f"{scope.text[node.span.start:node.span.end]!r}")
        if isinstance(node, ast.Call):  # present, missing, finding, any: never unknown
            return value.expr if want else _not(value.expr)
        return f"{value.expr} == {'true' if want else 'false'}"

    def compare(self, node: ast.Compare, want: bool, scope: _Scope) -> str:
        left, right = self.value(node.left, scope), self.value(node.right, scope)
        ranked = ("enum", "grade")
        if left.type in ranked and isinstance(node.right, ast.String):
            return self._membership(left.expr, left, node.op, node.right.value, want)
        if right.type in ranked and isinstance(node.left, ast.String):
            return self._membership(right.expr, right, _MIRROR[node.op], node.left.value, want)
        if left.type in ranked and right.type in ranked and (left.ordered or right.ordered):
            if left.members != right.members:
                raise NotImplementedError("comparing values on two different scales")
            members = left.members
            pairs = [f"{left.expr} == {_string(a)} and {right.expr} in "
                     f"{_strings(b for b in members if _TEST[node.op](members.index(a), members.index(b)) == want)}"
                     for a in members]
            return _any(pairs)
        op = node.op if want else _NEGATE[node.op]
        a, b = left.expr, right.expr
        if left.type == "date" and op not in ("==", "!="):
            a, b = f"date({a})", f"date({b})"
        return _all([*left.known, *right.known, f"{a} {op} {b}"])

    def _membership(self, expr: str, value: _Value, op: str, literal: str, want: bool) -> str:
        members = value.members
        if value.ordered:
            chosen = [m for m in members if _TEST[op](members.index(m), members.index(literal)) == want]
        else:  # unordered: only == and != pass the checker
            chosen = [m for m in members if _TEST[op](m, literal) == want]
        return f"{expr} in {_strings(chosen)}" if chosen else "false"

    def position(self, node: ast.Position, want: bool, scope: _Scope) -> str:
        subject = self.value(node.subject, scope)
        ref = node.reference
        if isinstance(ref, ast.Path) and len(ref.parts) == 1 and ref.parts[0] not in scope.bound:
            if subject.type != "measure":
                return "false"  # a number has no comparators: always unknown
            comparator = _member(_member(subject.expr, "comparators"), ref.parts[0])
            reference = _Value(comparator, (*subject.known, f"{comparator} != null"), "measure")
        else:
            reference = self.value(ref, scope)
        s_low, s_high = _bounds(subject)
        if reference.type == "number":  # against a fixed threshold
            t = reference.expr
            above, below = (f"{s_low} > {t}", f"{s_low} <= {t}"), (f"{s_high} < {t}", f"{s_high} >= {t}")
        else:
            r_low, r_high = _bounds(reference)
            tolerance = float(node.tolerance.value) if isinstance(node.tolerance, ast.Number) else 0.0
            if node.tolerance is not None and not isinstance(node.tolerance, ast.Number):
                raise NotImplementedError("a tolerance that is not a number written in the rule")
            above, below = self._gap(s_low, r_high, tolerance), self._gap(r_low, s_high, tolerance)
        states = {"above": above, "below": below,
                  "in_line": (_all([above[1], below[1]]), _any([above[0], below[0]]))}
        states["indeterminate"] = states["in_line"]
        holds, fails = states[node.state]
        numbers = [f"{v.expr}.value != null" for v in (subject, reference) if v.type == "measure"]
        computed = _all([*numbers, holds if want != node.negated else fails])
        if reference.type == "number":
            return _all([*subject.known, *reference.known, computed])
        # Against a comparator, a relation the source states in words (no numbers on one side) is read
        # as judgment reads it (judgment._lang._stated): its plain form, the stronger forms included.
        plain = "in_line" if node.state == "indeterminate" else node.state
        words = [w for w, p in STATED_PLAIN.items() if (p == plain) == (want != node.negated)]
        stated = f"{reference.expr}.stated"
        in_words = _all([_any([f"{v.expr}.value == null" for v in (subject, reference)]), f"{stated} != null",
                         _any(f"{stated} == {_string(w)}" for w in words)])
        return _all([*subject.known, *reference.known, _any([computed, in_words])])

    def _gap(self, low: str, high: str, tolerance: float) -> tuple[str, str]:
        """(holds, fails) for ``low - high > tolerance`` computed, as ours is, in binary64."""
        if tolerance == 0.0:
            return f"{low} > {high}", f"{low} <= {high}"
        if not self.float_gaps:
            t = number_text(tolerance)
            return f"{low} - {high} > {t}", f"{low} - {high} <= {t}"
        op, threshold = _gap_threshold(tolerance)
        return f"{low} - {high} {op} {threshold}", f"{low} - {high} {_NEGATE[op]} {threshold}"

    # values -----------------------------------------------------------------------------
    def value(self, node: ast.Node, scope: _Scope) -> _Value:
        if isinstance(node, ast.Number):
            text = number_text(float(node.value))
            return _Value(f"({text})" if text.startswith("-") else text)
        if isinstance(node, ast.String):
            return _Value(_string(node.value), type="string")
        if isinstance(node, ast.Bool):
            return _Value("true" if node.value else "false", type="bool")
        if isinstance(node, ast.Path):
            return self.path(node, scope)
        if isinstance(node, ast.Arith):
            left, right = self.value(node.left, scope), self.value(node.right, scope)
            known = [*left.known, *right.known] + ([f"{right.expr} != 0"] if node.op == "/" else [])
            return _Value(f"({left.expr} {node.op} {right.expr})", tuple(dict.fromkeys(known)))
        if isinstance(node, ast.Neg):
            inner = self.value(node.operand, scope)
            return _Value(f"(-{inner.expr})", inner.known)
        if isinstance(node, ast.Call):
            return self.call(node, scope)
        # a condition used as a value: true, false or unknown
        holds, fails = self.truth(node, True, scope), self.truth(node, False, scope)
        return _Value(f"(({holds}) ? true : (({fails}) ? false : null))", (_any([holds, fails]),), "bool")

    def path(self, node: ast.Path, scope: _Scope) -> _Value:
        head, *rest = node.parts
        if head not in scope.bound:
            raise NotImplementedError(f"{node.dotted!r} names no bound variable")
        base, kind = scope.bound[head]
        if not rest:
            return _Value(base, type="record")
        spec: FieldSpec = self.vocabulary.fields(kind)[rest[0]]
        expr = _member(base, rest[0])
        known = (f"{expr} != null",) if spec.optional else ()
        if spec.kind != "measure":
            if len(rest) > 1:
                raise NotImplementedError(f"{node.dotted!r}: only figures have parts")
            kind_type = {"enum": "enum", "bool": "bool", "number": "number", "string": "string", "date": "date"}
            return _Value(expr, known, kind_type[spec.kind], spec.members, spec.ordered)
        parts = rest[1:]
        if parts == ["trend"]:  # the direction a source states: an enum of the figure itself
            trend = _member(expr, "trend")
            return _Value(trend, (*known, f"{trend} != null"), "enum", TRENDS, False)
        if parts and parts[0] not in ("value", "lower", "upper", "trend"):  # a comparator
            expr = _member(_member(expr, "comparators"), parts[0])
            known = (f"{expr} != null",)
            parts = parts[1:]
        if not parts:
            return _Value(expr, known, "measure")
        low, high = _bounds(_Value(expr, type="measure"))
        return _Value({"value": f"{expr}.value", "lower": low, "upper": high}[parts[0]], known)

    def call(self, node: ast.Call, scope: _Scope) -> _Value:
        name = node.name
        if name in ("present", "missing"):
            counted = f"len({_pool(_arg(node, 0))})"
            return _Value(f"{counted} > 0" if name == "present" else f"{counted} == 0", type="bool")
        if name == "finding":
            return _Value(f"len({_member(scope.findings, _arg(node, 0))}) > 0", type="bool")
        if name == "count":
            return _Value(self._count(node, scope))
        if name == "any":
            return _Value(f"{self._count(node, scope)} > 0", type="bool")
        if name == "total":
            return _Value(str(len(self._rules_of(node, scope))))
        if name == "grade":
            graded = _member("grades", _arg(node, 0))
            return _Value(graded, (f"{graded} != null",), "grade", self._worst_first, True)
        if name == "count_grades":
            wanted = [_arg(node, i) for i in range(len(node.args))]
            graded = "[" + ", ".join(_member("grades", q) for q in self.rulebook.overall.questions) + "]"
            return _Value(f"count({graded}, # in {_strings(wanted)})")
        raise NotImplementedError(f"function {name}() has no ZEN translation")

    def _rules_of(self, node: ast.Call, scope: _Scope) -> list[str]:
        polarity = _arg(node, 0)
        question = _arg(node, 1) if len(node.args) > 1 else scope.question
        return [r.id for r in self.rulebook.findings
                if r.polarity == polarity and (question is None or r.question == question)]

    def _count(self, node: ast.Call, scope: _Scope) -> str:
        rules = self._rules_of(node, scope)
        if not rules:
            return "0"
        listed = ", ".join(_member(scope.findings, r) for r in rules)
        return f"count([{listed}], len(#) > 0)"


def _arg(node: ast.Call, index: int) -> str:
    arg = node.args[index]
    assert isinstance(arg, ast.Path)
    return arg.parts[0]


def _pool(kind: str) -> str:
    return f"({_member('records', kind)} ?? [])"


def _bounds(value: _Value) -> tuple[str, str]:
    """(lower, upper) of a figure, or of a number (a point)."""
    if value.type != "measure":
        return value.expr, value.expr
    return (f"({value.expr}.interval.lower ?? {value.expr}.value)",
            f"({value.expr}.interval.upper ?? {value.expr}.value)")


def _node(node_id: str, kind: str, name: str, content: dict[str, Any] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"id": node_id, "type": kind, "name": name, "position": {"x": 0, "y": 0}}
    if content is not None:
        node["content"] = content
    return node


def decision_graph(rulebook: Rulebook, **options: Any) -> dict[str, Any]:
    """The rulebook as a JDM decision graph."""
    return Translator(rulebook, **options).graph()


# running it ---------------------------------------------------------------------------

class ZenJudge:
    """The rulebook translated once into a ZEN decision; evaluates inputs made by :func:`zen_input`.

    The graph is served by a ``ZenEngine`` with a static loader, which keeps the prepared
    decision between calls: ``engine.evaluate(key, ...)`` costs about a third of
    ``ZenDecision.evaluate`` on the same graph (which, in this binding, prepares the graph on
    every call). ``self.decision`` is that ``ZenDecision``, for comparison.
    """

    def __init__(self, rulebook: Rulebook, **options: Any) -> None:
        self.rulebook = rulebook
        self.key = rulebook.id
        self.graph = decision_graph(rulebook, **options)
        self.engine = zen.ZenEngine({"loader": {"type": "static", "content": {self.key: self.graph}}})
        self.decision = self.engine.create_decision(json.dumps(self.graph))
        self._variables = {rule.id: [name for name, _ in rule.when.variables] for rule in rulebook.findings}

    def evaluate(self, data: str | dict[str, Any]) -> dict[str, Any]:
        """ZEN's raw response (result, trace, performance), with trace on."""
        return cast(dict[str, Any], self.engine.evaluate(self.key, data, {"trace": True}))

    def outcome(self, result: Mapping[str, Any]) -> Outcome:
        made = result["result"]
        grades = {q.id: made.get("grades", {}).get(q.id) or "" for q in self.rulebook.questions}
        findings = frozenset(
            (rule_id, tuple(sorted(zip(self._variables[rule_id], ids))))
            for rule_id, bindings in made.get("findings", {}).items() for ids in bindings)
        recommended = frozenset(r for r, made_it in made.get("recommendations", {}).items() if made_it is True)
        return grades, findings, recommended

    def judge(self, bundle: judgment.Bundle) -> Outcome:
        return self.outcome(self.evaluate(zen_input(bundle)))


def zen_view(bundle: judgment.Bundle) -> judgment.Bundle:
    """The bundle with every number as ZEN holds it (the bundle itself when ZEN holds them all).

    Not used to judge: it explains a disagreement. ZEN reads ``-3e-177`` as 0, so ZEN's
    judgment of a bundle must equal ours of this view of it, not of the bundle.
    """
    changed, records = False, []
    for record in bundle.records:
        data = record.model_dump(mode="json")
        held = _held(data)
        if held != data:
            changed = True
            record = type(record).model_validate(held)
        records.append(record)
    return bundle.model_copy(update={"records": tuple(records)}) if changed else bundle


def _held(value: Any) -> Any:
    if isinstance(value, float):
        return float(number_text(value))
    if isinstance(value, dict):
        return {k: _held(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_held(v) for v in value]
    return value


# the self-check -----------------------------------------------------------------------

def _edge_bundles(derbyshire: judgment.Bundle) -> dict[str, judgment.Bundle]:
    """Derbyshire with one figure changed, each at a place where decimals and binary64 part."""
    def figure(value: float, **comparators: float) -> dict[str, Any]:
        return {"value": value, "unit": "percent", "comparators": {k: {"value": v} for k, v in comparators.items()}}

    def change(record_id: str, field_name: str, new: dict[str, Any]) -> judgment.Bundle:
        records = []
        for record in derbyshire.records:
            if record.id == record_id:
                record = type(record).model_validate({**record.model_dump(mode="json"), field_name: new})
            records.append(record)
        return derbyshire.model_copy(update={"records": tuple(records)})

    return {
        # binary64: 4.4 - 2.4 = 2.0000000000000004 > 2, above; written as 4.4 and 2.4 the gap is 2, in line
        "detection 4.4 against 2.4 within 2": change("detection-rate", "rate", figure(4.4, national=2.4)),
        # the exact gap 2.000000000000000111 exceeds 2, but binary64 rounds it to 2.0: in line
        "detection 2.75 against 0.7499999999999999 within 2":
            change("detection-rate", "rate", figure(2.75, national=0.7499999999999999)),
        # below 80; a dict input rounds it to 80 (indeterminate)
        "satisfaction 79.99999999999999 against 80":
            change("victim-satisfaction", "rate", figure(79.99999999999999, national=85.0)),
        # below 0; ZEN holds it as 0 (not below): explained by zen_view, not equal
        "asb change -1e-30 against 0": change("asb-incidents", "change", {**figure(-1e-30), "unit": "percent_change"}),
    }


def _repr_input(bundle: judgment.Bundle) -> str:
    """The naive input: floats as Python's shortest repr."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for record in bundle.records:
        by_kind.setdefault(record.kind, []).append(record.model_dump(mode="json"))
    return json.dumps({"records": by_kind})


def _dict_input(bundle: judgment.Bundle) -> dict[str, Any]:
    """The naive input as a dict, whose floats the binding rounds."""
    return cast(dict[str, Any], json.loads(_repr_input(bundle)))


def main(count: int = 2000) -> int:
    rulebook = judgment.load_rulebook(SHIPPED_RULES)
    judge = ZenJudge(rulebook)
    graph = judge.graph
    print(f"graph: {' -> '.join(n['name'] for n in graph['nodes'])}")
    tables = [n for n in graph["nodes"] if n["type"] == "decisionTableNode"]
    print(f"  {len(graph['nodes'][1]['content']['expressions'])} finding expressions, "
          f"{len(tables)} decision tables ({sum(len(t['content']['rules']) for t in tables)} rows), "
          f"{len(rulebook.recommendations)} recommendation expressions")

    started = time.perf_counter()
    derbyshire = judgment.load_bundle(DERBYSHIRE)
    bundles = [derbyshire, *generate_bundles(rulebook, count)]
    print(f"{len(bundles):,} bundles (Derbyshire + {count:,} generated) in {time.perf_counter() - started:.0f} s")

    def ours(bundle: judgment.Bundle) -> Outcome:
        return outcome_of(judgment.judge(rulebook, bundle, any_date=True))

    expected = [ours(b) for b in bundles]
    inputs = [zen_input(b) for b in bundles]
    got = [judge.outcome(judge.evaluate(data)) for data in inputs]
    views = [zen_view(b) for b in bundles]
    held = [i for i, (b, v) in enumerate(zip(bundles, views)) if v is b]
    not_held = [i for i, (b, v) in enumerate(zip(bundles, views)) if v is not b]
    bad = [i for i in range(len(bundles)) if got[i] != expected[i]]
    bad_held = [i for i in bad if i in set(held)]
    unexplained = [i for i in not_held if got[i] != ours(views[i])]
    unstable = [i for i in not_held if zen_input(views[i]) != inputs[i]]
    for index in (bad_held + unexplained)[:5]:
        want = expected[index]
        print(f"  mismatch on bundle {index}:\n    grades zen {got[index][0]}\n           ours {want[0]}")
        print(f"    findings only zen {sorted(got[index][1] - want[1])}, only ours {sorted(want[1] - got[index][1])}")
        print(f"    recommendations zen {sorted(got[index][2])}, ours {sorted(want[2])}")
    print(f"ZEN against ours: {len(bad)} mismatches of {len(bundles):,} bundles "
          f"(Derbyshire {'differs' if 0 in bad else 'equal'})")
    print(f"  bundles whose every number ZEN holds exactly: {len(held):,}, mismatches {len(bad_held)}")
    print(f"  bundles with numbers ZEN cannot hold (|x| < 1e-28, or digits past 28 decimal places): "
          f"{len(not_held):,}, mismatches {len(bad) - len(bad_held)}; ZEN against ours on the numbers ZEN holds "
          f"(zen_view): {len(unexplained)} mismatches{f', {len(unstable)} views unstable' if unstable else ''}")

    edges = _edge_bundles(derbyshire)
    edge_fail = 0
    for name, bundle in edges.items():
        view = zen_view(bundle)
        zen_says, ours_says = judge.judge(bundle), ours(view)
        verdict = "equal" if zen_says == ours(bundle) else (
            "differs, explained by zen_view" if view is not bundle and zen_says == ours_says else "DIFFERS")
        edge_fail += verdict == "DIFFERS"
        print(f"  edge case {name}: {verdict}")

    checks = [*bundles, *edges.values()]
    wanted = [*expected, *(ours(b) for b in edges.values())]
    controls: dict[str, tuple[ZenJudge, Callable[[judgment.Bundle], str | dict[str, Any]]]] = {
        "tolerance gap in plain decimal (float_gaps=False)": (ZenJudge(rulebook, float_gaps=False), zen_input),
        "input with Python's shortest float repr": (judge, _repr_input),
        "input as a dict": (judge, _dict_input),
    }
    control_misses = []
    for name, (variant, make) in controls.items():
        misses = [i for i, (b, w) in enumerate(zip(checks, wanted))
                  if zen_view(b) is b and variant.outcome(variant.evaluate(make(b))) != w]
        control_misses.append(len(misses))
        print(f"control, {name}: {len(misses)} mismatches on bundles ZEN can hold (must be > 0)")

    def median_us(call: Any) -> float:
        times = []
        for data in inputs:
            start = time.perf_counter()
            call(data)
            times.append(time.perf_counter() - start)
        return statistics.median(times) * 1e6

    median_us(judge.evaluate)  # warm-up
    print(f"ZEN evaluate, trace on: median {median_us(judge.evaluate):.0f} µs per bundle "
          f"(engine.evaluate with a static loader); ZenDecision.evaluate: "
          f"{median_us(lambda d: judge.decision.evaluate(d, {'trace': True})):.0f} µs; trace off: "
          f"{median_us(lambda d: judge.engine.evaluate(judge.key, d)):.0f} µs")
    ok = not bad_held and not unexplained and not edge_fail and all(control_misses)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
