"""Variants of the Derbyshire 2014 bundle, judged against the HMIC 2014 rulebook.

Each variant changes (vary) or removes (drop) records of the published Derbyshire
evidence and pins what the rulebook then decides: the grade of the question it
targets, the criterion that decided it, the exact findings that criterion weighed,
which rules started or stopped firing, the recommendations, and that the other
questions are untouched unless the changed record also feeds them. Together the
variants reach every grade on every question; a separate test checks that claim
from the judgments themselves.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

import judgment
from judgment import Bundle, Rulebook
from judgment._api import judge_in_order

from conftest import drop, rules_fired, vary

QUESTIONS = ("reducing_crime", "investigating_offending", "tackling_asb")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
POLARITIES = ("notable_practice", "strength", "area_for_improvement", "cause_of_concern")

# The polarities each criterion of grading.yaml weighs: a variant must pin the
# exact findings of each of them for the question it targets.
WEIGHED = {
    "significantly-lower-than-expected": {"cause_of_concern"},
    "some-weaknesses": {"cause_of_concern", "area_for_improvement"},
    "exceeds-the-standard": set(POLARITIES),
    "meets-the-standard": {"cause_of_concern", "area_for_improvement"},
}
CRITERION_GRADE = {
    "significantly-lower-than-expected": "inadequate",
    "some-weaknesses": "requires_improvement",
    "exceeds-the-standard": "outstanding",
    "meets-the-standard": "good",
}

# What the unchanged Derbyshire bundle produces, by question and polarity.
BASELINE: dict[str, dict[str, set[str]]] = {
    "reducing_crime": {
        "notable_practice": {"strategic_assessment_national_good_practice"},
        "strength": {
            "crime_reduction_greater_than_national",
            "satisfaction_above_national",
            "victim_contracts_in_place",
            "effective_strategic_assessment",
            "prevention_partnership_strong",
            "broad_effective_tactics",
        },
        "area_for_improvement": {"evaluation_limited"},
        "cause_of_concern": set(),
    },
    "investigating_offending": {
        "notable_practice": set(),
        "strength": {
            "vulnerable_victims_identified",
            "robust_investigation_scrutiny",
            "good_investigation_standard",
            "prolific_offenders_managed",
            "domestic_abuse_progress",
        },
        "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited"},
        "cause_of_concern": set(),
    },
    "tackling_asb": {
        "notable_practice": set(),
        "strength": {
            "neighbourhood_policing_committed",
            "asb_partnership_strong",
            "vulnerable_asb_victims_protected",
            "asb_incidents_reduced",
        },
        "area_for_improvement": {"asb_evaluation_limited", "asb_recording_unclear"},
        "cause_of_concern": set(),
    },
}
BASELINE_FIRED = {q: set().union(*by_polarity.values()) for q, by_polarity in BASELINE.items()}
BASELINE_GRADES = {q: "good" for q in QUESTIONS}
BASELINE_RECOMMENDATIONS = {
    "evaluate-and-share-learning": {"evaluation_limited", "asb_evaluation_limited", "learning_from_tactics_limited"},
}


# --- Building variants ---------------------------------------------------------------

@dataclass(frozen=True)
class Vary:
    record: str
    changes: Mapping[str, Any]


@dataclass(frozen=True)
class Drop:
    records: tuple[str, ...]


def V(record: str, **changes: Any) -> Vary:
    return Vary(record, changes)


def D(*records: str) -> Drop:
    return Drop(records)


def apply(bundle: Bundle, steps: tuple[Vary | Drop, ...]) -> Bundle:
    for step in steps:
        if isinstance(step, Vary):
            bundle = vary(bundle, step.record, **step.changes)
        else:
            bundle = drop(bundle, *step.records)
    return bundle


def satisfaction(value: float, margin: float) -> dict[str, Any]:
    """A victim satisfaction rate against Derbyshire's published comparators."""
    return {
        "value": value, "unit": "percent", "margin": margin,
        "comparators": {"national": {"value": 85.0, "margin": 0.2},
                        "previous_year": {"value": 86.7, "margin": 1.4}},
    }


def detection(value: float) -> dict[str, Any]:
    """A detection rate against the published 26 percent for England and Wales."""
    return {"value": value, "unit": "percent", "comparators": {"national": {"value": 26}}}


