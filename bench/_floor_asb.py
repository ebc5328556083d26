"""The floor's finding rules for tackling_asb: How effective is the force at tackling anti-social behaviour?

Generated once from the rulebook's conditions and then kept as plain Python; see bench/_floor.py for
the semantics (rule(record, made) -> (text, checks) when the condition is true, else None).
"""

from __future__ import annotations

from bench._floor_base import CAPABILITY, STRENGTH, WORDS, _against, _figure, _threshold


def neighbourhood_policing_committed(r, made):
    commitment = r.commitment
    if commitment is None or STRENGTH[commitment] < 2:
        return None
    understanding_of_priorities = r.understanding_of_priorities
    return ((f"Commitment to neighbourhood policing is {WORDS[commitment]}, and teams' "
             "understanding of local priorities is "
             f"{('unstated' if understanding_of_priorities is None else WORDS[understanding_of_priorities])}"
             "."),
            (("neighbourhood_policing.commitment >= 'good'", (commitment, "good"), True, None),))


def neighbourhood_policing_eroded(r, made):
    commitment = r.commitment
    if commitment != "weak":
        return None
    return ("Neighbourhood policing has been eroded.",
            (("neighbourhood_policing.commitment == 'weak'", (commitment, "weak"), True, None),))


def neighbourhood_policing_inconsistent(r, made):
    commitment = r.commitment
    t1 = None if commitment is None else commitment == "mixed"
    understanding_of_priorities = r.understanding_of_priorities
    t2 = None if understanding_of_priorities is None else STRENGTH[understanding_of_priorities] <= 1
    if not (t1 or t2):
        return None
    return (("Neighbourhood policing is inconsistent: commitment "
             f"{('unstated' if commitment is None else WORDS[commitment])}, understanding of "
             "local priorities "
             f"{('unstated' if understanding_of_priorities is None else WORDS[understanding_of_priorities])}"
             "."),
            (("neighbourhood_policing.commitment == 'mixed'", (commitment, "mixed"), t1, None),
             ("neighbourhood_policing.understanding_of_priorities <= 'mixed'", (understanding_of_priorities, "mixed"), t2, None)))


def asb_problem_solving_effective(r, made):
    problem_solving = r.problem_solving
    if problem_solving is None or STRENGTH[problem_solving] < 2:
        return None
    return (("Problem solving and the tactics used against anti-social behaviour are "
             f"{WORDS[problem_solving]}."),
            (("neighbourhood_policing.problem_solving >= 'good'", (problem_solving, "good"), True, None),))


def asb_problem_solving_inconsistent(r, made):
    problem_solving = r.problem_solving
    if problem_solving is None or STRENGTH[problem_solving] > 1:
        return None
    return (f"Problem solving against anti-social behaviour is {WORDS[problem_solving]}.",
            (("neighbourhood_policing.problem_solving <= 'mixed'", (problem_solving, "mixed"), True, None),))


