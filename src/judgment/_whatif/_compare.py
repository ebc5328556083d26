"""what_if: judge a bundle as given and as changed, and say what moved between the two."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from judgment._api import judge
from judgment._bundle import Bundle
from judgment._judgment import Check, Finding, Judgment, QuestionJudgment, Recommendation
from judgment._rulebook._model import Rulebook
from judgment._whatif._changes import Change, apply_changes, checked
from judgment._whatif._reasons import Side, gained_reason, lost_reason
from judgment._whatif._result import Direction, FindingChange, OverallChange, QuestionChange, RecommendationChange, WhatIf

Reason = Callable[[Finding], tuple[tuple[Check, ...], str | None]]


def what_if(rulebook: Rulebook, bundle: Bundle, changes: Sequence[Change], *, any_date: bool = False) -> WhatIf:
    """Judge `bundle` as given and with `changes` applied (:class:`SetField`, :class:`DropRecord`,
    :class:`AddRecord`, in order), and return both judgments and the difference: grades moved and
    which way, findings gained and lost with the tests that decided them, recommendations added and
    removed. A change that does not validate raises :class:`~judgment.BundleError` naming it, and
    nothing is judged; a value that is not a change is a TypeError."""
    given = checked(changes)
    changed_bundle = apply_changes(bundle, given)
    original = judge(rulebook, bundle, any_date=any_date)
    changed = judge(rulebook, changed_bundle, any_date=any_date)
    before, after = Side(rulebook, bundle), Side(rulebook, changed_bundle)
    questions = tuple(_question(rulebook, q, changed.question(q.id), before, after) for q in original.questions)
    was = {r.id: r for r in original.recommendations}
    now = {r.id: r for r in changed.recommendations}
    result = WhatIf(original=original, changed=changed, changes=given,
                    questions=questions,
                    recommendations_added=tuple(_recommendation(now[i]) for i in now if i not in was),
                    recommendations_removed=tuple(_recommendation(was[i]) for i in was if i not in now),
                    overall=_overall(rulebook, original, changed))
    result._bundle = changed_bundle
    return result


def _question(rulebook: Rulebook, was: QuestionJudgment, now: QuestionJudgment, before: Side,
              after: Side) -> QuestionChange:
    return QuestionChange(id=was.id, title=was.title, before=was.grade, after=now.grade, before_label=was.label,
                          after_label=now.label, direction=direction(rulebook, was.grade, now.grade),
                          decided_before=was.decided_by.criterion, decided_after=now.decided_by.criterion,
                          gained=_only(now.findings, was.findings, lambda f: gained_reason(f, before)),
                          lost=_only(was.findings, now.findings, lambda f: lost_reason(f, after)))


def _only(these: Sequence[Finding], those: Sequence[Finding], reason: Reason) -> tuple[FindingChange, ...]:
    """The findings of `these` (in rule order) that `those` lacks, a finding being its rule and records."""
    other = {_key(f) for f in those}
    return tuple(_change(f, *reason(f)) for f in these if _key(f) not in other)


def _key(finding: Finding) -> tuple[str, tuple[tuple[str, str], ...]]:
    return finding.rule, tuple(sorted(finding.bindings.items()))


def _change(finding: Finding, reason: tuple[Check, ...], note: str | None) -> FindingChange:
    return FindingChange(rule=finding.rule, question=finding.question, polarity=finding.polarity, text=finding.text,
                         bindings=finding.bindings, reason=reason, note=note)


def _recommendation(made: Recommendation) -> RecommendationChange:
    return RecommendationChange(id=made.id, rule=made.rule, text=made.text)


def _overall(rulebook: Rulebook, original: Judgment, changed: Judgment) -> OverallChange | None:
    was, now = original.overall, changed.overall
    moved = direction(rulebook, was.grade, now.grade)
    if moved is None:
        return None
    return OverallChange(before=was.grade, after=now.grade, before_label=was.label, after_label=now.label,
                         direction=moved)


def direction(rulebook: Rulebook, before: str | None, after: str | None) -> Direction | None:
    """Which way a grade moved by the scale's order (best first); None when it did not."""
    if before == after:
        return None
    if before is None:
        return "graded"
    if after is None:
        return "not_graded"
    return "up" if rulebook.grade(after).rank < rulebook.grade(before).rank else "down"
