"""From the rows (each bundle judged under both rulebooks) to the impact: transitions, the rules
responsible, the bundles affected, the bundles that could not be judged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from judgment._impact._judge import Row, Side
from judgment._impact._result import (Affected, Failure, Identity, Impact, Move, QuestionImpact, Responsible,
                                      Transition)
from judgment._impact._rules import file_changes, rule_changes
from judgment._rulebook._model import Rulebook

Pair = tuple[str | None, str | None]


def build(old: Rulebook, new: Rulebook, rows: Sequence[Row]) -> Impact:
    judged = [r for r in rows if r.old.problem is None and r.new.problem is None]
    questions = [(q.id, q.title) for q in old.questions]
    questions += [(q.id, q.title) for q in new.questions if q.id not in dict(questions)]
    rank = _ranks(old, new)
    per_question = tuple(_question(qid, title, [(r.old.grades.get(qid), r.new.grades.get(qid)) for r in judged], rank)
                         for qid, title in questions)
    graded_overall = old.overall.method != "ungraded" or new.overall.method != "ungraded"
    overall = _question("overall", new.overall.title, [(r.old.overall, r.new.overall) for r in judged], rank) \
        if graded_overall else None
    affected = tuple(a for a in (_affected(r, [q for q, _ in questions], graded_overall) for r in judged) if a.moves)
    return Impact(
        old=_identity(old), new=_identity(new), grades=_grades(old, new), bundles=len(rows), judged=len(judged),
        changed=len(affected), questions=per_question, overall=overall, responsible=_responsible(old, new, judged),
        files=tuple(file_changes(old, new)), rules=tuple(rule_changes(old, new)), affected=affected,
        failed=tuple(_failure(r) for r in rows if r.old.problem is not None or r.new.problem is not None),
        outside_old=_outside(old, judged), outside_new=_outside(new, judged))


def _outside(rulebook: Rulebook, rows: Sequence[Row]) -> int:
    """How many of the bundles judged are dated outside the rulebook's validity (ISO dates compare as text)."""
    start, end = rulebook.valid_from.isoformat(), None if rulebook.valid_to is None else rulebook.valid_to.isoformat()
    return sum(r.date is not None and (r.date < start or (end is not None and r.date > end)) for r in rows)


def _identity(rulebook: Rulebook) -> Identity:
    return Identity(rulebook.id, rulebook.version, rulebook.title, rulebook.sha256, rulebook.root,
                    rulebook.valid_from.isoformat(), None if rulebook.valid_to is None else rulebook.valid_to.isoformat())


def _grades(old: Rulebook, new: Rulebook) -> tuple[tuple[str, str], ...]:
    grades = [(g.id, g.label) for g in new.scale]
    return tuple(grades + [(g.id, g.label) for g in old.scale if g.id not in dict(grades)])


def _ranks(old: Rulebook, new: Rulebook) -> dict[str | None, int]:
    """Each grade's place, best first; not graded after every grade."""
    order: dict[str | None, int] = {g: i for i, (g, _) in enumerate(_grades(old, new))}
    order[None] = len(order)
    return order


def _question(qid: str, title: str, pairs: list[Pair], rank: dict[str | None, int]) -> QuestionImpact:
    counts = Counter(pairs)
    moved = [(a, b, n) for (a, b), n in counts.items() if a != b]
    up = sum(n for a, b, n in moved if a is not None and b is not None and rank[b] < rank[a])
    down = sum(n for a, b, n in moved if a is not None and b is not None and rank[b] > rank[a])
    transitions = tuple(Transition(a, b, n) for (a, b), n in
                        sorted(counts.items(), key=lambda item: (rank.get(item[0][0], -1), rank.get(item[0][1], -1))))
    return QuestionImpact(qid, title, len(pairs), sum(n for _, _, n in moved), up, down, transitions)


def _affected(row: Row, questions: list[str], overall: bool) -> Affected:
    moves = [Move(q, row.old.grades.get(q), row.new.grades.get(q)) for q in questions
             if row.old.grades.get(q) != row.new.grades.get(q)]
    if overall and row.old.overall != row.new.overall:
        moves.append(Move("overall", row.old.overall, row.new.overall))
    return Affected(row.path, row.organisation, tuple(moves))


def _responsible(old: Rulebook, new: Rulebook, rows: Sequence[Row]) -> tuple[Responsible, ...]:
    """Findings made, and criteria that decided, under one version only: in how many bundles, and
    in how many of those the grade of the rule's question changed. Most grades changed first."""
    question_of = {r.id: r.question for r in new.findings} | {r.id: r.question for r in old.findings}
    status = {(change.kind, change.id): change.status for change in rule_changes(old, new)}
    bundles: Counter[tuple[str, str, str, str]] = Counter()
    changed: Counter[tuple[str, str, str, str]] = Counter()
    for row in rows:
        for key in _one_sided(row.old, row.new, question_of, "old_only") | _one_sided(row.new, row.old, question_of,
                                                                                      "new_only"):
            bundles[key] += 1
            changed[key] += row.old.grades.get(key[2]) != row.new.grades.get(key[2])
    ranked = sorted(bundles, key=lambda k: (-changed[k], -bundles[k], k[0] != "finding", k[1], k[3]))
    return tuple(Responsible(kind, rule, question, side, bundles[kind, rule, question, side],
                             changed[kind, rule, question, side], status.get((kind, rule), "same"))
                 for kind, rule, question, side in ranked)


def _one_sided(this: Side, other: Side, question_of: dict[str, str], side: str) -> set[tuple[str, str, str, str]]:
    keys = {("finding", rule, question_of.get(rule, ""), side) for rule, _ in this.findings - other.findings}
    keys |= {("criterion", f"{q}/{criterion}", q, side) for q, criterion in this.decided.items()
             if other.decided.get(q) != criterion}
    return keys


def _failure(row: Row) -> Failure:
    both = row.old.problem is not None and row.new.problem is not None
    side = "both" if both else "old" if row.old.problem is not None else "new"
    return Failure(row.path, side, row.old.problem or row.new.problem or "")
