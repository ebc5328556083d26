"""Immutable mappings for values that are documented as frozen.

A frozen pydantic model still hands out its ``dict`` fields for editing in place: an edit
then shows in the sealed JSON, a figure's cached engine fact goes stale, and the model
cannot be hashed. Fields annotated :data:`FrozenMapping` (one level) or :data:`FrozenData`
(nested JSON data) hold a :class:`FrozenMap` instead: read like a dict, compared and
hashed by content, serialised as a plain dict so the JSON does not change.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, SerializerFunctionWrapHandler, WrapSerializer

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V]):
    """A read-only mapping, equal to any mapping with the same items, hashable when its values are."""

    __slots__ = ("_items", "_hash")

    def __init__(self, items: Mapping[K, V] | None = None) -> None:
        self._items: dict[K, V] = dict(items or {})
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._items[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    # The dict's own (read-only) views and lookups: Mapping's mixins would walk the items in
    # Python, and validating evidence reads every figure's comparators this way.
    def __contains__(self, key: object) -> bool:
        return key in self._items

    def get(self, key: K, default: Any = None) -> Any:
        return self._items.get(key, default)

    def keys(self) -> KeysView[K]:
        return self._items.keys()

    def values(self) -> ValuesView[V]:
        return self._items.values()

    def items(self) -> ItemsView[K, V]:
        return self._items.items()

    def __eq__(self, other: object) -> bool:
        return self._items == other if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._items.items()))
        return self._hash

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._items,))


def freeze(value: Any) -> Any:
    """JSON-like data made immutable all the way down: mappings to FrozenMap, lists to tuples."""
    if isinstance(value, Mapping):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """The inverse of :func:`freeze`, for serialising: plain dicts and lists again."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


def _as_dict(value: Any) -> Any:
    # Validation (strict included) takes a dict: a FrozenMap handed back in is read as one.
    return dict(value) if isinstance(value, FrozenMap) else value


def _serialise_shallow(value: Any, handler: SerializerFunctionWrapHandler) -> Any:
    return handler(dict(value) if isinstance(value, Mapping) else value)


def _serialise_deep(value: Any, handler: SerializerFunctionWrapHandler) -> Any:
    return handler(thaw(value))


#: The three markers of a one-level field: ``Annotated[Mapping[str, X], *SHALLOW]`` spelled out,
#: ``Annotated[Mapping[str, X], AS_DICT, TO_FROZEN, SHALLOW]``.
AS_DICT = BeforeValidator(_as_dict)
TO_FROZEN = AfterValidator(FrozenMap)
SHALLOW = WrapSerializer(_serialise_shallow)
#: A field of nested JSON data, frozen all the way down: ``Annotated[Mapping[str, Any], *DEEP]``.
DEEP_IN, DEEP_FROZEN, DEEP_OUT = BeforeValidator(thaw), AfterValidator(freeze), WrapSerializer(_serialise_deep)


def validated_copy(model: Any, update: Mapping[str, Any] | None, deep: bool, copy: Any) -> Any:
    """``model_copy`` for values: pydantic's skips validation, so a dict given in `update` would stay
    a mutable dict inside a frozen value and a wrong type would pass; with `update`, the copy is
    validated (and frozen) as the value was. `copy` is pydantic's own, used when nothing changes."""
    if not update:
        return copy(deep=deep)
    fields = {name: getattr(model, name) for name, info in type(model).model_fields.items() if not info.exclude}
    return type(model).model_validate({**fields, **update})
