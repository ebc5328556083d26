"""Runtime values of expressions and how they are described to an inspector."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from fractions import Fraction
from typing import Any

from judgment._lang._stated import computed, stated_words
from judgment.evidence import Measure, OrderedEnum, Record


@dataclass(frozen=True)
class Ranked:
    """A value on an ordered scale (an ordered enum member or a grade): compared by position."""

    value: str
    order: tuple[str, ...]  # worst first
    rank: int = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "rank", self.order.index(self.value))

    def of(self, other: str) -> Ranked:
        return Ranked(other, self.order)


Value = Any  # float | str | bool | Ranked | Measure | Record | None (None: unknown)


def lift(raw: Any) -> Value:
    """Convert a model attribute into an expression value."""
    if raw is None or isinstance(raw, (bool, str)) and not isinstance(raw, Enum):
        return raw
    if isinstance(raw, OrderedEnum):
        key = (type(raw), raw.value)  # members of different scales may share a value, and compare equal
        ranked = _RANKED.get(key)
        if ranked is None:
            ranked = _RANKED[key] = Ranked(raw.value, tuple(m.value for m in type(raw)))
        return ranked
    if isinstance(raw, Enum):
        return raw.value
    if isinstance(raw, (Measure, Record)):
        return raw
    if isinstance(raw, (int, float)):
        return float(raw)
    return str(raw)


#: One Ranked per ordered enum member: enums are few and fixed, and lifting is on every read.
_RANKED: dict[tuple[type, str], Ranked] = {}


def describe(value: Value) -> str:
    """A value in words: figures with their intervals, scales by name, unknown when missing."""
    kind = type(value)  # the usual values first, by exact type: isinstance against a model is slow
    if kind is float:
        return f"{int(value):,}" if value.is_integer() else f"{value:g}"
    if kind is str:
        return value.replace("_", " ")  # type: ignore[no-any-return]
    if kind is Ranked:
        return value.value.replace("_", " ")  # type: ignore[no-any-return]
    if value is None:
        return "unknown (not in the evidence)"
    if isinstance(value, Measure):
        return value.describe()
    if isinstance(value, Ranked):
        return value.value.replace("_", " ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Fraction):  # the exact result of rule arithmetic, shown as a number
        value = float(value)
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:g}"
    if isinstance(value, Record):
        return f"{value.kind} {value.id}"
    return str(value).replace("_", " ")


def stated_relation(subject: Value, reference: Value) -> tuple[bool, str] | None:
    """For a figure against its own comparator that carries a stated relation: whether the relation
    was computed from numbers (the stated one then only annotates), and the stated relation in words."""
    if not isinstance(subject, Measure) or not isinstance(reference, Measure):
        return None
    name = next((n for n, c in subject.comparators.items() if c is reference), None)
    words = None if name is None else stated_words(reference, name)
    return None if words is None else (computed(subject, reference), words)
