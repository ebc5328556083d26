"""Append sealed records to a log, all or none, one writer at a time.

Every record is checked (parsed strictly, seal and evidence hash recomputed, signature with a key
given) before the log is touched. The append then takes SQLite's write lock with BEGIN IMMEDIATE,
reads the head, chains each record to it and moves the head, in one transaction: processes that
append at once queue on the lock, and each finds the head the one before it left, so the chain
never forks and nothing is lost. A log whose head does not match its last entry is not extended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judgment._audit._chain import entry_hash, organisation_and_date, sealed
from judgment._audit._file import not_a_log
from judgment._audit._store import immediately, open_log
from judgment._records._record import canonical

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


@dataclass(frozen=True)
class Appended:
    sequence: int
    entry_hash: str
    organisation: str
    inspection_date: str


@dataclass(frozen=True)
class Checked:
    """A record the log takes: its canonical bytes (what is stored) and the columns read from it."""

    data: bytes
    seal: str
    organisation: str
    inspection_date: str


def checked(record: dict[str, Any], public_key: Ed25519PublicKey | None = None) -> Checked:
    """`record` ready to append; RecordRefused if its seal, evidence hash (or signature) fails."""
    data = canonical(record)
    sealed(data, public_key)
    return Checked(data, record["seal"], *organisation_and_date(record))


def append(path: Path, records: Sequence[Checked]) -> list[Appended]:
    """Append records already `checked`, in order, in one transaction; their entries."""
    connection = open_log(path, write=True)
    try:
        immediately(connection)
        try:
            made = _append_locked(connection, str(path), records)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        connection.close()
    return made


def _append_locked(connection: Any, display: str, records: Sequence[Checked]) -> list[Appended]:
    count, head = connection.execute("SELECT count, hash FROM head WHERE id = 1").fetchone()
    last = connection.execute("SELECT sequence, entry_hash FROM entries ORDER BY sequence DESC LIMIT 1").fetchone()
    if (last is None and count != 0) or (last is not None and (last[0] != count or last[1] != head)):
        raise not_a_log(display, "its head does not match its last entry; nothing was appended "
                                 "(run `judgment audit verify`)")
    made = []
    for item in records:
        appended_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
        previous, count = head, count + 1
        head = entry_hash(count, previous, item.data, item.seal, item.organisation, item.inspection_date,
                          appended_at)
        connection.execute("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           (count, item.data, item.seal, item.organisation, item.inspection_date, appended_at,
                            previous, head))
        made.append(Appended(count, head, item.organisation, item.inspection_date))
    connection.execute("UPDATE head SET count = ?, hash = ? WHERE id = 1", (count, head))
    return made

