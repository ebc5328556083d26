"""What a recommendation rests on: the findings its condition named or counted, the grades it read.

A recommendation's condition may name findings (``finding(x)``), count them
(``count(polarity)``, ``any(polarity, question)``) or read a question's grade
(``grade(question)``). Its 'because of' must say which: a count is a number, so
the findings it counted are the finding rules of that polarity (for that
question, or any) that made a finding, as ``count`` itself counts them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from judgment._compiled._codegen import Test
from judgment._compiled._events import Event, findings_used
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, Rulebook


def because(rulebook: Rulebook, when: Condition, made: Mapping[str, Sequence[object]],
            grades: Mapping[str, str | None],
            events: Sequence[Event] | None, tests: Sequence[Test]) -> tuple[tuple[str, ...], dict[str, str]]:
    """(finding rule ids named and made or counted, sorted; question id -> grade read)."""
    found = set(findings_used(events, tests))
    read: dict[str, str] = {}
    for node in ast.walk(when.node):
        if not isinstance(node, ast.Call):
            continue
        names = [a.parts[0] for a in node.args if isinstance(a, ast.Path)]
        if node.name in ("count", "any") and names:
            found.update(_counted(rulebook, made, names[0], names[1] if len(names) > 1 else None))
        elif node.name == "grade" and names and grades.get(names[0]) is not None:
            read[names[0]] = str(grades[names[0]])
    return tuple(sorted(found)), dict(sorted(read.items()))


def _counted(rulebook: Rulebook, made: Mapping[str, Sequence[object]], polarity: str,
             question: str | None) -> set[str]:
    return {rule.id for rule in rulebook.findings if made.get(rule.id) and rule.polarity == polarity
            and (question is None or rule.question == question)}
