"""The moves the search may make on one bundle, for one question: each one change of evidence.

The move set (what "exact within N changes" is exact over):

- an ordered scale set to each other member; its distance is the number of steps (an absent value
  given any member is one step);
- a choice (an unordered enumeration) switched to each other member, a boolean flipped (an absent
  one given either value): distance 1;
- a number moved to the nearest value of each other outcome of the comparisons that read it, a
  figure's value likewise (its interval's width kept: judgment._counterfactual._figures); the
  distance is how far it moved, in the figure's unit;
- a record dropped (distance 1), and a record added (distance 1): judgment._counterfactual._adds.

Only fields the question's finding rules test, on records of the kinds they read, are moved.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from judgment._bundle import Bundle
from judgment._counterfactual._figures import figure_values, number_values
from judgment._counterfactual._reads import Reads
from judgment._errors import BundleError
from judgment._whatif._changes import Change, DropRecord, SetField, apply_changes
from judgment.evidence import FieldSpec, Measure, Record, Vocabulary


@dataclass(frozen=True)
class Move:
    """One change the search may make, with what it changes and how far."""

    change: Change
    #: What it changes: ("set", record, field), ("drop", record) or ("add", record id): one move per slot.
    slot: tuple[str, ...]
    distance: float
    #: The record it touches (for adds: the record it makes), changed: None for a drop.
    record: Record | None
    #: The value before and after, in words (empty for drops and adds).
    before: str = ""
    after: str = ""
    #: Moves of the same slot no rule can tell from this one (a choice switched to another value
    #: no condition names): searched as this one, listed beside it.
    equivalents: tuple[Move, ...] = ()
    #: How it is listed among equally near sets: a scale, figure or yes/no changed (0), a choice
    #: switched or a required non-figure field changed, which changes what the record is about (1),
    #: a record added (2), dropped (3).
    rank: int = 0


def record_moves(bundle: Bundle, reads: Reads, vocabulary: Vocabulary) -> list[Move]:
    """Every set and drop move on the records of the kinds `reads` reads, in record-id order."""
    moves: list[Move] = []
    for record in bundle.records:
        if record.kind not in reads.kinds:
            continue
        specs = vocabulary.fields(record.kind)
        for kind, name in reads.fields:
            if kind == record.kind and name in specs:
                if specs[name].kind == "enum" and (kind, name) not in reads.opaque:
                    moves.extend(_choice_moves(bundle, record, specs[name], reads.literals.get((kind, name), set())))
                    continue
                # A required field that is not a figure says what the record is about (its area,
                # category, months): listed with the choices switched, after assessments and figures.
                about = not specs[name].optional and specs[name].kind != "measure"
                for change, distance in _field_moves(record, specs[name], reads.fields[kind, name]):
                    moves.extend(_checked(bundle, record, change, name, distance, rank=1 if about else 0))
        moves.append(Move(DropRecord(record.id), ("drop", record.id), 1, None, rank=3))
    return moves


def _checked(bundle: Bundle, record: Record, change: SetField, name: str, distance: float,
             rank: int = 0) -> list[Move]:
    """The move, with its record changed, or none when the change does not validate (a percentage
    over 100, a count below zero): such evidence could not be written in a bundle either."""
    try:
        changed = apply_changes(bundle, [change]).record(record.id)
    except BundleError:
        return []
    return [Move(change, ("set", record.id, name), distance, changed,
                 words(getattr(record, name)), words(getattr(changed, name)), rank=rank)]


def _choice_moves(bundle: Bundle, record: Record, spec: FieldSpec, literals: set[tuple[str, str]]) -> list[Move]:
    """An enumeration read only by comparisons with literals: one move per outcome of those
    comparisons other than today's, to the nearest member giving it (the others beside it)."""
    members = list(spec.members)
    current = getattr(record, spec.name)
    now = None if current is None else str(getattr(current, "value", current))

    def outcome(member: str | None) -> tuple[bool | None, ...]:
        return tuple(None if member is None else _holds(op, members, member, literal, spec.ordered)
                     for op, literal in sorted(literals))
    here = outcome(now)
    classes: dict[tuple[bool | None, ...], list[tuple[float, Move]]] = {}
    for member, distance in _field_moves(record, spec, ()):
        seen = outcome(str(member.value))
        if seen != here:
            for move in _checked(bundle, record, member, spec.name, distance):
                classes.setdefault(seen, []).append((distance, move))
    moves = []
    for found in classes.values():
        found.sort(key=lambda dm: (dm[0], members.index(str(dm[1].change.value))))  # type: ignore[union-attr]
        nearest = found[0][0]
        first, *same = [m for d, m in found if d == nearest or not spec.ordered]
        rank = 0 if spec.ordered else 1
        moves.append(replace(first, equivalents=tuple(replace(m, rank=rank) for m in same), rank=rank))
    return moves


def _holds(op: str, members: list[str], member: str, literal: str, ordered: bool) -> bool:
    if ordered and literal in members:
        a, b = members.index(member), members.index(literal)
    else:
        a, b = (0, 0) if member == literal else (0, 1)
        op = {"==": "==", "!=": "!="}.get(op, "==")
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _field_moves(record: Record, spec: FieldSpec, tests: Any) -> list[tuple[SetField, float]]:
    current = getattr(record, spec.name)
    if spec.kind == "enum":
        now = None if current is None else str(getattr(current, "value", current))
        members = list(spec.members)
        return [(SetField(record.id, spec.name, m),
                 abs(members.index(m) - members.index(now)) if spec.ordered and now is not None else 1)
                for m in members if m != now]
    if spec.kind == "bool":
        return [(SetField(record.id, spec.name, v), 1) for v in (True, False) if v is not current]
    if spec.kind == "number" and current is not None:
        return [(SetField(record.id, spec.name, v), abs(v - current)) for v in number_values(current, tests)]
    if spec.kind == "measure" and isinstance(current, Measure) and current.value is not None:
        return [(SetField(record.id, f"{spec.name}.value", v), round(abs(v - current.value), 10))
                for v in figure_values(current, tests)]
    return []


def words(value: object) -> str:
    """A field's value as an inspector reads it."""
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Measure):
        return value.describe()
    return str(getattr(value, "value", value)).replace("_", " ")
