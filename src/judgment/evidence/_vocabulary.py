"""Vocabularies: named sets of evidence models, and what the rule checker knows of each field."""

from __future__ import annotations

import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal

from judgment._diagnostics import Diagnostic, Location, excerpt
from judgment._errors import VocabularyError
from judgment.evidence._base import Better, Comparators, Measure, OrderedEnum, Record

#: How another process re-creates a vocabulary: ("file", path), ("python", path), ("module", name), ("entry-point", name).
Source = tuple[Literal["file", "python", "module", "entry-point"], str]

FieldKind = Literal["measure", "number", "bool", "string", "enum", "date"]

_RESERVED = frozenset({"id", "kind", "provenance"})

#: A figure's own parts: a comparator of the same name would be read as the part by the checker
#: and as the comparator by the engines, so it is refused.
RESERVED_COMPARATORS = ("value", "lower", "upper")

#: What a rule can write after a dot (the grammar's NAME): a comparator no rule can name is a mistake.
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class FieldSpec:
    """The static type of one evidence field, as rule expressions see it."""

    name: str
    kind: FieldKind
    optional: bool
    better: str | None = None
    comparators: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # enum members, worst first when ordered
    ordered: bool = False

    def describe(self) -> str:
        if self.kind == "enum":
            joined = " < ".join(self.members) if self.ordered else ", ".join(self.members)
            return f"{'ordered ' if self.ordered else ''}enumeration ({joined})"
        return self.kind


