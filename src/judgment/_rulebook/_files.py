"""Stage 1 of loading a rulebook: find its files, bound their number and size, hash and parse them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from judgment._diagnostics import Diagnostic, Location
from judgment._rulebook._model import RuleFile
from judgment._io._yaml import Document, LoadFailure, parse_document, read_text

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
    if not root.is_dir():
        problems.append(Diagnostic("FILE_NOT_FOUND", "rulebook folder not found", Location(display_root),
                                   hint=f"a rulebook is a folder holding {MAIN_FILE} and rule files"))
        return None
    if not (root / MAIN_FILE).is_file():
        problems.append(Diagnostic("FILE_NOT_FOUND", f"the rulebook folder has no {MAIN_FILE}",
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
            text = read_text(path, display, MAX_FILE_BYTES)
            files.append(RuleFile(relative, hashlib.sha256(path.read_bytes()).hexdigest()))
            documents[relative] = parse_document(text, display)
        except LoadFailure as failure:
            problems.append(failure.diagnostic)
    return SourceFiles(root, documents, tuple(files), rulebook_hash(files))


def rulebook_hash(files: list[RuleFile] | tuple[RuleFile, ...]) -> str:
    """SHA-256 over the sorted list of (relative path, file hash), as canonical JSON."""
    listing = sorted([f.path, f.sha256] for f in files)
    payload = json.dumps(listing, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()


def _rule_paths(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part in SKIPPED_FOLDERS or part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.is_file() and path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
            found.append(path)
    return found
