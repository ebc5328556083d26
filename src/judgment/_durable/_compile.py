"""Compile a checked rulebook's finding rules into one durable_rules ruleset.

Each finding rule becomes one engine rule per disjunct of ``T(condition)``.
Every engine rule binds one pattern per condition variable (so a finding is
made once per binding of all of them, as the compiled engine does), plus a
pattern per kind marker and finding status it tests. The compiler emits only:
``all`` over at most 16 patterns; in each pattern an ``$and`` of equality on
our own type tags and constant comparisons (``$eq $neq $lt $lte $gt $gte``) on
our own property names. No joins, ``$or``, ``$not``, ``$div``, ``$mt``, ``count``,
``cap``, events or rules on the session state.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import TYPE_CHECKING
from dataclasses import dataclass, field

from judgment._compiled._program import ConditionFunction, compile_conditions

from judgment._diagnostics import Diagnostic
from judgment._durable._encode import EncodedFacts, EncodingError, Prop, RecordEncoder, format_number, format_string
from judgment._durable._limits_report import engine_limits
from judgment._durable._logic import Literal, Marker, Residual, Status, Test, to_dnf
from judgment._durable._translate import Translator
from judgment._errors import RuleFileError
from judgment._lang import _ast as ast
from judgment._rulebook._model import FindingRule, Rulebook
from judgment.evidence import Record

if TYPE_CHECKING:
    from judgment._bundle import Bundle

MAX_DISJUNCTS = 32
MAX_PATTERNS = 16  # a rule with 17 patterns compiles, then fails when facts arrive
SENTINEL_RULE = "open"
_OPS = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


@dataclass(frozen=True)
class EngineRule:
    """One engine rule: which finding it makes, its variables' pattern names, what Python still checks."""

    name: str
    finding: str
    variables: tuple[tuple[str, str, str], ...]  # (pattern, variable, kind)
    residual: tuple[Residual, ...]
    residual_tests: tuple[tuple[ConditionFunction, bool], ...] = ()  # compiled residual, with the outcome wanted
    in_order: tuple[int, ...] = ()  # the finding's `unordered` variables, by place: checked in Python on ids
    variable_names: tuple[str, ...] = field(init=False)
    patterns: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "variable_names", tuple(variable for _, variable, _ in self.variables))
        object.__setattr__(self, "patterns", tuple(pattern for pattern, _, _ in self.variables))


@dataclass
class Compiled:
    definition: dict[str, object]
    rules: dict[str, EngineRule]
    props: dict[str, set[Prop]] = field(default_factory=lambda: defaultdict(set))  # kind -> props to encode
    kinds_marked: set[str] = field(default_factory=set)
    findings_tracked: set[str] = field(default_factory=set)
    _facts: EncodedFacts[Record, str] = field(default_factory=EncodedFacts)
    # A bundle's records, with their bodies encoded together.
    _bundles: EncodedFacts[Bundle, tuple[tuple[Record, ...], list[str]]] = field(default_factory=EncodedFacts)
    _encoders: dict[str, RecordEncoder] = field(default_factory=dict)

    def encoded(self, record: Record) -> str:
        """The record as a fact body, encoded once while the record lives."""
        encoder = self._encoders.get(record.kind) or self.encoder(record.kind)
        return self._facts.get(record, encoder.encode)

    def encoded_records(self, bundle: Bundle) -> list[str]:
        """The bundle's records as fact bodies, in order: one look-up for a bundle judged again
        (repeated batches, what-ifs) instead of one a record. Raises EncodingError as `encoded` does."""
        records = bundle.records
        cached = self._bundles.get(bundle, lambda _: (records, [self.encoded(r) for r in records]))
        if cached[0] is not records:  # a copy made with other records (model_copy): not what was cached
            return [self.encoded(r) for r in records]
        return cached[1]

    def encoder(self, kind: str) -> RecordEncoder:
        """The encoder of a kind's records (cached: the ruleset never changes)."""
        if kind not in self._encoders:
            self._encoders[kind] = RecordEncoder(kind, self.sorted_props(kind))
        return self._encoders[kind]

    def sorted_props(self, kind: str) -> tuple[Prop, ...]:
        """The properties to encode for a kind, in a fixed order (cached: the ruleset never changes)."""
        cache = self.__dict__.setdefault("_sorted", {})
        if kind not in cache:
            cache[kind] = tuple(sorted(self.props.get(kind, ()), key=lambda p: p.name))
        return cache[kind]  # type: ignore[no-any-return]


def compile_rulebook(rulebook: Rulebook) -> Compiled:
    compiled = Compiled({SENTINEL_RULE: {"all": [{"m": {"t": "o"}}]}}, {})
    problems: list[Diagnostic] = []
    for rule in rulebook.findings:
        _compile_rule(rulebook, rule, compiled, problems)
    problems.extend(engine_limits(rulebook, compiled))
    if problems:
        raise RuleFileError(problems)
    _compile_residuals(compiled, rulebook)
    return compiled


