"""Loading a bundle file: JSON by the typed path when it can (``_typed``), else the located reader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judgment._bundle._located import bundle_from_data
from judgment._bundle._model import Bundle
from judgment._bundle._typed import typed_json_bundle
from judgment._diagnostics import Location
from judgment._errors import BundleError, InputFileError
from judgment._io._read import read_bounded
from judgment._io._yaml import MAX_FILE_BYTES, Document, LoadFailure, load_document
from judgment.evidence import Vocabulary


def load_bundle(path: str | Path, vocabulary: Vocabulary | None = None) -> Bundle:
    """Load a bundle from a YAML or JSON file; raise :class:`BundleError` with located diagnostics."""
    source = Path(path)
    try:
        quick = _quick_json_bundle(source, str(path), vocabulary) if source.suffix.lower() == ".json" else None
        if quick is not None:
            return quick
        document = load_document(source, str(path), max_bytes=MAX_FILE_BYTES * 8)
    except LoadFailure as failure:
        kind = InputFileError if failure.diagnostic.code in ("FILE_NOT_FOUND", "NOT_A_FILE") else BundleError
        raise kind([failure.diagnostic]) from None
    bundle = bundle_from_data(document.data, document.positions, vocabulary)
    bundle._origin = str(path)
    bundle._places = _places(document)
    return bundle


def _quick_json_bundle(source: Path, name: str, vocabulary: Vocabulary | None) -> Bundle | None:
    """A valid JSON bundle, parsed and validated once by the typed path; None to read it again the
    located way, so that every problem is reported where it is written. Positions are found only
    if a diagnostic about the bundle asks for one."""
    bundle = typed_json_bundle(read_bounded(source, name, MAX_FILE_BYTES * 8), vocabulary)
    if bundle is not None:
        bundle._origin = name
        bundle._locate = _Locator(source, name)
    return bundle


@dataclass(frozen=True)
class _Locator:
    """Finds where a bundle file said what diagnostics point at, when one first asks (picklable)."""

    source: Path
    name: str

    def __call__(self) -> dict[str, Location]:
        try:
            return _places(load_document(self.source, self.name, max_bytes=MAX_FILE_BYTES * 8))
        except LoadFailure:  # the file changed or went since: the file name alone, then
            return {}


def _places(document: Document) -> dict[str, Location]:
    return {"vocabulary": document.positions.of_value(("vocabulary",)),
            "inspection.date": document.positions.of_value(("inspection", "date"))}
