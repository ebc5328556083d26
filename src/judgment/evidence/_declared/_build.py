"""Build a declared vocabulary's models with pydantic's own `create_model`, as Python would declare them.

Each kind becomes a subclass of :class:`~judgment.evidence.Record` whose fields carry the same
``Annotated`` metadata a Python vocabulary writes (``Better``, ``Comparators``, ``Field(...)``), and
each scale an :class:`~judgment.evidence.OrderedEnum` (ordered, worst first) or a ``str`` enumeration:
validation, errors and JSON Schema are pydantic's, exactly as for a vocabulary declared in Python.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal, Optional

from pydantic import Field, create_model

from judgment.evidence._base import STATED_RELATIONS, Better, Comparators, Measure, OrderedEnum, Record
from judgment.evidence._declared._names import camel
from judgment.evidence._declared._read import Declared
from judgment.evidence._declared._shape import AnyField, FigureField, KindSpec, NumberField, ScaleSpec
from judgment.evidence._vocabulary import Source, Vocabulary

#: Where the classes say they were made (a declared vocabulary has no module of its own).
MODULE = "judgment.evidence.declared"
_BASES: dict[str, type[Any]] = {"bool": bool, "text": str, "date": dt.date, "figure": Measure}


def build(declared: Declared, origin: str, source: Source | None) -> Vocabulary:
    header = declared.file.vocabulary
    enums = {name: _enum(name, spec) for name, spec in declared.file.scales.items()}
    models = [_model(kind, spec, declared.fields[kind], enums) for kind, spec in declared.file.kinds.items()]
    return Vocabulary(header.id, header.title, models, description=header.description, origin=origin,
                      source=source)


def _enum(name: str, spec: ScaleSpec) -> type[Enum]:
    members = [(m, m) for m in spec.members]
    functional: Any = OrderedEnum if spec.ordered else Enum  # Enum's functional API: a name known when run
    extra = {} if spec.ordered else {"type": str}
    made: type[Enum] = functional(spec.model or camel(name), members, module=MODULE, **extra)
    made.__doc__ = spec.description
    return made


def _model(kind: str, spec: KindSpec, fields: dict[str, AnyField], enums: dict[str, type[Enum]]) -> type[Record]:
    definitions: dict[str, Any] = {"kind": (Literal[kind], ...)}
    for name, field in fields.items():
        definitions[name] = (_annotation(field, enums), _default(field))
    return create_model(spec.model or camel(kind), __base__=Record, __doc__=spec.description,
                        __module__=MODULE, **definitions)


def _annotation(field: AnyField, enums: dict[str, type[Enum]]) -> Any:
    """The field's type with its metadata, as ``Annotated[Measure, Better("lower"), Comparators(...)]``."""
    base: Any
    if field.type in ("scale", "choice"):
        base = enums[field.scale]
    elif isinstance(field, NumberField):
        base = int if field.integer else float
    else:
        base = _BASES[field.type]
    if field.optional:
        base = Optional[base]
    metadata: list[Any] = []
    better = getattr(field, "better", None)
    if better is not None:
        metadata.append(Better(better))
    if isinstance(field, FigureField) and (field.comparators or field.stated):
        stated = tuple(field.stated) if field.stated else STATED_RELATIONS
        metadata.append(Comparators(*field.comparators, stated=stated))
    constraints = {key: value for key, value in _constraints(field).items() if value is not None}
    if constraints:
        metadata.append(Field(**constraints))
    return Annotated[tuple([base, *metadata])] if metadata else base


def _constraints(field: AnyField) -> dict[str, Any]:
    found: dict[str, Any] = {"description": field.description}
    if isinstance(field, NumberField):
        found.update(ge=field.minimum, le=field.maximum)
    if field.type == "text":
        found.update(min_length=getattr(field, "min_length"), max_length=getattr(field, "max_length"))
    return found


def _default(field: AnyField) -> Any:
    if field.optional:
        return None
    default = getattr(field, "default", None)
    return ... if default is None else default
