"""The floor: the shipped rulebook (rules/hmic-crime-2014) written by hand as plain Python.

What the engine's cost is reported against. Every finding rule is a small function reading
record attributes directly; ordered enums compare through precomputed rank dicts; grading,
why-not and recommendations are straight-line code. Nothing is parsed or interpreted, and
no pydantic model is built.

The semantics are judgment's compiled engine's (src/judgment/_compiled/): missing evidence is
unknown, a rule fires only when its condition is true (Kleene and/or), each rule binds each
record of its kind, count(p) counts distinct finding rules of polarity p for the question,
the first criterion that holds decides, and the grades either side are analysed.

The trace keeps raw values. A check is a plain tuple
``(condition source text, raw operand values, outcome True/False/None, state or None)``:

* ``a.b >= 'good'``, ``a.b == true``, ``a.months >= 36``: ``(left, right)`` as compared
  (enum members, bools, numbers; None when the evidence lacks the field);
* ``a.rate is above national within 2``, ``a.rate is below 80``: ``(figure, reference)``
  (the record's own Measure objects, or the threshold) and the state reached;
* ``finding(x)``: ``(x,)``, made or not in the outcome;
* ``count(p) >= n``: ``(count, n)``; ``any(p)``: ``(count,)``.

Checks are built only for findings that are made (the engine keeps none for the others),
and for every criterion and recommendation the engine evaluates.

Run ``python -m bench._floor`` (with judgment importable) to check the floor against the
engine on Derbyshire and on 2,000 generated bundles, and to time it.
"""

from __future__ import annotations

from typing import NamedTuple

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


# --- vocabulary (hmic-crime): ordered enums, worst first ----------------------------------

STRENGTH = {"weak": 0, "mixed": 1, "good": 2, "strong": 3}
COVERAGE = {"none": 0, "some": 1, "most": 2, "all": 3}
PROGRESS = {"none": 0, "limited": 1, "some": 2, "substantial": 3}
CAPABILITY = {"none": 0, "limited": 1, "developing": 2, "systematic": 3}
GOOD, MIXED, SOME, MOST, LIMITED, DEVELOPING = 2, 1, 1, 2, 1, 2

#: Enum members in words, as finding texts print them.
WORDS = {v: v.replace("_", " ") for v in (
    *STRENGTH, *COVERAGE, *PROGRESS, *CAPABILITY, "narrow", "moderate", "broad")}
UNKNOWN = "unknown (not in the evidence)"


def _words(value: str) -> str:
    """Free text in a finding text: underscores read as spaces, and (as the engine's template
    rendering does to the whole text) doubled braces collapse."""
    return value.replace("_", " ").replace("{{", "{").replace("}}", "}")


def _count_words(value: int | None) -> str:
    return UNKNOWN if value is None else f"{value:,}"


def _against(m, c, tolerance: float) -> str:  # noqa: ANN001 - two Measures
    """A figure against a comparator figure, gap beyond the tolerance (judgment._compare)."""
    i = m.interval
    lo, hi = (i.lower, i.upper) if i is not None else (m.value, m.value)
    i = c.interval
    clo, chi = (i.lower, i.upper) if i is not None else (c.value, c.value)
    if lo - chi > tolerance:
        return "above"
    if clo - hi > tolerance:
        return "below"
    return "in_line"


def _threshold(m, threshold: float) -> str:  # noqa: ANN001 - a Measure
    i = m.interval
    lo, hi = (i.lower, i.upper) if i is not None else (m.value, m.value)
    if lo > threshold:
        return "above"
    if hi < threshold:
        return "below"
    return "indeterminate"


# --- finding rules: rule(record, made) -> (text, checks) when the condition is true, else None
# `made` is the set of rule ids that have made a finding so far (for finding(x)).

# reducing_crime -----------------------------------------------------------------------

C_CATEGORY = "crime_change.category == 'crime_excluding_fraud'"
C_MONTHS = "crime_change.months >= 36"


