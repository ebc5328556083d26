"""The reference page of one evidence vocabulary, written from the vocabulary object itself: its
kinds, their fields (type, required or not, default, better direction, comparators, description)
and its scales worst first. Any `Vocabulary` gets the same page, whether declared in Python or as
data, so the page cannot drift from what validation enforces (tests/test_vocabulary_reference.py)."""

from __future__ import annotations

import inspect
import json
import re
from enum import Enum
from typing import Any

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic.fields import FieldInfo

from judgment.evidence._base import STATED_RELATIONS, Comparators, OrderedEnum
from judgment.evidence._vocabulary import FieldSpec, Vocabulary, strip_optional

GENERATED = ("<!-- Written by `python -m judgment._apidoc` from the vocabulary itself (its models, field\n"
             "descriptions and scales); do not edit by hand (tests/test_vocabulary_reference.py fails when\n"
             "this page is stale). -->")


def vocabulary_page_name(vocabulary: Vocabulary) -> str:
    """The page's file name under docs/reference/."""
    return f"vocabulary-{vocabulary.id}.md"


def render_vocabulary(vocabulary: Vocabulary) -> str:
    kinds = vocabulary.kinds
    lines = [f"# The `{vocabulary.id}` vocabulary: {vocabulary.title}", "", GENERATED, ""]
    if vocabulary.description:
        lines += [_one_line(vocabulary.description), ""]
    lines += [f"{len(kinds)} kinds of record, from {vocabulary.origin}. Every record also has `id`, `kind` and "
              "`provenance` ([Records](../evidence.md#records)), which the tables leave out. A field that is "
              "not required may be left out of a record: a rule reading it is unknown, not false or zero "
              "([Missing evidence](../rule-files.md#missing-evidence-three-valued-logic)), unless the field "
              "has a default, which a record that leaves it out holds instead. Figures are described in "
              "[Figures](../evidence.md#figures); ordered scales in "
              "[Ordered scales and directions](../evidence.md#ordered-scales-and-directions).", "",
              "## Contents", "", "- [Scales](#scales)"]
    lines += [f"- [`{kind}`](#{kind})" for kind in kinds]
    lines += ["", *_scales(vocabulary)]
    for kind in kinds:
        lines += ["", *_kind(vocabulary, kind)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _enumerations(vocabulary: Vocabulary) -> dict[type[Enum], list[str]]:
    """Each enumeration a field holds, with the `kind.field`s that hold it, in the order first met."""
    found: dict[type[Enum], list[str]] = {}
    for kind in vocabulary.kinds:
        for name, info in _infos(vocabulary, kind):
            annotation = strip_optional(info.annotation)[0]
            if isinstance(annotation, type) and issubclass(annotation, Enum):
                found.setdefault(annotation, []).append(f"`{kind}.{name}`")
    return found


def _scales(vocabulary: Vocabulary) -> list[str]:
    found = _enumerations(vocabulary)
    ordered = [e for e in found if issubclass(e, OrderedEnum)]
    choices = [e for e in found if not issubclass(e, OrderedEnum)]
    lines = ["## Scales", "", "Ordered scales, worst first (each value is better than the one before it; "
             "a rule may compare them with `<`, `>=` and the like):", ""]
    lines += ["| Scale | Values, worst to best | Description | Used by |", "|---|---|---|---|"]
    lines += [f"| {_words(e)} | {' < '.join(f'`{m.value}`' for m in e)} | {_doc(e)} | {', '.join(found[e])} |"
              for e in ordered] or ["| (none) | | | |"]
    if choices:
        lines += ["", "Choices, not ordered (a rule compares them only with `==` and `!=`):", "",
                  "| Choice | Values | Description | Used by |", "|---|---|---|---|"]
        lines += [f"| {_words(e)} | {', '.join(f'`{m.value}`' for m in e)} | {_doc(e)} | {', '.join(found[e])} |"
                  for e in choices]
    return lines


def _kind(vocabulary: Vocabulary, kind: str) -> list[str]:
    model = vocabulary.models[kind]
    lines = [f"## `{kind}`", ""]
    if _doc(model):
        lines += [_doc(model), ""]
    specs = vocabulary.fields(kind)
    lines += ["| Field | Type | Required | Better | Comparators | Description |", "|---|---|---|---|---|---|"]
    for name, info in _infos(vocabulary, kind):
        spec = specs[name]
        lines.append(f"| `{name}` | {_type(spec, info)} | {_required(info)} | {spec.better or ''} "
                     f"| {_comparators(spec, info)} | {_cell(info.description or '')} |")
    return lines


def _infos(vocabulary: Vocabulary, kind: str) -> list[tuple[str, FieldInfo]]:
    """The kind's own fields in declaration order: not `id`, `kind`, `provenance`."""
    specs = vocabulary.fields(kind)
    return [(n, i) for n, i in vocabulary.models[kind].model_fields.items() if n in specs]


def _type(spec: FieldSpec, info: FieldInfo) -> str:
    """The type in the words of docs/evidence.md ("figure", "yes or no", "whole number, 0 or more")."""
    annotation = strip_optional(info.annotation)[0]
    if spec.kind == "enum":
        return f"{_words(annotation)} ({'[scale](#scales)' if spec.ordered else '[choice](#scales)'})"
    if spec.kind == "number":
        return ("whole number" if annotation is int else "number") + _bounds(info.metadata)
    if spec.kind == "string":
        return "text" + _lengths(info.metadata)
    return {"measure": "[figure](../evidence.md#figures)", "bool": "yes or no", "date": "date"}[spec.kind]


def _bounds(metadata: list[Any]) -> str:
    """", 1 to 240", ", 0 or more", ", more than 0 and 10 or less": the number's limits, if any."""
    ge = next((m.ge for m in metadata if isinstance(m, Ge)), None)
    le = next((m.le for m in metadata if isinstance(m, Le)), None)
    if ge is not None and le is not None:
        return f", {ge} to {le}"
    parts = [f"{ge} or more" if ge is not None else "", f"{le} or less" if le is not None else ""]
    parts += [f"more than {m.gt}" for m in metadata if isinstance(m, Gt)]
    parts += [f"less than {m.lt}" for m in metadata if isinstance(m, Lt)]
    words = " and ".join(p for p in parts if p)
    return f", {words}" if words else ""


def _lengths(metadata: list[Any]) -> str:
    low = next((m.min_length for m in metadata if isinstance(m, MinLen)), 0)
    high = next((m.max_length for m in metadata if isinstance(m, MaxLen)), None)
    if high is not None:
        return f", {low} to {high:,} characters"
    return f", at least {low} characters" if low else ""


def _required(info: FieldInfo) -> str:
    if info.is_required():
        return "yes"
    default = info.get_default()
    if default is None:
        return "no"
    shown = default.value if isinstance(default, Enum) else default
    return f"no (left out means `{json.dumps(shown, default=str)}`)"


def _comparators(spec: FieldSpec, info: FieldInfo) -> str:
    names = ", ".join(f"`{n}`" for n in spec.comparators)
    declared = next((m for m in info.metadata if isinstance(m, Comparators)), None)
    if declared is not None and declared.stated != STATED_RELATIONS:
        names += f" (stated: {', '.join(declared.stated)})"
    return names


def _words(enumeration: Any) -> str:
    """`PlanStatus` -> `plan status`: a scale as a reader names it."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", enumeration.__name__).lower()


def _doc(cls: type) -> str:
    """The class's own docstring, on one line ("" when it has none: not one inherited)."""
    own = cls.__dict__.get("__doc__")
    return _cell(inspect.cleandoc(own)) if isinstance(own, str) else ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Table cells hold one line, and a pipe would end the cell."""
    return _one_line(text).replace("|", "\\|")
