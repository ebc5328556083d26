"""A solver's model written back as changes to the bundle: the search's moves, so its words and checks apply.

Each change the model makes (judgment._prove._exact_space) becomes what ``judgment what-if`` takes: a
field set (a scalar to its value, or left out; a figure's ``value``, its interval's width kept), a record dropped, or a record added (the fields the rules read,
and every other required field given its first value, as judgment._counterfactual._adds does).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from fractions import Fraction
from typing import Any

from judgment._bundle import Bundle
from judgment._compiled._readers import reader_for
from judgment._counterfactual._adds import PROVENANCE
from judgment._counterfactual._moves import Move, words
from judgment._lang._exact import exact
from judgment._prove._example import decoded
from judgment._prove._exact_space import Space, slot_kinds
from judgment._prove._z3 import z3
from judgment._whatif._changes import AddRecord, DropRecord, SetField, apply_changes
from judgment.evidence import Measure, Record
from judgment.evidence._vocabulary import strip_optional


class Reading:
    """The model's values of one space's constants, as Python values."""

    def __init__(self, space: Space, model: Any) -> None:
        self.space, self.model = space, model

    def known(self, name: str) -> bool:
        return name in self.space.graded.bundle.symbols.constants and bool(z3().is_true(self._eval(name)))

    def value(self, name: str) -> Any:
        evaluated, sort = self._eval(name), self.space.graded.bundle.symbols.constants[name][1]
        if sort == "num":
            return Fraction(evaluated.numerator_as_long(), evaluated.denominator_as_long())
        if sort == "str":
            return decoded(evaluated.as_string())
        return evaluated.as_long() if sort == "int" else bool(z3().is_true(evaluated))

    def _eval(self, name: str) -> Any:
        return self.model.eval(self.space.constant(name), model_completion=True)


def made(space: Space, model: Any) -> list[tuple[str, ...]]:
    """The changes (keys of `space.changes`) the model makes."""
    return [change for change, holds in space.changes.items() if z3().is_true(model.eval(holds, model_completion=True))]


def moves_of(space: Space, model: Any, bundle: Bundle) -> list[Move]:
    """The changes the model makes, as moves, in the order of the space's changes."""
    reading, kinds = Reading(space, model), slot_kinds(space)
    return [_move(reading, bundle, change, kinds[change[1]]) for change in made(space, model)]


def _move(reading: Reading, bundle: Bundle, change: tuple[str, ...], kind: str) -> Move:
    space = reading.space
    if change[0] == "drop":
        return Move(DropRecord(space.existing[change[1]].id), ("drop", space.existing[change[1]].id), 1, None, rank=3)
    if change[0] == "add":
        return _added(reading, bundle, change[1], kind)
    record, field = space.existing[change[1]], change[2]
    before = getattr(record, field)
    if isinstance(before, Measure):
        set_, distance = _figure(reading, change[1], field, record, before)
    else:
        value = _scalar(reading, f"{change[1]}.{field}", type(record), field)
        set_, distance = SetField(record.id, field, value), _distance(type(record), field, before, value)
    changed = apply_changes(bundle, [set_]).record(record.id)
    return Move(set_, ("set", record.id, field), distance, changed, words(before), words(getattr(changed, field)),
                rank=_rank(type(record), field))


def _rank(model: type[Record], field: str) -> int:
    """As the search lists it: 1 for a change of what a record is about (a choice, a required non-figure), else 0."""
    annotation, optional = strip_optional(model.model_fields[field].annotation)
    choice = isinstance(annotation, type) and issubclass(annotation, Enum) and not reader_for(model, field).scale
    return 1 if choice or (not optional and annotation is not Measure) else 0


def _scalar(reading: Reading, name: str, model: type[Record], field: str) -> Any:
    if not reading.known(f"{name}.known"):
        return None
    value, annotation = reading.value(name), strip_optional(model.model_fields[field].annotation)[0]
    scale = reader_for(model, field).scale
    if scale:
        return scale[value]
    if isinstance(value, Fraction):
        return int(value) if annotation is int else float(value)
    return value.isoformat() if isinstance(value, dt.date) else value


def _figure(reading: Reading, slot: str, field: str, record: Record, before: Measure) -> tuple[SetField, float]:
    """The figure's value moved as far as its interval (the space keeps the width)."""
    assert before.value is not None and before.lower is not None  # held: the figure stays numbered
    value = exact(before.value) + reading.value(f"{slot}.{field}.lower") - exact(before.lower)
    return SetField(record.id, f"{field}.value", float(value)), round(abs(float(value) - before.value), 10)


def _distance(model: type[Record], field: str, before: Any, after: Any) -> float:
    scale = reader_for(model, field).scale
    now = getattr(before, "value", before)
    if scale and now is not None and after is not None:
        return float(abs(scale.index(str(now)) - scale.index(after)))
    both = isinstance(now, (int, float)) and isinstance(after, (int, float)) and not isinstance(now, bool)
    return round(abs(float(after) - float(now)), 10) if both else 1.0


def _added(reading: Reading, bundle: Bundle, slot: str, kind: str) -> Move:
    model = reading.space.graded.bundle.rulebook.vocabulary.models[kind]
    data: dict[str, Any] = {"id": added_id(bundle, kind, slot), "kind": kind, "provenance": PROVENANCE}
    for field, info in model.model_fields.items():
        if field in ("id", "kind", "provenance"):
            continue
        value = _scalar(reading, f"{slot}.{field}", model, field) if reading.known(f"{slot}.{field}.known") else None
        if value is None and info.is_required():
            value = _first(strip_optional(info.annotation)[0], bundle)
        if value is not None:
            data[field] = value
    record = model.model_validate(data)
    after = ", ".join(f"{k.replace('_', ' ')} {words(getattr(record, k))}" for k in data if k not in ("id", "kind", "provenance"))
    return Move(AddRecord(data), ("add", data["id"]), 1, record, "", after, rank=2)


def added_id(bundle: Bundle, kind: str, slot: str) -> str:
    """An id after every record of the kind (slots of a kind are filled in id order), naming the slot."""
    ids = sorted(r.id for r in bundle.records if r.kind == kind)
    return f"{ids[-1] if ids else kind.replace('_', '-')}-counterfactual-{slot.partition('#')[2]}"


def _first(annotation: Any, bundle: Bundle) -> Any:
    """A valid value for a required field no rule reads: an enumeration's first member, no, zero, a date."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return str(next(iter(annotation)).value)
    if annotation is dt.date:
        return bundle.inspection.date.isoformat()
    return {bool: False, int: 0, float: 0.0}.get(annotation, "counterfactual")

