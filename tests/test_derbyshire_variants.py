"""Variants of the Derbyshire 2014 bundle, judged against the HMIC 2014 rulebook.

Each variant changes (vary), removes (drop) or adds (add) records of the published
Derbyshire evidence and pins what the rulebook then decides: the grade of the question it
targets, the criterion that decided it, the exact findings that criterion weighed,
which rules started or stopped firing, the recommendations, and that the other
questions are untouched unless the changed record also feeds them. Together the
variants reach every grade on every question; a separate test checks that claim
from the judgments themselves.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

import judgment
from judgment import Bundle, Rulebook
from judgment._api import judge_in_order
from judgment.evidence import get_vocabulary

from conftest import drop, rules_fired, vary

QUESTIONS = ("reducing_crime", "investigating_offending", "tackling_asb")
GRADES = ("outstanding", "good", "requires_improvement", "inadequate")
POLARITIES = ("notable_practice", "strength", "area_for_improvement", "cause_of_concern")

# The polarities each criterion of grading.yaml weighs: those its condition counts, and for the
# last (`otherwise`), every polarity the criteria before it count, since it holds only when they
# all fail. A variant must pin the exact findings of each of them for the question it targets;
# test_weighed_polarities_are_those_grading_yaml_counts keeps this table in step with the file.
WEIGHED = {
    "significantly-lower-than-expected": {"cause_of_concern", "strength", "notable_practice"},
    "some-weaknesses": {"cause_of_concern", "area_for_improvement", "strength"},
    "exceeds-the-standard": set(POLARITIES),
    "meets-the-standard": set(POLARITIES),
}
CRITERION_GRADE = {
    "significantly-lower-than-expected": "inadequate",
    "some-weaknesses": "requires_improvement",
    "exceeds-the-standard": "outstanding",
    "meets-the-standard": "good",
}

# What the unchanged Derbyshire bundle produces, by question and polarity. Each question is Good:
# reducing crime has a notable practice but two areas for improvement (Outstanding allows one);
# the other two have no notable practice, and no question has a cause of concern or more areas
# for improvement than strengths.
BASELINE: dict[str, dict[str, set[str]]] = {
    "reducing_crime": {
        "notable_practice": {"strategic_assessment_national_good_practice"},
        "strength": {
            "crime_reduction_greater_than_national",
            "crime_rate_below_national",
            "satisfaction_above_national",
            "victim_contracts_in_place",
            "effective_strategic_assessment",
            "prevention_partnership_strong",
            "broad_effective_tactics",
            # The report places domestic abuse under reducing crime (issue 16, point 2).
            "domestic_abuse_progress",
        },
        "area_for_improvement": {"evaluation_limited", "crime_rising_last_year"},
        "cause_of_concern": set(),
    },
    "investigating_offending": {
        "notable_practice": set(),
        "strength": {
            "vulnerable_victims_identified",
            "robust_investigation_scrutiny",
            "good_investigation_standard",
            "prolific_offenders_managed",
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
        "area_for_improvement": {"asb_evaluation_limited", "asb_recording_unclear", "asb_rate_above_national"},
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


@dataclass(frozen=True)
class Add:
    """A record the published bundle lacks, of a kind of the bundle's vocabulary."""

    data: Mapping[str, Any]


Step = Vary | Drop | Add


def V(record: str, **changes: Any) -> Vary:
    return Vary(record, changes)


def D(*records: str) -> Drop:
    return Drop(records)


def named_concern(record_id: str, subject: str, *, cause: bool = True) -> Add:
    """A concern the report states about `subject`; `cause`: the report names it a cause of concern."""
    return Add({
        "id": record_id, "kind": "stated_concern", "subject": subject, "cause_of_concern": cause,
        "provenance": {"document": "a variant", "section": "test",
                       "quote": "Paraphrase: a concern stated by the report."},
    })


def add(bundle: Bundle, data: Mapping[str, Any]) -> Bundle:
    """A copy of `bundle` with one more record, validated by its vocabulary's model for the kind."""
    vocabulary = get_vocabulary(bundle.vocabulary)
    assert vocabulary is not None
    if data["id"] in {r.id for r in bundle.records}:
        raise KeyError(data["id"])
    record = vocabulary.models[str(data["kind"])].model_validate(dict(data))
    return bundle.replace_records([*bundle.records, record])


