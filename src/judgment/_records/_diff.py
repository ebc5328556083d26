"""Every place where two records differ, named by its path in the record, with short excerpts.

Leaves are compared by their canonical JSON (RFC 8785), the form the seal covers: 88 and
88.0 are the same there, while true and 1, which Python calls equal, are not. List items
are named by their `id` (and `field`, see `_name`) when unique in the list, else by their position.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import rfc8785

_ABSENT = object()
EXCERPT = 60
# Characters a terminal or a reader could be misled by: controls, bidirectional and line separators.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Difference:
    path: str
    before: Any
    after: Any
    depth: int = 0  # how many steps into the record: a grade (2) matters before a value in its trace (7)

    def render(self) -> str:
        return f"{self.path}: {excerpt(self.before)} -> {excerpt(self.after)}"


def differences(before: Any, after: Any) -> list[Difference]:
    """What differs between `before` (the record) and `after` (its replay): shallow places first,
    each depth in document order."""
    return sorted(_walk(before, after, "", 0), key=lambda difference: difference.depth)


def _walk(before: Any, after: Any, path: str, depth: int) -> Iterator[Difference]:
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(before.keys() | after.keys()):
            yield from _walk(before.get(key, _ABSENT), after.get(key, _ABSENT), _join(path, key), depth + 1)
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        names = _names(after) if _names(after) == _names(before) else [str(i) for i in range(len(after))]
        for name, old, new in zip(names, before, after):
            yield from _walk(old, new, f"{path}[{name}]", depth + 1)
    elif not _same(before, after):
        yield Difference(path or "(the record)", before, after, depth)


def _same(before: Any, after: Any) -> bool:
    if before is _ABSENT or after is _ABSENT:
        return before is after
    return bool(rfc8785.dumps(before) == rfc8785.dumps(after))


def _names(items: list[Any]) -> list[str]:
    ids = [_name(item) for item in items]
    if all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids):
        return [str(i) for i in ids]
    return [str(i) for i in range(len(items))]


def _name(item: Any) -> str | None:
    """An item's `id` (a quote's, a finding source's `record`), with its `field` when it names one:
    a record's own quote is `asb-incidents`, the quote of its field `rate` is `asb-incidents.rate`."""
    if not isinstance(item, dict):
        return None
    name, field = item.get("id", item.get("record")), item.get("field")
    if not isinstance(name, str):
        return None
    return f"{name}.{field}" if isinstance(field, str) else name


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def excerpt(value: Any) -> str:
    """At most EXCERPT characters of the value as JSON, with nothing that could act on a terminal."""
    if value is _ABSENT:
        return "(absent)"
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = text if len(text) <= EXCERPT else text[:EXCERPT - 3] + "..."
    return safe(text)


def safe(text: str) -> str:
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
