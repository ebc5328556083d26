"""Verify a log: walk the chain from the genesis hash and name the first entry that is broken.

Each entry, in sequence order: its number follows the one before (else an entry was deleted,
inserted or moved), its fields are UTF-8 text and its hashes hex, it links to the entry before,
its record parses strictly, its seal and evidence hash hold (and, with a
key, its signature), its columns are the record's, and its entry hash is that of its fields. Then
the head table must name the last entry and the count of entries, so that deleting the last rows
without rewriting the head shows. A published head must be one of the chain's entry hashes.
What cannot be caught: whoever can write the file can rebuild the whole chain (the hashes have no
key); only a head published elsewhere, and checked with `--head`, pins the history.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judgment._audit._chain import (
    HASH,
    RecordRefused,
    SignatureRefused,
    entry_hash,
    genesis,
    organisation_and_date,
    sealed,
)
from judgment._audit._file import NotALog
from judgment._audit._store import open_log, read_meta

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

INTACT, BROKEN, SIGNATURE_INVALID = 0, 3, 7  # the exit codes of `judgment verify` for the same
_COLUMNS = ("seal", "organisation", "inspection_date", "appended_at", "previous_hash", "entry_hash")
_ENTRIES = ("SELECT sequence, record, " + ", ".join(f"CAST({c} AS BLOB)" for c in _COLUMNS)
            + " FROM entries ORDER BY sequence")


@dataclass(frozen=True)
class AuditReport:
    """What verifying a log found: its entries, its head, the first broken entry (if any) and
    where a published head was found on the chain (entry 0: the empty log's genesis hash)."""

    entries: int
    head: str | None
    broken: tuple[int | None, str] | None = None
    published_at: int | None = None
    unsigned: bool = False  # the first broken entry is intact but not signed by the key given

    @property
    def exit_code(self) -> int:
        return INTACT if self.broken is None else SIGNATURE_INVALID if self.unsigned else BROKEN

    def render(self) -> str:
        if self.broken is not None:
            where, why = self.broken
            return f"broken: {f'entry {where}: ' if where is not None else ''}{why}\n"
        lines = [f"intact: {self.entries} entr{'y' if self.entries == 1 else 'ies'}; every record's seal, "
                 "every entry hash and every link holds", f"head: {self.head}"]
        if self.published_at is not None:
            since = self.entries - self.published_at
            appended = {0: "nothing was appended since", 1: "1 entry was appended since"}.get(
                since, f"{since} entries were appended since")
            lines.append(f"the published head is entry {self.published_at} of {self.entries}: the log up to it "
                         f"is unchanged, and {appended}")
        return "\n".join(lines) + "\n"


def verify_log(path: Path, head: str | None = None, public_key: Ed25519PublicKey | None = None) -> AuditReport:
    """Verify the log at `path`. A missing file or a folder raises InputFileError; a file that is
    not an intact log (not SQLite, damaged, truncated, not a judgment log) is a broken report."""
    try:
        connection = open_log(path)
    except NotALog as error:
        return AuditReport(0, None, (None, error.diagnostics[0].message))
    try:
        return check_connection(connection, str(path), head, public_key)
    finally:
        connection.close()


def check_connection(connection: sqlite3.Connection, display: str, head: str | None = None,
                     public_key: Ed25519PublicKey | None = None) -> AuditReport:
    connection.text_factory = bytes
    walked = 0
    try:
        damage = connection.execute("PRAGMA quick_check").fetchone()
        if damage != (b"ok",):
            return AuditReport(0, None, (None, f"the SQLite file is damaged: {_text(damage[0] if damage else None)}"))
        previous = genesis(read_meta(connection, display))
        found = 0 if head == previous else None
        for row in connection.execute(_ENTRIES):
            try:
                problem = _entry_problem(row, walked + 1, previous, public_key)
            except SignatureRefused as error:
                return AuditReport(walked, None, (walked + 1, f"its record is intact but its {error}"), unsigned=True)
            if problem is not None:
                return AuditReport(walked, None, (walked + 1, problem))
            walked, previous = walked + 1, row[-1].decode("ascii")
            found = walked if head == previous else found
        problem = _head_problem(connection.execute("SELECT count, CAST(hash AS BLOB) FROM head").fetchall(),
                                walked, previous)
    except NotALog as error:
        return AuditReport(walked, None, (None, error.diagnostics[0].message))
    except sqlite3.DatabaseError as error:
        return AuditReport(walked, None, (walked + 1, f"the SQLite file is damaged or truncated here ({error})"))
    if problem is not None:
        return AuditReport(walked, None, (None, problem))
    if head is not None and found is None:
        return AuditReport(walked, previous, (None, f"the published head {head} is not on this log's chain: the log "
                                                    "was rewritten, or entries were removed, since it was published "
                                                    "(or it is another log's head)"))
    return AuditReport(walked, previous, None, found)


def _entry_problem(row: tuple[Any, ...], expected: int, previous: str,
                   public_key: Ed25519PublicKey | None) -> str | None:
    sequence, data = row[0], row[1]
    if sequence != expected:
        return f"its place holds entry {_text(sequence)}: an entry was deleted, inserted or moved"
    if not isinstance(data, bytes):
        return "its record is not stored as bytes"
    try:
        seal, organisation, date, appended_at, linked, claimed = (value.decode("utf-8") for value in row[2:])
    except (UnicodeDecodeError, AttributeError):
        return "a field is not UTF-8 text"
    if not (HASH.match(linked) and HASH.match(claimed)):
        return "its previous or entry hash is not 64 lowercase hexadecimal digits"
    if linked != previous:
        return "its link is broken: it does not name the hash of the entry before it"
    try:
        record = sealed(data)
    except RecordRefused as error:
        return f"its record is broken: {error}"
    if (record["seal"], *organisation_and_date(record)) != (seal, organisation, date):
        return "its seal, organisation or inspection date is not the record's"
    if entry_hash(sequence, linked, data, seal, organisation, date, appended_at) != claimed:
        return "its entry hash does not match its fields (the record, a column or the time of appending changed)"
    if public_key is not None:
        sealed(data, public_key)  # SignatureRefused: an intact entry, not signed by that key
    return None


def _head_problem(rows: list[tuple[Any, ...]], walked: int, last: str) -> str | None:
    if len(rows) != 1:
        return "the head table does not hold exactly one head"
    count, stored = rows[0]
    if count != walked:
        return (f"the head counts {_text(count)} entries but the log holds {walked}: entries were deleted "
                "or added without the head")
    if stored != last.encode("ascii"):
        return f"the head does not name the last entry's hash (entry {walked})"
    return None


def _text(value: object) -> str:
    from judgment._diagnostics import excerpt

    return excerpt(value.decode("utf-8", "replace") if isinstance(value, bytes) else value)
