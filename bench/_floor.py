"""The floor: the shipped rulebook (rules/hmic-crime-2014) written by hand as plain Python.

What the engine's cost is reported against. Every finding rule is a small function reading
record attributes directly (bench/_floor_reducing.py, _floor_investigating.py, _floor_asb.py,
one module per question; what they share is in bench/_floor_base.py); ordered enums compare
through precomputed rank dicts; grading, why-not and recommendations are straight-line code.
Nothing is parsed or interpreted, and no pydantic model is built.

A question none of whose finding rules' kinds is in the bundle is not graded (criterion
insufficient-evidence: grade None, no why-not). Figures are placed as judgment places them
(judgment._lang._exact in decimal; a relation the source states when numbers are missing).

The semantics are judgment's compiled engine's (src/judgment/_compiled/): missing evidence is
unknown, a rule fires only when its condition is true (Kleene and/or), each rule binds each
record of its kind, count(p) counts distinct finding rules of polarity p for the question,
the first criterion that holds decides, and the grades either side are analysed.

The trace keeps raw values. A check is a plain tuple
``(condition source text, raw operand values, outcome True/False/None, state or None)``:

* ``a.b >= 'good'``, ``a.b == true``, ``a.months >= 36``: ``(left, right)`` as compared
  (enum members, bools, numbers; None when the evidence lacks the field);
* ``a.rate is above national within 2``, ``a.rate is below 80``: ``(figure, reference)``
  (the record's own Measure objects, or the threshold), then the tolerance when one is written,
  and the state reached;
* ``missing(k)``: ``(present,)``;
* ``finding(x)``: ``(x,)``, made or not in the outcome;
* ``count(p) >= n``: ``(count, n)``; ``any(p)``: ``(count,)``.

Checks are built only for findings that are made (the engine keeps none for the others),
and for every criterion and recommendation the engine evaluates.

Run ``python -m bench._floor`` (with judgment importable) to check the floor against the
engine on Derbyshire and on 2,000 generated bundles, and to time it.
"""

from __future__ import annotations

from typing import NamedTuple

from bench import _floor_asb as _asb
from bench import _floor_investigating as _investigating
from bench import _floor_reducing as _reducing
from bench._floor_base import UNKNOWN

# --- results -------------------------------------------------------------------------


class Finding(NamedTuple):
    rule: str
    question: str
    polarity: str
    text: str
    bindings: tuple[tuple[str, str], ...]  # (variable, record id)
    derived_from: tuple[str, ...]


class Decision(NamedTuple):
    criterion: str
    grade: str
    checks: tuple
    findings: tuple[str, ...]  # rule ids of the findings the criterion weighed


class CriterionAnalysis(NamedTuple):
    criterion: str
    holds: bool
    checks: tuple


class GradeAnalysis(NamedTuple):
    grade: str
    criteria: tuple[CriterionAnalysis, ...]


class WhyNot(NamedTuple):
    better: GradeAnalysis | None
    worse: GradeAnalysis | None


class Recommendation(NamedTuple):
    id: str
    text: str
    deadline: str
    findings: tuple[str, ...]
    checks: tuple


class FloorResult(NamedTuple):
    grades: dict[str, str]
    findings: tuple[Finding, ...]  # question by question, rule file order, records by id
    recommendations: tuple[Recommendation, ...]
    decisions: dict[str, Decision]
    why_not: dict[str, WhyNot]
    trace: tuple[tuple, ...]  # trace[i]: the checks of findings[i]


#: Builds a NamedTuple without its Python-level __new__ (under half the cost): _new(Finding, (...)).
_new = tuple.__new__


# --- the rule table: question order, then the rulebook's order (a derived rule follows the rule it uses)
# The finding rules themselves, rule(record, made) -> (text, checks) when the condition is true, else
# None, are in bench/_floor_reducing.py, _floor_investigating.py and _floor_asb.py; `made` is the set
# of rule ids that have made a finding so far (for finding(x)).

RC, IO, ASB = "reducing_crime", "investigating_offending", "tackling_asb"
NP, ST, AFI, COC = "notable_practice", "strength", "area_for_improvement", "cause_of_concern"
QUESTIONS = (RC, IO, ASB)
_POLARITY = {"NP": NP, "ST": ST, "AFI": AFI, "COC": COC}

