"""Derive findings from evidence, and findings from findings, in dependency order."""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence

from judgment._bundle import Bundle
from judgment._diagnostics import Diagnostic
from judgment._errors import JudgmentError
from judgment._evaluator._expression import Context, evaluate
from judgment._evaluator._values import describe, lift
from judgment._judgment import Finding
from judgment._lang import _ast as ast
from judgment._rulebook._model import FindingRule, Rulebook, Template
from judgment.evidence import Measure, Record

#: A rule whose variables could bind more combinations than this is refused, not left to run for hours.
MAX_BINDINGS_PER_RULE = 100_000


def derive_findings(rulebook: Rulebook, bundle: Bundle) -> dict[str, list[Finding]]:
    """Every finding, keyed by rule id, each list sorted by its bindings."""
    by_kind: dict[str, list[Record]] = defaultdict(list)
    for record in bundle.records:
        by_kind[record.kind].append(record)
    fired: dict[str, list[Finding]] = {}
    context = Context(kinds_present=frozenset(by_kind), findings_fired=fired)
    rules = {rule.id: rule for rule in rulebook.findings}
    for rule_id in rulebook.order:
        made = list(_fire(rules[rule_id], by_kind, context, fired))
        if made:
            fired[rule_id] = made
    return fired


def _fire(rule: FindingRule, by_kind: Mapping[str, Sequence[Record]], context: Context,
          fired: Mapping[str, list[Finding]]) -> list[Finding]:
    names = [name for name, _ in rule.when.variables]
    pools = [by_kind.get(kind, ()) for _, kind in rule.when.variables]
    size = 1
    for pool in pools:
        size *= len(pool)
    if size > MAX_BINDINGS_PER_RULE:
        raise JudgmentError([Diagnostic(
            "BAD_VALUE", f"rule {rule.id} would test {size:,} combinations of records; the limit is "
            f"{MAX_BINDINGS_PER_RULE:,}", rule.location, hint="narrow the rule to fewer records of each kind")])
    made = []
    for combination in itertools.product(*pools):
        if len({r.id for r in combination}) < len(combination):
            continue  # two variables never bind the same record
        bindings = dict(zip(names, combination))
        result = evaluate(rule.when.text, rule.when.node, bindings, context)
        if result.outcome is not True:
            continue
        derived = tuple(sorted(result.findings_used))
        evidence = set(result.records_used)
        for used in derived:
            for finding in fired[used]:
                evidence.update(finding.evidence)
        made.append(Finding(
            rule=rule.id, question=rule.question, polarity=rule.polarity,
            text=render_template(rule.text, bindings), evidence=tuple(sorted(evidence)),
            bindings={n: r.id for n, r in bindings.items()}, derived_from=derived, cite=rule.cite,
            source=rule.location.source, checks=tuple(result.checks)))
    return made


def render_template(template: Template, bindings: Mapping[str, Record]) -> str:
    text = template.text
    for written, path in template.fields:
        text = text.replace("{" + written + "}", describe(_resolve(path, bindings)), 1)
    return text.replace("{{", "{").replace("}}", "}")


def _resolve(path: ast.Path, bindings: Mapping[str, Record]) -> object:
    current: object = bindings.get(path.parts[0])
    for part in path.parts[1:]:
        if current is None:
            return None
        if isinstance(current, Measure):
            current = current.comparators.get(part) if part in current.comparators else getattr(current, part, None)
            current = lift(current)
        else:
            current = lift(getattr(current, part))
    return current


