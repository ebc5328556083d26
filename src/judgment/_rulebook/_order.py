"""Stage 5: findings derived from findings must form no cycle; evaluate dependencies first."""

from __future__ import annotations

from collections.abc import Sequence
from graphlib import CycleError, TopologicalSorter

from judgment._diagnostics import Diagnostic
from judgment._rulebook._model import FindingRule


def evaluation_order(findings: Sequence[FindingRule], problems: list[Diagnostic]) -> tuple[str, ...]:
    """Finding ids, each after every finding its condition uses; ties keep file order."""
    by_id = {f.id: f for f in findings}
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for rule in findings:
        sorter.add(rule.id, *sorted(u for u in rule.when.findings_used if u in by_id))
    try:
        sorter.prepare()
    except CycleError as exc:
        cycle = list(exc.args[1])
        first = by_id[cycle[0]]
        problems.append(Diagnostic("CYCLE", "findings depend on each other in a cycle: " + " -> ".join(cycle),
                                   first.location, hint="a finding cannot depend, even indirectly, on itself"))
        return ()
    position = {f.id: i for i, f in enumerate(findings)}
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=position.__getitem__)
        order.extend(ready)
        sorter.done(*ready)
    return tuple(order)
