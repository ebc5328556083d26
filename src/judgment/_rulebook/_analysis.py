"""Stage 6: what the rules can and cannot do, treating findings as independent booleans.

Every combination of finding counts (each polarity of a question from none to all of its
rules), of the findings criteria name, of the record kinds they test with present() or missing(),
and of the grades of the questions they read (or none, for a question that may be left not
graded) is tried. A criterion that holds in none can never hold; one that holds only where an earlier
criterion already holds is shadowed; a grade no combination produces is unreachable.
Whether a finding rule can fire over real evidence is for the property tests.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from judgment._diagnostics import Diagnostic
from judgment._compiled._program import ConditionFunction, compile_conditions
from judgment._compiled._runtime import Scope
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition, Criterion, Rulebook

MAX_COMBINATIONS = 50_000
Pair = tuple[str, str | None]  # (polarity, question; None: every question)
#: What to do with an `otherwise` that can never decide; the no_dead_rule property says it too.
OTHERWISE_HINT = "make the last real band the `otherwise`"


def analyse(rulebook: Rulebook) -> list[Diagnostic]:
    warnings: list[Diagnostic] = []
    reached: set[str | None] = set()
    for question in rulebook.questions:
        reached |= _criteria(rulebook, rulebook.grading[question.id], question.id, warnings)
    if rulebook.overall.method == "criteria":
        reached |= _criteria(rulebook, rulebook.overall.criteria, None, warnings)
    for grade in rulebook.scale:
        if grade.id not in reached:
            warnings.append(Diagnostic("GRADE_UNREACHABLE", f"no criterion can give the grade {grade.id!r}",
                                       grade.location or rulebook.findings[0].location, severity="warning",
                                       hint="add a criterion for it, or remove it from the scale"))
    warnings += _unused_findings(rulebook)
    return warnings


def _criteria(rulebook: Rulebook, criteria: Sequence[Criterion], question: str | None,
              warnings: list[Diagnostic]) -> set[str | None]:
    conditions = [c.when for c in criteria if c.when is not None]
    pairs = sorted({_pair(call, question) for c in conditions for call in _calls(c, ("count", "any", "total"))},
                   key=str)
    named = sorted({name for c in conditions for name in c.findings_used})
    kinds = sorted({_arg(call, 0) for c in conditions for call in _calls(c, ("present", "missing"))})
    graded = sorted({_arg(call, 0) for c in conditions for call in _calls(c, ("grade",))})
    overall_questions = list(rulebook.overall.questions) if question is None else []
    assignments = _assignments(rulebook, pairs, named, graded + overall_questions, kinds)
    if assignments is None:
        return {c.grade for c in criteria}  # too many combinations to try: assume every grade is reachable
    tests = _compiled(criteria)
    holds = [[False] * len(assignments) for _ in criteria]
    for column, assignment in enumerate(assignments):
        scope = _scope(rulebook, assignment, question)
        for row, test in enumerate(tests):
            holds[row][column] = test is None or test(scope, _ignore) is True
    reached: set[str | None] = set()
    for column in range(len(assignments)):
        first = next(row for row in range(len(criteria)) if holds[row][column])
        reached.add(criteria[first].grade)
    for row, criterion in enumerate(criteria):
        if criterion.when is None:  # the required `otherwise`: warn when the criteria before it cover every case
            if row and assignments and all(any(holds[e][c] for e in range(row)) for c in range(len(assignments))):
                warnings.append(_otherwise_covered(criterion, question))
            continue
        columns = [c for c in range(len(assignments)) if holds[row][c]]
        if not columns:
            warnings.append(Diagnostic("CRITERION_NEVER_HOLDS", f"criterion {criterion.id} can never hold"
                                       f"{_for(question)}",
                                       criterion.location, severity="warning",
                                       hint="whatever findings are made, its condition is false"))
        elif all(any(holds[earlier][c] for earlier in range(row)) for c in columns):
            warnings.append(Diagnostic("CRITERION_SHADOWED", f"criterion {criterion.id} is never reached{_for(question)}: "
                                       "an earlier criterion holds whenever it does", criterion.location,
                                       severity="warning", hint="reorder the criteria, or narrow the earlier one"))
    return reached


def _otherwise_covered(criterion: Criterion, question: str | None) -> Diagnostic:
    """Every list must end with `otherwise`; when the bands before it cover every case, the last of them should be it."""
    return Diagnostic("CRITERION_SHADOWED", f"criterion {criterion.id} is never reached{_for(question)}: the criteria "
                      "before it cover every case", criterion.location, severity="warning",
                      hint=f"{OTHERWISE_HINT}, and drop this one")


def _for(question: str | None) -> str:
    return f" for question {question}" if question else " in the overall judgment"


Assignment = tuple[dict[Pair, int], set[str], dict[str, str | None], frozenset[str]]


def _assignments(rulebook: Rulebook, pairs: Sequence[Pair], named: Sequence[str],
                 graded: Sequence[str], kinds: Sequence[str] = ()) -> list[Assignment] | None:
    totals = {pair: rulebook.finding_totals.get(pair, 0) for pair in pairs}
    questions = sorted(set(graded))
    options = [_outcomes(rulebook, q) for q in questions]
    size = 2 ** (len(named) + len(kinds))
    for pair in pairs:
        size *= totals[pair] + 1
    for outcomes in options:
        size *= len(outcomes)
    if size > MAX_COMBINATIONS:
        return None
    found = []
    for counts in itertools.product(*(range(totals[p] + 1) for p in pairs)):
        for truths in itertools.product((False, True), repeat=len(named)):
            made = {name for name, true in zip(named, truths) if true}
            if not _consistent(rulebook, dict(zip(pairs, counts)), named, made):
                continue
            for chosen in itertools.product(*options):
                for present in itertools.product((False, True), repeat=len(kinds)):
                    found.append((dict(zip(pairs, counts)), made, dict(zip(questions, chosen)),
                                  frozenset(k for k, here in zip(kinds, present) if here)))
    return found


def _outcomes(rulebook: Rulebook, question: str) -> list[str | None]:
    """What a question may reach: each grade of the scale, and none when a criterion of it gives no grade."""
    grades: list[str | None] = [g.id for g in rulebook.scale]
    criteria = rulebook.grading.get(question, ())
    return grades + [None] if any(c.grade is None for c in criteria) else grades


def _consistent(rulebook: Rulebook, counts: dict[Pair, int], named: Sequence[str], made: set[str]) -> bool:
    """A count cannot be below the named findings made, nor above what the unmade ones leave."""
    for (polarity, question), count in counts.items():
        rules = [r for r in rulebook.findings if r.polarity == polarity and question in (None, r.question)]
        true = sum(1 for r in rules if r.id in made)
        false = sum(1 for r in rules if r.id in named and r.id not in made)
        if not true <= count <= len(rules) - false:
            return False
    return True


def _compiled(criteria: Sequence[Criterion]) -> list[ConditionFunction | None]:
    conditions = [c.when for c in criteria if c.when is not None]
    functions = iter(compile_conditions([(c.text, c.node, ()) for c in conditions], "<criteria analysis>")[0])
    return [None if c.when is None else next(functions) for c in criteria]


def _scope(rulebook: Rulebook, assignment: Assignment, question: str | None) -> Scope:
    counts, made, grades, kinds = assignment
    return Scope(kinds=kinds, fired=dict.fromkeys(made, True), counts=counts, totals=rulebook.finding_totals, grades=grades,
                 worst_first=rulebook.worst_first, graded=tuple(grades), question=question)


def _ignore(event: object) -> None:
    """Analysis needs only whether a criterion holds, not its trace."""


def _calls(condition: Condition, names: Iterable[str]) -> Iterator[ast.Call]:
    wanted = set(names)
    return (n for n in ast.walk(condition.node) if isinstance(n, ast.Call) and n.name in wanted)


def _arg(call: ast.Call, index: int) -> str:
    arg = call.args[index]
    assert isinstance(arg, ast.Path)
    return arg.parts[0]


def _pair(call: ast.Call, question: str | None) -> Pair:
    return (_arg(call, 0), _arg(call, 1) if len(call.args) > 1 else question)


def _unused_findings(rulebook: Rulebook) -> list[Diagnostic]:
    counted: set[Pair] = set()
    named: Counter[str] = Counter()
    conditions: list[tuple[Condition, str | None]] = [
        (c.when, q) for q, criteria in rulebook.grading.items() for c in criteria if c.when]
    conditions += [(c.when, None) for c in rulebook.overall.criteria if c.when]
    conditions += [(r.when, None) for r in rulebook.recommendations]
    for condition, question in conditions:
        counted |= {_pair(call, question) for call in _calls(condition, ("count", "any"))}
        named.update(condition.findings_used)
    for rule in rulebook.findings:
        named.update(rule.when.findings_used)
    return [Diagnostic("FINDING_UNUSED", f"finding {rule.id} is used by no criterion, recommendation or finding",
                       rule.location, severity="warning",
                       hint=f"no criterion of {rule.question} counts {rule.polarity} findings")
            for rule in rulebook.findings
            if rule.id not in named and (rule.polarity, rule.question) not in counted
            and (rule.polarity, None) not in counted]
