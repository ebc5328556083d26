"""The changes so far, shown as a what-if against the original bundle: each change as the inspector
made it, then the grades that moved (and which way) and the findings gained and lost."""

from __future__ import annotations

from judgment._judgment import Judgment
from judgment._render._safe import html_text as escape
from judgment._serve._state import Workbench
from judgment._whatif._changes import Change, DropRecord, SetField


def change_words(change: Change) -> str:
    if isinstance(change, SetField):
        return f"{change.record}.{change.path} = {_shown(change.value)}"
    if isinstance(change, DropRecord):
        return f"drop {change.record}"
    return f"add {change.data.get('id', '(no id)')!s} ({change.data.get('kind', '?')!s})"


def changes_view(bench: Workbench, result: Judgment) -> str:
    if not bench.changes:
        return "<h2>What if</h2><p>No changes yet: this is the judgment of the bundle as loaded.</p>"
    parts = ["<h2>What if</h2><ol class=\"change-list\">"]
    parts += [f"<li><code>{escape(change_words(c))}</code></li>" for c in bench.changes]
    parts.append("</ol>")
    order = {grade.id: grade.rank for grade in bench.rulebook.scale}
    parts.append(_moves(bench.original_judgment, result, order))
    return "\n".join(parts)


def _moves(before: Judgment, after: Judgment, order: dict[str, int]) -> str:
    """Grades that moved (up: towards the scale's best) and findings gained and lost, per question."""
    lines = []
    earlier = {q.id: q for q in before.questions}
    for question in after.questions:
        old = earlier.get(question.id)
        if old is None:
            continue
        if old.grade != question.grade:
            way = _way(order, old.grade, question.grade)
            lines.append(f"<li class=\"moved {way}\">{escape(question.title)}: {escape(old.label or 'Not graded')}"
                         f" \u2192 {escape(question.label or 'Not graded')} ({way})</li>")
        was = {(f.rule, f.text) for f in old.findings}
        now = {(f.rule, f.text) for f in question.findings}
        lines += [f"<li class=\"gained\">{escape(question.title)}: gains <code>{escape(rule)}</code>: {escape(text)}</li>"
                  for rule, text in sorted(now - was)]
        lines += [f"<li class=\"lost\">{escape(question.title)}: loses <code>{escape(rule)}</code>: {escape(text)}</li>"
                  for rule, text in sorted(was - now)]
    if not lines:
        return "<p>The judgment is the same as the original's.</p>"
    return "<ul class=\"moves\">" + "".join(lines) + "</ul>"


def _way(order: dict[str, int], old: str | None, new: str | None) -> str:
    if old in order and new in order:
        return "up" if order[new] < order[old] else "down"
    return "changed"


def _shown(value: object) -> str:
    if value is None:
        return "(not given)"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
