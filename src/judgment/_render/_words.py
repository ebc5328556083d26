"""Phrases every renderer shares, so text, Markdown and HTML say the same thing."""

from __future__ import annotations

from typing import Literal

from judgment._judgment import Check, Decision, GradeAnalysis, Judgment, QuestionJudgment

Explain = Literal["full", "fails", "none"]


def check_words(check: Check) -> str:
    """One test in words: ``victim_satisfaction.rate is above national: 88.0% (86.6–89.4) is above ...``."""
    outcome = {True: "holds", False: "does not hold", None: "unknown (evidence missing)"}[check.outcome]
    if check.state is not None and len(check.values) == 3:
        return f"{check.condition}: {check.values[2]} ({outcome})"
    return f"{check.condition}: {' against '.join(check.values)} ({outcome})"


def grade_words(question: QuestionJudgment) -> str:
    """The grade's label, or that the question is not graded and the rulebook's reason why."""
    return question.label or f"Not graded: {question.not_graded}"


def decided_words(question: QuestionJudgment) -> str:
    return decision_words(question.decided_by, question.label or "Not graded")


def overall_decided(judgment: Judgment) -> str | None:
    """The overall criteria's decision in the words a question's gets; None when no criterion decided
    (worst, best, ungraded)."""
    overall = judgment.overall
    if overall.decided_by is None:
        return None
    return decision_words(overall.decided_by, overall.label or "Not graded")


def decision_words(decided: Decision, outcome: str) -> str:
    if decided.condition is None:
        return f"{outcome} because no earlier criterion held (criterion {decided.criterion}, {decided.source})"
    return f"{outcome} because {decided.condition} (criterion {decided.criterion}, {decided.source})"


def neighbour_words(analysis: GradeAnalysis, direction: str) -> list[str]:
    """Why the question is not graded `analysis.grade`: one entry for the grade, however many criteria
    give it (their conditions are alternatives, joined by "or"), then each failed test once."""
    if not analysis.criteria:
        return [f"not {analysis.label}: {analysis.note}"]
    held = [c.criterion for c in analysis.criteria if c.condition is not None and c.holds]
    if held:
        return [f"{analysis.label}: criterion {', '.join(held)} holds, but an earlier one decided"]
    tried = [c for c in analysis.criteria if c.condition is not None]
    if not tried:
        return [f"not {analysis.label}: {analysis.label} is given only when no earlier criterion holds"]
    need = "would need" if direction == "better" else "would follow if"
    conditions = " or ".join(f"{c.condition} ({c.source})" for c in tried)
    if len(tried) < len(analysis.criteria):
        conditions += ", or no earlier criterion to hold"
    failures = dict.fromkeys(failure for c in tried for failure in c.failed)
    return [f"not {analysis.label}: it {need} {conditions}", *(f"  - {failure}" for failure in failures)]


def heading(judgment: Judgment) -> str:
    inspection = judgment.inspection
    return f"{inspection['organisation']}: {inspection.get('title') or 'inspection'} ({inspection['date']})"


def rulebook_line(judgment: Judgment) -> str:
    rulebook = judgment.rulebook
    return f"Rulebook {rulebook.id} {rulebook.version} ({rulebook.title}); engine: {engine_words(judgment)}"


def engine_words(judgment: Judgment) -> str:
    """The engine of record and its cross-check, e.g. ``durable_rules (cross-checked by the compiled engine)``."""
    other = "the compiled engine" if judgment.engine == "durable_rules" else "durable_rules"
    check = {"agreed": f"cross-checked by {other}: the same findings",
             "unavailable": "durable_rules was not available, so no cross-check",
             "not made": "not cross-checked"}[judgment.cross_check]
    return f"{judgment.engine} ({check})"


def overall_words(judgment: Judgment) -> str:
    overall = judgment.overall
    if overall.grade is None and overall.not_graded is not None:
        return f"Not graded: {overall.not_graded}."
    if overall.grade is None:
        return "Ungraded (the rulebook declares the overall judgment ungraded)."
    return overall.label or overall.grade


def polarity_label(polarity: str) -> str:
    return polarity.replace("_", " ").capitalize()
