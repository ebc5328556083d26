"""What proving a rulebook reports: one outcome per property and subject, as data.

Each outcome is `proved` (the solver showed no bundle breaks it), `refuted` (it did: the bundles that
break it come with it, judged again to confirm), `warning` (a fact to know, not a fault: findings of
opposite polarity made from the same records, an `otherwise` never reached) or `unknown` (the solver
ran out of time, or the rulebook uses a construct not translated yet: never counted as proved).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

#: The properties `judgment prove` knows, in the order it proves them.
PROPERTIES = ("totality", "monotonicity", "no_dead_rule", "no_shadowing", "opposite_polarity")

STATUSES = ("proved", "refuted", "warning", "unknown")


@dataclass(frozen=True)
class ProofExample:
    """A bundle the solver found: `label` says its part (``bundle``, or ``before`` / ``after`` for a
    change); `records` as a bundle file writes them (`Proof.bundle_yaml` writes the whole bundle)."""

    label: str
    records: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class ProofOutcome:
    """One property about one subject: `status` is proved, refuted, warning or unknown; `detail` says why
    in words; `examples` are the bundles that show a refutation or warning (and a witness that a rule
    can fire), `confirmed` whether judging them with the compiled engine shows it."""

    property: str
    subject: str  # what it is about, in words: "question reducing_crime", "field vulnerability.identification"
    status: str
    detail: str
    seconds: float
    examples: tuple[ProofExample, ...] = ()
    confirmed: bool | None = None  # None: nothing to judge


@dataclass
class Proof:
    """Every outcome of proving one rulebook (:func:`judgment.prove`), in the order of PROPERTIES.

    `slots` bounds the records per kind the proof ranges over (enough for every bundle: see
    docs/prove.md); `exit_code` is what `judgment prove` exits with."""

    rulebook: str  # id@version
    vocabulary: str
    date: dt.date  # the inspection date counterexample bundles carry (the rulebook's first valid day)
    slots: dict[str, int]
    outcomes: list[ProofOutcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        """How many outcomes have this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    def bundle_yaml(self, example: ProofExample) -> str:
        """A counterexample as a whole bundle file, in YAML, for `judgment check` and `judgment run`."""
        from judgment._prove._example import bundle_yaml

        return bundle_yaml(list(example.records), self.vocabulary, self.date)

    def to_data(self, times: bool = False) -> dict[str, Any]:
        """The proof as JSON data (format judgment.proof/1); `times` adds the seconds each took."""
        from judgment._prove._render import to_data

        return to_data(self, times=times)

    @property
    def exit_code(self) -> int:
        """0 every property proved (warnings allowed); 1 one refuted; 8 one undecided."""
        if self.count("refuted"):
            return 1
        return 8 if self.count("unknown") else 0
