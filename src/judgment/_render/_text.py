"""Render a judgment as text for an inspector: rich in a terminal, plain when piped.

Every string goes through `_text`, which shows control characters from data as visible escapes (see
`_safe`), and into rich only as `Text` objects, which rich prints literally: no escape sequence or rich
markup in a quote or a name reaches the terminal as anything but the characters it is made of."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from judgment._judgment import Finding, Judgment, QuestionJudgment
from judgment._render._because import because_of
from judgment._render._safe import visible
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

_POLARITY_STYLE = {"strength": "green", "notable_practice": "bold green",
                   "area_for_improvement": "yellow", "cause_of_concern": "bold red"}
_GRADE_STYLE = {"outstanding": "bold green", "good": "green", "adequate": "cyan",
                "requires_improvement": "yellow", "inadequate": "bold red"}


def render_text(judgment: Judgment, stream: IO[str], explain: Explain = "fails", color: bool | None = None,
                questions: tuple[str, ...] | None = None) -> None:
    # In a terminal rich wraps under the indent; piped output keeps one line per item.
    console = Console(file=stream, force_terminal=color, width=None if stream.isatty() else 100_000,
                      highlight=False, emoji=False)
    quotes = records_quoted(judgment)
    console.print(_text(heading(judgment), "bold"))
    console.print(_text(rulebook_line(judgment)))
    console.print()
    if questions is None:
        _overall(console, judgment, explain)
    for number, question in enumerate(judgment.questions, start=1):
        if questions is None or question.id in questions:
            _question(console, number, question, quotes, explain)
    if questions is None:
        _recommendations(console, judgment, explain)


def _overall(console: Console, judgment: Judgment, explain: Explain) -> None:
    overall = judgment.overall
    console.print(_text(overall.title, "bold"))
    _line(console, overall_words(judgment), 2, _GRADE_STYLE.get(overall.grade or "", ""))
    decided = overall_decided(judgment)
    if explain != "none" and decided is not None and overall.decided_by is not None:
        _line(console, f"decided: {decided}", 2)
        if explain == "full":
            for check in overall.decided_by.checks:
                _line(console, check_words(check), 4, "dim")
    if overall.summary:
        _line(console, overall.summary, 2)
    if overall.narrative:
        _line(console, f"Summary of the inspection: \u201c{overall.narrative}\u201d", 2)
    console.print()


def _question(console: Console, number: int, question: QuestionJudgment, quotes: dict[str, tuple[str, str]],
              explain: Explain) -> None:
    title = _text(f"{number}. {question.title}  ", "bold")
    title.append(visible(grade_words(question)), style=_GRADE_STYLE.get(question.grade or "", "bold"))
    console.print(title)
    if explain != "none":
        _line(console, f"decided: {decided_words(question)}", 3)
        if explain == "full":
            for check in question.decided_by.checks:
                _line(console, check_words(check), 5, "dim")
    if not question.findings:
        _line(console, "no findings", 3)
    for finding in question.findings:
        _finding(console, finding, quotes, explain)
    if explain != "none" and question.why_not is not None:
        for direction in ("better", "worse"):
            analysis = getattr(question.why_not, direction)
            if analysis is not None:
                for line in neighbour_words(analysis, direction):
                    _line(console, line, 3 if not line.startswith("  ") else 5, "" if direction == "better" else "dim")
    console.print()


def _finding(console: Console, finding: Finding, quotes: dict[str, tuple[str, str]], explain: Explain) -> None:
    line = _text(f"{polarity_label(finding.polarity)}: ", _POLARITY_STYLE.get(finding.polarity, ""))
    line.append(visible(finding.text), style="default")
    console.print(Padding(line, (0, 0, 0, 3), expand=False))
    if explain == "none":
        return
    _line(console, f"rule {finding.rule} ({finding.source})", 6, "dim")
    if explain == "full":
        _line(console, f"cites: \u201c{finding.cite.strip()}\u201d", 6, "dim")
        for check in finding.checks:
            _line(console, check_words(check), 6, "dim")
    for source in quoted(finding, quotes):
        _line(console, f"evidence {source.label} [{source.section}]: \u201c{source.quote}\u201d", 6, "dim")


def _recommendations(console: Console, judgment: Judgment, explain: Explain) -> None:
    console.print(_text("Recommendations", "bold"))
    if not judgment.recommendations:
        _line(console, "none", 3)
    for recommendation in judgment.recommendations:
        _line(console, f"- {recommendation.text}", 3)
        if explain != "none":
            deadline = f"deadline: {recommendation.deadline}; " if recommendation.deadline else ""
            _line(console, f"{deadline}because of {because_of(recommendation)} "
                           f"(rule {recommendation.rule}, {recommendation.source})", 5, "dim")
        if explain == "full":
            for check in recommendation.checks:
                _line(console, check_words(check), 5, "dim")


def _line(console: Console, text: str, indent: int, style: str = "") -> None:
    console.print(Padding(_text(text, style), (0, 0, 0, indent), expand=False))


def _text(text: str, style: str = "") -> Text:
    """Text rich prints as it is (no markup is read), with control characters made visible."""
    return Text(visible(text), style=style)
