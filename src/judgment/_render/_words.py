"""Phrases every renderer shares, so text, Markdown and HTML say the same thing."""

from __future__ import annotations

from typing import Literal

from judgment._judgment import Check, GradeAnalysis, Judgment, QuestionJudgment

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
    decided, outcome = question.decided_by, question.label or "Not graded"
    if decided.condition is None:
        return f"{outcome} because no earlier criterion held (criterion {decided.criterion}, {decided.source})"
    return f"{outcome} because {decided.condition} (criterion {decided.criterion}, {decided.source})"


def neighbour_words(analysis: GradeAnalysis, direction: str) -> list[str]:
    """Why the question is not graded `analysis.grade`, one line per criterion of that grade."""
    if not analysis.criteria:
        return [f"not {analysis.label}: {analysis.note}"]
    lines = []
    for criterion in analysis.criteria:
        if criterion.condition is None:
            lines.append(f"not {analysis.label}: {analysis.label} is given only when no earlier criterion holds")
        elif criterion.holds:
            lines.append(f"{analysis.label}: criterion {criterion.criterion} holds, but an earlier one decided")
        else:
            need = "would need" if direction == "better" else "would follow if"
            lines.append(f"not {analysis.label}: it {need} {criterion.condition} ({criterion.source})")
            lines.extend(f"  - {failure}" for failure in criterion.failed)
    return lines


def heading(judgment: Judgment) -> str:
    inspection = judgment.inspection
    return f"{inspection['organisation']}: {inspection.get('title') or 'inspection'} ({inspection['date']})"


def rulebook_line(judgment: Judgment) -> str:
    rulebook = judgment.rulebook
    return f"Rulebook {rulebook.id} {rulebook.version} ({rulebook.title}); engine: {judgment.engine}"


def overall_words(judgment: Judgment) -> str:
    overall = judgment.overall
    if overall.grade is None and overall.not_graded is not None:
        return f"Not graded: {overall.not_graded}."
    if overall.grade is None:
        return "Ungraded (the rulebook declares the overall judgment ungraded)."
    return overall.label or overall.grade


def polarity_label(polarity: str) -> str:
    return polarity.replace("_", " ").capitalize()
