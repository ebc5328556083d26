"""diff_sides: compare two records' outcomes, name the inputs that changed, and give each
difference its cause (see _cause for the three records A, C, B)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from judgment._recdiff._cause import Method, cause_of
from judgment._recdiff._inputs import evidence_changes, rule_file_changes
from judgment._recdiff._model import DecisionDiff, Direction, FindingChange, GradeChange, RecommendationChange, \
    RecordSummary
from judgment._recdiff._outcome import OVERALL, Outcome, outcome_of
from judgment._recdiff._rejudge import rejudge, rules_of
from judgment._recdiff._sides import Side

#: The contract's standard grade ids, best first: the order used when B's rulebook cannot be read.
STANDARD_SCALE = ("outstanding", "good", "adequate", "requires_improvement", "inadequate")


def diff_sides(a: Side, b: Side, rules: Path | None = None) -> DecisionDiff:
    ra, rb = a.record, b.record
    evidence_changed = ra["evidence"]["sha256"] != rb["evidence"]["sha256"]
    rules_changed = ra["rulebook"]["sha256"] != rb["rulebook"]["sha256"]
    first, second = outcome_of(ra), outcome_of(rb)
    between, method, note, scale = _between(ra, rb, first, second, rules, evidence_changed, rules_changed)
    records, more = evidence_changes(ra["evidence"]["bundle"], rb["evidence"]["bundle"])
    grades = [_grade(q, first, between, second, method, scale) for q in _questions(first, second)]
    return DecisionDiff(
        a=_summary(a), b=_summary(b), evidence_changed=evidence_changed,
        evidence=records if evidence_changed else (), evidence_more=more if evidence_changed else 0,
        rules_changed=rules_changed, rule_files=rule_file_changes(ra["rulebook"]["files"], rb["rulebook"]["files"]),
        method=method, method_note=note,
        overall=_grade(OVERALL, first, between, second, method, scale),
        grades=tuple(g for g in grades if g is not None),
        findings=_findings(first, between, second, method),
        recommendations=_recommendations(first, between, second, method))


def _between(ra: dict[str, Any], rb: dict[str, Any], first: Outcome, second: Outcome, rules: Path | None,
             evidence_changed: bool, rules_changed: bool) -> tuple[Outcome, Method, str | None, tuple[str, ...]]:
    """C (A's evidence, B's rules), the method, why by hashes only, and the grade scale, best first."""
    wanted = evidence_changed and rules_changed or rules is not None or first.grades != second.grades
    read = rules_of(rb, rules) if wanted else None  # the scale, for which way a grade moved
    scale = tuple(g.id for g in read.rulebook.scale) if read and read.rulebook else STANDARD_SCALE
    if not (evidence_changed or rules_changed):
        return first, "unchanged", None, scale
    if not evidence_changed:
        return second, "hashes", None, scale
    if not rules_changed:
        return first, "hashes", None, scale
    assert read is not None
    made, problem = rejudge(ra, rb, read)
    if made is None:
        return first, "hashes_only", problem, scale
    return outcome_of(made), "rejudged", None, scale


def _questions(first: Outcome, second: Outcome) -> list[str]:
    return list(dict.fromkeys((*first.questions, *second.questions)))


def _grade(question: str, first: Outcome, between: Outcome, second: Outcome, method: Method,
           scale: tuple[str, ...]) -> GradeChange | None:
    before, after = first.grades.get(question), second.grades.get(question)
    if before == after:
        return None
    return GradeChange(question=question, title=second.titles.get(question) or first.titles.get(question, question),
                       before=before, after=after, before_label=first.labels.get((question, before)),
                       after_label=second.labels.get((question, after)), direction=direction(scale, before, after),
                       cause=cause_of(before, between.grades.get(question), after, method))


def direction(scale: tuple[str, ...], before: str | None, after: str | None) -> Direction:
    """Which way a grade moved by the scale's order (best first)."""
    if before is None:
        return "graded"
    if after is None:
        return "not_graded"
    if before in scale and after in scale:
        return "up" if scale.index(after) < scale.index(before) else "down"
    return "changed"


def _findings(first: Outcome, between: Outcome, second: Outcome, method: Method) -> tuple[FindingChange, ...]:
    keys = list(dict.fromkeys((*first.findings, *second.findings)))
    changes = []
    for key in keys:
        had, has = key in first.findings, key in second.findings
        if had != has:
            made = first.findings[key] if had else second.findings[key]
            changes.append(FindingChange(
                question=key[0], rule=key[1], polarity=str(made["polarity"]), text=str(made["text"]),
                bindings=dict(key[2]), source=str(made["source"]), change="lost" if had else "gained",
                cause=cause_of(had, key in between.findings, has, method)))
    return tuple(sorted(changes, key=lambda c: (_order(first, second, c.question), c.change == "gained")))


def _order(first: Outcome, second: Outcome, question: str) -> int:
    return _questions(first, second).index(question) if question in _questions(first, second) else 0


def _recommendations(first: Outcome, between: Outcome, second: Outcome,
                     method: Method) -> tuple[RecommendationChange, ...]:
    changes = []
    for key in dict.fromkeys((*first.recommendations, *second.recommendations)):
        had, has = key in first.recommendations, key in second.recommendations
        if had != has:
            made = first.recommendations[key] if had else second.recommendations[key]
            changes.append(RecommendationChange(id=key, rule=str(made["rule"]), text=str(made["text"]),
                                                change="lost" if had else "gained",
                                                cause=cause_of(had, key in between.recommendations, has, method)))
    return tuple(changes)


def _summary(side: Side) -> RecordSummary:
    record = side.record
    rulebook = record["rulebook"]
    return RecordSummary(file=side.name, organisation=str(record["inspection"]["organisation"]),
                         date=str(record["inspection"]["date"]), rulebook=f"{rulebook['id']} {rulebook['version']}",
                         rulebook_sha256=rulebook["sha256"], evidence_sha256=record["evidence"]["sha256"],
                         timestamp=record["timestamp"], seal_problems=side.seal_problems,
                         chosen=_chosen(rulebook.get("selection")))


def _chosen(selection: Any) -> str | None:
    """The record's `rulebook.selection` in words, when it has one (older records have none)."""
    if not isinstance(selection, dict) or not isinstance(selection.get("reason"), str):
        return None
    how = {"inspection date": "chosen by inspection date", "pinned": "pinned", "only": "the only version"}
    library = selection.get("library")
    place = f" from the library {library}" if isinstance(library, str) else ""
    return f"{how.get(str(selection.get('by')), 'chosen')}{place}: {selection['reason']}"
