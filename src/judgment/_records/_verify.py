"""Replay a decision record: is it one, is it intact, is it signed by the key given, and does
judging its evidence with its rulebook make the very same record again?

"Identical" is a strong claim: the record is exactly what `judgment run` makes of the
evidence it embeds (or of --bundle) and of the rulebook, in every field but `timestamp`,
`seal` and `signature`. Anything that prevents the replay is its own outcome
(could not replay), never "identical". The exit codes and their order are in _outcome.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pydantic import ValidationError

from judgment._diagnostics import excerpt, plain
from judgment._errors import InputFileError, JudgmentError
from judgment._records._outcome import (
    COULD_NOT_REPLAY,
    EVIDENCE_CHANGED,
    IDENTICAL,
    OUTCOME_DIFFERS,
    RULEBOOK_CHANGED,
    SEAL_BROKEN,
    SIGNATURE_INVALID,
    Verification,
)
from judgment._records._read import NotARecord, read_record
from judgment._records._formats import PREFIX as _FORMAT
from judgment._records._formats import OLDER, SCHEMA, as_current, readable
from judgment._records._record import DecisionRecord, canonical, seal_of, sha256
from judgment._records._choice_again import Replaying, choose_again, library_to_replay
from judgment._records._replay import replay
from judgment._records._sign import key_id, signature_problem
from judgment._rulebook._loader import load_rulebook

__all__ = ["COULD_NOT_REPLAY", "EVIDENCE_CHANGED", "IDENTICAL", "OUTCOME_DIFFERS", "RULEBOOK_CHANGED",
           "SEAL_BROKEN", "SIGNATURE_INVALID", "Verification", "verify"]


def verify(record_path: str | Path, rules: str | Path | None = None, bundle: str | Path | None = None,
           public_key: Ed25519PublicKey | None = None) -> Verification:
    found = Verification()
    record = _read(Path(record_path), found)
    if record is None:
        return found
    _check_seal(record, found)
    _check_signature(record, public_key, found)
    if record["schema"] in OLDER:
        found.note(f"the record is in format {record['schema']}, read as {SCHEMA} (docs/compatibility.md)")
        record = as_current(record)
    loaded = _check_rulebook(record, rules, found)
    replay(record, loaded, bundle, found)
    return found


def _read(path: Path, found: Verification) -> dict[str, Any] | None:
    """The record, if it is one; else the reason, as "not a decision record" (exit 3)."""
    try:
        record = read_record(path)
        if _of_another_format(record, found):
            return None
        DecisionRecord.model_validate(as_current(record))
    except NotARecord as error:
        found.add(SEAL_BROKEN, str(error), title="not a decision record")
        return None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = excerpt(".".join(map(str, first["loc"]))) if first["loc"] else "(the record)"
        found.add(SEAL_BROKEN, f"{exc.error_count()} problems with its fields, e.g. {where}: {plain(first['msg'], 120)}",
                  title="not a decision record")
        return None
    return record


def _of_another_format(record: dict[str, Any], found: Verification) -> bool:
    """A record of another version of the format was made by another judgment: this one cannot replay
    it (its fields mean other things), which is its own outcome, not tampering. Its seal, computed the
    same way in every version, is still checked."""
    made = record.get("schema")
    if not isinstance(made, str) or readable(made) or not made.startswith(_FORMAT):
        return False
    version, current = made.removeprefix(_FORMAT), SCHEMA.removeprefix(_FORMAT)
    if not (version.isascii() and version.isdigit()) or len(version) > 6:
        return False
    if isinstance(record.get("seal"), str) and seal_of(record) != record["seal"]:
        found.add(SEAL_BROKEN, "the seal does not match the record's content")
    newer = int(version) > int(current)
    reads = ", ".join((SCHEMA, *OLDER))
    remedy = "upgrade judgment (pip install -U judgment) to verify it" if newer else \
        "verify it with the judgment that made it"
    found.add(COULD_NOT_REPLAY, f"the record is in format {excerpt(made)}, made by {'a newer' if newer else 'an older'} "
              f"judgment ({excerpt(str(_version_of(record)))}); this one reads {reads} only: {remedy}")
    return True


def _version_of(record: dict[str, Any]) -> object:
    versions = record.get("versions")
    return versions.get("judgment", "unknown") if isinstance(versions, dict) else "unknown"


def _check_seal(record: dict[str, Any], found: Verification) -> None:
    if seal_of(record) != record["seal"]:
        found.add(SEAL_BROKEN, "the seal does not match the record's content")
    if sha256(canonical(record["evidence"]["bundle"])) != record["evidence"]["sha256"]:
        found.add(SEAL_BROKEN, "the evidence hash does not match the evidence in the record")


def _check_signature(record: dict[str, Any], public_key: Ed25519PublicKey | None, found: Verification) -> None:
    block = record.get("signature")
    if public_key is None:
        if isinstance(block, dict):
            found.note(f"signature not checked: the record says it was signed by key {excerpt(block.get('key_id'))}; "
                       "give --public-key to check it")
        return
    problem = signature_problem(record, public_key)
    if problem is not None:
        found.add(SIGNATURE_INVALID, problem)
    else:
        found.note(f"signed by key {key_id(public_key)}: the signature is valid")


def _check_rulebook(record: dict[str, Any], rules: str | Path | None, found: Verification) -> Replaying | None:
    """The rulebook to replay with (--rules, else the folder the record names; chosen again from a
    library when the record says it was chosen from one, or --rules is one), its files compared;
    and the folder as given, which starts every `source` the replay writes."""
    recorded = record["rulebook"]
    library = library_to_replay(record, rules)
    path = library if library is not None else rules if rules is not None else recorded["path"]
    if not str(path):
        found.add(COULD_NOT_REPLAY, "the record names no rulebook folder; give --rules DIR")
        return None
    choice = None
    try:
        if library is not None:
            choice = choose_again(record, library)
            rulebook = choice.rulebook
        else:
            rulebook = load_rulebook(path)
    except InputFileError as error:
        hint = "" if rules is not None else "; give --rules DIR"
        found.add(COULD_NOT_REPLAY, f"cannot read the rulebook at {plain(str(path), 120)}: {error.diagnostics[0].message}{hint}")
        return None
    except JudgmentError as error:
        found.add(RULEBOOK_CHANGED, f"the rulebook at {plain(str(path), 120)} no longer loads: {error.diagnostics[0].message}")
        found.add(COULD_NOT_REPLAY, "the rulebook does not load, so nothing could be judged again")
        return None
    before = {f["path"]: f["sha256"] for f in recorded["files"]}
    after = {f.path: f.sha256 for f in rulebook.files}
    changed = sorted(p for p in before.keys() & after.keys() if before[p] != after[p])
    for label, names in (("changed", changed), ("added", sorted(after.keys() - before.keys())),
                         ("removed", sorted(before.keys() - after.keys()))):
        for name in names:
            found.add(RULEBOOK_CHANGED, f"{label}: {plain(name, 120)}")
    return Replaying(rulebook, rulebook.root if choice is not None else str(path), choice)
