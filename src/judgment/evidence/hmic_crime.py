"""The HMIC crime-inspection vocabulary (2014): the evidence a crime inspection weighs.

Qualitative scales are ordered worst first. Each figure and each field with a
better direction declares it, so property checks know what "better evidence" means.
Assessed fields are optional: a report often states one fact about a subject and not its
companions, and a rule reading an absent field is unknown, never a guess. Only what identifies
a record (area, category, period) and a figure's own value are required.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import Field

from judgment.evidence._base import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    Comparators,
    Measure,
    OrderedEnum,
    Record,
)
from judgment.evidence._vocabulary import Vocabulary, register_vocabulary

VOCABULARY_ID = "hmic-crime"


class Capability(OrderedEnum):
    """How far a practice is built in: none < limited < developing < systematic."""

    none = "none"
    limited = "limited"
    developing = "developing"
    systematic = "systematic"


class Strength(OrderedEnum):
    """An inspector's qualitative assessment: weak < mixed < good < strong < outstanding."""

    # The report's words: "lacks", "poor" (weak); "varies", "inconsistent", "a mixed picture"
    # (mixed); "works well", "effective" (good); "strong", "a strength", "robust" (strong);
    # "outstanding", "excellent", "exemplary" (outstanding: room above a strong force).

    weak = "weak"
    mixed = "mixed"
    good = "good"
    strong = "strong"
    outstanding = "outstanding"


class Coverage(OrderedEnum):
    """How widely something applies: none < some < most < all."""

    none = "none"
    some = "some"
    most = "most"
    all = "all"


class Breadth(OrderedEnum):
    """How broad a range of tactics: narrow < moderate < broad."""

    narrow = "narrow"
    moderate = "moderate"
    broad = "broad"


class Progress(OrderedEnum):
    """Progress since a previous inspection: none < limited < some < substantial."""

    none = "none"
    limited = "limited"
    some = "some"
    substantial = "substantial"


class PlanStatus(OrderedEnum):
    """An action plan: none < partial < complete (in line with the agreed national priorities)."""

    none = "none"
    partial = "partial"
    complete = "complete"


class Direction(OrderedEnum):
    """Which way performance is moving: deteriorating < stable < improving."""

    deteriorating = "deteriorating"
    stable = "stable"
    improving = "improving"


class ConcernSubject(str, Enum):
    """What an inspector's stated concern is about."""

    domestic_abuse = "domestic_abuse"
    child_protection = "child_protection"
    vulnerable_victims = "vulnerable_victims"
    investigation = "investigation"
    offender_management = "offender_management"
    victim_service = "victim_service"
    crime_prevention = "crime_prevention"
    anti_social_behaviour = "anti_social_behaviour"


class CrimeCategory(str, Enum):
    crime_excluding_fraud = "crime_excluding_fraud"
    victim_based_crime = "victim_based_crime"
    sexual_offences = "sexual_offences"
    violence_with_injury = "violence_with_injury"
    burglary_dwelling = "burglary_dwelling"


class Area(str, Enum):
    """The part of the force's work a qualitative record is about."""

    crime_prevention = "crime_prevention"
    investigation = "investigation"
    anti_social_behaviour = "anti_social_behaviour"


Period = Annotated[str, Field(min_length=1, max_length=100, description="e.g. '12 months to June 2014'")]


class CrimeRate(Record):
    """Recorded crime per 1,000 population (households for burglary) in one category."""

    kind: Literal["crime_rate"]
    category: CrimeCategory = Field(
        description='the row of the crime table in the report: "crime excluding fraud", "victim-based crime", "burglary in a dwelling"')
    period: Period
    rate: Annotated[Measure, LOWER_IS_BETTER, Comparators("national", "previous_year")] = Field(
        description='"crimes per 1,000 population" (households for burglary), against "England and Wales" (national)')


class CrimeChange(Record):
    """Change in recorded crime over a period, as a percentage (negative is a reduction)."""

    kind: Literal["crime_change"]
    category: CrimeCategory = Field(description='"recorded crime (excluding fraud)", "victim-based crime"')
    period: Period
    months: int = Field(
        ge=1, le=240, description='the span: 48 for "compared with the 12 months to June 2010", 12 for "during the 12 months prior to"')
    change: Annotated[Measure, LOWER_IS_BETTER, Comparators("national")] = Field(
        description='"reduced by 21 percent" (-21), "compared with a reduction of 16 percent across all forces in England and Wales" (national)')


class VictimSatisfaction(Record):
    """Share of victims satisfied with the whole service they received."""

    kind: Literal["victim_satisfaction"]
    period: Period
    rate: Annotated[Measure, HIGHER_IS_BETTER, Comparators("national", "previous_year")] = Field(
        description='"a victim satisfaction rate of 88.0 percent", "higher than the satisfaction rate in England and Wales" (national)')


