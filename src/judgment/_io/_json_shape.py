"""What a JSON file's bytes must prove before pydantic validates them straight into a bundle.

pydantic's JSON parser (jiter) keeps the last of a key given twice, reads ``1e-400`` as 0.0, and
nests as deep as the text does; the located reader refuses all three. So the fast path first
scans the bytes once: strings and brackets as tokens, so that each object's keys and the depth
are known without building a Python value. Any doubt (an escaped key, a number that could
underflow, bytes that are not UTF-8) sends the file to the located reader, which decides.
"""

from __future__ import annotations

import re

from judgment._io._yaml import MAX_DEPTH

#: A bracket, or a JSON string (with the colon after it when it is a key).
_TOKENS = re.compile(rb'[][{}]|"[^"\\]*+(?:\\.[^"\\]*+)*+"(?:[ \t\r\n]*+:)?')
#: A negative exponent of 3 digits, or a hundred zeros: only then can a number written non-zero read
#: as 0 (a mantissa of at least 10^-100 times 10^-99 is far above the smallest float).
#: One pattern per letter: a pattern that starts with a literal is searched for at memchr speed.
_NEGATIVE_EXPONENTS = (re.compile(rb"e-0*[1-9][0-9]{2}"), re.compile(rb"E-0*[1-9][0-9]{2}"))
_ZEROS = b"0" * 100
_MANTISSA_ENDS = b"0123456789."  # the byte before the exponent, as a slice: empty (at 0) counts too
_QUOTE, _COLON, _BACKSLASH, _OPEN_OBJECT, _OPEN_ARRAY = b'"'[0], b":"[0], b"\\"[0], b"{"[0], b"["[0]


def plain_json(raw: bytes) -> bool:
    """Whether `raw` is strict UTF-8 with no key given twice in one object, no nesting deeper than
    the located reader allows, and no number that could be read as 0 though written otherwise.
    True proves those; False means only "read it the located way"."""
    if not raw.isascii():
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            return False
    return _ZEROS not in raw and not _may_underflow(raw) and _keys_once_and_shallow(raw)


def _may_underflow(raw: bytes) -> bool:
    """A 3-digit negative exponent after a digit or point (text such as `crime-2014` is no number)."""
    return any(raw[found.start() - 1:found.start()] in _MANTISSA_ENDS
               for pattern in _NEGATIVE_EXPONENTS for found in pattern.finditer(raw))


def _keys_once_and_shallow(raw: bytes) -> bool:
    """One pass over the tokens; a key is kept with its quotes and colon, so it must be written
    `"name":` (no escape, no space before the colon) for two spellings never to hide one key."""
    outer: list[set[bytes] | None] = []  # the keys of each enclosing object; None for an array
    keys: set[bytes] | None = None
    for token in _TOKENS.findall(raw):
        first = token[0]
        if first == _QUOTE:
            if token[-1] == _COLON:
                if keys is None or token[-2] != _QUOTE or _BACKSLASH in token or token in keys:
                    return False
                keys.add(token)
        elif first == _OPEN_OBJECT or first == _OPEN_ARRAY:
            outer.append(keys)
            keys = set() if first == _OPEN_OBJECT else None
            if len(outer) > MAX_DEPTH:
                return False
        elif not outer:
            return False
        else:
            keys = outer.pop()
    return True
