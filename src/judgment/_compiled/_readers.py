"""How generated code reads a field, chosen from the field's declared type.

Reading by type is what makes compiled conditions fast: an enum member becomes its
value (or its place on an ordered scale) by one table lookup, a number becomes a
float, and a figure, flag or text is used as it is. Anything else goes through
:func:`judgment._compiled._values.lift`, which decides at run time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from judgment._compiled._values import lift
from judgment.evidence import Measure, OrderedEnum, Record
from judgment.evidence._vocabulary import strip_optional


@dataclass(frozen=True)
class Reader:
    form: str  # any | as_is | number | table
    table: dict[Any, Any] | None = None  # enum member -> its value as an expression sees it
    scale: tuple[str, ...] = ()  # for an ordered enum: its members, worst first
    plain: bool = False  # reads a number, a string or a flag, which compare as themselves


ANY = Reader("any")


def reader_for(model: type[Record] | None, name: str) -> Reader:
    info = model.model_fields.get(name) if model is not None else None
    if info is None:
        return ANY
    annotation, _ = strip_optional(info.annotation)
    if annotation is Measure:
        return Reader("as_is")
    if annotation in (bool, str):
        return Reader("as_is", plain=True)
    if annotation in (int, float):
        return Reader("number", plain=True)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = list(annotation)
        scale = tuple(str(m.value) for m in members) if issubclass(annotation, OrderedEnum) else ()
        return Reader("table", {m: lift(m) for m in members}, scale, plain=not scale)
    return ANY
