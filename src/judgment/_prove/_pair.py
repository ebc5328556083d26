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
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class Pair:
    before: Graded
    after: Graded

    @classmethod
    def build(cls, rulebook: Rulebook, slots: Mapping[str, int]) -> Pair:
        return cls(grade(SymbolicBundle.build(rulebook, slots, "before/")),
                   grade(SymbolicBundle.build(rulebook, slots, "after/")))

    def constants(self) -> list[tuple[str, Expr, Expr]]:
        """(name, before's constant, after's constant) for every constant the rules read."""
        after = self.after.bundle.symbols.constants
        return [(name, const, after[name][0]) for name, (const, _, _) in self.before.bundle.symbols.constants.items()]

    def same(self, changed: Callable[[str], bool]) -> list[Expr]:
        """Equal presence of every slot and equal constants, but for the constants `changed` names."""
        facts = [p == self.after.bundle.present[slot] for slot, p in self.before.bundle.present.items()
                 if not changed(slot + ".present")]
        return facts + [a == b for name, a, b in self.constants() if not changed(name)]

    def lowered(self) -> Expr:
        """Some question graded before is graded lower after, or not graded at all."""
        return z3().Or(*[z3().And(self.before.graded(q), z3().Or(z3().Not(self.after.graded(q)),
                                                                 self.after.rank[q] < self.before.rank[q]))
                         for q in self.before.rank])

    def questions_lowered(self, model: object) -> list[str]:
        """Which questions the model lowers, in the rulebook's order."""
        ordered = [q.id for q in self.before.bundle.rulebook.questions]
        return [q for q in ordered if _true(model, z3().And(self.before.graded(q), z3().Or(
            z3().Not(self.after.graded(q)), self.after.rank[q] < self.before.rank[q])))]


def _true(model: object, term: Expr) -> bool:
    return bool(z3().is_true(model.eval(term, model_completion=True)))  # type: ignore[attr-defined]
