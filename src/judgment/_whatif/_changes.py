"""Changes to a bundle's evidence, applied through the vocabulary's models.

A change is data, never code: a record id, a field path and a value, checked exactly as the same
value in a bundle file would be (strict types: a string is never a number, ``yes`` never a
boolean). A path reaches into a figure: ``level``, ``rate.value``, ``rate.margin``,
``rate.comparators.national.value``. Setting a figure's ``value`` keeps its confidence interval's
width around the new value unless the same changes also set ``margin`` or ``interval``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Union

from pydantic import ValidationError

from judgment._bundle import Bundle
from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt, plain
from judgment._errors import BundleError
from judgment.evidence import Record, get_vocabulary

#: Longest field path a change may name (a figure's comparator's part is four deep).
MAX_DEPTH = 6


@dataclass(frozen=True)
class SetField:
    """Give the field at `path` (dotted: ``level``, ``rate.value``) of record `record` the value `value`."""

    record: str
    path: str
    value: Any
    #: How the user wrote it (``--set a.b=c``), to locate an error; None from the API.
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DropRecord:
    """Remove record `record` from the bundle."""

    record: str
    origin: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AddRecord:
    """Add a record, given as the data a bundle file would hold (id, kind, provenance, fields)."""

    data: Mapping[str, Any]
    origin: str | None = field(default=None, compare=False)


Change = Union[SetField, DropRecord, AddRecord]


def apply_changes(bundle: Bundle, changes: Sequence[Change]) -> Bundle:
    """The bundle with `changes` applied in order; a change that does not validate raises
    :class:`~judgment.BundleError` naming the change, and nothing is applied."""
    changes = expanded(checked(changes))
    records = {r.id: r for r in bundle.records}
    for number, change in enumerate(changes, 1):
        label = change.origin or f"change {number}"
        if isinstance(change, SetField):
            records[change.record] = _set(records, change, label, _sets_spread(changes, change))
        elif isinstance(change, DropRecord):
            _known(records, change.record, label)
            del records[change.record]
        else:
            added = _add(bundle, change, label)
            if added.id in records:
                raise _error("DUPLICATE_ID", f"a record {excerpt(added.id)} is already in the bundle", label)
            records[added.id] = added
    return bundle.replace_records(records.values())


def checked(changes: Sequence[Change]) -> tuple[Change, ...]:
    """`changes` as a tuple, or TypeError: a programming error, not evidence (a string is not a list
    of changes, a record id is a string, an added record is a mapping)."""
    if isinstance(changes, (str, bytes)) or not isinstance(changes, Sequence):
        raise TypeError(f"changes must be a sequence of SetField, DropRecord or AddRecord, not {type(changes).__name__}")
    for change in changes:
        if isinstance(change, SetField):
            fine = isinstance(change.record, str) and isinstance(change.path, str)
        elif isinstance(change, DropRecord):
            fine = isinstance(change.record, str)
        else:
            fine = isinstance(change, AddRecord) and isinstance(change.data, Mapping)
        if not fine or not isinstance(change.origin, (str, type(None))):
            raise TypeError(f"not a change: {excerpt(change)} (record ids and paths are strings, "
                            "an added record a mapping)")
    return tuple(changes)


def expanded(changes: Sequence[Change]) -> tuple[Change, ...]:
    """Each SetField whose value is a mapping, as one SetField per leaf: ``rate={value: 82, margin: 1}``
    sets the figure's value and margin and keeps its unit and comparators (an empty mapping is a value)."""
    out: list[Change] = []
    for change in changes:
        if (isinstance(change, SetField) and isinstance(change.value, Mapping) and change.value
                and change.path.count(".") < MAX_DEPTH):  # deeper: refused whole by _set
            out += expanded([SetField(change.record, f"{change.path}.{key}", value, change.origin)
                             for key, value in change.value.items()])
        else:
            out.append(change)
    return tuple(out)