def crime_reduction_greater_than_national(r, made):
    m = r.change
    n = m.comparators.get("national")
    if n is None or r.category != "crime_excluding_fraud" or r.months < 36:
        return None
    if _against(m, n, 2.0) != "below":
        return None
    return (f"Recorded crime changed by {m.describe()} over {_words(r.period)}, a greater reduction than "
            f"England and Wales ({n.describe()}).",
            ((C_CATEGORY, (r.category, "crime_excluding_fraud"), True, None),
             (C_MONTHS, (r.months, 36), True, None),
             ("crime_change.change is below national within 2", (m, n), True, "below")))


def crime_reduction_smaller_than_national(r, made):
    m = r.change
    n = m.comparators.get("national")
    if n is None or r.category != "crime_excluding_fraud" or r.months < 36:
        return None
    if _against(m, n, 2.0) != "above":
        return None
    return (f"Recorded crime changed by {m.describe()} over {_words(r.period)}, less of a reduction than "
            f"England and Wales ({n.describe()}).",
            ((C_CATEGORY, (r.category, "crime_excluding_fraud"), True, None),
             (C_MONTHS, (r.months, 36), True, None),
             ("crime_change.change is above national within 2", (m, n), True, "above")))


def satisfaction_above_national(r, made):
    m = r.rate
    n = m.comparators.get("national")
    if n is None or _against(m, n, 0.0) != "above":
        return None
    return (f"Victim satisfaction of {m.describe()} is higher than the rate for England and Wales of "
            f"{n.describe()}.",
            (("victim_satisfaction.rate is above national", (m, n), True, "above"),))


def satisfaction_below_national(r, made):
    m = r.rate
    n = m.comparators.get("national")
    if n is None or _against(m, n, 0.0) != "below":
        return None
    return (f"Victim satisfaction of {m.describe()} is lower than the rate for England and Wales of "
            f"{n.describe()}.",
            (("victim_satisfaction.rate is below national", (m, n), True, "below"),))


def satisfaction_falling(r, made):
    m = r.rate
    p = m.comparators.get("previous_year")
    if p is None or _against(m, p, 0.0) != "below":
        return None
    return (f"Victim satisfaction of {m.describe()} has fallen from {p.describe()} the year before.",
            (("victim_satisfaction.rate is below previous_year", (m, p), True, "below"),))


def satisfaction_below_minimum(r, made):
    m = r.rate
    if _threshold(m, 80.0) != "below":
        return None
    return (f"Victim satisfaction of {m.describe()} is below the minimum of 80% that this rulebook expects.",
            (("victim_satisfaction.rate is below 80", (m, 80.0), True, "below"),))


def satisfaction_uncertain_against_minimum(r, made):
    m = r.rate
    if _threshold(m, 80.0) != "indeterminate":
        return None
    return (f"Victim satisfaction of {m.describe()} cannot be shown to meet the minimum of 80%: its "
            "confidence interval straddles it.",
            (("victim_satisfaction.rate is indeterminate against 80", (m, 80.0), True, "indeterminate"),))


def victim_contracts_in_place(r, made):
    c = r.coverage
    if COVERAGE[c] < MOST:
        return None
    return (f"Victim contracts setting out the agreed contact reach {WORDS[c]} victims.",
            (("victim_contract.coverage >= 'most'", (c, "most"), True, None),))


def no_victim_contracts(r, made):
    c = r.coverage
    if c != "none":
        return None
    return ("No victim receives a contract agreeing the nature and frequency of contact.",
            (("victim_contract.coverage == 'none'", (c, "none"), True, None),))


def effective_strategic_assessment(r, made):
    e = r.effectiveness
    if STRENGTH[e] < GOOD or r.joint_with_partners is not True:
        return None
    return (f"The strategic threat and risk assessment is {WORDS[e]} and agreed jointly with partners.",
            (("strategic_assessment.effectiveness >= 'good'", (e, "good"), True, None),
             ("strategic_assessment.joint_with_partners == true", (True, True), True, None)))


