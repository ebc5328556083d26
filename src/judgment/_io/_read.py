"""The one bounded reader every input file goes through (bundles, rule files, test cases, records).

A size checked with ``stat`` before reading proves nothing: devices such as /dev/zero say 0 and never
end, /proc files say 0 and are not empty, and a FIFO blocks the open until someone writes. So the file
is opened without blocking, the *opened descriptor* is asked what it is (links are followed, and a file
swapped after a check cannot slip in), only a regular file is read, and never more than the limit plus
the one byte that proves the limit was passed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location, excerpt

_CHUNK = 1 << 16


class LoadFailure(Exception):
    """A file could not be read or parsed; carries the located diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def read_bounded(path: Path | str, display: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path` (links followed), at most `max_bytes` of them.

    Raises :class:`LoadFailure` with FILE_NOT_FOUND (cannot be opened, a name the system refuses), NOT_A_FILE (a folder, device,
    FIFO or socket) or FILE_TOO_LARGE (over the limit, whatever stat said), located at `display`.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise LoadFailure(_not_a_file(display, "a folder")) from None
    except OSError as exc:
        raise LoadFailure(cannot_read(display, str(exc.strerror))) from None
    except ValueError:  # a NUL byte in the path: no file can have that name
        raise LoadFailure(cannot_read(display, "the path holds a NUL byte")) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise LoadFailure(_not_a_file(display, _what(status.st_mode)))
        if status.st_size > max_bytes:  # known too large: say how large, and read nothing
            raise LoadFailure(_too_large(display, f"{status.st_size:,}", max_bytes))
        data = _read_up_to(descriptor, max_bytes + 1, display)
    finally:
        os.close(descriptor)
    if len(data) > max_bytes:  # stat said less (a /proc file, or the file grew): what was read decides
        raise LoadFailure(_too_large(display, f"more than {max_bytes:,}", max_bytes))
    return data


def named(display: str) -> str:
    """How a message names a path: its last part, quoted (the location beside it holds the whole path)."""
    return excerpt(Path(display).name or display)


def cannot_read(display: str, reason: str, what: str = "file", hint: str | None = None) -> Diagnostic:
    """FILE_NOT_FOUND naming the path in the message too, so the message alone (a log line, a batch
    line's JSON) still says which file was meant."""
    return Diagnostic("FILE_NOT_FOUND", f"cannot read {what} {named(display)}: {reason}", Location(display), hint=hint)


def _too_large(display: str, size: str, max_bytes: int) -> Diagnostic:
    return Diagnostic("FILE_TOO_LARGE", f"file is {size} bytes; the limit is {max_bytes:,}", Location(display),
                      hint="split the file, or check that this is the file you meant")


def _read_up_to(descriptor: int, count: int, display: str) -> bytes:
    chunks: list[bytes] = []
    remaining = count
    while remaining > 0:
        try:
            chunk = os.read(descriptor, min(remaining, _CHUNK))
        except OSError as exc:
            raise LoadFailure(cannot_read(display, str(exc.strerror))) from None
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _what(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def _not_a_file(display: str, what: str) -> Diagnostic:
    return Diagnostic("NOT_A_FILE", f"this is {what}, not a regular file; it was not read", Location(display),
                      hint="give the path of a regular file (a link to one is fine)")


def decode_utf8(data: bytes, display: str) -> str:
    """Text from bytes read by :func:`read_bounded`; YAML_SYNTAX if they are not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise LoadFailure(Diagnostic("YAML_SYNTAX", f"file is not UTF-8: {exc.reason}", Location(display))) from None


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, once every link is resolved, lies inside `folder` (itself resolved)."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links, or a path that cannot be resolved
        return False


def outside_folder(display: str, folder: str, what: str, hint: str, where: Location | None = None) -> Diagnostic:
    """The diagnostic for a file that leads out of the folder it must stay in; names the path, not the target."""
    return Diagnostic("OUTSIDE_FOLDER", f"{what} is outside {folder}; it was not read",
                      where or Location(display), hint=hint)
