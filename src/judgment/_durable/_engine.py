"""Judging with durable_rules as the engine of record, cross-checked by the reference evaluator."""

from __future__ import annotations

from collections.abc import Mapping

from judgment._bundle import Bundle
from judgment._diagnostics import Diagnostic, Location
from judgment._durable._ruleset import ruleset_for
from judgment._durable._session import EngineSession, FindingKey
from judgment._errors import EngineDisagreementError
from judgment._evaluator._findings import derive_findings
from judgment._evaluator._judge import ReferenceEvaluator
from judgment._judgment import Finding, Judgment
from judgment._rulebook._model import Rulebook

ENGINE = "durable_rules"


class DurableEngine:
    """Findings come from durable_rules; the reference evaluator must find exactly the same,
    then grades them and explains every outcome."""

    engine = ENGINE

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.ruleset = ruleset_for(rulebook)
        self.reference = ReferenceEvaluator(rulebook)

    def open(self) -> EngineSession:
        return EngineSession(self.ruleset)

    def judge(self, bundle: Bundle) -> Judgment:
        session = self.open()
        try:
            session.add(bundle.records)
            made = session.findings()
        finally:
            session.close()
        return self.explain(bundle, made)

    def explain(self, bundle: Bundle, made: set[FindingKey]) -> Judgment:
        expected = derive_findings(self.rulebook, bundle)
        cross_check(self.rulebook, made, expected, bundle.origin)
        return self.reference.judge_findings(bundle, expected, engine=ENGINE)


def finding_keys(findings: Mapping[str, list[Finding]]) -> set[FindingKey]:
    return {(f.rule, tuple(sorted(f.bindings.items()))) for fs in findings.values() for f in fs}


def cross_check(rulebook: Rulebook, made: set[FindingKey], expected: Mapping[str, list[Finding]],
                origin: str) -> None:
    """durable_rules and the reference evaluator must make the same findings from the same records."""
    reference = finding_keys(expected)
    if made == reference:
        return
    problems = []
    for rule, bindings in sorted(made ^ reference):
        which = "durable_rules" if (rule, bindings) in made else "the reference evaluator"
        records = ", ".join(f"{v}={r}" for v, r in bindings) or "no records"
        location = rulebook.finding_rule(rule).location if any(f.id == rule for f in rulebook.findings) \
            else Location(origin)
        problems.append(Diagnostic("ENGINE_DISAGREEMENT", f"only {which} made finding {rule} from {records}",
                                   location, hint="this is a bug in judgment; the judgment was withheld"))
    raise EngineDisagreementError(problems)
