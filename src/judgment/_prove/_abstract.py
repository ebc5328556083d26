"""Comparing two bundles fast: what a change cannot touch is left abstract, then made concrete.

A change to a record of kind k alters only the findings of rules that read k, or that depend on those
through finding(...). Every other rule makes the same finding before and after, so its finding is a
free Boolean shared by both bundles (judgment._prove._model, `abstract`), and a kind no such rule reads
is present or not, freely. That over-approximates: a proof over it holds of every real pair of bundles
(it is how monotonicity finishes in a second instead of timing out). A counterexample is then made
concrete: the full symbolic bundle is asked for records making exactly those free findings; if none
does, that assignment is ruled out and the solver asked again, a few times at most.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from judgment._prove._grading import Graded, grade
from judgment._prove._model import SymbolicBundle
from judgment._prove._solve import holds_in
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook

#: Counterexamples of the abstract pair tried before the outcome is left unknown.
ROUNDS = 5


def concrete_kinds(rulebook: Rulebook, kind: str) -> frozenset[str]:
    """The kind changed, the kinds read with it, and those of rules that depend on them, to a fixpoint."""
    kinds, rules = {kind}, set[str]()
    while True:
        touched = {r.id for r in rulebook.findings if {k for _, k in r.when.variables} & kinds
                   or r.when.findings_used & rules}
        grown = kinds | {k for r in rulebook.findings if r.id in touched for _, k in r.when.variables}
        if touched == rules and grown == kinds:
            return frozenset(kinds)
        kinds, rules = grown, touched


def blocking(before: Graded, model: Any) -> Expr:
    """Rules out the model's free findings and kinds present, with which slots are present: no concrete
    bundle has them (what abstract rules make depends on nothing else: they read no concrete kind's
    values, and present(...) at most)."""
    bundle = before.bundle
    free = [bundle.fired[r.id] for r in bundle.rulebook.findings if bundle.abstracted(r.id)]
    free += [bundle.kind_present(k) for k in sorted(bundle.abstract)] + list(bundle.present.values())
    return z3().Not(z3().And(*[term == model.eval(term, model_completion=True) for term in free]))


class Concrete:
    """The full symbolic bundle for making an abstract pair's counterexample concrete."""

    def __init__(self, rulebook: Rulebook, slots: dict[str, int]) -> None:
        self.slots = slots
        self.graded = grade(SymbolicBundle.build(rulebook, slots, "concrete/"))

    def facts(self, before: Graded, model: Any) -> list[Expr]:
        """The concrete bundle agrees with the abstract `before`: its concrete slots value for value,
        each free finding made or not, each abstract kind present or not."""
        bundle, abstract = self.graded.bundle, before.bundle
        facts = [bundle.present[slot] == model.eval(p, model_completion=True) if slot in bundle.present
                 else z3().BoolVal(not holds_in(model, p)) for slot, p in abstract.present.items()]  # beyond: absent
        constants = bundle.symbols.constants
        facts += [constants[name][0] == model.eval(const, model_completion=True)
                  for name, (const, _, _) in abstract.symbols.constants.items()
                  if name in constants and _present(model, abstract, name)]
        for rule in bundle.rulebook.findings:
            if abstract.abstracted(rule.id):
                facts.append(bundle.fired[rule.id] == model.eval(abstract.fired[rule.id], model_completion=True))
        facts += [bundle.kind_present(k) == model.eval(abstract.kind_present(k), model_completion=True)
                  for k in sorted(abstract.abstract)]
        return facts

    def changed(self, after: Graded, model: Any, changed: Sequence[str]) -> list[tuple[Expr, Expr]]:
        """(concrete constant, its value after the change) for each constant the change moves."""
        mine, theirs = self.graded.bundle, after.bundle
        moved = []
        for name in changed:
            slot, _, present = name.partition(":")
            pair = (mine.present[slot], theirs.present[slot]) if present else \
                (mine.symbols.constants[name][0], theirs.symbols.constants[name][0])
            moved.append((pair[0], model.eval(pair[1], model_completion=True)))
        return moved


def _present(model: Any, bundle: SymbolicBundle, name: str) -> bool:
    slot = name.partition(".")[0]
    return slot in bundle.present and holds_in(model, bundle.present[slot])