class DetectionRate(Record):
    """Share of crimes detected (the sanction-detection framework, before April 2014)."""

    kind: Literal["detection_rate"]
    category: CrimeCategory = Field(description='"for crimes excluding fraud"')
    period: Period
    rate: Annotated[Measure, HIGHER_IS_BETTER, Comparators("national", "previous_year")] = Field(
        description='"detection rate ... was 27 percent which was broadly in line [with] the 26 percent for England and Wales"')


class AsbIncidents(Record):
    """Anti-social behaviour incidents: the rate, the count and the change on the previous year."""

    kind: Literal["asb_incidents"]
    period: Period
    rate: Annotated[Measure, LOWER_IS_BETTER, Comparators("national", "previous_year")] = Field(
        description='"the anti-social behaviour incident rate ... is higher than the figure for England and Wales" (per 1,000 population)')
    incidents: int | None = Field(
        default=None, ge=0, description='"recorded 46,766 incidents of anti-social behaviour"')
    change: Annotated[Measure | None, LOWER_IS_BETTER, Comparators("national")] = Field(
        default=None, description='"a reduction of 7 percent against the previous 12 months"')


class VictimContract(Record):
    """Victim contracts: the agreed nature and frequency of contact, given to victims."""

    kind: Literal["victim_contract"]
    coverage: Coverage | None = Field(
        default=None, description='"given to every victim" (all) / "not yet applied systematically" (most)')
    compliance_monitored: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"monitored by supervisors who provide clear expectations for officers to follow"')


class EvaluationCapability(Record):
    """How the force measures what works: none < limited < developing < systematic."""

    kind: Literal["evaluation_capability"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    level: Capability | None = Field(
        default=None, description='"its ability to measure the impact of its activities is limited", "little evidence of any meaningful measurement" (limited)')
    improving: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"is starting to develop better ways to evaluate activities"')


class PartnershipWorking(Record):
    """Working with partners, and sharing information with them, in one area of work."""

    kind: Literal["partnership_working"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    strength: Strength | None = Field(
        default=None, description='"good and constructive partnership working" (good) / "community safety partnerships are strong" (strong)')
    information_sharing: Strength | None = Field(
        default=None, description='"information is shared and local action ... jointly undertaken with partners"')


class StrategicAssessment(Record):
    """The strategic threat and risk assessment that sets the force's priorities."""

    kind: Literal["strategic_assessment"]
    effectiveness: Strength | None = Field(
        default=None, description='"an effective strategic threat and risk assessment" that prioritises "resource where it is needed most"')
    joint_with_partners: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='the assessment is made and refreshed with partners ("another joint seminar is held")')
    national_good_practice: Annotated[bool, HIGHER_IS_BETTER] = Field(
        default=False, description='"This approach represents national good practice"')


class TacticsAndPowers(Record):
    """The range and effect of the tactics and powers used to prevent and disrupt crime."""

    kind: Literal["tactics_and_powers"]
    breadth: Breadth | None = Field(default=None, description='"a broad range of ... tactics" (broad)')
    effectiveness: Strength | None = Field(
        default=None, description='"effective tactics to prevent crime and reduce re-offending"')


class Vulnerability(Record):
    """Identifying vulnerable and repeat victims and protecting them."""

    kind: Literal["vulnerability"]
    identification: Strength | None = Field(
        default=None, description='"taken effective steps to ensure that those vulnerable members of the community ... are identified"')
    repeat_victims_supported: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='those at risk of becoming "a repeat victim ... receive an appropriate level of service"')
    joint_risk_assessment: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"a joint risk assessment to help identify and deal with the needs of vulnerable individuals"')


class InvestigationQuality(Record):
    """Quality of investigations: scrutiny, file standards, supervision, first response."""

    kind: Literal["investigation_quality"]
    scrutiny: Strength | None = Field(
        default=None, description='"a very strong focus on improving the quality of investigations"')
    standard: Strength | None = Field(default=None, description='"the standard of investigations is good"')
    supervision: Strength | None = Field(default=None, description='"supervision is good" / "supervision is lacking"')
    initial_investigation: Strength | None = Field(
        default=None, description='"some areas of concern around the quality of the initial investigations" (mixed)')
    strategies_recorded: Coverage | None = Field(
        default=None, description='"investigation strategies are not always recorded" (most)')
    files_reviewed: int | None = Field(default=None, ge=0, description='"We also reviewed 20 crime investigations"')


class OffenderManagement(Record):
    """Managing prolific and priority offenders (integrated offender management)."""

    kind: Literal["offender_management"]
    approach: Strength | None = Field(
        default=None, description='"strong partnership arrangements in place for managing the most prolific offenders"')
    offenders_managed: int | None = Field(
        default=None, ge=0, description='"502 offenders being managed through this approach"')
    prolific_offenders: int | None = Field(default=None, ge=0, description='"198 prolific offenders"')