@dataclass(frozen=True)
class Affected:
    """Another question the changed records also feed: its grade and its rule changes."""

    grade: str
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Variant:
    id: str
    steps: tuple[Vary | Drop, ...]
    question: str
    grade: str
    criterion: str
    # The exact findings, by polarity, of every polarity the criterion weighs.
    decisive: Mapping[str, set[str]]
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    # Rules the scenario is about that must not fire.
    absent: frozenset[str] = frozenset()
    # Every recommendation made, with its triggering findings; None: as for Derbyshire.
    recommendations: Mapping[str, set[str]] | None = None
    # Other questions that change; any question not listed must be exactly as for Derbyshire.
    affected: Mapping[str, Affected] = field(default_factory=dict)


def fs(*rules: str) -> frozenset[str]:
    return frozenset(rules)


RC, IO, TA = QUESTIONS

VARIANTS: tuple[Variant, ...] = (
    # --- reducing_crime -------------------------------------------------------------
    Variant(
        id="rc-systematic-evaluation-outstanding",
        steps=(V("evaluation-crime-prevention", level="systematic"),),
        question=RC, grade="outstanding", criterion="exceeds-the-standard",
        decisive={
            "cause_of_concern": set(),
            "area_for_improvement": set(),
            "notable_practice": {"strategic_assessment_national_good_practice"},
            "strength": BASELINE[RC]["strength"] | {"evaluation_systematic"},
        },
        added=fs("evaluation_systematic"), removed=fs("evaluation_limited"),
        recommendations={"evaluate-and-share-learning": {"asb_evaluation_limited", "learning_from_tactics_limited"}},
    ),
    Variant(
        id="rc-satisfaction-in-line-with-national-good",
        steps=(V("victim-satisfaction", rate=satisfaction(85.5, 1.4)),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(), "area_for_improvement": {"evaluation_limited"}},
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_above_national", "satisfaction_below_national", "satisfaction_falling"),
    ),
    Variant(
        id="rc-no-victim-contracts-good",
        steps=(V("victim-contract", coverage="none"),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(), "area_for_improvement": {"evaluation_limited", "no_victim_contracts"}},
        added=fs("no_victim_contracts"), removed=fs("victim_contracts_in_place"),
        recommendations={**BASELINE_RECOMMENDATIONS, "restore-victim-contact": {"no_victim_contracts"}},
    ),
    Variant(
        id="rc-victim-satisfaction-missing-good",
        steps=(D("victim-satisfaction"),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(), "area_for_improvement": {"evaluation_limited"}},
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_national", "satisfaction_falling", "satisfaction_below_minimum",
                  "satisfaction_uncertain_against_minimum"),
    ),
    Variant(
        id="rc-satisfaction-below-national-requires-improvement",
        steps=(V("victim-satisfaction", rate=satisfaction(82.0, 1.0)),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={
            "cause_of_concern": set(),
            "area_for_improvement": {"evaluation_limited", "satisfaction_below_national", "satisfaction_falling"},
        },
        added=fs("satisfaction_below_national", "satisfaction_falling"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_minimum", "satisfaction_uncertain_against_minimum"),
    ),
    Variant(
        id="rc-satisfaction-straddles-minimum-requires-improvement",
        steps=(V("victim-satisfaction", rate=satisfaction(80.5, 1.4)),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={
            "cause_of_concern": set(),
            "area_for_improvement": {"evaluation_limited", "satisfaction_below_national", "satisfaction_falling",
                                     "satisfaction_uncertain_against_minimum"},
        },
        added=fs("satisfaction_below_national", "satisfaction_falling", "satisfaction_uncertain_against_minimum"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_minimum"),
    ),
    Variant(
        id="rc-satisfaction-below-minimum-requires-improvement",
        steps=(V("victim-satisfaction", rate=satisfaction(77.0, 1.0)),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={
            "cause_of_concern": {"satisfaction_below_minimum"},
            "area_for_improvement": {"evaluation_limited", "satisfaction_below_national", "satisfaction_falling"},
        },
        added=fs("satisfaction_below_minimum", "satisfaction_below_national", "satisfaction_falling"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_uncertain_against_minimum"),
        recommendations={**BASELINE_RECOMMENDATIONS, "restore-victim-contact": {"satisfaction_below_minimum"}},
    ),
    Variant(
        id="rc-weak-assessment-and-partnership-inadequate",
        steps=(V("strategic-assessment", effectiveness="weak"),
               V("partnership-crime-prevention", strength="weak")),
        question=RC, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"strategic_assessment_weak", "prevention_partnership_weak"}},
        added=fs("strategic_assessment_weak", "prevention_partnership_weak"),
        # national_good_practice stays true: the derived notable practice goes with its basis.
        removed=fs("effective_strategic_assessment", "strategic_assessment_national_good_practice",
                   "prevention_partnership_strong"),
    ),
    # --- investigating_offending ------------------------------------------------------
    Variant(
        id="io-exemplary-investigation-outstanding",
        steps=(V("investigation-quality", standard="strong", initial_investigation="good", strategies_recorded="all"),
               V("learning-investigation", evaluation_of_tactics="developing")),
        question=IO, grade="outstanding", criterion="exceeds-the-standard",
        decisive={
            "cause_of_concern": set(),
            "area_for_improvement": set(),
            "notable_practice": {"exemplary_investigation"},
            "strength": BASELINE[IO]["strength"],
        },
        added=fs("exemplary_investigation"),
        removed=fs("initial_investigation_concerns", "learning_from_tactics_limited"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "asb_evaluation_limited"}},
    ),
    Variant(
        id="io-detection-above-national-good",
        steps=(V("detection-rate", rate=detection(29)),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(),
                  "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited"}},
        added=fs("detection_above_national"),
        absent=fs("detection_below_national"),
    ),
    Variant(
        id="io-learning-record-missing-good",
        steps=(D("learning-investigation"),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(), "area_for_improvement": {"initial_investigation_concerns"}},
        removed=fs("learning_from_tactics_limited"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "asb_evaluation_limited"}},
    ),
    Variant(
        id="io-domestic-abuse-record-missing-good",
        steps=(D("domestic-abuse"),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(),
                  "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited"}},
        removed=fs("domestic_abuse_progress"),
        absent=fs("domestic_abuse_no_progress"),
    ),
    Variant(
        id="io-domestic-abuse-no-progress-requires-improvement",
        steps=(V("domestic-abuse", progress="none"),),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"domestic_abuse_no_progress"},
                  "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited"}},
        added=fs("domestic_abuse_no_progress"), removed=fs("domestic_abuse_progress"),
        recommendations={**BASELINE_RECOMMENDATIONS, "domestic-abuse-action": {"domestic_abuse_no_progress"}},
    ),
    Variant(
        id="io-detection-below-national-requires-improvement",
        steps=(V("detection-rate", rate=detection(23)),),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": set(),
                  "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited",
                                           "detection_below_national"}},
        added=fs("detection_below_national"),
        absent=fs("detection_above_national"),
    ),
    Variant(
        id="io-vulnerable-victims-missed-requires-improvement",
        steps=(V("vulnerability", identification="weak"),),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"vulnerable_victims_missed"},
                  "area_for_improvement": {"initial_investigation_concerns", "learning_from_tactics_limited"}},
        added=fs("vulnerable_victims_missed"), removed=fs("vulnerable_victims_identified"),
        # The vulnerability record also feeds tackling_asb, which loses a strength and stays good.
        affected={TA: Affected("good", removed=fs("vulnerable_asb_victims_protected"))},
    ),
    Variant(
        id="io-weak-offender-management-and-standard-inadequate",
        steps=(V("offender-management", approach="weak"), V("investigation-quality", standard="weak")),
        question=IO, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"offender_management_weak", "poor_investigation_standard"}},
        added=fs("offender_management_weak", "poor_investigation_standard"),
        removed=fs("prolific_offenders_managed", "good_investigation_standard"),
    ),
    # --- tackling_asb -----------------------------------------------------------------
    Variant(
        id="ta-exemplary-engagement-outstanding",
        steps=(V("neighbourhood-policing", community_engagement="strong", asb_recording="good"),
               V("evaluation-asb", level="developing")),
        question=TA, grade="outstanding", criterion="exceeds-the-standard",
        decisive={
            "cause_of_concern": set(),
            "area_for_improvement": set(),
            "notable_practice": {"asb_engagement_exemplary"},
            "strength": BASELINE[TA]["strength"],
        },
        added=fs("asb_engagement_exemplary"),
        removed=fs("asb_evaluation_limited", "asb_recording_unclear"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "learning_from_tactics_limited"}},
    ),
    Variant(
        id="ta-learning-shared-good",
        steps=(V("learning-asb", sharing_good_practice="developing"),),
        question=TA, grade="good", criterion="meets-the-standard",
        decisive={"cause_of_concern": set(),
                  "area_for_improvement": {"asb_evaluation_limited", "asb_recording_unclear"}},
        added=fs("asb_learning_shared"),
    ),
    Variant(
        id="ta-asb-incidents-rising-requires-improvement",
        steps=(V("asb-incidents", change={"value": 5, "unit": "percent_change"}),),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": set(),
                  "area_for_improvement": {"asb_evaluation_limited", "asb_recording_unclear", "asb_incidents_rising"}},
        added=fs("asb_incidents_rising"), removed=fs("asb_incidents_reduced"),
    ),
    Variant(
        id="ta-partnership-weak-requires-improvement",
        steps=(V("partnership-asb", strength="weak"),),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"asb_partnership_weak"},
                  "area_for_improvement": {"asb_evaluation_limited", "asb_recording_unclear"}},
        added=fs("asb_partnership_weak"), removed=fs("asb_partnership_strong"),
    ),
    Variant(
        id="ta-neighbourhood-eroded-and-partnership-weak-inadequate",
        steps=(V("neighbourhood-policing", commitment="weak"), V("partnership-asb", strength="weak")),
        question=TA, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"neighbourhood_policing_eroded", "asb_partnership_weak"}},
        added=fs("neighbourhood_policing_eroded", "asb_partnership_weak"),
        removed=fs("neighbourhood_policing_committed", "asb_partnership_strong"),
    ),
)


