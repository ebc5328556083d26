"""judgment.counterfactuals: the smallest evidence changes that move each question's grade one step."""

from __future__ import annotations

from collections.abc import Iterable

from judgment._bundle import Bundle
from judgment._counterfactual._adds import record_adds
from judgment._counterfactual._model import Counterfactual, Counterfactuals, GradeMove, QuestionCounterfactuals
from judgment._counterfactual._moves import Move, record_moves
from judgment._counterfactual._reads import question_reads
from judgment._counterfactual._search import Judge, search, verify
from judgment._counterfactual._words import explain, record_labels
from judgment._fit import check_fit
from judgment._rulebook._model import Rulebook

#: Most counterfactuals listed per question and direction (GradeMove.cut says when more were found).
LIMIT = 10
#: Most changes in one counterfactual the search will be asked for: sets are judged by the thousand.
MAX_CHANGES = 3
DIRECTIONS = {"up": ("up",), "down": ("down",), "both": ("up", "down")}


def counterfactuals(rulebook: Rulebook, bundle: Bundle, *, questions: Iterable[str] | None = None,
                    direction: str = "both", max_changes: int = 2, any_date: bool = False,
                    exact: bool = False) -> Counterfactuals:
    """For each question (all, or those named), the smallest sets of evidence changes that move its
    grade exactly one step up and one step down the rulebook's scale, each judged by the compiled engine.

    Smallest means fewest changes, then, among sets changing the same fields, nearest on every scale;
    every equally small set is listed, up to ten per question and direction. The search is exact
    within `max_changes` changes (1 to 3) over its move set (docs/counterfactuals.md): no set of at
    most that many moves that gives the target grade is missed. "Not graded" is no step on the
    scale: a question not graded has no move up or down, and a change that leaves a question not
    graded never counts as moving it. The inspection must be dated while the rulebook is in force,
    unless `any_date`. With `exact`, the z3 solver finds the fewest changes over every valid value, not
    only the search's moves (the judgment[prove] extra; docs/counterfactuals.md, "Exact")."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be 'up', 'down' or 'both', not {direction!r}")
    if isinstance(max_changes, bool) or not isinstance(max_changes, int) or not 1 <= max_changes <= MAX_CHANGES:
        raise ValueError(f"max_changes must be a whole number from 1 to {MAX_CHANGES}, not {max_changes!r}")
    if exact is not False and exact is not True:
        raise ValueError(f"exact must be True or False, not {exact!r:.40}")
    if exact:
        from judgment._prove._exact import exact_counterfactuals

        return exact_counterfactuals(rulebook, bundle, questions=questions, direction=direction,
                                     max_changes=max_changes, any_date=any_date)
    asked = [q.id for q in rulebook.questions] if questions is None else [rulebook.question(q).id for q in questions]
    check_fit(rulebook, bundle, any_date)
    labels = record_labels(bundle, rulebook)
    found = tuple(_question(rulebook, bundle, q, DIRECTIONS[direction], max_changes, labels)
                  for q in dict.fromkeys(asked))
    return Counterfactuals(rulebook.id, tuple((g.id, g.label) for g in rulebook.scale), max_changes, found)


def _question(rulebook: Rulebook, bundle: Bundle, question: str, directions: tuple[str, ...], max_changes: int,
              labels: dict[str, str]) -> QuestionCounterfactuals:
    reads = question_reads(rulebook, question)
    judge = Judge(rulebook, bundle, question, reads.kinds, reads.questions)
    grade = judge.base.grade
    targets, notes = {}, {}
    for direction in directions:
        target, notes[direction] = _target(rulebook, grade, direction)
        if target is not None:
            targets[direction] = target
    moves = record_moves(judge.bundle, reads, rulebook.vocabulary) + record_adds(rulebook, judge.bundle, reads)
    found = search(judge, moves, targets, max_changes) if targets else {}
    relevant = {r.id for r in reads.rules}
    result = []
    for direction in directions:
        sets = found.get(direction, [])
        listed = tuple(_counterfactual(judge, question, chosen, relevant, labels) for chosen in sets[:LIMIT])
        note = notes[direction] if direction not in targets else (
            f"{len(sets)} found, {LIMIT} listed" if len(sets) > LIMIT else
            "" if sets else f"no change of at most {max_changes} within the search's moves gives it")
        result.append(GradeMove(direction, targets.get(direction), listed, len(sets) > LIMIT, note))
    return QuestionCounterfactuals(question, rulebook.question(question).title, grade, tuple(result))


def _target(rulebook: Rulebook, grade: str | None, direction: str) -> tuple[str | None, str]:
    if grade is None:
        return None, "not graded: no step up or down the scale from here"
    rank = rulebook.grade(grade).rank + (-1 if direction == "up" else 1)
    if not 0 <= rank < len(rulebook.scale):
        return None, "already the best grade" if direction == "up" else "already the worst grade"
    return rulebook.scale[rank].id, ""


def _counterfactual(judge: Judge, question: str, chosen: tuple[Move, ...], relevant: set[str],
                    labels: dict[str, str]) -> Counterfactual:
    after, before = verify(judge.rulebook, judge.bundle, question, chosen), judge.base
    if (after.grade, after.criterion) != (judge.outcome(chosen).grade, judge.outcome(chosen).criterion):
        raise AssertionError(f"the search and the judgment of {[m.change for m in chosen]} disagree")
    lost = tuple(sorted((before.made - after.made) & relevant))
    gained = tuple(sorted((after.made - before.made) & relevant))
    assert after.grade is not None  # the search counts only grades on the scale
    words = explain(judge.rulebook, question, after.grade, after.criterion, chosen, lost, gained, labels)
    return Counterfactual(tuple(m.change for m in chosen), after.grade, after.criterion,
                          tuple(m.distance for m in chosen), lost, gained, words)