def _set(records: dict[str, Record], change: SetField, label: str, spread_given: bool) -> Record:
    record = _known(records, change.record, label)
    path = change.path.split(".")
    if not all(path) or len(path) > MAX_DEPTH or path[0] in ("id", "kind"):
        raise _error("BAD_VALUE", f"{excerpt(change.path)} is not a field path that can be changed", label,
                     hint="write RECORD.FIELD=VALUE, e.g. evaluation-crime-prevention.level=developing")
    data = record.model_dump(mode="json", exclude_none=True)
    _assign(data, path, change.value, spread_given)
    try:
        return type(record).model_validate(data)
    except ValidationError as invalid:
        first = invalid.errors(include_url=False)[0]
        where = plain(".".join(str(p) for p in first["loc"]) or change.path)
        if first["type"] == "extra_forbidden":
            fields = type(record).model_fields
            raise _error("UNKNOWN_FIELD", f"{plain(change.record)} ({record.kind}) has no field {where}", label,
                         hint=did_you_mean(str(first["loc"][-1]), fields)) from None
        raise _error("BAD_VALUE", f"{plain(change.record)}.{where}: {first['msg']}", label,
                     hint=_HINTS.get(first["type"], f"`judgment schema bundle` shows the fields of {record.kind}")) from None


#: What to write instead, by the kind of value refused (YAML 1.2 core is read: yes/no are text).
_HINTS = {
    "bool_type": "write true or false (yes, no, on and off are text, not booleans)",
    "bool_parsing": "write true or false (yes, no, on and off are text, not booleans)",
    "float_type": "write a number without quotes",
    "int_type": "write a whole number without quotes",
    "float_parsing": "write a number without quotes",
    "int_parsing": "write a whole number without quotes",
    "enum": "write one of the values listed",
    "literal_error": "write one of the values listed",
}


def _assign(data: dict[str, Any], path: list[str], value: Any, spread_given: bool) -> None:
    """Set data[path] = value, creating mappings on the way; a figure's value keeps its interval's width."""
    target = data
    for key in path[:-1]:
        nested = target.get(key)
        if not isinstance(nested, dict):
            nested = target[key] = {}
        target = nested
    last = path[-1]
    interval = target.get("interval")
    if last == "value" and isinstance(interval, dict) and not spread_given and _number(value):
        old = target.get("value")
        if _number(old) and _number(interval.get("lower")) and _number(interval.get("upper")):
            try:
                shift = value - old
                target["interval"] = {"lower": round(interval["lower"] + shift, 10),
                                      "upper": round(interval["upper"] + shift, 10)}
            except OverflowError:  # a value past any float: the model refuses it, with its own message
                target.pop("interval")
    if last == "margin" or (last == "value" and spread_given):  # the margin given replaces the interval
        target.pop("interval", None)
    target[last] = value


def _sets_spread(changes: Sequence[Change], change: SetField) -> bool:
    """Whether the same changes also set the margin or interval of the figure `change` sets the value of."""
    figure = change.path.rsplit(".", 1)[0]
    return any(isinstance(c, SetField) and c.record == change.record
               and c.path in (f"{figure}.margin", f"{figure}.interval") for c in changes)


def _add(bundle: Bundle, change: AddRecord, label: str) -> Record:
    vocabulary = get_vocabulary(bundle.vocabulary)
    assert vocabulary is not None  # a loaded bundle names a registered vocabulary
    kind = change.data.get("kind")
    model = vocabulary.models.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise _error("UNKNOWN_KIND", f"no kind {excerpt(kind)} in vocabulary {bundle.vocabulary!r}", label)
    try:
        return model.model_validate(dict(change.data))
    except ValidationError as invalid:
        first = invalid.errors(include_url=False)[0]
        where = plain(".".join(str(p) for p in first["loc"]) or "(record)")
        raise _error("BAD_VALUE", f"added record: {where}: {first['msg']}", label) from None


def _known(records: Mapping[str, Record], record_id: str, label: str) -> Record:
    if record_id not in records:
        raise _error("UNKNOWN_REFERENCE", f"no record {excerpt(record_id)} in the bundle", label,
                     hint="record ids: " + ", ".join(list(records)[:8]) + (" ..." if len(records) > 8 else ""))
    return records[record_id]


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _error(code: Any, message: str, label: str, hint: str | None = None) -> BundleError:
    return BundleError([Diagnostic(code, message, Location(label, 0, 0), hint=hint)])
