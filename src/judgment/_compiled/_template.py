"""A finding's text with its placeholders filled from the records the finding matched.

A placeholder may name a field the finding's condition did not read, and an assessed field may be
absent (a report states one fact about a subject and not its companions). The text then says the
value was not stated, in words that fit the field's type, so the sentence stays true and reads well:
"an unstated number of offenders are managed", never "unknown (not in the evidence) offenders".
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping

from judgment._compiled._values import describe, lift
from judgment._lang import _ast as ast
from judgment._rulebook._model import Template
from judgment.evidence import Measure, Record


def render_template(template: Template, bindings: Mapping[str, Record]) -> str:
    return template.render([_words(path, bindings) for _, path in template.fields])


def _words(path: ast.Path, bindings: Mapping[str, Record]) -> str:
    owner, value = _resolve(path, bindings)
    return describe(value) if value is not None else _unstated(owner, path.parts[-1])


def _resolve(path: ast.Path, bindings: Mapping[str, Record]) -> tuple[object, object]:
    """The value at the path, and what holds its last part (a record or a figure)."""
    owner: object = None
    current: object = bindings.get(path.parts[0])
    for part in path.parts[1:]:
        if current is None:
            return owner, None
        owner = current
        if isinstance(current, Measure):
            current = current.comparators.get(part) if part in current.comparators else getattr(current, part, None)
            current = lift(current)
        else:
            current = lift(getattr(current, part))
    return owner, current


def _unstated(owner: object, name: str) -> str:
    """Words for a value the evidence does not state, chosen by the declared type of the field."""
    if isinstance(owner, Measure):  # a comparator the figure does not carry
        return "an unstated figure"
    if isinstance(owner, Record) and name in type(owner).model_fields:
        declared = _types(type(owner).model_fields[name].annotation)
        if int in declared and bool not in declared:
            return "an unstated number of"
        if any(isinstance(t, type) and issubclass(t, Measure) for t in declared):
            return "an unstated figure"
    return "unstated"


def _types(annotation: object) -> set[object]:
    """The types a field admits, through Optional/Union and Annotated."""
    if typing.get_origin(annotation) is typing.Annotated:
        return _types(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return {t for arg in typing.get_args(annotation) for t in _types(arg)}
    return {annotation}
