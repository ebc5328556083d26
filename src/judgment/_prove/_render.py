"""A proof in words (text) or as data (JSON), counterexamples as YAML bundles to check and run.

The text lists every outcome that is not proved, and monotonicity field by field (what the issue asks
to see); `verbose` lists every outcome. Times are measurements, so they are shown only when asked:
the same rulebook otherwise gives the same report, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from judgment._prove._example import bundle_yaml
from judgment._prove._outcome import PROPERTIES, Example, Outcome, Proof
from judgment._render._safe import visible

_PER_SUBJECT = ("monotonicity",)  # listed subject by subject even when proved


def render_text(proof: Proof, vocabulary_id: str, date: dt.date, *, verbose: bool = False, times: bool = False) -> str:
    largest = max(proof.slots.values(), default=0)
    lines = [f"Proving {proof.rulebook} over every bundle (up to {largest} records of a kind; twice that, and one "
             "more, where two bundles are compared)", ""]
    found: list[tuple[int, Outcome]] = []
    for name in PROPERTIES:
        outcomes = [o for o in proof.outcomes if o.property == name]
        if not outcomes:
            continue
        lines.append(f"{name}: {_tally(outcomes)}")
        for outcome in outcomes:
            if verbose or outcome.status != "proved" or name in _PER_SUBJECT:
                lines.append(_line(outcome, times, len(found) + 1 if outcome.status != "proved" and outcome.examples else None))
            if outcome.status != "proved" and outcome.examples:
                found.append((len(found) + 1, outcome))
    lines += ["", _summary(proof, times)]
    for number, outcome in found:
        lines += ["", *_counterexample(number, outcome, vocabulary_id, date)]
    return "\n".join(lines) + "\n"


def _tally(outcomes: list[Outcome]) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("proved", "refuted", "warning", "unknown")}
    if counts["proved"] == len(outcomes):
        return f"proved ({len(outcomes)} of {len(outcomes)})"
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def _line(outcome: Outcome, times: bool, number: int | None) -> str:
    text = f"  {outcome.status:<8} {visible(outcome.subject)}: {visible(outcome.detail)}"
    if number is not None:
        text += f" [counterexample {number}, {'confirmed' if outcome.confirmed else 'NOT CONFIRMED'} by judging it]"
    return text + (f" ({outcome.seconds:.2f} s)" if times else "")


def _summary(proof: Proof, times: bool) -> str:
    refuted = sorted({o.property for o in proof.outcomes if o.status == "refuted"})
    undecided = sorted({o.property for o in proof.outcomes if o.status == "unknown"})
    asked = list(dict.fromkeys(o.property for o in proof.outcomes))
    proved = [p for p in asked if p not in refuted and p not in undecided]
    parts = [f"{len(proved)} of {len(asked)} properties proved"]
    parts += [f"refuted: {', '.join(refuted)}"] if refuted else []
    parts += [f"not decided: {', '.join(undecided)}"] if undecided else []
    parts += [f"{proof.count('warning')} warnings"] if proof.count("warning") else []
    return "; ".join(parts) + (f" ({proof.seconds:.1f} s)" if times else "") + "."


def _counterexample(number: int, outcome: Outcome, vocabulary_id: str, date: dt.date) -> list[str]:
    lines = []
    for example in outcome.examples:
        lines += [f"# --- counterexample {number} ({outcome.property}, {visible(outcome.subject)}): {example.label} ---",
                  bundle_yaml(list(example.records), vocabulary_id, date).rstrip("\n")]
    return lines


def to_data(proof: Proof, vocabulary_id: str, date: dt.date, *, times: bool = False) -> dict[str, Any]:
    """The proof as JSON data: every outcome, each counterexample a bundle (as `judgment check` reads one)."""
    def outcome(o: Outcome) -> dict[str, Any]:
        data: dict[str, Any] = {"property": o.property, "subject": o.subject, "status": o.status, "detail": o.detail}
        if o.examples:
            data["confirmed"] = o.confirmed
            data["examples"] = [_bundle(e, vocabulary_id, date) for e in o.examples]
        return data | ({"seconds": round(o.seconds, 3)} if times else {})

    data = {"format": "judgment.proof/1", "rulebook": proof.rulebook, "slots": proof.slots,
            "outcomes": [outcome(o) for o in proof.outcomes], "exit_code": proof.exit_code}
    return data | ({"seconds": round(proof.seconds, 3)} if times else {})


def _bundle(example: Example, vocabulary_id: str, date: dt.date) -> dict[str, Any]:
    """The bundle as its YAML reads, dates as ISO text (JSON has no dates)."""
    document = yaml.safe_load(bundle_yaml(list(example.records), vocabulary_id, date))
    return {"label": example.label, "bundle": json.loads(json.dumps(document, default=str))}


def write_counterexamples(proof: Proof, vocabulary_id: str, date: dt.date, folder: Path) -> list[Path]:
    """Each counterexample bundle as its own file, ``N-LABEL.yaml`` (N as the report numbers them)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    refuted = [o for o in proof.outcomes if o.status != "proved" and o.examples]
    for number, outcome in enumerate(refuted, 1):
        for example in outcome.examples:
            path = folder / f"{number}-{example.label}.yaml"
            path.write_text(bundle_yaml(list(example.records), vocabulary_id, date), "utf-8")
            written.append(path)
    return written
