"""Decision records: a judgment sealed with the identities of its rulebook and its evidence.

Canonical JSON is RFC 8785 (keys sorted, one number format, UTF-8). The evidence hash
is SHA-256 of the canonical evidence; each rule file is hashed by its bytes and the
rulebook by the sorted list of (path, file hash); the seal is SHA-256 of the canonical
record without its seal (or signature), timestamp included. Anyone can recompute a
seal: it shows only that nothing changed by accident; a signature (_sign) shows who made
the record. The same inputs give byte-identical records apart from the timestamp and the
seal, whatever order the evidence came in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from functools import cache
from typing import Any, Literal

import rfc8785
from pydantic import BaseModel, ConfigDict, Field

from judgment._bundle import Bundle, Inspection
from judgment._io._pretty import pretty_json
from judgment._judgment import CrossCheck, EvidenceUsed, Judgment, OverallJudgment, QuestionJudgment, Recommendation
from judgment._records._formats import SCHEMA
from judgment._rulebook._library import RulebookChoice
from judgment._rulebook._model import Rulebook


class RuleFileIdentity(BaseModel):
    model_config = ConfigDict(extra="forbid")
    path: str
    sha256: str


class CandidateRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    version: str
    valid_from: str
    valid_to: str | None
    path: str
    sha256: str


class SelectionRecord(BaseModel):
    """Which rulebook of a library judged, and why (absent when --rules named one rulebook)."""

    model_config = ConfigDict(extra="forbid")
    library: str = Field(description="the library folder as given when judging")
    by: Literal["inspection date", "pinned", "only"]
    reason: str
    candidates: list[CandidateRecord] = Field(description="every version of the rulebook in the library")


class RulebookRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    title: str
    version: str
    valid_from: str
    valid_to: str | None
    path: str = Field(description="the rulebook folder as given when judging; verify reads it by default")
    sha256: str
    files: list[RuleFileIdentity]
    selection: SelectionRecord | None = Field(default=None, description="present when chosen from a library")


class EvidenceRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    sha256: str
    bundle: dict[str, Any] = Field(description="the canonical evidence: vocabulary, inspection, records by id")


class RecordSignature(BaseModel):
    """Ed25519 over the canonical record with its seal and without this block (see _sign)."""

    model_config = ConfigDict(extra="forbid")
    algorithm: Literal["ed25519"]
    key_id: str = Field(description="SHA-256 of the raw 32-byte public key, hex")
    value: str = Field(description="the 64-byte signature, base64")


class DecisionRecord(BaseModel):
    """The JSON document that `judgment run --format json` prints and `judgment verify` replays."""

    model_config = ConfigDict(extra="forbid")
    schema_: Literal["judgment.decision-record/3"] = Field(alias="schema")
    engine: str
    cross_check: CrossCheck
    inspection: Inspection
    overall: OverallJudgment
    questions: list[QuestionJudgment]
    recommendations: list[Recommendation]
    quotes: list[EvidenceUsed]
    rulebook: RulebookRecord
    evidence: EvidenceRecord
    options: dict[str, bool]
    versions: dict[str, str]
    timestamp: str
    seal: str
    signature: RecordSignature | None = Field(default=None, description="present when signed: judgment run --sign")


def canonical(data: Any) -> bytes:
    return bytes(rfc8785.dumps(data))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def evidence_hash(bundle: Bundle) -> str:
    return sha256(canonical(bundle.to_data()))


def build_record(result: Judgment, rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False,
                 timestamp: str | None = None, choice: RulebookChoice | None = None) -> dict[str, Any]:
    data = result.to_data()
    data.pop("rulebook")
    identity = rulebook_identity(rulebook)
    if choice is not None:
        identity["selection"] = choice.to_data()
    evidence = bundle.to_data()  # once: hashed, and held
    record: dict[str, Any] = {
        "schema": SCHEMA,
        **data,
        "rulebook": identity,
        "evidence": {"sha256": sha256(canonical(evidence)), "bundle": evidence},
        "options": {"any_date": any_date},
        "versions": versions(),
        "timestamp": timestamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
    }
    record["seal"] = seal_of(record)
    return record


def rulebook_identity(rulebook: Rulebook) -> dict[str, Any]:
    return {"id": rulebook.id, "title": rulebook.title, "version": rulebook.version,
            "valid_from": rulebook.valid_from.isoformat(),
            "valid_to": rulebook.valid_to.isoformat() if rulebook.valid_to else None,
            "path": rulebook.root, "sha256": rulebook.sha256,
            "files": [{"path": f.path, "sha256": f.sha256} for f in sorted(rulebook.files, key=lambda f: f.path)]}


def seal_of(record: dict[str, Any]) -> str:
    """SHA-256 of the canonical record without its seal (and without a signature, which is made after)."""
    return sha256(canonical({k: v for k, v in record.items() if k not in ("seal", "signature")}))


def versions() -> dict[str, str]:
    """What made the record: judgment's version, durable_rules' (or why it is not here) and Python's."""
    from judgment._engine import durable_missing

    found = {"python": ".".join(map(str, sys.version_info[:3])), **_installed()}
    if durable_missing() is not None:
        found["durable_rules"] = "unavailable"
    return found


@cache
def _installed() -> dict[str, str]:
    """The installed versions of judgment and durable_rules, read once (about 1.6 ms for every record)."""
    from importlib.metadata import PackageNotFoundError, version  # here: it costs start-up time

    found = {}
    for package, name in (("judgment", "judgment"), ("durable-rules", "durable_rules")):
        try:
            found[name] = version(package)
        except PackageNotFoundError:  # pragma: no cover - a source tree without metadata
            found[name] = "unknown"
    return found


def render_record(record: dict[str, Any]) -> str:
    """The record as printed: sorted keys, two-space indent, UTF-8; a newline at the end."""
    return pretty_json(record) + "\n"


def record_json_schema() -> dict[str, Any]:
    return DecisionRecord.model_json_schema(by_alias=True)
