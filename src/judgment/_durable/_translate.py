"""Translate a checked condition into T/F formulas over engine tests (see `_logic`).

Only a whitelisted subset becomes engine tests: a field of one record compared
with a constant, and a figure placed against a comparator or a fixed threshold.
Everything else (arithmetic, comparisons between two records, dates, figures
against other figures) stays a :class:`Residual` that Python checks, with the
reference semantics, on each activation the engine produces.
"""

from __future__ import annotations

from collections.abc import Mapping

from judgment._durable._encode import Prop, Scalar
from judgment._durable._logic import FALSE, TRUE, All, Any, Formula, Marker, Residual, Status, Test
from judgment._lang import _ast as ast
from judgment._lang._exact import tolerance_key
from judgment.evidence import Vocabulary

_NEGATE = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">"}
_MIRROR = {"==": "==", "!=": "!=", "<": ">", ">": "<", "<=": ">=", ">=": "<="}
_MEASURE_PARTS = ("value", "lower", "upper", "trend")  # trend: a stated word, compared as a string


class Translator:
    def __init__(self, vocabulary: Vocabulary, variables: Mapping[str, str]) -> None:
        self.vocabulary = vocabulary
        self.variables = variables  # name -> kind

    def formula(self, node: ast.Node, want: bool) -> Formula:
        """``T(node)`` when `want`, else ``F(node)``."""
        if isinstance(node, ast.Not):
            return self.formula(node.operand, not want)
        if isinstance(node, (ast.And, ast.Or)):
            parts = tuple(self.formula(o, want) for o in node.operands)
            conjunctive = isinstance(node, ast.And) == want
            return All(parts) if conjunctive else Any(parts)
        if isinstance(node, ast.Bool):
            return TRUE if node.value == want else FALSE
        if isinstance(node, ast.Call) and node.name in ("present", "missing", "finding"):
            return self._call(node, want)
        test = self._test(node, want)
        return test if test is not None else Residual(node, want)

    def _call(self, node: ast.Call, want: bool) -> Formula:
        arg = node.args[0]
        assert isinstance(arg, ast.Path)
        if node.name == "finding":
            return Status(arg.parts[0], want)
        return Marker(arg.parts[0], (node.name == "present") == want)

    def _test(self, node: ast.Node, want: bool) -> Formula | None:
        if isinstance(node, ast.Path):
            located = self._scalar(node)
            return None if located is None else Test(located[0], located[1], "==", 1.0 if want else 0.0)
        if isinstance(node, ast.Compare):
            return self._compare(node, want)
        if isinstance(node, ast.Position):
            return self._position(node, want)
        return None

    def _compare(self, node: ast.Compare, want: bool) -> Formula | None:
        op = node.op if want else _NEGATE[node.op]
        left, right = self._scalar(node.left), self._scalar(node.right)
        if left is not None and right is None:
            constant = self._constant(node.right, node.left)
            return None if constant is None else Test(left[0], left[1], op, constant)
        if right is not None and left is None:
            constant = self._constant(node.left, node.right)
            return None if constant is None else Test(right[0], right[1], _MIRROR[op], constant)
        return None

    def _position(self, node: ast.Position, want: bool) -> Formula | None:
        want = want != node.negated
        subject = self._figure(node.subject)
        if subject is None:
            return None
        variable, lower, upper, field = subject
        reference = node.reference
        if isinstance(reference, ast.Number):
            return self._threshold(variable, lower, upper, node.state, reference.value, want)
        if isinstance(reference, ast.Path) and len(reference.parts) == 1 and reference.parts[0] not in self.variables:
            if field is None or not (node.tolerance is None or isinstance(node.tolerance, ast.Number)):
                return None
            tolerance = node.tolerance.value if isinstance(node.tolerance, ast.Number) else 0.0
            return self._against(variable, (field, reference.parts[0]), node.state, tolerance, want)
        return None

    def _threshold(self, variable: str, lower: Prop, upper: Prop, state: str, threshold: float,
                   want: bool) -> Formula:
        tests = {  # (true form, false form), from judgment._compare.against_threshold
            "above": (Test(variable, lower, ">", threshold), Test(variable, lower, "<=", threshold)),
            "below": (Test(variable, upper, "<", threshold), Test(variable, upper, ">=", threshold)),
            # inclusive (judgment._lang._exact.bound_state): the whole interval at or beyond the threshold
            "at_least": (Test(variable, lower, ">=", threshold), Test(variable, lower, "<", threshold)),
            "at_most": (Test(variable, upper, "<=", threshold), Test(variable, upper, ">", threshold)),
        }
        if state in tests:
            return tests[state][0 if want else 1]
        above, below = tests["above"], tests["below"]
        return All((above[1], below[1])) if want else Any((above[0], below[0]))

    def _against(self, variable: str, base: tuple[str, str], state: str, tolerance: float, want: bool) -> Formula:
        """The engine never compares a binary gap: the encoder asserts the sign of (gap - tolerance),
        decided in decimal by judgment._lang._exact, one property per tolerance the rules write."""
        key = tolerance_key(tolerance)
        gap_above, gap_below = Prop(base + ("gap_above", key)), Prop(base + ("gap_below", key))
        above = (Test(variable, gap_above, ">", 0.0), Test(variable, gap_above, "<=", 0.0))
        below = (Test(variable, gap_below, ">", 0.0), Test(variable, gap_below, "<=", 0.0))
        if state == "above":
            return above[0 if want else 1]
        if state == "below":
            return below[0 if want else 1]
        return All((above[1], below[1])) if want else Any((above[0], below[0]))

    # names ---------------------------------------------------------------
    def _field(self, node: ast.Node) -> tuple[str, str, tuple[str, ...]] | None:
        """(variable, kind, path after the variable) for a path over one bound record."""
        if not isinstance(node, ast.Path) or len(node.parts) < 2 or node.parts[0] not in self.variables:
            return None
        return node.parts[0], self.variables[node.parts[0]], node.parts[1:]

    def _scalar(self, node: ast.Node) -> tuple[str, Prop] | None:
        found = self._field(node)
        if found is None:
            return None
        variable, kind, rest = found
        spec = self.vocabulary.fields(kind)[rest[0]]
        if len(rest) == 1 and spec.kind in ("number", "bool", "enum", "string"):
            return variable, Prop(rest)
        if spec.kind == "measure" and rest[-1] in _MEASURE_PARTS and len(rest) in (2, 3):
            return variable, Prop(rest)
        return None

    def _figure(self, node: ast.Node) -> tuple[str, Prop, Prop, str | None] | None:
        """(variable, lower bound, upper bound, the figure's field when it may have comparators)."""
        found = self._field(node)
        if found is None:
            return None
        variable, kind, rest = found
        spec = self.vocabulary.fields(kind)[rest[0]]
        if spec.kind == "measure" and len(rest) == 1:
            return variable, Prop((rest[0], "lower")), Prop((rest[0], "upper")), rest[0]
        scalar = self._scalar(node)
        if scalar is not None and spec.kind in ("number", "measure"):
            return variable, scalar[1], scalar[1], None  # a point: both bounds are the value
        return None

    def _constant(self, node: ast.Node, against: ast.Node) -> Scalar | None:
        found = self._field(against)
        if found is None:
            return None
        _, kind, rest = found
        spec = self.vocabulary.fields(kind)[rest[0]]
        if isinstance(node, ast.Number) and (spec.kind in ("number", "measure")):
            return node.value
        if isinstance(node, ast.Bool) and spec.kind == "bool":
            return 1.0 if node.value else 0.0
        if isinstance(node, ast.String) and spec.kind == "enum":
            return float(spec.members.index(node.value)) if spec.ordered else node.value
        if isinstance(node, ast.String) and (spec.kind == "string" or spec.kind == "measure" and rest[-1] == "trend"):
            return node.value
        return None
