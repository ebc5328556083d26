"""The search: sets of moves by size, each judged by the compiled engine, smallest first.

Sets of one move are judged first, then of two, up to the bound; a direction is settled at the first
size that moves the grade to its target, so every set listed is of the fewest changes that can, and
no set listed holds a smaller one that moves it (that one would have been found a size earlier).
Of the sets that change the same fields, those further on every scale than another are left out.
Every set is judged on the whole changed bundle (records changed through the vocabulary's models),
so what is listed is what judging that evidence gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations, product

from judgment._bundle import Bundle
from judgment._compiled import derive, program_for, run
from judgment._compiled._run import _decide, _grading_scope
from judgment._counterfactual._moves import Move
from judgment._rulebook._model import Rulebook
from judgment._whatif._changes import apply_changes
from judgment.evidence import Record


@dataclass(frozen=True)
class Outcome:
    """What judging one changed bundle gave for one question: its grade, the criterion that decided
    it, and the finding rules made."""

    grade: str | None
    criterion: str
    made: frozenset[str]


class Judge:
    """Judges one question on changed evidence with the compiled engine, each set of changes once.

    Only what the question's grade depends on is derived: the records of the kinds its rules read
    (judgment._counterfactual._reads), with every kind the changed bundle holds visible to
    present() and missing(). The sets listed are judged again on the whole changed bundle
    (:func:`verify`)."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle, question: str, kinds: set[str],
                 questions: Sequence[str]) -> None:
        self.rulebook, self.bundle, self.question = rulebook, bundle, question
        self.order = [q for q in rulebook.questions_children_first if q in questions]
        self.program = program_for(rulebook)
        self.kinds = frozenset(kinds)
        self.records: dict[str, Record] = {r.id: r for r in bundle.records}
        self.seen: dict[tuple[int, ...], Outcome] = {}
        self.base = self.outcome(())

    def outcome(self, moves: Sequence[Move]) -> Outcome:
        key = tuple(sorted(id(m) for m in moves))
        known = self.seen.get(key)
        if known is None:
            known = self.seen[key] = self._judge(self._changed(moves))
        return known

    def _judge(self, records: list[Record]) -> Outcome:
        kinds = frozenset(r.kind for r in records)
        read = sorted((r for r in records if r.kind in self.kinds), key=_record_id)
        fired = derive(self.program, self.bundle, kinds, records=read)
        grades: dict[str, str | None] = {}
        scope = _grading_scope(self.rulebook, self.program, kinds, fired, grades)
        decided = None
        for question in self.order:
            scope.question = question
            decided = _decide(self.program.grading[question], scope, {})
            grades[question] = decided.criterion.grade
        assert decided is not None  # the question itself is graded last
        return Outcome(decided.criterion.grade, decided.criterion.id, frozenset(fired))

    def _changed(self, moves: Sequence[Move]) -> list[Record]:
        touched = [m.slot[1] for m in moves if m.slot[0] == "set"]
        if len(touched) != len(set(touched)):  # two fields of one record: applied one after the other
            return list(apply_changes(self.bundle, [m.change for m in moves]).records)
        records = dict(self.records)
        for move in moves:
            if move.record is None:
                del records[move.slot[1]]
            else:
                records[move.record.id] = move.record
        return list(records.values())


def verify(rulebook: Rulebook, bundle: Bundle, question: str, moves: Sequence[Move]) -> Outcome:
    """The question judged on the whole bundle with the changes applied (validated as a bundle file
    would be), by the compiled engine."""
    done = run(rulebook, apply_changes(bundle, [m.change for m in moves]))
    return Outcome(done.grades[question], done.decided[question].criterion.id, frozenset(done.fired))


def _record_id(record: Record) -> str:
    return record.id


def compatible(moves: Sequence[Move]) -> bool:
    """One move per slot, and nothing else done to a record that is dropped."""
    slots = [m.slot for m in moves]
    dropped = {m.slot[1] for m in moves if m.slot[0] == "drop"}
    return len(set(slots)) == len(slots) and not any(m.slot[0] == "set" and m.slot[1] in dropped for m in moves)


def search(judge: Judge, moves: Sequence[Move], targets: dict[str, str],
           max_changes: int) -> dict[str, list[tuple[Move, ...]]]:
    """For each direction, the sets of fewest moves that give the judge's question its target grade."""
    found: dict[str, list[tuple[Move, ...]]] = {d: [] for d in targets}
    open_ = dict(targets)
    for size in range(1, max_changes + 1):
        if not open_:
            break
        for chosen in combinations(moves, size):
            if not compatible(chosen):
                continue
            grade = judge.outcome(chosen).grade
            for direction, target in open_.items():
                if grade == target:
                    found[direction].append(chosen)
        open_ = {d: t for d, t in open_.items() if not found[d]}
    return {d: nearest([expanded for chosen in sets for expanded in product(*[(m, *m.equivalents) for m in chosen])])
            for d, sets in found.items()}


def nearest(sets: list[tuple[Move, ...]]) -> list[tuple[Move, ...]]:
    """The sets no other set of the same slots beats on every scale, nearest first."""
    def slots(chosen: tuple[Move, ...]) -> tuple[tuple[str, ...], ...]:
        return tuple(m.slot for m in chosen)

    def beaten(chosen: tuple[Move, ...]) -> bool:
        return any(slots(other) == slots(chosen) and other != chosen
                   and all(o.distance <= c.distance for o, c in zip(other, chosen))
                   and any(o.distance < c.distance for o, c in zip(other, chosen)) for other in sets)
    kept = [chosen for chosen in sets if not beaten(chosen)]
    return sorted(kept, key=lambda chosen: (sum(m.distance for m in chosen), sorted(m.rank for m in chosen),
                                            [m.slot for m in chosen], [repr(m.change) for m in chosen]))
