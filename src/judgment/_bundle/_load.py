"""Loading a bundle file: by the typed path when it can (``_typed``: JSON parsed by the C reader, YAML
by libyaml without positions), else the located reader. Places are found only when a diagnostic asks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from judgment._bundle._located import bundle_from_data
from judgment._bundle._model import Bundle
from judgment._bundle._typed import typed_bundle, typed_json_bundle
from judgment._diagnostics import Location
from judgment._errors import BundleError, InputFileError
from judgment._io._read import decode_utf8, read_bounded
from judgment._io._yaml import MAX_DEPTH, MAX_FILE_BYTES, Document, LoadFailure, load_document, parse_document
from judgment._io._yaml_events import NOT_READ, read_plain
from judgment.evidence import Vocabulary

MAX_BYTES = MAX_FILE_BYTES * 8  # a bundle file may hold up to 10,000 records


def load_bundle(path: str | Path, vocabulary: Vocabulary | None = None) -> Bundle:
    """Load a bundle from a YAML or JSON file; raise :class:`BundleError` with located diagnostics."""
    source, name = Path(path), str(path)
    try:
        raw = read_bounded(source, name, MAX_BYTES)
        json = source.suffix.lower() == ".json"
        text = None if json else decode_utf8(raw, name)
        quick = typed_json_bundle(raw, vocabulary) if text is None else _quick_yaml_bundle(text, vocabulary)
        if quick is not None:
            quick._origin, quick._locate = name, _Locator(source, name)
            return quick
        document = parse_document(decode_utf8(raw, name) if text is None else text, name)
    except LoadFailure as failure:
        kind = InputFileError if failure.diagnostic.code in ("FILE_NOT_FOUND", "NOT_A_FILE") else BundleError
        raise kind([failure.diagnostic]) from None
    bundle = bundle_from_data(document.data, document.positions, vocabulary)
    bundle._origin = name
    bundle._places = _places(document)
    return bundle


def _quick_yaml_bundle(text: str, vocabulary: Vocabulary | None) -> Bundle | None:
    """A valid YAML bundle libyaml reads (``_io._yaml_events``), without positions, validated once by
    the typed path; None to read it again the located way, so every problem is reported where written."""
    data = read_plain(text, text.splitlines(), MAX_DEPTH)
    return None if data is NOT_READ else typed_bundle(data, vocabulary)


@dataclass(frozen=True)
class _Locator:
    """Finds where a bundle file said what diagnostics point at, when one first asks (picklable)."""

    source: Path
    name: str

    def __call__(self) -> dict[str, Location]:
        try:
            return _places(load_document(self.source, self.name, max_bytes=MAX_BYTES))
        except LoadFailure:  # the file changed or went since: the file name alone, then
            return {}


def _places(document: Document) -> dict[str, Location]:
    return {"vocabulary": document.positions.of_value(("vocabulary",)),
            "inspection.date": document.positions.of_value(("inspection", "date"))}
