"""The typed path: a valid bundle validated in one pass, positions found only if a diagnostic asks."""

from __future__ import annotations

import re
import weakref
from typing import Annotated, Any, Union

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, create_model

from judgment._bundle._model import MAX_RECORDS, Bundle, Inspection
from judgment._io._data_places import DataPositions
from judgment._io._json_shape import plain_object
from judgment._io._versions import CURRENT_BUNDLE_FORMAT, bundle_format_problem
from judgment.evidence import Vocabulary, get_vocabulary


def typed_json_bundle(raw: bytes, vocabulary: Vocabulary | None = None) -> Bundle | None:
    """The bundle these JSON bytes hold when they are valid and the located reader would read them
    alike (``_io._json_shape``); None otherwise, never a bundle the located reader refuses. The
    bytes are parsed once, then validated once, by a model of the whole bundle (``_typed_reader``)."""
    vocab = vocabulary or _named_vocabulary(raw)
    data = plain_object(raw) if vocab is not None else None
    return None if vocab is None or data is None else typed_bundle(data, vocab)


def typed_bundle(data: Any, vocabulary: Vocabulary | None = None) -> Bundle | None:
    """The bundle plain data holds (as the located reader reads it, from JSON or YAML), validated once;
    None when it is not a valid bundle, to be read the located way and every problem reported."""
    vocab = vocabulary or (get_vocabulary(data["vocabulary"]) if type(data) is dict
                           and type(data.get("vocabulary")) is str else None)
    if vocab is None:
        return None
    try:
        typed = _typed_reader(vocab).validate_python(data)
        if typed.vocabulary != vocab.id or bundle_format_problem({"format": typed.format}, _NOWHERE):
            return None
        return Bundle(vocabulary=vocab.id, inspection=typed.inspection, records=tuple(typed.records))
    except ValidationError:
        return None


_NOWHERE = DataPositions("<bundle>")
_VOCABULARY = re.compile(rb'"vocabulary"[ \t\r\n]*:[ \t\r\n]*"([^"\\]*)"')


def _named_vocabulary(raw: bytes) -> Vocabulary | None:
    """The vocabulary the bytes seem to name; the typed reading then proves it is the top-level one."""
    found = _VOCABULARY.search(raw)
    return get_vocabulary(found.group(1).decode("utf-8", "replace")) if found else None


_TYPED_READERS: weakref.WeakKeyDictionary[Vocabulary, TypeAdapter[Any]] = weakref.WeakKeyDictionary()


def _typed_reader(vocab: Vocabulary) -> TypeAdapter[Any]:
    """A model of a whole bundle of `vocab`: its records a union tagged by kind, every key known."""
    reader = _TYPED_READERS.get(vocab)
    if reader is None:
        models = tuple(vocab.models[k] for k in vocab.kinds)
        record = Annotated[Union[models], Field(discriminator="kind")]  # type: ignore[valid-type]
        reader = _TYPED_READERS[vocab] = TypeAdapter(create_model(
            "TypedBundle", __config__=ConfigDict(extra="forbid", strict=True),
            format=(str, CURRENT_BUNDLE_FORMAT), vocabulary=(str, ...), inspection=(Inspection, ...),
            records=(list[record], Field(default_factory=list, max_length=MAX_RECORDS))))
    return reader
