"""An edit as the page posts it (JSON), read into a change of the shared change model.

The body is data from a browser: every part is checked for its type and size before it becomes a
:class:`SetField`, :class:`DropRecord` or :class:`AddRecord`; anything else is an :class:`EditRefused`
that the page shows beside the field."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from judgment._diagnostics import excerpt
from judgment._whatif._changes import AddRecord, Change, DropRecord, SetField

MAX_TEXT = 10_000


class EditRefused(ValueError):
    """The edit is not one the workbench can read; `record` and `path` say where to show it."""

    def __init__(self, message: str, record: str = "", path: str = "") -> None:
        super().__init__(message)
        self.record, self.path = record, path


def read_edit(body: Any) -> Change:
    if not isinstance(body, Mapping):
        raise EditRefused("an edit is a JSON object with an op")
    op = body.get("op")
    if op not in ("set", "drop", "add"):
        raise EditRefused(f"op {excerpt(op)} is not one of set, drop, add")
    if op == "add":
        data = body.get("data")
        if not isinstance(data, Mapping):
            raise EditRefused("an added record is a JSON object (id, kind, provenance, fields)")
        return AddRecord(dict(data), origin="added record")  # shown beside the add form (path "add")
    record = _text(body, "record", "")
    if op == "drop":
        return DropRecord(record, origin=f"drop {record}")
    path = _text(body, "path", record)
    value = body.get("value")
    if not (value is None or isinstance(value, (str, bool, int, float))) or \
            (isinstance(value, str) and len(value) > MAX_TEXT):
        raise EditRefused(f"the value of {excerpt(path)} must be text, a number, true/false or null", record, path)
    return SetField(record, path, value, origin=f"{record}.{path}")


def _text(body: Mapping[str, Any], key: str, record: str) -> str:
    value = body.get(key)
    if not isinstance(value, str) or not value or len(value) > 200:
        raise EditRefused(f"{key} must be a non-empty text of at most 200 characters", record)
    return value
