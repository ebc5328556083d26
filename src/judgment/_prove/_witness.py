"""Bundles the solver finds, made real: records a vocabulary validates, judged again to confirm.

A model names values for the constants of the present slots; judgment._prove._example turns them into
records. Numbers the solver picks may be fractions no decimal writes (1/3): the domain then also asks
for numbers on a decimal grid, so every counterexample can be written down and judged exactly.
Confirming a counterexample judges it with the compiled engine, the reference semantics: a proof's
counterexample that judging does not show would be a defect of the translation, reported as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import tempfile
from pathlib import Path

from judgment._api import judge
from judgment._errors import JudgmentError
from judgment._bundle import Bundle, load_bundle
from judgment._judgment import Judgment
from judgment._prove._example import NotDecimal, bundle_yaml, decimal_grid, records_from_model
from judgment._prove._grading import Graded
from judgment._prove._outcome import ProofExample
from judgment._prove._solve import holds_in
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook

class Witnesses:
    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.date = rulebook.valid_from

    def domain(self, graded: Graded, ordered: bool) -> list[Expr]:
        """What every bundle satisfies: valid values; `ordered`: a kind's slots filled in order (true of
        some numbering of any one bundle, not of two bundles compared)."""
        return [*graded.bundle.symbols.domain(), *(graded.bundle.order() if ordered else [])]

    def grid(self, graded: Graded) -> list[Expr]:
        """Numbers on a decimal grid: for a counterexample that can be written down, never for a proof."""
        return decimal_grid(graded.bundle.symbols)

    def decimal(self, model: Any, graded: Graded) -> bool:
        """Whether every number of the model a present slot reads is a decimal evidence can hold."""
        return self.example(model, graded, "probe").written

    def example(self, model: Any, graded: Graded, label: str, sharing: Sequence[tuple[Expr, Expr]] = ()) -> ProofExample:
        """The bundle the model names (`sharing`: after's constants that are before's, for a pair)."""
        bundle = graded.bundle
        present = {slot: kind for kind in bundle.slots for slot in bundle.slots_of(kind)
                   if holds_in(model, _shared(bundle.present[slot], sharing))}
        seen = _Shared(model, sharing) if sharing else model
        try:
            return ProofExample(label, tuple(records_from_model(seen, bundle.symbols, present, self.rulebook.vocabulary)))
        except NotDecimal:  # no model on the decimal grid either: nothing that can be written down
            return ProofExample(label, (), written=False)

    def bundle(self, example: ProofExample) -> Bundle:
        """The example read as `judgment check` and `judgment run` read a bundle file: its YAML, from a file."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "counterexample.yaml"
            path.write_text(bundle_yaml(list(example.records), self.rulebook.vocabulary.id, self.date), "utf-8")
            return load_bundle(path, self.rulebook.vocabulary)

    def judged(self, examples: Sequence[ProofExample]) -> list[Judgment]:
        return [judge(self.rulebook, self.bundle(e), any_date=True) for e in examples]

    def confirm(self, what: str, subject: str, examples: Sequence[ProofExample]) -> bool:
        """Whether judging the examples shows what the solver claims about `subject` (False when one
        cannot be written down, or is refused: the report then says NOT CONFIRMED, never hides it)."""
        if not all(e.written for e in examples):
            return False
        try:
            judged = self.judged(examples)
        except JudgmentError:
            return False
        kind, _, name = subject.partition(" ")
        first = judged[0]
        if what == "monotonicity":
            return bool(lowered(self.rulebook, judged[0], judged[1]))
        if what in ("reachable", "shadowed") and kind == "criterion":
            question, _, criterion = name.partition("/")
            decided = first.overall.decided_by if question == "overall" else _question(first, question).decided_by
            ids = [c.id for c in (self.rulebook.overall.criteria if question == "overall" else self.rulebook.grading[question])]
            if what == "reachable":
                return decided is not None and decided.criterion == criterion
            return decided is not None and ids.index(decided.criterion) < ids.index(criterion)
        made = {f.rule for q in first.questions for f in q.findings}
        if what == "reachable" and kind == "finding":
            return name.split(" ")[-1] in made
        if what == "reachable" and kind == "recommendation":
            return name in {r.id for r in first.recommendations}
        if what == "opposite_polarity":
            return set(subject.removeprefix("finding rules ").split(" and ")) <= made
        return True  # totality: judging it without an error is the confirmation


def _question(result: Judgment, question: str) -> Any:
    return next(q for q in result.questions if q.id == question)


def lowered(rulebook: Rulebook, before: Judgment, after: Judgment) -> list[str]:
    """Questions graded before and lower (or not graded) after: what monotonicity forbids."""
    found = []
    for old, new in zip(before.questions, after.questions):
        if old.grade is not None and (new.grade is None or rulebook.grade(new.grade).rank > rulebook.grade(old.grade).rank):
            found.append(old.id)
    return found


def _shared(term: Expr, sharing: Sequence[tuple[Expr, Expr]]) -> Expr:
    return z3().substitute(term, *sharing) if sharing else term


class _Shared:
    """A model read through a pair's sharing: after's constants that are before's read as before's."""

    def __init__(self, model: Any, sharing: Sequence[tuple[Expr, Expr]]) -> None:
        self.model, self.sharing = model, sharing

    def eval(self, term: Expr, model_completion: bool = False) -> Any:
        return self.model.eval(_shared(term, self.sharing), model_completion=model_completion)