def asb_partnership_strong(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    strength = r.strength
    if strength is None or STRENGTH[strength] < 2:
        return None
    return (f"Partnership working to tackle anti-social behaviour is {WORDS[strength]}.",
            (("partnership_working.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength >= 'good'", (strength, "good"), True, None)))


def asb_partnership_weak(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    strength = r.strength
    if strength != "weak":
        return None
    return ("Partnership working to tackle anti-social behaviour is weak.",
            (("partnership_working.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength == 'weak'", (strength, "weak"), True, None)))


def asb_partnership_inconsistent(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    strength = r.strength
    if strength != "mixed":
        return None
    return (("Partnership working to tackle anti-social behaviour is inconsistent across the "
             "force."),
            (("partnership_working.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength == 'mixed'", (strength, "mixed"), True, None)))


def asb_information_sharing_poor(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    information_sharing = r.information_sharing
    if information_sharing is None or STRENGTH[information_sharing] > 1:
        return None
    return (("Information sharing with partners on anti-social behaviour is "
             f"{WORDS[information_sharing]}."),
            (("partnership_working.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("partnership_working.information_sharing <= 'mixed'", (information_sharing, "mixed"), True, None)))


def vulnerable_asb_victims_protected(r, made):
    identification = r.identification
    if identification is None or STRENGTH[identification] < 2:
        return None
    joint_risk_assessment = r.joint_risk_assessment
    if joint_risk_assessment is not True:
        return None
    return (("Victims at risk of anti-social behaviour are identified, with a joint risk "
             "assessment with partners."),
            (("vulnerability.identification >= 'good'", (identification, "good"), True, None),
             ("vulnerability.joint_risk_assessment == true", (joint_risk_assessment, True), True, None)))


def asb_incidents_reduced(r, made):
    change = r.change
    s1 = None if change is None else _threshold(change, 0.0)
    t2 = None if s1 is None else s1 == "below"
    rate = r.rate
    rate_trend = rate.trend
    t3 = None if rate_trend is None else rate_trend == "falling"
    if not (t2 or t3):
        return None
    return (("Anti-social behaviour incidents changed by "
             f"{('an unstated figure' if change is None else change.describe())} on the "
             "previous year."),
            (("asb_incidents.change is below 0", (change, 0.0), t2, s1),
             ("asb_incidents.rate.trend == 'falling'", (rate_trend, "falling"), t3, None)))


def asb_incidents_rising(r, made):
    change = r.change
    s1 = None if change is None else _threshold(change, 0.0)
    t2 = None if s1 is None else s1 == "above"
    rate = r.rate
    rate_trend = rate.trend
    t3 = None if rate_trend is None else rate_trend == "rising"
    if not (t2 or t3):
        return None
    return (("Anti-social behaviour incidents rose by "
             f"{('an unstated figure' if change is None else change.describe())} on the "
             "previous year."),
            (("asb_incidents.change is above 0", (change, 0.0), t2, s1),
             ("asb_incidents.rate.trend == 'rising'", (rate_trend, "rising"), t3, None)))


def asb_evaluation_limited(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    level = r.level
    if level is None or CAPABILITY[level] > 1:
        return None
    return (("Measurement and evaluation of what works against anti-social behaviour is "
             f"{WORDS[level]}."),
            (("evaluation_capability.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("evaluation_capability.level <= 'limited'", (level, "limited"), True, None)))


def asb_learning_shared(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    sharing_good_practice = r.sharing_good_practice
    if sharing_good_practice != "systematic":
        return None
    return (("Learning from local problem solving is captured and shared ("
             f"{WORDS[sharing_good_practice]})."),
            (("learning_from_experience.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("learning_from_experience.sharing_good_practice == 'systematic'", (sharing_good_practice, "systematic"), True, None)))


def asb_recording_unclear(r, made):
    asb_recording = r.asb_recording
    if asb_recording is None or STRENGTH[asb_recording] > 1:
        return None
    return (("The recording and investigation of anti-social behaviour is "
             f"{WORDS[asb_recording]}: officers are unclear on the methods."),
            (("neighbourhood_policing.asb_recording <= 'mixed'", (asb_recording, "mixed"), True, None),))


def asb_engagement_exemplary(r, made):
    community_engagement = r.community_engagement
    if community_engagement is None or STRENGTH[community_engagement] < 3:
        return None
    if "asb_partnership_strong" not in made:
        return None
    return (("Engagement with local people and partners on anti-social behaviour is strong "
             "and jointly run."),
            (("neighbourhood_policing.community_engagement >= 'strong'", (community_engagement, "strong"), True, None),
             ("finding(asb_partnership_strong)", ("asb_partnership_strong",), True, None)))


def asb_rate_below_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "below":
        return None
    period = r.period
    return ((f"Anti-social behaviour over {period.replace('_', ' ')} is lower than in England "
             f"and Wales ({rate.describe()}; England and Wales {_figure(rate_national)})."),
            (("asb_incidents.rate is below national within 2", (rate, rate_national, 2.0), True, s1),))


def asb_rate_above_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "above":
        return None
    period = r.period
    return ((f"Anti-social behaviour over {period.replace('_', ' ')} is higher than in England "
             f"and Wales ({rate.describe()}; England and Wales {_figure(rate_national)})."),
            (("asb_incidents.rate is above national within 2", (rate, rate_national, 2.0), True, s1),))


def asb_problems_understood(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] >= 2
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] >= 2
    if not (t1 or t2):
        return None
    return (("The force understands its anti-social behaviour problems: priorities understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("problem_understanding.priorities_understood >= 'good'", (priorities_understood, "good"), t1, None),
             ("problem_understanding.causes_understood >= 'good'", (causes_understood, "good"), t2, None)))


def asb_problems_poorly_understood(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] <= 1
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] <= 1
    if not (t1 or t2):
        return None
    return (("The force's understanding of its anti-social behaviour problems is incomplete: "
             "priorities understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("problem_understanding.priorities_understood <= 'mixed'", (priorities_understood, "mixed"), t1, None),
             ("problem_understanding.causes_understood <= 'mixed'", (causes_understood, "mixed"), t2, None)))


def asb_resourced(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] >= 2
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] >= 2
    if not (t1 or t2):
        return None
    return (("Work against anti-social behaviour is resourced: capacity "
             f"{('unstated' if capacity is None else WORDS[capacity])}, capability "
             f"{('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("resourcing.capacity >= 'good'", (capacity, "good"), t1, None),
             ("resourcing.capability >= 'good'", (capability, "good"), t2, None)))


def asb_under_resourced(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] <= 1
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] <= 1
    if not (t1 or t2):
        return None
    return (("The force lacks the people or skills to tackle anti-social behaviour "
             f"consistently: capacity {('unstated' if capacity is None else WORDS[capacity])}, "
             f"capability {('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("resourcing.capacity <= 'mixed'", (capacity, "mixed"), t1, None),
             ("resourcing.capability <= 'mixed'", (capability, "mixed"), t2, None)))


def asb_performance_improving(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    direction = r.direction
    if direction != "improving":
        return None
    return ("The force's performance in tackling anti-social behaviour is improving.",
            (("performance_trend.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("performance_trend.direction == 'improving'", (direction, "improving"), True, None)))


def asb_performance_deteriorating(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    direction = r.direction
    if direction != "deteriorating":
        return None
    return ("The force's performance in tackling anti-social behaviour is deteriorating.",
            (("performance_trend.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("performance_trend.direction == 'deteriorating'", (direction, "deteriorating"), True, None)))


def concern_stated_asb(r, made):
    subject = r.subject
    if subject != "anti_social_behaviour":
        return None
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not False:
        return None
    return (("The inspector states a concern about the force's approach to anti-social "
             "behaviour."),
            (("stated_concern.subject == 'anti_social_behaviour'", (subject, "anti_social_behaviour"), True, None),
             ("stated_concern.cause_of_concern == false", (cause_of_concern, False), True, None)))


def cause_of_concern_asb(r, made):
    subject = r.subject
    if subject != "anti_social_behaviour":
        return None
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not True:
        return None
    return (("The inspector names the force's approach to anti-social behaviour a cause of "
             "concern."),
            (("stated_concern.subject == 'anti_social_behaviour'", (subject, "anti_social_behaviour"), True, None),
             ("stated_concern.cause_of_concern == true", (cause_of_concern, True), True, None)))


def outstanding_asb_partnership(r, made):
    area = r.area
    if area != "anti_social_behaviour":
        return None
    strength = r.strength
    if strength != "outstanding":
        return None
    return (("The inspection found partnership work against anti-social behaviour of an "
             "outstanding standard."),
            (("partnership_working.area == 'anti_social_behaviour'", (area, "anti_social_behaviour"), True, None),
             ("partnership_working.strength == 'outstanding'", (strength, "outstanding"), True, None)))


def outstanding_neighbourhood_work(r, made):
    commitment = r.commitment
    t1 = None if commitment is None else commitment == "outstanding"
    community_engagement = r.community_engagement
    t2 = None if community_engagement is None else community_engagement == "outstanding"
    problem_solving = r.problem_solving
    t3 = None if problem_solving is None else problem_solving == "outstanding"
    if not (t1 or t2 or t3):
        return None
    return (("The inspection found neighbourhood work against anti-social behaviour of an "
             "outstanding standard (commitment "
             f"{('unstated' if commitment is None else WORDS[commitment])}, engagement "
             f"{('unstated' if community_engagement is None else WORDS[community_engagement])}"
             ", problem solving "
             f"{('unstated' if problem_solving is None else WORDS[problem_solving])})."),
            (("neighbourhood_policing.commitment == 'outstanding'", (commitment, "outstanding"), t1, None),
             ("neighbourhood_policing.community_engagement == 'outstanding'", (community_engagement, "outstanding"), t2, None),
             ("neighbourhood_policing.problem_solving == 'outstanding'", (problem_solving, "outstanding"), t3, None)))


#: (polarity, kind bound, rule, findings it derives from), in the rulebook's order.
RULES = (
    ("ST", "neighbourhood_policing", neighbourhood_policing_committed, ()),
    ("AFI", "neighbourhood_policing", neighbourhood_policing_eroded, ()),
    ("AFI", "neighbourhood_policing", neighbourhood_policing_inconsistent, ()),
    ("ST", "neighbourhood_policing", asb_problem_solving_effective, ()),
    ("AFI", "neighbourhood_policing", asb_problem_solving_inconsistent, ()),
    ("ST", "partnership_working", asb_partnership_strong, ()),
    ("AFI", "partnership_working", asb_partnership_weak, ()),
    ("AFI", "partnership_working", asb_partnership_inconsistent, ()),
    ("AFI", "partnership_working", asb_information_sharing_poor, ()),
    ("ST", "vulnerability", vulnerable_asb_victims_protected, ()),
    ("ST", "asb_incidents", asb_incidents_reduced, ()),
    ("AFI", "asb_incidents", asb_incidents_rising, ()),
    ("AFI", "evaluation_capability", asb_evaluation_limited, ()),
    ("ST", "learning_from_experience", asb_learning_shared, ()),
    ("AFI", "neighbourhood_policing", asb_recording_unclear, ()),
    ("NP", "neighbourhood_policing", asb_engagement_exemplary, ('asb_partnership_strong',)),
    ("ST", "asb_incidents", asb_rate_below_national, ()),
    ("AFI", "asb_incidents", asb_rate_above_national, ()),
    ("ST", "problem_understanding", asb_problems_understood, ()),
    ("AFI", "problem_understanding", asb_problems_poorly_understood, ()),
    ("ST", "resourcing", asb_resourced, ()),
    ("AFI", "resourcing", asb_under_resourced, ()),
    ("ST", "performance_trend", asb_performance_improving, ()),
    ("AFI", "performance_trend", asb_performance_deteriorating, ()),
    ("AFI", "stated_concern", concern_stated_asb, ()),
    ("COC", "stated_concern", cause_of_concern_asb, ()),
    ("NP", "partnership_working", outstanding_asb_partnership, ()),
    ("NP", "neighbourhood_policing", outstanding_neighbourhood_work, ()),
)
