"""Put a Run into words: the Judgment, with every check, decision and why-not of its trace."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from judgment._compiled._because import because
from judgment._compiled._codegen import Test
from judgment._compiled._events import checks, findings_used
from judgment._compiled._run import Made, Run, Tried
from judgment._compiled._sources import quotes, sources
from judgment._compiled._template import render_template
from judgment._compiled._whynot import Lacking, analyse, lacking_evidence, weighed
from judgment._frozen import FrozenMap, freeze
from judgment._judgment import (
    built,
    CrossCheck,
    Decision,
    EvidenceUsed,
    Finding,
    Judgment,
    OverallJudgment,
    QuestionJudgment,
    Recommendation,
    RulebookIdentity,
    WhyNot,
)
from judgment._rulebook._model import Criterion, FindingRule, Rulebook


def explain(run: Run, engine: str, cross_check: CrossCheck) -> Judgment:
    """The judgment in words; `engine` made the findings, `cross_check` says whether another made them too."""
    rulebook, bundle = run.rulebook, run.bundle
    tests = run.program.tests
    findings = _findings(run, tests)
    lacking = lacking_evidence(rulebook, {r for r, made in findings.items() if made}, bundle.kinds)
    return built(
        Judgment,
        rulebook=identity(rulebook), inspection=freeze(bundle.inspection.model_dump(mode="json", exclude_none=True)),
        engine=engine, cross_check=cross_check, overall=_overall(run, tests),
        questions=tuple(_question(run, q.id, findings, lacking.get(q.id, {}), tests) for q in rulebook.questions),
        recommendations=_recommendations(run, tests), quotes=_quotes(run, findings))


def _findings(run: Run, tests: Sequence[Test]) -> dict[str, list[Finding]]:
    made: dict[str, list[Finding]] = {}
    for rule_id, found in run.fired.items():  # evaluation order: what a finding rests on comes first
        made[rule_id] = [_finding(run.program.findings[m[0]].rule, m, made, tests) for m in found]
    return made


def _finding(rule: FindingRule, made: Made, earlier: Mapping[str, list[Finding]], tests: Sequence[Test]) -> Finding:
    _, records, events = made
    bindings = dict(zip((name for name, _ in rule.when.variables), records))
    derived = findings_used(events, tests)
    evidence = {r.id for r in records}
    rested_on = [finding for used in derived for finding in earlier[used]]
    for finding in rested_on:
        evidence.update(finding.evidence)
    return built(Finding, rule=rule.id, question=rule.question, polarity=rule.polarity,
                   text=render_template(rule.text, bindings), evidence=tuple(sorted(evidence)),
                   bindings=FrozenMap({n: r.id for n, r in bindings.items()}), derived_from=derived, cite=rule.cite,
                   source=rule.location.source, checks=checks(events, tests),
                   sources=sources(rule.when, bindings, rested_on))


def _question(run: Run, question_id: str, findings: Mapping[str, list[Finding]], lacking: Lacking,
              tests: Sequence[Test]) -> QuestionJudgment:
    rulebook = run.rulebook
    question, reached = rulebook.question(question_id), run.grades[question_id]
    asked = tuple(f for rule in rulebook.findings if rule.question == question_id for f in findings.get(rule.id, ()))
    criteria = [c.criterion for c in run.program.grading[question_id]]
    tried, decided = run.tried[question_id], run.decided[question_id]
    decision = _decision(decided, criteria, asked, tests)
    if reached is None:  # not graded: no grade either side to compare with
        return built(QuestionJudgment, id=question.id, title=question.title, grade=None, label=None, decided_by=decision,
                                findings=asked, why_not=built(WhyNot, better=None, worse=None),
                                not_graded=decided.criterion.not_graded)
    grade = rulebook.grade(reached)
    better = rulebook.scale[grade.rank - 1].id if grade.rank > 0 else None
    worse = rulebook.scale[grade.rank + 1].id if grade.rank + 1 < len(rulebook.scale) else None
    reasons = built(WhyNot, better=analyse(rulebook, criteria, tried, better, asked, tests, lacking),
                     worse=analyse(rulebook, criteria, tried, worse, asked, tests, lacking))
    return built(QuestionJudgment, id=question.id, title=question.title, grade=grade.id, label=grade.label,
                            decided_by=decision, findings=asked, why_not=reasons)


def _decision(tried: Tried, criteria: Sequence[Criterion], findings: Sequence[Finding], tests: Sequence[Test]) -> Decision:
    criterion = tried.criterion
    if criterion.when is None:  # 'otherwise' weighed everything the criteria before it did
        index = list(criteria).index(criterion)
        weighs = tuple(sorted({rule for c in criteria[:index] for rule in weighed(c, findings)}))
        condition = None
    else:
        weighs, condition = weighed(criterion, findings), criterion.when.text
    return built(Decision, criterion=criterion.id, grade=criterion.grade, source=criterion.location.source,
                    condition=condition, cite=criterion.cite, checks=checks(tried.events, tests), findings=weighs)


def _overall(run: Run, tests: Sequence[Test]) -> OverallJudgment:
    rulebook, overall, grade = run.rulebook, run.rulebook.overall, run.overall_grade
    decision = None if run.overall is None else _decision(run.overall, overall.criteria, (), tests)
    return built(OverallJudgment, title=overall.title, method=overall.method, summary=overall.summary,
                           narrative=run.bundle.inspection.summary, grade=grade,
                           label=rulebook.grade(grade).label if grade else None, decided_by=decision,
                           not_graded=run.overall_not_graded)


def _recommendations(run: Run, tests: Sequence[Test]) -> tuple[Recommendation, ...]:
    made = []
    for index, events in run.recommended:
        rule = run.program.recommendations[index].rule
        findings, grades = because(run.rulebook, rule.when, run.fired, run.grades, events, tests)
        made.append(built(
            Recommendation,
            id=rule.id, rule=rule.id, text=rule.text, deadline=rule.deadline.text if rule.deadline else None,
            findings=findings, cite=rule.cite, source=rule.location.source,
            checks=checks(events, tests), grades=FrozenMap(grades)))
    return tuple(made)


def _quotes(run: Run, findings: Mapping[str, list[Finding]]) -> tuple[EvidenceUsed, ...]:
    used = sorted({e for found in findings.values() for f in found for e in f.evidence})
    return quotes([run.bundle.record(i) for i in used], (f for found in findings.values() for f in found))


def identity(rulebook: Rulebook) -> RulebookIdentity:
    return built(RulebookIdentity, id=rulebook.id, title=rulebook.title, version=rulebook.version,
                            valid_from=rulebook.valid_from.isoformat(),
                            valid_to=rulebook.valid_to.isoformat() if rulebook.valid_to else None,
                            sha256=rulebook.sha256)
