"""Names a vocabulary file declares: kinds, fields, scales, members, comparators, model names.

Rules name kinds and fields in conditions, so a name must be one the grammar can write and not one
of its words (``x.above`` could never be read); ``id``, ``kind`` and ``provenance`` belong to every
record; and a field may not shadow what the model itself is (``model_dump``, ``copy``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt
from judgment._io._yaml import Positions
from judgment._lang._parser import RESERVED_WORDS
from judgment.evidence._base import Record
from judgment.evidence._declared._read import Declared
from judgment.evidence._declared._shape import ChoiceField, FigureField, ScaleField
from judgment.evidence._vocabulary import _NAME, RESERVED_COMPARATORS

NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")
RESERVED_FIELDS = frozenset({"id", "kind", "provenance"})
#: A member's own attributes, and what Python's Enum refuses as a member name.
RESERVED_MEMBERS = frozenset({"name", "value", "rank", "mro"})
_WRITE = "a lowercase letter, then lowercase letters, digits or underscores (at most 64)"


def check_names(declared: Declared, where: Positions) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    file = declared.file
    for scale, spec in file.scales.items():
        _name("scale", scale, where.of_key(("scales", scale)), problems, ())
        _members(scale, spec.members, where, problems)
    for kind in file.kinds:
        _name("kind", kind, where.of_key(("kinds", kind)), problems, RESERVED_WORDS)
        for field_name, field in declared.fields[kind].items():
            key = ("kinds", kind, "fields", field_name)
            _field_name(field_name, where.of_key(key), problems)
            if isinstance(field, FigureField):
                _comparators(field.comparators, (*key, "comparators"), where, problems)
            if isinstance(field, (ScaleField, ChoiceField)):
                _scale_of(field, declared, (*key, "scale"), where, problems)
    _model_names(declared, where, problems)
    return problems


def _name(what: str, name: str, place: Location, problems: list[Diagnostic], words: Iterable[str]) -> bool:
    if not NAME.fullmatch(name):
        problems.append(Diagnostic("BAD_VALUE", f"{what} name {excerpt(name)} cannot be written in a rule",
                                   place, hint=f"a {what} name is {_WRITE}"))
        return False
    if name in words:
        reserved = "is a word of the rule language" if what != "member" else "is reserved"
        problems.append(Diagnostic("BAD_VALUE", f"{what} name {excerpt(name)} {reserved}", place,
                                   hint=f"rename the {what}: {', '.join(sorted(words))} cannot be used"))
        return False
    return True


def _field_name(name: str, place: Location, problems: list[Diagnostic]) -> None:
    if not _name("field", name, place, problems, RESERVED_WORDS):
        return
    if name in RESERVED_FIELDS:
        problems.append(Diagnostic("BAD_VALUE", f"field name {excerpt(name)} is reserved", place,
                                   hint="id, kind and provenance are every record's own: rename the field"))
    elif name.startswith("model_") or hasattr(Record, name):
        problems.append(Diagnostic("BAD_VALUE", f"field name {excerpt(name)} would hide the record's own "
                                   "attribute of that name", place, hint="rename the field"))


def _members(scale: str, members: list[str], where: Positions, problems: list[Diagnostic]) -> None:
    seen: set[str] = set()
    for index, member in enumerate(members):
        place = where.of_value(("scales", scale, "members", index))
        if member in seen:
            problems.append(Diagnostic("DUPLICATE_ID", f"scale {excerpt(scale)} lists {excerpt(member)} twice",
                                       place, hint="each member of a scale is listed once"))
        elif _name("member", member, place, problems, RESERVED_MEMBERS):
            seen.add(member)


def _comparators(names: list[str], key: tuple[str, ...], where: Positions, problems: list[Diagnostic]) -> None:
    for index, name in enumerate(names):
        place = where.of_value((*key, index))
        if name in RESERVED_COMPARATORS or not _NAME.fullmatch(name):
            problems.append(Diagnostic("BAD_VALUE", f"comparator {excerpt(name)} cannot be named in a rule",
                                       place, hint=f"{', '.join(RESERVED_COMPARATORS)} are the figure's own; a "
                                       "comparator name is a letter or underscore, then letters, digits or "
                                       "underscores"))
        elif name in names[:index]:
            problems.append(Diagnostic("DUPLICATE_ID", f"comparator {excerpt(name)} is listed twice", place,
                                       hint="list each comparator once"))


def _scale_of(field: ScaleField | ChoiceField, declared: Declared, key: tuple[str, ...], where: Positions,
              problems: list[Diagnostic]) -> None:
    scale = declared.file.scales.get(field.scale)
    place = where.of_value(key)
    if scale is None:
        problems.append(Diagnostic("UNKNOWN_REFERENCE", f"there is no scale {excerpt(field.scale)}", place,
                                   hint=did_you_mean(field.scale, declared.file.scales) or "declare it under 'scales'"))
    elif scale.ordered != isinstance(field, ScaleField):
        wanted, other = ("ordered", "choice") if isinstance(field, ScaleField) else ("unordered", "scale")
        problems.append(Diagnostic("BAD_VALUE", f"a field of type {excerpt(field.type)} reads an {wanted} scale, "
                                   f"but {excerpt(field.scale)} is {'not ' if scale.ordered is False else ''}ordered",
                                   place, hint=f"write 'type: {other}', or declare the scale 'ordered: "
                                   f"{str(not scale.ordered).lower()}'"))


def _model_names(declared: Declared, where: Positions, problems: list[Diagnostic]) -> None:
    """Two models or enumerations of one name would share a place in the JSON Schema."""
    seen: dict[str, str] = {}
    named = [(("scales", s), spec.model or camel(s)) for s, spec in declared.file.scales.items()]
    named += [(("kinds", k), spec.model or camel(k)) for k, spec in declared.file.kinds.items()]
    for key, model in named:
        if model in seen:
            place = where.of_value((*key, "model")) if (*key, "model") in where.values else where.of_key(key)
            problems.append(Diagnostic("DUPLICATE_ID", f"the model name {excerpt(model)} is used twice", place,
                                       hint=f"{seen[model]} has it already: give one of them another 'model:' name"))
        seen[model] = "/".join(key)


def camel(name: str) -> str:
    """``crime_rate`` -> ``CrimeRate``: the class name a kind or scale gets unless it names one."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))
