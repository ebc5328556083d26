"""The page itself: one section per class, its fields in a table, its properties and methods after."""

from __future__ import annotations

import dataclasses
import inspect
import re
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from judgment._apidoc._members import Member, dataclass_hints, members

TITLE = "Python API reference: the result objects"
INTRO = """\
<!-- Written by `python -m judgment._apidoc` from the docstrings and field descriptions in the
source; do not edit by hand (tests/test_api_reference.py fails when this page is stale). -->

`judgment.judge` returns a `Judgment`; `judgment.judge_many` yields `BatchResult`s;
`judgment.open_session` opens a `LiveSession`; `judgment.verify_record` returns a `Verification`;
`judgment.prove` returns a `Proof` (see [prove](../prove.md)). Every result object is immutable: its fields can be read, not set, and `model_copy(update=...)`
validates the copy like a new value. `to_data()` gives the plain JSON-ready data that
`judgment run --format json` prints inside the decision record (see [records](../records.md)).
Classes that other fields hold but that are not listed at the top are added at the end.
"""


def _listed() -> list[type]:
    """The classes the page is about, in reading order: the whole first, then its parts."""
    import judgment
    from judgment._judgment import CriterionAnalysis, GradeAnalysis, WhyNot

    return [judgment.Judgment, judgment.QuestionJudgment, judgment.Decision, judgment.Finding, judgment.Check,
            judgment.EvidenceUsed, judgment.Recommendation, judgment.OverallJudgment, WhyNot, GradeAnalysis,
            CriterionAnalysis, judgment.RulebookIdentity, judgment.BatchResult, judgment.LiveSession,
            getattr(judgment, "Verification"), judgment.WhatIf, judgment.QuestionChange, judgment.FindingChange,
            judgment.RecommendationChange, judgment.OverallChange, judgment.Counterfactuals,
            judgment.QuestionCounterfactuals, judgment.GradeMove, judgment.Counterfactual, judgment.Proof,
            judgment.ProofOutcome, judgment.ProofExample]


def classes() -> list[type]:
    """The listed classes, then every judgment class their fields hold (found, not listed by hand)."""
    found = _listed()
    for cls in found:  # grows as it goes: the held classes of held classes too
        for held in _held(cls):
            if held not in found:
                found.append(held)
    return found


def _held(cls: type) -> Iterator[type]:
    hints: dict[str, Any] = {}
    if issubclass(cls, BaseModel):
        hints = {n: f.annotation for n, f in cls.model_fields.items()}
    elif dataclasses.is_dataclass(cls):
        hints = dataclass_hints(cls)
    for annotation in hints.values():
        yield from _classes_in(annotation)


def _classes_in(annotation: Any) -> Iterator[type]:
    if isinstance(annotation, type) and annotation.__module__.startswith("judgment") \
            and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _classes_in(arg)




def undocumented() -> list[str]:
    """`Class.member` for each public attribute with no description, and each class with no docstring."""
    missing = []
    for cls in classes():
        if not (cls.__doc__ or "").strip() or cls.__doc__ == BaseModel.__doc__:
            missing.append(cls.__name__)
        missing.extend(f"{cls.__name__}.{m.name}" for m in members(cls) if not m.description.strip())
    return missing


def render_page() -> str:
    listed = classes()
    lines = [f"# {TITLE}", "", INTRO, "## Contents", ""]
    lines += [f"- [{cls.__name__}](#{cls.__name__.lower()})" for cls in listed]
    for cls in listed:
        lines += ["", *_section(cls)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _section(cls: type) -> list[str]:
    import judgment

    public = f"`judgment.{cls.__name__}`" if getattr(judgment, cls.__name__, None) is cls else \
        f"`{cls.__name__}` (reached through the fields that hold it; not imported by name)"
    lines = [f"## {cls.__name__}", "", public, "", _clean(cls.__doc__ or "")]
    found = list(members(cls))
    fields = [m for m in found if m.kind == "field"]
    if fields:
        lines += ["", "| Field | Type | Description |", "|---|---|---|"]
        lines += [f"| `{m.name}` | `{_cell(m.signature)}` | {_cell(m.description)} |" for m in fields]
    for member in (m for m in found if m.kind != "field"):
        lines += ["", *_callable(cls, member)]
    return lines


def _callable(cls: type, member: Member) -> list[str]:
    if member.kind == "property":
        heading = f"### `{cls.__name__}.{member.name}` (property: `{member.signature}`)"
    else:
        heading = f"### `{cls.__name__}.{member.name}{member.signature}`"
    return [heading, "", _clean(member.description)]


_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]*\.)?([\w]+)`")  # :class:`~judgment.X` -> `X`


def _clean(text: str) -> str:
    """A docstring as Markdown: reST roles and double backticks become plain code spans."""
    return _ROLE.sub(r"`\1`", inspect.cleandoc(text)).replace("``", "`")


def _cell(text: str) -> str:
    """Table cells hold one line, and a pipe would end the cell."""
    return " ".join(_clean(text).split()).replace("|", "\\|")
