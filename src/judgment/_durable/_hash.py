"""durable_rules identifies sessions, facts and properties by a 32-bit FNV-1a hash,
never by the string itself. Two names that collide silently become one; so every
name we hand it is checked against the others that are live beside it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

_OFFSET, _PRIME = 0x811C9DC5, 0x01000193


@lru_cache(maxsize=1 << 16)  # the same few hundred fact and session ids come back in every session
def fnv1a32(text: str) -> int:
    value = _OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _PRIME) & 0xFFFFFFFF
    return value


def collisions(names: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of distinct names that share a hash."""
    seen: dict[int, str] = {}
    found = []
    for name in sorted(set(names)):
        other = seen.setdefault(fnv1a32(name), name)
        if other != name:
            found.append((other, name))
    return found


#: prefix -> (name, hash) of its counter's first values, made once for every allocator.
_NAMED: dict[str, list[tuple[str, int]]] = {}
_NAMED_LIMIT = 4096


class IdAllocator:
    """Hands out ids (``prefix`` + counter) whose hashes differ from every id still live."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._next = 0
        self._live: dict[int, str] = {}

    def allocate(self) -> str:
        names = _NAMED.setdefault(self._prefix, [])
        while True:
            if self._next < len(names):
                candidate, digest = names[self._next]
            else:
                candidate = f"{self._prefix}{self._next}"
                digest = fnv1a32(candidate)
                if len(names) < _NAMED_LIMIT:  # counters restart in every session: the first names recur
                    names.append((candidate, digest))
            self._next += 1
            if digest not in self._live:
                self._live[digest] = candidate
                return candidate

    def allocate_many(self, count: int) -> list[str]:
        """`count` ids, as `count` calls of allocate would give them (a session opens with all its records)."""
        names = _NAMED.get(self._prefix, ())
        start = self._next
        if start + count <= len(names):  # the cached names next in line, if no hash among them is taken
            chosen = names[start:start + count]
            live = {digest: name for name, digest in chosen}
            if len(live) == count and live.keys().isdisjoint(self._live):
                self._live.update(live)
                self._next = start + count
                return [name for name, _ in chosen]
        return [self.allocate() for _ in range(count)]

    def release(self, name: str) -> None:
        self._live.pop(fnv1a32(name), None)

    def __len__(self) -> int:
        return len(self._live)
