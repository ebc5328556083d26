"""Compile every condition of a rulebook once, into one generated Python module."""

from __future__ import annotations

import weakref
from functools import cached_property
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from judgment._compiled._codegen import FunctionWriter, Tables, Test
from judgment._compiled._runtime import NAMES
from judgment._compiled._shared import shared_source
from judgment._lang import _ast as ast
from judgment._rulebook._model import Criterion, FindingRule, RecommendationRule, Rulebook
from judgment.evidence import Vocabulary

#: A generated condition: (scope, add trace event, bound records...) -> True, False or None (unknown).
ConditionFunction = Callable[..., "bool | None"]


@dataclass(frozen=True)
class CompiledFinding:
    rule: FindingRule
    test: ConditionFunction | None  # None: evaluated in its kind's shared function
    kinds: tuple[str, ...]  # the kind of each variable, in the function's parameter order


@dataclass(frozen=True)
class Stratum:
    """Finding rules that read only findings of earlier strata, so they can run together."""

    shared: tuple[tuple[str, ConditionFunction], ...]  # (kind, function over one record of it)
    one_by_one: tuple[int, ...]  # positions in Program.findings of rules with their own function


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
    strata: tuple[Stratum, ...]
    grading: dict[str, tuple[CompiledCriterion, ...]]
    overall: tuple[CompiledCriterion, ...]
    recommendations: tuple[CompiledRecommendation, ...]
    tests: tuple[Test, ...]  # a trace event's first element indexes this
    source: str  # the generated module, kept for debugging and for tests that read it
    neighbours: dict[str, dict[str | None, tuple[int, ...]]]  # question -> grade reached -> criteria of the grades beside it
    count_keys: tuple[tuple[tuple[str, str | None], ...], ...]  # per finding: the counts it adds to

    @cached_property
    def rule_ids(self) -> tuple[str, ...]:
        """Each finding rule's id, by its position in `findings`."""
        return tuple(compiled.rule.id for compiled in self.findings)


Variables = tuple[tuple[str, str], ...]  # (name, kind), in the generated function's parameter order


def compile_conditions(conditions: Sequence[tuple[str, ast.Node, Variables]], name: str = "<conditions>",
                       vocabulary: Vocabulary | None = None) -> tuple[list[ConditionFunction], Tables, str]:
    """Compile (text, checked node, variables) triples; functions in the same order.

    With the `vocabulary`, fields are read by their declared types (faster); without, by their values."""
    tables = Tables()
    sources = [_function(tables, f"c{i:d}", text, node, variables, vocabulary)
               for i, (text, node, variables) in enumerate(conditions)]
    namespace = _load(sources, tables, name)
    return [namespace[f"c{i:d}"] for i in range(len(conditions))], tables, "\n".join(sources)


def _function(tables: Tables, name: str, text: str, node: ast.Node, variables: Variables,
              vocabulary: Vocabulary | None) -> str:
    models = vocabulary.models if vocabulary is not None else {}
    writer = FunctionWriter(tables, text, tuple(v for v, _ in variables), {v: models[k] for v, k in variables
                                                                         if k in models})
    return writer.function(name, node)


