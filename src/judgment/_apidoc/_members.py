"""What a class offers its users: its fields (pydantic or dataclass), properties and methods,
each with the words that describe it, read from the class itself."""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class Member:
    """One public attribute: a field, a property or a method, and its description ("" if none)."""

    kind: str  # "field", "property" or "method"
    name: str
    signature: str  # the type of a field or property; the parameters of a method
    description: str


def members(cls: type) -> Iterator[Member]:
    """Fields first, in declaration order, then properties and methods, by name."""
    yield from _fields(cls)
    for name, value in _own_attributes(cls):
        if isinstance(value, property | cached_property):
            getter = value.fget if isinstance(value, property) else value.func
            returns = typing.get_type_hints(getter).get("return", "")
            yield Member("property", name, type_name(returns), _doc(getter))
        elif callable(value) and not isinstance(value, type):
            function = value.__func__ if isinstance(value, staticmethod | classmethod) else value
            yield Member("method", name, _signature(function), _doc(function))


def _fields(cls: type) -> Iterator[Member]:
    if issubclass(cls, BaseModel):
        for name, info in cls.model_fields.items():
            yield Member("field", name, type_name(info.annotation), info.description or "")
    elif dataclasses.is_dataclass(cls):
        hints = dataclass_hints(cls)
        for item in dataclasses.fields(cls):
            if item.name in hints:
                yield Member("field", item.name, type_name(hints[item.name]), item.metadata.get("description", ""))


def dataclass_hints(cls: type) -> dict[str, Any]:
    """The types of a dataclass's public fields. Read in the module the class is published from
    (its private fields may name private types that module does not hold)."""
    public = {f.name: f.type for f in dataclasses.fields(cls) if not f.name.startswith("_")}
    shell = type("_Shell", (), {"__annotations__": public, "__module__": cls.__module__})
    return typing.get_type_hints(shell)


def _own_attributes(cls: type) -> list[tuple[str, Any]]:
    """Public attributes written by judgment in the class or its judgment bases: not pydantic's
    own API (model_*), nor the dunder methods every class has."""
    found: dict[str, Any] = {}
    for base in reversed(cls.__mro__):
        if not base.__module__.startswith("judgment") or base is object:
            continue
        for name, value in vars(base).items():
            if not name.startswith("_") and not name.startswith("model_"):
                found[name] = value
    fields = set(cls.model_fields) if issubclass(cls, BaseModel) else set()
    return sorted((n, v) for n, v in found.items() if n not in fields and not _is_field_default(cls, n))


def _is_field_default(cls: type, name: str) -> bool:
    return dataclasses.is_dataclass(cls) and name in {f.name for f in dataclasses.fields(cls)}


def _doc(function: Any) -> str:
    return inspect.getdoc(function) or ""


def _signature(function: Any) -> str:
    hints = typing.get_type_hints(function)
    parameters = []
    for parameter in list(inspect.signature(function).parameters.values())[1:]:  # not self
        stars: dict[object, str] = {inspect.Parameter.VAR_POSITIONAL: "*",
                                    inspect.Parameter.VAR_KEYWORD: "**"}
        text = stars.get(parameter.kind, "") + parameter.name
        if parameter.name in hints:
            text += f": {type_name(hints[parameter.name])}"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {parameter.default!r}"
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in parameters:
            parameters.append("*")
        parameters.append(text)
    returns = f" -> {type_name(hints['return'])}" if "return" in hints else ""
    return f"({', '.join(parameters)}){returns}"


def type_name(annotation: Any) -> str:
    """A type as a reader writes it: `tuple[Check, ...]`, `str | None`, no module paths."""
    if annotation is None or annotation is type(None):
        return "None"
    if isinstance(annotation, str):
        return annotation
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_name(a) for a in args)
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None:
        inner = ", ".join("..." if a is Ellipsis else type_name(a) for a in args)
        return f"{getattr(origin, '__name__', str(origin))}[{inner}]"
    return getattr(annotation, "__name__", str(annotation))
