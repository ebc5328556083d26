"""Where a model's fields sit in its pydantic core schema, and a check bound to one field there.

A record's own checks (``_base.Record``) are attached to the fields they read when its schema is
made, so that evidence pays for each check on that field alone, not on every value of every record.
"""

from __future__ import annotations

from typing import Any, get_args

from pydantic_core import core_schema


def fields_schema(schema: Any, model: type) -> dict[str, Any] | None:
    """The fields of `model` in its core schema (under any wrapping: definitions, model validators)."""
    stack = [schema]
    while stack:
        node = stack.pop()
        if node.get("type") == "model" and node.get("cls") is model:
            inner = node["schema"]
            while inner.get("type") != "model-fields" and "schema" in inner:
                inner = inner["schema"]
            return inner.get("fields")  # type: ignore[no-any-return]
        stack.extend(child for key in ("schema", "definitions") for child in _children(node.get(key)))
    return None


def _children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [value]
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def may_hold(annotation: Any, kind: type) -> bool:
    """Whether a field's value may itself be a `kind` (directly, in a union or annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, kind):
        return True
    return any(may_hold(argument, kind) for argument in get_args(annotation))


def after(field: dict[str, Any], check: Any) -> None:
    """Run `check` on a field's value once validated; a default stays a default (and is not checked)."""
    holder = field["schema"] if field["schema"].get("type") == "default" else field
    holder["schema"] = core_schema.no_info_after_validator_function(check, holder["schema"])
