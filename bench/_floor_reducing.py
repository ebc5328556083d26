"""The floor's finding rules for reducing_crime: How effective is the force at reducing crime and preventing offending?

Generated once from the rulebook's conditions and then kept as plain Python; see bench/_floor.py for
the semantics (rule(record, made) -> (text, checks) when the condition is true, else None).
"""

from __future__ import annotations

from bench._floor_base import (
    CAPABILITY,
    COVERAGE,
    PROGRESS,
    STRENGTH,
    WORDS,
    _against,
    _figure,
    _threshold,
)


def crime_reduction_greater_than_national(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    months = r.months
    if months < 36:
        return None
    change = r.change
    change_national = change.comparators.get("national")
    s1 = _against(change, change_national, 2.0)
    if s1 != "below":
        return None
    period = r.period
    return ((f"Over {period.replace('_', ' ')}, recorded crime fell by more than in England "
             f"and Wales ({change.describe()}; England and Wales {_figure(change_national)})."),
            (("crime_change.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_change.months >= 36", (months, 36), True, None),
             ("crime_change.change is below national within 2", (change, change_national, 2.0), True, s1)))


def crime_reduction_smaller_than_national(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    months = r.months
    if months < 36:
        return None
    change = r.change
    change_national = change.comparators.get("national")
    s1 = _against(change, change_national, 2.0)
    if s1 != "above":
        return None
    period = r.period
    return ((f"Over {period.replace('_', ' ')}, recorded crime fell by less than in England "
             f"and Wales, or rose ({change.describe()}; England and Wales "
             f"{_figure(change_national)})."),
            (("crime_change.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_change.months >= 36", (months, 36), True, None),
             ("crime_change.change is above national within 2", (change, change_national, 2.0), True, s1)))


def crime_rising_last_year(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    months = r.months
    if months > 12:
        return None
    change = r.change
    s1 = _threshold(change, 0.0)
    t2 = None if s1 is None else s1 == "above"
    change_trend = change.trend
    t3 = None if change_trend is None else change_trend == "rising"
    if not (t2 or t3):
        return None
    period = r.period
    return (f"Recorded crime rose over {period.replace('_', ' ')} ({change.describe()}).",
            (("crime_change.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_change.months <= 12", (months, 12), True, None),
             ("crime_change.change is above 0", (change, 0.0), t2, s1),
             ("crime_change.change.trend == 'rising'", (change_trend, "rising"), t3, None)))


def crime_falling_last_year(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    months = r.months
    if months > 12:
        return None
    change = r.change
    s1 = _threshold(change, 0.0)
    t2 = None if s1 is None else s1 == "below"
    change_trend = change.trend
    t3 = None if change_trend is None else change_trend == "falling"
    if not (t2 or t3):
        return None
    period = r.period
    return (f"Recorded crime fell over {period.replace('_', ' ')} ({change.describe()}).",
            (("crime_change.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_change.months <= 12", (months, 12), True, None),
             ("crime_change.change is below 0", (change, 0.0), t2, s1),
             ("crime_change.change.trend == 'falling'", (change_trend, "falling"), t3, None)))


def crime_rate_below_national(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "below":
        return None
    period = r.period
    return ((f"Recorded crime over {period.replace('_', ' ')} is lower than in England and "
             f"Wales ({rate.describe()}; England and Wales {_figure(rate_national)})."),
            (("crime_rate.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_rate.rate is below national within 2", (rate, rate_national, 2.0), True, s1)))


def crime_rate_above_national(r, made):
    category = r.category
    if category != "crime_excluding_fraud":
        return None
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "above":
        return None
    period = r.period
    return ((f"Recorded crime over {period.replace('_', ' ')} is higher than in England and "
             f"Wales ({rate.describe()}; England and Wales {_figure(rate_national)})."),
            (("crime_rate.category == 'crime_excluding_fraud'", (category, "crime_excluding_fraud"), True, None),
             ("crime_rate.rate is above national within 2", (rate, rate_national, 2.0), True, s1)))


def performance_improving(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    direction = r.direction
    if direction != "improving":
        return None
    return ("The force's performance in reducing crime is improving.",
            (("performance_trend.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("performance_trend.direction == 'improving'", (direction, "improving"), True, None)))


def performance_deteriorating(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    direction = r.direction
    if direction != "deteriorating":
        return None
    return ("The force's performance in reducing crime is deteriorating.",
            (("performance_trend.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("performance_trend.direction == 'deteriorating'", (direction, "deteriorating"), True, None)))


def satisfaction_above_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 0.0)
    if s1 != "above":
        return None
    return ((f"Victim satisfaction is higher than in England and Wales ({rate.describe()}; "
             f"England and Wales {_figure(rate_national)})."),
            (("victim_satisfaction.rate is above national", (rate, rate_national), True, s1),))


def satisfaction_below_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 0.0)
    if s1 != "below":
        return None
    return ((f"Victim satisfaction is lower than in England and Wales ({rate.describe()}; "
             f"England and Wales {_figure(rate_national)})."),
            (("victim_satisfaction.rate is below national", (rate, rate_national), True, s1),))


def satisfaction_falling(r, made):
    rate = r.rate
    rate_previous_year = rate.comparators.get("previous_year")
    s1 = _against(rate, rate_previous_year, 0.0)
    if s1 != "below":
        return None
    return ((f"Victim satisfaction has fallen since the year before ({rate.describe()}; the "
             f"year before {_figure(rate_previous_year)})."),
            (("victim_satisfaction.rate is below previous_year", (rate, rate_previous_year), True, s1),))


def satisfaction_below_minimum(r, made):
    rate = r.rate
    s1 = _threshold(rate, 80.0)
    if s1 != "below":
        return None
    return ((f"Victim satisfaction of {rate.describe()} is below the minimum of 80% that this "
             "rulebook expects."),
            (("victim_satisfaction.rate is below 80", (rate, 80.0), True, s1),))


def satisfaction_uncertain_against_minimum(r, made):
    rate = r.rate
    s1 = _threshold(rate, 80.0)
    if s1 != "indeterminate":
        return None
    return ((f"Victim satisfaction of {rate.describe()} cannot be shown to meet the minimum of "
             "80%: its confidence interval straddles it."),
            (("victim_satisfaction.rate is indeterminate against 80", (rate, 80.0), True, s1),))


def victim_contracts_in_place(r, made):
    coverage = r.coverage
    if coverage != "all":
        return None
    return (f"Victim contracts setting out the agreed contact reach {WORDS[coverage]} victims.",
            (("victim_contract.coverage == 'all'", (coverage, "all"), True, None),))


def no_victim_contracts(r, made):
    coverage = r.coverage
    if coverage != "none":
        return None
    return ("No victim receives a contract agreeing the nature and frequency of contact.",
            (("victim_contract.coverage == 'none'", (coverage, "none"), True, None),))


def victim_contracts_patchy(r, made):
    coverage = r.coverage
    if coverage != "some":
        return None
    return (("Victim contracts agreeing the nature and frequency of contact reach only some "
             "victims."),
            (("victim_contract.coverage == 'some'", (coverage, "some"), True, None),))


def victim_centred_ethos(r, made):
    ethos = r.ethos
    if ethos is None or STRENGTH[ethos] < 2:
        return None
    return (f"The force's approach to victims is victim-centred ({WORDS[ethos]}).",
            (("victim_focus.ethos >= 'good'", (ethos, "good"), True, None),))


def victim_focus_inconsistent(r, made):
    ethos = r.ethos
    t1 = None if ethos is None else STRENGTH[ethos] <= 1
    consistency = r.consistency
    t2 = None if consistency is None else COVERAGE[consistency] <= 1
    if not (t1 or t2):
        return None
    return (("The focus on victims is not applied consistently across the force (ethos "
             f"{('unstated' if ethos is None else WORDS[ethos])}; applied in "
             f"{('unstated' if consistency is None else WORDS[consistency])} of its work)."),
            (("victim_focus.ethos <= 'mixed'", (ethos, "mixed"), t1, None),
             ("victim_focus.consistency <= 'some'", (consistency, "some"), t2, None)))


def effective_strategic_assessment(r, made):
    effectiveness = r.effectiveness
    if effectiveness is None or STRENGTH[effectiveness] < 2:
        return None
    return (("The strategic threat and risk assessment that sets the force's priorities is "
             f"{WORDS[effectiveness]}."),
            (("strategic_assessment.effectiveness >= 'good'", (effectiveness, "good"), True, None),))


def strategic_assessment_national_good_practice(r, made):
    if "effective_strategic_assessment" not in made:
        return None
    joint_with_partners = r.joint_with_partners
    if joint_with_partners is not True:
        return None
    national_good_practice = r.national_good_practice
    if national_good_practice is not True:
        return None
    return (("The joint strategic threat and risk assessment represents national good "
             "practice."),
            (("finding(effective_strategic_assessment)", ("effective_strategic_assessment",), True, None),
             ("strategic_assessment.joint_with_partners == true", (joint_with_partners, True), True, None),
             ("strategic_assessment.national_good_practice == true", (national_good_practice, True), True, None)))


def strategic_assessment_weak(r, made):
    effectiveness = r.effectiveness
    if effectiveness != "weak":
        return None
    return (("The strategic threat and risk assessment does not direct resources to the "
             "community's priorities."),
            (("strategic_assessment.effectiveness == 'weak'", (effectiveness, "weak"), True, None),))


def strategic_assessment_inconsistent(r, made):
    effectiveness = r.effectiveness
    if effectiveness != "mixed":
        return None
    return (("The strategic threat and risk assessment directs resources to priorities only "
             "in part."),
            (("strategic_assessment.effectiveness == 'mixed'", (effectiveness, "mixed"), True, None),))


def problems_understood(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] >= 2
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] >= 2
    if not (t1 or t2):
        return None
    return (("The force understands its crime problems: priorities understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("problem_understanding.priorities_understood >= 'good'", (priorities_understood, "good"), t1, None),
             ("problem_understanding.causes_understood >= 'good'", (causes_understood, "good"), t2, None)))


def problems_poorly_understood(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] <= 1
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] <= 1
    if not (t1 or t2):
        return None
    return (("The force's understanding of its crime problems is incomplete: priorities "
             "understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("problem_understanding.priorities_understood <= 'mixed'", (priorities_understood, "mixed"), t1, None),
             ("problem_understanding.causes_understood <= 'mixed'", (causes_understood, "mixed"), t2, None)))


def prevention_partnership_strong(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    strength = r.strength
    if strength is None or STRENGTH[strength] < 2:
        return None
    return (f"Partnership working to prevent crime and offending is {WORDS[strength]}.",
            (("partnership_working.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("partnership_working.strength >= 'good'", (strength, "good"), True, None)))


def prevention_partnership_weak(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    strength = r.strength
    if strength != "weak":
        return None
    return ("Partnership working to prevent crime and offending is weak.",
            (("partnership_working.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("partnership_working.strength == 'weak'", (strength, "weak"), True, None)))


def prevention_partnership_inconsistent(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    strength = r.strength
    if strength != "mixed":
        return None
    return (("Partnership working to prevent crime and offending is inconsistent across the "
             "force."),
            (("partnership_working.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("partnership_working.strength == 'mixed'", (strength, "mixed"), True, None)))


def prevention_information_sharing_poor(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    information_sharing = r.information_sharing
    if information_sharing is None or STRENGTH[information_sharing] > 1:
        return None
    return (("Information sharing with partners to prevent crime is "
             f"{WORDS[information_sharing]}."),
            (("partnership_working.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("partnership_working.information_sharing <= 'mixed'", (information_sharing, "mixed"), True, None)))


def broad_effective_tactics(r, made):
    effectiveness = r.effectiveness
    if effectiveness is None or STRENGTH[effectiveness] < 2:
        return None
    breadth = r.breadth
    return ((f"The force's tactics and powers to prevent crime are {WORDS[effectiveness]} in "
             f"effect ({('unstated' if breadth is None else WORDS[breadth])} in range)."),
            (("tactics_and_powers.effectiveness >= 'good'", (effectiveness, "good"), True, None),))


def tactics_limited(r, made):
    breadth = r.breadth
    t1 = None if breadth is None else breadth == "narrow"
    effectiveness = r.effectiveness
    t2 = None if effectiveness is None else STRENGTH[effectiveness] <= 1
    if not (t1 or t2):
        return None
    return (("The tactics and powers used to prevent crime are "
             f"{('unstated' if breadth is None else WORDS[breadth])} in range and "
             f"{('unstated' if effectiveness is None else WORDS[effectiveness])} in effect."),
            (("tactics_and_powers.breadth == 'narrow'", (breadth, "narrow"), t1, None),
             ("tactics_and_powers.effectiveness <= 'mixed'", (effectiveness, "mixed"), t2, None)))


def prevention_resourced(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] >= 2
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] >= 2
    if not (t1 or t2):
        return None
    return (("Crime prevention is resourced: capacity "
             f"{('unstated' if capacity is None else WORDS[capacity])}, capability "
             f"{('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("resourcing.capacity >= 'good'", (capacity, "good"), t1, None),
             ("resourcing.capability >= 'good'", (capability, "good"), t2, None)))


def prevention_under_resourced(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] <= 1
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] <= 1
    if not (t1 or t2):
        return None
    return (("The force lacks the people or skills to prevent crime consistently: capacity "
             f"{('unstated' if capacity is None else WORDS[capacity])}, capability "
             f"{('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("resourcing.capacity <= 'mixed'", (capacity, "mixed"), t1, None),
             ("resourcing.capability <= 'mixed'", (capability, "mixed"), t2, None)))


def evaluation_limited(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    level = r.level
    if level is None or CAPABILITY[level] > 1:
        return None
    return (f"The force's ability to measure the impact of its activities is {WORDS[level]}.",
            (("evaluation_capability.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("evaluation_capability.level <= 'limited'", (level, "limited"), True, None)))


def evaluation_systematic(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    level = r.level
    if level != "systematic":
        return None
    return ("The force systematically evaluates what works in preventing crime.",
            (("evaluation_capability.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("evaluation_capability.level == 'systematic'", (level, "systematic"), True, None)))


def domestic_abuse_progress(r, made):
    progress = r.progress
    if progress is None or PROGRESS[progress] < 2:
        return None
    return (f"The force has made {WORDS[progress]} progress in its response to domestic abuse.",
            (("domestic_abuse.progress >= 'some'", (progress, "some"), True, None),))


def domestic_abuse_limited_progress(r, made):
    progress = r.progress
    if progress != "limited":
        return None
    return ("The force has made limited progress in its response to domestic abuse.",
            (("domestic_abuse.progress == 'limited'", (progress, "limited"), True, None),))


def domestic_abuse_no_progress(r, made):
    progress = r.progress
    if progress != "none":
        return None
    return (("The force has made no progress in its response to domestic abuse since HMIC's "
             "2014 inspection."),
            (("domestic_abuse.progress == 'none'", (progress, "none"), True, None),))


def concern_stated_reducing_crime(r, made):
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not False:
        return None
    subject = r.subject
    t1 = subject == "domestic_abuse"
    t2 = subject == "crime_prevention"
    t3 = subject == "victim_service"
    if not (t1 or t2 or t3):
        return None
    return (f"The inspector states a concern about the force's approach to {WORDS[subject]}.",
            (("stated_concern.cause_of_concern == false", (cause_of_concern, False), True, None),
             ("stated_concern.subject == 'domestic_abuse'", (subject, "domestic_abuse"), t1, None),
             ("stated_concern.subject == 'crime_prevention'", (subject, "crime_prevention"), t2, None),
             ("stated_concern.subject == 'victim_service'", (subject, "victim_service"), t3, None)))


def cause_of_concern_reducing_crime(r, made):
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not True:
        return None
    subject = r.subject
    t1 = subject == "domestic_abuse"
    t2 = subject == "crime_prevention"
    t3 = subject == "victim_service"
    if not (t1 or t2 or t3):
        return None
    return (f"The inspector names the force's approach to {WORDS[subject]} a cause of concern.",
            (("stated_concern.cause_of_concern == true", (cause_of_concern, True), True, None),
             ("stated_concern.subject == 'domestic_abuse'", (subject, "domestic_abuse"), t1, None),
             ("stated_concern.subject == 'crime_prevention'", (subject, "crime_prevention"), t2, None),
             ("stated_concern.subject == 'victim_service'", (subject, "victim_service"), t3, None)))


def outstanding_prevention_partnership(r, made):
    area = r.area
    if area != "crime_prevention":
        return None
    strength = r.strength
    if strength != "outstanding":
        return None
    return (("The inspection found partnership work to prevent crime of an outstanding "
             "standard."),
            (("partnership_working.area == 'crime_prevention'", (area, "crime_prevention"), True, None),
             ("partnership_working.strength == 'outstanding'", (strength, "outstanding"), True, None)))


def outstanding_crime_prevention(r, made):
    effectiveness = r.effectiveness
    if effectiveness != "outstanding":
        return None
    return (("The inspection found the force's tactics to prevent crime of an outstanding "
             "standard."),
            (("tactics_and_powers.effectiveness == 'outstanding'", (effectiveness, "outstanding"), True, None),))


def outstanding_strategic_assessment(r, made):
    effectiveness = r.effectiveness
    if effectiveness != "outstanding":
        return None
    return (("The inspection found the force's assessment of threat, risk and harm of an "
             "outstanding standard."),
            (("strategic_assessment.effectiveness == 'outstanding'", (effectiveness, "outstanding"), True, None),))


def outstanding_victim_focus(r, made):
    ethos = r.ethos
    if ethos != "outstanding":
        return None
    return ("The inspection found the force's focus on victims of an outstanding standard.",
            (("victim_focus.ethos == 'outstanding'", (ethos, "outstanding"), True, None),))


#: (polarity, kind bound, rule, findings it derives from), in the rulebook's order.
RULES = (
    ("ST", "crime_change", crime_reduction_greater_than_national, ()),
    ("AFI", "crime_change", crime_reduction_smaller_than_national, ()),
    ("AFI", "crime_change", crime_rising_last_year, ()),
    ("ST", "crime_change", crime_falling_last_year, ()),
    ("ST", "crime_rate", crime_rate_below_national, ()),
    ("AFI", "crime_rate", crime_rate_above_national, ()),
    ("ST", "performance_trend", performance_improving, ()),
    ("AFI", "performance_trend", performance_deteriorating, ()),
    ("ST", "victim_satisfaction", satisfaction_above_national, ()),
    ("AFI", "victim_satisfaction", satisfaction_below_national, ()),
    ("AFI", "victim_satisfaction", satisfaction_falling, ()),
    ("COC", "victim_satisfaction", satisfaction_below_minimum, ()),
    ("AFI", "victim_satisfaction", satisfaction_uncertain_against_minimum, ()),
    ("ST", "victim_contract", victim_contracts_in_place, ()),
    ("AFI", "victim_contract", no_victim_contracts, ()),
    ("AFI", "victim_contract", victim_contracts_patchy, ()),
    ("ST", "victim_focus", victim_centred_ethos, ()),
    ("AFI", "victim_focus", victim_focus_inconsistent, ()),
    ("ST", "strategic_assessment", effective_strategic_assessment, ()),
    ("NP", "strategic_assessment", strategic_assessment_national_good_practice, ('effective_strategic_assessment',)),
    ("AFI", "strategic_assessment", strategic_assessment_weak, ()),
    ("AFI", "strategic_assessment", strategic_assessment_inconsistent, ()),
    ("ST", "problem_understanding", problems_understood, ()),
    ("AFI", "problem_understanding", problems_poorly_understood, ()),
    ("ST", "partnership_working", prevention_partnership_strong, ()),
    ("AFI", "partnership_working", prevention_partnership_weak, ()),
    ("AFI", "partnership_working", prevention_partnership_inconsistent, ()),
    ("AFI", "partnership_working", prevention_information_sharing_poor, ()),
    ("ST", "tactics_and_powers", broad_effective_tactics, ()),
    ("AFI", "tactics_and_powers", tactics_limited, ()),
    ("ST", "resourcing", prevention_resourced, ()),
    ("AFI", "resourcing", prevention_under_resourced, ()),
    ("AFI", "evaluation_capability", evaluation_limited, ()),
    ("ST", "evaluation_capability", evaluation_systematic, ()),
    ("ST", "domestic_abuse", domestic_abuse_progress, ()),
    ("AFI", "domestic_abuse", domestic_abuse_limited_progress, ()),
    ("COC", "domestic_abuse", domestic_abuse_no_progress, ()),
    ("AFI", "stated_concern", concern_stated_reducing_crime, ()),
    ("COC", "stated_concern", cause_of_concern_reducing_crime, ()),
    ("NP", "partnership_working", outstanding_prevention_partnership, ()),
    ("NP", "tactics_and_powers", outstanding_crime_prevention, ()),
    ("NP", "strategic_assessment", outstanding_strategic_assessment, ()),
    ("NP", "victim_focus", outstanding_victim_focus, ()),
)
