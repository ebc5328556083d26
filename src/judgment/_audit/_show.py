"""List a log's entries as stored, by organisation and inspection date: what an auditor reads first.

Showing is not verifying: an entry is listed as it is stored (`judgment audit verify` says whether
it is intact). Nothing read from the log reaches a terminal raw: names pass through `plain`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judgment._audit._file import not_a_log
from judgment._audit._store import open_log
from judgment._diagnostics import plain
from judgment._records._read import NotARecord, parse_record

_SELECT = ("SELECT sequence, record, CAST(organisation AS BLOB), CAST(inspection_date AS BLOB), "
           "CAST(appended_at AS BLOB), CAST(seal AS BLOB), CAST(entry_hash AS BLOB) FROM entries ORDER BY sequence")


@dataclass(frozen=True)
class Entry:
    sequence: int
    organisation: str
    inspection_date: str
    appended_at: str
    seal: str
    entry_hash: str
    record: dict[str, Any] | None  # None: the stored bytes are not a record (verify says more)

    def grades(self) -> str:
        questions = self.record.get("questions") if self.record else None
        if not isinstance(questions, list):
            return "(record unreadable)"
        return ", ".join(f"{plain(str(q.get('id')), 40)}={plain(str(q.get('grade')), 30)}"
                         for q in questions if isinstance(q, dict))


def entries(path: Path, organisations: Sequence[str] = (), since: str | None = None) -> Iterator[Entry]:
    """The log's entries in order, those of the organisations named (all when none) inspected on or
    after `since` (an ISO date)."""
    connection = open_log(path)
    try:
        for row in connection.execute(_SELECT):
            entry = _entry(row)
            if organisations and entry.organisation not in organisations:
                continue
            if since is not None and entry.inspection_date < since:
                continue
            yield entry
    except sqlite3.DatabaseError as error:
        raise not_a_log(str(path), f"the SQLite file is damaged or truncated ({error})") from None
    finally:
        connection.close()


def render_text(found: Sequence[Entry]) -> str:
    lines = [f"{e.sequence:>6}  {plain(e.inspection_date, 12)}  {plain(e.organisation, 60)}  {e.grades()}  "
             f"(appended {plain(e.appended_at, 40)})" for e in found]
    lines.append(f"{len(found)} entr{'y' if len(found) == 1 else 'ies'} (as stored: `judgment audit verify` "
                 "checks them)")
    return "\n".join(lines) + "\n"


def render_json(found: Sequence[Entry]) -> str:
    rows = [{"sequence": e.sequence, "organisation": e.organisation, "inspection_date": e.inspection_date,
             "appended_at": e.appended_at, "seal": e.seal, "entry_hash": e.entry_hash, "record": e.record}
            for e in found]
    return json.dumps(rows, indent=2, sort_keys=True, ensure_ascii=True) + "\n"


def _entry(row: tuple[Any, ...]) -> Entry:
    organisation, date, appended_at, seal, entry_hash = (bytes(value).decode("utf-8", "replace") for value in row[2:])
    try:
        record: dict[str, Any] | None = parse_record(bytes(row[1]))
    except (NotARecord, TypeError):
        record = None
    return Entry(int(row[0]), organisation, date, appended_at, seal, entry_hash, record)
