"""The impact of a rule change over a corpus, as data: what `--format json` prints (judgment.impact/1).

Every list is in a fixed order (the rulebooks' questions and scale, rules ranked, bundles in corpus
order), so the same corpus and rulebooks give the same JSON; docs/impact.md describes each field."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from judgment._io._pretty import pretty_json

#: The schema id of the JSON `judgment impact --format json` prints.
SCHEMA = "judgment.impact/1"


@dataclass(frozen=True)
class Transition:
    old: str | None  # a grade id; None: not graded
    new: str | None
    count: int


@dataclass(frozen=True)
class QuestionImpact:
    id: str
    title: str
    judged: int
    changed: int
    up: int  # to a better grade
    down: int  # to a worse grade
    transitions: tuple[Transition, ...]


@dataclass(frozen=True)
class Responsible:
    kind: str  # finding: made under one version only; criterion: decided under one version only
    rule: str
    question: str
    side: str  # old_only | new_only
    bundles: int  # bundles where it was so
    changed: int  # of those, bundles whose grade for the question changed
    definition: str  # the rule itself between the rulebooks: same | changed | added | removed


@dataclass(frozen=True)
class Move:
    question: str  # a question id, or "overall"
    old: str | None
    new: str | None


@dataclass(frozen=True)
class Affected:
    path: str
    organisation: str | None
    moves: tuple[Move, ...]


@dataclass(frozen=True)
class Failure:
    path: str
    side: str  # old | new | both
    problem: str


@dataclass(frozen=True)
class Identity:
    id: str
    version: str
    title: str
    sha256: str
    folder: str
    valid_from: str
    valid_to: str | None  # None: no end


@dataclass(frozen=True)
class Impact:
    """What a rule change does to every judgment of a corpus; `to_data()` for tools."""

    old: Identity
    new: Identity
    grades: tuple[tuple[str, str], ...]  # (id, label) best first: the new scale, then grades only the old has
    bundles: int
    judged: int
    changed: int
    questions: tuple[QuestionImpact, ...]
    overall: QuestionImpact | None  # None when both rulebooks leave the overall judgment ungraded
    responsible: tuple[Responsible, ...]
    files: tuple[Any, ...]  # _rules.FileChange
    rules: tuple[Any, ...]  # _rules.RuleChange
    affected: tuple[Affected, ...]
    failed: tuple[Failure, ...]
    outside_old: int = 0  # bundles judged that are dated outside the old rulebook's validity
    outside_new: int = 0

    def label(self, grade: str | None) -> str:
        """A grade's label; "not graded" for None."""
        return "not graded" if grade is None else dict(self.grades).get(grade, grade)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, schema judgment.impact/1."""
        plain = dataclasses.asdict
        return {
            "schema": SCHEMA,
            "old": plain(self.old), "new": plain(self.new),
            "grades": [{"id": g, "label": label} for g, label in self.grades],
            "summary": {"bundles": self.bundles, "judged": self.judged, "failed": len(self.failed),
                        "changed": self.changed, "unchanged": self.judged - self.changed,
                        "outside_old": self.outside_old, "outside_new": self.outside_new},
            "questions": [plain(q) for q in self.questions],
            "overall": None if self.overall is None else plain(self.overall),
            "responsible": [plain(r) for r in self.responsible],
            "rule_changes": {"files": [plain(f) for f in self.files], "rules": [plain(r) for r in self.rules]},
            "bundles": [{"path": a.path, "organisation": a.organisation, "moves": [plain(m) for m in a.moves]}
                        for a in self.affected],
            "failed": [plain(f) for f in self.failed],
        }

    def to_json(self) -> str:
        return pretty_json(self.to_data()) + "\n"