_SLOT = {(q, p): 4 * i + j for i, q in enumerate(QUESTIONS) for j, p in enumerate((COC, AFI, ST, NP))}
#: (rule id, question, polarity, kind bound, rule, findings it derives from, slot of its question and polarity)
RULES = tuple((f.__name__, q, _POLARITY[p], k, f, d, _SLOT[q, _POLARITY[p]])
              for q, table in ((RC, _reducing.RULES), (IO, _investigating.RULES), (ASB, _asb.RULES))
              for p, k, f, d in table)

#: The kinds each question's findings read: a question with none of them in the bundle is not graded.
KINDS = {
    RC: ("crime_change", "crime_rate", "domestic_abuse", "evaluation_capability", "partnership_working",
         "performance_trend", "problem_understanding", "resourcing", "stated_concern", "strategic_assessment",
         "tactics_and_powers", "victim_contract", "victim_focus", "victim_satisfaction"),
    IO: ("detection_rate", "evaluation_capability", "investigation_quality", "learning_from_experience",
         "offender_management", "performance_trend", "problem_understanding", "resourcing", "stated_concern",
         "vulnerability"),
    ASB: ("asb_incidents", "evaluation_capability", "learning_from_experience", "neighbourhood_policing",
          "partnership_working", "performance_trend", "problem_understanding", "resourcing", "stated_concern",
          "vulnerability"),
}
#: The checks of `insufficient-evidence` when it holds: every kind missing.
_MISSING = {q: tuple((f"missing({k})", (False,), True, None) for k in kinds) for q, kinds in KINDS.items()}

# --- grading (grading.yaml): the same criteria for every question, after insufficient-evidence ---

INADEQUATE, REQUIRES_IMPROVEMENT, GOOD_GRADE, OUTSTANDING = "inadequate", "requires_improvement", "good", "outstanding"
CR_NONE, CR_INADEQUATE, CR_WEAK, CR_OUTSTANDING, CR_GOOD = (
    "insufficient-evidence", "significantly-lower-than-expected", "some-weaknesses", "exceeds-the-standard",
    "meets-the-standard")
#: 'otherwise': holds, tests nothing.
OTHERWISE = GradeAnalysis(GOOD_GRADE, (CriterionAnalysis(CR_GOOD, True, ()),))
NOT_GRADED = WhyNot(None, None)
_GA, _CA, _D, _W = GradeAnalysis, CriterionAnalysis, Decision, WhyNot


def _grade(coc: list[str], afi: list[str], st: list[str], np: list[str]) -> tuple[Decision, WhyNot]:
    """The rule ids that made findings for the question, by polarity (each once)."""
    n_coc, n_afi, n_st, n_np = len(coc), len(afi), len(st), len(np)
    a1, a2, a3 = n_coc >= 1, n_st == 0, n_np == 0
    holds1 = a1 and a2 and a3
    checks1 = (("count(cause_of_concern) >= 1", (n_coc, 1), a1, None),
               ("count(strength) == 0", (n_st, 0), a2, None),
               ("count(notable_practice) == 0", (n_np, 0), a3, None))
    b2, b3 = n_afi >= 2, n_afi > n_st
    holds2 = a1 or (b2 and b3)
    checks2 = (("count(cause_of_concern) >= 1", (n_coc, 1), a1, None),
               ("count(area_for_improvement) >= 2", (n_afi, 2), b2, None),
               ("count(area_for_improvement) > count(strength)", (n_afi, n_st), b3, None))
    if holds1:
        return (_new(_D, (CR_INADEQUATE, INADEQUATE, checks1, tuple(sorted(coc + st + np)))),
                _new(_W, (_new(_GA, (REQUIRES_IMPROVEMENT, (_new(_CA, (CR_WEAK, holds2, checks2)),))), None)))
    if holds2:
        return (_new(_D, (CR_WEAK, REQUIRES_IMPROVEMENT, checks2, tuple(sorted(coc + afi + st)))),
                _new(_W, (OTHERWISE, _new(_GA, (INADEQUATE, (_new(_CA, (CR_INADEQUATE, False, checks1)),))))))
    t1, t2, t3, t4 = n_np > 0, n_coc == 0, n_st >= 3, n_afi <= 1
    checks3 = (("any(notable_practice)", (n_np,), t1, None),
               ("count(cause_of_concern) == 0", (n_coc, 0), t2, None),
               ("count(strength) >= 3", (n_st, 3), t3, None),
               ("count(area_for_improvement) <= 1", (n_afi, 1), t4, None))
    weighed = tuple(sorted(coc + afi + st + np))
    if t1 and t2 and t3 and t4:
        return _new(_D, (CR_OUTSTANDING, OUTSTANDING, checks3, weighed)), _new(_W, (None, OTHERWISE))
    return (_new(_D, (CR_GOOD, GOOD_GRADE, (), weighed)),
            _new(_W, (_new(_GA, (OUTSTANDING, (_new(_CA, (CR_OUTSTANDING, False, checks3)),))),
                      _new(_GA, (REQUIRES_IMPROVEMENT, (_new(_CA, (CR_WEAK, False, checks2)),))))))