def strategic_assessment_national_good_practice(r, made):
    if "effective_strategic_assessment" not in made or r.national_good_practice is not True:
        return None
    return ("The joint strategic threat and risk assessment represents national good practice.",
            (("finding(effective_strategic_assessment)", ("effective_strategic_assessment",), True, None),
             ("strategic_assessment.national_good_practice == true", (True, True), True, None)))


def strategic_assessment_weak(r, made):
    e = r.effectiveness
    if e != "weak":
        return None
    return ("The strategic threat and risk assessment does not direct resources to the community's priorities.",
            (("strategic_assessment.effectiveness == 'weak'", (e, "weak"), True, None),))


def prevention_partnership_strong(r, made):
    s = r.strength
    if r.area != "crime_prevention" or STRENGTH[s] < GOOD:
        return None
    return (f"Partnership working to prevent crime and offending is {WORDS[s]}.",
            (("partnership_working.area == 'crime_prevention'", (r.area, "crime_prevention"), True, None),
             ("partnership_working.strength >= 'good'", (s, "good"), True, None)))


def prevention_partnership_weak(r, made):
    s = r.strength
    if r.area != "crime_prevention" or s != "weak":
        return None
    return ("Partnership working to prevent crime and offending is weak.",
            (("partnership_working.area == 'crime_prevention'", (r.area, "crime_prevention"), True, None),
             ("partnership_working.strength == 'weak'", (s, "weak"), True, None)))


def broad_effective_tactics(r, made):
    b, e = r.breadth, r.effectiveness
    if b != "broad" or STRENGTH[e] < GOOD:
        return None
    return (f"The force uses a {WORDS[b]} range of effective tactics and powers.",
            (("tactics_and_powers.breadth == 'broad'", (b, "broad"), True, None),
             ("tactics_and_powers.effectiveness >= 'good'", (e, "good"), True, None)))


def evaluation_limited(r, made):
    v = r.level
    if r.area != "crime_prevention" or CAPABILITY[v] > LIMITED:
        return None
    return (f"The force's ability to measure the impact of its activities is {WORDS[v]}.",
            (("evaluation_capability.area == 'crime_prevention'", (r.area, "crime_prevention"), True, None),
             ("evaluation_capability.level <= 'limited'", (v, "limited"), True, None)))


def evaluation_systematic(r, made):
    v = r.level
    if r.area != "crime_prevention" or v != "systematic":
        return None
    return ("The force systematically evaluates what works in preventing crime.",
            (("evaluation_capability.area == 'crime_prevention'", (r.area, "crime_prevention"), True, None),
             ("evaluation_capability.level == 'systematic'", (v, "systematic"), True, None)))


# investigating_offending --------------------------------------------------------------

def vulnerable_victims_identified(r, made):
    v = r.identification
    if STRENGTH[v] < GOOD:
        return None
    return (f"Identification and protection of vulnerable victims is {WORDS[v]}.",
            (("vulnerability.identification >= 'good'", (v, "good"), True, None),))


def vulnerable_victims_missed(r, made):
    v = r.identification
    if v != "weak":
        return None
    return ("Vulnerable victims are not reliably identified or protected.",
            (("vulnerability.identification == 'weak'", (v, "weak"), True, None),))


def robust_investigation_scrutiny(r, made):
    s = r.scrutiny
    if STRENGTH[s] < GOOD:
        return None
    return (f"Scrutiny of investigations is {WORDS[s]}.",
            (("investigation_quality.scrutiny >= 'good'", (s, "good"), True, None),))


def good_investigation_standard(r, made):
    st, su = r.standard, r.supervision
    if STRENGTH[st] < GOOD or STRENGTH[su] < GOOD:
        return None
    return (f"The standard of investigations is {WORDS[st]} and supervision is {WORDS[su]}.",
            (("investigation_quality.standard >= 'good'", (st, "good"), True, None),
             ("investigation_quality.supervision >= 'good'", (su, "good"), True, None)))


