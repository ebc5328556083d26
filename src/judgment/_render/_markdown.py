"""Render a judgment as Markdown, for reports and issue trackers."""

from __future__ import annotations

from collections.abc import Mapping

from judgment._judgment import Finding, Judgment, QuestionJudgment
from judgment._render._words import (
    Explain,
    check_words,
    decided_words,
    heading,
    neighbour_words,
    overall_words,
    polarity_label,
    rulebook_line,
)


def render_markdown(judgment: Judgment, explain: Explain = "fails") -> str:
    quotes = {e.id: e for e in judgment.quotes}
    lines = [f"# {heading(judgment)}", "", f"_{rulebook_line(judgment)}_", "",
             f"## {judgment.overall.title}", "", f"**{overall_words(judgment)}**", ""]
    if judgment.overall.summary:
        lines += [judgment.overall.summary, ""]
    if judgment.overall.narrative:
        lines += [f"> {judgment.overall.narrative}", ""]
    for question in judgment.questions:
        lines += _question(question, quotes, explain)
    lines += ["## Recommendations", ""]
    for recommendation in judgment.recommendations:
        lines.append(f"- {recommendation.text}")
        if explain != "none":
            deadline = f"Deadline: {recommendation.deadline}. " if recommendation.deadline else ""
            lines.append(f"  _{deadline}Because of {', '.join(recommendation.findings)} "
                         f"(rule `{recommendation.rule}`, `{recommendation.source}`)._")
    if not judgment.recommendations:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _question(question: QuestionJudgment, quotes: Mapping[str, object], explain: Explain) -> list[str]:
    lines = [f"## {question.title}", "", f"**{question.label}**", ""]
    if explain != "none":
        lines += [f"Decided: {decided_words(question)}.", ""]
        if explain == "full":
            lines += [f"- `{check_words(check)}`" for check in question.decided_by.checks] + [""]
    for finding in question.findings:
        lines += _finding(finding, quotes, explain)
    if explain != "none" and question.why_not is not None:
        lines += ["", "Why not the next grade:", ""]
        for direction in ("better", "worse"):
            analysis = getattr(question.why_not, direction)
            if analysis is not None:
                lines += [f"  {line}" if line.startswith("  ") else f"- {line}"
                          for line in neighbour_words(analysis, direction)]
    return lines + [""]


def _finding(finding: Finding, quotes: Mapping[str, object], explain: Explain) -> list[str]:
    lines = [f"- **{polarity_label(finding.polarity)}:** {finding.text}"]
    if explain == "none":
        return lines
    lines.append(f"  - rule `{finding.rule}` (`{finding.source}`)")
    if explain == "full":
        lines += [f"  - `{check_words(check)}`" for check in finding.checks]
    for record_id in finding.evidence:
        evidence = quotes.get(record_id)
        if evidence is not None:
            lines.append(f"  - evidence `{record_id}` ({getattr(evidence, 'section', '')}): "
                         f"\u201c{getattr(evidence, 'quote', '')}\u201d")
    return lines
