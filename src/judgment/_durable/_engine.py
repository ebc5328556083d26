"""Judging with durable_rules as the engine of record, cross-checked by the compiled engine."""

from __future__ import annotations

from collections.abc import Sequence

from judgment._bundle import Bundle
from judgment._compiled import derive, explain, keys_of, program_for, run
from judgment._diagnostics import Diagnostic, Location
from judgment._durable._ruleset import ruleset_for
from judgment._durable._session import EngineSession, FindingKey
from judgment._engine._kinds import AGREED
from judgment._errors import EngineDisagreementError
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record

ENGINE = "durable_rules"


class DurableEngine:
    """Findings come from durable_rules; the compiled engine must find exactly the same,
    then grades them and explains every outcome."""

    engine = ENGINE

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.ruleset = ruleset_for(rulebook)
        self.program = program_for(rulebook)

    def open(self) -> EngineSession:
        return EngineSession(self.ruleset)

    def findings(self, bundle: Bundle, order: Sequence[Record] | None = None) -> set[FindingKey]:
        """The findings durable_rules makes from the bundle's records, nothing else; asserted in
        `order` (the bundle's records, rearranged) when given, else in id order.

        A one-shot session is opened and closed under the ruleset's lock, so that at most one is
        open at a time and none counts against the live sessions' quota: live sessions, even
        leaked ones, never stop a one-shot judgment."""
        with self.ruleset.lock:
            session = EngineSession(self.ruleset, bundle=bundle, live=False) if order is None else \
                EngineSession(self.ruleset, order, live=False)
            try:
                return session.findings()
            finally:
                session.close()

    def judge(self, bundle: Bundle, order: Sequence[Record] | None = None) -> Judgment:
        """`order`, when given, is the order both engines are handed the bundle's records in:
        what the order-independence checks vary (judgment._api.judge_in_order)."""
        return self.explain(bundle, self.findings(bundle, order), order)

    def explain(self, bundle: Bundle, made: set[FindingKey], order: Sequence[Record] | None = None) -> Judgment:
        fired = derive(self.program, bundle) if order is None else derive(self.program, bundle, records=order)
        cross_check(self.rulebook, made, keys_of(self.ruleset.variables, fired), bundle.origin)
        return explain(run(self.rulebook, bundle, fired), ENGINE, AGREED)


def cross_check(rulebook: Rulebook, made: set[FindingKey], expected: set[FindingKey], origin: str) -> None:
    """durable_rules and the compiled engine must make the same findings from the same records."""
    if made == expected:
        return
    problems = []
    for rule, bindings in sorted(made ^ expected):
        which = "durable_rules" if (rule, bindings) in made else "the compiled engine"
        records = ", ".join(f"{v}={r}" for v, r in bindings) or "no records"
        location = rulebook.finding_rule(rule).location if any(f.id == rule for f in rulebook.findings) \
            else Location(origin)
        problems.append(Diagnostic("ENGINE_DISAGREEMENT", f"only {which} made finding {rule} from {records}",
                                   location, hint="this is a bug in judgment; the judgment was withheld"))
    raise EngineDisagreementError(problems)
