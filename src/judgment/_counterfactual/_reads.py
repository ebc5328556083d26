"""What a question's grade can depend on, read from the rulebook's structure (not from the evidence).

A question's grade is decided by its criteria; they read the findings of its own rules (``count``,
``any``), findings named with ``finding()``, other questions' grades and counts, and which kinds are
present. The finding rules read fields of records. So the evidence that can move a grade is the
fields those rules test, on records of the kinds they bind or ask about, and nothing else: the
search changes only that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, FindingRule, Rulebook


@dataclass(frozen=True)
class Test:
    """One place a rule tests a field: a comparison with a fixed number, or a figure's position."""

    node: ast.Compare | ast.Position
    #: The threshold or the number compared with (None for a position against a comparator).
    number: float | None
    #: The comparator a position is taken against (``national``), or None.
    comparator: str | None = None
    tolerance: float = 0.0


@dataclass
class Reads:
    """What the finding rules behind one question read."""

    rules: list[FindingRule] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    #: (kind, field) -> the tests on it; a field read only whole (an enum, a boolean) has no tests.
    fields: dict[tuple[str, str], list[Test]] = field(default_factory=dict)
    #: (kind, field) -> the comparisons with a string literal: (operator, literal), the field on the left.
    literals: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict)
    #: Fields read otherwise than compared with a literal (with another field, in arithmetic, whole):
    #: their values cannot be told apart by the literals alone.
    opaque: set[tuple[str, str]] = field(default_factory=set)
    #: The questions whose grades the question's grade reads, itself last.
    questions: list[str] = field(default_factory=list)


def question_reads(rulebook: Rulebook, question: str) -> Reads:
    """The rules a question's grade depends on (its own, those named by finding() and the questions its
    criteria read, transitively) and the fields and kinds they read."""
    wanted: list[str] = []
    questions, seen = [question], {question}
    question_ids = frozenset(q.id for q in rulebook.questions)
    reads = Reads()
    for asked in questions:  # grows while criteria read other questions
        wanted.extend(r.id for r in rulebook.findings if r.question == asked)
        for criterion in rulebook.grading[asked]:
            if criterion.when is not None:
                _calls(criterion.when, wanted, reads.kinds, question_ids, questions, seen)
    done: set[str] = set()
    for rule_id in wanted:  # grows while rules name other findings
        if rule_id in done:
            continue
        done.add(rule_id)
        rule = rulebook.finding_rule(rule_id)
        reads.rules.append(rule)
        wanted.extend(sorted(rule.when.findings_used))
        _read_condition(rule.when, reads)
    reads.questions = questions
    order = {rule_id: place for place, rule_id in enumerate(rulebook.order or [r.id for r in rulebook.findings])}
    reads.rules.sort(key=lambda r: order.get(r.id, len(order)))
    return reads


def _calls(condition: Condition, findings: list[str], kinds: set[str], question_ids: frozenset[str],
           questions: list[str], seen: set[str]) -> None:
    """Findings, kinds and questions a condition names through its functions."""
    for node in ast.walk(condition.node):
        if not isinstance(node, ast.Call):
            continue
        names = [_name(arg) for arg in node.args]
        if node.name == "finding" and names and names[0]:
            findings.append(names[0])
        elif node.name in ("present", "missing") and names and names[0]:
            kinds.add(names[0])
        for name in names:
            if name in question_ids and name not in seen and node.name != "finding":
                seen.add(name)
                questions.append(name)


def _name(node: ast.Node) -> str | None:
    if isinstance(node, ast.Path):
        return node.dotted
    return node.value if isinstance(node, ast.String) else None


def _read_condition(condition: Condition, reads: Reads) -> None:
    kinds = dict(condition.variables)
    reads.kinds.update(kinds.values())
    _calls(condition, [], reads.kinds, frozenset(), [], set())  # kinds named by present()/missing()
    literal = {id(n.left) for n in ast.walk(condition.node) if isinstance(n, ast.Compare)
               and isinstance(n.right, ast.String)} | {id(n.right) for n in ast.walk(condition.node)
                                                        if isinstance(n, ast.Compare) and isinstance(n.left, ast.String)}
    for node in ast.walk(condition.node):
        field_of = _field(node, kinds)
        if field_of is not None:
            reads.fields.setdefault(field_of, [])
            if id(node) not in literal:
                reads.opaque.add(field_of)
        if isinstance(node, ast.Position):
            _position(node, kinds, reads)
        elif isinstance(node, ast.Compare):
            _compare(node, kinds, reads)


def _field(node: ast.Node, kinds: dict[str, str]) -> tuple[str, str] | None:
    """(kind, field) for ``variable.field`` (and for ``variable.field.value``: the figure)."""
    if isinstance(node, ast.Path) and len(node.parts) >= 2 and node.parts[0] in kinds:
        if len(node.parts) == 2 or node.parts[2:] == ("value",):
            return kinds[node.parts[0]], node.parts[1]
    return None


def _position(node: ast.Position, kinds: dict[str, str], reads: Reads) -> None:
    subject = _field(node.subject, kinds)
    if subject is None:
        return
    tolerance = _number(node.tolerance) if node.tolerance is not None else 0.0
    reference = node.reference
    if isinstance(reference, ast.Path) and len(reference.parts) == 1:
        test = Test(node, None, reference.parts[0], tolerance or 0.0)
    else:
        threshold = _number(reference)
        if threshold is None:
            return
        test = Test(node, threshold, None, tolerance or 0.0)
    reads.fields.setdefault(subject, []).append(test)


def _compare(node: ast.Compare, kinds: dict[str, str], reads: Reads) -> None:
    for one, other in ((node.left, node.right), (node.right, node.left)):
        subject = _field(one, kinds)
        if subject is None:
            continue
        if isinstance(other, ast.String):
            op = node.op if one is node.left else _MIRROR.get(node.op, node.op)
            reads.literals.setdefault(subject, set()).add((op, other.value))
        number = _number(other)
        if number is not None:
            reads.fields.setdefault(subject, []).append(Test(node, number))


_MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<="}


def _number(node: ast.Node | None) -> float | None:
    if isinstance(node, ast.Number):
        return node.value
    if isinstance(node, ast.Neg) and isinstance(node.operand, ast.Number):
        return -node.operand.value
    return None

