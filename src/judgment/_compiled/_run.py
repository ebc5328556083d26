"""Run a compiled rulebook over a bundle: findings, grades, recommendations, and their trace events.

This is the hot path of batch judging, so it builds no models and no words: a
:class:`Run` holds the records each finding bound and the raw trace events of
every test; :mod:`judgment._compiled._explain` turns a Run into a Judgment.
"""

from __future__ import annotations

import itertools
from itertools import groupby
from operator import itemgetter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from judgment._bundle import Bundle
from judgment._compiled._events import Event
from judgment._compiled._program import CompiledCriterion, CompiledFinding, Program, program_for
from judgment._compiled._runtime import Scope
from judgment._diagnostics import Diagnostic
from judgment._errors import JudgmentError
from judgment._rulebook._model import Criterion, Rulebook
from judgment._rulebook._pairs import in_id_order
from judgment.evidence import Record

#: A rule whose variables could bind more combinations than this is refused, not left to run for hours.
MAX_BINDINGS_PER_RULE = 100_000



#: One finding, as generated code makes it: (the rule's position in Program.findings, the records
#: bound to its variables, the trace of its condition). A plain tuple: a large rulebook makes many.
Made = tuple[int, tuple[Record, ...], Sequence[Event]]


class Tried(NamedTuple):
    """One criterion evaluated: whether it held, and its trace (None for 'otherwise')."""

    criterion: Criterion
    holds: bool | None
    events: list[Event] | None


@dataclass
class Run:
    """Everything a judgment needs, before it is put into words."""

    rulebook: Rulebook
    program: Program
    bundle: Bundle
    fired: dict[str, list[Made]]
    grades: dict[str, str | None] = field(default_factory=dict)  # None: not graded (see decided[q].criterion)
    decided: dict[str, Tried] = field(default_factory=dict)  # question -> the criterion that decided
    tried: dict[str, dict[int, Tried]] = field(default_factory=dict)  # question -> criterion index -> result
    overall: Tried | None = None  # the criterion that decided the overall grade, by the 'criteria' method
    overall_grade: str | None = None
    overall_not_graded: str | None = None  # why the overall judgment has no grade, when it is not graded
    recommended: list[tuple[int, list[Event]]] = field(default_factory=list)  # (recommendation index, trace)


def derive(program: Program, bundle: Bundle, kinds: frozenset[str] | None = None,
           records: Sequence[Record] | None = None) -> dict[str, list[Made]]:
    """Every finding, keyed by rule id, in evaluation order; within a rule, in the order of the ids
    of the records it bound, whatever order the records arrived in (a judgment lists them so).

    The records are bound in `records`' order (the bundle's records, rearranged) when given,
    else in id order: the order-independence checks vary it (judgment._api.judge_in_order)."""
    if records is None:
        return _derive(program, bundle.index_by_kind(), bundle.kinds if kinds is None else kinds, False)
    return _derive(program, _by_kind(records), bundle.kinds if kinds is None else kinds, True)


def derive_held(program: Program, records: Sequence[Record]) -> dict[str, list[Made]]:
    """`derive` over records held outside a bundle (a live session's): findings read only records."""
    return _derive(program, _by_kind(records), frozenset(record.kind for record in records), True)


def _derive(program: Program, by_kind: Mapping[str, Sequence[Record]], kinds: frozenset[str],
            rearranged: bool) -> dict[str, list[Made]]:
    # Records bound in id order make findings in that order already (a stable sort by rule keeps
    # it; the determinism property checks that it is so); in any other order, each rule's findings
    # are sorted by the ids of their records.
    place = _canonical if rearranged else _position
    fired: dict[str, list[Made]] = {}
    scope = Scope(kinds=kinds, fired=fired)
    findings, rule_ids = program.findings, program.rule_ids
    for stratum in program.strata:
        out: list[Made] = []
        for kind, shared in stratum.shared:
            for record in by_kind.get(kind, ()):
                shared(scope, out, record)
        out.sort(key=place)
        if not stratum.one_by_one:  # one rule after another, in evaluation order, as they are
            for position, group in groupby(out, _position):
                fired[rule_ids[position]] = list(group)
            continue
        made: dict[int, list[Made]] = {position: list(group) for position, group in groupby(out, _position)}
        for position in stratum.one_by_one:  # rules of several variables, or none
            made[position] = _fire(position, findings[position], by_kind, scope)
            if rearranged:
                made[position].sort(key=_canonical)
        for position in sorted(made):  # positions are in evaluation order, whatever order rules fired in
            if made[position]:
                fired[rule_ids[position]] = made[position]
    return fired


_position = itemgetter(0)


def _canonical(made: Made) -> tuple[int, tuple[str, ...]]:
    """A finding's place: its rule's position, then the ids of its records, variable by variable."""
    return made[0], tuple([record.id for record in made[1]])


