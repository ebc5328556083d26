"""The parts of a decision record that a diff compares: the grades, the findings and the
recommendations. A finding is its question, its rule and the records it bound (as what-if
names it), so the same rule made over other records is another finding."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

FindingKey = tuple[str, str, tuple[tuple[str, str], ...]]
OVERALL = ""  # the overall judgment's key among the questions' ids (an id is never empty)


@dataclass(frozen=True)
class Outcome:
    grades: dict[str, str | None]  # question id (OVERALL for the overall judgment) -> grade id
    labels: dict[tuple[str, str | None], str | None]  # (question, grade) -> its label
    titles: dict[str, str]
    questions: tuple[str, ...]  # in the record's order
    findings: dict[FindingKey, dict[str, Any]]
    recommendations: dict[str, dict[str, Any]]


def outcome_of(record: dict[str, Any]) -> Outcome:
    """The record's outcome; the record has been validated as a decision record."""
    overall = record["overall"]
    grades: dict[str, str | None] = {OVERALL: overall["grade"]}
    labels = {(OVERALL, overall["grade"]): overall["label"]}
    titles = {OVERALL: overall["title"]}
    findings: dict[FindingKey, dict[str, Any]] = {}
    for question in record["questions"]:
        grades[question["id"]] = question["grade"]
        labels[(question["id"], question["grade"])] = question["label"]
        titles[question["id"]] = question["title"]
        for finding in question["findings"]:
            findings[finding_key(question["id"], finding)] = finding
    return Outcome(grades, labels, titles, tuple(q["id"] for q in record["questions"]), findings,
                   {r["id"]: r for r in record["recommendations"]})


def finding_key(question: str, finding: dict[str, Any]) -> FindingKey:
    bindings = finding.get("bindings") or {}
    return question, str(finding["rule"]), tuple(sorted((str(k), str(v)) for k, v in bindings.items()))
