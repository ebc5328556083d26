"""durable_rules' undocumented limits, counted on a ruleset definition before the engine sees it.

durable_rules builds one alpha network for a ruleset: a tree whose root is the fact, where every
pattern is the path of its tests (an ``$and`` is a chain, in the order written), tests shared by
patterns are one node, and each pattern ends in a beta connector hung on its last node. Three
fixed-size arrays in the C core then bound what a ruleset may hold (measured on 2.0.28, see
docs/engine.md, "Limits of the engine"):

* a node's children live in a 512-slot open-addressing table that is probed until an empty slot:
  a 512th child fills it and the next probe loops for ever (``MAX_CHILDREN``);
* its beta connectors live in a 256-slot list read until a zero: a 256th crashes, a 257th is
  error 108 (``MAX_CONNECTORS``);
* matching one fact walks the tree depth first with a 64-entry stack holding every child that
  passed and is not yet visited: a 65th is error 303, after which the session cannot be deleted
  without a crash (``MAX_PENDING``).

The first two are counts. The third depends on the fact, so it is bounded over every fact: see
`_pending`. The bound is exact for tests on one field, and errs only on the safe side.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MAX_CHILDREN = 511
MAX_CONNECTORS = 255
MAX_PENDING = 64

Key = tuple[str, str, object]  # (property, operator, constant)


@dataclass
class Node:
    key: Key | None = None
    children: dict[Key, Node] = field(default_factory=dict)  # in the order durable_rules inserts them
    connectors: int = 0


@dataclass(frozen=True)
class Excess:
    """A limit passed: which, by how much, which engine rule passed it, and the kind of record concerned."""

    limit: str  # "children", "connectors" or "pending"
    count: int
    rule: str
    kind: str | None


def network(rules: Iterable[tuple[str, list[list[Key]]]], excesses: list[Excess] | None = None) -> Node:
    """The alpha network of engine rules given as (name, patterns as test chains); counts excesses."""
    root = Node()
    for name, patterns in rules:
        for chain in patterns:
            node, kind = root, None
            for key in chain:
                kind = key[2] if key[:2] == ("k", "$eq") and isinstance(key[2], str) else kind
                if key not in node.children:
                    node.children[key] = Node(key)
                    if excesses is not None and len(node.children) == MAX_CHILDREN + 1:
                        excesses.append(Excess("children", MAX_CHILDREN + 1, name, kind))
                node = node.children[key]
            node.connectors += 1
            if excesses is not None and node.connectors == MAX_CONNECTORS + 1:
                excesses.append(Excess("connectors", MAX_CONNECTORS + 1, name, kind))
    return root


def chains(definition: dict[str, object]) -> list[tuple[str, list[list[Key]]]]:
    """Each engine rule's patterns as chains of test keys, as durable_rules reads our definitions."""
    rules = []
    for name, body in definition.items():
        assert isinstance(body, dict)
        patterns = []
        for pattern in body["all"]:
            (condition,) = pattern.values()
            tests = condition["$and"] if "$and" in condition else [condition]
            patterns.append([_key(test) for test in tests])
        rules.append((name, patterns))
    return rules


def _key(test: dict[str, object]) -> Key:
    ((name, value),) = test.items()
    if name.startswith("$"):
        assert isinstance(value, dict)
        ((prop, constant),) = value.items()
        return prop, name, _number(constant)
    return name, "$eq", _number(value)


def _number(value: object) -> object:
    """Numbers reach the engine as doubles: 1 and 1.0 are one constant (and -0.0 is 0.0)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value


def excesses(definition: dict[str, object]) -> list[Excess]:
    """Every limit the definition passes, each with the first engine rule (in order) that passes it."""
    rules = chains(definition)
    found: list[Excess] = []
    root = network(rules, found)
    if not any(e.limit == "children" for e in found) and _pending(root) > MAX_PENDING:
        found.append(_first_over(rules))
    return found


def _first_over(rules: list[tuple[str, list[list[Key]]]]) -> Excess:
    """The first rule with which the pending bound passes the limit (the bound only grows with rules)."""
    low, high = 0, len(rules)  # rules[:low] stay within it; rules[:high] do not
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if _pending(network(rules[:middle])) <= MAX_PENDING else (low, middle)
    name, patterns = rules[high - 1]
    kinds = [k[2] for chain in patterns for k in chain if k[:2] == ("k", "$eq") and isinstance(k[2], str)]
    return Excess("pending", _pending(network(rules[:high])), name, kinds[0] if kinds else None)


def _pending(node: Node) -> int:
    """At most how many nodes wait on the stack while one fact is matched below `node`.

    durable_rules pops a node, pushes every child the fact passes, then visits them last pushed first:
    the k-th child pushed is visited with the k - 1 pushed before it still waiting. So the need is the
    most children passed at once, or, for some child, the siblings that can wait below it plus its own
    need. Siblings on the same property are pushed in insertion order; those on other properties may be
    pushed in either order, so all that can pass are counted."""
    if not node.children:
        return 0
    by_prop: dict[str, list[tuple[str, object]]] = {}
    for prop, op, constant in node.children:
        by_prop.setdefault(prop, []).append((op, constant))
    most = {prop: _most_passing(tests) for prop, tests in by_prop.items()}
    need = sum(most.values())
    for prop, tests in by_prop.items():
        others = need - most[prop]
        before = _most_before(tests)
        for (op, constant), waiting in zip(tests, before):
            need = max(need, others + waiting + _pending(node.children[(prop, op, constant)]))
    return need


def _most_passing(tests: list[tuple[str, object]]) -> int:
    return max(len(passed) for passed in _passing_sets(tests))


def _most_before(tests: list[tuple[str, object]]) -> list[int]:
    """For each test, the most tests inserted before it that one value passes together with it."""
    before = [-1] * len(tests)
    for passed in _passing_sets(tests):
        for rank, index in enumerate(passed):
            before[index] = max(before[index], rank)
    return [max(b, 0) for b in before]


def _passing_sets(tests: list[tuple[str, object]]) -> list[list[int]]:
    """For every value worth trying, the indices (in order) of the tests it passes. Numbers and strings
    are tried apart; a value of the other type passes every test on it."""
    numbers = sorted({c for _, c in tests if isinstance(c, float)})
    strings = sorted({c for _, c in tests if isinstance(c, str)})
    values: list[object] = list(strings) + [_Fresh()]
    if numbers:
        import math

        values += [math.nextafter(numbers[0], -math.inf), math.nextafter(numbers[-1], math.inf)] + numbers
        values += [a / 2 + b / 2 for a, b in zip(numbers, numbers[1:])]
    return [[i for i, (op, c) in enumerate(tests) if _passes(op, v, c)] for v in values]


class _Fresh:
    """A value equal to no constant: it passes every `!=`."""


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "$eq": lambda a, b: a == b, "$neq": lambda a, b: a != b, "$lt": lambda a, b: a < b,
    "$lte": lambda a, b: a <= b, "$gt": lambda a, b: a > b, "$gte": lambda a, b: a >= b}


def _passes(op: str, value: object, constant: object) -> bool:
    if isinstance(value, _Fresh):
        return op == "$neq"
    if type(value) is not type(constant):
        return op != "$eq"  # durable_rules' coercions make no promise: count it as passing
    if isinstance(value, str) and op not in ("$eq", "$neq"):
        return True
    return _COMPARE[op](value, constant)  # type: ignore[arg-type]
