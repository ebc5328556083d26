"""Replay a decision record: is it intact, are its rulebook and evidence unchanged, is the outcome the same?

Every check that fails is reported; the exit code is that of the first in this order
(the contract's table): 3 seal broken, 4 rulebook changed, 5 evidence changed, 1 outcome
differs, 0 identical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from judgment._api import judge
from judgment._bundle import Bundle, bundle_from_data, load_bundle
from judgment._diagnostics import Diagnostic, Location
from judgment._errors import InputFileError, JudgmentError
from judgment._records._record import DecisionRecord, evidence_hash, sha256, canonical, seal_of
from judgment._rulebook._loader import load_rulebook
from judgment._rulebook._model import Rulebook

SEAL_BROKEN, RULEBOOK_CHANGED, EVIDENCE_CHANGED, OUTCOME_DIFFERS, IDENTICAL = 3, 4, 5, 1, 0
_ORDER = (SEAL_BROKEN, RULEBOOK_CHANGED, EVIDENCE_CHANGED, OUTCOME_DIFFERS)


@dataclass
class Verification:
    """What verify found: one entry per check that failed, each with its lines of detail."""

    findings: dict[int, list[str]] = field(default_factory=dict)

    def add(self, code: int, line: str) -> None:
        self.findings.setdefault(code, []).append(line)

    @property
    def exit_code(self) -> int:
        return next((code for code in _ORDER if code in self.findings), IDENTICAL)

    def render(self) -> str:
        titles = {SEAL_BROKEN: "record tampered with", RULEBOOK_CHANGED: "rulebook changed",
                  EVIDENCE_CHANGED: "evidence changed", OUTCOME_DIFFERS: "outcome differs"}
        if not self.findings:
            return "identical: the record is intact and replays to the same outcome\n"
        lines = []
        for code in _ORDER:
            for number, line in enumerate(self.findings.get(code, [])):
                lines.append(f"{titles[code]}: {line}" if number == 0 else f"  {line}")
        return "\n".join(lines) + "\n"


def verify(record_path: str | Path, rules: str | Path | None = None, bundle: str | Path | None = None) -> Verification:
    found = Verification()
    record = _read(Path(record_path))
    _check_seal(record, found)
    rulebook = _check_rulebook(record, rules, found)
    evidence = _check_evidence(record, bundle, found)
    if rulebook is not None and evidence is not None:
        _check_outcome(record, rulebook, evidence, found)
    return found


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError([Diagnostic("FILE_NOT_FOUND", f"cannot read record: {exc.strerror}",
                                         Location(str(path)))]) from None
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _check_seal(record: dict[str, Any], found: Verification) -> None:
    try:
        DecisionRecord.model_validate(record)
    except ValidationError as exc:
        found.add(SEAL_BROKEN, f"not a valid decision record ({exc.error_count()} problems, e.g. "
                               f"{'.'.join(map(str, exc.errors()[0]['loc']))}: {exc.errors()[0]['msg']})")
        return
    if seal_of(record) != record["seal"]:
        found.add(SEAL_BROKEN, "the seal does not match the record's content")
    if sha256(canonical(record["evidence"]["bundle"])) != record["evidence"]["sha256"]:
        found.add(SEAL_BROKEN, "the evidence hash does not match the evidence in the record")


def _check_rulebook(record: dict[str, Any], rules: str | Path | None, found: Verification) -> Rulebook | None:
    recorded = record.get("rulebook") or {}
    path = rules or recorded.get("path")
    if not path:
        return None
    try:
        rulebook = load_rulebook(path)
    except JudgmentError as error:
        found.add(RULEBOOK_CHANGED, f"the rulebook at {path} no longer loads: {error.diagnostics[0].message}")
        return None
    before = {f["path"]: f["sha256"] for f in recorded.get("files", [])}
    after = {f.path: f.sha256 for f in rulebook.files}
    changed = sorted(p for p in before.keys() & after.keys() if before[p] != after[p])
    for label, names in (("changed", changed), ("added", sorted(after.keys() - before.keys())),
                         ("removed", sorted(before.keys() - after.keys()))):
        for name in names:
            found.add(RULEBOOK_CHANGED, f"{label}: {name}")
    return rulebook


def _check_evidence(record: dict[str, Any], bundle: str | Path | None, found: Verification) -> Bundle | None:
    embedded = (record.get("evidence") or {}).get("bundle")
    try:
        recorded = bundle_from_data(embedded) if isinstance(embedded, dict) else None
    except JudgmentError:
        recorded = None
    if bundle is None:
        return recorded
    current = load_bundle(bundle)
    if recorded is None or evidence_hash(current) != record["evidence"]["sha256"]:
        before = {r.id: r for r in recorded.records} if recorded else {}
        after = {r.id: r for r in current.records}
        lines = [f"changed: record {i}" for i in sorted(before.keys() & after.keys()) if before[i] != after[i]]
        lines += [f"added: record {i}" for i in sorted(after.keys() - before.keys())]
        lines += [f"removed: record {i}" for i in sorted(before.keys() - after.keys())]
        if recorded is not None and recorded.inspection != current.inspection:
            lines.append("changed: the inspection")
        for line in lines or ["the evidence differs from the recorded evidence"]:
            found.add(EVIDENCE_CHANGED, line)
    return current


def _check_outcome(record: dict[str, Any], rulebook: Rulebook, evidence: Bundle, found: Verification) -> None:
    try:
        replayed = judge(rulebook, evidence, any_date=bool((record.get("options") or {}).get("any_date")))
    except JudgmentError as error:
        found.add(OUTCOME_DIFFERS, f"the evidence can no longer be judged: {error.diagnostics[0].message}")
        return
    before = {q.get("id"): q for q in record.get("questions", [])}
    for question in replayed.questions:
        old = before.get(question.id, {})
        if old.get("grade") != question.grade:
            found.add(OUTCOME_DIFFERS, f"question {question.id}: {old.get('grade')} -> {question.grade}")
        old_rules = sorted(f.get("rule") for f in old.get("findings", []))
        if old_rules != sorted(f.rule for f in question.findings):
            found.add(OUTCOME_DIFFERS, f"question {question.id}: findings differ")
    if (record.get("overall") or {}).get("grade") != replayed.overall.grade:
        found.add(OUTCOME_DIFFERS, f"overall: {record['overall'].get('grade')} -> {replayed.overall.grade}")
    old_recommendations = sorted(r.get("id") for r in record.get("recommendations", []))
    new_recommendations = sorted(r.id for r in replayed.recommendations)
    if old_recommendations != new_recommendations:
        found.add(OUTCOME_DIFFERS, f"recommendations: {', '.join(old_recommendations) or 'none'} -> "
                                   f"{', '.join(new_recommendations) or 'none'}")
