"""The slower half of an update, fetched by the page after each edit: the what-if against the
original (judgment.what_if, with the tests that decided each finding gained or lost) and the
counterfactuals of the edited bundle (judgment.counterfactuals). Counterfactuals take longer than
an edit (the search judges many bundles), so they are not in the edit's round trip; the last
analysis is kept, and one made for an older state is marked with its version."""

from __future__ import annotations

import threading

from judgment._counterfactual import counterfactuals
from judgment._counterfactual._model import Counterfactuals
from judgment._counterfactual._render import _heading, change_words as counterfactual_change
from judgment._render._safe import html_text as escape
from judgment._render._words import check_words, polarity_label
from judgment._serve._state import Workbench
from judgment._whatif._compare import what_if
from judgment._whatif._render import change_words, decided_words, move_words
from judgment._whatif._result import FindingChange, WhatIf


class Analyst:
    """Analyses of one workbench, the last one kept (an unchanged page asks again for free)."""

    def __init__(self, bench: Workbench) -> None:
        self.bench = bench
        self._last: tuple[int, dict[str, object]] | None = None
        self._lock = threading.Lock()

    def analysis(self) -> dict[str, object]:
        with self._lock:
            version, changes, bundle = self.bench.snapshot()
            if self._last is not None and self._last[0] == version:
                return self._last[1]
            bench = self.bench
            found = counterfactuals(bench.rulebook, bundle, any_date=bench.any_date)
            made: dict[str, object] = {"version": version, "counterfactuals": counterfactuals_html(found)}
            if changes:
                made["changes"] = what_if_html(what_if(bench.rulebook, bench.original, changes,
                                                       any_date=bench.any_date))
            self._last = (version, made)
            return made


def what_if_html(result: WhatIf) -> str:
    parts = ['<h2>What if</h2><ol class="change-list">']
    parts += [f"<li><code>{escape(change_words(c))}</code></li>" for c in result.changes]
    parts.append('</ol><ul class="moves">')
    for question in result.questions:
        if not question.changed:
            continue
        way = question.direction or "unchanged"
        decided = decided_words(question)
        parts.append(f'<li class="moved {escape(way)}">{escape(question.title)}: {escape(move_words(question, chr(0x2192)))}'
                     + (f'<br><span class="small">{escape(decided)}</span>' if decided else "") + "<ul>")
        parts += [_finding("gained", "now made", f) for f in question.gained]
        parts += [_finding("lost", "no longer made", f) for f in question.lost]
        parts.append("</ul></li>")
    if not result.moved:
        parts.append("<li>The judgment is the same as the original's.</li>")
    return "".join(parts) + "</ul>"


def _finding(kind: str, words: str, finding: FindingChange) -> str:
    reasons = ([finding.note] if finding.note else []) + [check_words(c) for c in finding.reason]
    because = "".join(f"<li><code>{escape(r)}</code></li>" for r in reasons)
    return (f'<li class="{kind}">{escape(polarity_label(finding.polarity))} {words}: <code>{escape(finding.rule)}</code> '
            f"{escape(finding.text)}" + (f'<ul class="small">{because}</ul>' if because else "") + "</li>")


def counterfactuals_html(result: Counterfactuals) -> str:
    parts = [f"<h2>Counterfactuals</h2><p class=\"small\">The smallest evidence changes (at most "
             f"{result.max_changes}) that move each grade one step, each verified by judging it.</p>"]
    for question in result.questions:
        parts.append(f'<div class="counterfactual" data-question="{escape(question.question)}">'
                     f"<h3>{escape(question.title)}: {escape(result.label(question.grade))}</h3><ul>")
        for move in question.moves:
            ways = "".join(f"<li><code>{escape('; '.join(counterfactual_change(c) for c in found.changes))}</code>: "
                           f"{escape(found.explanation)}</li>" for found in move.counterfactuals)
            parts.append(f"<li>{escape(_heading(result, move))}" + (f"<ol>{ways}</ol>" if ways else "") + "</li>")
        parts.append("</ul></div>")
    return "\n".join(parts)