def _compile_residuals(compiled: Compiled, rulebook: Rulebook) -> None:
    """Residual tests run as compiled Python, with the engine rule's variables as parameters."""
    pending = [(rule, residual) for rule in compiled.rules.values() for residual in rule.residual]
    functions, _, _ = compile_conditions(
        [("", residual.node, tuple((variable, kind) for _, variable, kind in rule.variables))
         for rule, residual in pending], "<durable_rules residual tests>", rulebook.vocabulary)
    tests: dict[str, list[tuple[ConditionFunction, bool]]] = defaultdict(list)
    for (rule, residual), function in zip(pending, functions):
        tests[rule.name].append((function, residual.want))
    for name, rule_tests in tests.items():
        compiled.rules[name] = dataclasses.replace(compiled.rules[name], residual_tests=tuple(rule_tests))


def _compile_rule(rulebook: Rulebook, rule: FindingRule, compiled: Compiled, problems: list[Diagnostic]) -> None:
    variables = dict(rule.when.variables)
    translator = Translator(rulebook.vocabulary, variables)
    disjuncts = to_dnf(translator.formula(rule.when.node, True), MAX_DISJUNCTS)
    if disjuncts is None:  # too many alternatives: the engine binds, Python decides
        disjuncts = [(Residual(rule.when.node, True),)]
    for literals in disjuncts:
        if any(isinstance(lit, Residual) and _tests_session(lit.node) for lit in literals):
            # Python would read presence or findings outside the engine's truth maintenance.
            problems.append(Diagnostic(
                "ENGINE_LIMIT", f"rule {rule.id} tests present(), missing() or finding() in a way durable_rules "
                f"cannot track (inside a comparison, or among more than {MAX_DISJUNCTS} alternatives)",
                rule.when.location, hint="test them directly, and split long conditions into several findings"))
            return
    for index, literals in enumerate(disjuncts):
        name = f"{rule.id}#{index}"
        patterns, engine_rule = _patterns(name, rule.id, variables, literals, compiled)
        if len(patterns) > MAX_PATTERNS:
            problems.append(Diagnostic("ENGINE_LIMIT", f"rule {rule.id} needs {len(patterns)} patterns; durable_rules "
                                       f"matches at most {MAX_PATTERNS}", rule.when.location,
                                       hint="split the condition into findings combined with finding(...)"))
            return
        definition = {"all": [{p: c} for p, c in patterns]}
        try:
            render_definition(definition)
        except EncodingError as exc:
            problems.append(Diagnostic("ENGINE_LIMIT", f"rule {rule.id} compares with a constant durable_rules "
                                       f"cannot hold: {exc}", rule.when.location,
                                       hint="write the constant as a finite number, or a shorter string"))
            return
        compiled.definition[name] = definition
        # `unordered` is kept out of the ruleset: comparing two facts' ids inside an `$and` is a
        # join on `id` with a non-equality test, both of which crash durable_rules 2.0.28.
        compiled.rules[name] = dataclasses.replace(engine_rule, in_order=rule.in_order)


def _patterns(name: str, finding: str, variables: dict[str, str], literals: tuple[Literal, ...],
              compiled: Compiled) -> tuple[list[tuple[str, object]], EngineRule]:
    tests: dict[str, list[Test]] = defaultdict(list)
    patterns: list[tuple[str, object]] = []
    bound = []
    for literal in literals:
        if isinstance(literal, Test):
            tests[literal.variable].append(literal)
    for index, (variable, kind) in enumerate(variables.items()):
        pattern = f"v{index}"
        conditions: list[object] = [{"t": "r"}, {"k": kind}]
        for test in tests[variable]:
            compiled.props[kind].add(test.prop)
            conditions.append(_condition(test))
        patterns.append((pattern, {"$and": conditions}))
        bound.append((pattern, variable, kind))
    for index, literal in enumerate(dict.fromkeys(lit for lit in literals if isinstance(lit, (Marker, Status)))):
        if isinstance(literal, Marker):
            compiled.kinds_marked.add(literal.kind)
            body = [{"t": "k"}, {"k": literal.kind}, {"present": 1.0 if literal.present else 0.0}]
        else:
            compiled.findings_tracked.add(literal.rule)
            body = [{"t": "s"}, {"rule": literal.rule}, {"made": 1.0 if literal.made else 0.0}]
        patterns.append((f"c{index}", {"$and": body}))
    if not patterns:  # nothing to match on: fire once per session, on its opening fact
        patterns.append(("o", {"t": "o"}))
    residual = tuple(lit for lit in literals if isinstance(lit, Residual))
    return patterns, EngineRule(name, finding, tuple(bound), residual)


def _tests_session(node: ast.Node) -> bool:
    return any(isinstance(n, ast.Call) and n.name in ("present", "missing", "finding") for n in ast.walk(node))


def _condition(test: Test) -> object:
    if test.op == "==":
        return {test.prop.name: test.value}
    return {_OPS[test.op]: {test.prop.name: test.value}}


def render_definition(value: object) -> str:
    """The ruleset as JSON in the encoder's dialect: floats with a fraction digit, ASCII strings."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{format_string(k)}:{render_definition(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(render_definition(v) for v in value) + "]"
    if isinstance(value, str):
        return format_string(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"unexpected value in a ruleset: {value!r}")
    return format_number(float(value))
