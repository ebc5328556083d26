"""Why not the next grade? The criteria of the grades either side of the one reached.

For each question, the criteria that would give the next better grade and the next
worse one are evaluated over the same findings: which held, which failed, and for each
failed test the values that made it fail, in words an inspector can read.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from judgment._compiled._codegen import Test
from judgment._compiled._events import checks
from judgment._compiled._sources import static
from judgment._judgment import Check, CriterionAnalysis, Finding, GradeAnalysis, built
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, Criterion, FindingRule, Rulebook

if TYPE_CHECKING:
    from judgment._compiled._run import Tried


#: For each finding rule of a question that was not made for want of evidence: its polarity, and the
#: kinds of record the bundle lacks that it (or a finding it reads) needed.
Lacking = Mapping[str, tuple[str, tuple[str, ...]]]

#: A finding rule as ``lacking_evidence`` reads it: id, question, polarity, the kinds its variables
#: bind, the findings it reads.
_Needs = tuple[str, str, str, tuple[str, ...], frozenset[str]]


def lacking_evidence(rulebook: Rulebook, made: Collection[str], kinds: Collection[str]) -> dict[str, Lacking]:
    """By question, the rules not made because a kind they read (directly, or through a finding they
    read) is missing from the bundle: a why-not names that evidence, not only the findings made."""
    wanting: dict[str, set[str]] = {}
    lacking: dict[str, Lacking] = {}
    for rule, question, polarity, bound, used in static("needs", rulebook.findings, _needs):
        if rule in made:  # in dependency order: a finding read is defined before its reader
            continue
        needs = {kind for kind in bound if kind not in kinds}
        for finding in used:
            needs |= wanting.get(finding, set())
        if needs:
            wanting[rule] = needs
            lacking[question] = {**lacking.get(question, {}), rule: (polarity, tuple(sorted(needs)))}
    return lacking


def _needs(rules: Sequence[FindingRule]) -> tuple[_Needs, ...]:
    return tuple((r.id, r.question, r.polarity, tuple(kind for _, kind in r.when.variables), r.when.findings_used)
                 for r in rules)


def analyse(rulebook: Rulebook, criteria: Sequence[Criterion], tried: Mapping[int, Tried], grade: str | None,
            findings: Sequence[Finding], tests: Sequence[Test], lacking: Lacking | None = None) -> GradeAnalysis | None:
    """The criteria giving `grade` (the next better or worse), as they were tried when grading."""
    if grade is None:
        return None
    label = rulebook.grade(grade).label
    chosen = [i for i, c in enumerate(criteria) if c.grade == grade]
    if not chosen:
        return built(GradeAnalysis, grade=grade, label=label, criteria=(),
                             note=f"no criterion of this question gives {label}")
    analyses = tuple(_criterion(tried[i], findings, tests, lacking or {}) for i in chosen)
    note = None
    if any(criteria[i].when is None for i in chosen):
        note = f"{label} is given when no earlier criterion holds"
    return built(GradeAnalysis, grade=grade, label=label, criteria=analyses, note=note)


def _criterion(tried: Tried, findings: Sequence[Finding], tests: Sequence[Test], lacking: Lacking) -> CriterionAnalysis:
    criterion = tried.criterion
    source = criterion.location.source
    if criterion.when is None:
        return built(CriterionAnalysis, criterion=criterion.id, source=source, condition=None, holds=True, failed=())
    made = checks(tried.events, tests)
    counted = _counted_in(criterion.when)
    failed = tuple(describe_failure(check, findings, counted.get(check.condition, ()), lacking)
                   for check in made if check.outcome is not True)
    return built(CriterionAnalysis, criterion=criterion.id, source=source, condition=criterion.when.text,
                             holds=tried.holds, failed=failed if tried.holds is not True else (), checks=made)


def describe_failure(check: Check, findings: Sequence[Finding], polarities: Collection[str] = (),
                     lacking: Lacking | None = None) -> str:
    """``count(area_for_improvement) == 0`` fails: it is 1 (evaluation_limited), not 0.

    `polarities` are those the test counts, read from its syntax (never from its text: the
    polarity ``concern`` is not counted by ``count(concern_serious)``)."""
    if check.state is not None and len(check.values) == 3:
        return f"{check.condition}: {check.values[2]}"
    if len(check.values) == 2:
        left, right = check.values
        words = f"{check.condition} does not hold: {left} against {right}"
    else:
        words = f"{check.condition} does not hold: {', '.join(check.values)}"
    counted = [_rules_of(polarity, findings) for polarity in sorted(polarities)
               if any(f.polarity == polarity for f in findings)]
    counted += _wanting(polarities, lacking or {})
    return words + (f" ({'; '.join(counted)})" if counted else "")


def _wanting(polarities: Collection[str], lacking: Lacking) -> list[str]:
    """``not made, as the bundle has no victim_satisfaction record: satisfaction_above_national``."""
    by_kinds: dict[tuple[str, ...], list[str]] = {}
    for rule, (polarity, kinds) in sorted(lacking.items()):
        if polarity in polarities:
            by_kinds.setdefault(kinds, []).append(rule)
    return [f"not made, as the bundle has no {' or '.join(kinds)} record: {', '.join(rules)}"
            for kinds, rules in sorted(by_kinds.items())]


def _rules_of(polarity: str, findings: Sequence[Finding]) -> str:
    rules = sorted({f.rule for f in findings if f.polarity == polarity})
    return f"{polarity.replace('_', ' ')}: {', '.join(rules)}"


def _counted_in(condition: Condition) -> dict[str, tuple[str, ...]]:
    """For each part of `condition`, by its source text (the text a check names), the
    polarities it counts with ``count``, ``any`` or ``total``."""
    return static("counted in", condition, _parts_counting)


def _parts_counting(condition: Condition) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for node in ast.walk(condition.node):
        polarities = _polarities(node)
        if polarities:
            found[condition.text[node.span.start:node.span.end]] = polarities
    return found


def _counted_by(condition: Condition) -> frozenset[str]:
    return frozenset(_polarities(condition.node))


def _polarities(node: ast.Node) -> tuple[str, ...]:
    """The polarities counted anywhere inside `node`."""
    counted = set()
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and inner.name in ("count", "any", "total") and inner.args:
            first = inner.args[0]
            if isinstance(first, ast.Path):
                counted.add(first.parts[0])
    return tuple(sorted(counted))


def weighed(criterion: Criterion, findings: Sequence[Finding]) -> tuple[str, ...]:
    """The findings a criterion looks at: those of the polarities it counts, and those it names."""
    if criterion.when is None:
        return ()
    polarities, named = static("polarities", criterion.when, _counted_by), criterion.when.findings_used
    return tuple(sorted({f.rule for f in findings if f.polarity in polarities or f.rule in named}))
