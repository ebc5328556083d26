"""Judge A's evidence with B's rules: the record between A and B that separates what the rules
changed from what the evidence changed (see _cause).

The rules are read from the folder B names (or the folder given: a library gives the version B
names), and used only if their hash is B's: a rulebook that is not the one B was judged by would attribute differences to the wrong
cause. Whatever prevents the judging is said in a few words, and the attribution falls back to
the hashes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from judgment._api import judge
from judgment._bundle import bundle_from_data
from judgment._diagnostics import plain
from judgment._errors import JudgmentError
from judgment._records._record import build_record, render_record
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class Rules:
    """B's rulebook as read for the diff (None when it could not be), and why not."""

    rulebook: Rulebook | None
    problem: str | None


def rules_of(b: dict[str, Any], rules: Path | None) -> Rules:
    """The rulebook B was judged by, from `rules` or the folder B names; checked by its hash."""
    path = str(rules) if rules is not None else b["rulebook"]["path"]
    if not path:
        return Rules(None, "record B names no rulebook folder; give --rules DIR")
    try:  # a library gives the version B names; a single folder of another version is refused
        rulebook = load_rulebook(path, version=f"{b['rulebook']['id']}@{b['rulebook']['version']}")
    except JudgmentError as error:
        return Rules(None, f"the rulebook at {plain(path, 120)} cannot be read: {plain(error.diagnostics[0].message, 160)}")
    if rulebook.sha256 != b["rulebook"]["sha256"]:
        return Rules(rulebook, f"the rulebook at {plain(path, 120)} is not the one record B was judged by "
                               "(its hash differs)")
    return Rules(rulebook, None)


def rejudge(a: dict[str, Any], b: dict[str, Any], rules: Rules) -> tuple[dict[str, Any] | None, str | None]:
    """The record of A's evidence judged by B's rules, with either record's any_date option; or None
    and why it could not be made."""
    if rules.rulebook is None or rules.problem is not None:
        return None, rules.problem
    any_date = a["options"].get("any_date") is True or b["options"].get("any_date") is True
    try:
        evidence = bundle_from_data(a["evidence"]["bundle"], vocabulary=rules.rulebook.vocabulary)
        result = judge(rules.rulebook, evidence, any_date=any_date)
    except JudgmentError as error:
        return None, f"A's evidence could not be judged by B's rules: {plain(error.diagnostics[0].message, 160)}"
    made = build_record(result, rules.rulebook, evidence, any_date=any_date, timestamp=a["timestamp"])
    return json.loads(render_record(made)), None
