"""Diagnostics as data: a code, a severity, a message, a location and a hint.

Every problem that `judgment` finds in a rule file, an expression or a bundle is
one of these. They are collected, sorted by location and rendered in one format:
``path:line:col: severity: CODE message``, then the source line and a caret.
"""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]

#: The closed list of diagnostic codes. Each has a section in docs/reference/errors.md.
Code = Literal[
    "FILE_NOT_FOUND",
    "FILE_TOO_LARGE",
    "NOT_A_FILE",
    "OUTSIDE_FOLDER",
    "YAML_SYNTAX",
    "YAML_DUPLICATE_KEY",
    "YAML_ALIAS",
    "YAML_TOO_DEEP",
    "UNKNOWN_KEY",
    "MISSING_KEY",
    "WRONG_TYPE",
    "BAD_VALUE",
    "EXPR_SYNTAX",
    "EXPR_TOO_LONG",
    "EXPR_TOO_DEEP",
    "TOO_MANY_RULES",
    "UNKNOWN_KIND",
    "UNKNOWN_FIELD",
    "UNKNOWN_COMPARATOR",
    "UNKNOWN_FUNCTION",
    "UNKNOWN_REFERENCE",
    "TYPE_MISMATCH",
    "DUPLICATE_ID",
    "CYCLE",
    "CRITERION_NEVER_HOLDS",
    "CRITERION_SHADOWED",
    "GRADE_UNREACHABLE",
    "FINDING_UNUSED",
    "NO_EVIDENCE_READ",
    "UNKNOWN_VOCABULARY",
    "NOT_IN_FORCE",
    "VERSIONS_OVERLAP",
    "VERSION_NOT_FOUND",
    "RULEBOOK_AMBIGUOUS",
    "ENGINE_DISAGREEMENT",
    "ENGINE_LIMIT",
    "WORKER_LOST",
]

CODES: tuple[str, ...] = Code.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file: 1-based line and column. Line 0 means the whole file."""

    path: str
    line: int = 0
    column: int = 0

    @property
    def source(self) -> str:
        """``path:line``, as traces cite a rule."""
        return f"{self.path}:{self.line}"

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the input."""

    code: Code
    message: str
    location: Location
    severity: Severity = "error"
    hint: str | None = None
    source_line: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.line, self.location.column, self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "path": self.location.path,
            "line": self.location.line,
            "column": self.location.column,
            "hint": self.hint,
        }

    def render(self) -> str:
        """The one error format: header, source line with a caret, hint."""
        lines = [f"{self.location}: {self.severity}: {self.code} {self.message}"]
        source = self.source_line if self.source_line is not None else _read_line(self.location)
        if source is not None and self.location.line > 0:
            text, caret = _window(visible(source.rstrip("\n").expandtabs(1)), max(self.location.column - 1, 0))
            lines.append("    " + text)
            lines.append("    " + " " * caret + "^")
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(lines)


SOURCE_WIDTH = 120

#: What a terminal may act on: C0 but tab, DEL, C1, the line and paragraph separators, bidi overrides.
_CONTROLS = dict.fromkeys([*range(0x20), 0x7f, *range(0x80, 0xa0), 0x2028, 0x2029, *range(0x202a, 0x202f),
                           *range(0x2066, 0x206a)], "\ufffd")
del _CONTROLS[0x09]


def visible(text: str) -> str:
    """Text with each control character replaced by U+FFFD, one for one (a source line keeps its
    columns): a rule file or bundle line holding ``ESC [2J`` never reaches the terminal raw."""
    return text.translate(_CONTROLS)


def _window(text: str, caret: int, width: int = SOURCE_WIDTH) -> tuple[str, int]:
    """At most about `width` characters of a source line around the caret, and the caret's place
    in them: a line of 5,000 digits, or a file that is one long line, is never printed whole."""
    if len(text) <= width:
        return text, caret
    start = max(0, min(caret - width // 3, len(text) - width))
    shown = ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
    return shown, caret - start + (1 if start else 0)


def _read_line(location: Location) -> str | None:
    """The source line a diagnostic points at, read again through the bounded reader (the file was
    read once already; a file swapped since for a device or a pipe is not read)."""
    if location.line <= 0:
        return None
    from judgment._io._read import LoadFailure, read_bounded  # here: _io imports this module

    try:
        data = read_bounded(Path(location.path), location.path, _SOURCE_BYTES)
    except LoadFailure:
        return None
    # Lines end where a text-mode read ends them (\n, \r\n, \r), not at every break splitlines knows.
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    return lines[location.line - 1] if location.line <= len(lines) else None


#: Bundles, the largest files a diagnostic points into, may be 16 MiB.
_SOURCE_BYTES = 16 * 1024 * 1024


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate, or None when nothing is close."""
    pool = sorted(set(candidates))
    close = difflib.get_close_matches(wrong, pool, n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}?"
    if pool and len(pool) <= 12:
        return "expected one of: " + ", ".join(repr(c) for c in pool)
    return None


EXCERPT_LENGTH = 48


def excerpt(value: object, limit: int = EXCERPT_LENGTH) -> str:
    """An input value as a message may echo it: repr'd (control characters escaped), and cut to
    about `limit` characters with its length, so a file that is not what it should be (a rule file
    that is really /etc/passwd, a number of 5,000 digits) is never printed whole."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 3 * limit:
        digits = int(value.bit_length() * 0.30103) + 1  # str() of a huge integer is refused (and slow)
        return f"{'a negative' if value < 0 else 'an'} integer of about {digits:,} digits"
    if isinstance(value, str):
        text, size = repr(value[:limit + 1]), len(value)
        return text if size <= limit else f"{repr(value[:limit])[:-1]}…{text[0]} ({size:,} characters)"
    text = _SHORT.repr(value)
    return text if len(text) <= limit + 8 else text[:limit] + "…"


def plain(text: str, limit: int = EXCERPT_LENGTH) -> str:
    """A name as printed lines show it: as is when short and free of control characters (no quotes
    around an ordinary name), else its excerpt."""
    return text if len(text) <= limit and visible(text) == text else excerpt(text, limit)


class _ShortRepr(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        return excerpt(x) if x.bit_length() > 3 * EXCERPT_LENGTH else repr(x)


_SHORT = _ShortRepr()
_SHORT.maxstring = _SHORT.maxother = EXCERPT_LENGTH
