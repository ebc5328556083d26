"""One generated function per kind of record: every one-variable finding rule of that kind at once.

The compiled counterpart of a Rete network's shared alpha nodes. Over one record,
a field read or a test that several rules share is computed once (generated
expressions are pure, so equal text means equal value, and each is emitted once),
and each rule then combines its tests' outcomes. A rule's trace events are built
only when it fires: the trace of a finding that is not made is never kept. Rules
that read findings are placed in later strata, after the findings they read::

    def k2(S, out, r0):
        v0 = getattr(r0, K[3])
        v1 = None if v0 is None else K[4][v0]
        v2 = None if v1 is None else v1.rank >= 2
        if v2 is True: out.append((7, (r0,), [(11, (v1, K[5], ), v2, None)]))
        v3 = None if v1 is None else v1.rank <= 1
        if v3 is True: out.append((8, (r0,), [(12, (v1, K[6], ), v3, None)]))
"""

from __future__ import annotations

from collections.abc import Sequence

from judgment._compiled._codegen import FunctionWriter, Tables
from judgment._lang import _ast as ast
from judgment._rulebook._model import FindingRule
from judgment.evidence import Vocabulary


class SharedWriter(FunctionWriter):
    """A FunctionWriter that reuses equal expressions and collects trace events instead of adding them."""

    def __init__(self, tables: Tables) -> None:
        super().__init__(tables, "", ())
        self._seen: dict[str, str] = {}  # expression -> the local that holds it
        self.events: list[str] = []

    def emit(self, expression: str) -> str:
        local = self._seen.get(expression)
        if local is None:
            local = self._seen[expression] = super().emit(expression)
        return local

    def record(self, node: ast.Node, form: str, operands: list[str], outcome: str, state: str = "None",
               name: str = "") -> None:
        test = self.tables.test(self._test(node, form, name))
        self.events.append(f"({test:d}, {outcome}, {state}, {''.join(o + ', ' for o in operands)})")

    def rule(self, index: int, rule: FindingRule, vocabulary: Vocabulary) -> None:
        """Add one rule, its only variable bound to the record ``r0``; `index` is what it reports."""
        ((variable, kind),) = rule.when.variables
        self.text, self.variables = rule.when.text, {variable: "r0"}
        self.models = {variable: vocabulary.models[kind]} if kind in vocabulary.models else {}
        self.events = []
        outcome = self.truth(rule.when.node)
        # The record's one-tuple is made once and shared by its findings; events are a tuple, not a
        # list: a large rulebook makes thousands of findings a bundle, and allocation is their cost.
        self.lines.append(f"if {outcome} is True: out.append(({index:d}, t0, ({''.join(e + ', ' for e in self.events)})))")

    def kind_function(self, name: str) -> str:
        body = "\n".join(f"    {line}" for line in ["t0 = (r0,)", *self.lines])
        return f"def {name}(S, out, r0):\n{body}\n"


def shared_source(tables: Tables, name: str, rules: Sequence[tuple[int, FindingRule]], vocabulary: Vocabulary) -> str:
    writer = SharedWriter(tables)
    for index, rule in rules:
        writer.rule(index, rule, vocabulary)
    return writer.kind_function(name)
