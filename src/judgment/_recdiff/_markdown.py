"""A decision diff as Markdown. Every piece of data goes through `markdown_text` or `markdown_code`, so
nothing in a record becomes a heading, a link, an image, HTML or emphasis."""

from __future__ import annotations

from judgment._recdiff._model import DecisionDiff
from judgment._recdiff._words import CAUSES, evidence_line, excerpt, grade_title, method_line, \
    move_words, outcome_line, record_line, rules_line, seal_lines
from judgment._render._safe import markdown_block as block
from judgment._render._words import polarity_label
from judgment._render._safe import markdown_code as code
from judgment._render._safe import markdown_text as md


def cell(text: str) -> str:
    """Text for a table cell: Markdown-safe, and no `|` that would end the cell."""
    return md(text).replace("|", "\\|")


def render_markdown(diff: DecisionDiff) -> str:
    lines = [f"> **{md(line)}**" for line in seal_lines(diff)]
    lines += [""] if lines else []
    lines += ["# Decision diff", "", f"- {md(record_line('A', diff.a))}", f"- {md(record_line('B', diff.b))}", "",
              "## Inputs", "", f"- {md(evidence_line(diff))}"]
    for record in diff.evidence:
        lines.append(f"  - {md(record.change)}: {code(record.record)}")
        lines += [f"    - {code(f.path)}: {code(f.before)} → {code(f.after)}" for f in record.fields]
        lines += [f"    - and {record.more_fields} more fields"] if record.more_fields else []
    lines += [f"  - and {diff.evidence_more} more records"] if diff.evidence_more else []
    lines.append(f"- {md(rules_line(diff))}")
    lines += [f"  - {md(f.change)}: {code(f.path)}" for f in diff.rule_files]
    lines += [f"- {md(method_line(diff))}", ""]
    grades = ([diff.overall] if diff.overall else []) + list(diff.grades)
    if grades:
        lines += ["## Grades", "", "| Question | Grade | Cause |", "|---|---|---|"]
        lines += [f"| {cell(grade_title(g))} | {cell(move_words(g))} | {cell(CAUSES[g.cause])} |" for g in grades]
        lines.append("")
    if diff.findings:
        lines += ["## Findings", ""]
        for f in diff.findings:
            lines.append(f"- {md(f.change.capitalize())} ({code(f.question)}), rule {code(f.rule)} ({code(f.source)}): "
                         f"{md(polarity_label(f.polarity))}: {md(excerpt(f.text))} "
                         f"(cause: {md(CAUSES[f.cause])})")
        lines.append("")
    if diff.recommendations:
        lines += ["## Recommendations", ""]
        lines += [f"- {md(r.change.capitalize())} {code(r.id)}: {md(excerpt(r.text))} (cause: {md(CAUSES[r.cause])})"
                  for r in diff.recommendations]
        lines.append("")
    lines.append(block(outcome_line(diff)))
    return "\n".join(lines) + "\n"
