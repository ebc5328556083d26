"""The impact as plain text: summary first, then each question's transition table, the rules
responsible, the rule changes, the bundles affected and those that could not be judged.
Every piece of data is passed through `visible` (no terminal escape from a file does anything)."""

from __future__ import annotations

from judgment._impact._result import Impact
from judgment._impact._words import (RULES_LIMIT, RESPONSIBLE_HEADER, condition_words, responsible_row, KINDS, LIST_LIMIT, grade_axis, matrix, moves_words, question_change,
                                     rest, rulebook_lines, summary_lines, title)
from judgment._render._safe import visible as _visible


def visible(text: str) -> str:
    """Data on one line: control characters shown, line breaks folded."""
    return " ".join(_visible(text).splitlines())


def render_text(impact: Impact) -> str:
    lines = [visible(title(impact)), *(f"  {visible(line)}" for line in rulebook_lines(impact)), "", "Summary"]
    lines += [f"  {visible(line)}" for line in summary_lines(impact)]
    for number, question in enumerate((*impact.questions, *([impact.overall] if impact.overall else [])), start=1):
        lines += ["", visible(f"{number}. {question.title} ({question.id}): {question_change(question)}")]
        axis = grade_axis(impact, question)
        header = ["old \\ new", *(impact.label(g) for g in axis)]
        body = [[impact.label(a), *(str(n) if n else "." for n in row)] for a, row in zip(axis, matrix(question, axis))]
        lines += [f"   {visible(line)}" for line in table([header, *body])]
    lines += ["", "Rules responsible (findings made, and grading criteria deciding, under one version only)"]
    shown = impact.responsible[:LIST_LIMIT]
    rows = [RESPONSIBLE_HEADER, *(responsible_row(r) for r in shown)]
    lines += [f"   {visible(line)}" for line in table(rows)] if shown else ["   none"]
    lines += _more(len(impact.responsible), len(shown), "rule")
    lines += ["", "Rule changes (files by SHA-256; rules by what they say)"]
    lines += [f"   file {visible(f.path)}: {f.status}" for f in impact.files]
    for r in impact.rules[:RULES_LIMIT]:
        lines.append(f"   {KINDS.get(r.kind, r.kind)} {visible(r.id)}: {r.status} ({visible(r.source)})")
        lines += [f"      {visible(line)}" for line in condition_words(r)]
    lines += _more(len(impact.rules), RULES_LIMIT, "rule") if impact.files else ["   none"]
    lines += ["", f"Bundles affected ({impact.changed:,})"]
    for affected in impact.affected[:LIST_LIMIT]:
        organisation = f" ({affected.organisation})" if affected.organisation else ""
        lines.append(visible(f"   {affected.path}{organisation}: {moves_words(impact, affected)}"))
    lines += _more(len(impact.affected), LIST_LIMIT, "bundle") if impact.affected else ["   none"]
    if impact.failed:
        noun = "bundle" if len(impact.failed) == 1 else "bundles"
        lines += ["", f"{len(impact.failed):,} {noun} could not be judged"]
        lines += [visible(f"   {f.path} ({f.side}): {f.problem}") for f in impact.failed[:LIST_LIMIT]]
        lines += _more(len(impact.failed), LIST_LIMIT, "bundle")
    return "\n".join(lines) + "\n"


def _more(total: int, shown: int, what: str) -> list[str]:
    more = rest(total, shown, what)
    return [] if more is None else [f"   {more}"]


def table(rows: list[list[str]]) -> list[str]:
    """Rows as aligned columns: counts right-aligned, words left-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    counts = [all(row[i].replace(",", "").replace(".", "").isdigit() or row[i] == "." for row in rows[1:])
              for i in range(len(widths))]
    return ["  ".join(cell.rjust(w) if counts[i] else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in rows]
