"""The evidence each question reads: the kinds of record its finding rules test.

A question none of whose kinds is in a bundle is graded from no evidence at all; `judgment check
RULES BUNDLE` warns about it (NO_EVIDENCE_READ), and a rulebook can leave such a question not graded
with a criterion ``not_graded: insufficient evidence`` whose condition is ``missing(kind) and ...``
over these kinds (docs/rule-files.md, "Questions graded from no evidence").
"""

from __future__ import annotations

from judgment._bundle import Bundle
from judgment._diagnostics import Diagnostic, Location
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, Rulebook


def kinds_read(rulebook: Rulebook) -> dict[str, frozenset[str]]:
    """For each question, the kinds its finding rules read, directly or through a finding they read."""
    reads: dict[str, set[str]] = {}
    by_rule: dict[str, set[str]] = {}
    for rule in rulebook.findings:  # in dependency order: a finding read is defined before its reader
        kinds = {kind for _, kind in rule.when.variables}
        kinds |= _present_or_missing(rule.when)
        for used in rule.when.findings_used:
            kinds |= by_rule.get(used, set())
        by_rule[rule.id] = kinds
        reads.setdefault(rule.question, set()).update(kinds)
    return {question: frozenset(kinds) for question, kinds in reads.items()}


def _present_or_missing(condition: Condition) -> set[str]:
    """The kinds a condition tests with ``present(kind)`` or ``missing(kind)``."""
    return {node.args[0].parts[0] for node in ast.walk(condition.node)
            if isinstance(node, ast.Call) and node.name in ("present", "missing") and node.args
            and isinstance(node.args[0], ast.Path)}


def unread_questions(rulebook: Rulebook, bundle: Bundle) -> list[Diagnostic]:
    """A warning, at the bundle, for each question whose finding rules read only kinds it lacks."""
    warnings = []
    for question, kinds in sorted(kinds_read(rulebook).items()):
        if kinds and not kinds & bundle.kinds:
            listed = sorted(kinds)
            named = listed[0] if len(listed) == 1 else f"{', '.join(listed[:-1])} or {listed[-1]}"
            warnings.append(Diagnostic(
                "NO_EVIDENCE_READ", f"question {question!r} has no evidence its finding rules read: the bundle "
                f"has no {named} record", Location(bundle.origin), severity="warning",
                hint="add the evidence the report gives; without it no finding of this question can be made, "
                     "and a rulebook may leave it not graded ('not_graded: insufficient evidence')"))
    return warnings