class Vocabulary:
    """A registered set of evidence kinds: ``kind`` name to pydantic model.

    `origin` says where it came from, in words (``module judgment.evidence.hmic_crime``, ``file
    vocab/peel.yaml``): a clash of ids names both. `source` says how another process re-creates it:
    ``("file", path)``, ``("python", path)``, ``("module", name)``, ``("entry-point", name)`` or None.
    """

    def __init__(self, vocabulary_id: str, title: str, models: typing.Iterable[type[Record]], *,
                 description: str | None = None, origin: str | None = None,
                 source: Source | None | Literal["default"] = "default") -> None:
        self.id = vocabulary_id
        self.title = title
        self.description = description
        self.models: dict[str, type[Record]] = {}
        for model in models:
            kind = _kind_of(model)
            if kind in self.models:
                raise ValueError(f"vocabulary {vocabulary_id!r} registers kind {kind!r} twice")
            self.models[kind] = model
        self._fields = {kind: _fields_of(model) for kind, model in self.models.items()}
        module = _module_of(self.models.values())
        self.origin = origin if origin is not None else f"module {module}"
        self.source: Source | None = (("module", module) if module != "__main__" else None) \
            if source == "default" else source
        self.place: Location | None = None  # where a file declared its id, for diagnostics
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the canonical JSON Schema of its models: two vocabularies with the same one
        validate the same evidence the same way (made when first asked: it costs a schema per kind)."""
        if self._fingerprint is None:
            schemas = {kind: self.models[kind].model_json_schema() for kind in self.kinds}
            canonical = json.dumps(schemas, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            self._fingerprint = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        return self._fingerprint

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted(self.models))

    def fields(self, kind: str) -> dict[str, FieldSpec]:
        return self._fields[kind]

    def __repr__(self) -> str:
        return f"Vocabulary({self.id!r}, kinds={len(self.models)}, origin={self.origin!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """To another process as its source (re-created there), or its state when its models can be
        found by name: judgment._vocabularies._pickling."""
        from judgment._vocabularies._pickling import reduce_vocabulary

        return reduce_vocabulary(self)


def _module_of(models: typing.Iterable[type[Record]]) -> str:
    """The module that declared the models (the first one's), for a Python vocabulary's origin."""
    return next((m.__module__ for m in models), "__main__")


def _kind_of(model: type[Record]) -> str:
    annotation = model.model_fields["kind"].annotation
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is not Literal or len(args) != 1:
        raise TypeError(f"{model.__name__}.kind must be a Literal of one string")
    return str(args[0])


def _fields_of(model: type[Record]) -> dict[str, FieldSpec]:
    specs = {}
    for name, info in model.model_fields.items():
        if name in _RESERVED:
            continue
        annotation, optional = strip_optional(info.annotation)
        better = next((m.direction for m in info.metadata if isinstance(m, Better)), None)
        names = next((m.names for m in info.metadata if isinstance(m, Comparators)), ())
        where = f"{model.__name__}.{name}"
        _check_comparators(where, names)
        specs[name] = _spec(where, annotation, optional, better, names)
    return specs


def _check_comparators(where: str, names: tuple[str, ...]) -> None:
    """Refuse comparator names the rule language would read two ways, or cannot write at all."""
    for name in names:
        if name in RESERVED_COMPARATORS:
            raise ValueError(f"{where} declares a comparator {name!r}: {', '.join(RESERVED_COMPARATORS)} are "
                             "reserved for the figure's own value and bounds; rename the comparator")
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise ValueError(f"{where} declares a comparator {name!r} that no rule can name: a comparator name "
                             "is a letter or underscore, then letters, digits or underscores")


def strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def _spec(where: str, annotation: Any, optional: bool, better: str | None,
          comparators: tuple[str, ...]) -> FieldSpec:
    name = where.rpartition(".")[2]
    if annotation is Measure:
        return FieldSpec(name, "measure", optional, better, comparators)
    if annotation is bool:
        return FieldSpec(name, "bool", optional, better)
    if annotation in (int, float):
        return FieldSpec(name, "number", optional, better)
    if annotation is str:
        return FieldSpec(name, "string", optional)
    if annotation is date:
        return FieldSpec(name, "date", optional)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        _check_members(where, annotation)
        ordered = issubclass(annotation, OrderedEnum)
        members = tuple(str(m.value) for m in annotation)
        return FieldSpec(name, "enum", optional, "higher" if ordered else None, members=members, ordered=ordered)
    raise TypeError(f"field {where} has a type rules cannot use: {annotation!r}")


def _check_members(where: str, enumeration: type[Enum]) -> None:
    """Enumerations hold strings: rules compare a member with a string literal, and an integer
    member would equal ``'1'`` in durable_rules (which coerces) but not in the compiled engine."""
    odd = [m for m in enumeration if not isinstance(m.value, str)]
    if odd:
        raise TypeError(f"field {where} is the enumeration {enumeration.__name__}, whose member {odd[0].name} "
                        f"has the value {odd[0].value!r}: an enumeration in evidence holds strings only "
                        "(e.g. class Level(str, Enum))")


_REGISTRY: dict[str, Vocabulary] = {}


def register_vocabulary(vocabulary: Vocabulary) -> Vocabulary:
    """Make a vocabulary available to rulebooks under its id, and return the one registered.

    The same vocabulary again (the same fingerprint) is a no-op that returns the one registered
    first; a different one under a registered id is a :class:`~judgment.VocabularyError` naming
    both origins."""
    existing = _REGISTRY.get(vocabulary.id)
    if existing is None:
        _REGISTRY[vocabulary.id] = vocabulary
        return vocabulary
    if existing is not vocabulary and existing.fingerprint != vocabulary.fingerprint:
        raise _clash(existing, vocabulary)
    return existing


def _clash(existing: Vocabulary, new: Vocabulary) -> VocabularyError:
    place = new.place or Location(new.origin)
    return VocabularyError([Diagnostic(
        "DUPLICATE_ID", f"vocabulary {excerpt(new.id)} from {new.origin} is not the one already registered "
        f"under that id from {existing.origin}", place,
        hint="two different vocabularies cannot share an id: give one of them another id")])


def get_vocabulary(vocabulary_id: str) -> Vocabulary | None:
    if vocabulary_id not in _REGISTRY:
        _load_builtin()
    return _REGISTRY.get(vocabulary_id)


def vocabulary_ids() -> tuple[str, ...]:
    _load_builtin()
    return tuple(sorted(_REGISTRY))


def _load_builtin() -> None:
    # The shipped vocabulary registers itself on import; installed packages' through their entry points.
    import judgment.evidence.hmic_crime  # noqa: F401
    from judgment._vocabularies._plugins import load_entry_points

    load_entry_points()
