"""Render a judgment as Markdown, for reports and issue trackers.

Only the layout is Markdown: every string from the judgment (quotes, texts, names, ids, conditions)
goes through `_safe`, so it renders as the text it is, never as HTML, a link, an image or a heading."""

from __future__ import annotations

from judgment._judgment import Finding, Judgment, QuestionJudgment
from judgment._render._because import because_of
from judgment._render._safe import markdown_block as block
from judgment._render._safe import markdown_code as code
from judgment._render._safe import markdown_text as md
from judgment._render._sources import quoted, records_quoted
from judgment._render._words import (
    Explain,
    check_words,
    decided_words,
    heading,
    neighbour_words,
    overall_decided,
    overall_words,
    grade_words,
    polarity_label,
    rulebook_line,
)


def render_markdown(judgment: Judgment, explain: Explain = "fails") -> str:
    quotes = records_quoted(judgment)
    lines = [f"# {md(heading(judgment))}", "", f"_{md(rulebook_line(judgment))}_", "",
             f"## {md(judgment.overall.title)}", "", f"**{md(overall_words(judgment))}**", ""]
    decided = overall_decided(judgment)
    if explain != "none" and decided is not None and judgment.overall.decided_by is not None:
        lines += [f"Decided: {md(decided)}.", ""]
        if explain == "full":
            lines += [f"- {code(check_words(check))}" for check in judgment.overall.decided_by.checks] + [""]
    if judgment.overall.summary:
        lines += [block(judgment.overall.summary), ""]
    if judgment.overall.narrative:
        lines += [f"> {block(judgment.overall.narrative)}", ""]
    for question in judgment.questions:
        lines += _question(question, quotes, explain)
    lines += ["## Recommendations", ""]
    for recommendation in judgment.recommendations:
        lines.append(f"- {md(recommendation.text)}")
        if explain != "none":
            deadline = f"Deadline: {md(recommendation.deadline)}. " if recommendation.deadline else ""
            lines.append(f"  _{deadline}Because of {md(because_of(recommendation))} "
                         f"(rule {code(recommendation.rule)}, {code(recommendation.source)})._")
    if not judgment.recommendations:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _question(question: QuestionJudgment, quotes: dict[str, tuple[str, str]], explain: Explain) -> list[str]:
    lines = [f"## {md(question.title)}", "", f"**{md(grade_words(question))}**", ""]
    if explain != "none":
        lines += [f"Decided: {md(decided_words(question))}.", ""]
        if explain == "full":
            lines += [f"- {code(check_words(check))}" for check in question.decided_by.checks] + [""]
    for finding in question.findings:
        lines += _finding(finding, quotes, explain)
    if explain != "none" and question.why_not is not None:
        lines += ["", "Why not the next grade:", ""]
        for direction in ("better", "worse"):
            analysis = getattr(question.why_not, direction)
            if analysis is not None:
                lines += [f"    - {md(line[4:])}" if line.startswith("  - ") else f"- {md(line)}"
                          for line in neighbour_words(analysis, direction)]
    return lines + [""]


def _finding(finding: Finding, quotes: dict[str, tuple[str, str]], explain: Explain) -> list[str]:
    lines = [f"- **{md(polarity_label(finding.polarity))}:** {md(finding.text)}"]
    if explain == "none":
        return lines
    lines.append(f"  - rule {code(finding.rule)} ({code(finding.source)})")
    if explain == "full":
        lines += [f"  - {code(check_words(check))}" for check in finding.checks]
    for source in quoted(finding, quotes):
        lines.append(f"  - evidence {code(source.label)} ({md(source.section)}): \u201c{md(source.quote)}\u201d")
    return lines
