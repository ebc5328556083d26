"""Paths of a condition as symbolic values, typed by the vocabulary as the compiled engine reads them.

A record's field is typed by its declared annotation (judgment._compiled._readers): a figure, a number,
a text (a date too, which the engine reads as its ISO text), a flag, an unordered enum (its value, as
text) or an ordered one (its rank). Past a figure a path reads a comparator (a figure), ``value``/``lower``/``upper`` (numbers) or ``trend`` (text).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum

from judgment._compiled._readers import reader_for
from judgment._prove._symbols import Symbols, bounds, read, scalar, stated_rank
from judgment._prove._values import Figure, NotTranslated, Scalar, Value
from judgment.evidence import Measure, Record
from judgment.evidence._vocabulary import strip_optional

_SORTS = {"num": "num", "str": "str", "bool": "bool", "rank": "int"}


def path_value(symbols: Symbols, variable: str, parts: tuple[str, ...], model: type[Record] | None) -> Value:
    current = _field(symbols, variable, parts[:1], model)
    for index in range(1, len(parts)):
        here = parts[:index + 1]
        if not isinstance(current, Figure):
            raise NotTranslated([f"the path {variable}.{'.'.join(here)} (a step past a {current.sort})"])
        if here[-1] in ("value", "lower", "upper"):
            current = at(symbols, variable, here, "num")
        elif here[-1] == "trend":
            current = at(symbols, variable, here, "str")
        else:
            current = figure(symbols, variable, here)
    return current


def _field(symbols: Symbols, variable: str, parts: tuple[str, ...], model: type[Record] | None) -> Value:
    reader = reader_for(model, parts[0])
    info = model.model_fields.get(parts[0]) if model is not None else None
    annotation = strip_optional(info.annotation)[0] if info is not None else None
    if annotation is Measure:
        return figure(symbols, variable, parts)
    if annotation is bool:
        return at(symbols, variable, parts, "bool")
    if annotation in (str, dt.date) or (isinstance(annotation, type) and issubclass(annotation, Enum) and not reader.scale):
        return at(symbols, variable, parts, "str")
    if reader.form == "number":
        return at(symbols, variable, parts, "num")
    if reader.scale:
        return at(symbols, variable, parts, "rank", reader.scale)
    raise NotTranslated([f"the field {variable}.{parts[0]} (of type {annotation!r})"])


def at(symbols: Symbols, variable: str, parts: tuple[str, ...], sort: str, scale: tuple[str, ...] = ()) -> Scalar:
    """A scalar at a path: known when the engine reads it as not None."""
    name, get = ".".join((variable, *parts)), read(variable, parts)
    known = symbols.constant(f"{name}.known", "bool", lambda r, f: get(r) is not None)
    term = symbols.constant(name, _SORTS[sort], lambda r, f: scalar(get(r)))
    return Scalar(sort, known, term, scale)


def figure(symbols: Symbols, variable: str, parts: tuple[str, ...]) -> Figure:
    name, get = ".".join((variable, *parts)), read(variable, parts)

    def side(index: int) -> object:
        return lambda r, f: None if bounds(get(r)) is None else bounds(get(r))[index]  # type: ignore[index]

    return Figure((variable, *parts),
                  symbols.constant(f"{name}.known", "bool", lambda r, f: isinstance(get(r), Measure)),
                  symbols.constant(f"{name}.numbered", "bool", lambda r, f: bounds(get(r)) is not None),
                  symbols.constant(f"{name}.lower", "num", side(0)),  # type: ignore[arg-type]
                  symbols.constant(f"{name}.upper", "num", side(1)),  # type: ignore[arg-type]
                  symbols.constant(f"{name}.stated", "int", lambda r, f: stated_rank(get(r))))
