"""Two symbolic bundles, before and after one change, for properties that compare judgments.

`before` and `after` are judged by the same rules over the same slots (z3 tells their constants apart by
prefix); `same(except_)` makes them equal everywhere but where the change is. Monotonicity asks the
solver for a pair where the change is an improvement and some grade is lower after.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from judgment._prove._grading import Graded, grade
from judgment._prove._model import SymbolicBundle
from judgment._prove._solve import holds_in
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class Pair:
    before: Graded
    after: Graded

    @classmethod
    def build(cls, rulebook: Rulebook, slots: Mapping[str, int], abstract: frozenset[str] = frozenset()) -> Pair:
        return cls(grade(SymbolicBundle.build(rulebook, slots, "before/", abstract)),
                   grade(SymbolicBundle.build(rulebook, slots, "after/", abstract)))

    def constants(self) -> list[tuple[str, Expr, Expr]]:
        """(name, before's constant, after's constant) for every constant the rules read."""
        after = self.after.bundle.symbols.constants
        return [(name, const, after[name][0]) for name, (const, _, _) in self.before.bundle.symbols.constants.items()]

    def sharing(self, changed: Callable[[str], bool]) -> list[tuple[Expr, Expr]]:
        """(after's constant, before's) for every slot's presence and constant the change leaves alone:
        substituted into after's terms, what is not changed is the same term in both, which the solver
        sees at once (asserting hundreds of equalities instead made every proof time out)."""
        pairs = [(self.after.bundle.present[slot], p) for slot, p in self.before.bundle.present.items()
                 if not changed(presence(slot))]
        return pairs + [(b, a) for name, a, b in self.constants() if not changed(name)]

    def after_term(self, term: Expr, sharing: list[tuple[Expr, Expr]]) -> Expr:
        return z3().substitute(term, *sharing) if sharing else term

    def lowered(self, sharing: list[tuple[Expr, Expr]]) -> Expr:
        """Some question graded before is graded lower after, or not graded at all."""
        return z3().Or(*[self._lowered(q, sharing) for q in self.before.rank])

    def _lowered(self, question: str, sharing: list[tuple[Expr, Expr]]) -> Expr:
        before, after = self.before.rank[question], self.after_term(self.after.rank[question], sharing)
        return z3().And(before >= 0, z3().Or(after < 0, after < before))

    def questions_lowered(self, model: object, sharing: list[tuple[Expr, Expr]]) -> list[str]:
        """Which questions the model lowers, in the rulebook's order."""
        ordered = [q.id for q in self.before.bundle.rulebook.questions]
        return [q for q in ordered if holds_in(model, self._lowered(q, sharing))]


def presence(slot: str) -> str:
    """How `sharing` names a slot's presence (no constant's name holds a colon)."""
    return f"{slot}:present"