def by_polarity(result: judgment.Judgment, question: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {p: set() for p in POLARITIES}
    for finding in result.question(question).findings:
        found[finding.polarity].add(finding.rule)
    return found


def recommendations(result: judgment.Judgment) -> dict[str, set[str]]:
    return {r.id: set(r.findings) for r in result.recommendations}


# --- The unchanged bundle --------------------------------------------------------------

def test_derbyshire_as_published(rulebook: Rulebook, derbyshire: Bundle) -> None:
    result = judgment.judge(rulebook, derbyshire)

    assert result.grades == BASELINE_GRADES
    for question in QUESTIONS:
        assert result.question(question).decided_by.criterion == "meets-the-standard"
        assert by_polarity(result, question) == BASELINE[question]
    assert result.overall.grade is None
    assert result.overall.summary

    made = {r.id: r for r in result.recommendations}
    assert set(made) == {"evaluate-and-share-learning"}
    evaluate = made["evaluate-and-share-learning"]
    assert evaluate.deadline == "within six months"
    assert "evaluation_limited" in evaluate.findings
    assert set(evaluate.findings) == BASELINE_RECOMMENDATIONS["evaluate-and-share-learning"]


# --- The variants ------------------------------------------------------------------------

def test_variant_table_is_consistent() -> None:
    """Each variant pins every polarity its criterion weighs, and names its grade rightly."""
    assert len({v.id for v in VARIANTS}) == len(VARIANTS) >= 12
    for v in VARIANTS:
        assert v.question in QUESTIONS, v.id
        assert CRITERION_GRADE[v.criterion] == v.grade, v.id
        assert WEIGHED[v.criterion] <= set(v.decisive), v.id
        assert v.question not in v.affected, v.id
        assert not (v.added & v.removed), v.id


@pytest.mark.parametrize("variant", [pytest.param(v, id=v.id) for v in VARIANTS])
def test_variant(rulebook: Rulebook, derbyshire: Bundle, variant: Variant) -> None:
    bundle = apply(derbyshire, variant.steps)
    result = judgment.judge(rulebook, bundle)
    q = variant.question
    decision = result.question(q)

    # The grade, the criterion that decided it, and the exact findings it weighed.
    assert decision.grade == variant.grade
    assert decision.decided_by.criterion == variant.criterion
    assert decision.decided_by.grade == variant.grade
    found = by_polarity(result, q)
    for polarity, rules in variant.decisive.items():
        assert found[polarity] == rules, polarity

    # Exactly these rules started and stopped firing: nothing else in their place.
    assert rules_fired(result, q) == (BASELINE_FIRED[q] - variant.removed) | variant.added
    assert not (rules_fired(result, q) & variant.absent)

    # The other questions, untouched unless the changed records also feed them.
    for other in QUESTIONS:
        if other == q:
            continue
        expected = variant.affected.get(other, Affected(BASELINE_GRADES[other]))
        assert result.grades[other] == expected.grade, other
        assert rules_fired(result, other) == (BASELINE_FIRED[other] - expected.removed) | expected.added, other

    # Every finding rests on records that are in the bundle judged.
    present = {r.id for r in bundle.records}
    for question in QUESTIONS:
        for finding in result.question(question).findings:
            assert finding.evidence and set(finding.evidence) <= present, finding.rule

    expected_recommendations = (
        BASELINE_RECOMMENDATIONS if variant.recommendations is None else variant.recommendations
    )
    assert recommendations(result) == expected_recommendations
    assert result.overall.grade is None


def test_changed_findings_cite_the_changed_records(rulebook: Rulebook, derbyshire: Bundle) -> None:
    """A few key findings name the record that was varied as their evidence."""
    cases = [
        ((V("victim-satisfaction", rate=satisfaction(82.0, 1.0)),), RC, "satisfaction_below_national",
         ("victim-satisfaction",)),
        ((V("victim-satisfaction", rate=satisfaction(80.5, 1.4)),), RC, "satisfaction_uncertain_against_minimum",
         ("victim-satisfaction",)),
        ((V("victim-contract", coverage="none"),), RC, "no_victim_contracts", ("victim-contract",)),
        ((V("domestic-abuse", progress="none"),), IO, "domestic_abuse_no_progress", ("domestic-abuse",)),
        ((V("evaluation-crime-prevention", level="systematic"),), RC, "evaluation_systematic",
         ("evaluation-crime-prevention",)),
    ]
    for steps, question, rule, evidence in cases:
        result = judgment.judge(rulebook, apply(derbyshire, steps))
        [finding] = [f for f in result.question(question).findings if f.rule == rule]
        assert finding.evidence == evidence, rule


def test_satisfaction_thresholds_are_separate(rulebook: Rulebook, derbyshire: Bundle) -> None:
    """The indeterminate and the below-minimum findings never fire together."""
    for value, margin, expected in [
        (80.5, 1.4, "satisfaction_uncertain_against_minimum"),
        (79.5, 1.4, "satisfaction_uncertain_against_minimum"),
        (77.0, 1.0, "satisfaction_below_minimum"),
        (81.5, 1.4, None),
    ]:
        result = judgment.judge(rulebook, vary(derbyshire, "victim-satisfaction", rate=satisfaction(value, margin)))
        fired = rules_fired(result, RC) & {"satisfaction_uncertain_against_minimum", "satisfaction_below_minimum"}
        assert fired == ({expected} if expected else set()), (value, margin)


def test_variants_reach_every_grade_on_every_question(rulebook: Rulebook, derbyshire: Bundle) -> None:
    reached = set()
    for variant in VARIANTS:
        result = judgment.judge(rulebook, apply(derbyshire, variant.steps))
        reached.add((variant.question, result.grades[variant.question]))
    assert reached == set(itertools.product(QUESTIONS, GRADES))


# --- Order and determinism ---------------------------------------------------------------

ORDER_CASES = [pytest.param((), id="derbyshire")] + [
    pytest.param(v.steps, id=v.id) for v in VARIANTS
    if v.id in {"rc-satisfaction-below-minimum-requires-improvement", "io-vulnerable-victims-missed-requires-improvement",
                "ta-exemplary-engagement-outstanding"}
]


@pytest.mark.parametrize("steps", ORDER_CASES)
def test_independent_of_record_order_and_deterministic(
    rulebook: Rulebook, derbyshire: Bundle, steps: tuple[Vary | Drop, ...]
) -> None:
    bundle = apply(derbyshire, steps)

    first = judgment.judge(rulebook, bundle)
    again = judgment.judge(rulebook, bundle)
    # A Bundle re-sorts its records: the reversed order is handed to the engines themselves.
    backwards = judge_in_order(rulebook, bundle, tuple(reversed(bundle.records)))

    assert first.to_json() == again.to_json()
    assert backwards.to_json() == first.to_json()
    assert backwards.grades == first.grades
    for question in QUESTIONS:
        assert [(f.rule, f.evidence) for f in backwards.question(question).findings] == [
            (f.rule, f.evidence) for f in first.question(question).findings
        ]
