"""The fact encoder: the only way data reaches durable_rules, validated before anything is asserted.

durable_rules parses facts with its own C parser, which crashes on some inputs
and silently drops others (a float written ``1e-05``, ``inf``, more than about
250 keys, a string of 16 MB) and compares strings by a 16-bit length. So facts
are written here, by hand, in one narrow dialect: flat objects, property names
we chose, numbers always as floats with a fraction digit, ASCII-only strings no
longer than the engine can compare, never ``null``.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Any, Generic, TypeVar
from json.encoder import encode_basestring_ascii

from judgment._durable._names import property_name
from judgment._lang._exact import tolerance_of
from judgment._lang._stated import gap_signs
from judgment.evidence import Measure, OrderedEnum, Record

MAX_KEYS = 200  # the C parser fails at 253 keys; leave a margin
MAX_STRING = 65_535  # lengths are 16-bit inside the engine
MAX_EXACT_INTEGER = 2**53  # beyond this a float cannot hold every integer
RESERVED_KEYS = frozenset({"id", "sid"})

Scalar = float | str


class EncodingError(ValueError):
    """A value durable_rules could not hold faithfully; the message names it."""


@dataclass(frozen=True)
class Prop:
    """One property of an encoded record: ``f_rate_0national_0gap__above`` and how to read it."""

    path: tuple[str, ...]

    @property
    def name(self) -> str:
        return property_name(self.path)  # injective: see _names


def format_number(value: float) -> str:
    """A float as the engine's parser reads it exactly: always a fraction digit, never inf or NaN."""
    if not math.isfinite(value):
        raise EncodingError(f"{value!r} is not a finite number")
    text = repr(float(value))
    if "e" not in text:
        return text  # repr of a finite float always has a fraction digit unless it has an exponent
    mantissa, _, exponent = text.partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + ("e" + exponent if exponent else "")


def format_string(value: str) -> str:
    text = encode_basestring_ascii(value)  # exactly json.dumps(value, ensure_ascii=True), without its dispatch
    if len(text) - 2 > MAX_STRING:
        raise EncodingError(f"a string of {len(text) - 2:,} characters is longer than the engine can compare "
                            f"({MAX_STRING:,})")
    return text


def scalar(value: object, where: str) -> Scalar | None:
    """The engine's view of one value: ranks for ordered scales, 1.0/0.0 for booleans."""
    if value is None:
        return None
    if type(value) is float:  # most values: figures and their bounds
        return value
    if isinstance(value, OrderedEnum):
        return float(value.rank)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int):
        if abs(value) > MAX_EXACT_INTEGER:
            raise EncodingError(f"{where} = {value} is beyond ±2**53, where numbers stop being exact")
        return float(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        return value
    raise EncodingError(f"{where} has a type the engine cannot hold: {type(value).__name__}")


def read_prop(record: Record, prop: Prop) -> Scalar | None:
    """The value of one property of a record, or None when the record does not carry it."""
    value: object = getattr(record, prop.path[0], None)
    if len(prop.path) == 1:
        return scalar(value, prop.name)
    if not isinstance(value, Measure):
        return None
    if len(prop.path) == 2:
        return scalar(getattr(value, prop.path[1]), prop.name)
    comparator = value.comparators.get(prop.path[1])
    if comparator is None:
        return None
    part = prop.path[2]
    if part in ("gap_above", "gap_below"):  # (gap - tolerance)'s sign, or the stated relation's, by the
        signs = gap_signs(value, comparator, tolerance_of(prop.path[3]))  # compiled engine's own helper
        return None if signs is None else float(signs[0 if part == "gap_above" else 1])
    return scalar(getattr(comparator, part), prop.name)


def encode_fact(meta: Mapping[str, Scalar], values: Mapping[str, Scalar | None]) -> str:
    """One fact as JSON text; absent values are left out, never written as null."""
    parts = []
    items = [*meta.items(), *((k, v) for k, v in values.items() if v is not None)]
    if len(items) > MAX_KEYS:
        raise EncodingError(f"a fact with {len(items)} properties; the engine holds at most {MAX_KEYS}")
    for key, value in items:
        if key.startswith("$"):
            raise EncodingError(f"property {key!r}: names starting with '$' are the engine's own")
        rendered = format_string(value) if isinstance(value, str) else format_number(value)
        parts.append(f"{format_string(key)}:{rendered}")
    return "{" + ",".join(parts) + "}"


class RecordEncoder:
    """Encodes the records of one kind: the same JSON as :func:`encode_fact`, with the property
    names checked and quoted once, not once per record."""

    def __init__(self, kind: str, props: tuple[Prop, ...]) -> None:
        if len(props) + 2 > MAX_KEYS:
            raise EncodingError(f"a fact with {len(props) + 2} properties; the engine holds at most {MAX_KEYS}")
        for prop in props:
            if prop.name.startswith("$"):
                raise EncodingError(f"property {prop.name!r}: names starting with '$' are the engine's own")
        self.head = f"{format_string('t')}:{format_string('r')},{format_string('k')}:{format_string(kind)}"
        self.props = tuple((_reader(prop), format_string(prop.name) + ":") for prop in props)

    def encode(self, record: Record) -> str:
        parts = [self.head]
        for read, key in self.props:
            value = read(record)
            if value is not None:
                parts.append(key + (format_string(value) if isinstance(value, str) else format_number(value)))
        return "{" + ",".join(parts) + "}"


def _reader(prop: Prop) -> Callable[[Record], Scalar | None]:
    """:func:`read_prop` for one property, with its path and name looked at once."""
    name, path = prop.name, prop.path
    if len(path) == 1:
        field = path[0]
        return lambda record: scalar(getattr(record, field, None), name)
    if len(path) == 2 and path[1] in ("value", "lower", "upper"):
        field, part = path

        def figure(record: Record) -> Scalar | None:
            value = getattr(record, field, None)
            return scalar(getattr(value, part), name) if isinstance(value, Measure) else None
        return figure
    return lambda record: read_prop(record, prop)


Owner = TypeVar("Owner")
Encoded = TypeVar("Encoded")


class EncodedFacts(Generic[Owner, Encoded]):
    """The encoded facts of records (or bundles) still alive, by identity. Records are immutable,
    so a record judged again (what-ifs that change one record of a bundle, live sessions,
    repeated batches) is encoded once; an entry goes when its owner does, so nothing is kept
    alive here."""

    def __init__(self) -> None:
        self._by_id: dict[int, tuple[weakref.ref[Owner], Encoded]] = {}

    def get(self, owner: Owner, encode: Callable[[Owner], Encoded]) -> Encoded:
        key = id(owner)
        hit = self._by_id.get(key)
        if hit is not None and hit[0]() is owner:
            return hit[1]
        made = encode(owner)
        self._by_id[key] = (weakref.ref(owner, partial(_forget, self._by_id, key)), made)
        return made

    def __len__(self) -> int:
        return len(self._by_id)


def _forget(entries: dict[int, tuple[weakref.ref[Any], Any]], key: int, dead: weakref.ref[Any]) -> None:
    entry = entries.get(key)
    if entry is not None and entry[0] is dead:  # not a newer record that took the same id
        del entries[key]
