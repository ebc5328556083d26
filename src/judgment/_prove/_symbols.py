"""The z3 constants a translated condition reads, and how a record fixes each of them.

Each constant is named after the path it reads (``r.detection_rate.national.lower``) and keeps how to
read its value from bound records with the compiled engine's own readers (judgment._compiled), so
fixing a condition to a bundle reads evidence exactly as judging does.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from judgment._compiled._runtime import field_of, step
from judgment._compiled._values import Ranked
from judgment._lang._exact import exact
from judgment._lang._stated import PLAIN
from judgment._prove._values import Expr, NotTranslated
from judgment._prove._z3 import z3
from judgment.evidence import Measure, Record

#: A stated relation's plain form, by rank: what the symbol `stated` holds (-1: nothing stated).
STATED = ("below", "in_line", "above")
_LAST_CHARACTER = 0x2FFFF  # z3's default (unicode) encoding
Reader = Callable[[Mapping[str, Record], frozenset[str]], Any]


@dataclass(frozen=True)
class Place:
    """What a constant reads: `role` of the value at `parts` of the record bound to `variable` (a slot).

    Roles: ``term`` and ``known`` of a scalar; ``known``, ``numbered``, ``lower``, ``upper``, ``stated``
    of a figure (judgment._prove._values). `model` is the record's model, where known."""

    variable: str
    parts: tuple[str, ...]
    role: str
    model: type[Record] | None = None


class Symbols:
    """Constants created on first use; `fixed` gives each its value under given records.

    Constants are kept by name; in z3 each is named `prefix` + name, so two symbolic bundles (before
    and after a change, judgment._prove._model) have constants of the same names that z3 tells apart.
    A constant read from a record keeps its `place`; `facts` hold, by path, what every valid record
    satisfies there (judgment._prove._domain), and `domain()` gives them all."""

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self.constants: dict[str, tuple[Expr, str, Reader]] = {}
        self.places: dict[str, Place] = {}
        self.facts: dict[str, list[Expr]] = {}

    def constant(self, name: str, sort: str, reader: Reader, place: Place | None = None) -> Expr:
        if name not in self.constants:
            make = {"num": z3().Real, "str": z3().String, "bool": z3().Bool, "int": z3().Int}[sort]
            self.constants[name] = (make(self.prefix + name), sort, reader)
            if place is not None:
                self.places[name] = place
        return self.constants[name][0]

    def domain(self) -> list[Expr]:
        """Facts every valid record satisfies, for the constants created so far (a missing value is free)."""
        return [fact for facts in self.facts.values() for fact in facts]

    def fixed(self, records: Mapping[str, Record], fired: frozenset[str]) -> list[tuple[Expr, Expr]]:
        """(constant, its value) for every constant but those of records not given: what z3.substitute takes."""
        return [(const, _literal(sort, reader(records, fired)))
                for name, (const, sort, reader) in self.constants.items()
                if name not in self.places or self.places[name].variable in records]


def _literal(sort: str, value: Any) -> Expr:
    if sort == "num":
        number = exact(0.0 if value is None else value)
        return z3().RealVal(f"{number.numerator}/{number.denominator}")
    if sort == "str":
        return text("" if value is None else str(value))
    if sort == "int":
        return z3().IntVal(0 if value is None else int(value))
    return z3().BoolVal(bool(value))


def text(value: str) -> Expr:
    """A z3 string literal holding exactly `value`'s code points. z3 reads ``\\u{...}`` in a literal as
    an escape, so a backslash and anything not printable ASCII is written as one; z3's characters end
    at U+2FFFF, so a text beyond them is refused, not approximated."""
    beyond = [c for c in value if ord(c) > _LAST_CHARACTER]
    if beyond:
        raise NotTranslated([f"a text holding U+{ord(beyond[0]):X} (z3 strings end at U+2FFFF)"])
    return z3().StringVal("".join(c if " " <= c <= "~" and c != "\\" else f"\\u{{{ord(c):x}}}" for c in value))


def read(variable: str, parts: tuple[str, ...]) -> Callable[[Mapping[str, Record]], Any]:
    """The value at a path, as generated code reads it: field_of, then step past the field."""
    def reader(records: Mapping[str, Record]) -> Any:
        current = field_of(records[variable], parts[0])
        for part in parts[1:]:
            current = step(current, part)
        return current
    return reader


def scalar(value: Any) -> Any:
    """A scalar as a z3 literal's source: a rank for a scale, an enum's value, a number as is."""
    if isinstance(value, Ranked):
        return value.rank
    if isinstance(value, (float, int, Fraction, bool, str)) or value is None:
        return value
    return getattr(value, "value", value)  # a Trend member, which step leaves as it is


def bounds(value: Any) -> tuple[Any, Any] | None:
    """A figure's interval as comparisons read it (judgment._compiled._runtime._bounds)."""
    if not isinstance(value, Measure) or value.value is None:
        return None
    return (value.value, value.value) if value.interval is None else (value.interval.lower, value.interval.upper)


def stated_rank(value: Any) -> int:
    if not isinstance(value, Measure) or value.stated is None:
        return -1
    return STATED.index(PLAIN[str(getattr(value.stated, "value", value.stated))])
