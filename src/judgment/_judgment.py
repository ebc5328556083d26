"""The typed result of judging a bundle: grades, findings, recommendations, and why."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from judgment._diagnostics import Location
from judgment._errors import unknown_id
from judgment._frozen import AS_DICT, DEEP_FROZEN, DEEP_IN, DEEP_OUT, SHALLOW, TO_FROZEN, validated_copy
from judgment._io._pretty import pretty_json


class _Frozen(BaseModel):
    """Immutable in fact: mappings inside are read-only (see ``_frozen``), so equal results hash alike."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy; with `update`, validated and frozen like the value itself (see ``validated_copy``)."""
        return validated_copy(self, update, deep, super().model_copy)  # type: ignore[no-any-return]


M = TypeVar("M", bound=BaseModel)

_new, _set = object.__new__, object.__setattr__


def built(model: type[M], /, **fields: Any) -> M:
    """A result model of values judgment's own code made, each already of its field's type (tuples,
    strings, FrozenMap for a mapping): put together without validating again, as validating costs
    about 3 us a model and a judgment in words has a hundred (``model_construct`` is slower still).
    Never for data from outside (a bundle, a file, a caller's dict): that is validated as it enters."""
    value = _new(model)
    _set(value, "__dict__", {name: fields[name] if name in fields else default() for name, default in _defaults(model)})
    _set(value, "__pydantic_fields_set__", set(fields))
    _set(value, "__pydantic_extra__", None)
    _set(value, "__pydantic_private__", None)
    return value


