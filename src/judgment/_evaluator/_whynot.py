"""Why not the next grade? The criteria of the grades either side of the one reached.

For each question, the criteria that would give the next better grade and the next
worse one are evaluated over the same findings: which held, which failed, and for each
failed test the values that made it fail, in words an inspector can read.
"""

from __future__ import annotations

from collections.abc import Sequence

from judgment._evaluator._expression import Context, evaluate
from judgment._judgment import Check, CriterionAnalysis, Finding, GradeAnalysis, WhyNot
from judgment._lang import _ast as ast
from judgment._rulebook._model import Criterion, Rulebook


def why_not(rulebook: Rulebook, criteria: Sequence[Criterion], grade: str, context: Context,
            findings: Sequence[Finding]) -> WhyNot:
    rank = rulebook.grade(grade).rank
    scale = rulebook.scale
    better = scale[rank - 1].id if rank > 0 else None
    worse = scale[rank + 1].id if rank + 1 < len(scale) else None
    return WhyNot(better=_analyse(rulebook, criteria, better, context, findings),
                  worse=_analyse(rulebook, criteria, worse, context, findings))


def _analyse(rulebook: Rulebook, criteria: Sequence[Criterion], grade: str | None, context: Context,
             findings: Sequence[Finding]) -> GradeAnalysis | None:
    if grade is None:
        return None
    label = rulebook.grade(grade).label
    chosen = [c for c in criteria if c.grade == grade]
    if not chosen:
        return GradeAnalysis(grade=grade, label=label, criteria=(),
                             note=f"no criterion of this question gives {label}")
    analyses = tuple(_criterion(c, context, findings) for c in chosen)
    note = None
    if any(c.when is None for c in chosen):
        note = f"{label} is given when no earlier criterion holds"
    return GradeAnalysis(grade=grade, label=label, criteria=analyses, note=note)


def _criterion(criterion: Criterion, context: Context, findings: Sequence[Finding]) -> CriterionAnalysis:
    source = criterion.location.source
    if criterion.when is None:
        return CriterionAnalysis(criterion=criterion.id, source=source, condition=None, holds=True, failed=())
    result = evaluate(criterion.when.text, criterion.when.node, {}, context)
    failed = tuple(describe_failure(check, findings) for check in result.checks if check.outcome is not True)
    return CriterionAnalysis(criterion=criterion.id, source=source, condition=criterion.when.text,
                             holds=result.outcome, failed=failed if result.outcome is not True else (),
                             checks=tuple(result.checks))


def describe_failure(check: Check, findings: Sequence[Finding]) -> str:
    """``count(area_for_improvement) == 0`` fails: it is 1 (evaluation_limited), not 0."""
    if check.state is not None and len(check.values) == 3:
        return f"{check.condition}: {check.values[2]}"
    if len(check.values) == 2:
        left, right = check.values
        words = f"{check.condition} does not hold: {left} against {right}"
    else:
        words = f"{check.condition} does not hold: {', '.join(check.values)}"
    counted = _counted(check.condition, findings)
    return words + (f" ({counted})" if counted else "")


def _counted(condition: str, findings: Sequence[Finding]) -> str:
    for polarity in sorted({f.polarity for f in findings}):
        if f"count({polarity}" in condition or f"any({polarity}" in condition:
            rules = sorted({f.rule for f in findings if f.polarity == polarity})
            return f"{polarity.replace('_', ' ')}: {', '.join(rules)}"
    return ""


def weighed(criterion: Criterion, findings: Sequence[Finding]) -> tuple[str, ...]:
    """The findings a criterion looks at: those of the polarities it counts, and those it names."""
    if criterion.when is None:
        return ()
    polarities, named = set(), set(criterion.when.findings_used)
    for node in ast.walk(criterion.when.node):
        if isinstance(node, ast.Call) and node.name in ("count", "any", "total") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Path):
                polarities.add(first.parts[0])
    return tuple(sorted({f.rule for f in findings if f.polarity in polarities or f.rule in named}))
