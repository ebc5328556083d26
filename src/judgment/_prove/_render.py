"""A proof in words (text) or as data (JSON), counterexamples as YAML bundles to check and run.

The text lists every outcome that is not proved, and monotonicity field by field (what the issue asks
to see); `verbose` lists every outcome. Refutations are numbered and their bundles follow the report
(and go to files with --counterexamples); a warning's example bundle is in the JSON. Times are
measurements, so they are shown only when asked: the same rulebook otherwise gives the same report,
byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from judgment._prove._outcome import PROPERTIES, Proof, ProofExample, ProofOutcome
from judgment._render._safe import visible

_PER_SUBJECT = ("monotonicity",)  # listed subject by subject even when proved


def render_text(proof: Proof, *, verbose: bool = False, times: bool = False) -> str:
    lines = [_headline(proof), ""]
    numbered = refutations(proof)
    for name in PROPERTIES:
        outcomes = [o for o in proof.outcomes if o.property == name]
        if outcomes:
            lines.append(f"{name}: {_tally(outcomes)}")
            lines += [_line(o, times, numbered.get(id(o))) for o in outcomes
                      if verbose or o.status != "proved" or name in _PER_SUBJECT]
    lines += ["", _summary(proof, times)]
    for outcome in (o for o in proof.outcomes if id(o) in numbered):
        for example in outcome.examples:
            lines += ["", f"# --- counterexample {numbered[id(outcome)]} ({outcome.property}, "
                          f"{visible(outcome.subject)}): {example.label} ---",
                      proof.bundle_yaml(example).rstrip("\n")]
    return "\n".join(lines) + "\n"


def _headline(proof: Proof) -> str:
    if not proof.slots:
        return f"Proving {proof.rulebook}: not translated, nothing proved"
    largest = max(proof.slots.values())
    if not proof.cut:
        return (f"Proving {proof.rulebook} over every bundle (up to {largest} records of a kind are enough; twice "
                "that, and one more, where two bundles are compared)")
    kinds = ", ".join(f"{kind} {built} of {needed}" for kind, (built, needed) in sorted(proof.cut.items()))
    asked = f" (--records {proof.records})" if proof.records is not None else " (the cost of more)"
    return (f"Proving {proof.rulebook} over bundles of a bounded size, NOT every bundle: records of a kind "
            f"limited{asked}; slots of needed: {kinds}")


def refutations(proof: Proof) -> dict[int, int]:
    """Each refuted outcome with bundles (by id) and its number, from 1 in report order."""
    refuted = [o for o in proof.outcomes if o.status == "refuted" and o.examples]
    return {id(outcome): number for number, outcome in enumerate(refuted, 1)}


def _tally(outcomes: list[ProofOutcome]) -> str:
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("proved", "refuted", "warning", "unknown")}
    if counts["proved"] == len(outcomes):
        return f"proved ({len(outcomes)} of {len(outcomes)})"
    words = {"warning": ("warning", "warnings"), "unknown": ("not decided", "not decided")}
    return ", ".join(f"{n} {words.get(s, (s, s))[n != 1]}" for s, n in counts.items() if n)


def _line(outcome: ProofOutcome, times: bool, number: int | None) -> str:
    text = f"  {outcome.status:<8} {visible(outcome.subject)}: {visible(outcome.detail)}"
    if number is not None:
        text += f" [counterexample {number}, {'confirmed' if outcome.confirmed else 'NOT CONFIRMED'} by judging it]"
    return text + (f" ({outcome.seconds:.2f} s)" if times else "")


def _summary(proof: Proof, times: bool) -> str:
    refuted = sorted({o.property for o in proof.outcomes if o.status == "refuted"})
    undecided = sorted({o.property for o in proof.outcomes if o.status == "unknown"})
    asked = list(dict.fromkeys(o.property for o in proof.outcomes))
    proved = [p for p in asked if p not in refuted and p not in undecided]
    parts = [f"{len(proved)} of {len(asked)} {'property' if len(asked) == 1 else 'properties'} proved"]
    parts += [f"refuted: {', '.join(refuted)}"] if refuted else []
    parts += [f"not decided: {', '.join(undecided)}"] if undecided else []
    warnings = proof.count("warning")
    parts += [f"{warnings} warning{'' if warnings == 1 else 's'}"] if warnings else []
    parts += ["within the bounded size only: use --records to accept the bound"] if proof.cut and proof.records is None \
        else []
    return "; ".join(parts) + (f" ({proof.seconds:.1f} s)" if times else "") + "."


def to_data(proof: Proof, *, times: bool = False) -> dict[str, Any]:
    """The proof as JSON data: every outcome, each example a bundle (as `judgment check` reads one)."""
    def outcome(o: ProofOutcome) -> dict[str, Any]:
        data: dict[str, Any] = {"property": o.property, "subject": o.subject, "status": o.status, "detail": o.detail}
        if o.examples:
            data["confirmed"] = o.confirmed
            data["examples"] = [_bundle(proof, e) for e in o.examples]
        return data | ({"seconds": round(o.seconds, 3)} if times else {})

    data = {"format": "judgment.proof/1", "rulebook": proof.rulebook, "slots": proof.slots, "records": proof.records,
            "cut": {kind: {"slots": built, "needed": needed} for kind, (built, needed) in sorted(proof.cut.items())},
            "outcomes": [outcome(o) for o in proof.outcomes], "exit_code": proof.exit_code}
    return data | ({"seconds": round(proof.seconds, 3)} if times else {})


def _bundle(proof: Proof, example: ProofExample) -> dict[str, Any]:
    """The bundle as its YAML reads, dates as ISO text (JSON has no dates)."""
    document = yaml.safe_load(proof.bundle_yaml(example))
    return {"label": example.label, "bundle": json.loads(json.dumps(document, default=str))}


def write_counterexamples(proof: Proof, folder: Path) -> list[Path]:
    """Each refutation's bundles as files, ``N-LABEL.yaml`` (N as the report numbers them)."""
    folder.mkdir(parents=True, exist_ok=True)
    numbered, written = refutations(proof), []
    for outcome in (o for o in proof.outcomes if id(o) in numbered):
        for example in outcome.examples:
            path = folder / f"{numbered[id(outcome)]}-{example.label}.yaml"
            path.write_text(proof.bundle_yaml(example), "utf-8")
            written.append(path)
    return written
