"""The case-file schema: what a rulebook's ``tests/*.yaml`` may say (docs/testing-rulebooks.md).

Strict models (unknown keys refused), so a misspelt key in a case file is a located diagnostic, not a
case that silently checks nothing."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: How a case file writes "the question was left not graded", in `published` and `known_disagreement`.
NOT_GRADED = "not_graded"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Change(_Strict):
    record: str | None = Field(default=None, description="the record to change (with `set`)")
    set: dict[str, Any] | None = Field(default=None, description="fields to replace in that record")
    drop: list[str] | None = Field(default=None, description="records to remove")
    add: dict[str, Any] | None = Field(default=None, description="a record to add")


class Expect(_Strict):
    grades: dict[str, str] | None = None
    not_graded: list[str] = Field(default_factory=list, description="questions that must be left not graded")
    overall: str | None = Field(default="__any__")
    made: list[str] = Field(default_factory=list, description="findings that must be made")
    not_made: list[str] = Field(default_factory=list, description="findings that must not be made")
    recommendations: list[str] | None = Field(default=None, description="exactly these recommendations")
    error: str | None = Field(default=None, description="the diagnostic code that must refuse the bundle")


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be blank")
    return text


class Published(_Strict):
    """The grades an inspectorate published for the bundle: they are the case's expected grades."""

    source: str = Field(min_length=1, description="where they were published (a citation)")
    grades: dict[str, str] = Field(min_length=1, description="question id -> grade id (or not_graded)")

    _source = field_validator("source")(_not_blank)


class KnownDisagreement(_Strict):
    """Questions on which the rulebook is known to give another grade than the published one, and why."""

    produced: dict[str, str] = Field(min_length=1, description="question id -> what the rulebook gives instead")
    reason: str = Field(min_length=1, description="why the rulebook disagrees")

    _reason = field_validator("reason")(_not_blank)


class Case(_Strict):
    name: str
    bundle: str | None = None
    changes: list[Change] = Field(default_factory=list)
    published: Published | None = None
    known_disagreement: KnownDisagreement | None = None
    expect: Expect = Field(default_factory=Expect)

    @model_validator(mode="after")
    def _states_something(self) -> Case:
        """A case that expects nothing checks nothing; a known disagreement is with a published grade."""
        if self.published is None and "expect" not in self.model_fields_set:
            raise ValueError("a case needs `expect` or `published`")
        if self.known_disagreement is not None and self.published is None:
            raise ValueError("`known_disagreement` needs the `published` grades it disagrees with")
        return self


class CaseFile(_Strict):
    bundle: str | None = Field(default=None, description="the bundle every case starts from, relative to this file")
    cases: list[Case]
