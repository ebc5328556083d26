"""The floor's finding rules for investigating_offending: How effective is the force at investigating offending?

Generated once from the rulebook's conditions and then kept as plain Python; see bench/_floor.py for
the semantics (rule(record, made) -> (text, checks) when the condition is true, else None).
"""

from __future__ import annotations

from bench._floor_base import CAPABILITY, COVERAGE, STRENGTH, WORDS, _against, _figure


def vulnerable_victims_identified(r, made):
    identification = r.identification
    if identification is None or STRENGTH[identification] < 2:
        return None
    return (f"Identification and protection of vulnerable victims is {WORDS[identification]}.",
            (("vulnerability.identification >= 'good'", (identification, "good"), True, None),))


def vulnerable_victims_missed(r, made):
    identification = r.identification
    if identification != "weak":
        return None
    return ("Vulnerable victims are not reliably identified or protected.",
            (("vulnerability.identification == 'weak'", (identification, "weak"), True, None),))


def vulnerable_victims_inconsistent(r, made):
    identification = r.identification
    if identification != "mixed":
        return None
    return ("Vulnerable victims are identified and protected inconsistently.",
            (("vulnerability.identification == 'mixed'", (identification, "mixed"), True, None),))


def repeat_victims_unsupported(r, made):
    repeat_victims_supported = r.repeat_victims_supported
    if repeat_victims_supported is not False:
        return None
    return ("Repeat victims are not reliably identified and supported.",
            (("vulnerability.repeat_victims_supported == false", (repeat_victims_supported, False), True, None),))


def robust_investigation_scrutiny(r, made):
    scrutiny = r.scrutiny
    if scrutiny is None or STRENGTH[scrutiny] < 2:
        return None
    return (f"Scrutiny of investigations is {WORDS[scrutiny]}.",
            (("investigation_quality.scrutiny >= 'good'", (scrutiny, "good"), True, None),))


def good_investigation_standard(r, made):
    standard = r.standard
    if standard is None or STRENGTH[standard] < 2:
        return None
    supervision = r.supervision
    if supervision is None or STRENGTH[supervision] < 2:
        return None
    return ((f"The standard of investigations is {WORDS[standard]} and supervision is "
             f"{WORDS[supervision]}."),
            (("investigation_quality.standard >= 'good'", (standard, "good"), True, None),
             ("investigation_quality.supervision >= 'good'", (supervision, "good"), True, None)))


def exemplary_investigation(r, made):
    scrutiny = r.scrutiny
    t1 = None if scrutiny is None else STRENGTH[scrutiny] >= 3
    standard = r.standard
    t2 = None if standard is None else STRENGTH[standard] >= 3
    initial_investigation = r.initial_investigation
    t3 = None if initial_investigation is None else STRENGTH[initial_investigation] >= 2
    t4 = None if standard is None else standard == "outstanding"
    t5 = None if scrutiny is None else scrutiny == "outstanding"
    if not ((t1 and t2 and t3) or t4 or t5):
        return None
    return (("Investigations are of a strong standard throughout, from first response to "
             "scrutiny."),
            (("investigation_quality.scrutiny >= 'strong'", (scrutiny, "strong"), t1, None),
             ("investigation_quality.standard >= 'strong'", (standard, "strong"), t2, None),
             ("investigation_quality.initial_investigation >= 'good'", (initial_investigation, "good"), t3, None),
             ("investigation_quality.standard == 'outstanding'", (standard, "outstanding"), t4, None),
             ("investigation_quality.scrutiny == 'outstanding'", (scrutiny, "outstanding"), t5, None)))


