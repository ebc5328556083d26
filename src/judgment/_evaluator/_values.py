"""Runtime values of expressions and how they are described to an inspector."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from judgment.evidence import Measure, OrderedEnum, Record


@dataclass(frozen=True)
class Ranked:
    """A value on an ordered scale (an ordered enum member or a grade): compared by position."""

    value: str
    order: tuple[str, ...]  # worst first

    @property
    def rank(self) -> int:
        return self.order.index(self.value)

    def of(self, other: str) -> Ranked:
        return Ranked(other, self.order)


Value = Any  # float | str | bool | Ranked | Measure | Record | None (None: unknown)


def lift(raw: Any) -> Value:
    """Convert a model attribute into an expression value."""
    if isinstance(raw, OrderedEnum):
        return Ranked(raw.value, tuple(m.value for m in type(raw)))
    if isinstance(raw, Enum):
        return raw.value
    if isinstance(raw, bool) or raw is None or isinstance(raw, (str, Measure, Record)):
        return raw
    if isinstance(raw, (int, float)):
        return float(raw)
    return str(raw)


def describe(value: Value) -> str:
    """A value in words: figures with their intervals, scales by name, unknown when missing."""
    if value is None:
        return "unknown (not in the evidence)"
    if isinstance(value, Measure):
        return value.describe()
    if isinstance(value, Ranked):
        return value.value.replace("_", " ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() else f"{value:g}"
    if isinstance(value, Record):
        return f"{value.kind} {value.id}"
    return str(value).replace("_", " ")