class LearningFromExperience(Record):
    """Whether the force captures and shares what works."""

    kind: Literal["learning_from_experience"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    evaluation_of_tactics: Capability | None = Field(
        default=None, description='"limited current activity ... to evaluate the success of crime fighting and crime prevention tactics" (limited)')
    sharing_good_practice: Capability | None = Field(
        default=None, description='"needs to do more to ... share learning and good practice" (limited)')
    central_record: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"There is no central database to record activities" (false)')


class NeighbourhoodPolicing(Record):
    """Neighbourhood teams: commitment, local understanding, engagement, problem solving, recording."""

    kind: Literal["neighbourhood_policing"]
    commitment: Strength | None = Field(default=None, description='"a strong commitment to neighbourhood policing"')
    understanding_of_priorities: Strength | None = Field(
        default=None, description='"a good understanding of local concerns and priorities"')
    community_engagement: Strength | None = Field(
        default=None, description='"engage well with local people through local forums"')
    problem_solving: Strength | None = Field(
        default=None, description='"a wide range of tactics used ... to prevent and tackle anti-social behaviour"')
    asb_recording: Strength | None = Field(
        default=None, description='"unclear on the methods for recording or investigating anti-social behaviour" (weak)')


class DomesticAbuse(Record):
    """The domestic abuse action plan and the progress made since HMIC's 2014 inspection."""

    kind: Literal["domestic_abuse"]
    action_plan: PlanStatus | None = Field(
        default=None, description='"the plan ... is in line with the agreed national priorities" (complete)')
    progress: Progress | None = Field(
        default=None, description='"has made progress to improve its response to domestic abuse" (some) / "progress is limited" (limited)')
    repeat_victims_referred: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"repeat victims are referred to a multi-agency risk assessment conference (MARAC)"')


class StatedConcern(Record):
    """A concern the inspector states in words: 'I have specific concerns about its approach to domestic abuse'."""

    kind: Literal["stated_concern"]
    subject: ConcernSubject = Field(
        description='what the concern is about: "specific concerns about its approach to domestic abuse" (domestic_abuse)')
    cause_of_concern: Annotated[bool, LOWER_IS_BETTER] = Field(
        default=False, description='the report names it a "cause of concern" (with a recommendation)')
    improving: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"there have been notable improvements since"')


class PerformanceTrend(Record):
    """The direction the report gives for the force's performance in one area of work, without a figure."""

    kind: Literal["performance_trend"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    direction: Direction | None = Field(
        default=None, description='"has improved" (improving), "has been maintained" (stable), "has declined" (deteriorating)')


class ProblemUnderstanding(Record):
    """How well the force understands its problems: its priorities and the causes behind them."""

    kind: Literal["problem_understanding"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    priorities_understood: Strength | None = Field(
        default=None, description='"priorities are well understood" / "understood to varying degrees"')
    causes_understood: Strength | None = Field(
        default=None, description='"understands the causes of the problems it faces" / "limited analysis"')


class Resourcing(Record):
    """Whether the force has the people (capacity) and the skills (capability) for one area of work."""

    kind: Literal["resourcing"]
    area: Area = Field(
        description='the heading the report places it under: "reducing crime and preventing offending" (crime_prevention), "investigating offending" (investigation), "tackling anti-social behaviour" (anti_social_behaviour)')
    capacity: Strength | None = Field(
        default=None, description='"enough officers to do it" (good) / "officers lack the time when demand peaks" (mixed)')
    capability: Strength | None = Field(
        default=None, description='"well trained, skilled teams" (good) / "not enough trained investigators" (weak)')


class VictimFocus(Record):
    """A victim-centred ethos, and how consistently it is applied across the force."""

    kind: Literal["victim_focus"]
    ethos: Strength | None = Field(default=None, description='"a victim-centred approach" / "not victim-focused"')
    consistency: Coverage | None = Field(
        default=None, description='"consistently across the force" (all) / "to varying degrees" (some)')


MODELS: tuple[type[Record], ...] = (
    CrimeRate, CrimeChange, VictimSatisfaction, DetectionRate, AsbIncidents, VictimContract,
    EvaluationCapability, PartnershipWorking, StrategicAssessment, TacticsAndPowers, Vulnerability,
    InvestigationQuality, OffenderManagement, LearningFromExperience, NeighbourhoodPolicing, DomesticAbuse,
    StatedConcern, PerformanceTrend, ProblemUnderstanding, Resourcing, VictimFocus,
)

VOCABULARY = register_vocabulary(Vocabulary(VOCABULARY_ID, "HMIC crime inspection 2014", MODELS))

__all__ = [
    "VOCABULARY", "VOCABULARY_ID", "MODELS",
    "Capability", "Strength", "Coverage", "Breadth", "Progress", "PlanStatus", "CrimeCategory", "Area",
    "Direction", "ConcernSubject",
    *(m.__name__ for m in MODELS),
]
