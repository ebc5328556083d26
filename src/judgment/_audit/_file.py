"""What the file is, before SQLite opens it: a regular file, SQLite's header, not truncated.

SQLite takes an empty file for a new database and reads pages missing from a truncated one as
zeros; these checks say plainly that such a file is not an intact log, and name why.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError
from judgment._io._read import cannot_read, named

_SQLITE_MAGIC = b"SQLite format 3\x00"


class NotALog(InputFileError):
    """The file is there and readable, but is not an intact judgment audit log."""


def not_a_log(display: str, why: str) -> NotALog:
    return NotALog([Diagnostic("BAD_VALUE", f"{named(display)} is not an intact judgment audit log: {why}",
                               Location(display), hint="an audit log is made by `judgment audit append`")])


def file_size(path: Path, *, create: bool) -> int | None:
    display = str(path)
    try:
        mode = os.stat(path)
    except FileNotFoundError:
        if create:
            return None
        raise InputFileError([cannot_read(display, "no such file", "audit log")]) from None
    except OSError as exc:
        raise InputFileError([cannot_read(display, str(exc.strerror), "audit log")]) from None
    if not stat.S_ISREG(mode.st_mode):
        kind = "a folder" if stat.S_ISDIR(mode.st_mode) else "not a regular file"
        raise InputFileError([Diagnostic("NOT_A_FILE", f"audit log {named(display)} is {kind}", Location(display),
                                         hint="give the path of the log file")])
    return mode.st_size


def check_header(path: Path, size: int) -> None:
    """Before SQLite reads it: an empty file, or one without SQLite's header, is not a log (an empty
    file would be taken by SQLite for a new, empty database); nor is one shorter than its header says."""
    if size == 0:
        raise not_a_log(str(path), "the file is empty")
    try:
        with open(path, "rb") as stream:
            header = stream.read(100)
        size = os.stat(path).st_size  # after the header: a file that grew since is not short
    except OSError as exc:
        raise InputFileError([cannot_read(str(path), str(exc.strerror), "audit log")]) from None
    if header[:len(_SQLITE_MAGIC)] != _SQLITE_MAGIC:
        raise not_a_log(str(path), "not an SQLite database" + (" (it is shorter than SQLite's header: truncated?)"
                                                               if size < len(_SQLITE_MAGIC) else ""))
    short = _short(path, header, size)
    if short is not None:
        raise not_a_log(str(path), short)


def _short(path: Path, header: bytes, size: int) -> str | None:
    """Truncation that SQLite would not notice (it reads missing pages as zeros): the header's page
    count, when SQLite marks it valid, against the file's size. Not while a write-ahead log is
    pending (its pages are not in the file yet)."""
    if len(header) < 100:
        return f"the file is truncated: {size} bytes, shorter than SQLite's 100-byte header"
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] == header[92:96] and pages and size < pages * page_size:
        return f"the file is truncated: its header counts {pages} pages of {page_size} bytes, it holds {size} bytes"
    return None