def initial_investigation_concerns(r, made):
    initial_investigation = r.initial_investigation
    t1 = None if initial_investigation is None else STRENGTH[initial_investigation] <= 1
    strategies_recorded = r.strategies_recorded
    t2 = None if strategies_recorded is None else COVERAGE[strategies_recorded] <= 1
    if not (t1 or t2):
        return None
    return (("The quality of initial investigations is "
             f"{('unstated' if initial_investigation is None else WORDS[initial_investigation])}"
             ", and investigation strategies are recorded in "
             f"{('unstated' if strategies_recorded is None else WORDS[strategies_recorded])} "
             "cases."),
            (("investigation_quality.initial_investigation <= 'mixed'", (initial_investigation, "mixed"), t1, None),
             ("investigation_quality.strategies_recorded <= 'some'", (strategies_recorded, "some"), t2, None)))


def poor_investigation_standard(r, made):
    standard = r.standard
    t1 = None if standard is None else STRENGTH[standard] <= 1
    supervision = r.supervision
    t2 = None if supervision is None else STRENGTH[supervision] <= 1
    scrutiny = r.scrutiny
    t3 = None if scrutiny is None else STRENGTH[scrutiny] <= 1
    if not (t1 or t2 or t3):
        return None
    return (("Investigations fall short of the standard: their standard is "
             f"{('unstated' if standard is None else WORDS[standard])}, supervision "
             f"{('unstated' if supervision is None else WORDS[supervision])} and scrutiny "
             f"{('unstated' if scrutiny is None else WORDS[scrutiny])}."),
            (("investigation_quality.standard <= 'mixed'", (standard, "mixed"), t1, None),
             ("investigation_quality.supervision <= 'mixed'", (supervision, "mixed"), t2, None),
             ("investigation_quality.scrutiny <= 'mixed'", (scrutiny, "mixed"), t3, None)))


def detection_above_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "above":
        return None
    return ((f"The detection rate is above the rate for England and Wales ({rate.describe()}; "
             f"England and Wales {_figure(rate_national)})."),
            (("detection_rate.rate is above national within 2", (rate, rate_national, 2.0), True, s1),))


def detection_below_national(r, made):
    rate = r.rate
    rate_national = rate.comparators.get("national")
    s1 = _against(rate, rate_national, 2.0)
    if s1 != "below":
        return None
    return ((f"The detection rate is below the rate for England and Wales ({rate.describe()}; "
             f"England and Wales {_figure(rate_national)})."),
            (("detection_rate.rate is below national within 2", (rate, rate_national, 2.0), True, s1),))


def prolific_offenders_managed(r, made):
    approach = r.approach
    if approach is None or STRENGTH[approach] < 2:
        return None
    offenders_managed = r.offenders_managed
    return ((f"Integrated offender management with partners is {WORDS[approach]}; "
             f"{('an unstated number of' if offenders_managed is None else format(offenders_managed, ','))}"
             " offenders are managed through it."),
            (("offender_management.approach >= 'good'", (approach, "good"), True, None),))


def offender_management_inconsistent(r, made):
    approach = r.approach
    if approach != "mixed":
        return None
    return ("Prolific and priority offenders are managed inconsistently across the force.",
            (("offender_management.approach == 'mixed'", (approach, "mixed"), True, None),))


def offender_management_weak(r, made):
    approach = r.approach
    if approach != "weak":
        return None
    return ("Prolific and priority offenders are not managed effectively with partners.",
            (("offender_management.approach == 'weak'", (approach, "weak"), True, None),))


def learning_from_tactics_limited(r, made):
    area = r.area
    if area != "investigation":
        return None
    evaluation_of_tactics = r.evaluation_of_tactics
    if evaluation_of_tactics is None or CAPABILITY[evaluation_of_tactics] > 1:
        return None
    return (("Evaluation of the success of crime fighting and crime prevention tactics is "
             f"{WORDS[evaluation_of_tactics]}."),
            (("learning_from_experience.area == 'investigation'", (area, "investigation"), True, None),
             ("learning_from_experience.evaluation_of_tactics <= 'limited'", (evaluation_of_tactics, "limited"), True, None)))


