"""Judge the record's evidence again and build the whole record again, the way `judgment run` does;
then report every field where the two differ.

Only `timestamp` (taken over from the record), `seal` and `signature` are left out, and the
Python that made it; where durable_rules imports on one side and not on the other, the engine and
its cross-check too (judgment._records._made): a record made by durable_rules on Python 3.12
replays as identical with the compiled engine on 3.13 when nothing else changed. The
rulebook may have moved (verify --rules): paths under its folder, `rulebook.path` and
each `source`, are written as if it were still where the record says it was, so a moved
rulebook is not a difference while a changed rule file, line or text is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from judgment._api import judge
from judgment._bundle import Bundle, bundle_from_data, load_bundle
from judgment._errors import JudgmentError
from judgment._records._choice_again import Replaying, replayed_selection
from judgment._records._diff import Difference, differences
from judgment._records._made import comparable
from judgment._records._outcome import COULD_NOT_REPLAY, EVIDENCE_CHANGED, OUTCOME_DIFFERS, RULEBOOK_CHANGED, \
    Verification
from judgment._records._record import build_record, evidence_hash, render_record
from judgment._rulebook._model import Rulebook

NOT_COMPARED = ("timestamp", "seal", "signature")


def replay(record: dict[str, Any], loaded: Replaying | None, bundle: str | Path | None,
           found: Verification) -> None:
    """`loaded`: the rulebook, the folder it was read from, as given, and how it was chosen; None if
    it could not be read."""
    rulebook, folder = (loaded.rulebook, loaded.folder) if loaded is not None else (None, "")
    evidence, changed = _evidence(record, rulebook, bundle, found)
    if rulebook is None or evidence is None:
        return
    any_date = record["options"].get("any_date") is True
    try:
        result = judge(rulebook, evidence, any_date=any_date)
    except JudgmentError as error:
        found.add(COULD_NOT_REPLAY, f"judging the evidence again failed: {error.diagnostics[0].message}")
        return
    assert loaded is not None
    again = json.loads(render_record(build_record(result, rulebook, evidence, any_date=any_date,
                                                  timestamp=record["timestamp"], choice=loaded.choice)))
    _relocate(again, folder, record["rulebook"]["path"])
    note = replayed_selection(again, record, loaded)
    if note is not None:
        found.note(note)
    before, after, made = comparable(record, again, NOT_COMPARED)
    if made is not None:
        found.note(made)
    files_named = RULEBOOK_CHANGED in found.findings
    for difference in differences(before, after):
        _report(difference, found, skip_evidence=changed, skip_files=files_named)


def _report(difference: Difference, found: Verification, *, skip_evidence: bool, skip_files: bool) -> None:
    """Each difference under the outcome it belongs to; those already told record by record, or file
    by file, are left out."""
    path = difference.path
    if path.startswith("evidence.") and skip_evidence:
        return
    if path.startswith(("rulebook.files", "rulebook.sha256")) and skip_files:
        return
    found.add(RULEBOOK_CHANGED if path.startswith("rulebook.") else OUTCOME_DIFFERS, difference.render())


def _evidence(record: dict[str, Any], rulebook: Rulebook | None, bundle: str | Path | None,
              found: Verification) -> tuple[Bundle | None, bool]:
    """The evidence to judge (--bundle, else the record's own) and whether --bundle differs from it."""
    vocabulary = rulebook.vocabulary if rulebook is not None else None
    try:
        recorded: Bundle | None = bundle_from_data(record["evidence"]["bundle"], vocabulary=vocabulary)
    except JudgmentError as error:
        recorded, problem = None, error.diagnostics[0]
        if bundle is None:
            found.add(COULD_NOT_REPLAY, f"the evidence in the record is not valid: {problem.message} "
                                        f"(at {problem.location})")
            return None, False
    if bundle is None:
        return recorded, False
    current = load_bundle(bundle, vocabulary)
    if recorded is not None and evidence_hash(current) == record["evidence"]["sha256"]:
        return current, False
    before = {r.id: r for r in recorded.records} if recorded else {}
    after = {r.id: r for r in current.records}
    lines = [f"changed: record {i}" for i in sorted(before.keys() & after.keys()) if before[i] != after[i]]
    lines += [f"added: record {i}" for i in sorted(after.keys() - before.keys())]
    lines += [f"removed: record {i}" for i in sorted(before.keys() - after.keys())]
    if recorded is not None and recorded.inspection != current.inspection:
        lines.append("changed: the inspection")
    for line in lines or ["the evidence differs from the recorded evidence"]:
        found.add(EVIDENCE_CHANGED, line)
    return current, True


def _relocate(record: dict[str, Any], folder: str, recorded_root: Any) -> None:
    """Paths under the folder the rulebook was read from, rewritten under the folder the record names."""
    if not isinstance(recorded_root, str) or folder == recorded_root:
        return
    old, new = folder.rstrip("/") + "/", recorded_root.rstrip("/") + "/"
    record["rulebook"]["path"] = recorded_root

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source" and isinstance(item, str) and item.startswith(old):
                    value[key] = new + item[len(old):]
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(record)
