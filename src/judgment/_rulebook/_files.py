"""Stage 1 of loading a rulebook: find its files, bound their number and size, hash and parse them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._rulebook._model import RuleFile
from judgment._io._read import LoadFailure, decode_utf8, inside, named, outside_folder, read_bounded
from judgment._io._yaml import Document, parse_document

MAX_FILES = 200
MAX_FILE_BYTES = 1024 * 1024
MAIN_FILE = "rulebook.yaml"
#: Folders inside a rulebook that hold other things than rules (rulebook test cases).
SKIPPED_FOLDERS = frozenset({"tests"})


@dataclass
class SourceFiles:
    root: Path
    documents: dict[str, Document]  # relative path -> parsed document
    files: tuple[RuleFile, ...]
    sha256: str


def read_rulebook_files(root: Path, display_root: str, problems: list[Diagnostic]) -> SourceFiles | None:
    if not _is(root, Path.is_dir):
        problems.append(Diagnostic("FILE_NOT_FOUND", f"rulebook folder {named(display_root)} not found", Location(display_root),
                                   hint=f"a rulebook is a folder holding {MAIN_FILE} and rule files"))
        return None
    if not _is(root / MAIN_FILE, Path.is_file):
        problems.append(Diagnostic("FILE_NOT_FOUND", f"the rulebook folder {named(display_root)} has no {MAIN_FILE}",
                                   Location(display_root)))
        return None
    paths = _rule_paths(root)
    if len(paths) > MAX_FILES:
        problems.append(Diagnostic("FILE_TOO_LARGE", f"{len(paths)} YAML files in the rulebook folder; the limit is {MAX_FILES}",
                                   Location(display_root)))
        return None
    documents: dict[str, Document] = {}
    files = []
    for path in paths:
        relative = path.relative_to(root).as_posix()
        display = f"{display_root.rstrip('/')}/{relative}"
        try:
            data = read_rule_file(path, root, display, display_root)
            files.append(RuleFile(relative, hashlib.sha256(data).hexdigest()))
            documents[relative] = parse_document(decode_utf8(data, display), display)
        except LoadFailure as failure:
            problems.append(failure.diagnostic)
    return SourceFiles(root, documents, tuple(files), rulebook_hash(files))


def read_rule_file(path: Path, root: Path, display: str, display_root: str) -> bytes:
    """The bytes of one file of the rulebook, read once (they are hashed and parsed alike). A link that
    leads out of the rulebook folder is refused unread: a rulebook is a folder, and what lies outside it
    (/etc/passwd, a key) is not the rulebook's to read or echo back in diagnostics."""
    if not inside(path, root):
        raise LoadFailure(outside_folder(display, f"the rulebook folder {display_root}", "this link leads to a file that",
                                         "copy the file into the rulebook folder, or link to a file inside it"))
    return read_bounded(path, display, MAX_FILE_BYTES)


def rulebook_hash(files: list[RuleFile] | tuple[RuleFile, ...]) -> str:
    """SHA-256 over the sorted list of (relative path, file hash), as canonical JSON."""
    listing = sorted([f.path, f.sha256] for f in files)
    payload = json.dumps(listing, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def _is(path: Path, test: Callable[[Path], bool]) -> bool:
    """`test` of `path`, false for a path the system refuses to look up (a name too long: pathlib
    lets that OSError through), so it is reported as not found rather than escaping as an OSError."""
    try:
        return test(path)
    except (OSError, ValueError):
        return False


def _rule_paths(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in SKIPPED_FOLDERS or part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.is_file() and path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
            found.append(path)
    return found