def apply(bundle: Bundle, steps: tuple[Step, ...]) -> Bundle:
    for step in steps:
        if isinstance(step, Vary):
            bundle = vary(bundle, step.record, **step.changes)
        elif isinstance(step, Drop):
            bundle = drop(bundle, *step.records)
        else:
            bundle = add(bundle, step.data)
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
    steps: tuple[Step, ...]
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


def less(question: str, polarity: str, *rules: str) -> set[str]:
    """The baseline findings of one polarity, without some."""
    assert set(rules) <= BASELINE[question][polarity], rules
    return BASELINE[question][polarity] - set(rules)


RC, IO, TA = QUESTIONS
NO_CONCERN: dict[str, set[str]] = {"cause_of_concern": set()}
NO_NOTABLE: dict[str, set[str]] = {"notable_practice": set()}
RC_NOTABLE = {"notable_practice": BASELINE[RC]["notable_practice"]}
RC_AFI = BASELINE[RC]["area_for_improvement"]
IO_AFI = BASELINE[IO]["area_for_improvement"]
TA_AFI = BASELINE[TA]["area_for_improvement"]
# Records whose findings are every strength and notable practice of a question (and of no other
# question, but for vulnerability, which also feeds the other): dropped to leave nothing at the standard.
RC_STANDARD_RECORDS = ("crime-change-4y", "victim-based-crime-change-4y", "crime-rate-excluding-fraud",
                       "strategic-assessment", "victim-contract", "tactics-and-powers",
                       "partnership-crime-prevention", "victim-satisfaction")
IO_STANDARD_RECORDS = ("vulnerability", "investigation-quality", "offender-management")
TA_STANDARD_RECORDS = ("neighbourhood-policing", "partnership-asb", "asb-incidents", "vulnerability")

