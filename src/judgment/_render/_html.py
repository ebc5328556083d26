"""Render a judgment as one self-contained HTML file: question, grade, reasons, recommendations,
with the derivation of each grade in an expandable section. No scripts, no external resources."""

from __future__ import annotations

from judgment._judgment import Check, Finding, Judgment, QuestionJudgment
from judgment._render._because import because_of
from judgment._render._safe import html_text as escape  # every piece of data: controls shown, then escaped
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

#: The report's style; the workbench serves it too, before its own rules.
STYLE = """
body { font-family: Arial, Helvetica, sans-serif; color: #1d1d1b; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.45; }
header { border-bottom: 6px solid #003087; margin-bottom: 1.5rem; }
h1 { color: #003087; font-size: 1.8rem; } h2 { color: #003087; font-size: 1.3rem; margin-top: 2rem; }
.meta { color: #555; font-size: .9rem; }
.grade { display: inline-block; padding: .25rem .8rem; font-weight: bold; color: #fff; border-radius: 2px; }
.grade.outstanding { background: #00703c; } .grade.good { background: #4c9141; }
.grade.adequate { background: #1d70b8; } .grade.requires_improvement { background: #f47738; }
.grade.inadequate { background: #d4351c; } .grade.ungraded { background: #6f777b; }
ul.findings li { margin: .4rem 0; } .polarity { font-weight: bold; }
.strength, .notable_practice { color: #00703c; } .area_for_improvement { color: #b35309; }
.cause_of_concern { color: #d4351c; }
details { margin: .8rem 0; background: #f3f2f1; padding: .5rem 1rem; }
summary { cursor: pointer; font-weight: bold; } .small { font-size: .85rem; color: #444; }
blockquote { border-left: 4px solid #b1b4b6; margin: .3rem 0 .3rem 1rem; padding-left: .7rem; color: #333; }
code { font-size: .85rem; }
"""


def render_html(judgment: Judgment, explain: Explain = "fails") -> str:
    quotes = records_quoted(judgment)
    overall = judgment.overall
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{escape(heading(judgment))}</title><style>{STYLE}</style></head><body>",
             f"<header><h1>{escape(heading(judgment))}</h1><p class=\"meta\">{escape(rulebook_line(judgment))}</p>"
             "</header>", f"<section id=\"overall\"><h2>{escape(overall.title)}</h2>",
             f"<p><span class=\"grade {escape(overall.grade or 'ungraded')}\">{escape(overall_words(judgment))}"
             "</span></p>"]
    decided = overall_decided(judgment)
    if explain != "none" and decided is not None and overall.decided_by is not None:
        parts.append(f"<p class=\"small\">Decided: {escape(decided)}.</p>")
        if explain == "full":
            parts.append(_checks(overall.decided_by.checks))
    if overall.summary:
        parts.append(f"<p>{escape(overall.summary)}</p>")
    if overall.narrative:
        parts.append(f"<blockquote>{escape(overall.narrative)}</blockquote>")
    parts.append("</section>")
    parts += [_question(q, quotes, explain) for q in judgment.questions]
    parts.append('<section id="recommendations"><h2>Recommendations</h2><ul>')
    for recommendation in judgment.recommendations:
        because = f" Because of {because_of(recommendation)}." if explain != "none" else ""
        deadline = f" <span class=\"small\">({escape(recommendation.deadline)})</span>" if recommendation.deadline else ""
        parts.append(f"<li>{escape(recommendation.text)}{deadline}<span class=\"small\">{escape(because)}</span></li>")
    if not judgment.recommendations:
        parts.append("<li>None.</li>")
    parts.append("</ul></section></body></html>")
    return "\n".join(parts) + "\n"


def _question(question: QuestionJudgment, quotes: dict[str, tuple[str, str]], explain: Explain) -> str:
    parts = [f'<section class="question" id="{escape(question.id)}"><h2>{escape(question.title)}</h2>',
             f'<p><span class="grade {escape(question.grade or "ungraded")}">{escape(grade_words(question))}</span></p>',
             '<ul class="findings">']
    for finding in question.findings:
        parts.append(f'<li><span class="polarity {escape(finding.polarity)}">{escape(polarity_label(finding.polarity))}:'
                     f"</span> {escape(finding.text)}</li>")
    parts.append("</ul>")
    if explain != "none":
        parts.append(_derivation(question, quotes, explain))
    return "\n".join(parts) + "</section>"


def _derivation(question: QuestionJudgment, quotes: dict[str, tuple[str, str]], explain: Explain) -> str:
    parts = ["<details><summary>How this grade was reached</summary>",
             f"<p>{escape(decided_words(question))}.</p>"]
    if explain == "full":
        parts.append(_checks(question.decided_by.checks))
    for finding in question.findings:
        parts.append(_finding(finding, quotes, explain))
    if question.why_not is not None:
        lines = [line for direction in ("better", "worse")
                 if (analysis := getattr(question.why_not, direction)) is not None
                 for line in neighbour_words(analysis, direction)]
        parts.append("<p><strong>Why not the next grade</strong></p><ul>"
                     + "".join(f"<li>{escape(line.strip())}</li>" for line in lines) + "</ul>")
    return "\n".join(parts) + "</details>"


def _finding(finding: Finding, quotes: dict[str, tuple[str, str]], explain: Explain) -> str:
    parts = [f"<p><strong>{escape(finding.text)}</strong><br><span class=\"small\">rule <code>{escape(finding.rule)}"
             f"</code> ({escape(finding.source)}); cites: \u201c{escape(finding.cite.strip())}\u201d</span></p>"]
    if explain == "full":
        parts.append(_checks(finding.checks))
    for source in quoted(finding, quotes):
        parts.append(f"<blockquote>{escape(source.quote)}<br><span class=\"small\">evidence "
                     f"{escape(source.label)}, {escape(source.section)}</span></blockquote>")
    return "\n".join(parts)


def _checks(checks: tuple[Check, ...]) -> str:
    return "<ul class=\"small\">" + "".join(f"<li><code>{escape(check_words(c))}</code></li>" for c in checks) + "</ul>"
