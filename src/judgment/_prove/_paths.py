"""Paths of a condition as symbolic values, typed by the vocabulary as the compiled engine reads them.

A record's field is typed by its declared annotation (judgment._compiled._readers): a figure, a number,
a text (a date too, which the engine reads as its ISO text), a flag, an unordered enum (its value, as
text) or an ordered one (its rank). Past a figure a path reads a comparator (a figure),
``value``/``lower``/``upper`` (numbers) or ``trend`` (text). Each value brings its domain facts
(judgment._prove._domain), made once per path; a field's figure brings its trend and declared
comparators along, so the domain can say what it states without numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum

from judgment._compiled._readers import reader_for
from judgment._prove._domain import (
    comparator_facts,
    field_facts,
    field_figure_facts,
    part_facts,
)
from judgment._prove._symbols import (
    Place,
    Reader,
    Symbols,
    bounds,
    read,
    scalar,
    stated_rank,
)
from judgment._prove._values import Expr, Figure, NotTranslated, Scalar, Value
from judgment.evidence import Comparators, Measure, Record
from judgment.evidence._vocabulary import strip_optional

_SORTS = {"num": "num", "str": "str", "bool": "bool", "rank": "int"}


def path_value(symbols: Symbols, variable: str, parts: tuple[str, ...], model: type[Record] | None) -> Value:
    current = _field(symbols, variable, parts[:1], model)
    for index in range(1, len(parts)):
        here = parts[:index + 1]
        if not isinstance(current, Figure):
            raise NotTranslated([f"the path {variable}.{'.'.join(here)} (a step past a {current.sort})"])
        if here[-1] in ("value", "lower", "upper", "trend"):
            current = _part(symbols, current, here[-1], model)
        else:
            current = figure(symbols, variable, here, model)
    return current


def _field(symbols: Symbols, variable: str, parts: tuple[str, ...], model: type[Record] | None) -> Value:
    reader = reader_for(model, parts[0])
    info = model.model_fields.get(parts[0]) if model is not None else None
    annotation = strip_optional(info.annotation)[0] if info is not None else None
    if annotation is Measure:
        return figure(symbols, variable, parts, model)
    if model is None or info is None:
        raise NotTranslated([f"the field {variable}.{parts[0]} (of a record of no known kind)"])
    if annotation is bool:
        value = at(symbols, variable, parts, "bool", model=model)
    elif annotation in (str, dt.date) or (isinstance(annotation, type) and issubclass(annotation, Enum)
                                          and not reader.scale):
        value = at(symbols, variable, parts, "str", model=model)
    elif reader.form == "number":
        value = at(symbols, variable, parts, "num", model=model)
    elif reader.scale:
        value = at(symbols, variable, parts, "rank", reader.scale, model)
    else:
        raise NotTranslated([f"the field {variable}.{parts[0]} (of type {annotation!r})"])
    _facts(symbols, value.path, lambda: field_facts(model, parts[0], value))
    return value


def _facts(symbols: Symbols, path: tuple[str, ...], make: Callable[[], list[Expr]]) -> None:
    """The domain facts of the value at `path`, made once (judgment._prove._domain)."""
    name = ".".join(path)
    if name not in symbols.facts:
        symbols.facts[name] = make()


def at(symbols: Symbols, variable: str, parts: tuple[str, ...], sort: str, scale: tuple[str, ...] = (),
       model: type[Record] | None = None) -> Scalar:
    """A scalar at a path: known when the engine reads it as not None."""
    name, get = ".".join((variable, *parts)), read(variable, parts)
    known = symbols.constant(f"{name}.known", "bool", lambda r, f: get(r) is not None,
                             Place(variable, parts, "known", model))
    term = symbols.constant(name, _SORTS[sort], lambda r, f: scalar(get(r)), Place(variable, parts, "term", model))
    return Scalar(sort, known, term, scale, (variable, *parts))


def figure(symbols: Symbols, variable: str, parts: tuple[str, ...], model: type[Record] | None) -> Figure:
    """The figure at a path (a field, or a comparator of one), with its domain facts."""
    name, get = ".".join((variable, *parts)), read(variable, parts)

    def side(index: int) -> Reader:
        return lambda r, f: None if bounds(get(r)) is None else bounds(get(r))[index]  # type: ignore[index]

    def constant(role: str, sort: str, reader: Reader) -> Expr:
        return symbols.constant(f"{name}.{role}", sort, reader, Place(variable, parts, role, model))

    made = Figure((variable, *parts),
                  constant("known", "bool", lambda r, f: isinstance(get(r), Measure)),
                  constant("numbered", "bool", lambda r, f: bounds(get(r)) is not None),
                  constant("lower", "num", side(0)), constant("upper", "num", side(1)),
                  constant("stated", "int", lambda r, f: stated_rank(get(r))), model)
    if name in symbols.facts:
        return made
    symbols.facts[name] = []  # being made: its comparators' figures read it back
    if len(parts) > 1:
        symbols.facts[name] = comparator_facts(made, model, figure(symbols, variable, parts[:-1], model))
    else:
        symbols.facts[name] = field_figure_facts(made, model, _statements(symbols, made, model))
    return made


def _part(symbols: Symbols, whole: Figure, part: str, model: type[Record] | None) -> Scalar:
    """``value``, ``lower``, ``upper`` (numbers) or ``trend`` (a text) of a figure, tied to it."""
    value = at(symbols, whole.path[0], (*whole.path[1:], part), "str" if part == "trend" else "num", model=model)
    _facts(symbols, value.path, lambda: part_facts(whole, part, value))
    return value


def _statements(symbols: Symbols, field: Figure, model: type[Record] | None) -> list[Expr]:
    """What a field's figure without numbers states instead, one at least: its trend, or a relation to
    one of its declared comparators (made here, so the domain can require one)."""
    variable, name = field.path
    info = model.model_fields.get(name) if model is not None else None
    declared = next((m.names for m in (info.metadata if info else []) if isinstance(m, Comparators)), ())
    comparators = [figure(symbols, variable, (name, other), model) for other in declared]
    return [_part(symbols, field, "trend", model).known, *(c.stated >= 0 for c in comparators)]
