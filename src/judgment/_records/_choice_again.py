"""Replaying a record whose rulebook was chosen from a library: choose again, the same way (by the
inspection date, or the pinned version), so that `verify` checks the choice as well as the rules."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judgment._diagnostics import Diagnostic, Location, excerpt
from judgment._errors import RuleFileError
from judgment._rulebook._library import RulebookChoice, is_library, load_library
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class Replaying:
    """The rulebook a record is replayed with, the folder it was read from, and how it was chosen."""

    rulebook: Rulebook
    folder: str
    choice: RulebookChoice | None


def library_to_replay(record: dict[str, Any], rules: str | Path | None) -> str | None:
    """--rules when it is a library; else, with no --rules, the library the record was chosen from."""
    if rules is not None:
        return str(rules) if is_library(rules) else None
    selection = record["rulebook"].get("selection")
    return selection["library"] if isinstance(selection, dict) and str(selection.get("library", "")) else None


def choose_again(record: dict[str, Any], library: str) -> RulebookChoice:
    loaded = load_library(library)
    recorded = record["rulebook"]
    selection = recorded.get("selection")
    try:
        date = dt.date.fromisoformat(str(record["inspection"]["date"]))
    except (KeyError, TypeError, ValueError):
        raise RuleFileError([Diagnostic("BAD_VALUE", f"the record's inspection date {excerpt(record.get('inspection'))} "
                                        "is not a date: no rulebook can be chosen by it", Location(library))]) from None
    if isinstance(selection, dict) and selection.get("by") == "pinned":
        return loaded.choose(date, version=f"{recorded['id']}@{recorded['version']}")
    return loaded.choose(date, vocabulary=record["evidence"]["bundle"].get("vocabulary"))


def replayed_selection(again: dict[str, Any], recorded: dict[str, Any], replaying: Replaying) -> str | None:
    """Make the replayed record's `rulebook.selection` comparable with the recorded one: written under
    the library folder the record names when the library was given elsewhere; taken over, with a note
    returned, when the replay used one rulebook's folder and so could not choose again."""
    before = recorded["rulebook"].get("selection")
    after = again["rulebook"].get("selection")
    if replaying.choice is None:
        if isinstance(before, dict):
            again["rulebook"]["selection"] = before
            return "the choice of version was not replayed: --rules names one rulebook, not a library"
        return None
    if isinstance(before, dict) and isinstance(after, dict) and isinstance(before.get("library"), str):
        old, new = after["library"].rstrip("/") + "/", before["library"].rstrip("/") + "/"
        after["library"] = before["library"]
        for candidate in after["candidates"]:
            if candidate["path"].startswith(old):
                candidate["path"] = new + candidate["path"][len(old):]
    return None
