"""What every valid record satisfies, as z3 facts over the constants a translation reads.

A z3 constant ranges over every Real, String or Int; evidence does not. These facts narrow each to what
validation admits (judgment.evidence): a rank within its scale, an unordered enum one of its members, a
number within the evidence range (judgment.evidence._strict) and its field's limits (pydantic ge/le/gt/lt,
integral for an int), a figure numbered only when present with lower <= upper, a relation stated only on
a comparator and in a form the field allows, a trend one of TRENDS. A value that is missing is free: each
fact holds when its value is known. A figure's unit is free (the counterexample builder chooses one).
"""

from __future__ import annotations

from enum import Enum
from fractions import Fraction
from typing import Any

from judgment._lang._stated import PLAIN
from judgment._prove._symbols import STATED, text
from judgment._prove._values import Expr, Figure, Scalar
from judgment._prove._z3 import z3
from judgment.evidence import Comparators, Record
from judgment.evidence._base import STATED_RELATIONS, TRENDS
from judgment.evidence._strict import MAX_MAGNITUDE
from judgment.evidence._vocabulary import strip_optional

_SMALLEST = Fraction(1, 10**15)  # judgment.evidence._strict.MIN_MAGNITUDE, exactly
_LIMITS = {"ge": lambda t, x: t >= x, "le": lambda t, x: t <= x, "gt": lambda t, x: t > x, "lt": lambda t, x: t < x}
_TEXT_LIMIT = 65_535  # EvidenceModel's str_max_length


def in_range(term: Expr) -> Expr:
    """An evidence number: within ±10^15, and 0 or at least 10^-15 in size."""
    return z3().And(term >= -MAX_MAGNITUDE, term <= MAX_MAGNITUDE,
                    z3().Or(term == 0, term >= _real(_SMALLEST), term <= -_real(_SMALLEST)))


def _real(number: Any) -> Expr:
    exact = Fraction(number)
    return z3().RealVal(f"{exact.numerator}/{exact.denominator}")


def field_facts(model: type[Record], name: str, value: Scalar) -> list[Expr]:
    """A scalar field: known when the field is not optional; in its type's domain when known."""
    info = model.model_fields[name]
    annotation, optional = strip_optional(info.annotation)
    when_known = [z3().Implies(value.known, fact) for fact in _typed(annotation, info.metadata, value)]
    return when_known if optional else [value.known, *when_known]


def _typed(annotation: Any, metadata: list[Any], value: Scalar) -> list[Expr]:
    term = value.term
    if value.sort == "rank":
        return [term >= 0, term < len(value.scale)]
    if value.sort == "num":
        limits = [_LIMITS[key](term, _real(getattr(m, key))) for m in metadata for key in _LIMITS if hasattr(m, key)]
        return [in_range(term), *limits, *([z3().IsInt(term)] if annotation is int else [])]
    if value.sort == "str" and isinstance(annotation, type) and issubclass(annotation, Enum):
        return [z3().Or(*(term == text(str(member.value)) for member in annotation))]
    if value.sort == "str" and annotation is str:
        low = next((m.min_length for m in metadata if hasattr(m, "min_length")), 0)
        high = next((m.max_length for m in metadata if hasattr(m, "max_length")), _TEXT_LIMIT)
        return [z3().Length(term) >= low, z3().Length(term) <= high]
    if value.sort == "str":  # a date, read as its ISO text
        digits = z3().Range("0", "9")
        iso = z3().Concat(z3().Loop(digits, 4, 4), z3().Re("-"), z3().Loop(digits, 2, 2), z3().Re("-"),
                          z3().Loop(digits, 2, 2))
        return [z3().InRe(term, iso)]
    return []


def _interval(figure: Figure) -> list[Expr]:
    """Numbered only when present, the interval ordered and in range."""
    return [z3().Implies(figure.numbered, figure.known),
            z3().Implies(figure.numbered, z3().And(figure.lower <= figure.upper, in_range(figure.lower),
                                                   in_range(figure.upper)))]


def field_figure_facts(figure: Figure, model: type[Record] | None, statements: list[Expr]) -> list[Expr]:
    """A field's figure: there when the field is required; it states no relation itself, and without
    numbers it states something else (one of `statements`: its trend, a comparator's relation)."""
    info = model.model_fields.get(figure.path[1]) if model is not None else None
    required = [figure.known] if info is not None and not strip_optional(info.annotation)[1] else []
    stating = z3().Implies(z3().And(figure.known, z3().Not(figure.numbered)), z3().Or(*statements))
    return [*_interval(figure), figure.stated == -1, stating, *required]


def comparator_facts(figure: Figure, model: type[Record] | None, parent: Figure) -> list[Expr]:
    """A comparator: there only in its figure, stating a relation its field allows (or none)."""
    info = model.model_fields.get(figure.path[1]) if model is not None else None
    allowed = next((m.stated for m in (info.metadata if info else []) if isinstance(m, Comparators)), STATED_RELATIONS)
    ranks = sorted({STATED.index(PLAIN[form]) for form in allowed})
    return [*_interval(figure), z3().Implies(figure.known, parent.known),
            z3().Implies(figure.stated >= 0, figure.known), z3().Or(*(figure.stated == r for r in (-1, *ranks)))]


def part_facts(figure: Figure, part: str, value: Scalar) -> list[Expr]:
    """``value``/``lower``/``upper`` of a figure: there exactly when it is numbered, within its interval
    (its ends, for lower and upper); a ``trend``: only on a present figure, one of TRENDS."""
    if part == "trend":
        return [z3().Implies(value.known, figure.known),
                z3().Implies(value.known, z3().Or(*(value.term == text(t) for t in TRENDS)))]
    within = {"lower": value.term == figure.lower, "upper": value.term == figure.upper,
              "value": z3().And(figure.lower <= value.term, value.term <= figure.upper)}[part]
    return [value.known == figure.numbered, z3().Implies(value.known, z3().And(within, in_range(value.term)))]
