"""JSON read in one pass by the C parser, on the terms of the located reader.

The typed path (``judgment._bundle._typed``) validates the parsed value with pydantic, and must never
accept what the located reader refuses. Python's parser, left to itself, keeps the last of a key
given twice, reads ``1e-400`` as 0.0, takes UTF-16 and nests as deep as the text does. So here: the
bytes must be UTF-8; each object's keys are checked as the parser makes it (a hook per object);
a number that could underflow is looked for in the bytes (at memchr speed); and the depth is
measured on the parsed value, containers only. Any doubt gives None: "read it the located way".

(pydantic's own parser, jiter, would validate straight from the bytes, but it cannot refuse a key
given twice: a scan of the bytes for that in Python cost more than this whole parse.)
"""

from __future__ import annotations

import json
import re
from typing import Any

from judgment._io._yaml import MAX_DEPTH

#: A negative exponent of 3 digits, or a hundred zeros: only then can a number written non-zero read
#: as 0 (a mantissa of at least 10^-100 times 10^-99 is far above the smallest float).
#: One pattern per letter: a pattern that starts with a literal is searched for at memchr speed.
_NEGATIVE_EXPONENTS = (re.compile(rb"e-0*[1-9][0-9]{2}"), re.compile(rb"E-0*[1-9][0-9]{2}"))
_ZEROS = b"0" * 100
_MANTISSA_ENDS = b"0123456789."  # the byte before the exponent, as a slice: empty (at 0) counts too


class _Repeated(ValueError):
    """A key given twice in one object."""


def plain_object(raw: bytes) -> dict[str, Any] | None:
    """The JSON object `raw` holds, when it is strict UTF-8 with no key given twice in one object, no
    nesting deeper than the located reader allows and no number that could read as 0 though written
    otherwise; None for anything else (other JSON values too), to be read the located way."""
    if _ZEROS in raw or _may_underflow(raw):
        return None
    try:
        value = _DECODER.decode(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSONDecodeError and _Repeated are ValueErrors
        return None
    return value if type(value) is dict and _shallow(value) else None


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made = dict(pairs)
    if len(made) != len(pairs):
        raise _Repeated
    return made


_DECODER = json.JSONDecoder(object_pairs_hook=_unique)


def _may_underflow(raw: bytes) -> bool:
    """A 3-digit negative exponent after a digit or point (text such as `crime-2014` is no number)."""
    return any(raw[found.start() - 1:found.start()] in _MANTISSA_ENDS
               for pattern in _NEGATIVE_EXPONENTS for found in pattern.finditer(raw))


def _shallow(value: dict[str, Any]) -> bool:
    """No container nested deeper than MAX_DEPTH, level by level (no recursion to run out of)."""
    level: list[Any] = [value]
    for _ in range(MAX_DEPTH):
        inner = [item for container in level
                 for item in (container.values() if type(container) is dict else container)
                 if type(item) is dict or type(item) is list]
        if not inner:
            return True
        level = inner
    return False