def investigation_evaluation_limited(r, made):
    area = r.area
    if area != "investigation":
        return None
    level = r.level
    if level is None or CAPABILITY[level] > 1:
        return None
    return (f"Evaluation of what works in investigation is {WORDS[level]}.",
            (("evaluation_capability.area == 'investigation'", (area, "investigation"), True, None),
             ("evaluation_capability.level <= 'limited'", (level, "limited"), True, None)))


def investigation_evaluation_systematic(r, made):
    area = r.area
    if area != "investigation":
        return None
    level = r.level
    if level != "systematic":
        return None
    return ("The force systematically evaluates what works in investigation.",
            (("evaluation_capability.area == 'investigation'", (area, "investigation"), True, None),
             ("evaluation_capability.level == 'systematic'", (level, "systematic"), True, None)))


def investigation_problems_understood(r, made):
    area = r.area
    if area != "investigation":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] >= 2
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] >= 2
    if not (t1 or t2):
        return None
    return (("The force understands what drives its investigative demand: priorities "
             "understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'investigation'", (area, "investigation"), True, None),
             ("problem_understanding.priorities_understood >= 'good'", (priorities_understood, "good"), t1, None),
             ("problem_understanding.causes_understood >= 'good'", (causes_understood, "good"), t2, None)))


def investigation_problems_poorly_understood(r, made):
    area = r.area
    if area != "investigation":
        return None
    priorities_understood = r.priorities_understood
    t1 = None if priorities_understood is None else STRENGTH[priorities_understood] <= 1
    causes_understood = r.causes_understood
    t2 = None if causes_understood is None else STRENGTH[causes_understood] <= 1
    if not (t1 or t2):
        return None
    return (("The force's understanding of its investigative problems is incomplete: "
             "priorities understood "
             f"{('unstated' if priorities_understood is None else WORDS[priorities_understood])}"
             ", causes understood "
             f"{('unstated' if causes_understood is None else WORDS[causes_understood])}."),
            (("problem_understanding.area == 'investigation'", (area, "investigation"), True, None),
             ("problem_understanding.priorities_understood <= 'mixed'", (priorities_understood, "mixed"), t1, None),
             ("problem_understanding.causes_understood <= 'mixed'", (causes_understood, "mixed"), t2, None)))


def investigation_resourced(r, made):
    area = r.area
    if area != "investigation":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] >= 2
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] >= 2
    if not (t1 or t2):
        return None
    return (("Investigation is resourced: capacity "
             f"{('unstated' if capacity is None else WORDS[capacity])}, capability "
             f"{('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'investigation'", (area, "investigation"), True, None),
             ("resourcing.capacity >= 'good'", (capacity, "good"), t1, None),
             ("resourcing.capability >= 'good'", (capability, "good"), t2, None)))


def investigation_under_resourced(r, made):
    area = r.area
    if area != "investigation":
        return None
    capacity = r.capacity
    t1 = None if capacity is None else STRENGTH[capacity] <= 1
    capability = r.capability
    t2 = None if capability is None else STRENGTH[capability] <= 1
    if not (t1 or t2):
        return None
    return (("The force lacks the people or skills to investigate consistently: capacity "
             f"{('unstated' if capacity is None else WORDS[capacity])}, capability "
             f"{('unstated' if capability is None else WORDS[capability])}."),
            (("resourcing.area == 'investigation'", (area, "investigation"), True, None),
             ("resourcing.capacity <= 'mixed'", (capacity, "mixed"), t1, None),
             ("resourcing.capability <= 'mixed'", (capability, "mixed"), t2, None)))


def investigation_improving(r, made):
    area = r.area
    if area != "investigation":
        return None
    direction = r.direction
    if direction != "improving":
        return None
    return ("The force's performance in investigating offending is improving.",
            (("performance_trend.area == 'investigation'", (area, "investigation"), True, None),
             ("performance_trend.direction == 'improving'", (direction, "improving"), True, None)))


