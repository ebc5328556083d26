"""Evidence is strict: what a bundle may write for each type, and the range of every number.

Bundles are read from YAML and JSON, so evidence comes as JSON's data model: numbers, booleans,
strings, lists and mappings. Every evidence model validates in pydantic's strict mode (a boolean is
never a number, ``"48"`` is not 48, ``yes`` is not true), and then, for the types JSON does not
have, says deliberately what stands for them:

- a date is a ``datetime.date`` or a string ``YYYY-MM-DD`` (what YAML and JSON bundles write);
- a member of an enumeration is the member or its value, a string.

On top of the types, two rules for all evidence, enforced where each value is read:

- every number is finite and within ±10^15 (:data:`MAX_MAGNITUDE`), and a fractional number is 0
  or at least 10^-15 in size (:data:`MIN_MAGNITUDE`): integers then stay exact as floats (2^53 is
  about 9×10^15), canonical JSON holds every one, durable_rules' int64 and floats too, and
  arithmetic in rules can be bounded before any evidence exists (see ``judgment._lang._range``);
- text holds no control characters (see :data:`CONTROL`): a quote cannot move a terminal's
  cursor, retitle its window or reverse the text around it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any, cast

from pydantic import GetCoreSchemaHandler
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

MAX_MAGNITUDE = 10**15
MIN_MAGNITUDE = 1e-15
RANGE = "from -10^15 to 10^15, and a fraction 0 or at least 10^-15 in size"

#: C0 controls but tab and line feed, DEL, C1 controls, the line and paragraph separators, and the
#: bidirectional embeddings, overrides and isolates ("Trojan source").
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMES = {"\x1b": "ESC", "\x7f": "DEL", "\r": "carriage return", "\x00": "NUL", "\x07": "BEL", "\x08": "backspace"}
#: The same, as a pattern for pydantic-core's regex engine (and JSON Schema); `_pydantic_errors` words its failures.
PLAIN_TEXT = r"^[^\x00-\x08\x0B-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]*$"  # Rust, Python, ECMA
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MARK = "judgment_strict"


def strict_schema(source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
    """The model's core schema, with the rules above applied to every field, nested ones too."""
    schema = handler(source)
    _apply(schema, handler)
    return schema


def _apply(node: Any, handler: GetCoreSchemaHandler) -> None:
    """Walk a core schema; wrap numbers, dates and strings, and let enumerations take their values."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in list(children):
        if not isinstance(child, (dict, list)):
            continue
        if isinstance(child, dict) and child.get("type") == "definition-ref":
            resolved = cast("dict[str, Any]", handler.resolve_ref_schema(child))
            if resolved.get("type") == "enum":
                resolved["strict"] = False  # lax for an enum is exactly "the member or its value"
        wrapped = _wrapped(child) if isinstance(child, dict) else None
        if wrapped is not None:
            node[key] = wrapped
        _apply(child, handler)


def _wrapped(schema: dict[str, Any]) -> CoreSchema | None:
    kind = schema.get("type")
    if kind == "enum":
        schema["strict"] = False
    if kind not in ("int", "float", "date", "str") or schema.get("metadata", {}).get(_MARK):
        return None
    schema.setdefault("metadata", {})[_MARK] = True
    if kind == "str":
        if "pattern" not in schema:  # checked by pydantic-core's own regex engine, five times faster
            schema["pattern"] = PLAIN_TEXT
            return None
        return core_schema.no_info_after_validator_function(plain_text, schema)
    check = iso_date if kind == "date" else number_in_range
    return core_schema.no_info_before_validator_function(check, schema)


def number_in_range(value: Any) -> Any:
    """Refuse a number out of range before its type is checked (10^400 is no valid float to pydantic)."""
    kind = type(value)  # the common cases first: every number of every bundle passes here
    if kind is float:
        if -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE and (value == 0 or not -MIN_MAGNITUDE < value < MIN_MAGNITUDE):
            return value  # NaN fails the first comparison and goes on to be refused below
    elif kind is int and -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # strict validation refuses it as the wrong type
    if isinstance(value, int):
        fits = -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE
    else:
        fits = math.isfinite(value) and (value == 0 or MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE)
    if not fits:
        raise PydanticCustomError("number_range", "out of range: evidence numbers lie " + RANGE)
    return value


def iso_date(value: Any) -> Any:
    """A string standing for a date must be exactly ``YYYY-MM-DD`` and a real day."""
    if not isinstance(value, str):
        return value  # a date passes; anything else is refused as the wrong type
    if not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_type", "a date is written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise PydanticCustomError("date_value", "{value} is not a date: {reason}",
                                  {"value": value, "reason": str(exc)}) from None


def plain_text(value: str) -> str:
    """Refuse text with a control character (for strings that have a pattern of their own)."""
    problem = control_character(value)
    if problem is not None:
        raise PydanticCustomError("control_character", problem)
    return value


def control_character(value: str) -> str | None:
    """What is wrong with `value` as evidence text, in words, or None when nothing is."""
    found = CONTROL.search(value)
    if found is None:
        return None
    char = found.group()
    name = f"U+{ord(char):04X}" + (f" {_NAMES[char]}" if char in _NAMES else "")
    return f"text holds a control character ({name}) at character {found.start() + 1}"