# --- recommendations (recommendations.yaml) ---------------------------------------------

TEXT_EVALUATE = (
    "Within six months, the force should ensure that there are methods in place systematically to: (a) review and "
    "evaluate the benefits from both current tactics and new crime fighting and anti-social behaviour initiatives; "
    "(b) capture learning and good practice in crime prevention and local problem solving; and (c) share learning "
    "and good practice across the constabulary and with partners.")
TEXT_VICTIM_CONTACT = (
    "Within three months, the force should ensure that every victim agrees with the attending officer the nature "
    "and frequency of the contact they will receive, and that supervisors monitor that it is kept.")
TEXT_DOMESTIC_ABUSE = (
    "Within three months, the force should show how its domestic abuse action plan is improving the service to "
    "victims of domestic abuse, and hold the right people to account for it.")


def _recommend(made: set[str]) -> tuple[Recommendation, ...]:
    out = []
    a, b, c = "evaluation_limited" in made, "asb_evaluation_limited" in made, "learning_from_tactics_limited" in made
    if a or b or c:
        used = tuple(x for x, f in (("asb_evaluation_limited", b), ("evaluation_limited", a),
                                    ("learning_from_tactics_limited", c)) if f)
        out.append(_new(Recommendation, ("evaluate-and-share-learning", TEXT_EVALUATE, "within six months", used, (
            ("finding(evaluation_limited)", ("evaluation_limited",), a, None),
            ("finding(asb_evaluation_limited)", ("asb_evaluation_limited",), b, None),
            ("finding(learning_from_tactics_limited)", ("learning_from_tactics_limited",), c, None)))))
    a, b = "satisfaction_below_minimum" in made, "no_victim_contracts" in made
    if a or b:
        used = tuple(x for x, f in (("no_victim_contracts", b), ("satisfaction_below_minimum", a)) if f)
        out.append(_new(Recommendation, ("restore-victim-contact", TEXT_VICTIM_CONTACT, "within three months", used, (
            ("finding(satisfaction_below_minimum)", ("satisfaction_below_minimum",), a, None),
            ("finding(no_victim_contracts)", ("no_victim_contracts",), b, None)))))
    if "domestic_abuse_no_progress" in made:
        out.append(_new(Recommendation, ("domestic-abuse-action", TEXT_DOMESTIC_ABUSE, "within three months",
                                         ("domestic_abuse_no_progress",), DOMESTIC_ABUSE_CHECKS)))
    return tuple(out)


DOMESTIC_ABUSE_CHECKS = (("finding(domestic_abuse_no_progress)", ("domestic_abuse_no_progress",), True, None),)


# --- the judgment --------------------------------------------------------------------


# --- the judgment --------------------------------------------------------------------


