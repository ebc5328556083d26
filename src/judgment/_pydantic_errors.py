"""Turn pydantic validation errors into located diagnostics with the offending value."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from judgment._diagnostics import Code, Diagnostic
from judgment._yaml import PathKey, Positions

_CODES: dict[str, Code] = {
    "extra_forbidden": "UNKNOWN_KEY",
    "missing": "MISSING_KEY",
}


def diagnostics_from_validation(exc: ValidationError, prefix: PathKey, where: Positions,
                                label: str = "") -> list[Diagnostic]:
    """One diagnostic per pydantic error, located in the file; `label` names the object (a record)."""
    found = []
    for error in exc.errors(include_url=False):
        loc = tuple(p for p in error["loc"] if not _is_union_tag(p))
        key = (*prefix, *loc)
        code = _code(error["type"])
        field = ".".join(str(p) for p in loc) or "(value)"
        message = label + _message(error, field, code)
        location = where.of_key(key) if code == "UNKNOWN_KEY" else where.of_value(key)
        found.append(Diagnostic(code, message, location, hint=_hint(error, code)))
    return found


def _is_union_tag(part: Any) -> bool:
    # pydantic inserts the chosen union member (e.g. 'Measure') into the location.
    return isinstance(part, str) and part[:1].isupper()


def _code(error_type: str) -> Code:
    if error_type in _CODES:
        return _CODES[error_type]
    if error_type.endswith("_type") or error_type.endswith("_parsing") or error_type == "model_type":
        return "WRONG_TYPE"
    return "BAD_VALUE"


def _message(error: Any, field: str, code: Code) -> str:
    if code == "UNKNOWN_KEY":
        return f"unknown key {field!r}"
    if code == "MISSING_KEY":
        return f"missing required key {field!r}"
    text = str(error["msg"]).removeprefix("Value error, ")
    value = error.get("input")
    if isinstance(value, (dict, list)):
        return f"{field}: {text}"
    return f"{field}: {text} (got {value!r})"


def _hint(error: Any, code: Code) -> str | None:
    expected = (error.get("ctx") or {}).get("expected")
    if expected:
        return f"expected {expected}"
    return None
