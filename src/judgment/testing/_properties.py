"""Properties every rulebook should have, checked over generated bundles.

- totality: every question gets exactly one grade of the scale, or is not graded by a
  criterion that says why, and the overall judgment is what the rulebook declares (not
  graded only with a reason);
- determinism: the same bundle, its records handed to the engines in any order, gives the
  same judgment;
- monotonicity: one figure, scale or flag made better in its declared direction never
  lowers any grade, nor takes a question's grade away (graded before, not graded after);
  a question not graded before may get any grade after: not graded is outside the order;
- agreement: durable_rules and the compiled engine make the same findings;
- no dead rule: every finding rule, criterion and recommendation fires in some example, or the solver
  proves some bundle fires it (with the judgment[prove] extra: sampling alone can miss a narrow case).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from hypothesis import HealthCheck, Phase, example, given, seed, settings
from hypothesis import strategies as st

from judgment._api import judge
from judgment._bundle import Bundle
from judgment._cases import everything, exercised
from judgment._engine import durable_missing
from judgment._errors import EngineDisagreementError
from judgment._judgment import Judgment
from judgment._lang import _ast as ast
from judgment._rulebook._analysis import OTHERWISE_HINT
from judgment._rulebook._model import Rulebook
from judgment.testing._determinism import PropertyViolation, determinism
from judgment.testing._improve import improvable, improve
from judgment.testing._strategies import bundles

PROPERTIES = ("totality", "determinism", "monotonicity", "agreement", "no_dead_rule")


@dataclass
class PropertyFailure:
    """A property that does not hold, with the smallest counterexample Hypothesis found."""

    name: str
    message: str
    bundle: Bundle | None = None


@dataclass
class PropertyReport:
    examples: int = 0
    failures: list[PropertyFailure] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    #: Properties that could not be checked here, and why (agreement, where durable_rules does not import).
    not_checked: dict[str, str] = field(default_factory=dict)


def totality(rulebook: Rulebook, result: Judgment) -> None:
    scale = {g.id for g in rulebook.scale}
    got = [q.id for q in result.questions]
    if sorted(got) != sorted(q.id for q in rulebook.questions) or len(set(got)) != len(got):
        raise PropertyViolation(f"questions judged {got}, expected each of {[q.id for q in rulebook.questions]} once")
    for question in result.questions:
        if (question.grade is None) == (question.not_graded is None):
            raise PropertyViolation(f"question {question.id} has grade {question.grade!r} and not_graded "
                                    f"{question.not_graded!r}: exactly one of them is given")
        if question.grade is not None and question.grade not in scale:
            raise PropertyViolation(f"question {question.id} got {question.grade!r}, which is not on the scale")
    overall, ungraded = result.overall, rulebook.overall.method == "ungraded"
    fits = (overall.grade is None and overall.not_graded is None) if ungraded else (
        overall.grade in scale if overall.grade is not None else bool(overall.not_graded))
    if not fits:
        raise PropertyViolation(f"overall grade {overall.grade!r} (not graded: {overall.not_graded!r}) for "
                                f"method {rulebook.overall.method!r}")


def monotonicity(rulebook: Rulebook, bundle: Bundle, result: Judgment, chooser: random.Random, step: float,
                 tries: int = 3) -> None:
    """Up to `tries` fields that the rules read, each made better on its own, lower no grade."""
    read = _fields_read(rulebook)
    candidates = [(r, f) for r, f in improvable(bundle) if (bundle.record(r).kind, f) in read]
    for record_id, name in chooser.sample(candidates, min(tries, len(candidates))):
        better = improve(bundle, record_id, name, step)
        if better is None:
            continue
        improved = judge(rulebook, better, any_date=True)
        lowered = _lowered(rulebook, result, improved)
        if lowered:
            def recheck(smaller: Bundle, record_id: str = record_id, name: str = name) -> bool:
                if record_id not in {r.id for r in smaller.records}:
                    return False
                better = improve(smaller, record_id, name, step)
                return better is not None and bool(_lowered(rulebook, judge(rulebook, smaller, any_date=True),
                                                            judge(rulebook, better, any_date=True)))

            raise PropertyViolation(f"making {record_id}.{name} better (by {step:g}) lowered {lowered}", recheck)


def _lowered(rulebook: Rulebook, before: Judgment, after: Judgment) -> str:
    for old, new in zip(before.questions, after.questions):
        if old.grade is None:  # not graded is outside the order: any outcome after is no lowering
            continue
        if new.grade is None:
            return f"{old.id} from {old.grade} to not graded ({new.not_graded})"
        if rulebook.grade(new.grade).rank > rulebook.grade(old.grade).rank:
            return f"{old.id} from {old.grade} to {new.grade}"
    return ""


def _fields_read(rulebook: Rulebook) -> set[tuple[str, str]]:
    found = set()
    for rule in rulebook.findings:
        variables = dict(rule.when.variables)
        for node in ast.walk(rule.when.node):
            if isinstance(node, ast.Path) and node.parts[0] in variables and len(node.parts) > 1:
                found.add((variables[node.parts[0]], node.parts[1]))
    return found


def run_properties(rulebook: Rulebook, examples: int = 200, random_seed: int = 0,
                   progress: Callable[[int], None] | None = None, seeds: Sequence[Bundle] = ()) -> PropertyReport:
    """Check every property over `examples` generated bundles per property (drawing also on `seeds`,
    such as the bundles of the rulebook's test cases); the first counterexample of each is made
    smaller by dropping records (its values are not shrunk: Hypothesis's shrinking judges thousands
    of bundles and took minutes on a failing rulebook, so a failing run is as quick as a passing one).
    `examples` below 1 is a ``ValueError``."""
    if isinstance(examples, bool) or not isinstance(examples, int) or examples < 1:
        raise ValueError(f"examples is a number of bundles per property, at least 1; got {examples!r:.40}")
    report = PropertyReport()
    missing = durable_missing()
    if missing is not None:  # one engine here: nothing to agree with, and saying "holds" would pretend
        report.not_checked["agreement"] = missing
    for name in ("totality", "determinism", "monotonicity", "agreement"):
        if name in report.not_checked:
            continue
        failure = _search(rulebook, name, examples, random_seed, report, progress, seeds)
        if failure is not None:
            report.failures.append(failure)
    dead = _dead(rulebook, report.fired)
    if dead:
        report.failures.append(PropertyFailure("no_dead_rule", f"never fired in {report.examples} examples: "
                                               + ", ".join(dead)))
    return report


def _search(rulebook: Rulebook, name: str, examples: int, random_seed: int, report: PropertyReport,
            progress: Callable[[int], None] | None, seeds: Sequence[Bundle]) -> PropertyFailure | None:
    last: dict[str, Bundle] = {}

    @seed(random_seed)
    @settings(max_examples=examples, database=None, deadline=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
    @given(bundles(rulebook, seeds=seeds), st.integers(0, 2**32 - 1).map(random.Random),
           st.sampled_from([1.0, 5.0, 0.1, 2.0, 0.5]))
    def check(bundle: Bundle, chooser: random.Random, step: float) -> None:
        last["bundle"] = bundle
        try:
            result = judge(rulebook, bundle, any_date=True)
        except EngineDisagreementError as error:
            raise PropertyViolation(error.render()) from None
        report.examples += 1
        if progress:
            progress(1)
        report.fired |= exercised(result)
        if name == "totality":
            totality(rulebook, result)
        elif name == "determinism":
            determinism(rulebook, bundle, result, chooser)
        elif name == "monotonicity":
            monotonicity(rulebook, bundle, result, chooser, step)

    for seeded in seeds:  # every seed as it is, before anything generated
        check = example(seeded, random.Random(0), 1.0)(check)
    try:
        check()
    except PropertyViolation as violation:
        bundle = last.get("bundle")
        if bundle is not None and violation.recheck is not None:
            bundle = minimise(bundle, violation.recheck)
        return PropertyFailure(name, str(violation), bundle)
    return None


def minimise(bundle: Bundle, still_fails: Callable[[Bundle], bool]) -> Bundle:
    """Drop records one at a time while the property still fails: the smallest counterexample to read."""
    current = bundle
    changed = True
    while changed:
        changed = False
        for record in current.records:
            smaller = current.replace_records(r for r in current.records if r.id != record.id)
            if still_fails(smaller):
                current, changed = smaller, True
                break
    return current


def _dead(rulebook: Rulebook, fired: set[str]) -> list[str]:
    """Each rule never fired, unless the solver proves some bundle fires it (judgment._prove._reach: with
    the judgment[prove] extra; a rule it proves dead says so); an `otherwise` that never fired says what
    to do (it is required, so it is never simply removed)."""
    from judgment._prove._reach import reachable

    otherwise = {f"criterion {q}/{c.id}" for q, criteria in rulebook.grading.items() for c in criteria if c.when is None}
    unfired = [name for name in everything(rulebook) if name not in fired]
    proof = reachable(rulebook, unfired) if unfired else {}
    return [f"{name} (an `otherwise`: if the criteria before it cover every case, {OTHERWISE_HINT})"
            if name in otherwise else name + (" (proved: no bundle fires it)" if proof[name] is False else "")
            for name in unfired if proof[name] is not True]
