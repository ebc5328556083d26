"""A what-if in words: plain text for a terminal, Markdown for a report.

Every string from data (titles, finding texts, record ids, values) goes through `_safe` (or
`plain`/`excerpt`), so nothing read from a rulebook, a bundle or the command line can move a
terminal's cursor or become Markdown syntax, HTML or a link."""

from __future__ import annotations

import json
from typing import Any

from judgment._diagnostics import plain
from judgment._render._safe import markdown_block as block
from judgment._render._safe import markdown_code as code
from judgment._render._safe import markdown_text as md
from judgment._render._safe import visible as _visible
from judgment._render._words import check_words, polarity_label
from judgment._whatif._changes import Change, DropRecord, SetField
from judgment._whatif._result import FindingChange, QuestionChange, WhatIf, change_data

#: How a value set is shown at most (a value from the command line may be long).
VALUE_LENGTH = 80


def visible(text: str) -> str:
    """Data for one line of a terminal: control characters shown, line breaks folded into spaces."""
    return " ".join(_visible(text).splitlines())


def change_words(change: Change) -> str:
    """``set evaluation-crime-prevention.level = "developing"``, ``drop vulnerability``, ``add trend (kind)``."""
    if isinstance(change, SetField):
        return f"set {plain(change.record)}.{plain(change.path)} = {_value(change_data(change)['set']['value'])}"
    if isinstance(change, DropRecord):
        return f"drop {plain(change.record)}"
    return f"add {plain(str(change.data.get('id')))} ({plain(str(change.data.get('kind')))})"


def _value(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return visible(text if len(text) <= VALUE_LENGTH else text[:VALUE_LENGTH] + "…")


def move_words(question: QuestionChange, arrow: str = "->") -> str:
    """``Good -> Outstanding (up)``; ``Good (unchanged)`` when only findings moved."""
    before = question.before_label or "Not graded"
    if question.direction is None:
        return f"{before} (unchanged)"
    return f"{before} {arrow} {question.after_label or 'Not graded'} ({question.direction.replace('_', ' ')})"


def decided_words(question: QuestionChange) -> str | None:
    """``decided by exceeds-the-standard (was meets-the-standard)``, when the deciding criterion changed."""
    if question.decided_before == question.decided_after:
        return None
    return f"decided by {plain(question.decided_after)} (was {plain(question.decided_before)})"


def render_text(result: WhatIf) -> str:
    lines = ["What if:", *(f"  {change_words(c)}" for c in result.changes), ""]
    for number, question in enumerate(result.questions, 1):
        if question.changed:
            lines.append(f"{number}. {visible(question.title)}  {move_words(question)}")
            decided = decided_words(question)
            lines += [f"   {decided}"] if decided else []
            lines += _findings_text(question)
            lines.append("")
    if result.overall is not None:
        o = result.overall
        lines += [f"Overall: {o.before_label or 'Not graded'} -> {o.after_label or 'Not graded'} "
                  f"({o.direction.replace('_', ' ')})", ""]
    if result.recommendations_added or result.recommendations_removed:
        lines.append("Recommendations")
        lines += [f"   + added: {visible(r.text)}" for r in result.recommendations_added]
        lines += [f"   - removed: {visible(r.text)}" for r in result.recommendations_removed]
        lines.append("")
    if not result.moved:
        lines.append("no change")
    return "\n".join(lines).rstrip("\n") + "\n"


def _findings_text(question: QuestionChange) -> list[str]:
    lines = []
    for sign, words, findings in (("+", "now made", question.gained), ("-", "no longer made", question.lost)):
        for finding in findings:
            lines.append(f"   {sign} {polarity_label(finding.polarity)} {words}: {visible(finding.text)}")
            lines += [f"     because {visible(reason)}" for reason in _reasons(finding)]
    return lines


def _reasons(finding: FindingChange) -> list[str]:
    return ([finding.note] if finding.note else []) + [check_words(check) for check in finding.reason]


def render_markdown(result: WhatIf) -> str:
    lines = ["# What if", "", *(f"- {code(change_words(c))}" for c in result.changes), ""]
    for question in result.questions:
        if question.changed:
            decided = decided_words(question)
            lines += [f"## {md(question.title)}", "", f"**{md(move_words(question, '→'))}**"
                      + (f" ({md(decided)})" if decided else ""), ""]
            for sign, words, findings in (("Now made", "gained", question.gained),
                                          ("No longer made", "lost", question.lost)):
                for finding in findings:
                    lines.append(f"- {sign} ({md(polarity_label(finding.polarity))}, rule {code(finding.rule)}): "
                                 f"{md(finding.text)}")
                    lines += [f"  - because {code(reason)}" for reason in _reasons(finding)]
            lines.append("")
    if result.overall is not None:
        o = result.overall
        lines += [f"**Overall: {md(o.before_label or 'Not graded')} → {md(o.after_label or 'Not graded')} "
                  f"({md(o.direction.replace('_', ' '))})**", ""]
    if result.recommendations_added or result.recommendations_removed:
        lines += ["## Recommendations", ""]
        lines += [f"- Added: {md(r.text)}" for r in result.recommendations_added]
        lines += [f"- Removed: {md(r.text)}" for r in result.recommendations_removed]
        lines.append("")
    if not result.moved:
        lines += [block("No change."), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["change_words", "render_markdown", "render_text"]
