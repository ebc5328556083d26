"""The located YAML reader: ruamel.yaml's round-trip parser, for what libyaml's fast path gives up on.

ruamel.yaml keeps line and column numbers and constructs only plain data (it never
instantiates Python objects from tags). Its result becomes plain dicts, lists and
scalars plus :class:`Positions`; what data files have no need for is refused with a
located diagnostic: aliases (they make "billion laughs" bombs possible), excessive
nesting, keys given twice, and every syntax error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from judgment._diagnostics import Diagnostic, Location
from judgment._io._numbers import unreadable
from judgment._io._yaml import LoadFailure, PathKey, Positions, ScalarStyle


def read_located(text: str, positions: Positions, max_depth: int) -> Any:
    """Plain data from YAML text, filling `positions`; raise :class:`LoadFailure` on any error."""
    name = positions.path
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.Constructor = _Constructor
    yaml.composer.warn_double_anchors = False  # anchors are harmless until used, and aliases are refused
    try:
        raw = yaml.load(text)
    except _OutOfRange as exc:
        raise LoadFailure(_marked("BAD_VALUE", exc, name, "numbers in data files lie within ±10^15, and a fraction is 0 or at least 10^-15 in size")) from None
    except DuplicateKeyError as exc:
        raise LoadFailure(_marked("YAML_DUPLICATE_KEY", exc, name, "a key may appear only once in a mapping")) from None
    except MarkedYAMLError as exc:
        raise LoadFailure(_marked("YAML_SYNTAX", exc, name, None)) from None
    except YAMLError as exc:
        raise LoadFailure(Diagnostic("YAML_SYNTAX", str(exc).splitlines()[0], Location(name, 1, 1))) from None
    except RecursionError:
        raise LoadFailure(Diagnostic("YAML_TOO_DEEP", f"nesting is deeper than {max_depth} levels",
                                     Location(name, 1, 1))) from None
    except Exception as exc:  # ruamel.yaml's own failures ("overlap in comment"): an error, never a traceback
        raise LoadFailure(Diagnostic(
            "YAML_SYNTAX", f"{READER_FAILED} ({type(exc).__name__}: {exc})", Location(name, 1, 1),
            hint="look for a comment right after a key, before the value's lines (key: #comment)")) from None
    return _plain(raw, (), positions, set(), 0, max_depth)


READER_FAILED = "the YAML reader failed on this file"


class _Constructor(RoundTripConstructor):
    """ruamel.yaml's own, but a date that is no date (2014-02-30) is a located error, not a ValueError."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError as exc:
            raise ConstructorError(None, None, f"{node.value} is not a date: {exc}", node.start_mark) from None

    def construct_yaml_int(self, node: Any) -> Any:
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts: far out of any range, said at its place
            raise _OutOfRange(None, None, f"an integer of {len(node.value):,} digits is out of range",
                              node.start_mark) from None


    def construct_yaml_float(self, node: Any) -> Any:
        value = super().construct_yaml_float(node)
        problem = unreadable(str(node.value), float(value))
        if problem:
            raise _OutOfRange(None, None, problem, node.start_mark)
        return value


class _OutOfRange(ConstructorError):
    """A number no data file can mean."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _paired(text: str) -> str:
    """Each UTF-16 surrogate pair, as a double-quoted scalar escapes a character beyond U+FFFF
    (``"\\ud83d\\ude00"``: JSON's one escape for it, and what Python's json.dumps writes by default),
    made into that character, as a JSON reader reads it; a lone surrogate stays, for validation to refuse.
    (The UTF-16 codec joins pairs and, with surrogatepass, passes lone ones through.)"""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _marked(code: Any, exc: MarkedYAMLError, name: str, hint: str | None) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or exc.context or "invalid YAML"
    return Diagnostic(code, str(problem), Location(name, line, column), hint=hint)


def _plain(node: Any, key: PathKey, positions: Positions, seen: set[int], depth: int, max_depth: int) -> Any:
    if depth > max_depth:
        line, col = positions.values.get(key, (1, 1))
        raise LoadFailure(Diagnostic("YAML_TOO_DEEP", f"nesting is deeper than {max_depth} levels",
                                     Location(positions.path, line, col)))
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in seen:
            line, col = positions.keys.get(key) or positions.values.get(key, (1, 1))
            raise LoadFailure(Diagnostic("YAML_ALIAS", "aliases (*name) are not allowed in data files",
                                         Location(positions.path, line, col), hint="write the value out in full"))
        seen.add(id(node))
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for k, v in node.items():
            name = _paired(str(k))
            child = (*key, name)
            place = (node.lc.data or {}).get(k)  # ruamel.yaml keeps no place for some tagged nodes: the parent's is used
            if place is not None:
                positions.keys[child] = (place[0] + 1, place[1] + 1)
                positions.values[child] = (place[2] + 1, place[3] + 1)
                _record_style(v, child, positions)
            result[name] = _plain(v, child, positions, seen, depth + 1, max_depth)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, v in enumerate(node):
            child = (*key, index)
            place = (node.lc.data or {}).get(index)
            if place is not None:
                positions.values[child] = (place[0] + 1, place[1] + 1)
                _record_style(v, child, positions)
            items.append(_plain(v, child, positions, seen, depth + 1, max_depth))
        return items
    return _scalar(node)


def _record_style(value: Any, key: PathKey, positions: Positions) -> None:
    if not isinstance(value, str):
        return
    line, col = positions.values[key]
    style = "plain"
    if isinstance(value, LiteralScalarString):
        style = "|"
    elif isinstance(value, FoldedScalarString):
        style = ">"
    elif isinstance(value, SingleQuotedScalarString):
        style = "'"
    elif isinstance(value, DoubleQuotedScalarString):
        style = '"'
    positions.styles[key] = ScalarStyle(line, col, style)


def _scalar(node: Any) -> Any:
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return _paired(str(node))
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    return str(node)
