"""The impact as Markdown (for a pull request or a note): the text report's sections as tables.
Every piece of data is escaped with `markdown_text`, so nothing in it is read as Markdown or HTML."""

from __future__ import annotations

from judgment._impact._result import Impact
from judgment._impact._words import (RULES_LIMIT, RESPONSIBLE_HEADER, condition_words, responsible_row, KINDS, LIST_LIMIT, grade_axis, matrix, moves_words, question_change,
                                     rest, rulebook_lines, summary_lines, title)
from judgment._render._safe import markdown_text


def md(text: str) -> str:
    """Data as Markdown text that is also safe in a table cell (a pipe would end the cell)."""
    return markdown_text(text).replace("|", "\\|")


def render_markdown(impact: Impact) -> str:
    lines = [f"# {md(title(impact))}", "", *(f"- {md(line)}" for line in rulebook_lines(impact)), "", "## Summary", ""]
    lines += [f"- {md(line)}" for line in summary_lines(impact)]
    for question in (*impact.questions, *([impact.overall] if impact.overall else [])):
        lines += ["", f"## {md(question.title)}", "", md(f"{question.id}: {question_change(question)}."), ""]
        axis = grade_axis(impact, question)
        lines.append("| old \\\\ new | " + " | ".join(md(impact.label(g)) for g in axis) + " |")
        lines.append("|---|" + "---:|" * len(axis))
        lines += [f"| {md(impact.label(a))} | " + " | ".join(str(n) for n in row) + " |"
                  for a, row in zip(axis, matrix(question, axis))]
    lines += ["", "## Rules responsible", "", "Findings made, and grading criteria deciding, under one version only.", ""]
    if impact.responsible:
        lines += ["| " + " | ".join(RESPONSIBLE_HEADER) + " |", "|---|---|---|---:|---:|---|"]
        lines += ["| " + " | ".join(md(cell) for cell in responsible_row(r)) + " |" for r in impact.responsible[:LIST_LIMIT]]
        lines += _more(len(impact.responsible), "rule")
    else:
        lines.append("None.")
    lines += ["", "## Rule changes", ""]
    lines += [f"- file {md(f.path)}: {f.status}" for f in impact.files]
    for r in impact.rules[:RULES_LIMIT]:
        lines.append(f"- {KINDS.get(r.kind, r.kind)} {md(r.id)}: {r.status} ({md(r.source)})")
        lines += [f"  - {md(line)}" for line in condition_words(r)]
    lines += _more(len(impact.rules), "rule", RULES_LIMIT) if impact.files else ["None: every rule file has the same SHA-256."]
    lines += ["", f"## Bundles affected ({impact.changed:,})", ""]
    for affected in impact.affected[:LIST_LIMIT]:
        organisation = f" ({affected.organisation})" if affected.organisation else ""
        lines.append(f"- {md(affected.path + organisation)}: {md(moves_words(impact, affected))}")
    lines += _more(len(impact.affected), "bundle") if impact.affected else ["None."]
    if impact.failed:
        lines += ["", f"## Could not be judged ({len(impact.failed):,})", ""]
        lines += [f"- {md(f.path)} ({f.side}): {md(f.problem)}" for f in impact.failed[:LIST_LIMIT]]
        lines += _more(len(impact.failed), "bundle")
    return "\n".join(lines) + "\n"


def _more(total: int, what: str, limit: int = LIST_LIMIT) -> list[str]:
    more = rest(total, limit, what)
    return [] if more is None else ["", md(more)]
