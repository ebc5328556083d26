"""The result of a decision diff, as plain frozen data: what the command prints in every format, and
what `to_data()` gives a tool (schema judgment.decision-diff/1, documented in docs/diff.md)."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any, Literal

from judgment._recdiff._cause import Cause, Method
from judgment._recdiff._inputs import FileChange, RecordChange

SCHEMA = "judgment.decision-diff/1"
#: up/down by the scale's order (best first); graded/not_graded when a grade appears or goes;
#: changed when the grades are not both on the scale known.
Direction = Literal["up", "down", "graded", "not_graded", "changed"]


@dataclass(frozen=True)
class RecordSummary:
    """Who and what one record is about, and whether its seal holds."""

    file: str
    organisation: str
    date: str
    rulebook: str  # id and version
    rulebook_sha256: str
    evidence_sha256: str
    timestamp: str
    seal_problems: tuple[str, ...]
    chosen: str | None = None  # why this version of a library's rulebook judged, when the record says


@dataclass(frozen=True)
class GradeChange:
    question: str  # "" for the overall judgment
    title: str
    before: str | None
    after: str | None
    before_label: str | None
    after_label: str | None
    direction: Direction
    cause: Cause


@dataclass(frozen=True)
class FindingChange:
    question: str
    rule: str
    polarity: str
    text: str  # as made on the side that made it
    bindings: dict[str, str]
    source: str  # the rule's file:line in the rulebook that made it
    change: Literal["gained", "lost"]
    cause: Cause


@dataclass(frozen=True)
class RecommendationChange:
    id: str
    rule: str
    text: str
    change: Literal["gained", "lost"]
    cause: Cause


@dataclass(frozen=True)
class DecisionDiff:
    """What differs between decision records A and B, and why: each grade moved, finding and
    recommendation gained or lost, with its cause (evidence, rules, both, neither); the inputs that
    changed; and any broken seal, which a renderer shows before anything else."""

    a: RecordSummary
    b: RecordSummary
    evidence_changed: bool
    evidence: tuple[RecordChange, ...]
    evidence_more: int  # evidence records that differ beyond those listed
    rules_changed: bool
    rule_files: tuple[FileChange, ...]
    method: Method
    method_note: str | None  # why the attribution is by hashes only
    overall: GradeChange | None
    grades: tuple[GradeChange, ...]
    findings: tuple[FindingChange, ...]
    recommendations: tuple[RecommendationChange, ...]

    @property
    def seal_broken(self) -> bool:
        return bool(self.a.seal_problems or self.b.seal_problems)

    @property
    def outcome_differs(self) -> bool:
        """Whether a grade, a finding or a recommendation differs."""
        return bool(self.overall or self.grades or self.findings or self.recommendations)

    @property
    def exit_code(self) -> int:
        """3 a seal is broken; 1 the outcomes differ; 0 they do not."""
        return 3 if self.seal_broken else 1 if self.outcome_differs else 0

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, schema judgment.decision-diff/1."""
        data = dataclasses.asdict(self)
        data["outcome_differs"] = self.outcome_differs
        data["seal_broken"] = self.seal_broken
        data["attribution"] = {"method": data.pop("method"), "note": data.pop("method_note")}
        data["evidence"] = {"changed": data.pop("evidence_changed"), "records": data["evidence"],
                            "more": data.pop("evidence_more")}
        data["rules"] = {"changed": data.pop("rules_changed"), "files": data.pop("rule_files")}
        plain: dict[str, Any] = json.loads(json.dumps({"schema": SCHEMA, **data}))  # tuples as lists
        return plain

    def to_json(self) -> str:
        """`to_data()` as canonical JSON (RFC 8785), UTF-8 text."""
        import rfc8785

        return bytes(rfc8785.dumps(self.to_data())).decode("utf-8")
