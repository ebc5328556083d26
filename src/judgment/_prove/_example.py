"""Counterexample bundles: a z3 model of record slots written back as evidence `judgment check` accepts.

Each slot (``vulnerability#0``) becomes one record: every value the model makes known, read back from
its constants (a rank as its member, a figure with its interval, comparators, stated relations and
trend), required fields no rule reads filled with a valid value, and a unit chosen so the figure
validates. Numbers are written exactly as decimals; a rational that is not one (z3 may answer 1/3) is
NotDecimal, and `decimal_grid` gives facts that keep every number on a grid of decimals, for solving
again. `bundle_yaml` renders records as a whole bundle (the shape of examples/derbyshire-2014.yaml).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from typing import Any

import yaml

from judgment._lang._exact import exact
from judgment._lang._stated import PLAIN
from judgment._prove._symbols import STATED, Symbols
from judgment._prove._values import Expr
from judgment._prove._z3 import z3
from judgment.evidence import Comparators, Measure, Record, Vocabulary
from judgment.evidence._vocabulary import strip_optional

PROVENANCE = {"document": "counterexample", "section": "judgment prove", "quote": "made by the z3 solver"}
Reading = dict[tuple[tuple[str, ...], str], Any]  # (parts, role) -> the model's value of that constant


class NotDecimal(ValueError):
    """A number of the model is not a decimal evidence can hold exactly: add `decimal_grid` and solve again."""


def decimal_grid(symbols: Symbols, places: int = 2) -> list[Expr]:
    """Each number constant a whole number n of 10^-places (an Int of its own), |n| < 10^15: a decimal
    of at most 15 significant digits, which a float holds exactly."""
    return on_grid([constant for constant, sort, _ in symbols.constants.values() if sort == "num"], places)


def on_grid(numbers: Sequence[Expr], places: int = 2) -> list[Expr]:
    """`decimal_grid` for the real constants given (each named ``<its name>.grid``)."""
    step, facts = z3().RealVal(f"1/{10 ** places}"), []
    for constant in numbers:
        count = z3().Int(f"{constant.decl().name()}.grid")
        facts += [constant == z3().ToReal(count) * step, count < 10**15, count > -10**15]
    return facts


def written(model: Any, constant: Expr) -> bool:
    """Whether the model gives the real constant a decimal evidence holds exactly."""
    value = model.eval(constant, model_completion=True)
    return bool(z3().is_rational_value(value)) and _is_decimal(
        Fraction(value.numerator_as_long(), value.denominator_as_long()))


def record_id(slot: str) -> str:
    """``vulnerability#0`` -> ``vulnerability-000``: a valid record id, sorting as the slots do."""
    kind, _, index = slot.partition("#")
    return f"{kind}-{int(index):03d}"


def records_from_model(model: Any, symbols: Symbols, slots: Mapping[str, str],
                       vocabulary: Vocabulary | None = None) -> list[dict[str, Any]]:
    """One record (as data) per slot, in slot order; `vocabulary` gives the model of a kind no constant reads."""
    records = []
    for slot, kind in sorted(slots.items()):
        reading = _reading(model, symbols, slot)
        models = [p.model for p in symbols.places.values() if p.variable == slot and p.model is not None]
        record_model = models[0] if models else (vocabulary.models[kind] if vocabulary else None)
        if record_model is None:
            raise ValueError(f"no model for the kind {kind!r} of slot {slot}: pass the vocabulary")
        records.append(_record(slot, kind, record_model, reading))
    return records


def _reading(model: Any, symbols: Symbols, slot: str) -> Reading:
    reading: Reading = {}
    for name, place in symbols.places.items():
        if place.variable == slot:
            constant, sort, _ = symbols.constants[name]
            reading[(place.parts, place.role)] = _python(model.eval(constant, model_completion=True), sort, name)
    return reading


def _python(value: Expr, sort: str, name: str) -> Any:
    if sort == "bool":
        return bool(z3().is_true(value))
    if sort == "int":
        return value.as_long()
    if sort == "str":
        return decoded(value.as_string())
    if not z3().is_rational_value(value):
        raise NotDecimal(f"{name} is {value}, not a rational")
    return Fraction(value.numerator_as_long(), value.denominator_as_long())


def decoded(escaped: str) -> str:
    """z3 writes characters beyond printable ASCII as ``\\u{hex}``."""
    out, index = [], 0
    while index < len(escaped):
        end = escaped.find("}", index)
        if escaped.startswith("\\u{", index) and end > 0:
            out.append(chr(int(escaped[index + 3:end], 16)))
            index = end + 1
        else:
            out.append(escaped[index])
            index += 1
    return "".join(out)


def _record(slot: str, kind: str, model: type[Record], reading: Reading) -> dict[str, Any]:
    data: dict[str, Any] = {"id": record_id(slot), "kind": kind, "provenance": dict(PROVENANCE)}
    for name, info in model.model_fields.items():
        if name in ("id", "kind", "provenance"):
            continue
        annotation, optional = strip_optional(info.annotation)
        if annotation is Measure and reading.get(((name,), "known")):
            data[name] = _figure(reading, (name,), _declared(info.metadata))
        elif annotation is not Measure and reading.get(((name,), "known")):
            data[name] = _scalar(annotation, reading[((name,), "term")], name)
        elif not optional and info.is_required():
            data[name] = _filler(annotation, info.metadata)
    return data


def _declared(metadata: list[Any]) -> Comparators:
    return next((m for m in metadata if isinstance(m, Comparators)), Comparators())


