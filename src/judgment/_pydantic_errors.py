"""Turn pydantic validation errors into located diagnostics with the offending value."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from judgment._diagnostics import Code, Diagnostic, did_you_mean, excerpt
from judgment._io._yaml import PathKey, Positions
from judgment.evidence._strict import PLAIN_TEXT, control_character

_CODES: dict[str, Code] = {
    "extra_forbidden": "UNKNOWN_KEY",
    "missing": "MISSING_KEY",
}


def diagnostics_from_validation(exc: ValidationError, prefix: PathKey, where: Positions,
                                label: str = "", model: type[BaseModel] | None = None) -> list[Diagnostic]:
    """One diagnostic per pydantic error, located in the file; `label` names the object (a record),
    and `model`, when given, lets an unknown key be matched with the keys allowed there."""
    found = []
    for error in map(_reworded, exc.errors(include_url=False)):
        loc = tuple(error["loc"])
        key = (*prefix, *loc)
        code = _code(error["type"])
        field = ".".join(str(p) for p in loc) or "(value)"
        message = label + _message(error, field, code)
        location = where.of_key(key) if code == "UNKNOWN_KEY" else where.of_value(key)
        hint = _hint(error, code)
        if code == "UNKNOWN_KEY" and model is not None and loc:
            hint = did_you_mean(str(loc[-1]), _allowed_keys(model, loc[:-1]))
        found.append(Diagnostic(code, message, location, hint=hint))
    return found


def _reworded(error: Any) -> Any:
    """Evidence text is checked by a pattern (fast, in pydantic-core); say what the pattern means."""
    if error["type"] == "string_pattern_mismatch" and (error.get("ctx") or {}).get("pattern") == PLAIN_TEXT:
        problem = control_character(str(error["input"])) or "text holds a control character"
        return {**error, "type": "control_character", "msg": problem, "ctx": {}}
    return error


def _allowed_keys(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a mapping at `loc` inside `model` may have, following fields, lists and dicts."""
    current: Any = model
    for part in loc:
        current = _inner(current)
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            if typing.get_origin(current) in (list, tuple, dict):
                current = typing.get_args(current)[-1]
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = info.annotation
    current = _inner(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [info.alias or name for name, info in current.model_fields.items()]
    return []


def _inner(annotation: Any) -> Any:
    """Strip Optional and Annotated wrappers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def _code(error_type: str) -> Code:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith("_type") or error_type.endswith("_parsing") or error_type == "model_type":
        return "WRONG_TYPE"
    return "BAD_VALUE"


def _message(error: Any, field: str, code: Code) -> str:
    if code == "UNKNOWN_KEY":
        return f"unknown key {excerpt(field)}"
    if code == "MISSING_KEY":
        return f"missing required key {excerpt(field)}"
    text = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, (dict, list)) or error["type"] == "control_character":
        return f"{field}: {text}"
    return f"{field}: {text} (got {excerpt(value)})"


#: What to write instead, for each type a value may fail to be.
_TYPE_HINTS = {
    "float_type": "write a number, such as 88.0 or 12, without quotes",
    "int_type": "write a whole number, such as 48, without quotes or a fraction",
    "bool_type": "write true or false (yes, no, on, off, 0 and 1 are not booleans)",
    "date_type": "year, month and day, such as 2014-11-01",
    "string_type": "write text, in quotes if it could be read as something else",
    "number_range": "numbers in evidence lie within ±10^15 (fractions: 0 or at least 10^-15 in size)",
    "control_character": "remove the control character (escape sequences, bidi overrides) from the text",
}


def _hint(error: Any, code: Code) -> str | None:
    expected = (error.get("ctx") or {}).get("expected")
    if expected:
        return f"expected {expected}"
    return _TYPE_HINTS.get(error["type"])
