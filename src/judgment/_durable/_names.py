"""Engine property names: one name per field path, and one path per name.

durable_rules facts are flat, so a path such as ``rate.national.value`` becomes one
property name. Joining the parts with ``__`` was not injective (``rate.national`` and a
field named ``rate__national`` met in one name, and the fact then held a duplicate key), so
every underscore inside a part is doubled and parts are joined by ``_0``: reading left to
right, ``__`` is an underscore and ``_0`` a boundary, so no two paths share a name. The
names keep to letters, digits and underscores, which the engine's parser and its
FNV-1a property hash take as they are.
"""

from __future__ import annotations

PREFIX = "f_"
_SEPARATOR = "_0"


def property_name(path: tuple[str, ...]) -> str:
    """The engine's name for a field path: ``("rate", "national", "value")`` -> ``f_rate_0national_0value``."""
    return PREFIX + _SEPARATOR.join(part.replace("_", "__") for part in path)


def field_path(name: str) -> tuple[str, ...]:
    """The path a property name was made from (the inverse of :func:`property_name`)."""
    parts, current, text, i = [], [], name[len(PREFIX):], 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in ("__", _SEPARATOR):
            if pair == "__":
                current.append("_")
            else:
                parts.append("".join(current))
                current = []
            i += 2
            continue
        current.append(text[i])
        i += 1
    parts.append("".join(current))
    return tuple(parts)
