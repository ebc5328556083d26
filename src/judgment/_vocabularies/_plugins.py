"""Vocabularies of installed packages: the entry-point group ``judgment.vocabularies``.

Each entry point loads to a Vocabulary, an iterable of them, or a callable taking no argument
that returns either. They are loaded once, lazily: the first time an id is not known, and by
``judgment vocabularies``. A package's code runs only because the user installed it."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points

from judgment._diagnostics import Diagnostic, Location, excerpt
from judgment._errors import JudgmentError, VocabularyError
from judgment.evidence._vocabulary import Vocabulary

GROUP = "judgment.vocabularies"

_LOADED: set[str] = set()
_LOCK = threading.RLock()


def load_entry_points() -> None:
    """Register every vocabulary the installed packages declare, once per entry point. A broken
    entry point is an error naming it (the user can uninstall the package or fix it)."""
    from judgment.evidence import register_vocabulary

    with _LOCK:
        for point in sorted(entry_points(group=GROUP), key=lambda p: p.name):
            if point.name in _LOADED:
                continue
            _LOADED.add(point.name)  # first: a failure is reported once, not on every unknown id
            for vocabulary in vocabularies_of(point):
                _stamp(vocabulary, point.name)
                register_vocabulary(vocabulary)


def load_entry_point(name: str) -> None:
    """Load the entry points again in this process (a worker re-creating a vocabulary by its source)."""
    load_entry_points()
    if name not in _LOADED:
        raise _broken(name, "no installed package declares this entry point in this process")


def vocabularies_of(point: EntryPoint) -> list[Vocabulary]:
    try:
        loaded = point.load()
        if callable(loaded) and not isinstance(loaded, Vocabulary):
            loaded = loaded()
        found = [loaded] if isinstance(loaded, Vocabulary) else list(_iterable(loaded))
    except JudgmentError:
        raise
    except Exception as error:  # the package's own code failed: say which package, and how
        raise _broken(point.name, f"{type(error).__name__}: {error}") from None
    odd = [v for v in found if not isinstance(v, Vocabulary)]
    if odd:
        raise _broken(point.name, f"it gave {excerpt(odd[0])}, not a Vocabulary")
    return [v for v in found if isinstance(v, Vocabulary)]


def _iterable(value: object) -> Iterable[object]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"it gave {excerpt(value)}: expected a Vocabulary, an iterable of them, "
                        "or a callable returning either")
    return value


def _stamp(vocabulary: Vocabulary, name: str) -> None:
    """Say where the vocabulary came from, and how a worker gets it again: by loading the entry
    point (its module may register nothing on import). One already registered keeps its origin."""
    from judgment.evidence._vocabulary import _REGISTRY

    if _REGISTRY.get(vocabulary.id) is not vocabulary:
        vocabulary.origin = f"entry point {GROUP}:{name}"
        vocabulary.source = ("entry-point", name)


def _broken(name: str, why: str) -> JudgmentError:
    return VocabularyError([Diagnostic(
        "BAD_VALUE", f"the vocabulary entry point {excerpt(name)} could not be loaded: {why}",
        Location(f"entry point {GROUP}:{name}"),
        hint="fix or uninstall the package that declares it (pip show / pip uninstall)")])
