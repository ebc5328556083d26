"""Public objects report the public module they are imported from.

A class or function written in a private module would otherwise show that private path in
reprs, tracebacks, ``help()`` and pickles, inviting users to import from it. Each public
package hands its exports to :func:`adopt` once, after importing them; pickles then name
``judgment.Finding`` rather than ``judgment._judgment.Finding`` (both resolve to the same class).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import FunctionType


def adopt(namespace: Mapping[str, object], names: Iterable[str], module: str) -> None:
    """Set ``__module__`` to ``module`` on each class and function named in ``names``.

    Plain values (tuples, enum members, strings) carry no module of their own and are left alone;
    an object already claimed by another public module keeps its claim.
    """
    for name in names:
        value = namespace.get(name)
        if not isinstance(value, type | FunctionType):
            continue
        current = getattr(value, "__module__", "") or ""
        if any(part.startswith("_") for part in current.split(".")):
            value.__module__ = module
