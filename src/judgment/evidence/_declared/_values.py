"""Values a vocabulary file declares that must agree with each other: bounds, lengths, defaults."""

from __future__ import annotations

from judgment._diagnostics import Diagnostic, excerpt
from judgment._io._yaml import Positions
from judgment.evidence._declared._read import Declared
from judgment.evidence._declared._shape import AnyField, NumberField, TextField
from judgment.evidence._strict import MAX_MAGNITUDE


def check_values(declared: Declared, where: Positions) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for kind, fields in declared.fields.items():
        for name, field in fields.items():
            key = ("kinds", kind, "fields", name)
            problems.extend(_check(field, key, where))
    return problems


def _check(field: AnyField, key: tuple[str, ...], where: Positions) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    default = getattr(field, "default", None)
    if default is not None and field.optional:
        found.append(Diagnostic("BAD_VALUE", "an optional field has no value when the record leaves it out; "
                                f"it cannot also have a default ({excerpt(default)})", where.of_value((*key, "default")),
                                hint="remove 'default', or 'optional: true'"))
    if isinstance(field, NumberField):
        found.extend(_number(field, key, where))
    if isinstance(field, TextField):
        low, high = field.min_length, field.max_length
        if low is not None and high is not None and low > high:
            found.append(Diagnostic("BAD_VALUE", f"min_length {low} is above max_length {high}",
                                    where.of_value((*key, "min_length")), hint="swap them, or correct one"))
    return found


def _number(field: NumberField, key: tuple[str, ...], where: Positions) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for part in ("minimum", "maximum", "default"):
        value = getattr(field, part)
        if value is None:
            continue
        place = where.of_value((*key, part))
        if field.integer and not isinstance(value, int):
            found.append(Diagnostic("WRONG_TYPE", f"{part} {excerpt(value)} of a whole-number field is not a "
                                    "whole number", place, hint="write a whole number, or 'integer: false'"))
        elif abs(value) > MAX_MAGNITUDE:
            found.append(Diagnostic("BAD_VALUE", f"{part} {excerpt(value)} is out of the range of evidence numbers",
                                    place, hint="evidence numbers lie within ±10^15"))
    low, high = field.minimum, field.maximum
    if low is not None and high is not None and low > high:
        found.append(Diagnostic("BAD_VALUE", f"minimum {low} is above maximum {high}",
                                where.of_value((*key, "minimum")), hint="swap them, or correct one"))
    default = field.default
    if default is not None and ((low is not None and default < low) or (high is not None and default > high)):
        found.append(Diagnostic("BAD_VALUE", f"the default {default} lies outside minimum..maximum",
                                where.of_value((*key, "default")), hint="give a default within the bounds"))
    return found
