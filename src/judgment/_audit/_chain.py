"""The hashes that chain a log, and the check of one sealed record, on append and on verify.

An entry hash is SHA-256 over the canonical JSON (RFC 8785) of every field of the entry: its
sequence number, the hash of the entry before (the genesis hash for the first), the SHA-256 of the
stored record bytes, the seal, organisation, inspection date and time of appending. The genesis
hash covers the log's format, id and creation time. So a change to any stored byte breaks the
entry's hash, and a rewritten entry hash breaks the link of the entry after it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from judgment._diagnostics import excerpt
from judgment._records._outcome import SEAL_BROKEN, Verification
from judgment._records._read import NotARecord, parse_record
from judgment._records._record import canonical, sha256

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ENTRY_FORMAT = "judgment.audit-entry/1"
HASH = re.compile(r"[0-9a-f]{64}\Z")


def genesis(meta: dict[str, str]) -> str:
    """The hash the first entry links to: the log's own identity."""
    return sha256(canonical({"format": meta["format"], "version": meta["version"], "log_id": meta["log_id"],
                             "created_at": meta["created_at"]}))


def entry_hash(sequence: int, previous: str, record: bytes, seal: str, organisation: str, inspection_date: str,
               appended_at: str) -> str:
    return sha256(canonical({"format": ENTRY_FORMAT, "sequence": sequence, "previous_hash": previous,
                             "record_sha256": sha256(record), "seal": seal, "organisation": organisation,
                             "inspection_date": inspection_date, "appended_at": appended_at}))


def sealed(data: bytes, public_key: Ed25519PublicKey | None = None) -> dict[str, Any]:
    """The record in `data` when it is a decision record whose seal and evidence hash hold (and,
    with `public_key`, whose signature by that key holds); else RecordRefused saying why."""
    try:
        record = parse_record(data)
    except NotARecord as error:
        raise RecordRefused(f"not a decision record: {error}") from None
    _check_shape(record)
    found = Verification()
    from judgment._records._verify import _check_seal  # the very check `judgment verify` makes

    _check_seal(record, found)
    if SEAL_BROKEN in found.findings:
        raise RecordRefused(found.findings[SEAL_BROKEN][0][1])
    if public_key is not None:
        from judgment._records._sign import signature_problem

        problem = signature_problem(record, public_key)
        if problem is not None:
            raise SignatureRefused(f"signature not valid: {problem}")
    return record


class RecordRefused(ValueError):
    """A record the log does not take (or holds broken): the message says why, in a few words."""


class SignatureRefused(RecordRefused):
    """The record is intact, but not signed by the key it was checked against."""


def organisation_and_date(record: dict[str, Any]) -> tuple[str, str]:
    inspection = record["inspection"]
    return inspection["organisation"], inspection["date"]


def _check_shape(record: dict[str, Any]) -> None:
    """What the seal check and the log's columns read must be there, of the right type (nothing
    else is required: records of other format versions, or with blocks added later, are taken)."""
    schema, seal = record.get("schema"), record.get("seal")
    if not isinstance(schema, str) or not schema.startswith("judgment.decision-record/"):
        raise RecordRefused(f"not a decision record: its schema is {excerpt(schema)}")
    if not isinstance(seal, str) or not HASH.match(seal):
        raise RecordRefused("not a sealed decision record: it has no seal of 64 hexadecimal digits")
    evidence, inspection = record.get("evidence"), record.get("inspection")
    if not isinstance(evidence, dict) or not isinstance(evidence.get("sha256"), str) or "bundle" not in evidence:
        raise RecordRefused("not a decision record: it has no evidence with its hash")
    if not isinstance(inspection, dict) or not all(isinstance(inspection.get(k), str)
                                                   for k in ("organisation", "date")):
        raise RecordRefused("not a decision record: its inspection has no organisation and date")
