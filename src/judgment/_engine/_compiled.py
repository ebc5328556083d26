"""The compiled engine as the engine of record, where durable_rules does not import.

It makes the findings, grades them and explains every outcome, as it does behind durable_rules;
only the cross-check is missing, and every judgment says so (``cross_check: unavailable``)."""

from __future__ import annotations

from collections.abc import Sequence

from judgment._bundle import Bundle
from judgment._compiled import ENGINE, Made, derive, derive_held, explain, finding_keys, program_for, run
from judgment._engine._kinds import UNAVAILABLE, FindingKey
from judgment._engine._session import CompiledSession
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record


class CompiledEngine:
    """Findings, grades and explanations from the compiled engine alone."""

    engine = ENGINE

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.program = program_for(rulebook)

    def open(self) -> CompiledSession:
        return CompiledSession(self)

    def findings(self, bundle: Bundle, order: Sequence[Record] | None = None) -> set[FindingKey]:
        """The findings the bundle's records make, bound in `order` when given, else in id order."""
        return finding_keys(self.rulebook, self._derive(bundle, order))

    def held_findings(self, records: Sequence[Record]) -> set[FindingKey]:
        """The findings records held outside a bundle make (a live session's)."""
        return finding_keys(self.rulebook, derive_held(self.program, records))

    def judge(self, bundle: Bundle, order: Sequence[Record] | None = None) -> Judgment:
        return explain(run(self.rulebook, bundle, self._derive(bundle, order)), ENGINE, UNAVAILABLE)

    def explain(self, bundle: Bundle, made: set[FindingKey], order: Sequence[Record] | None = None) -> Judgment:
        """The judgment of `bundle`, whose findings a session of this engine made: `made` is what
        the same derivation gives, so the bundle is judged again rather than trusted."""
        return self.judge(bundle, order)

    def _derive(self, bundle: Bundle, order: Sequence[Record] | None) -> dict[str, list[Made]]:
        return derive(self.program, bundle) if order is None else derive(self.program, bundle, records=order)
