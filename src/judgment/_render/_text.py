"""Render a judgment as text for an inspector: rich in a terminal, plain when piped."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.text import Text

from judgment._judgment import Finding, Judgment, QuestionJudgment

_POLARITY_STYLE = {"strength": "green", "notable_practice": "bold green",
                   "area_for_improvement": "yellow", "cause_of_concern": "bold red"}
_GRADE_STYLE = {"outstanding": "bold green", "good": "green", "adequate": "cyan",
                "requires_improvement": "yellow", "inadequate": "bold red"}


def render_text(judgment: Judgment, stream: IO[str], color: bool | None = None) -> None:
    # In a terminal rich wraps under the indent; piped output keeps one line per item.
    console = Console(file=stream, force_terminal=color, width=None if stream.isatty() else 100_000,
                      highlight=False, emoji=False)
    quotes = {e.id: e for e in judgment.quotes}
    inspection = judgment.inspection
    rulebook = judgment.rulebook
    console.print(Text(f"{inspection['force']}: {inspection.get('title') or 'inspection'} "
                       f"({inspection['date']})", style="bold"))
    console.print(f"Rulebook {rulebook.id} {rulebook.version} ({escape(rulebook.title)}); engine: {judgment.engine}")
    console.print()
    _overall(console, judgment)
    for number, question in enumerate(judgment.questions, start=1):
        _question(console, number, question, quotes)
    _recommendations(console, judgment)


def _overall(console: Console, judgment: Judgment) -> None:
    overall = judgment.overall
    console.print(Text(overall.title, style="bold"))
    if overall.grade is None:
        console.print("  Ungraded (the rulebook declares the overall judgment ungraded).")
    else:
        console.print(Text("  ") + Text(overall.label or overall.grade, style=_GRADE_STYLE.get(overall.grade, "")))
    if overall.summary:
        _line(console, overall.summary, 2)
    if overall.narrative:
        _line(console, f"Summary of the inspection: \u201c{overall.narrative}\u201d", 2)
    console.print()


def _question(console: Console, number: int, question: QuestionJudgment, quotes: Mapping[str, object]) -> None:
    heading = Text(f"{number}. {question.title}  ", style="bold")
    heading.append(question.label, style=_GRADE_STYLE.get(question.grade, "bold"))
    console.print(heading)
    decided = question.decided_by
    reason = decided.condition or "otherwise (no earlier criterion held)"
    _line(console, f"decided by criterion {decided.criterion} ({decided.source}): {reason}", 3)
    if not question.findings:
        console.print("   no findings")
    for finding in question.findings:
        _finding(console, finding, quotes)
    console.print()


def _finding(console: Console, finding: Finding, quotes: Mapping[str, object]) -> None:
    label = finding.polarity.replace("_", " ").capitalize()
    line = Text(f"{label}: ", style=_POLARITY_STYLE.get(finding.polarity, ""))
    line.append(finding.text, style="default")
    console.print(Padding(line, (0, 0, 0, 3), expand=False))
    _line(console, f"rule {finding.rule} ({finding.source})", 6, "dim")
    for record_id in finding.evidence:
        evidence = quotes.get(record_id)
        quote = getattr(evidence, "quote", "")
        section = getattr(evidence, "section", "")
        _line(console, f"evidence {record_id} [{section}]: \u201c{quote}\u201d", 6, "dim")


def _recommendations(console: Console, judgment: Judgment) -> None:
    console.print(Text("Recommendations", style="bold"))
    if not judgment.recommendations:
        console.print("   none")
    for recommendation in judgment.recommendations:
        _line(console, f"- {recommendation.text}", 3)
        deadline = f"deadline: {recommendation.deadline}; " if recommendation.deadline else ""
        _line(console, f"{deadline}because of {', '.join(recommendation.findings)} "
                       f"(rule {recommendation.rule}, {recommendation.source})", 5, "dim")


def _line(console: Console, text: str, indent: int, style: str = "") -> None:
    console.print(Padding(Text(text, style=style), (0, 0, 0, indent), expand=False))
