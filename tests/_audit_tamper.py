"""Byte-level tampering with an audit log, as an attacker with SQLite would do it: each mutation
changes one byte of one stored field (a record's bytes, a chain column, the meta and head tables)
through an UPDATE, in a copy of the log in memory, and asks the verifier whether it is intact."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from judgment._audit._check import check_connection

#: (table, column, the row key's column). Text columns are changed as bytes, written back as TEXT.
ENTRY_FIELDS = ("record", "seal", "organisation", "inspection_date", "appended_at", "previous_hash", "entry_hash")
XORS = (0x01, 0x20, 0x80)  # a low bit, ASCII case (a hex digit 'a' to 'A'), and UTF-8 validity


@dataclass(frozen=True)
class Mutation:
    table: str
    column: str
    key: str  # the row's key column
    row: object  # its value
    position: int  # the byte changed (-1: an integer's value)
    value: bytes | int  # the new field value

    @property
    def field(self) -> str:
        return f"{self.table}.{self.column}"


def image(log: Path) -> bytes:
    """The log's bytes as an in-memory database can load them (WAL is for files: marked rollback)."""
    connection = sqlite3.connect(log)
    try:
        data = bytearray(connection.serialize())
    finally:
        connection.close()
    data[18:20] = b"\x01\x01"
    return bytes(data)


def load(data: bytes) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:")
    connection.deserialize(data)
    return connection


def fields(data: bytes) -> list[tuple[str, str, str, object, bytes | int]]:
    """Every stored field of the log: (table, column, key column, key, value as bytes or int)."""
    connection = load(data)
    found: list[tuple[str, str, str, object, bytes | int]] = []
    for sequence, in connection.execute("SELECT sequence FROM entries ORDER BY sequence").fetchall():
        found.append(("entries", "sequence", "sequence", sequence, sequence))
        for column in ENTRY_FIELDS:
            value = connection.execute(f"SELECT CAST({column} AS BLOB) FROM entries WHERE sequence = ?",
                                       (sequence,)).fetchone()[0]
            found.append(("entries", column, "sequence", sequence, bytes(value)))
    for key, value in connection.execute("SELECT key, CAST(value AS BLOB) FROM meta ORDER BY key").fetchall():
        found.append(("meta", "value", "key", key, bytes(value)))
        found.append(("meta", "key", "key", key, key.encode()))
    count, head = connection.execute("SELECT count, CAST(hash AS BLOB) FROM head").fetchone()
    found += [("head", "count", "id", 1, count), ("head", "hash", "id", 1, bytes(head))]
    connection.close()
    return found


def every_mutation(data: bytes) -> Iterator[Mutation]:
    """Each byte of each field changed once (the XOR cycling through XORS by position); each of the
    8 bytes of an integer field's value changed by XOR 1."""
    for table, column, key, row, value in fields(data):
        if isinstance(value, int):
            for byte in range(8):
                yield Mutation(table, column, key, row, -1, value ^ (1 << (8 * byte)))
            continue
        for position in range(len(value)):
            changed = bytearray(value)
            changed[position] ^= XORS[position % len(XORS)]
            yield Mutation(table, column, key, row, position, bytes(changed))


def caught(data: bytes, mutation: Mutation) -> bool | None:
    """Whether the verifier finds the mutated log broken; None if SQLite itself refuses the change
    (a sequence number that another entry already has)."""
    connection = load(data)
    try:
        value = mutation.value
        cast = "?" if isinstance(value, int) or mutation.column == "record" else "CAST(? AS TEXT)"
        try:
            connection.execute(f"UPDATE {mutation.table} SET {mutation.column} = {cast} "
                               f"WHERE {mutation.key} = ?", (value, mutation.row))
        except sqlite3.IntegrityError:
            return None
        return check_connection(connection, "log").broken is not None
    finally:
        connection.close()
