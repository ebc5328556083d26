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


def _described(text: str, **kwargs: Any) -> Any:
    return field(metadata={"description": text}, **kwargs)


@dataclass(frozen=True)
class ProofExample:
    """A bundle the solver found (`Proof.bundle_yaml` writes it as a whole bundle file)."""

    label: str = _described("its part: bundle, or before / after for a change")
    records: tuple[dict[str, object], ...] = _described("the records, as a bundle file writes them")
    written: bool = _described("false when the solver's numbers could not be written as evidence (no decimal "
                               "holds them exactly): the records are then empty and nothing is confirmed",
                               default=True)


@dataclass(frozen=True)
class ProofOutcome:
    """One property about one subject, proved, refuted, a warning, or not decided."""

    property: str = _described("the property: one of totality, monotonicity, no_dead_rule, no_shadowing, "
                               "opposite_polarity")
    subject: str = _described('what it is about, in words: "question reducing_crime", "field vulnerability.rate"')
    status: str = _described("proved, refuted, warning, or unknown (the solver gave up: never counted as proved)")
    detail: str = _described("why, in words")
    seconds: float = _described("how long the solver took")
    examples: tuple[ProofExample, ...] = _described(
        "the bundles that show a refutation or warning (before and after, for a change), or that a rule can fire",
        default=())
    confirmed: bool | None = _described(
        "whether judging the examples with the compiled engine shows it; null when there is nothing to judge",
        default=None)


@dataclass
class Proof:
    """Every outcome of proving one rulebook (:func:`judgment.prove`), in the order of the properties;
    `exit_code` is what `judgment prove` exits with: 0 all proved, 1 one refuted, 8 one not decided (or
    proved only for bundles of fewer records than every bundle needs, when no bound was asked for)."""

    rulebook: str = _described("the rulebook proved, as id@version")
    vocabulary: str = _described("its vocabulary's id, which counterexample bundles name")
    date: str = _described("the inspection date counterexample bundles carry (the rulebook's first valid day), ISO")
    slots: dict[str, int] = _described("per kind, the most records a bundle the proof ranges over holds: enough "
                                       "for every bundle (docs/prove.md)")
    outcomes: list[ProofOutcome] = _described("every outcome, property by property", default_factory=list)
    seconds: float = _described("how long the whole proof took", default=0.0)
    records: int | None = _described("the most records of a kind asked for (--records); null: every bundle",
                                     default=None)
    cut: dict[str, tuple[int, int]] = _described(
        "kinds the proof left fewer record slots than every bundle needs, as (slots, needed): the outcomes hold "
        "for bundles of at most that many records of the kind; empty: for every bundle", default_factory=dict)

    def count(self, status: str) -> int:
        """How many outcomes have this status."""
        return sum(1 for o in self.outcomes if o.status == status)

    def bundle_yaml(self, example: ProofExample) -> str:
        """A counterexample as a whole bundle file, in YAML, for `judgment check` and `judgment run`."""
        from judgment._prove._example import bundle_yaml

        return bundle_yaml(list(example.records), self.vocabulary, dt.date.fromisoformat(self.date))

    def to_data(self, times: bool = False) -> dict[str, Any]:
        """The proof as JSON data (format judgment.proof/1); `times` adds the seconds each took."""
        from judgment._prove._render import to_data

        return to_data(self, times=times)

    @property
    def exit_code(self) -> int:
        """0 every property proved (warnings allowed); 1 one refuted; 8 one undecided."""
        if self.count("refuted"):
            return 1
        return 8 if self.count("unknown") or (self.cut and self.records is None) else 0