def _load(sources: Sequence[str], tables: Tables, name: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__builtins__": {}, "K": tuple(tables.constants), **NAMES}
    # The source holds only this package's templates, local names and integers (see _codegen);
    # every rulebook string and number reaches the code through the constant table K.
    exec(compile("\n".join(sources), name, "exec"), namespace)  # noqa: S102
    return namespace


def compile_rulebook(rulebook: Rulebook) -> Program:
    tables, sources = Tables(), []
    by_id = {rule.id: rule for rule in rulebook.findings}
    ordered = [by_id[rule_id] for rule_id in rulebook.order]
    layout = []  # per stratum: (kind, shared function name), and rule positions
    for stratum, positions in enumerate(_strata(ordered)):
        by_kind: dict[str, list[tuple[int, FindingRule]]] = {}
        for position in positions:
            rule = ordered[position]
            if len(rule.when.variables) == 1:
                by_kind.setdefault(rule.when.variables[0][1], []).append((position, rule))
            else:
                sources.append(_function(tables, f"f{position:d}", rule.when.text, rule.when.node,
                                         rule.when.variables, rulebook.vocabulary))
        shared = [(kind, f"k{stratum:d}_{n:d}") for n, kind in enumerate(by_kind)]
        sources += [shared_source(tables, name, by_kind[kind], rulebook.vocabulary) for kind, name in shared]
        layout.append((shared, positions))
    criteria = [c for q in rulebook.grading for c in rulebook.grading[q]] + list(rulebook.overall.criteria)
    conditions = [c.when for c in criteria if c.when is not None] + [r.when for r in rulebook.recommendations]
    sources += [_function(tables, f"c{i:d}", c.text, c.node, c.variables, rulebook.vocabulary)
                for i, c in enumerate(conditions)]
    namespace = _load(sources, tables, f"<rulebook {rulebook.id} {rulebook.sha256[:12]}>")
    findings = tuple(CompiledFinding(r, namespace.get(f"f{i:d}"), tuple(k for _, k in r.when.variables))
                     for i, r in enumerate(ordered))
    strata = tuple(Stratum(tuple((kind, namespace[name]) for kind, name in shared),
                           tuple(p for p in positions if findings[p].test is not None)) for shared, positions in layout)
    made = iter(namespace[f"c{i:d}"] for i in range(len(conditions)))

    def criterion(c: Criterion) -> CompiledCriterion:
        return CompiledCriterion(c, None if c.when is None else next(made))

    grading = {q: tuple(criterion(c) for c in rulebook.grading[q]) for q in rulebook.grading}
    overall = tuple(criterion(c) for c in rulebook.overall.criteria)
    recommendations = tuple(CompiledRecommendation(r, next(made)) for r in rulebook.recommendations)
    count_keys = tuple(((c.rule.polarity, c.rule.question), (c.rule.polarity, None)) for c in findings)
    return Program(findings, strata, grading, overall, recommendations, tuple(tables.tests), "\n".join(sources),
                   {q: _neighbours(rulebook, criteria) for q, criteria in grading.items()}, count_keys)


def _neighbours(rulebook: Rulebook, criteria: Sequence[CompiledCriterion]) -> dict[str | None, tuple[int, ...]]:
    """For each grade a question may reach, its criteria giving the next better and next worse grade.
    A question left not graded (None) has no grade beside it: nothing to try."""
    found: dict[str | None, tuple[int, ...]] = {None: ()}
    for grade in rulebook.scale:
        beside = {g.id for g in rulebook.scale[max(grade.rank - 1, 0):grade.rank + 2] if g.id != grade.id}
        found[grade.id] = tuple(i for i, c in enumerate(criteria) if c.criterion.grade in beside)
    return found


def _strata(ordered: Sequence[FindingRule]) -> list[list[int]]:
    """Positions of rules by depth: a rule reading findings comes one stratum after the deepest it reads."""
    depth: dict[str, int] = {}
    strata: list[list[int]] = []
    for position, rule in enumerate(ordered):  # dependencies first, so each depth is known when needed
        depth[rule.id] = 1 + max((depth[used] for used in rule.when.findings_used), default=-1)
        while len(strata) <= depth[rule.id]:
            strata.append([])
        strata[depth[rule.id]].append(position)
    return strata


_PROGRAMS: weakref.WeakKeyDictionary[Rulebook, Program] = weakref.WeakKeyDictionary()


def program_for(rulebook: Rulebook) -> Program:
    """The compiled form of a loaded rulebook, made once and released with it."""
    program = _PROGRAMS.get(rulebook)
    if program is None:
        program = _PROGRAMS[rulebook] = compile_rulebook(rulebook)
    return program
