"""Type-check a parsed condition against the evidence vocabulary and the rulebook's names.

The checker resolves every name before any evidence exists: record kinds and
their fields, comparators, findings, polarities, questions and grades. Problems
become located diagnostics with "did you mean" hints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from judgment._diagnostics import Code, did_you_mean, excerpt
from judgment._lang import _ast as ast
from judgment._lang._range import LIMIT, overflows
from judgment._lang._types import BOOL, COMPARATOR, DATE, ERROR, NUMBER, STRING, Type
from judgment.evidence import FieldSpec, Vocabulary
from judgment.evidence._base import TRENDS

#: What a path may read of a figure; `trend` is the direction a source states (rising, falling, stable).
MEASURE_PARTS = {"value": NUMBER, "lower": NUMBER, "upper": NUMBER,
                 "trend": Type("enum", members=TRENDS)}

#: Which functions each kind of condition may call.
FUNCTIONS: dict[str, frozenset[str]] = {
    "finding": frozenset({"present", "missing", "finding"}),
    "criterion": frozenset({"present", "missing", "finding", "count", "any", "total", "grade"}),
    "recommendation": frozenset({"finding", "count", "any", "grade"}),
    "overall": frozenset({"present", "missing", "grade", "count_grades", "finding", "count", "any"}),
}


@dataclass(frozen=True)
class Problem:
    """A diagnostic before it is located: an offset inside the condition string."""

    code: Code
    message: str
    offset: int
    hint: str | None = None


@dataclass
class Scope:
    """What names a condition may use, and where it sits."""

    context: str  # finding | criterion | recommendation | overall
    vocabulary: Vocabulary
    findings: Sequence[str] = ()
    polarities: Sequence[str] = ()
    questions: Sequence[str] = ()
    grades: Sequence[str] = ()  # best first
    variables: Mapping[str, str] = field(default_factory=dict)  # alias -> kind (from `given`)
    implicit_kinds: bool = False  # a kind name may be used as its own variable


@dataclass
class Checked:
    """What the checker learned: variables in first-use order, names referenced, problems."""

    variables: dict[str, str] = field(default_factory=dict)
    findings_used: set[str] = field(default_factory=set)
    kinds_tested: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


def check_condition(node: ast.Node, scope: Scope) -> Checked:
    checker = _Checker(scope)
    result = checker.infer(node)
    if result.name not in ("bool", "error"):
        checker.report("TYPE_MISMATCH", f"a condition must be true or false, but this is {_a(result.describe())}",
                       node, "compare it with something, e.g. '... >= 1' or '... is above national'")
    return checker.out


def check_path(node: ast.Path, scope: Scope) -> Checked:
    """Resolve a path that is quoted rather than tested (a text placeholder)."""
    checker = _Checker(scope)
    checker.infer(node)
    return checker.out


class _Checker:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.out = Checked()

    def report(self, code: Code, message: str, node: ast.Node, hint: str | None = None) -> Type:
        self.out.problems.append(Problem(code, message, node.span.start, hint))
        return ERROR

    def infer(self, node: ast.Node) -> Type:
        method = getattr(self, "_" + type(node).__name__.lower())
        return method(node)  # type: ignore[no-any-return]

    # literals -------------------------------------------------------------
    def _number(self, node: ast.Number) -> Type:
        return NUMBER

    def _string(self, node: ast.String) -> Type:
        return STRING

    def _bool(self, node: ast.Bool) -> Type:
        return BOOL

    # logic ------------------------------------------------------------------
    def _not(self, node: ast.Not) -> Type:
        self._expect_bool(node.operand)
        return BOOL

    def _and(self, node: ast.And) -> Type:
        for operand in node.operands:
            self._expect_bool(operand)
        return BOOL

    _or = _and

    def _expect_bool(self, node: ast.Node) -> None:
        found = self.infer(node)
        if found.name not in ("bool", "error"):
            self.report("TYPE_MISMATCH", f"expected true or false, found {_a(found.describe())}", node)

    # arithmetic ---------------------------------------------------------------
    def _arith(self, node: ast.Arith) -> Type:
        for side in (node.left, node.right):
            found = self.infer(side)
            if found.name == "error":
                return ERROR  # reported there (an overflow inside is not reported again out here)
            if found.name != "number":
                return self.report("TYPE_MISMATCH", f"arithmetic needs numbers, found {_a(found.describe())}", side,
                                   "use '.value' for the point value of a figure" if found.name == "measure" else None)
        reach = overflows(node)
        if reach is not None:
            return self.report("BAD_VALUE", f"this arithmetic could reach {reach:.3g} on evidence in range, beyond "
                               f"{LIMIT:.0e}: it could overflow", node,
                               "evidence and constants lie within ±10^15; multiply or divide fewer times")
        return NUMBER

    def _neg(self, node: ast.Neg) -> Type:
        return self._arith(ast.Arith("-", ast.Number(0, node.span), node.operand, node.span))

    # paths ------------------------------------------------------------------
    def _path(self, node: ast.Path) -> Type:
        head, *rest = node.parts
        kind = self._variable(head)
        if kind is None:
            return self._unknown_name(node)
        if not rest:
            return Type("record", kind=kind)
        fields = self.scope.vocabulary.fields(kind)
        spec = fields.get(rest[0])
        if spec is None:
            return self.report("UNKNOWN_FIELD", f"{kind} has no field {excerpt(rest[0])}", node,
                               did_you_mean(rest[0], fields))
        return self._field_path(node, kind, spec, rest[1:])

    def _variable(self, name: str) -> str | None:
        if name in self.scope.variables:
            kind = self.scope.variables[name]
        elif self.scope.implicit_kinds and name in self.scope.vocabulary.models:
            kind = name
        else:
            return None
        self.out.variables.setdefault(name, kind)
        return kind

    def _unknown_name(self, node: ast.Path) -> Type:
        name = node.parts[0]
        if self.scope.context != "finding":
            return self.report("UNKNOWN_REFERENCE", f"{excerpt(name)} means nothing here", node,
                               "evidence can be tested only in finding rules; use finding(id), count(polarity), ...")
        pool = [*self.scope.variables, *self.scope.vocabulary.kinds]
        return self.report("UNKNOWN_KIND", f"no evidence kind or variable is called {excerpt(name)}", node,
                           did_you_mean(name, pool))

    def _field_path(self, node: ast.Path, kind: str, spec: FieldSpec, rest: Sequence[str]) -> Type:
        base = _field_type(spec)
        if not rest:
            return base
        if spec.kind != "measure" or len(rest) > 2:
            return self.report("UNKNOWN_FIELD", f"{kind}.{spec.name} is {_a(spec.describe())} and has no "
                               f"part {excerpt(rest[0])}", node)
        part = rest[0]
        if part in MEASURE_PARTS and len(rest) == 1:
            return MEASURE_PARTS[part]
        if part not in spec.comparators:
            return self.report("UNKNOWN_COMPARATOR", f"{kind}.{spec.name} has no comparator {excerpt(part)}", node,
                               did_you_mean(part, [*spec.comparators, *MEASURE_PARTS]))
        if len(rest) == 2:
            if rest[1] not in MEASURE_PARTS:
                return self.report("UNKNOWN_FIELD", f"a figure has no part {excerpt(rest[1])}", node,
                                   did_you_mean(rest[1], MEASURE_PARTS))
            return MEASURE_PARTS[rest[1]]
        return Type("measure")

    # comparisons --------------------------------------------------------------
    def _compare(self, node: ast.Compare) -> Type:
        left, right = self.infer(node.left), self.infer(node.right)
        if ERROR in (left, right):
            return BOOL
        if "measure" in (left.name, right.name):
            return self.report("TYPE_MISMATCH", f"'{node.op}' cannot compare a figure, which may have an interval",
                               node, "use 'is above', 'is below' or 'is in line with' to compare figures, "
                                     "or '.value' for the point value")
        for typed, literal in ((left, node.right), (right, node.left)):
            if typed.name in ("enum", "grade") and isinstance(literal, ast.String):
                return self._against_member(node, typed, literal)
        if left.name != right.name or left.name in ("record", "comparator"):
            return self.report("TYPE_MISMATCH", f"cannot compare {_a(left.describe())} with {_a(right.describe())}",
                               node)
        if left.name == "enum" and left.members != right.members:
            return self.report("TYPE_MISMATCH", "cannot compare values on two different scales: "
                               f"({', '.join(left.members)}) and ({', '.join(right.members)})", node)
        if node.op not in ("==", "!=") and left.name not in ("number", "date"):
            if not (left.name == "enum" and left.ordered and left.members == right.members):
                return self.report("TYPE_MISMATCH", f"'{node.op}' needs an order, and {_a(left.describe())} has none",
                                   node, "use '==' or '!='")
        return BOOL

    def _against_member(self, node: ast.Compare, typed: Type, literal: ast.String) -> Type:
        if literal.value not in typed.members:
            what = "grade" if typed.name == "grade" else "value"
            return self.report("TYPE_MISMATCH", f"{excerpt(literal.value)} is not a {what} of "
                               f"{' < '.join(typed.members) if typed.ordered else ', '.join(typed.members)}",
                               literal, did_you_mean(literal.value, typed.members))
        if node.op not in ("==", "!=") and not typed.ordered:
            return self.report("TYPE_MISMATCH", f"'{node.op}' needs an order, and this {typed.describe()} has none",
                               node, "use '==' or '!='")
        return BOOL

    def _position(self, node: ast.Position) -> Type:
        subject = self.infer(node.subject)
        if subject.name == "error":
            return BOOL
        if subject.name not in ("measure", "number"):
            return self.report("TYPE_MISMATCH", f"only figures and numbers can be {node.state.replace('_', ' ')} "
                               f"something; this is {_a(subject.describe())}", node.subject)
        reference = self._reference(node, subject)
        if reference.name == "error":
            return BOOL
        threshold = reference.name == "number"
        if not threshold and node.state in ("at_least", "at_most"):
            return self.report("TYPE_MISMATCH", f"'is {node.state.replace('_', ' ')}' needs a fixed threshold, a number",
                               node.reference, "between two figures use 'is above', 'is below' or 'is in line with'")
        if threshold and node.state == "in_line":
            return self.report("TYPE_MISMATCH", "a figure is never 'in line with' a fixed threshold", node,
                               "against a threshold the states are above, below and indeterminate")
        if not threshold and node.state == "indeterminate":
            return self.report("TYPE_MISMATCH", "'indeterminate against' needs a fixed threshold", node,
                               "against another figure the states are above, below and in line with")
        if node.tolerance is not None:
            self._tolerance(node.tolerance, threshold)
        return BOOL

    def _reference(self, node: ast.Position, subject: Type) -> Type:
        ref = node.reference
        if isinstance(ref, ast.Path) and len(ref.parts) == 1 and self._variable_free(ref.parts[0]):
            if ref.parts[0] in subject.comparators:
                return Type("measure")
            return self.report("UNKNOWN_COMPARATOR", f"the figure has no comparator {excerpt(ref.parts[0])}", ref,
                               did_you_mean(ref.parts[0], subject.comparators) if subject.comparators
                               else "compare with a number, or with another figure such as kind.field")
        found = self.infer(ref)
        if found.name not in ("measure", "number", "error"):
            return self.report("TYPE_MISMATCH", f"cannot compare a figure with {_a(found.describe())}", ref)
        return found

    def _variable_free(self, name: str) -> bool:
        return name not in self.scope.variables and not (
            self.scope.implicit_kinds and name in self.scope.vocabulary.models)

    def _tolerance(self, node: ast.Node, threshold: bool) -> None:
        if threshold:
            self.report("TYPE_MISMATCH", "a tolerance ('within') applies only between two figures", node)
        elif not isinstance(node, ast.Number) or node.value < 0:
            self.report("BAD_VALUE", "a tolerance must be a non-negative number written in the rule", node)

    # functions ------------------------------------------------------------------
    def _call(self, node: ast.Call) -> Type:
        allowed = FUNCTIONS[self.scope.context]
        handler = getattr(self, "_fn_" + node.name, None)
        if handler is None or node.name not in allowed:
            known = sorted(allowed)
            extra = "" if handler is None else f" in a {self.scope.context} condition"
            return self.report("UNKNOWN_FUNCTION", f"no function {excerpt(node.name)}{extra}", node,
                               did_you_mean(node.name, known) or f"available here: {', '.join(known)}")
        return handler(node)  # type: ignore[no-any-return]

    def _name_arg(self, node: ast.Call, index: int, what: str, pool: Sequence[str]) -> str | None:
        if len(node.args) <= index:
            self.report("WRONG_TYPE", f"{node.name}() needs {what} as argument {index + 1}", node)
            return None
        arg = node.args[index]
        if not isinstance(arg, ast.Path) or len(arg.parts) != 1:
            self.report("WRONG_TYPE", f"argument {index + 1} of {node.name}() must be {what}", arg)
            return None
        name = arg.parts[0]
        if name not in pool:
            code: Code = "UNKNOWN_KIND" if what == "an evidence kind" else "UNKNOWN_REFERENCE"
            self.report(code, f"there is no {what.split(' ', 1)[1]} called {excerpt(name)}", arg,
                        did_you_mean(name, pool))
            return None
        return name

    def _arity(self, node: ast.Call, low: int, high: int) -> bool:
        if not low <= len(node.args) <= high:
            counts = str(low) if low == high else f"{low} to {high}"
            self.report("WRONG_TYPE", f"{node.name}() takes {counts} argument(s), got {len(node.args)}", node)
            return False
        return True

    def _fn_present(self, node: ast.Call) -> Type:
        if self._arity(node, 1, 1):
            kind = self._name_arg(node, 0, "an evidence kind", self.scope.vocabulary.kinds)
            if kind:
                self.out.kinds_tested.add(kind)
        return BOOL

    _fn_missing = _fn_present

    def _fn_finding(self, node: ast.Call) -> Type:
        if self._arity(node, 1, 1):
            name = self._name_arg(node, 0, "a finding", self.scope.findings)
            if name:
                self.out.findings_used.add(name)
        return BOOL

    def _fn_count(self, node: ast.Call) -> Type:
        if self._arity(node, 1, 2):
            self._name_arg(node, 0, "a polarity", self.scope.polarities)
            if len(node.args) == 2:
                self._name_arg(node, 1, "a question", self.scope.questions)
        return NUMBER

    _fn_total = _fn_count

    def _fn_any(self, node: ast.Call) -> Type:
        self._fn_count(node)
        return BOOL

    def _fn_grade(self, node: ast.Call) -> Type:
        if self._arity(node, 1, 1):
            self._name_arg(node, 0, "a question", self.scope.questions)
        return Type("grade", members=tuple(reversed(self.scope.grades)), ordered=True)

    def _fn_count_grades(self, node: ast.Call) -> Type:
        if not node.args:
            self.report("WRONG_TYPE", "count_grades() needs at least one grade", node)
        for index in range(len(node.args)):
            self._name_arg(node, index, "a grade", self.scope.grades)
        return NUMBER


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


def _field_type(spec: FieldSpec) -> Type:
    if spec.kind == "measure":
        return Type("measure", comparators=spec.comparators)
    if spec.kind == "enum":
        return Type("enum", members=spec.members, ordered=spec.ordered)
    return {"bool": BOOL, "number": NUMBER, "string": STRING, "date": DATE}[spec.kind]


__all__ = ["COMPARATOR", "Checked", "FUNCTIONS", "Problem", "Scope", "check_condition", "check_path"]
