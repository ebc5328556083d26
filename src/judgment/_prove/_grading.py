"""Grades, the overall judgment and recommendations of a symbolic bundle, as the compiled engine decides them.

Mirrors judgment._compiled._run.run: questions children first, each by its criteria in order (the first
that holds decides); `count(p)` counts the distinct finding rules of polarity p made for the question
being graded (for the overall judgment, for all questions); then the overall judgment (by its criteria,
or the worst or best grade among the questions graded), then each recommendation.

A grade is kept as its place on the scale worst first (`rank`: 0 the worst; the engine's Ranked), and
-1 for a question not graded; `decides[q][i]` holds when criterion i decides question q.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from judgment._lang import _ast as ast
from judgment._prove._model import FindingContext, SymbolicBundle, flag
from judgment._prove._translate import Translator
from judgment._prove._values import Expr, NotTranslated, Scalar, Truth
from judgment._prove._z3 import z3
from judgment._rulebook._model import Criterion

NOT_GRADED = -1


@dataclass
class Graded:
    """A symbolic bundle judged: per question the truth of each criterion, which decides, and the grade."""

    bundle: SymbolicBundle
    holds: dict[str, list[Expr]] = field(default_factory=dict)
    decides: dict[str, list[Expr]] = field(default_factory=dict)
    rank: dict[str, Expr] = field(default_factory=dict)  # question -> Int: worst-first place, or NOT_GRADED
    overall_holds: list[Expr] = field(default_factory=list)
    overall_decides: list[Expr] = field(default_factory=list)
    overall_rank: Expr | None = None  # None: the rulebook's overall judgment is ungraded
    recommended: dict[str, Expr] = field(default_factory=dict)

    def graded(self, question: str) -> Expr:
        return self.rank[question] >= 0


def grade(bundle: SymbolicBundle) -> Graded:
    rulebook = bundle.rulebook
    done = Graded(bundle)
    for question in rulebook.questions_children_first:
        context = GradingContext(done, question)
        criteria = rulebook.grading[question]
        done.holds[question] = [context.holds(c) for c in criteria]
        done.decides[question] = _first(done.holds[question])
        done.rank[question] = _outcome(done.decides[question], [_place(bundle, c) for c in criteria])
    context = GradingContext(done, None)
    method = rulebook.overall.method
    if method == "criteria":
        done.overall_holds = [context.holds(c) for c in rulebook.overall.criteria]
        done.overall_decides = _first(done.overall_holds)
        done.overall_rank = _outcome(done.overall_decides, [_place(bundle, c) for c in rulebook.overall.criteria])
    elif method in ("worst", "best"):
        done.overall_rank = _aggregate([done.rank[q] for q in rulebook.overall.questions], method)
    for recommendation in rulebook.recommendations:
        done.recommended[recommendation.id] = context.truth(recommendation.when.node).true
    return done


def _first(holds: Sequence[Expr]) -> list[Expr]:
    """Criterion i decides when it holds and none before it does."""
    return [z3().And(h, *[z3().Not(before) for before in holds[:i]]) for i, h in enumerate(holds)]


def _place(bundle: SymbolicBundle, criterion: Criterion) -> int:
    if criterion.grade is None:
        return NOT_GRADED
    return bundle.rulebook.worst_first.index(criterion.grade)


def _outcome(decides: Sequence[Expr], places: Sequence[int]) -> Expr:
    """The place of the deciding criterion's grade (the checker makes the last one `otherwise`)."""
    outcome = z3().IntVal(places[-1])
    for decided, place in reversed(list(zip(decides[:-1], places[:-1]))):
        outcome = z3().If(decided, z3().IntVal(place), outcome)
    return outcome


def _aggregate(ranks: Sequence[Expr], method: str) -> Expr:
    """The worst (lowest place) or best grade among the questions graded; NOT_GRADED when none is."""
    outcome = z3().IntVal(NOT_GRADED)
    for rank in ranks:
        better = rank < outcome if method == "worst" else rank > outcome
        outcome = z3().If(z3().And(rank >= 0, z3().Or(outcome < 0, better)), rank, outcome)
    return outcome


class GradingContext:
    """What a criterion or recommendation sees: findings made, kinds present, counts, grades so far."""

    def __init__(self, done: Graded, question: str | None) -> None:
        self.done, self.question = done, question

    def holds(self, criterion: Criterion) -> Expr:
        if criterion.when is None:
            return z3().BoolVal(True)
        try:
            return self.truth(criterion.when.node).true
        except NotTranslated as gap:
            where = f"criterion {criterion.question or 'overall'}/{criterion.id} ({criterion.location})"
            raise NotTranslated([f"{where}: {c}" for c in gap.constructs]) from None

    def truth(self, node: ast.Node) -> Truth:
        return Translator(self.done.bundle.symbols, {}, None, self).truth(node)

    def call(self, node: ast.Call) -> Truth | Scalar | None:
        if node.name in ("finding", "present", "missing"):  # as finding rules see them
            return FindingContext(self.done.bundle).call(node)
        names = [a.parts[0] for a in node.args if isinstance(a, ast.Path)]
        rulebook = self.done.bundle.rulebook
        if node.name in ("count", "any"):
            counted = self._count(names[0], names[1] if len(names) > 1 else self.question)
            return flag(counted > 0) if node.name == "any" else _number(z3().ToReal(counted))
        if node.name == "total":
            key = (names[0], names[1] if len(names) > 1 else self.question)
            return _number(z3().RealVal(rulebook.finding_totals.get(key, 0)))
        if node.name == "grade":
            rank = self.done.rank.get(names[0], z3().IntVal(NOT_GRADED))
            return Scalar("rank", rank >= 0, rank, rulebook.worst_first)
        if node.name == "count_grades":
            wanted = [rulebook.worst_first.index(g) for g in names]
            return _number(z3().ToReal(z3().Sum(z3().IntVal(0), *[
                z3().If(z3().Or(*[self.done.rank[q] == w for w in wanted]), 1, 0) for q in rulebook.overall.questions
                if q in self.done.rank])))
        return None

    def _count(self, polarity: str, question: str | None) -> Expr:
        """Distinct finding rules of the polarity made (for the question, when one is named or graded)."""
        rules = [r.id for r in self.done.bundle.rulebook.findings
                 if r.polarity == polarity and (question is None or r.question == question)]
        return z3().Sum(z3().IntVal(0), *[z3().If(self.done.bundle.finding(r), 1, 0) for r in rules])


def _number(term: Expr) -> Scalar:
    return Scalar("num", z3().BoolVal(True), term)
