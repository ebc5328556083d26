"""The fast YAML reader: libyaml's events (through PyYAML), put together here.

ruamel.yaml's round-trip parser is pure Python and costs 3 to 45 ms a file, most of
`judgment run`'s start. libyaml produces a document's events in about a millisecond.
This reader takes only the plain subset data files are written in, and gives up
(returns :data:`NOT_READ`) on everything else, so that the located parser reads the
document again and resolves it or reports it: any syntax error, tabs and YAML 1.1 line breaks, anchors and aliases,
tags, directives, several documents, empty values, keys that are not plain strings, keys given twice,
merge keys, nesting deeper than the limit, and every plain scalar whose YAML 1.2
meaning it is not sure of. `tests/test_yaml_paths.py` holds the two readers to the
same data and positions. The composing is iterative, so no input reaches the C stack.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from judgment._io._numbers import unreadable
from judgment._io._yaml import PathKey, Positions, ScalarStyle

try:
    from yaml import CBaseLoader, YAMLError  # CBaseLoader: libyaml's parser, constructing nothing
    from yaml.events import (
        DocumentEndEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent, SequenceEndEvent,
        SequenceStartEvent, StreamEndEvent, StreamStartEvent,
    )
    LIBYAML = True
except ImportError:  # PyYAML built without libyaml: every document takes the located path
    LIBYAML = False

NOT_READ: Final = object()

# ruamel.yaml's YAML 1.2 implicit resolvers (VersionedResolver), which it tries only for the first
# characters in the lookahead, as one alternation: a plain scalar that matches none is a string.
# tests/test_yaml_paths.py checks this against ruamel.yaml itself.
_SPECIAL = re.compile(r"""(?x) (?=[-+.0-9tTfFnN~<=!&*]|$) (?:
    true|True|TRUE|false|False|FALSE
  | [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)? | [-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
  | [-+]?\.[0-9_]+(?:[eE][-+][0-9]+)? | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)
  | [-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?[0-9_]+ | [-+]?0x[0-9a-fA-F_]+
  | [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
  | [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[\ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
    (?:[\ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
  | << | = | ! | & | \* | ~ | null | Null | NULL | )
""")
# The special scalars this reader resolves itself; the rest go to ruamel.yaml.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_LONGEST_INT = 4_000  # Python refuses to convert longer decimal literals (sys.get_int_max_str_digits)
_FLOAT = re.compile(r"[-+]?[0-9]+(?:\.[0-9]*(?:[eE][-+]?[0-9]+)?|[eE][-+]?[0-9]+)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONSTANTS: Final[dict[str, Any]] = {
    **dict.fromkeys(("true", "True", "TRUE"), True), **dict.fromkeys(("false", "False", "FALSE"), False),
    **dict.fromkeys(("", "~", "null", "Null", "NULL"), None)}
# Where libyaml and ruamel.yaml differ: libyaml takes tabs that ruamel.yaml refuses ("f\tindings:"),
# breaks lines at YAML 1.1's NEL and Unicode separators, which YAML 1.2 keeps as characters, and
# counts columns differently after a byte order mark; a carriage return alone breaks lines for one.
# Python's splitlines breaks at \x0b, \x0c and \x1c-\x1e too, which would shift the lines looked at.
_UNLIKE = re.compile("[\t\x85\u2028\u2029\ufeff\x0b\x0c\x1c-\x1e]|\r(?!\n)")
_HEADER_END = re.compile(r"(?:[-+][1-9]?|[1-9][-+]?)?(?: +#.*| *)")  # after | or >
_STYLES: Final = {"": "plain", None: "plain", "'": "'", '"': '"', "|": "|", ">": ">"}


class _GiveUp(Exception):
    """The located parser must read this document."""


def read_with_libyaml(text: str, positions: Positions, max_depth: int) -> Any:
    """Plain data from `text`, filling `positions`; or NOT_READ, with `positions` partly filled."""
    return _read(text, positions, positions.lines, max_depth)


def read_plain(text: str, lines: list[str], max_depth: int) -> Any:
    """Plain data from `text` (its `lines`), as `read_with_libyaml` reads it, without positions: for
    a document likely valid, whose places are found again only if a diagnostic asks; or NOT_READ."""
    return _read(text, None, lines, max_depth)


def _read(text: str, positions: Positions | None, lines: list[str], max_depth: int) -> Any:
    if not LIBYAML or _UNLIKE.search(text):
        return NOT_READ
    parser = CBaseLoader(text)
    try:
        return _compose(parser, positions, lines, max_depth)
    except (_GiveUp, YAMLError):
        return NOT_READ
    finally:
        parser.dispose()


def _compose(parser: Any, positions: Positions | None, lines: list[str], max_depth: int) -> Any:
    next_event = parser.get_event
    start, document = next_event(), next_event()
    if type(start) is not StreamStartEvent or type(document) is not DocumentStartEvent \
            or document.version is not None or document.tags:
        raise _GiveUp
    # Open collections, innermost last: [container, its path (when located), the key awaiting its value].
    stack: list[list[Any]] = []
    root: list[Any] = []
    child: PathKey = ()
    while True:
        event = next_event()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            if not stack:
                break
            continue
        if kind is not ScalarEvent and kind is not MappingStartEvent and kind is not SequenceStartEvent:
            raise _GiveUp  # an alias, or the document ended where a value was due
        if event.anchor is not None or event.tag is not None:
            raise _GiveUp
        if stack:
            frame = stack[-1]
            container = frame[0]
            if type(container) is dict:
                key: str | None = frame[2]
                if key is None:
                    frame[2] = key = _key(event, container)
                    if positions is not None:
                        positions.keys[(*frame[1], key)] = _place(event)
                    continue
                frame[2] = None
                if positions is not None:
                    child = (*frame[1], key)
            elif positions is not None:
                child = (*frame[1], len(container))
            if positions is not None:
                positions.values[child] = _place(event)
        if len(stack) >= max_depth:
            raise _GiveUp
        if kind is ScalarEvent:
            value = _scalar_value(event, lines, positions, child)
        else:
            value = {} if kind is MappingStartEvent else []
        if stack:
            container = stack[-1][0]
            if type(container) is dict:
                container[key] = value
            else:
                container.append(value)
        else:
            root.append(value)
        if kind is not ScalarEvent:
            stack.append([value, child, None])
        elif not stack:
            break
    if type(next_event()) is not DocumentEndEvent or type(next_event()) is not StreamEndEvent:
        raise _GiveUp  # several documents: the located parser reports them
    return root[0]


def _place(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _scalar_value(event: Any, lines: list[str], positions: Positions | None, child: PathKey) -> Any:
    """A scalar's value; its style recorded when `positions` are kept."""
    if event.style == "|" or event.style == ">":
        mark = event.start_mark
        _check_block_header(lines, mark.line, mark.column)
    value, text = _scalar(event)
    if text:
        if child and positions is not None:
            line, column = _place(event)
            positions.styles[child] = ScalarStyle(line, column, _STYLES[event.style])
    elif not event.value and not event.style:
        raise _GiveUp  # an empty value: ruamel.yaml places it by the tokens and comments around it
    return value


def _check_block_header(lines: list[str], line: int, column: int) -> None:
    """Give up on what libyaml takes and YAML forbids in block scalars: a comment not parted from
    the header by a space (``>#``), and blank lines before the content indented deeper than it."""
    header = lines[line][column + 1:] if line < len(lines) else ""
    if not _HEADER_END.fullmatch(header):
        raise _GiveUp
    if line + 1 < len(lines) and lines[line + 1] and not lines[line + 1].strip(" "):
        raise _GiveUp


def _key(event: Any, mapping: dict[str, Any]) -> str:
    if type(event) is not ScalarEvent or not event.style and _SPECIAL.fullmatch(event.value):
        raise _GiveUp  # a collection, a number, null, a merge key...: the located parser decides
    if event.value in mapping:
        raise _GiveUp  # given twice: the located parser reports where
    return str(event.value)


def _scalar(event: Any) -> tuple[Any, bool]:
    """The scalar's value, and whether it is text as written (the located parser records its style)."""
    value: str = event.value
    if event.style or not _SPECIAL.fullmatch(value):
        return value, True
    if value in _CONSTANTS:
        return _CONSTANTS[value], False
    if _INT.fullmatch(value):
        if len(value) > _LONGEST_INT:
            raise _GiveUp  # int() refuses it: the located parser reports it at its place
        return int(value), False
    if _FLOAT.fullmatch(value):
        number = float(value)
        if unreadable(value, number):
            raise _GiveUp  # the located parser reports it at its place
        return number, False
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat(), False
        except ValueError:
            pass
    raise _GiveUp