def _scalar(annotation: Any, value: Any, name: str) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        members = [str(m.value) for m in annotation]
        return members[value] if isinstance(value, int) else value  # a rank, or an unordered member's text
    if annotation is int:
        return int(value)
    if annotation is float:
        return decimal(value, name)
    return value


def _filler(annotation: Any, metadata: list[Any]) -> Any:
    """A valid value for a required field no rule reads (as judgment.testing._strategies draws them)."""
    if annotation is Measure:
        return {"value": 0.0, "unit": "percent"}
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return str(next(iter(annotation)).value)
    if annotation in (int, float):
        low = next((getattr(m, k) + (k == "gt") for m in metadata for k in ("ge", "gt") if hasattr(m, k)), 0)
        return annotation(low)
    return {bool: False, dt.date: "2014-01-01"}.get(annotation, "generated")


def _figure(reading: Reading, parts: tuple[str, ...], declared: Comparators) -> dict[str, Any]:
    """A figure as data: its numbers, stated relation and trend, and (for a field) its comparators and unit."""
    data = _numbers(reading, parts)
    stated = reading.get((parts, "stated"), -1)
    if stated >= 0:
        data["stated"] = next(f for f in declared.stated if PLAIN[f] == STATED[stated])
    if reading.get((parts + ("trend",), "known")):
        data["trend"] = reading[(parts + ("trend",), "term")]
    if len(parts) == 1:
        comparators = {name: _figure(reading, parts + (name,), declared) for name in declared.names
                       if reading.get((parts + (name,), "known"))}
        data = {**data, "unit": _unit(data, comparators.values()), "comparators": comparators}
    if not ("value" in data or "stated" in data or "trend" in data
            or any("stated" in c for c in data.get("comparators", {}).values())):
        _something_stated(reading, parts, declared, data)
    return data


def _numbers(reading: Reading, parts: tuple[str, ...]) -> dict[str, Any]:
    """value and interval, from the figure's bounds or the parts a rule reads (value, lower, upper)."""
    def part(role: str) -> Any:
        return reading[(parts + (role,), "term")] if reading.get((parts + (role,), "known")) else None

    numbered = reading.get((parts, "numbered"))
    value = part("value")
    lower = reading[(parts, "lower")] if numbered else part("lower")
    upper = reading[(parts, "upper")] if numbered else part("upper")
    lower = next((x for x in (lower, value, upper) if x is not None), None)
    upper = next((x for x in (upper, value, lower) if x is not None), None)
    if lower is None or upper is None:
        return {}
    value = value if value is not None else _between(lower, upper)
    name = ".".join(parts)
    interval = {} if lower == upper else {"interval": {"lower": decimal(lower, name), "upper": decimal(upper, name)}}
    return {"value": decimal(value, name), **interval}


def _between(lower: Fraction, upper: Fraction) -> Fraction:
    """The middle of the interval when evidence can hold it (a decimal, 0 or at least 10^-15 in size),
    else its lower end, which the domain keeps valid."""
    middle = (lower + upper) / 2
    return middle if _is_decimal(middle) and (middle == 0 or abs(middle) >= Fraction(1, 10**15)) else lower


def _is_decimal(number: Fraction) -> bool:
    try:
        decimal(number, "")
    except NotDecimal:
        return False
    return True


def decimal(number: Fraction, name: str) -> float:
    """The float evidence writes for `number`, which the engines read back as exactly it."""
    written = float(Decimal(number.numerator) / Decimal(number.denominator))
    if exact(written) != number:
        raise NotDecimal(f"{name} is {number}, not a decimal evidence holds exactly: add decimal_grid and solve again")
    return written


def _unit(figure: dict[str, Any], comparators: Any) -> str:
    """percent when every number is within 0..100; percent_change (no limits) otherwise."""
    numbers = [n for f in (figure, *comparators) for n in (f.get("value"), *f.get("interval", {}).values())
               if n is not None]
    return "percent" if all(0 <= n <= 100 for n in numbers) else "percent_change"


def _something_stated(reading: Reading, parts: tuple[str, ...], declared: Comparators, data: dict[str, Any]) -> None:
    """A figure without numbers must state something: a trend, or a comparator's relation, that no rule reads."""
    if (parts + ("trend",), "known") not in reading:
        data["trend"] = "stable"
        return
    unread = [name for name in declared.names if (parts + (name,), "known") not in reading]
    if len(parts) == 1 and unread:
        data.setdefault("comparators", {})[unread[0]] = {"stated": declared.stated[0]}


def bundle_yaml(records: list[dict[str, Any]], vocabulary_id: str, date: dt.date) -> str:
    """A whole bundle as YAML text (records in id order), ready for `judgment check` and `judgment run`:
    inspected over the year to `date` (a day earlier on the 29th of February)."""
    start = (date - dt.timedelta(days=1) if date.month == 2 and date.day == 29 else date).replace(year=date.year - 1)
    inspection = {"organisation": "Counterexample", "title": "A counterexample found by judgment prove",
                  "framework": "judgment prove", "period": {"start": start, "end": date}, "date": date}
    document = {"vocabulary": vocabulary_id, "inspection": inspection,
                "records": sorted(records, key=lambda r: str(r["id"]))}
    return yaml.dump(document, Dumper=_Plain, sort_keys=False, allow_unicode=True)


class _Plain(yaml.SafeDumper):
    """Safe YAML without anchors and aliases: a reader sees each value where it is used."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


__all__ = ["NotDecimal", "bundle_yaml", "decimal", "decimal_grid", "on_grid", "record_id",
           "records_from_model", "written"]
