"""A decision diff as text for a terminal. Every piece of data goes through `visible` (control
characters shown as \\xNN, bidirectional overrides as \\uNNNN, line breaks folded), so nothing in a
record can act on the terminal or reorder what it shows."""

from __future__ import annotations

from judgment._recdiff._model import DecisionDiff
from judgment._recdiff._words import CAUSES, evidence_line, excerpt, finding_words, grade_title, method_line, move_words, \
    outcome_line, record_line, rules_line, seal_lines
from judgment._records._diff import safe
from judgment._render._safe import visible as _visible


def visible(text: str) -> str:
    """One line for a terminal: controls as \\xNN, bidirectional overrides and line separators as \\uNNNN
    (they could reorder what the reader sees), line breaks folded."""
    return safe(" ".join(_visible(text).splitlines()))


def render_text(diff: DecisionDiff) -> str:
    warning = seal_lines(diff)
    lines = [*warning, *([""] if warning else []), "Decision diff", "  " + record_line("A", diff.a),
             "  " + record_line("B", diff.b), "", evidence_line(diff)]
    for record in diff.evidence:
        lines.append(f"  {record.change}: {record.record}")
        lines += [f"    {f.path}: {f.before} -> {f.after}" for f in record.fields]
        lines += [f"    ... and {record.more_fields} more fields"] if record.more_fields else []
    lines += [f"  ... and {diff.evidence_more} more records"] if diff.evidence_more else []
    lines.append(rules_line(diff))
    lines += [f"  {f.change}: {f.path}" for f in diff.rule_files]
    lines += [method_line(diff), ""]
    grades = ([diff.overall] if diff.overall else []) + list(diff.grades)
    if grades:
        lines.append("Grades")
        lines += [f"  {grade_title(g)}: {move_words(g)}  [{CAUSES[g.cause]}]" for g in grades]
    if diff.findings:
        lines.append("Findings")
        for finding in diff.findings:
            sign = "+ gained" if finding.change == "gained" else "- lost"
            lines.append(f"  {sign} ({finding.question}) {finding_words(finding.polarity, finding.rule, finding.text)}"
                         f"  [{CAUSES[finding.cause]}]")
    if diff.recommendations:
        lines.append("Recommendations")
        for made in diff.recommendations:
            sign = "+ gained" if made.change == "gained" else "- lost"
            lines.append(f"  {sign} {made.id}: {excerpt(made.text)}  [{CAUSES[made.cause]}]")
    lines.append(outcome_line(diff))
    return "".join(visible(line) + "\n" if line else "\n" for line in lines)
