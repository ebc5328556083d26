"""Phrases the text, Markdown and HTML renderers of a decision diff share, so they say the same thing.

Each returns plain words made from data that has not been escaped yet: every renderer passes the
result through its own escaping (visible text, Markdown, HTML) before it is written."""

from __future__ import annotations

from judgment._recdiff._model import DecisionDiff, GradeChange, RecordSummary
from judgment._render._words import polarity_label

TEXT_EXCERPT = 200  # characters of a finding's or recommendation's text shown at most

CAUSES = {"evidence": "evidence", "rules": "rules", "both": "evidence and rules", "neither": "neither"}


def excerpt(text: str, limit: int = TEXT_EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def record_line(label: str, summary: RecordSummary) -> str:
    chosen = f" ({summary.chosen})" if summary.chosen else ""
    return (f"{label}: {summary.file}: {summary.organisation}, {summary.date}; rulebook {summary.rulebook}{chosen}; "
            f"recorded {summary.timestamp}")


def seal_lines(diff: DecisionDiff) -> list[str]:
    """First of all: which record's seal is broken, and what that means for the rest."""
    lines = []
    for label, summary in (("A", diff.a), ("B", diff.b)):
        for problem in summary.seal_problems:
            lines.append(f"SEAL BROKEN: record {label} ({summary.file}): {problem}")
    if lines:
        lines.append("A record whose seal is broken may have been altered since it was made: "
                     "what follows compares it as it stands, and proves nothing.")
    return lines


def evidence_line(diff: DecisionDiff) -> str:
    if not diff.evidence_changed:
        return f"Evidence: unchanged (sha256 {diff.a.evidence_sha256})"
    return f"Evidence: changed (sha256 {diff.a.evidence_sha256} -> {diff.b.evidence_sha256})"


def rules_line(diff: DecisionDiff) -> str:
    if not diff.rules_changed:
        return f"Rules: unchanged ({diff.a.rulebook}, sha256 {diff.a.rulebook_sha256})"
    versions = diff.a.rulebook if diff.a.rulebook == diff.b.rulebook else f"{diff.a.rulebook} -> {diff.b.rulebook}"
    return f"Rules: changed ({versions}, sha256 {diff.a.rulebook_sha256} -> {diff.b.rulebook_sha256})"


def method_line(diff: DecisionDiff) -> str:
    if diff.method == "unchanged" and not diff.outcome_differs:
        return "Causes: none to find: neither the evidence nor the rules changed"
    return {
        "unchanged": "Causes: neither the evidence nor the rules changed; a difference comes from another "
                     "version of judgment, another option, or a record altered and sealed again "
                     "(judgment verify replays each)",
        "hashes": "Causes: by the hashes: only the " + ("evidence" if diff.evidence_changed else "rules")
                  + " changed",
        "rejudged": "Causes: both changed; told apart by judging A's evidence with B's rules",
        "hashes_only": f"Causes: by hashes only: both changed, and they could not be told apart ({diff.method_note})",
    }[diff.method]


def move_words(grade: GradeChange) -> str:
    """``Good -> Outstanding (up)``."""
    before = grade.before_label or grade.before or "Not graded"
    after = grade.after_label or grade.after or "Not graded"
    return f"{before} -> {after} ({grade.direction.replace('_', ' ')})"


def grade_title(grade: GradeChange) -> str:
    return f"Overall: {grade.title}" if not grade.question else f"{grade.title} ({grade.question})"


def finding_words(polarity: str, rule: str, text: str) -> str:
    return f"{polarity_label(polarity)} {rule}: {excerpt(text)}"


def outcome_line(diff: DecisionDiff) -> str:
    if not diff.outcome_differs:
        return "Outcome: the same: no grade, finding or recommendation differs"
    parts = []
    moved = len(diff.grades) + (diff.overall is not None)
    for count, noun in ((moved, "grade moved"), (_count(diff, "finding", "gained"), "finding gained"),
                        (_count(diff, "finding", "lost"), "finding lost"),
                        (_count(diff, "recommendation", "gained"), "recommendation gained"),
                        (_count(diff, "recommendation", "lost"), "recommendation lost")):
        if count:
            noun, _, verb = noun.partition(" ")
            parts.append(f"{count} {noun}{'' if count == 1 else 's'} {verb}")
    return "Outcome: differs: " + ", ".join(parts)


def _count(diff: DecisionDiff, kind: str, change: str) -> int:
    items = diff.findings if kind == "finding" else diff.recommendations
    return sum(1 for item in items if item.change == change)