def investigation_deteriorating(r, made):
    area = r.area
    if area != "investigation":
        return None
    direction = r.direction
    if direction != "deteriorating":
        return None
    return ("The force's performance in investigating offending is deteriorating.",
            (("performance_trend.area == 'investigation'", (area, "investigation"), True, None),
             ("performance_trend.direction == 'deteriorating'", (direction, "deteriorating"), True, None)))


def concern_stated_investigating_offending(r, made):
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not False:
        return None
    subject = r.subject
    t1 = subject == "investigation"
    t2 = subject == "vulnerable_victims"
    t3 = subject == "child_protection"
    t4 = subject == "offender_management"
    if not (t1 or t2 or t3 or t4):
        return None
    return (f"The inspector states a concern about the force's approach to {WORDS[subject]}.",
            (("stated_concern.cause_of_concern == false", (cause_of_concern, False), True, None),
             ("stated_concern.subject == 'investigation'", (subject, "investigation"), t1, None),
             ("stated_concern.subject == 'vulnerable_victims'", (subject, "vulnerable_victims"), t2, None),
             ("stated_concern.subject == 'child_protection'", (subject, "child_protection"), t3, None),
             ("stated_concern.subject == 'offender_management'", (subject, "offender_management"), t4, None)))


def cause_of_concern_investigating_offending(r, made):
    cause_of_concern = r.cause_of_concern
    if cause_of_concern is not True:
        return None
    subject = r.subject
    t1 = subject == "investigation"
    t2 = subject == "vulnerable_victims"
    t3 = subject == "child_protection"
    t4 = subject == "offender_management"
    if not (t1 or t2 or t3 or t4):
        return None
    return (f"The inspector names the force's approach to {WORDS[subject]} a cause of concern.",
            (("stated_concern.cause_of_concern == true", (cause_of_concern, True), True, None),
             ("stated_concern.subject == 'investigation'", (subject, "investigation"), t1, None),
             ("stated_concern.subject == 'vulnerable_victims'", (subject, "vulnerable_victims"), t2, None),
             ("stated_concern.subject == 'child_protection'", (subject, "child_protection"), t3, None),
             ("stated_concern.subject == 'offender_management'", (subject, "offender_management"), t4, None)))


#: (polarity, kind bound, rule, findings it derives from), in the rulebook's order.
RULES = (
    ("ST", "vulnerability", vulnerable_victims_identified, ()),
    ("AFI", "vulnerability", vulnerable_victims_missed, ()),
    ("AFI", "vulnerability", vulnerable_victims_inconsistent, ()),
    ("AFI", "vulnerability", repeat_victims_unsupported, ()),
    ("ST", "investigation_quality", robust_investigation_scrutiny, ()),
    ("ST", "investigation_quality", good_investigation_standard, ()),
    ("NP", "investigation_quality", exemplary_investigation, ()),
    ("AFI", "investigation_quality", initial_investigation_concerns, ()),
    ("AFI", "investigation_quality", poor_investigation_standard, ()),
    ("ST", "detection_rate", detection_above_national, ()),
    ("AFI", "detection_rate", detection_below_national, ()),
    ("ST", "offender_management", prolific_offenders_managed, ()),
    ("AFI", "offender_management", offender_management_inconsistent, ()),
    ("AFI", "offender_management", offender_management_weak, ()),
    ("AFI", "learning_from_experience", learning_from_tactics_limited, ()),
    ("AFI", "evaluation_capability", investigation_evaluation_limited, ()),
    ("ST", "evaluation_capability", investigation_evaluation_systematic, ()),
    ("ST", "problem_understanding", investigation_problems_understood, ()),
    ("AFI", "problem_understanding", investigation_problems_poorly_understood, ()),
    ("ST", "resourcing", investigation_resourced, ()),
    ("AFI", "resourcing", investigation_under_resourced, ()),
    ("ST", "performance_trend", investigation_improving, ()),
    ("AFI", "performance_trend", investigation_deteriorating, ()),
    ("AFI", "stated_concern", concern_stated_investigating_offending, ()),
    ("COC", "stated_concern", cause_of_concern_investigating_offending, ()),
)
