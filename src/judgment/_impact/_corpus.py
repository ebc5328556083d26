"""What `judgment impact` judges: every bundle under a folder, or the bundles a batch's results name.

A folder is read as `judgment batch` reads it (*.yaml, *.yml, *.json, in path order). A JSON Lines file
of batch results does not carry the evidence, only each bundle's path (its `bundle` field, as `judgment
batch` was given it): each bundle is read again from there, relative to the current folder, else to the
results file's folder. The lines are read one at a time, each at most MAX_LINE_BYTES: a results file of
any length costs one line of memory."""

from __future__ import annotations

import json
from pathlib import Path

from judgment._diagnostics import Code, Diagnostic, Location
from judgment._errors import InputFileError
from judgment._io._read import named

BUNDLE_SUFFIXES = (".yaml", ".yml", ".json")
#: A line of batch results holds one judgment with its trace: far less than this.
MAX_LINE_BYTES = 64 * 1024 * 1024


def corpus_files(corpus: Path) -> list[Path]:
    """The bundle files of a corpus: a folder of bundles, or a JSON Lines file of batch results."""
    if corpus.is_dir():
        return _folder(corpus)
    if corpus.is_file():
        return _results(corpus)
    raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"no folder of bundles or results file {named(str(corpus))}",
                                     Location(str(corpus)), hint="give a folder of bundles, or the JSON Lines "
                                     "file `judgment batch --out` wrote")])


def _folder(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in BUNDLE_SUFFIXES and p.is_file())
    if not files:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"no bundles ({', '.join(BUNDLE_SUFFIXES)}) in the folder "
                                         f"{named(str(folder))}", Location(str(folder)))])
    return files


def _results(path: Path) -> list[Path]:
    files: list[Path] = []
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), start=1):
                if len(raw) > MAX_LINE_BYTES:
                    raise _bad(path, number, f"this line is longer than {MAX_LINE_BYTES:,} bytes", "FILE_TOO_LARGE")
                if raw.strip():
                    files.append(_bundle_of(path, number, raw))
    except InputFileError:
        raise  # a line's own problem (an InputFileError is an OSError too)
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot read {named(str(path))}: {exc.strerror}",
                                         Location(str(path)))]) from None
    if not files:
        raise _bad(path, 0, "no lines of batch results in this file")
    return files


def _bundle_of(path: Path, number: int, raw: bytes) -> Path:
    """The bundle a line of batch results names, found again."""
    try:
        line = json.loads(raw)
    except (ValueError, RecursionError):
        raise _bad(path, number, "this line is not JSON: each line of batch results is one JSON object") from None
    bundle = line.get("bundle") if isinstance(line, dict) else None
    if not isinstance(bundle, str) or not bundle or "\x00" in bundle:
        raise _bad(path, number, "this line names no bundle: a line of batch results has the bundle's path "
                                 "in its `bundle` field")
    named_path = Path(bundle)
    if named_path.is_absolute() or named_path.exists():
        return named_path
    beside = path.parent / named_path
    return beside if beside.exists() else named_path  # not found: judging it names it as failed


def _bad(path: Path, number: int, message: str, code: Code = "BAD_VALUE") -> InputFileError:
    return InputFileError([Diagnostic(code, message, Location(str(path), number, 1 if number else 0),
                                      hint="give the JSON Lines file `judgment batch --out` wrote, or a folder "
                                           "of bundles")])
