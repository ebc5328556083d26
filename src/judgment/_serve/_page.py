"""The workbench page and the fragments an edit sends back: the judgment as the HTML report shows
it, why not the next grade for each question, and the changes so far as a what-if against the
original. Everything from data goes through the _safe escaping; the page has no inline script or
style (the content security policy forbids both)."""

from __future__ import annotations

from judgment._judgment import Judgment
from judgment._render._html import _question
from judgment._render._safe import html_text as escape
from judgment._render._sources import records_quoted
from judgment._render._words import heading, neighbour_words, overall_words, rulebook_line
from judgment._serve._changes_view import changes_view
from judgment._serve._forms import evidence_forms
from judgment._serve._state import Workbench


def page(bench: Workbench, token: str) -> str:
    result = bench.judgment()
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f'<meta name="workbench-token" content="{escape(token)}">',
             f"<title>Workbench: {escape(heading(result))}</title>",
             '<link rel="stylesheet" href="/static/workbench.css"></head><body>',
             f"<header><h1>{escape(heading(result))}</h1><p class=\"meta\">{escape(rulebook_line(result))}</p>",
             '<nav><a href="/bundle.yaml" download id="download-bundle">Download the edited bundle</a> '
             '<a href="/record.json" download id="download-record">Download a sealed decision record</a> '
             '<button type="button" id="undo">Undo</button> <button type="button" id="reset">Reset</button></nav>'
             '<p id="status" role="status"></p></header>',
             '<main><div id="results">']
    fragments = fragments_of(bench, result)
    parts += [f'<section id="judgment">{fragments["judgment"]}</section>',
              f'<section id="why-not">{fragments["why-not"]}</section>',
              f'<section id="changes">{fragments["changes"]}</section>',
              f'<section id="counterfactuals" data-version="{bench.version}"><h2>Counterfactuals</h2>'
              "<p>Searching…</p></section>",
              '</div><form id="evidence" autocomplete="off"><h2>Evidence</h2>',
              evidence_forms(bench.bundle, bench.rulebook.vocabulary),
              "</form>", _adding(), "</main>", '<script src="/static/workbench.js"></script></body></html>']
    return "\n".join(parts) + "\n"


def fragments_of(bench: Workbench, result: Judgment | None = None) -> dict[str, str]:
    """What an edit replaces on the page (the evidence forms stay: the browser holds the edit)."""
    result = result or bench.judgment()
    return {"judgment": judgment_fragment(result), "why-not": why_not_fragment(result),
            "changes": changes_view(bench, result)}


def judgment_fragment(result: Judgment) -> str:
    quotes = records_quoted(result)
    overall = result.overall
    parts = [f'<div id="overall"><h2>{escape(overall.title)}</h2><p><span class="grade '
             f'{escape(overall.grade or "ungraded")}">{escape(overall_words(result))}</span></p></div>']
    parts += [_question(question, quotes, "fails") for question in result.questions]
    return "\n".join(parts)


def why_not_fragment(result: Judgment) -> str:
    parts = ["<h2>Why not the next grade</h2>"]
    for question in result.questions:
        lines = [line.strip() for direction in ("better", "worse")
                 if question.why_not is not None and (analysis := getattr(question.why_not, direction)) is not None
                 for line in neighbour_words(analysis, direction)]
        items = "".join(f"<li>{escape(line)}</li>" for line in lines) or "<li>Nothing: no neighbouring grade.</li>"
        parts.append(f'<div class="why-not" data-question="{escape(question.id)}"><h3>{escape(question.title)}'
                     f"</h3><ul>{items}</ul></div>")
    return "\n".join(parts)


def _adding() -> str:
    """A record to add, written as a bundle file would hold it (JSON): id, kind, provenance, fields."""
    return ('<form id="add-record" autocomplete="off"><h2>Add a record</h2><label for="new-record">The record as '
            'JSON (id, kind, provenance, fields)</label><textarea id="new-record" rows="6"></textarea>'
            '<button type="submit">Add</button><span class="field-error" data-record="" data-path="add"></span></form>')
