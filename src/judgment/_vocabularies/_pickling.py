"""Vocabularies and their records in other processes (workers of ``judge_many``, any start method).

A rulebook and its bundles are pickled to workers. A vocabulary from a file, a Python file or an
entry point holds models no other process can find by name (made by ``pydantic.create_model``,
or in a module imported from a path), so it travels as its source and fingerprint: the worker
re-creates it from the source (the file read again, the Python file or entry point loaded again)
and refuses one whose fingerprint changed meanwhile. A record of such a vocabulary travels as its
vocabulary, kind and JSON, and is validated again on arrival, exactly as it was read."""

from __future__ import annotations

import copyreg
import importlib
import sys
from pathlib import Path
from typing import Any

from judgment._diagnostics import Diagnostic, Location
from judgment._errors import VocabularyError
from judgment.evidence._base import Record
from judgment.evidence._vocabulary import _REGISTRY, Source, Vocabulary, register_vocabulary

#: Sources whose models another process cannot import by name: re-created from the source only.
BY_SOURCE_ONLY = ("file", "python", "entry-point")


def reduce_vocabulary(vocabulary: Vocabulary) -> tuple[Any, ...]:
    source = vocabulary.source
    state = None if source is not None and source[0] in BY_SOURCE_ONLY else dict(vocabulary.__dict__)
    return restore_vocabulary, (source, vocabulary.id, vocabulary.fingerprint, state)


def restore_vocabulary(source: Source | None, vocabulary_id: str, fingerprint: str,
                       state: dict[str, Any] | None) -> Vocabulary:
    """The vocabulary registered here under the id if it is the same one, else the one the source
    gives again (registered), else the one rebuilt from its state (models found by name)."""
    found = _same(vocabulary_id, fingerprint)
    if found is None and source is not None:
        _recreate(source)
        found = _same(vocabulary_id, fingerprint)
    if found is not None:
        return found
    if state is None:
        raise VocabularyError([Diagnostic(
            "BAD_VALUE", f"vocabulary {vocabulary_id!r} could not be re-created in this process: its source "
            f"({source[0] if source else 'none'} {source[1] if source else ''}) now gives another vocabulary "
            "or none", Location(source[1] if source else vocabulary_id),
            hint="a vocabulary file changed while judging: judge again")])
    rebuilt: Vocabulary = copyreg.__newobj__(Vocabulary)  # type: ignore[attr-defined]
    rebuilt.__dict__.update(state)
    return rebuilt if vocabulary_id in _REGISTRY else register_vocabulary(rebuilt)


def _same(vocabulary_id: str, fingerprint: str) -> Vocabulary | None:
    registered = _REGISTRY.get(vocabulary_id)
    return registered if registered is not None and registered.fingerprint == fingerprint else None


def _recreate(source: Source) -> None:
    kind, where = source
    if kind == "file":
        from judgment.evidence import load_vocabulary

        register_vocabulary(load_vocabulary(Path(where)))
    elif kind == "python":
        from judgment._vocabularies._given import import_python_file

        import_python_file(Path(where))
    elif kind == "entry-point":
        from judgment._vocabularies._plugins import load_entry_point

        load_entry_point(where)
    else:
        try:
            importlib.import_module(where)
        except ImportError:
            pass  # not importable here: rebuilt from its state, if it has one


def reduce_record(record: Record, protocol: int) -> Any:
    """By name if this class can be found by name in another process, else through its vocabulary."""
    cls = type(record)
    if _findable(cls):
        return object.__reduce_ex__(record, protocol)
    kind = str(getattr(record, "kind"))
    vocabulary = next((v for v in _REGISTRY.values() if v.models.get(kind) is cls), None)
    if vocabulary is None:  # not registered: nothing to re-create it from; pickle says why
        return object.__reduce_ex__(record, protocol)
    return restore_record, (vocabulary, kind, record.model_dump_json(exclude_unset=True))


def restore_record(vocabulary: Vocabulary, kind: str, data: str) -> Record:
    return vocabulary.models[kind].model_validate_json(data)


def _findable(cls: type) -> bool:
    if cls.__module__.startswith("judgment_vocabulary_"):  # a Python file's: imported by path, not name
        return False
    found: Any = sys.modules.get(cls.__module__)
    for part in cls.__qualname__.split("."):
        found = getattr(found, part, None)
    return found is cls
