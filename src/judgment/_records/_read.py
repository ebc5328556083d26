"""Read a decision record strictly and within bounds, or say plainly why it is not one.

A record is evidence in an audit, so the reader accepts exactly one reading of the
bytes: a regular file of at most MAX_RECORD_BYTES, strict UTF-8, one JSON object with
no duplicate key (else a second "grade" could hide behind the first), nested no deeper
than MAX_DEPTH, integers within +/- (2**53 - 1) and finite numbers only (what RFC 8785 can
write back, so the seal can be recomputed), and no lone surrogate in any string.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from itertools import accumulate
from pathlib import Path
from typing import Any

import rfc8785

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError
from judgment._io._read import cannot_read

MAX_RECORD_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_INTEGER = 2**53 - 1  # the largest integer RFC 8785 writes (an IEEE double holds it exactly)
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: no alternation to backtrack into
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]", re.ASCII)


class NotARecord(ValueError):
    """The file is not a decision record; the message says why, in a few words."""


def read_record(path: Path) -> dict[str, Any]:
    """The record's JSON object; NotARecord when the bytes are not one, InputFileError when absent."""
    return parse_record(_read_bytes(path))


def parse_record(data: bytes) -> dict[str, Any]:
    """The record's JSON object read from bytes by the same strict rules (the audit log stores the bytes)."""
    text = _decode(data)
    _check_depth(text)
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_integer, parse_float=_float,
                          parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise NotARecord(f"not JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    if not isinstance(data, dict):
        raise NotARecord("a decision record is a JSON object")
    if _SURROGATE_ESCAPE.search(text):  # valid UTF-8 has none: only an escape makes one, maybe unpaired
        try:
            rfc8785.dumps(data)
        except rfc8785.CanonicalizationError:
            raise NotARecord("a string holds a lone surrogate, which has no UTF-8 to hash") from None
    return data


def _read_bytes(path: Path) -> bytes:
    try:
        return read_bounded(path, MAX_RECORD_BYTES)
    except OSError as exc:
        raise InputFileError([cannot_read(str(path), str(exc.strerror), "record")]) from None
    except ValueError as error:
        raise NotARecord(str(error)) from None


def read_bounded(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of a regular file (a FIFO would block, a device never end); ValueError if not."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise ValueError("not a regular file")
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"larger than {limit:,} bytes")
    return data


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotARecord(f"not UTF-8: byte {error.start} (0x{data[error.start]:02x}) is not valid") from None


def _check_depth(text: str) -> None:
    """Counted before parsing, without recursion: brackets outside strings, opening +1, closing -1."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > MAX_DEPTH:
        raise NotARecord(f"nested deeper than {MAX_DEPTH} levels")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))  # type: ignore[func-returns-value]
        raise NotARecord(f"duplicate key {_excerpt(duplicate)!r} in one object")
    return data


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > 16 or abs(int(text)) > MAX_INTEGER:
        raise NotARecord(f"integer {_excerpt(text)} is beyond +/- (2**53 - 1)")
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise NotARecord(f"number {_excerpt(text)} is not finite")
    return value


def _constant(text: str) -> float:
    raise NotARecord(f"number {text} is not finite")


def _excerpt(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[:limit] + "..."
