"""The impact in words, shared by the text, Markdown and HTML renderers (each escapes what it writes).

Written for an inspector: the summary says how many bundles changed and which way, before any table."""

from __future__ import annotations

from judgment._impact._result import Affected, Identity, Impact, QuestionImpact, Responsible
from judgment._impact._rules import RuleChange

#: Bundles, rules and failures listed in text and Markdown (and HTML: HTML_LIMIT); JSON lists them all.
LIST_LIMIT = 20
#: Rules changed listed in text and Markdown (HTML: HTML_LIMIT).
RULES_LIMIT = 40
HTML_LIMIT = 200

SIDES = {"old_only": "old only", "new_only": "new only"}
KINDS = {"finding": "finding", "criterion": "grading criterion"}


def title(impact: Impact) -> str:
    old, new = (f"{i.id} {i.version}" for i in (impact.old, impact.new))
    if old == new:  # the same id and version: told apart by their folders
        old, new = f"{old} ({impact.old.folder})", f"{new} ({impact.new.folder})"
    return f"Impact of {old} -> {new}"


def rulebook_lines(impact: Impact) -> list[str]:
    return [f"{side}: {identity.id} {identity.version} in {identity.folder}, in force {validity(identity)} "
            f"(sha256 {identity.sha256[:12]})" for side, identity in (("old", impact.old), ("new", impact.new))]


def validity(identity: Identity) -> str:
    return f"{identity.valid_from} to {identity.valid_to}" if identity.valid_to else f"from {identity.valid_from}"



def plural(count: int, noun: str, many: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


#: The columns of the rules responsible, in every format.
RESPONSIBLE_HEADER = ["rule", "kind", "side", "bundles", "grade changed", "the rule itself"]


def responsible_row(r: Responsible) -> list[str]:
    return [r.rule, KINDS[r.kind], SIDES[r.side], f"{r.bundles:,}", f"{r.changed:,}", r.definition]


def summary_lines(impact: Impact) -> list[str]:
    lines = [f"{impact.changed:,} of {plural(impact.bundles, 'bundle')} changed grade on at least one question "
             f"({impact.judged - impact.changed:,} unchanged)."]
    for side, identity, outside in (("old", impact.old, impact.outside_old), ("new", impact.new, impact.outside_new)):
        if outside:
            lines.append(f"{outside:,} of {plural(impact.judged, 'bundle')} are dated outside the {side} version's "
                         f"validity ({validity(identity)}), and were judged under it all the same.")
    if impact.failed:
        lines.append(f"{plural(len(impact.failed), 'bundle')} could not be judged under one version or both "
                     "(listed below), and are left out of the counts.")
    for question in (*impact.questions, *([impact.overall] if impact.overall else [])):
        lines.append(f"{question.title}{' ' if question.title.endswith('?') else ': '}{question_change(question)}.")
    moving = [r for r in impact.responsible if r.changed]
    if moving:
        top = moving[0]
        lines.append(f"Most grades moved with the {KINDS[top.kind]} {top.rule} ({responsible_words(top)}).")
    elif impact.responsible:
        lines.append(f"Findings or deciding criteria differ in some bundles ({plural(len(impact.responsible), 'rule')}), "
                     "but no grade moved with them.")
    lines.append(f"Rules changed: {rules_changed_words(impact)}.")
    return lines


def question_change(question: QuestionImpact) -> str:
    if not question.changed:
        return f"no judgment changed (of {question.judged:,})"
    ways = [f"{question.up:,} up", f"{question.down:,} down"]
    other = question.changed - question.up - question.down
    if other:
        ways.append(f"{other:,} into or out of not graded")
    return f"{question.changed:,} of {question.judged:,} judgments changed ({', '.join(ways)})"


def responsible_words(responsible: Responsible) -> str:
    made = "made" if responsible.kind == "finding" else "deciding"
    return (f"{made} under the {SIDES[responsible.side].replace(' only', '')} version only in "
            f"{plural(responsible.bundles, 'bundle')}, {responsible.changed:,} of them with the grade changed")


def rules_changed_words(impact: Impact) -> str:
    if not impact.files:
        return "none (every rule file has the same SHA-256)"
    counts: dict[str, int] = {}
    for rule in impact.rules:
        counts[rule.status] = counts.get(rule.status, 0) + 1
    rules = ", ".join(f"{n:,} {status}" for status, n in sorted(counts.items())) or "no rule's definition"
    files = plural(len(impact.files), "rule file differs", "rule files differ")
    return f"{files} by SHA-256; rules: {rules}"


def moves_words(impact: Impact, affected: Affected) -> str:
    return "; ".join(f"{move.question}: {impact.label(move.old)} -> {impact.label(move.new)}" for move in affected.moves)


def grade_axis(impact: Impact, question: QuestionImpact) -> list[str | None]:
    """The grades a transition table shows: the whole scale, then not graded if it occurs."""
    axis: list[str | None] = [g for g, _ in impact.grades]
    if any(t.old is None or t.new is None for t in question.transitions):
        axis.append(None)
    return axis


def matrix(question: QuestionImpact, axis: list[str | None]) -> list[list[int]]:
    """counts[old][new] over `axis`."""
    counts = {(t.old, t.new): t.count for t in question.transitions}
    return [[counts.get((a, b), 0) for b in axis] for a in axis]


def condition_words(rule: RuleChange) -> list[str]:
    """A changed condition, as it was and as it is now, each folded on one line; none when the
    condition did not change (its text, cite or grade did)."""
    if rule.old_when is None or rule.new_when is None:
        return []
    return [f"was: {' '.join(rule.old_when.split())}", f"now: {' '.join(rule.new_when.split())}"]


def rest(total: int, shown: int, what: str) -> str | None:
    if total <= shown:
        return None
    return f"... and {plural(total - shown, what)} more (every one is in --format json)."
