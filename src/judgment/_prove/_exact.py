"""Exact minimal counterfactuals (issue 19, point 4): the fewest changed fields that move a grade, by z3.

The search (judgment._counterfactual) is exact over its move set; this is exact over every valid value.
For each question and direction, the solver is asked for a bundle one change away (a field of one record,
a record dropped or added: judgment._prove._exact_space counts them as the search does) whose grade is
the target, then two, up to `max_changes`: the first size it answers is the minimum. At that size the
sets of fields it finds are listed (each set once, with the values the solver chose: not the nearest),
each written back as changes (judgment._prove._exact_changes) and judged by the compiled engine: a set
judging does not confirm is ExactUnconfirmed, never listed.
"""

from __future__ import annotations

from collections.abc import Iterable

from judgment._bundle import Bundle
from judgment._counterfactual._api import DIRECTIONS, LIMIT, MAX_CHANGES, _target
from judgment._counterfactual._model import Counterfactual, Counterfactuals, GradeMove, QuestionCounterfactuals
from judgment._counterfactual._moves import Move
from judgment._counterfactual._reads import question_reads
from judgment._counterfactual._search import Outcome, verify
from judgment._counterfactual._words import explain, record_labels
from judgment._errors import BundleError
from judgment._fit import check_fit
from judgment._prove._exact_changes import made, moves_of
from judgment._prove._exact_space import Space
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment._rulebook._model import Rulebook

#: Seconds the solver may take for one question (one size, one set of fields).
TIMEOUT = 60.0
EXACT = "exact: fewest changed fields over every valid value (z3), not only the search's moves"


class ExactUnconfirmed(AssertionError):
    """The solver's changes, judged by the compiled engine, do not give the grade it claims: a translation defect."""


def exact_counterfactuals(rulebook: Rulebook, bundle: Bundle, *, questions: Iterable[str] | None = None,
                          direction: str = "both", max_changes: int = 2, any_date: bool = False,
                          timeout: float = TIMEOUT) -> Counterfactuals:
    """As :func:`judgment.counterfactuals`, but the fewest changes over every valid value, found by z3
    (ProveUnavailable without it); every set listed is judged by the compiled engine."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'up', 'down' or 'both', not {direction!r}")
    if isinstance(max_changes, bool) or not isinstance(max_changes, int) or not 1 <= max_changes <= MAX_CHANGES:
        raise ValueError(f"max_changes must be a whole number from 1 to {MAX_CHANGES}, not {max_changes!r}")
    z3()  # without the extra: ProveUnavailable, before any work
    asked = [q.id for q in rulebook.questions] if questions is None else [rulebook.question(q).id for q in questions]
    check_fit(rulebook, bundle, any_date)
    space = Space(rulebook, bundle, max_changes)
    solver = z3().Solver()
    solver.set("random_seed", 0)
    solver.set("timeout", max(1, int(timeout * 1000)))
    solver.add(*space.facts())
    exact = Exact(rulebook, bundle, space, solver, max_changes)
    found = tuple(exact.question(q, DIRECTIONS[direction]) for q in dict.fromkeys(asked))
    return Counterfactuals(rulebook.id, tuple((g.id, g.label) for g in rulebook.scale), max_changes, found)


class Exact:
    """One bundle's space and solver, asked about each question and direction in turn."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle, space: Space, solver: Expr, max_changes: int) -> None:
        self.rulebook, self.bundle, self.space, self.solver = rulebook, bundle, space, solver
        self.max_changes, self.labels = max_changes, record_labels(bundle, rulebook)

    def question(self, question: str, directions: tuple[str, ...]) -> QuestionCounterfactuals:
        base = verify(self.rulebook, self.bundle, question, ())
        moves = tuple(self._move(question, base, d) for d in directions)
        return QuestionCounterfactuals(question, self.rulebook.question(question).title, base.grade, moves)

    def _move(self, question: str, base: Outcome, direction: str) -> GradeMove:
        target, note = _target(self.rulebook, base.grade, direction)
        if target is None:
            return GradeMove(direction, None, (), False, note)
        goal = self.space.graded.rank[question] == self.rulebook.worst_first.index(target)
        sets, note = self._fewest(goal)
        listed = tuple(self._confirmed(question, target, base, s) for s in sorted(sets, key=_nearest)[:LIMIT])
        return GradeMove(direction, target, listed, len(sets) > LIMIT, note)

    def _fewest(self, goal: Expr) -> tuple[list[list[Move]], str]:
        """The sets of fewest changes giving `goal` (at most LIMIT + 1), and the note."""
        count = self.space.count()
        for size in range(1, self.max_changes + 1):
            self.solver.push()
            self.solver.add(goal, count <= size)
            sets, unknown = self._sets()
            self.solver.pop()
            if unknown:
                return sets, f"{EXACT}; the solver gave up at {size} change(s) ({unknown})"
            if sets:
                more = f"; more than {LIMIT} sets of fields, {LIMIT} listed" if len(sets) > LIMIT else ""
                return sets, EXACT + more
        return [], f"{EXACT}: no change of at most {self.max_changes} field(s) gives it"

    def _sets(self) -> tuple[list[list[Move]], str]:
        sets: list[list[Move]] = []
        while len(sets) <= LIMIT:
            answer = self.solver.check()
            if answer != z3().sat:
                return sets, "" if answer == z3().unsat else str(self.solver.reason_unknown())
            model = self.solver.model()
            try:
                sets.append(moves_of(self.space, model, self.bundle))
            except BundleError as invalid:
                raise ExactUnconfirmed(f"the solver's changes do not validate: {invalid}") from invalid
            self.solver.add(z3().Not(z3().And(*[self.space.changes[c] for c in made(self.space, model)])))
        return sets, ""

    def _confirmed(self, question: str, target: str, base: Outcome, moves: list[Move]) -> Counterfactual:
        after = verify(self.rulebook, self.bundle, question, moves)
        if after.grade != target:
            raise ExactUnconfirmed(f"{question}: the solver's changes {[m.change for m in moves]} give "
                                   f"{after.grade} when judged, not {target}")
        relevant = {r.id for r in question_reads(self.rulebook, question).rules}
        lost, gained = sorted((base.made - after.made) & relevant), sorted((after.made - base.made) & relevant)
        words = explain(self.rulebook, question, target, after.criterion, moves, lost, gained, self.labels)
        return Counterfactual(tuple(m.change for m in moves), target, after.criterion,
                              tuple(m.distance for m in moves), tuple(lost), tuple(gained), words)


def _nearest(moves: list[Move]) -> tuple[float, list[int], list[str]]:
    """As the search lists them: nearest first, then scales and figures before choices, adds and drops."""
    return sum(m.distance for m in moves), sorted(m.rank for m in moves), [repr(m.change) for m in moves]
