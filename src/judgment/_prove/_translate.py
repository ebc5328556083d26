"""A checked condition as z3, in the three-valued logic the compiled engine evaluates.

Mirrors judgment._compiled._codegen node by node: `not` swaps true and false, `and` is false when
any part is false and true when all are true, `or` the reverse; a comparison with an unknown operand
is unknown. A construct not handled here raises NotTranslated, naming it: never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from judgment._lang import _ast as ast
from judgment._lang._exact import exact
from judgment._prove._arith import arith, negate
from judgment._prove._paths import path_value
from judgment._prove._position import position
from judgment._prove._symbols import Symbols, text
from judgment._prove._values import Figure, NotTranslated, Scalar, Truth, Value
from judgment._prove._z3 import z3
from judgment.evidence import Record

_OPS = {"==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b}


class Context(Protocol):
    """What a condition sees besides its bound records, in z3 (judgment._prove._model gives it for a
    whole symbolic bundle): the functions of findings, kinds and grades. None: not in this context."""

    def call(self, node: ast.Call) -> Truth | Scalar | None: ...


class Translator:
    """Translates the conditions of one binding of variables to records of known models.

    `names` renames a rule's variables to the records they bind (symbols are named after records, so
    two rules reading one record share its constants); `context` answers the functions of findings,
    kinds and grades (without one, `finding(x)` is a free constant, fixed by the findings made)."""

    def __init__(self, symbols: Symbols, models: Mapping[str, type[Record] | None],
                 names: Mapping[str, str] | None = None, context: Context | None = None) -> None:
        self.symbols, self.models = symbols, models
        self.names, self.context = names or {}, context

    def truth(self, node: ast.Node) -> Truth:
        if isinstance(node, ast.Not):
            inner = self.truth(node.operand)
            return Truth(inner.false, inner.true)
        if isinstance(node, (ast.And, ast.Or)):
            parts = [self.truth(o) for o in node.operands]
            trues, falses = [p.true for p in parts], [p.false for p in parts]
            if isinstance(node, ast.And):
                return Truth(z3().And(*trues), z3().Or(*falses))
            return Truth(z3().Or(*trues), z3().And(*falses))
        if isinstance(node, ast.Compare):
            return self.compare(node)
        if isinstance(node, ast.Position):
            return position(node, self.value(node.subject), self.reference(node.reference), self.symbols)
        if isinstance(node, ast.Call) and self.context is not None:
            answered = self.context.call(node)
            if isinstance(answered, Truth):
                return answered
        if isinstance(node, ast.Call) and node.name == "finding" and isinstance(node.args[0], ast.Path):
            rule = node.args[0].parts[0]
            fired = self.symbols.constant(f"finding:{rule}", "bool", lambda r, f: rule in f)
            return Truth(fired, z3().Not(fired))
        if isinstance(node, ast.Bool):  # `true` / `false` as a condition: known, always
            return Truth(z3().BoolVal(node.value), z3().BoolVal(not node.value))
        if isinstance(node, (ast.Path, ast.Call)):  # a flag: a field, or a function giving one
            value = self.value(node)
            if isinstance(value, Scalar) and value.sort == "bool":
                return Truth(z3().And(value.known, value.term), z3().And(value.known, z3().Not(value.term)))
        raise NotTranslated([_construct(node)])

    def reference(self, node: ast.Node) -> Value | str:
        """What a position test places against: a bare name not bound here is one of the subject's comparators."""
        if isinstance(node, ast.Path) and len(node.parts) == 1 and node.parts[0] not in self.models:
            return node.parts[0]
        return self.value(node)

    def compare(self, node: ast.Compare) -> Truth:
        left, right = self.operand(node.left, node.right), self.operand(node.right, node.left)
        if left.sort != right.sort or (left.sort == "bool" and node.op not in ("==", "!=")):
            raise NotTranslated([f"'{node.op}' between a {left.sort} and a {right.sort}"])
        defined = z3().And(left.known, right.known)
        holds = _OPS[node.op](left.term, right.term)
        return Truth(z3().And(defined, holds), z3().And(defined, z3().Not(holds)))

    def operand(self, node: ast.Node, other: ast.Node) -> Scalar:
        """A compared value; a text literal against an ordered field is its rank on that scale."""
        if isinstance(node, ast.String) and isinstance(other, (ast.Path, ast.Call)):  # a field, or grade(q)
            peer = self.value(other)
            if isinstance(peer, Scalar) and peer.sort == "rank":
                if node.value not in peer.scale:
                    raise NotTranslated([f"{node.value!r} compared with a scale it is not on"])
                return Scalar("rank", z3().BoolVal(True), z3().IntVal(peer.scale.index(node.value)), peer.scale)
        value = self.value(node)
        if isinstance(value, Figure):
            raise NotTranslated(["a figure compared with '==', '<', ... (not a position test)"])
        return value

    def value(self, node: ast.Node) -> Value:
        true = z3().BoolVal(True)
        if isinstance(node, ast.Number):
            number = exact(node.value)
            return Scalar("num", true, z3().RealVal(f"{number.numerator}/{number.denominator}"))
        if isinstance(node, ast.String):
            return Scalar("str", true, text(node.value))
        if isinstance(node, ast.Bool):
            return Scalar("bool", true, z3().BoolVal(node.value))
        if isinstance(node, ast.Path) and node.parts[0] in self.models and len(node.parts) > 1:
            variable = node.parts[0]
            return path_value(self.symbols, self.names.get(variable, variable), node.parts[1:], self.models[variable])
        if isinstance(node, ast.Arith):
            return arith(node.op, self.value(node.left), self.value(node.right))
        if isinstance(node, ast.Neg):
            return negate(self.value(node.operand))
        if isinstance(node, ast.Call) and self.context is not None:
            answered = self.context.call(node)
            if isinstance(answered, Scalar):
                return answered
        raise NotTranslated([_construct(node)])


def _construct(node: ast.Node) -> str:
    if isinstance(node, ast.Call):
        return f"the function {node.name}(...)"
    if isinstance(node, ast.Path):
        return f"the path {node.dotted} (as a value of this kind)"
    return f"the expression form {type(node).__name__}"

