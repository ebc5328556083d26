"""What changed between two rulebooks: files by their hashes, rules by what they say.

A rule file whose SHA-256 is the same in both holds the same rules; in a file whose hash changed,
each rule is compared by its definition (condition, text, polarity, question, cite; a criterion also
by its place among its question's criteria, since the first that holds decides), never by its line."""

from __future__ import annotations

from dataclasses import dataclass

from judgment._rulebook._model import Criterion, Rulebook


@dataclass(frozen=True)
class FileChange:
    path: str
    status: str  # added | removed | changed
    old_sha256: str | None
    new_sha256: str | None


@dataclass(frozen=True)
class RuleChange:
    kind: str  # finding | criterion | recommendation
    id: str  # a criterion as question/criterion (overall/criterion for the overall judgment)
    status: str  # added | removed | changed
    source: str  # file:line, in the new rulebook (the old, when removed)
    old_when: str | None = None  # the condition, when it changed (None: added, removed, or the same)
    new_when: str | None = None


def file_changes(old: Rulebook, new: Rulebook) -> list[FileChange]:
    before, after = {f.path: f.sha256 for f in old.files}, {f.path: f.sha256 for f in new.files}
    changes = []
    for path in sorted(before.keys() | after.keys()):
        was, now = before.get(path), after.get(path)
        if was != now:
            changes.append(FileChange(path, "added" if was is None else "removed" if now is None else "changed", was, now))
    return changes


def rule_changes(old: Rulebook, new: Rulebook) -> list[RuleChange]:
    before, after = definitions(old), definitions(new)
    changes = []
    for key in sorted(before.keys() | after.keys()):
        was, now = before.get(key), after.get(key)
        if was is None or now is None or was[0] != now[0]:
            status = "added" if was is None else "removed" if now is None else "changed"
            conditions = (None, None) if was is None or now is None or was[2] == now[2] else (was[2], now[2])
            changes.append(RuleChange(key[0], key[1], status, (now or was or ((), "", None))[1], *conditions))
    return changes


#: (kind, id) -> (what the rule says, where it is written, its condition)
Definitions = dict[tuple[str, str], tuple[tuple[object, ...], str, str | None]]


def definitions(rulebook: Rulebook) -> Definitions:
    """Every rule of the rulebook by (kind, id)."""
    found: Definitions = {}
    for rule in rulebook.findings:
        found["finding", rule.id] = ((rule.question, rule.polarity, rule.when.text, rule.text.text, rule.cite),
                                     rule.location.source, rule.when.text)
    for question, criteria in rulebook.grading.items():
        for place, criterion in enumerate(criteria):
            found["criterion", f"{question}/{criterion.id}"] = _criterion(criterion, place)
    for place, criterion in enumerate(rulebook.overall.criteria):
        found["criterion", f"overall/{criterion.id}"] = _criterion(criterion, place)
    for recommendation in rulebook.recommendations:
        deadline = None if recommendation.deadline is None else recommendation.deadline.text
        found["recommendation", recommendation.id] = (
            (recommendation.when.text, deadline, recommendation.text, recommendation.cite), recommendation.location.source,
            recommendation.when.text)
    return found


def _criterion(criterion: Criterion, place: int) -> tuple[tuple[object, ...], str, str | None]:
    condition = None if criterion.when is None else criterion.when.text
    return (place, criterion.grade, condition, criterion.not_graded, criterion.cite), criterion.location.source, condition