def exemplary_investigation(r, made):
    sc, st, ii = r.scrutiny, r.standard, r.initial_investigation
    if sc != "strong" or st != "strong" or STRENGTH[ii] < GOOD:
        return None
    return ("Investigations are of a strong standard throughout, from first response to scrutiny.",
            (("investigation_quality.scrutiny == 'strong'", (sc, "strong"), True, None),
             ("investigation_quality.standard == 'strong'", (st, "strong"), True, None),
             ("investigation_quality.initial_investigation >= 'good'", (ii, "good"), True, None)))


def initial_investigation_concerns(r, made):
    ii, sr = r.initial_investigation, r.strategies_recorded
    first = STRENGTH[ii] <= MIXED
    second = None if sr is None else COVERAGE[sr] <= SOME
    if not (first or second):  # 'or' is true when either side is; unknown or false does not fire
        return None
    return (f"The quality of initial investigations is {WORDS[ii]}, and investigation strategies are recorded in "
            f"{UNKNOWN if sr is None else WORDS[sr]} cases.",
            (("investigation_quality.initial_investigation <= 'mixed'", (ii, "mixed"), first, None),
             ("investigation_quality.strategies_recorded <= 'some'", (sr, "some"), second, None)))


def poor_investigation_standard(r, made):
    st, su = r.standard, r.supervision
    first, second = st == "weak", su == "weak"
    if not (first or second):
        return None
    return (f"The standard of investigations is {WORDS[st]} and supervision is {WORDS[su]}.",
            (("investigation_quality.standard == 'weak'", (st, "weak"), first, None),
             ("investigation_quality.supervision == 'weak'", (su, "weak"), second, None)))


def detection_above_national(r, made):
    m = r.rate
    n = m.comparators.get("national")
    if n is None or _against(m, n, 2.0) != "above":
        return None
    return (f"The detection rate of {m.describe()} is above the rate for England and Wales of {n.describe()}.",
            (("detection_rate.rate is above national within 2", (m, n), True, "above"),))


def detection_below_national(r, made):
    m = r.rate
    n = m.comparators.get("national")
    if n is None or _against(m, n, 2.0) != "below":
        return None
    return (f"The detection rate of {m.describe()} is below the rate for England and Wales of {n.describe()}.",
            (("detection_rate.rate is below national within 2", (m, n), True, "below"),))


def prolific_offenders_managed(r, made):
    a = r.approach
    if STRENGTH[a] < GOOD:
        return None
    return (f"Integrated offender management with partners is {WORDS[a]}; "
            f"{_count_words(r.offenders_managed)} offenders are managed through it.",
            (("offender_management.approach >= 'good'", (a, "good"), True, None),))


def offender_management_weak(r, made):
    a = r.approach
    if a != "weak":
        return None
    return ("Prolific and priority offenders are not managed effectively with partners.",
            (("offender_management.approach == 'weak'", (a, "weak"), True, None),))


def learning_from_tactics_limited(r, made):
    e = r.evaluation_of_tactics
    if r.area != "investigation" or CAPABILITY[e] > LIMITED:
        return None
    return (f"Evaluation of the success of crime fighting and crime prevention tactics is {WORDS[e]}.",
            (("learning_from_experience.area == 'investigation'", (r.area, "investigation"), True, None),
             ("learning_from_experience.evaluation_of_tactics <= 'limited'", (e, "limited"), True, None)))


def domestic_abuse_progress(r, made):
    p = r.progress
    if PROGRESS[p] < 2:
        return None
    return (f"The force has made {WORDS[p]} progress in its response to domestic abuse.",
            (("domestic_abuse.progress >= 'some'", (p, "some"), True, None),))


def domestic_abuse_no_progress(r, made):
    p = r.progress
    if p != "none":
        return None
    return ("The force has made no progress in its response to domestic abuse since HMIC's 2014 inspection.",
            (("domestic_abuse.progress == 'none'", (p, "none"), True, None),))


# tackling_asb -------------------------------------------------------------------------

