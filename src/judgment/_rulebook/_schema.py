"""The shape of rule files, validated with pydantic before any condition is parsed.

Unknown keys, missing keys and wrong types are reported here with their place
in the file; the meaning of names and conditions is checked in later stages.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
RuleId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_\-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=5_000)]
Condition = Annotated[str, StringConstraints(min_length=1)]  # bounded by the parser: EXPR_TOO_LONG
KindName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FrameworkSpec(_Strict):
    title: Text
    citation: Text
    url: str | None = Field(default=None, max_length=500)


class MetaSpec(_Strict):
    id: RuleId
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+(\.\d+){0,2}([-+][0-9A-Za-z.\-]+)?$")]
    valid_from: dt.date
    valid_to: dt.date | None = None
    vocabulary: RuleId
    #: The folder's own vocabulary file (data), relative to the folder; its id must be `vocabulary`.
    vocabulary_file: str | None = Field(default=None, min_length=1, max_length=255)
    framework: FrameworkSpec


class GradeSpec(_Strict):
    id: Id
    label: Text
    meaning: Text | None = None


class PolaritySpec(_Strict):
    id: Id
    label: Text
    sense: Literal["positive", "negative", "neutral"]


class QuestionSpec(_Strict):
    id: Id
    title: Text
    parent: Id | None = None
    cite: Text | None = None


class CriterionSpec(_Strict):
    id: RuleId | None = None
    grade: Id | None = None
    not_graded: Text | None = None  # the reason no grade is given; instead of 'grade'
    when: Condition | None = None
    otherwise: Literal[True] | None = None
    cite: Text | None = None


class OverallSpec(_Strict):
    title: Text
    method: Literal["ungraded", "worst", "best", "criteria"]
    summary: Text | None = None
    questions: list[Id] | None = Field(default=None, max_length=100)
    criteria: list[CriterionSpec] | None = Field(default=None, max_length=100)
    cite: Text | None = None


class RulebookFileSpec(_Strict):
    """rulebook.yaml: the rule language, metadata, scale, polarities, questions, overall."""

    #: The rule language version; absent means 1. Checked before the shapes (_io._versions).
    language: int | None = None
    rulebook: MetaSpec
    scale: list[GradeSpec] = Field(min_length=2, max_length=10)
    polarities: list[PolaritySpec] = Field(min_length=1, max_length=20)
    questions: list[QuestionSpec] = Field(min_length=1, max_length=200)
    overall: OverallSpec


class FindingSpec(_Strict):
    id: Id
    question: Id
    polarity: Id
    given: dict[Id, KindName] | None = Field(default=None, max_length=8)
    unordered: list[Id] | None = Field(default=None, max_length=8)  # `given` names bound once per set (_pairs)
    when: Condition
    text: Text
    cite: Text


class GradingSpec(_Strict):
    questions: list[Id] = Field(min_length=1, max_length=200)
    criteria: list[CriterionSpec] = Field(min_length=1, max_length=50)


class RecommendationSpec(_Strict):
    id: RuleId
    when: Condition
    deadline: Annotated[str, StringConstraints(max_length=100)] | None = None
    text: Text
    cite: Text | None = None


class RulesFileSpec(_Strict):
    """Any other file: findings, grading and recommendations, in any combination."""

    findings: list[FindingSpec] | None = Field(default=None, max_length=1_000)
    grading: list[GradingSpec] | None = Field(default=None, max_length=100)
    recommendations: list[RecommendationSpec] | None = Field(default=None, max_length=500)
