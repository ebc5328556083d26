"""What proving a rulebook reports: one outcome per property and subject, as data.

Each outcome is `proved` (the solver showed no bundle breaks it), `refuted` (it did: the bundles that
break it come with it, judged again to confirm), `warning` (a fact to know, not a fault: findings of
opposite polarity made from the same records, an `otherwise` never reached) or `unknown` (the solver
ran out of time, or the rulebook uses a construct not translated yet: never counted as proved).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The properties `judgment prove` knows, in the order it proves them.
PROPERTIES = ("totality", "monotonicity", "no_dead_rule", "no_shadowing", "opposite_polarity")

STATUSES = ("proved", "refuted", "warning", "unknown")


@dataclass(frozen=True)
class Example:
    """A bundle the solver found: `label` says its part (``bundle``, or ``before`` / ``after``)."""

    label: str
    records: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Outcome:
    property: str
    subject: str  # what it is about, in words: "question reducing_crime", "field vulnerability.identification"
    status: str
    detail: str  # why, in words
    seconds: float
    examples: tuple[Example, ...] = ()
    confirmed: bool | None = None  # the examples judged again show it (None: nothing to judge)


@dataclass
class Proof:
    """Every outcome of proving one rulebook, and how it was bounded."""

    rulebook: str  # id@version
    slots: dict[str, int]
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def exit_code(self) -> int:
        """0 every property proved (warnings allowed); 1 one refuted; 8 one undecided."""
        if self.count("refuted"):
            return 1
        return 8 if self.count("unknown") else 0