# Each id says the grade and what decides it, by the rule of grading.yaml: Inadequate = a cause of
# concern and no strength or notable practice; Requires improvement = a cause of concern, or two or
# more areas for improvement outnumbering strengths; Outstanding = a notable practice, no cause of
# concern, three or more strengths, at most one area for improvement; Good otherwise.
VARIANTS: tuple[Variant, ...] = (
    # --- reducing_crime -------------------------------------------------------------
    Variant(
        # Systematic evaluation replaces a weakness with a strength: 1 notable practice, 9 strengths,
        # 1 area for improvement (crime rising last year), no cause of concern.
        id="rc-systematic-evaluation-outstanding-notable-practice-and-one-weakness",
        steps=(V("evaluation-crime-prevention", level="systematic"),),
        question=RC, grade="outstanding", criterion="exceeds-the-standard",
        decisive={
            **NO_CONCERN, **RC_NOTABLE,
            "area_for_improvement": {"crime_rising_last_year"},
            "strength": BASELINE[RC]["strength"] | {"evaluation_systematic"},
        },
        added=fs("evaluation_systematic"), removed=fs("evaluation_limited"),
        recommendations={"evaluate-and-share-learning": {"asb_evaluation_limited", "learning_from_tactics_limited"}},
    ),
    Variant(
        # Satisfaction in line with England and Wales is neither strength nor weakness: 7 strengths,
        # 2 areas for improvement, which bar Outstanding despite the notable practice.
        id="rc-satisfaction-in-line-with-national-good-two-weaknesses-bar-outstanding",
        steps=(V("victim-satisfaction", rate=satisfaction(85.5, 1.4)),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE, "area_for_improvement": RC_AFI,
                  "strength": less(RC, "strength", "satisfaction_above_national")},
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_above_national", "satisfaction_below_national", "satisfaction_falling"),
    ),
    Variant(
        # 3 areas for improvement against 7 strengths: not outnumbered, and too many for Outstanding.
        id="rc-no-victim-contracts-good-weaknesses-do-not-outnumber-strengths",
        steps=(V("victim-contract", coverage="none"),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE, "area_for_improvement": RC_AFI | {"no_victim_contracts"},
                  "strength": less(RC, "strength", "victim_contracts_in_place")},
        added=fs("no_victim_contracts"), removed=fs("victim_contracts_in_place"),
        recommendations={**BASELINE_RECOMMENDATIONS, "restore-victim-contact": {"no_victim_contracts"}},
    ),
    Variant(
        # Missing evidence is no weakness: one strength fewer, nothing added.
        id="rc-victim-satisfaction-missing-good-missing-evidence-is-no-weakness",
        steps=(D("victim-satisfaction"),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE, "area_for_improvement": RC_AFI,
                  "strength": less(RC, "strength", "satisfaction_above_national")},
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_national", "satisfaction_falling", "satisfaction_below_minimum",
                  "satisfaction_uncertain_against_minimum"),
    ),
    Variant(
        # Below national and falling: 4 areas for improvement against 7 strengths, not outnumbered.
        id="rc-satisfaction-below-national-and-falling-good-weaknesses-do-not-outnumber-strengths",
        steps=(V("victim-satisfaction", rate=satisfaction(82.0, 1.0)),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE,
                  "area_for_improvement": RC_AFI | {"satisfaction_below_national", "satisfaction_falling"},
                  "strength": less(RC, "strength", "satisfaction_above_national")},
        added=fs("satisfaction_below_national", "satisfaction_falling"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_minimum", "satisfaction_uncertain_against_minimum"),
    ),
    Variant(
        # Possibly below the 80 percent floor is a weakness, not the floor's cause of concern:
        # 5 areas for improvement against 7 strengths.
        id="rc-satisfaction-straddles-minimum-good-uncertain-floor-is-a-weakness-not-a-concern",
        steps=(V("victim-satisfaction", rate=satisfaction(80.5, 1.4)),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE,
                  "area_for_improvement": RC_AFI | {"satisfaction_below_national", "satisfaction_falling",
                                                    "satisfaction_uncertain_against_minimum"},
                  "strength": less(RC, "strength", "satisfaction_above_national")},
        added=fs("satisfaction_below_national", "satisfaction_falling", "satisfaction_uncertain_against_minimum"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_below_minimum"),
    ),
    Variant(
        # Surely below the 80 percent floor: the documented floor's cause of concern, beside strengths.
        id="rc-satisfaction-below-minimum-requires-improvement-floor-concern-beside-strengths",
        steps=(V("victim-satisfaction", rate=satisfaction(77.0, 1.0)),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={
            "cause_of_concern": {"satisfaction_below_minimum"},
            "area_for_improvement": RC_AFI | {"satisfaction_below_national", "satisfaction_falling"},
            "strength": less(RC, "strength", "satisfaction_above_national"),
        },
        added=fs("satisfaction_below_minimum", "satisfaction_below_national", "satisfaction_falling"),
        removed=fs("satisfaction_above_national"),
        absent=fs("satisfaction_uncertain_against_minimum"),
        recommendations={**BASELINE_RECOMMENDATIONS, "restore-victim-contact": {"satisfaction_below_minimum"}},
    ),
    Variant(
        # Weak ratings are areas for improvement, never causes of concern: 4 against 6 strengths.
        id="rc-weak-assessment-and-partnership-good-weak-ratings-are-weaknesses-not-concerns",
        steps=(V("strategic-assessment", effectiveness="weak"),
               V("partnership-crime-prevention", strength="weak")),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE,
                  "area_for_improvement": RC_AFI | {"strategic_assessment_weak", "prevention_partnership_weak"},
                  "strength": less(RC, "strength", "effective_strategic_assessment", "prevention_partnership_strong")},
        added=fs("strategic_assessment_weak", "prevention_partnership_weak"),
        # national_good_practice stays true: the derived notable practice goes with its basis.
        removed=fs("effective_strategic_assessment", "strategic_assessment_national_good_practice",
                   "prevention_partnership_strong"),
    ),
    Variant(
        # Inconsistent quality counts as weakness: 3 "mixed" or "some" ratings and a falling
        # satisfaction leave 4 strengths against 7 areas for improvement.
        id="rc-inconsistent-practice-requires-improvement-weaknesses-outnumber-strengths",
        steps=(V("victim-contract", coverage="some"),
               V("strategic-assessment", effectiveness="mixed"),
               V("partnership-crime-prevention", strength="mixed"),
               V("victim-satisfaction", rate=satisfaction(82.0, 1.0))),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN,
                  "area_for_improvement": RC_AFI | {"victim_contracts_patchy", "strategic_assessment_inconsistent",
                                                    "prevention_partnership_inconsistent",
                                                    "satisfaction_below_national", "satisfaction_falling"},
                  "strength": less(RC, "strength", "victim_contracts_in_place", "effective_strategic_assessment",
                                   "prevention_partnership_strong", "satisfaction_above_national")},
        added=fs("victim_contracts_patchy", "strategic_assessment_inconsistent", "prevention_partnership_inconsistent",
                 "satisfaction_below_national", "satisfaction_falling"),
        removed=fs("victim_contracts_in_place", "effective_strategic_assessment",
                   "strategic_assessment_national_good_practice", "prevention_partnership_strong",
                   "satisfaction_above_national"),
    ),
    Variant(
        # A cause of concern the report names, beside 8 strengths and a notable practice.
        id="rc-named-cause-of-concern-beside-strengths-requires-improvement",
        steps=(named_concern("concern-victim-service", "victim_service"),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"cause_of_concern_reducing_crime"}, "area_for_improvement": RC_AFI,
                  "strength": BASELINE[RC]["strength"]},
        added=fs("cause_of_concern_reducing_crime"),
        absent=fs("concern_stated_reducing_crime"),
    ),
    Variant(
        # Without the domestic abuse record, one strength fewer and no weakness added.
        id="rc-domestic-abuse-record-missing-good-missing-evidence-is-no-weakness",
        steps=(D("domestic-abuse"),),
        question=RC, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **RC_NOTABLE, "area_for_improvement": RC_AFI,
                  "strength": less(RC, "strength", "domestic_abuse_progress")},
        removed=fs("domestic_abuse_progress"),
        absent=fs("domestic_abuse_no_progress", "domestic_abuse_limited_progress"),
    ),
    Variant(
        # No domestic abuse progress is a documented floor: a cause of concern, here beside strengths.
        id="rc-domestic-abuse-no-progress-requires-improvement-floor-concern-beside-strengths",
        steps=(V("domestic-abuse", progress="none"),),
        question=RC, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"domestic_abuse_no_progress"}, "area_for_improvement": RC_AFI,
                  "strength": less(RC, "strength", "domestic_abuse_progress")},
        added=fs("domestic_abuse_no_progress"), removed=fs("domestic_abuse_progress"),
        recommendations={**BASELINE_RECOMMENDATIONS, "domestic-abuse-action": {"domestic_abuse_no_progress"}},
    ),
    Variant(
        # The same floor with every record that meets the standard gone: nothing beside the concern.
        id="rc-floor-concern-with-nothing-at-the-standard-inadequate",
        steps=(D(*RC_STANDARD_RECORDS), V("domestic-abuse", progress="none")),
        question=RC, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"domestic_abuse_no_progress"}, "strength": set(), "notable_practice": set()},
        added=fs("domestic_abuse_no_progress"),
        removed=frozenset(BASELINE[RC]["strength"] | BASELINE[RC]["notable_practice"]),
        recommendations={**BASELINE_RECOMMENDATIONS, "domestic-abuse-action": {"domestic_abuse_no_progress"}},
    ),
    # --- investigating_offending ------------------------------------------------------
    Variant(
        # Strong investigation throughout is notable practice; both weaknesses go: 4 strengths, none.
        id="io-exemplary-investigation-outstanding-notable-practice-and-no-weakness",
        steps=(V("investigation-quality", standard="strong", initial_investigation="good", strategies_recorded="all"),
               V("learning-investigation", evaluation_of_tactics="developing")),
        question=IO, grade="outstanding", criterion="exceeds-the-standard",
        decisive={**NO_CONCERN, "area_for_improvement": set(), "notable_practice": {"exemplary_investigation"},
                  "strength": BASELINE[IO]["strength"]},
        added=fs("exemplary_investigation"),
        removed=fs("initial_investigation_concerns", "learning_from_tactics_limited"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "asb_evaluation_limited"}},
    ),
    Variant(
        # A fifth strength, but no notable practice: Outstanding is not earned.
        id="io-detection-above-national-good-no-notable-practice",
        steps=(V("detection-rate", rate=detection(29)),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE, "area_for_improvement": IO_AFI,
                  "strength": BASELINE[IO]["strength"] | {"detection_above_national"}},
        added=fs("detection_above_national"),
        absent=fs("detection_below_national"),
    ),
    Variant(
        # One area for improvement and 4 strengths, but no notable practice.
        id="io-learning-record-missing-good-no-notable-practice",
        steps=(D("learning-investigation"),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE, "area_for_improvement": {"initial_investigation_concerns"},
                  "strength": BASELINE[IO]["strength"]},
        removed=fs("learning_from_tactics_limited"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "asb_evaluation_limited"}},
    ),
    Variant(
        # 3 areas for improvement against 4 strengths: not outnumbered.
        id="io-detection-below-national-good-weaknesses-do-not-outnumber-strengths",
        steps=(V("detection-rate", rate=detection(23)),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE, "area_for_improvement": IO_AFI | {"detection_below_national"},
                  "strength": BASELINE[IO]["strength"]},
        added=fs("detection_below_national"),
        absent=fs("detection_above_national"),
    ),
    Variant(
        # A stated concern the report does not name a cause of concern is one weakness: 3 against 4.
        id="io-stated-concern-not-named-a-cause-good-it-is-one-weakness",
        steps=(named_concern("concern-child-protection", "child_protection", cause=False),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE,
                  "area_for_improvement": IO_AFI | {"concern_stated_investigating_offending"},
                  "strength": BASELINE[IO]["strength"]},
        added=fs("concern_stated_investigating_offending"),
        absent=fs("cause_of_concern_investigating_offending"),
    ),
    Variant(
        # A weak rating is an area for improvement: 3 against 3 strengths, not outnumbered.
        id="io-vulnerable-victims-missed-good-as-many-weaknesses-as-strengths",
        steps=(V("vulnerability", identification="weak"),),
        question=IO, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE, "area_for_improvement": IO_AFI | {"vulnerable_victims_missed"},
                  "strength": less(IO, "strength", "vulnerable_victims_identified")},
        added=fs("vulnerable_victims_missed"), removed=fs("vulnerable_victims_identified"),
        # The vulnerability record also feeds tackling_asb: 3 strengths against 3 weaknesses, good.
        affected={TA: Affected("good", removed=fs("vulnerable_asb_victims_protected"))},
    ),
    Variant(
        # One more weakness tips the balance: 4 areas for improvement against 3 strengths.
        id="io-vulnerable-victims-missed-and-detection-below-requires-improvement-weaknesses-outnumber-strengths",
        steps=(V("vulnerability", identification="weak"), V("detection-rate", rate=detection(23))),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN,
                  "area_for_improvement": IO_AFI | {"vulnerable_victims_missed", "detection_below_national"},
                  "strength": less(IO, "strength", "vulnerable_victims_identified")},
        added=fs("vulnerable_victims_missed", "detection_below_national"), removed=fs("vulnerable_victims_identified"),
        affected={TA: Affected("good", removed=fs("vulnerable_asb_victims_protected"))},
    ),
    Variant(
        # Weak ratings are weaknesses, not causes of concern: 4 areas for improvement against 2 strengths.
        id="io-weak-offender-management-and-standard-requires-improvement-weaknesses-outnumber-strengths",
        steps=(V("offender-management", approach="weak"), V("investigation-quality", standard="weak")),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN,
                  "area_for_improvement": IO_AFI | {"offender_management_weak", "poor_investigation_standard"},
                  "strength": less(IO, "strength", "prolific_offenders_managed", "good_investigation_standard")},
        added=fs("offender_management_weak", "poor_investigation_standard"),
        removed=fs("prolific_offenders_managed", "good_investigation_standard"),
    ),
    Variant(
        # A named cause of concern beside 4 strengths.
        id="io-named-cause-of-concern-beside-strengths-requires-improvement",
        steps=(named_concern("concern-investigation", "investigation"),),
        question=IO, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"cause_of_concern_investigating_offending"}, "area_for_improvement": IO_AFI,
                  "strength": BASELINE[IO]["strength"]},
        added=fs("cause_of_concern_investigating_offending"),
        absent=fs("concern_stated_investigating_offending"),
    ),
    Variant(
        # A named cause of concern with every record that meets the standard gone.
        id="io-named-cause-of-concern-with-nothing-at-the-standard-inadequate",
        steps=(D(*IO_STANDARD_RECORDS), named_concern("concern-child-protection", "child_protection")),
        question=IO, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"cause_of_concern_investigating_offending"}, "strength": set(),
                  "notable_practice": set()},
        added=fs("cause_of_concern_investigating_offending"),
        removed=fs("initial_investigation_concerns") | BASELINE[IO]["strength"],
        # Without the vulnerability record tackling_asb has 3 strengths against 3 weaknesses: good.
        affected={TA: Affected("good", removed=fs("vulnerable_asb_victims_protected"))},
    ),
    # --- tackling_asb -----------------------------------------------------------------
    Variant(
        # Strong engagement with a strong partnership is notable practice; 4 strengths and one
        # area for improvement left (the ASB rate above England and Wales).
        id="ta-exemplary-engagement-outstanding-notable-practice-and-one-weakness",
        steps=(V("neighbourhood-policing", community_engagement="strong", asb_recording="good"),
               V("evaluation-asb", level="developing")),
        question=TA, grade="outstanding", criterion="exceeds-the-standard",
        decisive={**NO_CONCERN, "area_for_improvement": {"asb_rate_above_national"},
                  "notable_practice": {"asb_engagement_exemplary"}, "strength": BASELINE[TA]["strength"]},
        added=fs("asb_engagement_exemplary"),
        removed=fs("asb_evaluation_limited", "asb_recording_unclear"),
        recommendations={"evaluate-and-share-learning": {"evaluation_limited", "learning_from_tactics_limited"}},
    ),
    Variant(
        # A fifth strength, but no notable practice and three weaknesses.
        id="ta-learning-shared-systematically-good-no-notable-practice",
        steps=(V("learning-asb", sharing_good_practice="systematic"),),
        question=TA, grade="good", criterion="meets-the-standard",
        decisive={**NO_CONCERN, **NO_NOTABLE, "area_for_improvement": TA_AFI,
                  "strength": BASELINE[TA]["strength"] | {"asb_learning_shared"}},
        added=fs("asb_learning_shared"),
    ),
    Variant(
        # A rise replaces a strength with a weakness: 4 areas for improvement against 3 strengths.
        id="ta-asb-incidents-rising-requires-improvement-weaknesses-outnumber-strengths",
        steps=(V("asb-incidents", change={"value": 5, "unit": "percent_change"}),),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN, "area_for_improvement": TA_AFI | {"asb_incidents_rising"},
                  "strength": less(TA, "strength", "asb_incidents_reduced")},
        added=fs("asb_incidents_rising"), removed=fs("asb_incidents_reduced"),
    ),
    Variant(
        # A weak partnership is a weakness in place of a strength: 4 against 3.
        id="ta-partnership-weak-requires-improvement-weaknesses-outnumber-strengths",
        steps=(V("partnership-asb", strength="weak"),),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN, "area_for_improvement": TA_AFI | {"asb_partnership_weak"},
                  "strength": less(TA, "strength", "asb_partnership_strong")},
        added=fs("asb_partnership_weak"), removed=fs("asb_partnership_strong"),
    ),
    Variant(
        # Two weak ratings are weaknesses, not causes of concern: 5 against 2 strengths.
        id="ta-neighbourhood-eroded-and-partnership-weak-requires-improvement-weak-ratings-are-weaknesses",
        steps=(V("neighbourhood-policing", commitment="weak"), V("partnership-asb", strength="weak")),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={**NO_CONCERN,
                  "area_for_improvement": TA_AFI | {"neighbourhood_policing_eroded", "asb_partnership_weak"},
                  "strength": less(TA, "strength", "neighbourhood_policing_committed", "asb_partnership_strong")},
        added=fs("neighbourhood_policing_eroded", "asb_partnership_weak"),
        removed=fs("neighbourhood_policing_committed", "asb_partnership_strong"),
    ),
    Variant(
        # A named cause of concern beside 4 strengths.
        id="ta-named-cause-of-concern-beside-strengths-requires-improvement",
        steps=(named_concern("concern-asb", "anti_social_behaviour"),),
        question=TA, grade="requires_improvement", criterion="some-weaknesses",
        decisive={"cause_of_concern": {"cause_of_concern_asb"}, "area_for_improvement": TA_AFI,
                  "strength": BASELINE[TA]["strength"]},
        added=fs("cause_of_concern_asb"),
        absent=fs("concern_stated_asb"),
    ),
    Variant(
        # A named cause of concern with every record that meets the standard gone.
        id="ta-named-cause-of-concern-with-nothing-at-the-standard-inadequate",
        steps=(D(*TA_STANDARD_RECORDS), named_concern("concern-asb", "anti_social_behaviour")),
        question=TA, grade="inadequate", criterion="significantly-lower-than-expected",
        decisive={"cause_of_concern": {"cause_of_concern_asb"}, "strength": set(), "notable_practice": set()},
        added=fs("cause_of_concern_asb"),
        removed=fs("asb_recording_unclear", "asb_rate_above_national") | BASELINE[TA]["strength"],
        # Without the vulnerability record investigating_offending has 3 strengths against 2 weaknesses.
        affected={IO: Affected("good", removed=fs("vulnerable_victims_identified"))},
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


def test_weighed_polarities_are_those_grading_yaml_counts(rulebook: Rulebook) -> None:
    """WEIGHED names, for each criterion, the polarities its condition counts in grading.yaml (for
    the `otherwise` criterion, those of every graded criterion before it), on every question."""
    for question in QUESTIONS:
        before: set[str] = set()
        criteria = [c for c in rulebook.grading[question] if c.grade is not None]
        assert [c.id for c in criteria] == list(WEIGHED), question
        for criterion in criteria:
            if criterion.when is None:
                counted = set(before)
            else:
                counted = set(re.findall(r"\b(?:count|any)\((\w+)\)", criterion.when.text))
            assert counted <= set(POLARITIES), criterion.id
            assert WEIGHED[criterion.id] == counted, (question, criterion.id)
            before |= counted


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
    cases: list[tuple[tuple[Step, ...], str, str, tuple[str, ...]]] = [
        ((V("victim-satisfaction", rate=satisfaction(82.0, 1.0)),), RC, "satisfaction_below_national",
         ("victim-satisfaction",)),
        ((V("victim-satisfaction", rate=satisfaction(80.5, 1.4)),), RC, "satisfaction_uncertain_against_minimum",
         ("victim-satisfaction",)),
        ((V("victim-contract", coverage="none"),), RC, "no_victim_contracts", ("victim-contract",)),
        ((V("domestic-abuse", progress="none"),), RC, "domestic_abuse_no_progress", ("domestic-abuse",)),
        ((named_concern("concern-investigation", "investigation"),), IO, "cause_of_concern_investigating_offending",
         ("concern-investigation",)),
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
    if v.id in {"rc-satisfaction-below-minimum-requires-improvement-floor-concern-beside-strengths",
                "io-vulnerable-victims-missed-good-as-many-weaknesses-as-strengths",
                "ta-exemplary-engagement-outstanding-notable-practice-and-one-weakness",
                "ta-named-cause-of-concern-with-nothing-at-the-standard-inadequate"}
]
assert len(ORDER_CASES) == 5


@pytest.mark.parametrize("steps", ORDER_CASES)
def test_independent_of_record_order_and_deterministic(
    rulebook: Rulebook, derbyshire: Bundle, steps: tuple[Step, ...]
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
