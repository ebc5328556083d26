"""What changed in the inputs between two records: the evidence (by its hash, then record by record
and field by field) and the rulebook (by its hash, then file by file, by each file's hash).

Values are shown as short excerpts of their JSON with nothing that could act on a terminal (the
record reader's `excerpt`); a renderer escapes them again for its own format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from judgment._records._diff import differences, excerpt, safe

MAX_RECORDS = 50  # evidence records listed at most (the rest counted)
MAX_FIELDS = 12  # changed fields listed per record at most


@dataclass(frozen=True)
class FieldChange:
    path: str
    before: str
    after: str


@dataclass(frozen=True)
class RecordChange:
    """An evidence record added, removed or changed (by id); `record` "(inspection)" for the inspection."""

    record: str
    change: Literal["added", "removed", "changed"]
    fields: tuple[FieldChange, ...] = ()
    more_fields: int = 0


@dataclass(frozen=True)
class FileChange:
    path: str
    change: Literal["added", "removed", "changed"]


def evidence_changes(a: dict[str, Any], b: dict[str, Any]) -> tuple[tuple[RecordChange, ...], int]:
    """The records of bundle `a` and `b` (canonical bundle data) that differ, and how many more did."""
    found: list[RecordChange] = []
    for part in ("vocabulary", "inspection"):
        if a.get(part) != b.get(part):
            found.append(_changed(f"({part})", a.get(part), b.get(part)))
    before, after = _by_id(a), _by_id(b)
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            found.append(RecordChange(safe(key), "removed"))
        elif key not in before:
            found.append(RecordChange(safe(key), "added"))
        elif before[key] != after[key]:
            found.append(_changed(safe(key), before[key], after[key]))
    return tuple(found[:MAX_RECORDS]), max(0, len(found) - MAX_RECORDS)


def _by_id(bundle: dict[str, Any]) -> dict[str, Any]:
    records = bundle.get("records")
    return {str(r.get("id")): r for r in records if isinstance(r, dict)} if isinstance(records, list) else {}


def _changed(name: str, before: Any, after: Any) -> RecordChange:
    fields = [FieldChange(safe(d.path), excerpt(d.before), excerpt(d.after)) for d in differences(before, after)]
    return RecordChange(name, "changed", tuple(fields[:MAX_FIELDS]), max(0, len(fields) - MAX_FIELDS))


def rule_file_changes(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[FileChange, ...]:
    """Rule files (by path under the rulebook folder) added, removed or changed (by their SHA-256)."""
    before = {str(f["path"]): f["sha256"] for f in a}
    after = {str(f["path"]): f["sha256"] for f in b}
    changes = [FileChange(safe(p), "changed") for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    changes += [FileChange(safe(p), "added") for p in sorted(after.keys() - before.keys())]
    changes += [FileChange(safe(p), "removed") for p in sorted(before.keys() - after.keys())]
    return tuple(changes)