def neighbourhood_policing_committed(r, made):
    c, u = r.commitment, r.understanding_of_priorities
    if STRENGTH[c] < GOOD or STRENGTH[u] < GOOD:
        return None
    return (f"Commitment to neighbourhood policing is {WORDS[c]}, and teams' understanding of local priorities "
            f"is {WORDS[u]}.",
            (("neighbourhood_policing.commitment >= 'good'", (c, "good"), True, None),
             ("neighbourhood_policing.understanding_of_priorities >= 'good'", (u, "good"), True, None)))


def neighbourhood_policing_eroded(r, made):
    c = r.commitment
    if c != "weak":
        return None
    return ("Neighbourhood policing has been eroded.",
            (("neighbourhood_policing.commitment == 'weak'", (c, "weak"), True, None),))


def asb_partnership_strong(r, made):
    s = r.strength
    if r.area != "anti_social_behaviour" or STRENGTH[s] < GOOD:
        return None
    return (f"Partnership working to tackle anti-social behaviour is {WORDS[s]}.",
            (("partnership_working.area == 'anti_social_behaviour'", (r.area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength >= 'good'", (s, "good"), True, None)))


def asb_partnership_weak(r, made):
    s = r.strength
    if r.area != "anti_social_behaviour" or s != "weak":
        return None
    return ("Partnership working to tackle anti-social behaviour is weak.",
            (("partnership_working.area == 'anti_social_behaviour'", (r.area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength == 'weak'", (s, "weak"), True, None)))


def vulnerable_asb_victims_protected(r, made):
    v = r.identification
    if STRENGTH[v] < GOOD or r.joint_risk_assessment is not True:
        return None
    return ("Victims at risk of anti-social behaviour are identified, with a joint risk assessment with partners.",
            (("vulnerability.identification >= 'good'", (v, "good"), True, None),
             ("vulnerability.joint_risk_assessment == true", (True, True), True, None)))


def asb_incidents_reduced(r, made):
    m = r.change
    if m is None or _threshold(m, 0.0) != "below":
        return None
    return (f"Anti-social behaviour incidents changed by {m.describe()} on the previous year.",
            (("asb_incidents.change is below 0", (m, 0.0), True, "below"),))


def asb_incidents_rising(r, made):
    m = r.change
    if m is None or _threshold(m, 0.0) != "above":
        return None
    return (f"Anti-social behaviour incidents rose by {m.describe()} on the previous year.",
            (("asb_incidents.change is above 0", (m, 0.0), True, "above"),))


def asb_evaluation_limited(r, made):
    v = r.level
    if r.area != "anti_social_behaviour" or CAPABILITY[v] > LIMITED:
        return None
    return (f"Measurement and evaluation of what works against anti-social behaviour is {WORDS[v]}.",
            (("evaluation_capability.area == 'anti_social_behaviour'", (r.area, "anti_social_behaviour"), True,
              None),
             ("evaluation_capability.level <= 'limited'", (v, "limited"), True, None)))


def asb_learning_shared(r, made):
    s = r.sharing_good_practice
    if r.area != "anti_social_behaviour" or CAPABILITY[s] < DEVELOPING:
        return None
    return (f"Learning from local problem solving is captured and shared ({WORDS[s]}).",
            (("learning_from_experience.area == 'anti_social_behaviour'", (r.area, "anti_social_behaviour"), True,
              None),
             ("learning_from_experience.sharing_good_practice >= 'developing'", (s, "developing"), True, None)))


def asb_recording_unclear(r, made):
    a = r.asb_recording
    if a is None or STRENGTH[a] > MIXED:
        return None
    return (f"The recording and investigation of anti-social behaviour is {WORDS[a]}: officers are unclear on "
            "the methods.",
            (("neighbourhood_policing.asb_recording <= 'mixed'", (a, "mixed"), True, None),))


def asb_engagement_exemplary(r, made):
    e = r.community_engagement
    if e != "strong" or "asb_partnership_strong" not in made:
        return None
    return ("Engagement with local people and partners on anti-social behaviour is strong and jointly run.",
            (("neighbourhood_policing.community_engagement == 'strong'", (e, "strong"), True, None),
             ("finding(asb_partnership_strong)", ("asb_partnership_strong",), True, None)))


# --- the rule table: question order, then file order (each derived rule follows the rule it uses)
# (rule id, question, polarity, kind bound, rule, findings it derives from, slot of its question and polarity)

RC, IO, ASB = "reducing_crime", "investigating_offending", "tackling_asb"
NP, ST, AFI, COC = "notable_practice", "strength", "area_for_improvement", "cause_of_concern"
QUESTIONS = (RC, IO, ASB)

_SLOT = {(q, p): 4 * i + j for i, q in enumerate(QUESTIONS) for j, p in enumerate((COC, AFI, ST, NP))}
RULES = tuple((f.__name__, q, p, k, f, d, _SLOT[q, p]) for q, p, k, f, d in (
    (RC, ST, "crime_change", crime_reduction_greater_than_national, ()),
    (RC, AFI, "crime_change", crime_reduction_smaller_than_national, ()),
    (RC, ST, "victim_satisfaction", satisfaction_above_national, ()),
    (RC, AFI, "victim_satisfaction", satisfaction_below_national, ()),
    (RC, AFI, "victim_satisfaction", satisfaction_falling, ()),
    (RC, COC, "victim_satisfaction", satisfaction_below_minimum, ()),
    (RC, AFI, "victim_satisfaction", satisfaction_uncertain_against_minimum, ()),
    (RC, ST, "victim_contract", victim_contracts_in_place, ()),
    (RC, AFI, "victim_contract", no_victim_contracts, ()),
    (RC, ST, "strategic_assessment", effective_strategic_assessment, ()),
    (RC, NP, "strategic_assessment", strategic_assessment_national_good_practice, ("effective_strategic_assessment",)),
    (RC, COC, "strategic_assessment", strategic_assessment_weak, ()),
    (RC, ST, "partnership_working", prevention_partnership_strong, ()),
    (RC, COC, "partnership_working", prevention_partnership_weak, ()),
    (RC, ST, "tactics_and_powers", broad_effective_tactics, ()),
    (RC, AFI, "evaluation_capability", evaluation_limited, ()),
    (RC, ST, "evaluation_capability", evaluation_systematic, ()),
    (IO, ST, "vulnerability", vulnerable_victims_identified, ()),
    (IO, COC, "vulnerability", vulnerable_victims_missed, ()),
    (IO, ST, "investigation_quality", robust_investigation_scrutiny, ()),
    (IO, ST, "investigation_quality", good_investigation_standard, ()),
    (IO, NP, "investigation_quality", exemplary_investigation, ()),
    (IO, AFI, "investigation_quality", initial_investigation_concerns, ()),
    (IO, COC, "investigation_quality", poor_investigation_standard, ()),
    (IO, ST, "detection_rate", detection_above_national, ()),
    (IO, AFI, "detection_rate", detection_below_national, ()),
    (IO, ST, "offender_management", prolific_offenders_managed, ()),
    (IO, COC, "offender_management", offender_management_weak, ()),
    (IO, AFI, "learning_from_experience", learning_from_tactics_limited, ()),
    (IO, ST, "domestic_abuse", domestic_abuse_progress, ()),
    (IO, COC, "domestic_abuse", domestic_abuse_no_progress, ()),
    (ASB, ST, "neighbourhood_policing", neighbourhood_policing_committed, ()),
    (ASB, COC, "neighbourhood_policing", neighbourhood_policing_eroded, ()),
    (ASB, ST, "partnership_working", asb_partnership_strong, ()),
    (ASB, COC, "partnership_working", asb_partnership_weak, ()),
    (ASB, ST, "vulnerability", vulnerable_asb_victims_protected, ()),
    (ASB, ST, "asb_incidents", asb_incidents_reduced, ()),
    (ASB, AFI, "asb_incidents", asb_incidents_rising, ()),
    (ASB, AFI, "evaluation_capability", asb_evaluation_limited, ()),
    (ASB, ST, "learning_from_experience", asb_learning_shared, ()),
    (ASB, AFI, "neighbourhood_policing", asb_recording_unclear, ()),
    (ASB, NP, "neighbourhood_policing", asb_engagement_exemplary, ("asb_partnership_strong",)),
))

# --- grading (grading.yaml): the same four criteria for every question -------------------

INADEQUATE, REQUIRES_IMPROVEMENT, GOOD_GRADE, OUTSTANDING = "inadequate", "requires_improvement", "good", "outstanding"
CR_INADEQUATE, CR_WEAK, CR_OUTSTANDING, CR_GOOD = (
    "significantly-lower-than-expected", "some-weaknesses", "exceeds-the-standard", "meets-the-standard")
#: 'otherwise': holds, tests nothing.
OTHERWISE = GradeAnalysis(GOOD_GRADE, (CriterionAnalysis(CR_GOOD, True, ()),))
_GA, _CA, _D, _W = GradeAnalysis, CriterionAnalysis, Decision, WhyNot


def _grade(coc: list[str], afi: list[str], st: list[str], np: list[str]) -> tuple[Decision, WhyNot]:
    """The rule ids that made findings for the question, by polarity (each once)."""
    n_coc, n_afi = len(coc), len(afi)
    holds1 = n_coc >= 2
    checks1 = (("count(cause_of_concern) >= 2", (n_coc, 2), holds1, None),)
    first, second = n_coc >= 1, n_afi >= 3
    holds2 = first or second
    checks2 = (("count(cause_of_concern) >= 1", (n_coc, 1), first, None),
               ("count(area_for_improvement) >= 3", (n_afi, 3), second, None))
    if holds1:
        return (_new(_D, (CR_INADEQUATE, INADEQUATE, checks1, tuple(sorted(coc)))),
                _new(_W, (_new(_GA, (REQUIRES_IMPROVEMENT, (_new(_CA, (CR_WEAK, holds2, checks2)),))), None)))
    if holds2:
        return (_new(_D, (CR_WEAK, REQUIRES_IMPROVEMENT, checks2, tuple(sorted(coc + afi)))),
                _new(_W, (OTHERWISE, _new(_GA, (INADEQUATE, (_new(_CA, (CR_INADEQUATE, False, checks1)),))))))
    n_st, n_np = len(st), len(np)
    t1, t2, t3, t4 = n_coc == 0, n_afi == 0, n_st >= 3, n_np > 0
    checks3 = (("count(cause_of_concern) == 0", (n_coc, 0), t1, None),
               ("count(area_for_improvement) == 0", (n_afi, 0), t2, None),
               ("count(strength) >= 3", (n_st, 3), t3, None),
               ("any(notable_practice)", (n_np,), t4, None))
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
    rc, rc_why = _grade(slots[0], slots[1], slots[2], slots[3])
    io, io_why = _grade(slots[4], slots[5], slots[6], slots[7])
    asb, asb_why = _grade(slots[8], slots[9], slots[10], slots[11])
    return _new(FloorResult, ({RC: rc[1], IO: io[1], ASB: asb[1]}, tuple(findings), _recommend(made),
                              {RC: rc, IO: io, ASB: asb}, {RC: rc_why, IO: io_why, ASB: asb_why}, tuple(trace)))


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
    condition, values, outcome_, state = check
    words: tuple[str, ...]
    if condition.startswith("finding("):
        words = (f"finding {values[0]} {'made' if outcome_ else 'not made'}",)
    elif condition.startswith("any("):
        words = (f"{values[0]} {condition[4:-1].replace('_', ' ')} finding(s)",)
    else:
        words = tuple(_value_words(v) for v in values)
        if state is not None:
            words += (f"{words[0]} is {_STATE_WORDS[state]} {words[1]}",)
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
    rule_ids = [r.id for r in rulebook.findings]
    assert sorted(rule_ids) == sorted(r[0] for r in RULES) and len(RULES) == 42, "the floor lacks a rule"

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
