"""Open an audit log, or create one, and refuse cleanly any file that is not one.

The log is an SQLite database in WAL mode (readers do not block the one writer), created whole. Three tables:
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
    if size is None:
        _create(path)
        size = file_size(path, create=False)
    check_header(path, size or 0)
    try:
        connection = sqlite3.connect(f"file:{urllib.parse.quote(os.fspath(path))}?mode={'rw' if write else 'ro'}",
                                     uri=True, timeout=BUSY_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise InputFileError([cannot_read(display, str(error), "audit log")]) from None
    try:
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


def _create(path: Path) -> None:
    """A new log, made whole under a temporary name and then linked into place (which fails if the
    name is taken): a writer never sees another's log half made, and of writers creating the same
    log at once, one makes it and the others append to it."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.new")
    try:
        connection = sqlite3.connect(temporary, isolation_level=None)
        try:
            _initialise(connection)
        finally:
            connection.close()
        os.link(temporary, path)
    except FileExistsError:
        pass
    except (OSError, sqlite3.Error) as error:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot create audit log {named(str(path))}: "
                                         f"{getattr(error, 'strerror', None) or error}", Location(str(path)))]) from None
    finally:
        temporary.unlink(missing_ok=True)


def _initialise(connection: sqlite3.Connection) -> None:
    """WAL mode (it stays with the file), the schema, the log's identity and its empty head."""
    from judgment._audit._chain import genesis

    connection.execute("PRAGMA journal_mode = WAL").fetchone()
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    created = dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
    meta = {"format": FORMAT, "version": str(VERSION), "log_id": str(uuid.uuid4()), "created_at": created}
    for statement in ("BEGIN", *_SCHEMA):
        connection.execute(statement)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    connection.execute("INSERT INTO head VALUES (1, 0, ?)", (genesis(meta),))
    connection.execute("COMMIT")


def _why(error: sqlite3.DatabaseError) -> str:
    text = str(error)
    if "no such table" in text:
        return "it has no judgment log tables"
    if "not a database" in text or "malformed" in text:
        return f"the SQLite file is damaged or truncated ({text})"
    return text
