"""Why a finding was gained or lost: its rule's condition evaluated on the other side's evidence.

A judgment traces only the findings it made, so a finding lost by a change has no trace on the
changed side. Its rule is evaluated once more, over the same records as changed, with the findings
the changed evidence made: the tests that now fail are the reason, in the engine's own words."""

from __future__ import annotations

from collections.abc import Mapping

from judgment._bundle import Bundle
from judgment._compiled import Scope, derive, evaluate, program_for
from judgment._judgment import Check, Finding
from judgment._rulebook._model import Rulebook


class Side:
    """One side of a what-if, ready to evaluate a finding rule again over its evidence."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle) -> None:
        self.rulebook, self.bundle = rulebook, bundle
        self._scope: Scope | None = None

    @property
    def scope(self) -> Scope:
        """What a condition sees besides its records: the kinds present and the findings made (derived once)."""
        if self._scope is None:
            self._scope = Scope(kinds=self.bundle.kinds, fired=derive(program_for(self.rulebook), self.bundle))
        return self._scope

    def missing(self, bindings: Mapping[str, str]) -> list[str]:
        """The bound records this side does not have."""
        present = {r.id for r in self.bundle.records}
        return [record for record in bindings.values() if record not in present]

    def checks(self, finding: Finding) -> tuple[Check, ...]:
        """The tests of `finding`'s rule over the same records on this side (which must all be here)."""
        rule = self.rulebook.finding_rule(finding.rule)
        records = {name: self.bundle.record(finding.bindings[name]) for name, _ in rule.when.variables}
        _, made = evaluate(rule.when.text, rule.when.node, records, self.scope, self.rulebook.vocabulary)
        return made


def lost_reason(finding: Finding, after: Side) -> tuple[tuple[Check, ...], str | None]:
    """The tests that fail (or are unknown) now; or, when a bound record is gone, a note naming it."""
    gone = after.missing(finding.bindings)
    if gone:
        return (), f"record {', '.join(gone)} was dropped"
    return tuple(c for c in after.checks(finding) if c.outcome is not True), None


def gained_reason(finding: Finding, before: Side) -> tuple[tuple[Check, ...], str | None]:
    """The tests that hold now and did not before; all of them, with a note, when a record is new."""
    new = before.missing(finding.bindings)
    if new:
        return finding.checks, f"record {', '.join(new)} was added"
    held = {c.condition for c in before.checks(finding) if c.outcome is True}
    return tuple(c for c in finding.checks if c.outcome is True and c.condition not in held), None