def judge(bundle) -> FloorResult:  # noqa: ANN001 - a judgment.Bundle (or anything with .records)
    by_kind: dict[str, list] = {}
    for record in bundle.records:  # sorted by id: bindings come in record-id order
        same = by_kind.get(record.kind)
        if same is None:
            by_kind[record.kind] = [record]
        else:
            same.append(record)
    made: set[str] = set()
    # the rule ids that made findings, per question and polarity: slot 4 * question + polarity
    slots: list[list[str]] = [[], [], [], [], [], [], [], [], [], [], [], []]
    findings, trace = [], []
    for rule, question, polarity, kind, test, derived, slot in RULES:
        records = by_kind.get(kind)
        if records is None:
            continue
        fired = False
        for record in records:
            got = test(record, made)
            if got is not None:
                findings.append(_new(Finding, (rule, question, polarity, got[0], ((kind, record.id),), derived)))
                trace.append(got[1])
                fired = True
        if fired:
            made.add(rule)
            slots[slot].append(rule)
    grades, decisions, why_not = {}, {}, {}
    for i, question in enumerate(QUESTIONS):
        if not any(kind in by_kind for kind in KINDS[question]):
            grades[question] = None
            decisions[question] = _new(_D, (CR_NONE, None, _MISSING[question], ()))
            why_not[question] = NOT_GRADED
            continue
        decision, why = _grade(slots[4 * i], slots[4 * i + 1], slots[4 * i + 2], slots[4 * i + 3])
        grades[question], decisions[question], why_not[question] = decision[1], decision, why
    return _new(FloorResult, (grades, tuple(findings), _recommend(made), decisions, why_not, tuple(trace)))


def outcome(result: FloorResult):  # -> bench._common.Outcome
    return (dict(result.grades), frozenset((f.rule, f.bindings) for f in result.findings),
            frozenset(r.id for r in result.recommendations))


# --- checking against the engine ---------------------------------------------------------


_STATE_WORDS = {"above": "above", "below": "below", "in_line": "in line with",
                "indeterminate": "indeterminate against"}


def _value_words(value) -> str:  # noqa: ANN001
    """A raw value in the engine's words (judgment's describe): figures, scales, yes/no, numbers."""
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):  # enum members are strings too
        return value.replace("_", " ")
    if isinstance(value, (int, float)):
        return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
    return value.describe()  # a Measure


def _check_words(check: tuple) -> tuple:
    """A floor check described as the engine describes its Check, to compare the two traces."""
    from judgment._compiled._values import stated_relation

    condition, values, outcome_, state = check
    words: tuple[str, ...]
    if condition.startswith("finding("):
        words = (f"finding {values[0]} {'made' if outcome_ else 'not made'}",)
    elif condition.startswith("any("):
        words = (f"{values[0]} {condition[4:-1].replace('_', ' ')} finding(s)",)
    elif condition.startswith(("missing(", "present(")):
        words = (f"{condition[condition.index('(') + 1:-1]} {'present' if values[0] else 'missing'}",)
    else:
        words = tuple(_value_words(v) for v in values[:2])
        stated = stated_relation(values[0], values[1]) if state is not None else None
        if stated is not None and not stated[0]:  # read from the source, not computed
            words += (stated[1],)
        elif state is not None:
            within = f" within {_value_words(values[2])}" if len(values) > 2 else ""
            said = f" ({stated[1]})" if stated is not None else ""
            words += (f"{words[0]} is {_STATE_WORDS[state]} {words[1]}{within}{said}",)
    return (condition, words, outcome_, state)


def _engine_checks(checks) -> tuple:  # noqa: ANN001
    return tuple((c.condition, c.values, c.outcome, c.state) for c in checks)


