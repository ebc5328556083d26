"""The typed result of judging a bundle: grades, findings, recommendations, and why."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field

from judgment._diagnostics import Location
from judgment._errors import unknown_id
from judgment._frozen import AS_DICT, DEEP_FROZEN, DEEP_IN, DEEP_OUT, SHALLOW, TO_FROZEN, validated_copy


class _Frozen(BaseModel):
    """Immutable in fact: mappings inside are read-only (see ``_frozen``), so equal results hash alike."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with `update`, validated and frozen like the value itself (see ``validated_copy``)."""
        return validated_copy(self, update, deep, super().model_copy)  # type: ignore[no-any-return]


class Check(_Frozen):
    """One test inside a condition, with the values it compared and its outcome."""

    condition: str = Field(description="the source text of the test")
    values: tuple[str, ...] = Field(description="the operands, described in words")
    outcome: bool | None = Field(description="true, false, or null when evidence was missing")
    state: str | None = Field(default=None, description="above, below, in_line or indeterminate")


class Source(_Frozen):
    """The sentence behind one field a finding read: the field's own provenance, or the record's
    where the field has none. An auditor reads it to see that the fact was stated, and where."""

    record: str = Field(description="id of the evidence record")
    field: str = Field(description="the field of the record the condition read")
    own: bool = Field(description="true when the field has its own provenance; false when the record's stands for it")
    document: str = Field(description="the document the quote is from")
    section: str = Field(description="the section of the document")
    quote: str = Field(description="the sentence quoted (or paraphrased, as the bundle says)")
    page: int | None = Field(default=None, description="the page, when the bundle gives one")


class Finding(_Frozen):
    """A finding produced by one rule from one binding of evidence records."""

    rule: str
    question: str
    polarity: str
    text: str
    evidence: tuple[str, ...] = Field(description="ids of the evidence records behind this finding")
    bindings: Annotated[Mapping[str, str], AS_DICT, TO_FROZEN, SHALLOW] = Field(
        description="condition variable -> record id")
    derived_from: tuple[str, ...] = Field(default=(), description="findings this one was derived from")
    cite: str
    source: str = Field(description="rule file path:line")
    checks: tuple[Check, ...] = ()
    sources: tuple[Source, ...] = Field(
        default=(), description="for each record bound and each field the condition read (and those of the "
                                "findings it rests on), the provenance behind that field")


class Decision(_Frozen):
    """Which criterion decided a grade, and the findings it weighed."""

    criterion: str
    grade: str | None
    source: str
    condition: str | None
    cite: str | None = None
    checks: tuple[Check, ...] = ()
    findings: tuple[str, ...] = Field(default=(), description="rule ids of the findings the criterion weighed")


class CriterionAnalysis(_Frozen):
    """One criterion of a neighbouring grade: did it hold, and if not, what failed."""

    criterion: str
    source: str
    condition: str | None
    holds: bool | None
    failed: tuple[str, ...] = Field(description="each failing test, in words, with the values that made it fail")
    checks: tuple[Check, ...] = ()


class GradeAnalysis(_Frozen):
    """What the next better (or worse) grade would need."""

    grade: str
    label: str
    criteria: tuple[CriterionAnalysis, ...]
    note: str | None = None


class WhyNot(_Frozen):
    better: GradeAnalysis | None
    worse: GradeAnalysis | None


class QuestionJudgment(_Frozen):
    id: str
    title: str
    grade: str
    label: str
    decided_by: Decision
    findings: tuple[Finding, ...]
    why_not: WhyNot | None = None


class OverallJudgment(_Frozen):
    title: str
    method: str
    grade: str | None
    label: str | None
    summary: str | None = Field(description="the rulebook's statement of how the overall judgment is reached")
    narrative: str | None = Field(default=None, description="the inspection's own overall summary, if the bundle has one")
    decided_by: Decision | None = None


class Recommendation(_Frozen):
    id: str
    rule: str
    text: str
    deadline: str | None
    findings: tuple[str, ...] = Field(description="the findings that triggered it")
    cite: str | None
    source: str
    checks: tuple[Check, ...] = ()


class EvidenceUsed(_Frozen):
    """A quote a finding rests on: a record's own, or one of its fields' own (``field``)."""

    id: str = Field(description="id of the evidence record")
    kind: str = Field(description="the record's evidence kind")
    document: str = Field(description="the document quoted")
    section: str = Field(description="the section of the document")
    quote: str = Field(description="the sentence quoted")
    field: str | None = Field(default=None, description="the field this quote is the provenance of; null for the "
                                                        "record's own provenance")
    page: int | None = Field(default=None, description="the page, when the bundle gives one")


class RulebookIdentity(_Frozen):
    id: str
    title: str
    version: str
    valid_from: str
    valid_to: str | None
    sha256: str


class Judgment(_Frozen):
    """A whole judgment. ``to_json()`` keeps the keys other tools rely on stable."""

    rulebook: RulebookIdentity
    inspection: Annotated[Mapping[str, Any], DEEP_IN, DEEP_FROZEN, DEEP_OUT]
    engine: str
    overall: OverallJudgment
    questions: tuple[QuestionJudgment, ...]
    recommendations: tuple[Recommendation, ...]
    quotes: tuple[EvidenceUsed, ...] = Field(
        description="every evidence record a finding rests on, with its quote (field null), and each field quote "
                    "a finding read (field named), sorted by record id then field")

    def question(self, question_id: str) -> QuestionJudgment:
        """The judgment of one question; :class:`~judgment.UnknownIdError` if there is none by that id."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise unknown_id("question", question_id, (q.id for q in self.questions),
                         Location(f"<judgment by {self.rulebook.id}>"))

    @property
    def grades(self) -> dict[str, str]:
        return {q.id: q.grade for q in self.questions}

    def to_data(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        return json.dumps(self.to_data(), sort_keys=True, indent=2, ensure_ascii=False)

    def outcome(self) -> dict[str, Any]:
        """What both engines must agree on: grades, findings (rule and records), recommendations."""
        return {
            "overall": self.overall.grade,
            "questions": {q.id: q.grade for q in self.questions},
            "findings": sorted((f.rule, tuple(sorted(f.bindings.items()))) for q in self.questions for f in q.findings),
            "recommendations": sorted(r.id for r in self.recommendations),
        }
