"""Generate the Python source of one function per checked condition.

No text of a rulebook or of the evidence ever becomes source code. Every string,
number and name a condition holds goes into a table of constants, and the source
refers to it by index (``K[3]``); the source itself is assembled only from this
module's templates, generated local names and integers. A condition such as
``x.level >= 'good'`` becomes::

    def c7(S, add, r0):
        v0 = field_of(r0, K[12])
        v1 = None if v0 is None else ge(v0, K[13])
        add((5, (v0, K[13]), v1, None))
        return v1

Each test the reference semantics records (comparisons, position tests, paths read
as truth values, present/missing, finding, any) appends one trace event
``(test id, outcome, state, *raw operands)``; words are made only when a trace is
rendered. Logic is three-valued and every operand of and/or is evaluated, so the
trace holds every test, in source order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from judgment._compiled._readers import Reader, reader_for
from judgment._lang import _ast as ast
from judgment.evidence import Record

COMPARE_FUNCTIONS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge"}
_ARITH = {"+": "plus", "-": "minus", "*": "times", "/": "divide"}  # exact (judgment._lang._exact)


@dataclass(frozen=True)
class Test:
    """One recorded test: its source text and how its operands are put into words."""

    condition: str
    form: str  # compare | position | path | presence | finding | any
    name: str = ""  # the kind, finding or polarity a presence/finding/any test names; a position's state


class Tables:
    """Constants and tests shared by every function generated for one rulebook."""

    def __init__(self) -> None:
        self.constants: list[Any] = []
        self._index: dict[tuple[type, Any], int] = {}
        self.tests: list[Test] = []

    def table(self, value: Any) -> str:
        """A constant that is not a plain value (a lookup table): never shared, so never compared."""
        self.constants.append(value)
        return f"K[{len(self.constants) - 1:d}]"

    def constant(self, value: Any) -> str:
        key = (type(value), value)
        if key not in self._index:
            self._index[key] = len(self.constants)
            self.constants.append(value)
        return f"K[{self._index[key]:d}]"

    def test(self, test: Test) -> int:
        self.tests.append(test)
        return len(self.tests) - 1


class FunctionWriter:
    """Writes one condition as straight-line code: one local per sub-expression."""

    def __init__(self, tables: Tables, text: str, variables: tuple[str, ...],
                 models: Mapping[str, type[Record]] | None = None) -> None:
        self.tables, self.text = tables, text
        self.variables = {name: f"r{i:d}" for i, name in enumerate(variables)}
        self.models = models or {}  # variable -> record model, where known: fields are then read by type
        self.lines: list[str] = []
        self._locals = 0
        self._scales: dict[str, tuple[str, ...]] = {}  # local -> the ordered scale its value is on
        self._plain: set[str] = set()  # locals and constants known to hold a number, string or flag
        self._exact: set[str] = set()  # locals holding the exact result of arithmetic (a Fraction)

    def function(self, name: str, node: ast.Node) -> str:
        result = self.truth(node)
        params = ", ".join(["S", "add", *self.variables.values()])
        body = "\n".join(f"    {line}" for line in [*self.lines, f"return {result}"])
        return f"def {name}({params}):\n{body}\n"

    def emit(self, expression: str) -> str:
        name = f"v{self._locals:d}"
        self._locals += 1
        self.lines.append(f"{name} = {expression}")
        return name

    def _test(self, node: ast.Node, form: str, name: str) -> Test:
        return Test(self.text[node.span.start:node.span.end], form, name)

    def record(self, node: ast.Node, form: str, operands: list[str], outcome: str, state: str = "None",
               name: str = "") -> None:
        test = self.tables.test(self._test(node, form, name))
        self.lines.append(f"add(({test:d}, {outcome}, {state}, {''.join(o + ', ' for o in operands)}))")

    # logic ------------------------------------------------------------------
    def truth(self, node: ast.Node) -> str:
        if isinstance(node, ast.Not):
            inner = self.truth(node.operand)
            return self.emit(f"None if {inner} is None else not {inner}")
        if isinstance(node, (ast.And, ast.Or)):
            parts = [self.truth(o) for o in node.operands]
            decisive, other = ("False", "True") if isinstance(node, ast.And) else ("True", "False")
            some_decisive = " or ".join(f"{p} is {decisive}" for p in parts)
            some_unknown = " or ".join(f"{p} is None" for p in parts)
            return self.emit(f"{decisive} if ({some_decisive}) else (None if ({some_unknown}) else {other})")
        if isinstance(node, ast.Compare):
            left, right = self.value(node.left), self.value(node.right)
            outcome = self.emit(f"None if {self.unknown(left, right)} else {self.comparison(node, left, right)}")
            self.record(node, "compare", [left, right], outcome)
            return outcome
        if isinstance(node, ast.Position):
            return self.position(node)
        value = self.value(node)
        outcome = self.emit(f"None if {value} is None else bool({value})")
        if isinstance(node, ast.Path):
            self.record(node, "path", [value], outcome)
        return outcome

    @staticmethod
    def unknown(*operands: str) -> str:
        """The test for an unknown operand; constants are never unknown."""
        tested = [f"{o} is None" for o in operands if not o.startswith("K[")]
        return " or ".join(tested) or "False"

    def comparison(self, node: ast.Compare, left: str, right: str) -> str:
        """An ordered field against a literal on its scale compares ranks inline; all else at run time."""
        for local, literal, flipped in ((left, node.right, False), (right, node.left, True)):
            scale = self._scales.get(local)
            if scale is not None and isinstance(literal, ast.String) and literal.value in scale:
                rank = f"{scale.index(literal.value):d}"
                return f"{rank} {node.op} {local}.rank" if flipped else f"{local}.rank {node.op} {rank}"
        if left in self._exact or right in self._exact:  # decided in decimal, never against a binary float
            return f"compare({left}, {right}) {node.op} 0"
        if left in self._plain and right in self._plain:
            return f"{left} {node.op} {right}"  # floats order as the decimals they were written as
        return f"{COMPARE_FUNCTIONS[node.op]}({left}, {right})"

    def position(self, node: ast.Position) -> str:
        subject = self.value(node.subject)
        ref = node.reference
        if isinstance(ref, ast.Path) and len(ref.parts) == 1 and ref.parts[0] not in self.variables:
            reference = self.emit(f"comparator({subject}, {self.tables.constant(ref.parts[0])})")
        else:
            reference = self.value(ref)
        tolerance = "None" if node.tolerance is None else self.value(node.tolerance)
        unknown = self.unknown(subject, reference, *([tolerance] if node.tolerance is not None else []))
        if node.state in ("at_least", "at_most"):  # inclusive, against a threshold only (the checker's rule)
            state = self.emit(f"None if {unknown} else bound({subject}, {reference}, {self.tables.constant(node.state)})")
        else:
            state = self.emit(f"None if {unknown} else state({subject}, {reference}, {tolerance})")
        test = "!=" if node.negated else "=="
        outcome = self.emit(f"None if {state} is None else {state} {test} {self.tables.constant(node.state)}")
        named = [tolerance] if node.tolerance is not None else []  # the check names the tolerance
        wanted = ("not " if node.negated else "") + node.state  # names what would make it hold (why-not)
        self.record(node, "position", [subject, reference, *named], outcome, state, wanted)
        return outcome

    # values -----------------------------------------------------------------
    def value(self, node: ast.Node) -> str:
        if isinstance(node, (ast.Number, ast.String, ast.Bool)):
            constant = self.tables.constant(float(node.value) if isinstance(node, ast.Number) else node.value)
            self._plain.add(constant)
            return constant
        if isinstance(node, ast.Path):
            return self.path(node)
        if isinstance(node, ast.Arith):
            left, right = self.value(node.left), self.value(node.right)
            result = self.emit(f"None if {self.unknown(left, right)} else {_ARITH[node.op]}({left}, {right})")
            self._exact.add(result)
            return result
        if isinstance(node, ast.Neg):
            inner = self.value(node.operand)
            negated = self.emit(f"None if {inner} is None else -{inner}")
            if inner in self._exact:
                self._exact.add(negated)
            return negated
        if isinstance(node, ast.Call):
            return self.call(node)
        return self.truth(node)

    def path(self, node: ast.Path) -> str:
        root = self.variables.get(node.parts[0])
        if root is None:
            return "None"  # not bound here: unknown, as an unbound name reads in the reference semantics
        current = self.field(root, self.models.get(node.parts[0]), node.parts[1])
        for part in node.parts[2:]:
            current = self.emit(f"step({current}, {self.tables.constant(part)})")
        return current

    def field(self, record: str, model: type[Record] | None, name: str) -> str:
        """Read a field of a bound record (never unknown itself), as its declared type needs."""
        reader: Reader = reader_for(model, name)
        if reader.form == "any":
            return self.emit(f"field_of({record}, {self.tables.constant(name)})")
        raw = self.emit(f"getattr({record}, {self.tables.constant(name)})")
        if reader.form == "as_is":
            read = raw
        elif reader.form == "number":
            read = self.emit(f"None if {raw} is None else float({raw})")
        else:
            read = self.emit(f"None if {raw} is None else {self.tables.table(reader.table)}[{raw}]")
        if reader.scale:
            self._scales[read] = reader.scale
        elif reader.plain:
            self._plain.add(read)
        return read

    def call(self, node: ast.Call) -> str:
        names = [a.parts[0] for a in node.args if isinstance(a, ast.Path)]
        first = self.tables.constant(names[0]) if names else "None"
        if node.name in ("present", "missing"):
            present = self.emit(f"{first} in S.kinds")
            outcome = present if node.name == "present" else self.emit(f"not {present}")
            self.record(node, "presence", [present], outcome, name=names[0])
            return outcome
        if node.name == "finding":
            outcome = self.emit(f"{first} in S.fired")
            self.record(node, "finding", [], outcome, name=names[0])
            return outcome
        if node.name in ("count", "total", "any"):
            question = self.tables.constant(names[1]) if len(names) > 1 else "None"
            counted = self.emit(f"{'total' if node.name == 'total' else 'count'}(S, {first}, {question})")
            self._plain.add(counted)
            if node.name != "any":
                return counted
            outcome = self.emit(f"{counted} > 0")
            self.record(node, "any", [counted], outcome, name=names[0])
            return outcome
        if node.name == "grade":
            return self.emit(f"grade(S, {first})")
        if node.name == "count_grades":
            counted = self.emit(f"count_grades(S, {self.tables.constant(tuple(names))})")
            self._plain.add(counted)
            return counted
        raise AssertionError(f"unchecked function {node.name}")
