"""Choosing the rulebook of a library that judges a bundle: the version in force on the inspection
date, or the one a version pins; each refusal names the candidates, so the fix is in the message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt, plain
from judgment._errors import BundleError, RuleFileError
from judgment._rulebook._library import RulebookChoice, RulebookLibrary, span
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from judgment._bundle import Bundle
    from judgment.evidence import Vocabulary

PIN_HINT = "pin one with --rules-version VERSION (version= in Python), or ID@VERSION when ids differ"


def choose(library: RulebookLibrary, on: dt.date | Bundle | None, version: str | None,
           vocabulary: str | None) -> RulebookChoice:
    from judgment._bundle import Bundle

    if not (on is None or isinstance(on, dt.date | Bundle)):
        raise TypeError(f"on is a date or a Bundle, not {type(on).__name__}")
    for name, value in (("version", version), ("vocabulary", vocabulary)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} is a string, not {type(value).__name__}")
    place = Location(library.root)
    if isinstance(on, Bundle):  # a bundle: its date, vocabulary and where the date is written
        place, vocabulary, on = on.place("inspection.date"), vocabulary or on.vocabulary, on.inspection.date
    pool = _of_vocabulary(library, vocabulary, place)
    if version is not None:
        return _pinned(library, pool, version, on)
    if on is None:
        if len(pool) == 1:
            return RulebookChoice(pool[0], library.root, "only", "it is the only rulebook in the library", tuple(pool))
        raise RuleFileError([_ambiguous(library, pool, "no inspection date was given", place)])
    in_force = [r for r in pool if r.valid_from <= on and (r.valid_to is None or on <= r.valid_to)]
    if not in_force:
        raise BundleError([Diagnostic(
            "NOT_IN_FORCE", f"no rulebook of the library {plain(library.root)} is in force on {on}: "
            f"{_listing(pool)}", place,
            hint="judge with the version meant for this inspection: --rules-version VERSION with --any-date")])
    if len(in_force) > 1:
        raise BundleError([_ambiguous(library, in_force, f"{len(in_force)} rulebooks are in force on {on}", place)])
    chosen = in_force[0]
    return RulebookChoice(chosen, library.root, "inspection date",
                          f"the inspection is dated {on}; {chosen.id} {chosen.version} is in force {span(chosen)}",
                          library.versions(chosen.id))


def _pinned(library: RulebookLibrary, pool: list[Rulebook], version: str, on: dt.date | None) -> RulebookChoice:
    wanted_id, _, wanted = version.rpartition("@")
    matches = [r for r in pool if r.version == wanted and (not wanted_id or r.id == wanted_id)]
    if not matches:
        names = [r.version for r in pool] + [f"{r.id}@{r.version}" for r in pool]
        raise RuleFileError([Diagnostic(
            "VERSION_NOT_FOUND", f"no rulebook version {excerpt(version)} in the library {plain(library.root)}: "
            f"{_listing(pool)}", Location(library.root), hint=did_you_mean(version, names))])
    if len(matches) > 1:
        raise RuleFileError([_ambiguous(library, matches, f"version {plain(wanted)} names several rulebooks",
                                        Location(library.root))])
    chosen = matches[0]
    reason = f"version {chosen.version} was pinned"
    if on is not None and not (chosen.valid_from <= on and (chosen.valid_to is None or on <= chosen.valid_to)):
        reason += f"; it is in force {span(chosen)}, not on the inspection date {on}"
    return RulebookChoice(chosen, library.root, "pinned", reason, library.versions(chosen.id))


def _of_vocabulary(library: RulebookLibrary, vocabulary: str | None, place: Location) -> list[Rulebook]:
    pool = [r for r in library.rulebooks if vocabulary is None or r.vocabulary.id == vocabulary]
    if not pool:
        read = sorted({r.vocabulary.id for r in library.rulebooks})
        raise BundleError([Diagnostic(
            "UNKNOWN_VOCABULARY", f"no rulebook of the library {plain(library.root)} reads vocabulary "
            f"{excerpt(vocabulary)}; they read {', '.join(map(plain, read))}", place)])
    return pool


def _ambiguous(library: RulebookLibrary, candidates: list[Rulebook], why: str, place: Location) -> Diagnostic:
    return Diagnostic("RULEBOOK_AMBIGUOUS", f"{why}; the library {plain(library.root)} holds "
                      f"{_listing(candidates)}", place, hint=PIN_HINT)


def _listing(rulebooks: list[Rulebook]) -> str:
    return "; ".join(f"{plain(r.id)} {plain(r.version)} ({span(r)})" for r in rulebooks)


def load_for_bundle(rules: str | Path, bundle_path: str | Path,
                    version: str | None = None) -> tuple[Rulebook, Bundle, RulebookChoice | None]:
    """The rulebook that judges the bundle in the file `bundle_path`, the bundle read with its
    vocabulary, and how it was chosen (None when `rules` is one rulebook's folder).

    A bundle is read before its rulebook is known: with the vocabulary of the latest rulebook
    of its kind (vocabularies grow), and read again only if the chosen one's differs."""
    from judgment._bundle import load_bundle
    from judgment._rulebook._library import is_library, load_library
    from judgment._rulebook._loader import load_rulebook

    if not is_library(rules):
        rulebook = load_rulebook(rules, version=version)
        return rulebook, load_bundle(bundle_path, rulebook.vocabulary), None
    return read_for(load_library(rules), bundle_path, version)


def read_for(library: RulebookLibrary, bundle_path: str | Path,
             version: str | None = None) -> tuple[Rulebook, Bundle, RulebookChoice]:
    """The bundle in `bundle_path`, the rulebook of `library` chosen for it, and the choice."""
    from judgment._bundle import load_bundle

    if version is not None:
        pinned = library.choose(None, version=version)
        bundle = load_bundle(bundle_path, pinned.rulebook.vocabulary)
        return pinned.rulebook, bundle, library.choose(bundle, version=version)
    bundle, read_with = _read_with_any(library, bundle_path)
    chosen = library.choose(bundle)
    if chosen.rulebook.vocabulary is not read_with:
        bundle = load_bundle(bundle_path, chosen.rulebook.vocabulary)
    return chosen.rulebook, bundle, chosen


def _read_with_any(library: RulebookLibrary, bundle_path: str | Path) -> tuple[Bundle, Vocabulary]:
    """The bundle, read with the first vocabulary of the library's rulebooks (latest first) that
    accepts it; the latest one's refusal if none does."""
    from judgment._bundle import load_bundle

    tried: list[Vocabulary] = []
    first: BundleError | None = None
    for rulebook in sorted(library.rulebooks, key=lambda r: r.valid_from, reverse=True):
        if any(rulebook.vocabulary is seen for seen in tried):
            continue
        tried.append(rulebook.vocabulary)
        try:
            return load_bundle(bundle_path, rulebook.vocabulary), rulebook.vocabulary
        except BundleError as error:
            first = first or error
    assert first is not None
    raise first
