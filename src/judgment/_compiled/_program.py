"""Compile every condition of a rulebook once, into one generated Python module."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from judgment._compiled._codegen import FunctionWriter, Tables, Test
from judgment._compiled._runtime import NAMES
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, Criterion, FindingRule, RecommendationRule, Rulebook
from judgment.evidence import Vocabulary

#: A generated condition: (scope, add trace event, bound records...) -> True, False or None (unknown).
ConditionFunction = Callable[..., "bool | None"]


@dataclass(frozen=True)
class CompiledFinding:
    rule: FindingRule
    test: ConditionFunction
    kinds: tuple[str, ...]  # the kind of each variable, in the function's parameter order


@dataclass(frozen=True)
class CompiledCriterion:
    criterion: Criterion
    test: ConditionFunction | None  # None: 'otherwise'


@dataclass(frozen=True)
class CompiledRecommendation:
    rule: RecommendationRule
    test: ConditionFunction


@dataclass(frozen=True)
class Program:
    """A rulebook's conditions as Python functions, with the trace tables they write against."""

    findings: tuple[CompiledFinding, ...]  # in evaluation order: dependencies first
    grading: dict[str, tuple[CompiledCriterion, ...]]
    overall: tuple[CompiledCriterion, ...]
    recommendations: tuple[CompiledRecommendation, ...]
    tests: tuple[Test, ...]  # a trace event's first element indexes this
    source: str  # the generated module, kept for debugging and for tests that read it


Variables = tuple[tuple[str, str], ...]  # (name, kind), in the generated function's parameter order


def compile_conditions(conditions: Sequence[tuple[str, ast.Node, Variables]], name: str = "<conditions>",
                       vocabulary: Vocabulary | None = None) -> tuple[list[ConditionFunction], Tables, str]:
    """Compile (text, checked node, variables) triples; functions in the same order.

    With the `vocabulary`, fields are read by their declared types (faster); without, by their values."""
    tables = Tables()
    models = vocabulary.models if vocabulary is not None else {}
    sources = [FunctionWriter(tables, text, tuple(v for v, _ in variables),
                              {v: models[k] for v, k in variables if k in models}).function(f"c{i:d}", node)
               for i, (text, node, variables) in enumerate(conditions)]
    source = "\n".join(sources)
    namespace: dict[str, Any] = {"__builtins__": {}, "K": tuple(tables.constants), **NAMES}
    # The source holds only this package's templates, local names and integers (see _codegen);
    # every rulebook string and number reaches the code through the constant table K.
    exec(compile(source, name, "exec"), namespace)  # noqa: S102
    return [namespace[f"c{i:d}"] for i in range(len(conditions))], tables, source


def compile_rulebook(rulebook: Rulebook) -> Program:
    findings = {rule.id: rule for rule in rulebook.findings}
    ordered = [findings[rule_id] for rule_id in rulebook.order]
    criteria = [(q, c) for q in rulebook.grading for c in rulebook.grading[q]]
    conditions: list[Condition] = [r.when for r in ordered]
    conditions += [c.when for _, c in criteria if c.when is not None]
    conditions += [c.when for c in rulebook.overall.criteria if c.when is not None]
    conditions += [r.when for r in rulebook.recommendations]
    functions, tables, source = compile_conditions(
        [(c.text, c.node, c.variables) for c in conditions], f"<rulebook {rulebook.id} {rulebook.sha256[:12]}>",
        rulebook.vocabulary)
    made = iter(functions)
    compiled_findings = tuple(CompiledFinding(r, next(made), tuple(k for _, k in r.when.variables)) for r in ordered)

    def criterion(c: Criterion) -> CompiledCriterion:
        return CompiledCriterion(c, None if c.when is None else next(made))

    grading = {q: tuple(criterion(c) for c in rulebook.grading[q]) for q in rulebook.grading}
    overall = tuple(criterion(c) for c in rulebook.overall.criteria)
    recommendations = tuple(CompiledRecommendation(r, next(made)) for r in rulebook.recommendations)
    return Program(compiled_findings, grading, overall, recommendations, tuple(tables.tests), source)


_PROGRAMS: weakref.WeakKeyDictionary[Rulebook, Program] = weakref.WeakKeyDictionary()


def program_for(rulebook: Rulebook) -> Program:
    """The compiled form of a loaded rulebook, made once and released with it."""
    program = _PROGRAMS.get(rulebook)
    if program is None:
        program = _PROGRAMS[rulebook] = compile_rulebook(rulebook)
    return program
