"""Safe YAML (and JSON) loading that remembers where every value came from.

Every file becomes plain dicts, lists and scalars plus a :class:`Positions` index;
nothing is ever instantiated from a tag. Two readers agree on that result: libyaml's
events for plain data (fast, `_yaml_events`), and ruamel.yaml's round-trip parser
for everything else (`_yaml_located`), which refuses what data files have no need
for, with its place: aliases (they make "billion laughs" bombs possible), excessive
nesting, keys given twice. Files are read by `_read`'s bounded reader: regular files only, never
more than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judgment._diagnostics import Location
from judgment._io._read import LoadFailure as LoadFailure  # re-exported: readers of YAML catch it from here
from judgment._io._read import decode_utf8, read_bounded

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32

PathKey = tuple[str | int, ...]


@dataclass(frozen=True)
class ScalarStyle:
    """Where a string scalar starts and how it was written, to place columns inside it."""

    line: int
    column: int
    style: str  # "plain", "'", '"', "|" or ">"


@dataclass
class Positions:
    """Maps a path inside the document (keys and indexes) to a 1-based line and column."""

    path: str
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    styles: dict[PathKey, ScalarStyle] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def of_value(self, key: PathKey) -> Location:
        """The value at `key`, or the nearest enclosing place that is known."""
        for table in (self.values, self.keys):
            if key in table:
                return Location(self.path, *table[key])
        if key:
            return self.of_value(key[:-1])
        return Location(self.path, 1, 1)

    def of_key(self, key: PathKey) -> Location:
        if key in self.keys:
            return Location(self.path, *self.keys[key])
        return self.of_value(key)

    def inside_string(self, key: PathKey, offset: int, text: str) -> Location:
        """The place of character `offset` of the string at `key`."""
        style = self.styles.get(key)
        if style is None:
            return self.of_value(key)
        if style.style == ">":
            return self._inside_folded(style, offset)
        if style.style == "|":
            # Literal blocks keep their line breaks: count them.
            before = text[:offset]
            line = style.line + 1 + before.count("\n")
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            indent = len(source) - len(source.lstrip(" ")) + 1
            return Location(self.path, line, indent + len(before.rsplit("\n", 1)[-1]))
        quote = 0 if style.style == "plain" else 1
        return Location(self.path, style.line, style.column + quote + offset)


    def _inside_folded(self, style: ScalarStyle, offset: int) -> Location:
        # A folded block joins its lines with one space each: walk the source lines.
        remaining = offset
        number = style.line + 1
        while number <= len(self.lines):
            source = self.lines[number - 1]
            content = source.strip()
            indent = len(source) - len(source.lstrip(" "))
            if remaining <= len(content) or number == len(self.lines):
                return Location(self.path, number, indent + 1 + min(remaining, len(content)))
            remaining -= len(content) + 1
            number += 1
        return Location(self.path, style.line, style.column)


@dataclass
class Document:
    data: Any
    positions: Positions
    text: str


def read_text(path: Path, display: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file, read through the one bounded reader (see `_read`)."""
    return decode_utf8(read_bounded(path, display, max_bytes), display)


def load_document(path: Path, display: str | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Load one YAML or JSON file; raise :class:`LoadFailure` with a located diagnostic."""
    name = display or str(path)
    text = read_text(path, name, max_bytes)
    return parse_document(text, name)


def parse_document(text: str, name: str) -> Document:
    """Plain data and positions from YAML text; libyaml reads what it can be trusted with, and
    ruamel.yaml's located parser everything else (and reports every error)."""
    from judgment._io._yaml_events import NOT_READ, read_with_libyaml  # here: it imports Positions from this module

    positions = Positions(name, lines=text.splitlines())
    data = read_with_libyaml(text, positions, MAX_DEPTH)
    if data is NOT_READ:
        from judgment._io._yaml_located import read_located  # ruamel.yaml is imported only when needed

        positions = Positions(name, lines=positions.lines)
        data = read_located(text, positions, MAX_DEPTH)
    return Document(data, positions, text)