def trace_differences(result: FloorResult, engine) -> list[str]:  # noqa: ANN001 - a judgment.Judgment
    """Where the floor's trace differs from the engine's: findings (order, text, derivation,
    checks), deciding criteria, why-not analyses and recommendations."""
    problems = []
    theirs = [f for q in engine.questions for f in q.findings]
    ours = [(f, t) for f, t in zip(result.findings, result.trace)]
    if [(f.rule, tuple(sorted(f.bindings.items()))) for f in theirs] != [(f.rule, f.bindings) for f, _ in ours]:
        problems.append("findings differ, or come in another order")
    else:
        for (f, checks), e in zip(ours, theirs):
            if f.text != e.text:
                problems.append(f"{f.rule}: text {f.text!r} != {e.text!r}")
            if (f.question, f.polarity, f.derived_from) != (e.question, e.polarity, e.derived_from):
                problems.append(f"{f.rule}: question, polarity or derivation differ")
            if tuple(map(_check_words, checks)) != _engine_checks(e.checks):
                problems.append(f"{f.rule}: checks differ")
    for q in engine.questions:
        d, e = result.decisions[q.id], q.decided_by
        if (d.criterion, d.grade, tuple(map(_check_words, d.checks)), d.findings) != (
                e.criterion, e.grade, _engine_checks(e.checks), e.findings):
            problems.append(f"{q.id}: decision differs")
        for side in ("better", "worse"):
            ours_, theirs_ = getattr(result.why_not[q.id], side), getattr(q.why_not, side)
            if (ours_ is None) != (theirs_ is None):
                problems.append(f"{q.id}: why-not {side} differs")
            elif ours_ is not None and (ours_.grade, [(c.criterion, c.holds, tuple(map(_check_words, c.checks)))
                                                     for c in ours_.criteria]) != (
                    theirs_.grade, [(c.criterion, c.holds, _engine_checks(c.checks)) for c in theirs_.criteria]):
                problems.append(f"{q.id}: why-not {side} differs")
    if [(r.id, r.text, r.deadline, r.findings, tuple(map(_check_words, r.checks))) for r in result.recommendations] != [
            (r.id, r.text, r.deadline, r.findings, _engine_checks(r.checks)) for r in engine.recommendations]:
        problems.append("recommendations differ")
    return problems


def main() -> None:
    import statistics
    import time

    import judgment
    from bench._common import DERBYSHIRE, SHIPPED_RULES, generate_bundles, outcome_of, per_item_us

    rulebook = judgment.load_rulebook(SHIPPED_RULES)
    derbyshire = judgment.load_bundle(DERBYSHIRE)
    assert [r[0] for r in RULES] == [r.id for q in QUESTIONS for r in rulebook.findings if r.question == q], (
        "the floor's rules are not the rulebook's")
    assert all(set(KINDS[q]) == {r[3] for r in RULES if r[1] == q} for q in QUESTIONS), "KINDS is stale"

    start = time.perf_counter()
    generated = generate_bundles(rulebook, 2000)
    print(f"generated {len(generated)} bundles in {time.perf_counter() - start:.1f} s")

    for label, bundles in (("Derbyshire", [derbyshire]), ("generated", generated)):
        outcomes = texts = traces = 0
        engine_times = []
        example: tuple | None = None
        for bundle in bundles:
            t0 = time.perf_counter()
            engine = judgment.judge(rulebook, bundle, any_date=True)
            engine_times.append(time.perf_counter() - t0)
            floor = judge(bundle)
            if outcome(floor) != outcome_of(engine):
                outcomes += 1
                example = example or ("outcome", outcome(floor), outcome_of(engine))
            engine_texts = {(f.rule, tuple(sorted(f.bindings.items()))): f.text
                            for q in engine.questions for f in q.findings}
            if any(engine_texts.get((f.rule, f.bindings)) != f.text for f in floor.findings):
                texts += 1
            differences = trace_differences(floor, engine)
            if differences:
                traces += 1
                example = example or ("trace", differences)
        print(f"{label}: {len(bundles)} bundles; mismatches: outcome {outcomes}, finding texts {texts}, "
              f"trace {traces}")
        if example:
            print("  first mismatch:", example)
        print(f"  engine (judgment.judge): median {statistics.median(engine_times) * 1e6:,.0f} us per judgment")

    # Timing: each bundle judged many times, its median kept; then the median over bundles.
    def median_us(bundle, repeat: int) -> float:  # noqa: ANN001
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            judge(bundle)
            times.append(time.perf_counter() - t0)
        return statistics.median(times) * 1e6

    median_us(derbyshire, 2000)  # warm-up
    print(f"floor, Derbyshire ({len(derbyshire.records)} records): median {median_us(derbyshire, 5000):.1f} us "
          "per judgment")
    per_bundle = [median_us(b, 21) for b in generated]

    def batch() -> None:  # results dropped as made, as a caller that reports and moves on would
        for b in generated:
            judge(b)

    print(f"floor, generated: median {statistics.median(per_bundle):.1f} us per judgment "
          f"(mean over a pass through all {len(generated):,}, cold caches: {per_item_us(batch, len(generated)):.1f} us)")


if __name__ == "__main__":
    main()
