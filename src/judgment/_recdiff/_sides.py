"""Read the two records of a diff: strictly (the record reader's bounds), validated as decision
records, and with their seals checked, so that a diff of a forged record says so before anything else.

A record that is not one (or of another version of the format) is refused: there is nothing to
compare. A record whose seal or evidence hash does not match its content is still compared (the
diff may be how the tampering is understood), but the problem is kept and shown first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from judgment._diagnostics import excerpt, plain
from judgment._render._safe import visible
from judgment._records._read import NotARecord, read_record
from judgment._records._formats import OLDER, SCHEMA, as_current, readable
from judgment._records._record import DecisionRecord, canonical, seal_of, sha256


class NotADecisionRecord(ValueError):
    """One of the files is not a decision record this judgment reads; the message says which and why."""


@dataclass(frozen=True)
class Side:
    """One record of the diff: its name as given, its data, and what is wrong with its seal (if anything)."""

    name: str
    record: dict[str, Any]
    seal_problems: tuple[str, ...]


def read_side(path: Path, label: str) -> Side:
    """The record at `path`; NotADecisionRecord naming `label` (A or B) when it is not one."""
    try:
        record = read_record(path)
    except NotARecord as error:
        raise NotADecisionRecord(f"record {label} ({shown(path)}) is not a decision record: {error}") from None
    made = record.get("schema")
    if not readable(made):
        raise NotADecisionRecord(f"record {label} ({shown(path)}) is in format {excerpt(made)}; this judgment "
                                 f"compares {', '.join((SCHEMA, *OLDER))} records")
    try:
        DecisionRecord.model_validate(as_current(record))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = excerpt(".".join(map(str, first["loc"]))) if first["loc"] else "(the record)"
        raise NotADecisionRecord(f"record {label} ({shown(path)}) is not a decision record: "
                                 f"{exc.error_count()} problems with its fields, e.g. {where}: "
                                 f"{plain(first['msg'], 120)}") from None
    return Side(str(path), as_current(record), seal_problems(record))


def shown(path: Path) -> str:
    """A path as given, on one line, every control character shown (it is the user's own, so whole)."""
    return " ".join(visible(str(path)).splitlines())


def seal_problems(record: dict[str, Any]) -> tuple[str, ...]:
    """What a recomputation finds: the seal over the content, the evidence hash over the evidence."""
    problems = []
    if seal_of(record) != record["seal"]:
        problems.append("the seal does not match the record's content")
    if sha256(canonical(record["evidence"]["bundle"])) != record["evidence"]["sha256"]:
        problems.append("the evidence hash does not match the evidence in the record")
    return tuple(problems)
