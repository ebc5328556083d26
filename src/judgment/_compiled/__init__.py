"""The compiled Python engine: each checked condition becomes one generated Python function.

It defines what a rulebook means and explains every outcome. durable_rules, the
engine of record, must make exactly the findings this engine makes.

    run(rulebook, bundle)          findings, grades, recommendations, raw trace events
    explain(run, engine)           the Judgment, in words
    judge_compiled(rulebook, b)    both
"""

from __future__ import annotations

from collections.abc import Mapping

from judgment._bundle import Bundle
from judgment._compiled._events import Event, checks
from judgment._compiled._explain import explain
from judgment._compiled._program import compile_conditions, program_for
from judgment._compiled._run import Made, Run, derive, derive_held, run
from judgment._compiled._runtime import Scope
from judgment._judgment import Check, Judgment
from judgment._lang import _ast as ast
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record, Vocabulary

ENGINE = "compiled"

#: (finding rule id, sorted (variable, record id) pairs): how two engines' findings are compared.
FindingKey = tuple[str, tuple[tuple[str, str], ...]]

__all__ = ["ENGINE", "FindingKey", "Made", "Run", "compile_conditions", "compiled_findings", "derive", "derive_held", "evaluate", "explain",
           "finding_keys", "keys_of", "rule_variables", "judge_compiled", "program_for", "run", "Scope"]


def judge_compiled(rulebook: Rulebook, bundle: Bundle) -> Judgment:
    """The compiled engine alone, no cross-check made (the bench's reference)."""
    return explain(run(rulebook, bundle), ENGINE, "not made")


def finding_keys(rulebook: Rulebook, fired: Mapping[str, list[Made]]) -> set[FindingKey]:
    """Each finding as (rule id, its bindings as sorted (variable, record id) pairs)."""
    return keys_of(rule_variables(rulebook), fired)


def rule_variables(rulebook: Rulebook) -> dict[str, tuple[str, ...]]:
    """Each finding rule's variables, in the order it binds them (a caller judging often keeps it)."""
    return {f.id: tuple(name for name, _ in f.when.variables) for f in rulebook.findings}


def keys_of(variables: Mapping[str, tuple[str, ...]], fired: Mapping[str, list[Made]]) -> set[FindingKey]:
    """`finding_keys`, with the rules' variables given (`rule_variables`)."""
    keys: set[FindingKey] = set()
    for rule, made in fired.items():
        names = variables[rule]
        if len(names) == 1:  # most rules: one record, nothing to sort
            name = names[0]
            keys.update([(rule, ((name, m[1][0].id),)) for m in made])
        else:
            keys.update([(rule, tuple(sorted(zip(names, [r.id for r in m[1]])))) for m in made])
    return keys


def compiled_findings(rulebook: Rulebook, bundle: Bundle) -> set[FindingKey]:
    """The findings the compiled engine makes: what durable_rules must make too."""
    return finding_keys(rulebook, derive(program_for(rulebook), bundle))


def evaluate(text: str, node: ast.Node, bindings: Mapping[str, Record], scope: Scope | None = None,
             vocabulary: Vocabulary | None = None) -> tuple[bool | None, tuple[Check, ...]]:
    """Compile one condition and evaluate it once: its outcome and its checks, in words.

    For tests and one-off questions; judging compiles a whole rulebook once instead."""
    variables = tuple((name, record.kind) for name, record in bindings.items())
    (function,), tables, _ = compile_conditions([(text, node, variables)], "<condition>", vocabulary)
    events: list[Event] = []
    outcome = function(scope or Scope(), events.append, *bindings.values())
    return outcome, checks(events, tables.tests)
