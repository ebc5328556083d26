"""Every bundle of a rulebook at once: record slots per kind, and which finding rules they make fire.

A symbolic bundle has, for each kind of evidence, a few record *slots* (``vulnerability#0``,
``vulnerability#1``, ...), each present or not, each field of each possibly missing. A finding rule
fires when some binding of its variables to distinct present slots makes its condition true, exactly as
the compiled engine binds records (judgment._compiled._run): so the findings made, the kinds present and
everything graded from them are z3 terms over the slots' constants.

How many slots are enough (`complete_slots`): a rule fires by one witness binding, so any bundle makes
the same findings as its sub-bundle of one witness per rule made (and one record per kind present);
the rules' variables of a kind, summed, bound the records of that kind that matter. Properties that
compare two bundles need twice that, and one more (judgment._prove._properties).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field

from judgment._lang import _ast as ast
from judgment._prove._symbols import Symbols
from judgment._prove._translate import Translator
from judgment._prove._values import Expr, NotTranslated, Scalar, Truth
from judgment._prove._z3 import z3
from judgment._rulebook._model import FindingRule, Rulebook
from judgment._rulebook._pairs import in_id_order


def slot_name(kind: str, index: int) -> str:
    return f"{kind}#{index}"


def slot_id(slot: str) -> str:
    """The id of the record a slot becomes in a counterexample (slots of a kind sort by index)."""
    kind, _, index = slot.partition("#")
    return f"{kind}-{int(index):03d}"


def complete_slots(rulebook: Rulebook, factor: int = 1, extra: int = 0) -> dict[str, int]:
    """Slots per kind that every bundle reduces to (see the module docstring), for each kind rules read."""
    needed: dict[str, int] = {}
    for rule in rulebook.findings:
        for _, kind in rule.when.variables:
            needed[kind] = needed.get(kind, 0) + 1
    for kind in _kinds_named(rulebook):
        needed.setdefault(kind, 1)
    return {kind: count * factor + extra for kind, count in sorted(needed.items())}


#: The most bindings (records a rule's variables could be bound to, summed over the rules) a symbolic
#: bundle is built with. Rules of several variables make the complete bound cost the square or more.
BUDGET = 4_000


def bindings(rulebook: Rulebook, slots: Mapping[str, int]) -> int:
    """How many bindings the rules would be translated for, over these slots (an upper bound)."""
    total = 0
    for rule in rulebook.findings:
        count = 1
        for _, kind in rule.when.variables:
            count *= slots.get(kind, 0)
        total += count
    return total


def fewest_slots(rulebook: Rulebook) -> dict[str, int]:
    """Per kind, the most variables of it that one rule binds (one at least): below, a rule never fires."""
    return {kind: max([sum(1 for _, k in r.when.variables if k == kind) for r in rulebook.findings] + [1])
            for kind in complete_slots(rulebook)}


def budgeted(rulebook: Rulebook, slots: Mapping[str, int], budget: int | None = None,
             records: int | None = None) -> dict[str, int]:
    """`slots` at most `records` a kind, then the largest cut by one while the bindings exceed the budget
    (BUDGET unless given; never below the fewest a rule needs)."""
    budget = BUDGET if budget is None else budget
    floor = fewest_slots(rulebook)
    cut = {kind: max(min(count, records), floor.get(kind, 1)) if records is not None else count
           for kind, count in slots.items()}
    while bindings(rulebook, cut) > budget:
        kind = max((k for k in cut if cut[k] > floor.get(k, 1)), key=lambda k: (cut[k], k), default=None)
        if kind is None:
            break
        cut[kind] -= 1
    return cut


def _kinds_named(rulebook: Rulebook) -> set[str]:
    """Kinds that present(...) / missing(...) name anywhere: a record of each may matter by being there."""
    conditions = [r.when for r in rulebook.findings] + [r.when for r in rulebook.recommendations]
    conditions += [c.when for cs in rulebook.grading.values() for c in cs if c.when is not None]
    conditions += [c.when for c in rulebook.overall.criteria if c.when is not None]
    return {node.args[0].parts[0] for condition in conditions for node in ast.walk(condition.node)
            if isinstance(node, ast.Call) and node.name in ("present", "missing") and isinstance(node.args[0], ast.Path)}


@dataclass
class SymbolicBundle:
    """One symbolic bundle: `present[slot]`, and `fired[rule id]`, a z3 Boolean over the slots."""

    rulebook: Rulebook
    slots: dict[str, int]  # kind -> number of slots
    symbols: Symbols
    present: dict[str, Expr] = field(default_factory=dict)  # slot -> Bool
    fired: dict[str, Expr] = field(default_factory=dict)  # rule id -> Bool
    bindings: dict[str, list[tuple[tuple[str, ...], Truth]]] = field(default_factory=dict)
    abstract: frozenset[str] = frozenset()  # kinds with no slots, their rules' findings free (see `abstracted`)

    @classmethod
    def build(cls, rulebook: Rulebook, slots: Mapping[str, int], prefix: str = "",
              abstract: frozenset[str] = frozenset()) -> SymbolicBundle:
        made = cls(rulebook, {k: n for k, n in slots.items() if k not in abstract}, Symbols(prefix), abstract=abstract)
        for kind, count in made.slots.items():
            for index in range(count):
                slot = slot_name(kind, index)
                made.present[slot] = z3().Bool(f"{prefix}{slot}.present")
        for rule in rulebook.findings:
            made.finding(rule.id)
        return made

    def slots_of(self, kind: str) -> list[str]:
        return [slot_name(kind, i) for i in range(self.slots.get(kind, 0))]

    def kind_present(self, kind: str) -> Expr:
        if kind in self.abstract:
            return z3().Bool(f"present/{kind}")  # no prefix: the same in two bundles compared
        return z3().Or(*[self.present[s] for s in self.slots_of(kind)]) if self.slots.get(kind) else z3().BoolVal(False)

    def finding(self, rule_id: str) -> Expr:
        """Whether the rule fires: some binding of present slots makes its condition true (built once)."""
        if rule_id not in self.fired and self.abstracted(rule_id):
            self.fired[rule_id] = z3().Bool(f"fired/{rule_id}")  # no prefix: the same in two bundles compared
        if rule_id not in self.fired:
            rule = self.rulebook.finding_rule(rule_id)
            context = FindingContext(self)
            made = []
            for binding in self._bindings(rule):
                names = {name: slot for (name, _), slot in zip(rule.when.variables, binding)}
                models = {name: self.rulebook.vocabulary.models.get(kind) for name, kind in rule.when.variables}
                try:
                    made.append((binding, Translator(self.symbols, models, names, context).truth(rule.when.node)))
                except NotTranslated as gap:
                    raise NotTranslated([f"finding rule {rule.id} ({rule.location}): {c}" for c in gap.constructs]) from None
            self.bindings[rule_id] = made
            self.fired[rule_id] = z3().Or(*[z3().And(*[self.present[s] for s in binding], truth.true)
                                            for binding, truth in made]) if made else z3().BoolVal(False)
        return self.fired[rule_id]

    def abstracted(self, rule_id: str) -> bool:
        """Whether the rule reads a kind left abstract: its finding is then a free Boolean."""
        return any(kind in self.abstract for _, kind in self.rulebook.finding_rule(rule_id).when.variables)

    def abstract_facts(self, dead: frozenset[str]) -> list[Expr]:
        """What a free finding keeps of its rule: made only with a record of each kind it reads, and
        never when no bundle makes it. Anything else is free: an over-approximation (see _abstract)."""
        facts = []
        for rule in self.rulebook.findings:
            if self.abstracted(rule.id):
                kinds = sorted({kind for _, kind in rule.when.variables})
                facts.append(z3().Implies(self.fired[rule.id], z3().And(*[self.kind_present(k) for k in kinds]))
                             if rule.id not in dead else z3().Not(self.fired[rule.id]))
        return facts

    def _bindings(self, rule: FindingRule) -> list[tuple[str, ...]]:
        """Distinct slots per variable; `unordered` variables in record-id order, as the engine binds."""
        pools = [self.slots_of(kind) for _, kind in rule.when.variables]
        return [c for c in itertools.product(*pools) if len(set(c)) == len(c)
                and (not rule.in_order or in_id_order([slot_id(s) for s in c], rule.in_order))]

    def order(self) -> list[Expr]:
        """Symmetry: a kind's slots are filled in order (any bundle can be so numbered)."""
        return [z3().Implies(self.present[slot_name(kind, i + 1)], self.present[slot_name(kind, i)])
                for kind, count in self.slots.items() for i in range(count - 1)]


class FindingContext:
    """What a finding rule's condition sees besides its records: findings made before it, kinds
    present; counts and grades do not exist yet (judgment._compiled._run.derive: an empty scope)."""

    def __init__(self, bundle: SymbolicBundle) -> None:
        self.bundle = bundle

    def call(self, node: ast.Call) -> Truth | Scalar | None:
        name = node.args[0].parts[0] if node.args and isinstance(node.args[0], ast.Path) else ""
        if node.name == "finding":
            return flag(self.bundle.finding(name))
        if node.name in ("present", "missing"):
            present = self.bundle.kind_present(name)
            return flag(present if node.name == "present" else z3().Not(present))
        return None


def flag(holds: Expr) -> Truth:
    """A known truth: holds, or does not."""
    return Truth(holds, z3().Not(holds))
