"""Changes as the command line writes them: ``--set RECORD.FIELD=VALUE``, ``--drop RECORD``, ``--add FILE``.

A value is one line of YAML read by the project's own strict reader (YAML 1.2 core: ``yes`` is a
string, ``"86"`` a string, ``{value: 82, margin: 1.0}`` a mapping), so a value on the command line
means what it would mean in a bundle file. Record ids may hold dots: the record is the longest prefix
of RECORD.FIELD that is a record id of the bundle. A refusal names the argument as its location."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

from judgment._diagnostics import Diagnostic, Location, visible
from judgment._errors import BundleError, InputFileError
from judgment._io._yaml import LoadFailure, load_document, parse_document
from judgment._whatif._changes import AddRecord, Change, DropRecord, SetField

#: How much of an argument a location shows (the argument may be long).
LABEL_LENGTH = 160


def label(option: str, argument: str) -> str:
    """``--set a.b=c``: where a diagnostic about this argument points, control characters shown."""
    shown = visible(argument)
    return f"{option} {shown if len(shown) <= LABEL_LENGTH else shown[:LABEL_LENGTH] + '…'}"


def set_field(argument: str, record_ids: Collection[str]) -> SetField:
    """One ``--set RECORD.FIELD=VALUE``, the record being the longest prefix that is a record id."""
    where = label("--set", argument)
    target, equals, written = argument.partition("=")
    if not equals or "." not in target:
        raise _refused(where, "expected RECORD.FIELD=VALUE")
    record, path = _split(target, record_ids)
    return SetField(record, path, _value(written, where), origin=where)


def _split(target: str, record_ids: Collection[str]) -> tuple[str, str]:
    dots = [i for i, c in enumerate(target) if c == "."]
    for at in reversed(dots):
        if target[:at] in record_ids:
            return target[:at], target[at + 1:]
    return target[:dots[0]], target[dots[0] + 1:]  # no such record: apply_changes says so, with the ids


def _value(written: str, where: str) -> Any:
    if "\n" in written or "\r" in written:
        raise _refused(where, "a value is one line of YAML")
    try:
        return parse_document(written, where).data
    except LoadFailure as failure:
        raise _refused(where, f"the value is not YAML: {failure.diagnostic.message}") from None


def _refused(where: str, message: str) -> BundleError:
    return BundleError([Diagnostic(
        "BAD_VALUE", message, Location(where),
        hint="write RECORD.FIELD=VALUE, e.g. evaluation-crime-prevention.level=developing or "
             "victim-satisfaction.rate={value: 82, margin: 1.0}")])


def added(path: str) -> AddRecord:
    """One ``--add FILE``: a YAML or JSON file holding one record, read by the bounded reader."""
    where = label("--add", path)
    try:
        data = load_document(Path(path), path).data
    except LoadFailure as failure:
        kind = InputFileError if failure.diagnostic.code in ("FILE_NOT_FOUND", "NOT_A_FILE") else BundleError
        raise kind([failure.diagnostic]) from None
    if not isinstance(data, dict):
        raise BundleError([Diagnostic("WRONG_TYPE", "the file must hold one record: a mapping with id, kind, "
                                                    "provenance and its fields", Location(where))])
    return AddRecord(data, origin=where)


def command_line_changes(bundle_ids: Iterable[str], sets: Iterable[str], drops: Iterable[str],
                         adds: Iterable[str]) -> list[Change]:
    """The changes in the order they apply: drops, then adds, then sets (a record added can be set, a
    record dropped and added again is replaced)."""
    changes: list[Change] = [DropRecord(r, origin=label("--drop", r)) for r in drops]
    new = [added(path) for path in adds]
    ids = {*bundle_ids, *(str(a.data.get("id")) for a in new)}
    return changes + new + [set_field(argument, ids) for argument in sets]
