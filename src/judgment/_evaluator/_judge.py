"""The reference evaluator: it defines what a rulebook means, and explains every outcome."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from judgment._bundle import Bundle
from judgment._evaluator._expression import Context, evaluate
from judgment._evaluator._findings import derive_findings
from judgment._evaluator._values import Ranked
from judgment._evaluator._whynot import weighed, why_not
from judgment._judgment import (
    Check,
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
from judgment._rulebook._model import Criterion, Rulebook


class ReferenceEvaluator:
    """Judges bundles against one rulebook, in plain Python."""

    engine = "reference"

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self._totals = Counter((rule.polarity, rule.question) for rule in rulebook.findings)
        self._worst_first = tuple(g.id for g in reversed(rulebook.scale))
        self._order = self._questions_children_first()

    def judge(self, bundle: Bundle) -> Judgment:
        fired = derive_findings(self.rulebook, bundle)
        return self.judge_findings(bundle, fired)

    def judge_findings(self, bundle: Bundle, fired: Mapping[str, list[Finding]], engine: str | None = None) -> Judgment:
        """Grade, aggregate and recommend from findings; `engine` names the engine that made them."""
        counts = Counter((f.polarity, f.question) for f in (fs[0] for fs in fired.values()))
        grades: dict[str, str] = {}
        context = Context(
            kinds_present=frozenset(r.kind for r in bundle.records), findings_fired=fired,
            count=lambda p, q: _count(counts, p, q), total=lambda p, q: _count(self._totals, p, q),
            grade_of=lambda q: Ranked(grades[q], self._worst_first) if q in grades else None,
            count_grades=lambda wanted: sum(1 for q in self.rulebook.overall.questions if grades.get(q) in wanted))
        decisions, reasons = {}, {}
        for question in self._order:
            context.question = question
            criteria = self.rulebook.grading[question]
            asked = [f for rule in self.rulebook.findings if rule.question == question for f in fired.get(rule.id, ())]
            decisions[question] = self._decide(criteria, context, asked)
            grades[question] = decisions[question].grade or ""
            reasons[question] = why_not(self.rulebook, criteria, grades[question], context, asked)
        context.question = None
        return Judgment(
            rulebook=identity(self.rulebook), inspection=bundle.inspection.model_dump(mode="json", exclude_none=True),
            engine=engine or self.engine, overall=self._overall(grades, context, bundle.inspection.summary),
            questions=tuple(self._question(q.id, decisions[q.id], fired, reasons[q.id]) for q in self.rulebook.questions),
            recommendations=self._recommendations(context, fired), quotes=_evidence(bundle, fired))

    def _questions_children_first(self) -> list[str]:
        def depth(question_id: str) -> int:
            parent = self.rulebook.question(question_id).parent
            return 0 if parent is None else 1 + depth(parent)
        ids = [q.id for q in self.rulebook.questions]
        return sorted(ids, key=lambda q: (-depth(q), ids.index(q)))

    def _decide(self, criteria: tuple[Criterion, ...], context: Context,
                findings: Sequence[Finding] = ()) -> Decision:
        for index, criterion in enumerate(criteria):
            if criterion.when is None:  # 'otherwise' weighed everything the criteria before it did
                earlier = sorted({rule for c in criteria[:index] for rule in weighed(c, findings)})
                return _decision(criterion, None, (), tuple(earlier))
            result = evaluate(criterion.when.text, criterion.when.node, {}, context)
            if result.outcome is True:
                return _decision(criterion, criterion.when.text, tuple(result.checks), weighed(criterion, findings))
        raise AssertionError("the checker guarantees a final 'otherwise' criterion")

    def _question(self, question_id: str, decision: Decision, fired: Mapping[str, list[Finding]],
                  reasons: WhyNot) -> QuestionJudgment:
        question = self.rulebook.question(question_id)
        grade = self.rulebook.grade(decision.grade or "")
        findings = tuple(f for rule in self.rulebook.findings if rule.question == question_id
                         for f in fired.get(rule.id, ()))
        return QuestionJudgment(id=question.id, title=question.title, grade=grade.id, label=grade.label,
                                decided_by=decision, findings=findings, why_not=reasons)

    def _overall(self, grades: Mapping[str, str], context: Context, narrative: str | None) -> OverallJudgment:
        overall = self.rulebook.overall
        graded = [grades[q] for q in overall.questions]
        grade: str | None = None
        decision = None
        if overall.method == "criteria":
            decision = self._decide(overall.criteria, context)
            grade = decision.grade
        elif overall.method in ("worst", "best") and graded:
            ranks = [self.rulebook.grade(g).rank for g in graded]
            grade = self.rulebook.scale[max(ranks) if overall.method == "worst" else min(ranks)].id
        label = self.rulebook.grade(grade).label if grade else None
        return OverallJudgment(title=overall.title, method=overall.method, summary=overall.summary,
                               narrative=narrative, grade=grade, label=label, decided_by=decision)

    def _recommendations(self, context: Context, fired: Mapping[str, list[Finding]]) -> tuple[Recommendation, ...]:
        made = []
        for rule in self.rulebook.recommendations:
            result = evaluate(rule.when.text, rule.when.node, {}, context)
            if result.outcome is True:
                made.append(Recommendation(
                    id=rule.id, rule=rule.id, text=rule.text, deadline=rule.deadline.text if rule.deadline else None,
                    findings=tuple(sorted(result.findings_used)), cite=rule.cite, source=rule.location.source,
                    checks=tuple(result.checks)))
        return tuple(made)


def identity(rulebook: Rulebook) -> RulebookIdentity:
    return RulebookIdentity(id=rulebook.id, title=rulebook.title, version=rulebook.version,
                            valid_from=rulebook.valid_from.isoformat(),
                            valid_to=rulebook.valid_to.isoformat() if rulebook.valid_to else None,
                            sha256=rulebook.sha256)


def _count(counter: Counter[tuple[str, str]], polarity: str, question: str | None) -> int:
    if question is None:
        return sum(n for (p, _), n in counter.items() if p == polarity)
    return counter[(polarity, question)]


def _decision(criterion: Criterion, condition: str | None, checks: tuple[Check, ...],
              findings: tuple[str, ...]) -> Decision:
    return Decision(criterion=criterion.id, grade=criterion.grade, source=criterion.location.source,
                    condition=condition, cite=criterion.cite, checks=checks, findings=findings)




def _evidence(bundle: Bundle, fired: Mapping[str, list[Finding]]) -> tuple[EvidenceUsed, ...]:
    used = sorted({e for findings in fired.values() for f in findings for e in f.evidence})
    records = [bundle.record(i) for i in used]
    return tuple(EvidenceUsed(id=r.id, kind=r.kind, document=r.provenance.document, section=r.provenance.section,
                              quote=r.provenance.quote) for r in records)
