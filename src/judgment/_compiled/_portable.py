"""A Run as plain data, to cross a process boundary without its compiled functions.

A worker process packs what it ran (rule and criterion positions, record ids and
trace events); the parent unpacks it against its own rulebook and bundle, and can
then put it into words as if it had run it itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from judgment._bundle import Bundle
from judgment._compiled._events import Event
from judgment._compiled._program import program_for
from judgment._compiled._run import Made, Run, Tried, overall_grade
from judgment._rulebook._model import Rulebook

Attempt = tuple[int, "bool | None", "list[Event] | None"]  # (criterion position, holds, trace)


@dataclass(frozen=True)
class Packed:
    rulebook_sha256: str
    fired: tuple[tuple[str, tuple[tuple[int, tuple[str, ...], Sequence[Event]], ...]], ...]  # rule, (rule position, record ids, trace)
    grades: dict[str, str | None]
    decided: dict[str, int]
    tried: dict[str, tuple[Attempt, ...]]
    overall: Attempt | None
    recommended: list[tuple[int, list[Event]]]


def pack(done: Run) -> Packed:
    grading = done.program.grading

    def position(question: str | None, tried: Tried) -> int:
        criteria = grading[question] if question else done.program.overall
        return next(i for i, c in enumerate(criteria) if c.criterion is tried.criterion)

    return Packed(
        done.rulebook.sha256,
        tuple((rule, tuple((m[0], tuple(r.id for r in m[1]), m[2]) for m in made)) for rule, made in done.fired.items()),
        dict(done.grades), {q: position(q, t) for q, t in done.decided.items()},
        {q: tuple((i, t.holds, t.events) for i, t in tried.items()) for q, tried in done.tried.items()},
        None if done.overall is None else (position(None, done.overall), done.overall.holds, done.overall.events),
        done.recommended)


def unpack(packed: Packed, rulebook: Rulebook, bundle: Bundle) -> Run:
    if packed.rulebook_sha256 != rulebook.sha256:
        raise ValueError("a packed run can only be unpacked against the rulebook it was made with")
    program = program_for(rulebook)
    records = {r.id: r for r in bundle.records}
    fired: dict[str, list[Made]] = {
        rule: [(position, tuple(records[i] for i in ids), events) for position, ids, events in made]
        for rule, made in packed.fired}
    done = Run(rulebook, program, bundle, fired, dict(packed.grades))
    for question, attempts in packed.tried.items():
        criteria = program.grading[question]
        done.tried[question] = {i: Tried(criteria[i].criterion, holds, events) for i, holds, events in attempts}
        done.decided[question] = done.tried[question][packed.decided[question]]
    if packed.overall is not None:
        index, holds, events = packed.overall
        done.overall = Tried(program.overall[index].criterion, holds, events)
    done.recommended = list(packed.recommended)
    done.overall_grade, done.overall_not_graded = overall_grade(done)
    return done
