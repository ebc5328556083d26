"""What the counterfactual search returns: plain frozen data, comparable and ready for JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from judgment._errors import unknown_id
from judgment._diagnostics import Location
from judgment._whatif._changes import AddRecord, Change, DropRecord, SetField



@dataclass(frozen=True)
class Counterfactual:
    """One smallest set of changes that moves a question's grade one step, as judged.

    `grade` and `criterion` are what the compiled engine decided on the changed bundle; `lost` and
    `gained` are the question's finding rules (and those its criteria read) no longer made, or newly
    made; `distance` is each change's distance on its own scale, in the order of `changes`."""

    changes: tuple[SetField | DropRecord | AddRecord, ...] = field(metadata={"description": "the changes, applied together (judgment.what_if takes them as they are)"})
    grade: str = field(metadata={"description": "grade id the question has when the changed bundle is judged"})
    criterion: str = field(metadata={"description": "id of the criterion that decides that grade"})
    distance: tuple[float, ...] = field(metadata={"description": "each change's distance on its own scale: steps of an ordered scale, how far a figure moved (its unit), 1 otherwise"})
    lost: tuple[str, ...] = field(metadata={"description": "ids of the finding rules the question reads that are no longer made"})
    gained: tuple[str, ...] = field(metadata={"description": "ids of the finding rules the question reads that are made only on the changed evidence"})
    explanation: str = field(metadata={"description": "the counterfactual in the inspector's words"})

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data; each change as {"set": "record.path", "value": v}, {"drop": id} or {"add": data}."""
        return {"changes": [change_data(c) for c in self.changes], "grade": self.grade,
                "criterion": self.criterion, "distance": list(self.distance), "lost": list(self.lost),
                "gained": list(self.gained), "explanation": self.explanation}


@dataclass(frozen=True)
class GradeMove:
    """The counterfactuals that move one question one step `direction` (to `target`).

    Empty when there is no such grade (`target` None: the best or worst grade, or the question is not
    graded) or nothing within the bound moves it; `note` says which. `cut` is True when more equally
    small sets were found than are listed."""

    direction: str = field(metadata={"description": "up (a better grade) or down (a worse one)"})
    target: str | None = field(metadata={"description": "grade id one step that way; None when there is none (best or worst grade, or not graded)"})
    counterfactuals: tuple[Counterfactual, ...] = field(metadata={"description": "the smallest sets of changes that give the target grade, nearest first, at most ten"})
    cut: bool = field(metadata={"description": "True when more equally small sets were found than are listed"})
    note: str = field(metadata={"description": "why there is none, or how many were found when some are left out; empty otherwise"})

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"direction": self.direction, "target": self.target, "cut": self.cut, "note": self.note,
                "counterfactuals": [c.to_data() for c in self.counterfactuals]}


@dataclass(frozen=True)
class QuestionCounterfactuals:
    """One question: its grade on the evidence as it is, and the moves asked for."""

    question: str = field(metadata={"description": "id of the question"})
    title: str = field(metadata={"description": "the question as the rulebook asks it"})
    grade: str | None = field(metadata={"description": "grade id on the evidence as it is; None when not graded"})
    moves: tuple[GradeMove, ...] = field(metadata={"description": "the moves asked for, up first"})

    def move(self, direction: str) -> GradeMove | None:
        """The move `direction` ("up" or "down"), or None when it was not asked for."""
        return next((m for m in self.moves if m.direction == direction), None)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"question": self.question, "title": self.title, "grade": self.grade,
                "moves": [m.to_data() for m in self.moves]}


@dataclass(frozen=True)
class Counterfactuals:
    """The result of :func:`judgment.counterfactuals`: per question, the smallest evidence changes
    that move its grade one step up and one step down, within `max_changes` changes."""

    rulebook: str = field(metadata={"description": "id of the rulebook"})
    scale: tuple[tuple[str, str], ...] = field(metadata={"description": "the rulebook's grades as (id, label), best first"})
    max_changes: int = field(metadata={"description": "the most changes a counterfactual was allowed"})
    questions: tuple[QuestionCounterfactuals, ...] = field(metadata={"description": "one entry per question asked about, in the order asked"})

    def question(self, question_id: str) -> QuestionCounterfactuals:
        """The counterfactuals of one question; :class:`~judgment.UnknownIdError` if it was not asked about."""
        for question in self.questions:
            if question.question == question_id:
                return question
        raise unknown_id("question", question_id, [q.question for q in self.questions], Location(self.rulebook))

    def label(self, grade: str | None) -> str:
        """A grade's label on the rulebook's scale ("not graded" for None)."""
        return "not graded" if grade is None else dict(self.scale).get(grade, grade)

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data (what ``judgment counterfactuals --format json`` prints)."""
        return {"rulebook": self.rulebook, "max_changes": self.max_changes,
                "questions": [q.to_data() for q in self.questions]}


def change_data(change: Change) -> dict[str, Any]:
    """A change as JSON data: {"set": "record.path", "value": v}, {"drop": id} or {"add": record data}."""
    if isinstance(change, SetField):
        return {"set": f"{change.record}.{change.path}", "value": change.value}
    if isinstance(change, DropRecord):
        return {"drop": change.record}
    assert isinstance(change, AddRecord)
    return {"add": dict(change.data)}
