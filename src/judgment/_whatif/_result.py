"""The result of a what-if: both judgments, the changes, and what moved between them, in words and data.

Frozen like a Judgment, in a fixed order (the rulebook's questions, then its finding rules), so two runs
of the same what-if give the same JSON, and a tool can read it as a record of a dry run."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr
from pydantic_core import to_jsonable_python

from judgment._bundle import Bundle
from judgment._diagnostics import Location
from judgment._errors import unknown_id
from judgment._frozen import AS_DICT, SHALLOW, TO_FROZEN
from judgment._judgment import Check, Judgment, _Frozen
from judgment._whatif._changes import AddRecord, Change, DropRecord, SetField

from collections.abc import Mapping

#: The schema id of the JSON a what-if prints (``judgment what-if --format json``).
SCHEMA = "judgment.what-if/1"

#: up/down by the scale's order (best first); graded/not_graded when a grade appears or goes.
Direction = Literal["up", "down", "graded", "not_graded"]


class FindingChange(_Frozen):
    """A finding made on one side only, and why: the tests of its rule that changed outcome."""

    rule: str = Field(description="id of the finding rule")
    question: str = Field(description="id of the question the finding belongs to")
    polarity: str = Field(description="its polarity (e.g. strength, area_for_improvement)")
    text: str = Field(description="the finding in words, as made on the side that made it")
    bindings: Annotated[Mapping[str, str], AS_DICT, TO_FROZEN, SHALLOW] = Field(
        description="condition variable -> record id")
    reason: tuple[Check, ...] = Field(
        description="gained: the tests that hold now and did not before (all of them when its records are "
                    "new); lost: the tests that fail now (or are unknown), evaluated on the changed evidence")
    note: str | None = Field(default=None, description="why there is no test to show: a record it bound was "
                                                       "dropped or added")


class QuestionChange(_Frozen):
    """One question, before and after: its grade and the findings gained and lost."""

    id: str = Field(description="id of the question")
    title: str = Field(description="the question as the rulebook asks it")
    before: str | None = Field(description="grade id on the original evidence; null when not graded")
    after: str | None = Field(description="grade id on the changed evidence; null when not graded")
    before_label: str | None = Field(description="the label of `before`")
    after_label: str | None = Field(description="the label of `after`")
    direction: Direction | None = Field(description="up or down the scale, graded, not_graded; null when the "
                                                    "grade did not move")
    decided_before: str = Field(description="id of the criterion that decided the grade on the original evidence")
    decided_after: str = Field(description="id of the criterion that decided the grade on the changed evidence")
    gained: tuple[FindingChange, ...] = Field(description="findings made only on the changed evidence, in rule order")
    lost: tuple[FindingChange, ...] = Field(description="findings made only on the original evidence, in rule order")

    @property
    def changed(self) -> bool:
        """Whether anything about this question moved: its grade, or a finding."""
        return self.direction is not None or bool(self.gained or self.lost)


class RecommendationChange(_Frozen):
    """A recommendation made on one side only."""

    id: str = Field(description="id of the recommendation")
    rule: str = Field(description="id of the recommendation rule")
    text: str = Field(description="the recommendation in words")


class OverallChange(_Frozen):
    """The overall judgment's grade, when it moved."""

    before: str | None = Field(description="grade id before; null when not graded")
    after: str | None = Field(description="grade id after; null when not graded")
    before_label: str | None = Field(description="the label of `before`")
    after_label: str | None = Field(description="the label of `after`")
    direction: Direction = Field(description="up, down, graded or not_graded")


class WhatIf(_Frozen):
    """A bundle judged as given and with changes to its evidence, and the difference between the two."""

    original: Judgment = Field(description="the judgment of the bundle as given")
    changed: Judgment = Field(description="the judgment of the bundle with the changes applied")
    changes: tuple[SetField | DropRecord | AddRecord, ...] = Field(description="the changes, as given")
    questions: tuple[QuestionChange, ...] = Field(description="every question, in the rulebook's order")
    recommendations_added: tuple[RecommendationChange, ...] = Field(description="made only after the changes")
    recommendations_removed: tuple[RecommendationChange, ...] = Field(description="made only before the changes")
    overall: OverallChange | None = Field(description="the overall grade's move; null when it did not move")
    _bundle: Bundle | None = PrivateAttr(default=None)

    @property
    def changed_bundle(self) -> Bundle:
        """The bundle with the changes applied: what `changed` judged (e.g. to save as a bundle file)."""
        assert self._bundle is not None, "made by what_if, which keeps the changed bundle"
        return self._bundle

    @property
    def moved(self) -> bool:
        """Whether anything changed: a grade, a finding, a recommendation."""
        return (self.overall is not None or any(q.changed for q in self.questions)
                or bool(self.recommendations_added or self.recommendations_removed))

    def question(self, question_id: str) -> QuestionChange:
        """One question's change; :class:`~judgment.UnknownIdError` if there is no question by that id."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise unknown_id("question", question_id, (q.id for q in self.questions), Location("<what-if>"))

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data: the schema id, the changes, what moved, and both sides' grades
        (the two judgments themselves are on the object, not in the data)."""
        data = self.model_dump(mode="json", exclude={"original", "changed", "changes"})
        return {"schema": SCHEMA, **data, "changes": [change_data(c) for c in self.changes],
                "grades": {"before": self.original.grades, "after": self.changed.grades}}

    def to_json(self) -> str:
        """`to_data()` as canonical JSON (RFC 8785: keys sorted, one number format), UTF-8 text."""
        import rfc8785

        return bytes(rfc8785.dumps(self.to_data())).decode("utf-8")


def change_data(change: Change) -> dict[str, Any]:
    """A change as JSON data: ``{"set": {record, path, value}}``, ``{"drop": id}`` or ``{"add": record}``."""
    if isinstance(change, SetField):
        return {"set": {"record": change.record, "path": change.path, "value": _plain(change.value)}}
    if isinstance(change, DropRecord):
        return {"drop": change.record}
    return {"add": _plain(dict(change.data))}


def _plain(value: Any) -> Any:
    return to_jsonable_python(value, fallback=repr)


