"""A decision diff as one self-contained HTML file, in the judgment report's style (its STYLE): no
script, no external resource. Every piece of data goes through `html_text` (controls shown, then
escaped for text and attributes)."""

from __future__ import annotations

from judgment._recdiff._model import DecisionDiff, GradeChange
from judgment._recdiff._words import CAUSES, evidence_line, excerpt, grade_title, method_line, move_words, \
    outcome_line, record_line, rules_line, seal_lines
from judgment._render._html import STYLE
from judgment._render._safe import html_text as escape
from judgment._render._words import polarity_label

DIFF_STYLE = """
.warning { background: #d4351c; color: #fff; padding: .6rem 1rem; font-weight: bold; }
.cause { display: inline-block; padding: 0 .5rem; border: 1px solid #6f777b; border-radius: 2px;
         font-size: .85rem; margin-left: .4rem; }
.gained { color: #00703c; } .lost { color: #d4351c; }
table { border-collapse: collapse; } td, th { border-bottom: 1px solid #b1b4b6; padding: .3rem .6rem; text-align: left; }
"""


def render_html(diff: DecisionDiff) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>Decision diff: {escape(diff.a.organisation)}</title><style>{STYLE}{DIFF_STYLE}</style></head><body>"]
    parts += [f'<p class="warning">{escape(line)}</p>' for line in seal_lines(diff)]
    parts += ["<header><h1>Decision diff</h1>",
              *(f'<p class="meta">{escape(record_line(label, s))}</p>' for label, s in (("A", diff.a), ("B", diff.b))),
              "</header>", '<section id="inputs"><h2>Inputs</h2><ul>', f"<li>{escape(evidence_line(diff))}<ul>"]
    for record in diff.evidence:
        fields = "".join(f"<li><code>{escape(f.path)}</code>: <code>{escape(f.before)}</code> → "
                         f"<code>{escape(f.after)}</code></li>" for f in record.fields)
        more = f"<li>and {record.more_fields} more fields</li>" if record.more_fields else ""
        parts.append(f"<li>{escape(record.change)}: <code>{escape(record.record)}</code><ul>{fields}{more}</ul></li>")
    parts += [f"<li>and {diff.evidence_more} more records</li>"] if diff.evidence_more else []
    parts += ["</ul></li>", f"<li>{escape(rules_line(diff))}<ul>",
              *(f"<li>{escape(f.change)}: <code>{escape(f.path)}</code></li>" for f in diff.rule_files),
              "</ul></li>", f"<li>{escape(method_line(diff))}</li></ul></section>"]
    grades = ([diff.overall] if diff.overall else []) + list(diff.grades)
    if grades:
        parts += ['<section id="grades"><h2>Grades</h2><table><tr><th>Question</th><th>Grade</th><th>Cause</th></tr>',
                  *map(_grade_row, grades), "</table></section>"]
    if diff.findings:
        parts.append('<section id="findings"><h2>Findings</h2><ul>')
        parts += [f'<li><span class="{escape(f.change)}">{escape(f.change.capitalize())}</span> '
                  f"(<code>{escape(f.question)}</code>), rule <code>{escape(f.rule)}</code> "
                  f"<span class=\"small\">({escape(f.source)})</span>: "
                  f"<span class=\"polarity {escape(f.polarity)}\">{escape(polarity_label(f.polarity))}:</span> "
                  f"{escape(excerpt(f.text))}{_cause(f.cause)}</li>" for f in diff.findings]
        parts.append("</ul></section>")
    if diff.recommendations:
        parts.append('<section id="recommendations"><h2>Recommendations</h2><ul>')
        parts += [f'<li><span class="{escape(r.change)}">{escape(r.change.capitalize())}</span> '
                  f"<code>{escape(r.id)}</code>: {escape(excerpt(r.text))}{_cause(r.cause)}</li>"
                  for r in diff.recommendations]
        parts.append("</ul></section>")
    parts += [f'<p id="outcome"><strong>{escape(outcome_line(diff))}</strong></p>', "</body></html>"]
    return "\n".join(parts) + "\n"


def _grade_row(grade: GradeChange) -> str:
    return (f"<tr><td>{escape(grade_title(grade))}</td><td>{escape(move_words(grade))}</td>"
            f"<td>{_cause(grade.cause)}</td></tr>")


def _cause(cause: str) -> str:
    return f' <span class="cause">{escape(CAUSES[cause])}</span>'