def _by_kind(records: Sequence[Record]) -> dict[str, tuple[Record, ...]]:
    """The records of each kind, in the order given."""
    pools: dict[str, list[Record]] = {}
    for record in records:
        pools.setdefault(record.kind, []).append(record)
    return {kind: tuple(pool) for kind, pool in pools.items()}


def _fire(position: int, compiled: CompiledFinding, by_kind: Mapping[str, Sequence[Record]],
          scope: Scope) -> list[Made]:
    test = compiled.test
    assert test is not None
    made: list[Made] = []
    for combination in _combinations(compiled, by_kind):
        events: list[Event] = []
        if test(scope, events.append, *combination) is True:
            made.append((position, combination, events))
    return made


def _combinations(compiled: CompiledFinding, by_kind: Mapping[str, Sequence[Record]]) -> list[tuple[Record, ...]]:
    pools = [by_kind.get(kind, ()) for kind in compiled.kinds]
    size = 1
    for pool in pools:
        size *= len(pool)
    if size > MAX_BINDINGS_PER_RULE:
        raise JudgmentError([Diagnostic(
            "BAD_VALUE", f"rule {compiled.rule.id} would test {size:,} combinations of records; the limit is "
            f"{MAX_BINDINGS_PER_RULE:,}", compiled.rule.location, hint="narrow the rule to fewer records of each kind")])
    # Two variables never bind the same record; `unordered` ones bind each set once, in id order.
    at = compiled.rule.in_order
    return [c for c in itertools.product(*pools) if len({r.id for r in c}) == len(c)
            and (not at or in_id_order([r.id for r in c], at))]


def run(rulebook: Rulebook, bundle: Bundle, fired: dict[str, list[Made]] | None = None) -> Run:
    """Findings (derived here unless given), then grades children first, the overall, recommendations."""
    program = program_for(rulebook)
    kinds = bundle.kinds
    if fired is None:
        fired = derive(program, bundle, kinds)
    result = Run(rulebook, program, bundle, fired)
    scope = _grading_scope(rulebook, program, kinds, fired, result.grades)
    for question in rulebook.questions_children_first:
        scope.question = question
        tried: dict[int, Tried] = {}
        criteria = program.grading[question]
        decided = _decide(criteria, scope, tried)
        result.grades[question] = decided.criterion.grade
        # Why not the grades either side: tried now, while the scope is as it was when deciding.
        for index in program.neighbours[question][decided.criterion.grade]:
            if index not in tried:
                tried[index] = try_criterion(criteria[index], scope)
        result.decided[question], result.tried[question] = decided, tried
    scope.question = None
    if rulebook.overall.method == "criteria":
        result.overall = _decide(program.overall, scope, {})
    result.overall_grade, result.overall_not_graded = overall_grade(result)
    for index, compiled in enumerate(program.recommendations):
        events: list[Event] = []
        if compiled.test(scope, events.append) is True:
            result.recommended.append((index, events))
    return result


def _grading_scope(rulebook: Rulebook, program: Program, kinds: frozenset[str], fired: Mapping[str, list[Made]],
                   grades: dict[str, str | None]) -> Scope:
    counts: dict[tuple[str, str | None], int] = {}
    count_keys = program.count_keys
    for made in fired.values():
        for key in count_keys[made[0][0]]:
            counts[key] = counts.get(key, 0) + 1
    return Scope(kinds=kinds, fired=fired, counts=counts,
                 totals=rulebook.finding_totals, grades=grades, worst_first=rulebook.worst_first,
                 graded=rulebook.overall.questions)


#: Why a worst or best overall judgment has no grade: there was nothing to aggregate.
NOTHING_GRADED = "no question it aggregates was graded"


def overall_grade(done: Run) -> tuple[str | None, str | None]:
    """The overall grade, and why there is none when the judgment is not graded: by the decided
    criterion, or the worst or best grade of the questions that were graded (a question not graded
    is left out; with none graded, the overall judgment is not graded either), or none ('ungraded',
    which the rulebook declares and is no outcome of the evidence)."""
    rulebook, method = done.rulebook, done.rulebook.overall.method
    if done.overall is not None:
        return done.overall.criterion.grade, done.overall.criterion.not_graded
    if method not in ("worst", "best"):
        return None, None
    ranks = [rulebook.grade(g).rank for g in (done.grades[q] for q in rulebook.overall.questions) if g is not None]
    if not ranks:
        return None, NOTHING_GRADED
    return rulebook.scale[max(ranks) if method == "worst" else min(ranks)].id, None


def _decide(criteria: Sequence[CompiledCriterion], scope: Scope, tried: dict[int, Tried]) -> Tried:
    for index, compiled in enumerate(criteria):
        result = try_criterion(compiled, scope)
        tried[index] = result
        if result.holds is True:
            return result
    raise AssertionError("the checker guarantees a final 'otherwise' criterion")


def try_criterion(compiled: CompiledCriterion, scope: Scope) -> Tried:
    if compiled.test is None:
        return Tried(compiled.criterion, True, None)
    events: list[Event] = []
    return Tried(compiled.criterion, compiled.test(scope, events.append), events)