def _defaults(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """Each field of `model`, in order, with what makes its default (only called when it is left out)."""
    known = _DEFAULTS.get(model)
    if known is None:
        known = _DEFAULTS[model] = tuple((name, _default_of(info)) for name, info in model.model_fields.items())
    return known


def _default_of(info: Any) -> Any:
    if info.default_factory is not None:
        return info.default_factory
    return lambda: info.get_default()


_DEFAULTS: dict[type[BaseModel], tuple[tuple[str, Any], ...]] = {}


class Check(_Frozen):
    """One test inside a condition, with the values it compared and its outcome."""

    condition: str = Field(description="the source text of the test")
    values: tuple[str, ...] = Field(description="the operands, described in words")
    outcome: bool | None = Field(description="true, false, or null when evidence was missing")
    state: str | None = Field(default=None, description="above, below, in_line or indeterminate; at_least or at_most when an inclusive threshold holds")


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

    rule: str = Field(description="id of the finding rule that made it")
    question: str = Field(description="id of the question the finding belongs to")
    polarity: str = Field(description="one of the polarities the rulebook declares (e.g. strength, area_for_improvement)")
    text: str = Field(description="the finding in words, as the rule states it")
    evidence: tuple[str, ...] = Field(description="ids of the evidence records behind this finding")
    bindings: Annotated[Mapping[str, str], AS_DICT, TO_FROZEN, SHALLOW] = Field(
        description="condition variable -> record id")
    derived_from: tuple[str, ...] = Field(default=(), description="findings this one was derived from")
    cite: str = Field(description="the passage of the framework or report the rule cites")
    source: str = Field(description="rule file path:line")
    checks: tuple[Check, ...] = Field(default=(), description="each test of the rule's condition, with the values it compared and its outcome")
    sources: tuple[Source, ...] = Field(
        default=(), description="for each record bound and each field the condition read (and those of the "
                                "findings it rests on), the provenance behind that field")


class Decision(_Frozen):
    """Which criterion decided a grade, and the findings it weighed."""

    criterion: str = Field(description="id of the criterion that decided")
    grade: str | None = Field(description="the grade it gave; null for an ungraded overall judgment, or when the "
                                          "criterion leaves the question not graded (not_graded)")
    source: str = Field(description="rule file path:line of the criterion")
    condition: str | None = Field(description="the criterion's condition as written; null for a fallback that always holds")
    cite: str | None = Field(default=None, description="the passage of the framework the criterion cites")
    checks: tuple[Check, ...] = Field(default=(), description="each test of the condition, with its values and outcome")
    findings: tuple[str, ...] = Field(default=(), description="rule ids of the findings the criterion weighed")


class CriterionAnalysis(_Frozen):
    """One criterion of a neighbouring grade: did it hold, and if not, what failed."""

    criterion: str = Field(description="id of the criterion")
    source: str = Field(description="rule file path:line of the criterion")
    condition: str | None = Field(description="its condition as written; null when it has none")
    holds: bool | None = Field(description="whether it holds on this evidence; null when evidence is missing")
    failed: tuple[str, ...] = Field(description="each failing test, in words, with the values that made it fail")
    checks: tuple[Check, ...] = Field(default=(), description="each test of the condition, with its values and outcome")


class GradeAnalysis(_Frozen):
    """What the next better (or worse) grade would need."""

    grade: str = Field(description="id of the neighbouring grade")
    label: str = Field(description="its label, as the rulebook's scale writes it")
    criteria: tuple[CriterionAnalysis, ...] = Field(description="the criteria that would give that grade, in order")
    note: str | None = Field(default=None, description="why there is nothing to analyse, when so (e.g. no criterion gives that grade)")


class WhyNot(_Frozen):
    """Why a question got its grade and not a neighbouring one: the next grade up and down."""

    better: GradeAnalysis | None = Field(description="the next better grade and what it would need; null at the best grade")
    worse: GradeAnalysis | None = Field(description="the next worse grade and what would lead to it; null at the worst grade")


class QuestionJudgment(_Frozen):
    """The judgment of one question of the rulebook: its grade, why, and its findings."""

    id: str = Field(description="id of the question")
    title: str = Field(description="the question as the rulebook asks it")
    grade: str | None = Field(description="id of the grade given; null when the question is not graded")
    label: str | None = Field(description="the grade's label; null when the question is not graded")
    decided_by: Decision = Field(description="the criterion that decided the grade (or that no grade is given)")
    findings: tuple[Finding, ...] = Field(description="every finding of this question, in rule order")
    why_not: WhyNot | None = Field(default=None, description="what the neighbouring grades would need, when asked for")
    not_graded: str | None = Field(
        default=None, exclude_if=lambda reason: reason is None,  # left out when graded: older records replay identical
        description="why no grade is given, as the deciding criterion's not_graded states it; null "
                                  "(and left out of records) when the question is graded")


class OverallJudgment(_Frozen):
    """The overall judgment over the questions, as the rulebook declares it (graded or not)."""

    title: str = Field(description="the overall question as the rulebook asks it")
    method: str = Field(description="how it is reached: worst, best, criteria (rules over the question grades) or ungraded")
    grade: str | None = Field(description="id of the grade given; null when the rulebook leaves it ungraded")
    label: str | None = Field(description="the grade's label; null when ungraded")
    summary: str | None = Field(description="the rulebook's statement of how the overall judgment is reached")
    narrative: str | None = Field(default=None, description="the inspection's own overall summary, if the bundle has one")
    decided_by: Decision | None = Field(default=None, description="the criterion that decided it, for a rule over the question grades")
    not_graded: str | None = Field(
        default=None, exclude_if=lambda reason: reason is None,  # left out when graded: older records replay identical
        description="why the evidence gave no overall grade: the deciding criterion's reason, or, for "
                                  "worst and best, that no question it aggregates was graded; null (and left out of "
                                  "records) otherwise, including a rulebook's declared 'ungraded'")


class Recommendation(_Frozen):
    """A recommendation the rulebook makes when its findings hold."""

    id: str = Field(description="id of the recommendation")
    rule: str = Field(description="id of the recommendation rule that made it")
    text: str = Field(description="the recommendation in words")
    deadline: str | None = Field(description="when it is to be done, as the rule says (e.g. within six months)")
    findings: tuple[str, ...] = Field(description="the findings that triggered it: those its condition named and were "
                                                  "made, and those its count() and any() counted")
    cite: str | None = Field(description="the passage of the report the rule cites")
    source: str = Field(description="rule file path:line")
    checks: tuple[Check, ...] = Field(default=(), description="each test of the rule's condition, with its values and outcome")
    grades: Annotated[Mapping[str, str], AS_DICT, TO_FROZEN, SHALLOW] = Field(
        default_factory=dict, exclude_if=lambda read: not read,  # left out when empty: older records replay identical
        description="the grades its condition read with grade(question): question id -> grade id; left out of "
                    "records when it read none")


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
    """Which rulebook made a judgment: enough to find the very files again."""

    id: str = Field(description="the rulebook's id")
    title: str = Field(description="its title")
    version: str = Field(description="its version")
    valid_from: str = Field(description="the first date it is in force (ISO date)")
    valid_to: str | None = Field(description="the last date it is in force; null for no end")
    sha256: str = Field(description="SHA-256 over its files (see records)")


#: Whether a second engine made the same findings as the engine of record (Judgment.cross_check).
CrossCheck = Literal["agreed", "unavailable", "not made"]


class Judgment(_Frozen):
    """A whole judgment. ``to_json()`` keeps the keys other tools rely on stable."""

    rulebook: RulebookIdentity = Field(description="the rulebook that judged")
    inspection: Annotated[Mapping[str, Any], DEEP_IN, DEEP_FROZEN, DEEP_OUT] = Field(
        description="the bundle's inspection as plain data: organisation, title, framework, period, date, summary")
    engine: str = Field(description="the engine of record that made the findings: durable_rules, or compiled where "
                                    "durable_rules does not import (Python 3.13)")
    cross_check: CrossCheck = Field(description=(
        "whether a second engine made the same findings: agreed (the compiled engine, behind durable_rules; or "
        "durable_rules, for a batch bundle in the share it judged too); unavailable (durable_rules does not import "
        "on this Python, so the compiled engine alone made them); not made (a batch bundle outside that share)"))
    overall: OverallJudgment = Field(description="the overall judgment")
    questions: tuple[QuestionJudgment, ...] = Field(description="each question's judgment, in the rulebook's order")
    recommendations: tuple[Recommendation, ...] = Field(description="every recommendation made, in the rulebook's order")
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
    def grades(self) -> dict[str, str | None]:
        """Each question's grade by question id; None for a question not graded."""
        return {q.id: q.grade for q in self.questions}

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data: what the decision record holds of the judgment."""
        return self.model_dump(mode="json")

    def to_json(self) -> str:
        """`to_data()` as JSON text: keys sorted, two-space indent, UTF-8."""
        return pretty_json(self.to_data())

    def outcome(self) -> dict[str, Any]:
        """What both engines must agree on: grades, findings (rule and records), recommendations."""
        return {
            "overall": self.overall.grade,
            "questions": {q.id: q.grade for q in self.questions},
            "findings": sorted((f.rule, tuple(sorted(f.bindings.items()))) for q in self.questions for f in q.findings),
            "recommendations": sorted(r.id for r in self.recommendations),
        }
