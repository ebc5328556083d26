"""Open an audit log, or create one, and refuse cleanly any file that is not one.

The log is an SQLite database in WAL mode (readers do not block the one writer). Three tables:
`meta` (format, version, log id, creation time: the id and time make the genesis hash, so two logs
never share a chain), `entries` (one row per appended record) and `head` (the count of entries and
the last entry hash, kept apart from the rows: deleting the last rows without rewriting the head
shows). A file that is missing or a folder is an input error; one that is not SQLite, not a
judgment log, or damaged is a `NotALog` (to `audit verify`, a log that is not intact).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
import urllib.parse
import uuid
from pathlib import Path

from judgment._audit._file import check_header, file_size, not_a_log
from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError
from judgment._io._read import cannot_read, named

FORMAT, VERSION = "judgment.audit-log", 1
APPLICATION_ID = 0x4A444741  # "JDGA" in the SQLite header: `file` and other tools can tell a log
BUSY_SECONDS = 60.0
_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE entries (sequence INTEGER PRIMARY KEY, record BLOB NOT NULL, seal TEXT NOT NULL, "
    "organisation TEXT NOT NULL, inspection_date TEXT NOT NULL, appended_at TEXT NOT NULL, "
    "previous_hash TEXT NOT NULL, entry_hash TEXT NOT NULL UNIQUE)",
    "CREATE TABLE head (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL, hash TEXT NOT NULL)",
)


def open_log(path: Path, *, write: bool = False) -> sqlite3.Connection:
    """A connection to the log at `path` (created when writing and absent), its format checked."""
    display = str(path)
    size = file_size(path, create=write)
    mode = "rwc" if write else "ro"
    if size is not None:
        check_header(path, size)
    try:
        connection = sqlite3.connect(f"file:{urllib.parse.quote(os.fspath(path))}?mode={mode}", uri=True,
                                     timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise InputFileError([cannot_read(display, str(error), "audit log")]) from None
    try:
        if write and size is None:
            _initialise(connection)
        read_meta(connection, display)
    except BaseException:
        connection.close()
        raise
    return connection


def read_meta(connection: sqlite3.Connection, display: str) -> dict[str, str]:
    """The meta table, checked: this judgment's format and a version it reads."""
    try:
        rows = connection.execute("SELECT CAST(key AS BLOB), CAST(value AS BLOB) FROM meta").fetchall()
    except sqlite3.DatabaseError as error:
        raise not_a_log(display, _why(error)) from None
    meta = {bytes(key).decode("utf-8", "replace"): bytes(value).decode("utf-8", "replace") for key, value in rows}
    if meta.get("format") != FORMAT:
        raise not_a_log(display, "its meta table does not name the judgment audit log format")
    version = meta.get("version", "")
    if not (version.isascii() and version.isdigit() and len(version) < 6):
        raise not_a_log(display, "its format version is not a number")
    if int(version) > VERSION:
        raise InputFileError([Diagnostic(
            "BAD_VALUE", f"audit log {named(display)} is in format version {version}, written by a newer judgment; "
            f"this one reads version {VERSION}", Location(display), hint="use the judgment that wrote the log")])
    if int(version) < VERSION or not {"log_id", "created_at"} <= meta.keys():
        raise not_a_log(display, "its meta table lacks the log id or creation time")
    return meta


def immediately(connection: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE: the write lock now, so that no two writers read the same head. SQLite waits
    up to BUSY_SECONDS for it; a writer that still finds the lock taken tries again."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _initialise(connection: sqlite3.Connection) -> None:
    """WAL mode and the schema in a file this append found absent: the first writer makes them, the
    others find them made. A database that holds anything else is never made into a log."""
    _wal(connection)
    immediately(connection)
    try:
        if not connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            for statement in _SCHEMA:
                connection.execute(statement)
            created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
            meta = {"format": FORMAT, "version": str(VERSION), "log_id": str(uuid.uuid4()), "created_at": created}
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            from judgment._audit._chain import genesis

            connection.execute("INSERT INTO head VALUES (1, 0, ?)", (genesis(meta),))
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


def _wal(connection: sqlite3.Connection) -> None:
    """Switching to WAL needs a moment alone with the file: retried while another writer holds it."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _why(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "no such table" in text:
        return "it has no judgment log tables"
    if "not a database" in text or "malformed" in text:
        return f"the SQLite file is damaged or truncated ({text})"
    return text
