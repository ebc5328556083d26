"""The impact as one self-contained HTML file, in the report's STYLE: no scripts, no external
resources. Every piece of data passes through `html_text` (controls shown, then escaped)."""

from __future__ import annotations

from judgment._impact._result import Impact, QuestionImpact
from judgment._impact._words import (RESPONSIBLE_HEADER, condition_words, responsible_row, HTML_LIMIT, KINDS, grade_axis, matrix, moves_words, question_change,
                                     rest, rulebook_lines, summary_lines, title)
from judgment._render._html import STYLE
from judgment._render._safe import html_text as escape

_OWN_STYLE = """
table.impact { border-collapse: collapse; margin: .6rem 0; } table.impact th, table.impact td {
  border: 1px solid #b1b4b6; padding: .25rem .6rem; text-align: right; }
table.impact th:first-child, table.impact td:first-child { text-align: left; }
td.moved { background: #fff2cc; font-weight: bold; } td.same { color: #555; } table.impact td.w { text-align: left; }
"""


def render_html(impact: Impact) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{escape(title(impact))}</title><style>{STYLE}{_OWN_STYLE}</style></head><body>",
             f"<header><h1>{escape(title(impact))}</h1>",
             *(f'<p class="meta">{escape(line)}</p>' for line in rulebook_lines(impact)), "</header>",
             '<section id="summary"><h2>Summary</h2><ul>', *(f"<li>{escape(line)}</li>" for line in summary_lines(impact)),
             "</ul></section>"]
    parts += [_question(impact, q) for q in (*impact.questions, *([impact.overall] if impact.overall else []))]
    parts += ['<section id="responsible"><h2>Rules responsible</h2>',
              "<p>Findings made, and grading criteria deciding, under one version only.</p>"]
    parts.append(_table(RESPONSIBLE_HEADER, [responsible_row(r) for r in impact.responsible[:HTML_LIMIT]],
                        len(impact.responsible), "rule"))
    parts += ['</section><section id="changes"><h2>Rule changes</h2><ul>']
    parts += [f"<li>file <code>{escape(f.path)}</code>: {escape(f.status)}</li>" for f in impact.files]
    for r in impact.rules[:HTML_LIMIT]:
        shown = "".join(f"<br><code>{escape(line)}</code>" for line in condition_words(r))
        parts.append(f"<li>{escape(KINDS.get(r.kind, r.kind))} <code>{escape(r.id)}</code>: {escape(r.status)} "
                     f'<span class="small">({escape(r.source)})</span>{shown}</li>')
    parts += [] if impact.files else ["<li>None: every rule file has the same SHA-256.</li>"]
    more = rest(len(impact.rules), HTML_LIMIT, "rule")
    parts += ["</ul>", "" if more is None else f"<p>{escape(more)}</p>", "</section>",
              f'<section id="bundles"><h2>Bundles affected ({impact.changed:,})</h2>']
    parts.append(_table(["bundle", "organisation", "grades moved"],
                        [[a.path, a.organisation or "", moves_words(impact, a)] for a in impact.affected[:HTML_LIMIT]],
                        len(impact.affected), "bundle"))
    parts.append("</section>")
    if impact.failed:
        parts.append(f'<section id="failed"><h2>Could not be judged ({len(impact.failed):,})</h2>')
        parts.append(_table(["bundle", "under", "problem"], [[f.path, f.side, f.problem] for f in impact.failed[:HTML_LIMIT]],
                            len(impact.failed), "bundle"))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _question(impact: Impact, question: QuestionImpact) -> str:
    axis = grade_axis(impact, question)
    head = "".join(f"<th>{escape(impact.label(g))}</th>" for g in axis)
    rows = []
    for a, counts in zip(axis, matrix(question, axis)):
        cells = "".join(f'<td class="{"same" if a == b else "moved" if n else ""}">{n}</td>' for b, n in zip(axis, counts))
        rows.append(f"<tr><th>{escape(impact.label(a))}</th>{cells}</tr>")
    return (f'<section class="question" id="question-{escape(question.id)}"><h2>{escape(question.title)}</h2>'
            f"<p>{escape(question_change(question))}.</p>"
            f'<table class="impact"><thead><tr><th>old \\ new</th>{head}</tr></thead><tbody>{"".join(rows)}'
            "</tbody></table></section>")


def _table(header: list[str], rows: list[list[str]], total: int, what: str) -> str:
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f'<td class="{"n" if _count(cell) else "w"}">{escape(cell)}</td>' for cell in row)
                   + "</tr>" for row in rows)
    more = rest(total, len(rows), what)
    tail = "" if more is None else f"<p>{escape(more)}</p>"
    return f'<table class="impact"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{tail}'


def _count(cell: str) -> bool:
    return cell.replace(",", "").isdigit()
