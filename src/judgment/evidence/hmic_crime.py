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
    category: CrimeCategory
    period: Period
    rate: Annotated[Measure, LOWER_IS_BETTER, Comparators("national", "previous_year")]


class CrimeChange(Record):
    """Change in recorded crime over a period, as a percentage (negative is a reduction)."""

    kind: Literal["crime_change"]
    category: CrimeCategory
    period: Period
    months: int = Field(ge=1, le=240)
    change: Annotated[Measure, LOWER_IS_BETTER, Comparators("national")]


class VictimSatisfaction(Record):
    """Share of victims satisfied with the whole service they received."""

    kind: Literal["victim_satisfaction"]
    period: Period
    rate: Annotated[Measure, HIGHER_IS_BETTER, Comparators("national", "previous_year")]


class DetectionRate(Record):
    """Share of crimes detected (the sanction-detection framework, before April 2014)."""

    kind: Literal["detection_rate"]
    category: CrimeCategory
    period: Period
    rate: Annotated[Measure, HIGHER_IS_BETTER, Comparators("national", "previous_year")]


class AsbIncidents(Record):
    """Anti-social behaviour incidents: the rate, the count and the change on the previous year."""

    kind: Literal["asb_incidents"]
    period: Period
    rate: Annotated[Measure, LOWER_IS_BETTER, Comparators("national", "previous_year")]
    incidents: int | None = Field(default=None, ge=0)
    change: Annotated[Measure | None, LOWER_IS_BETTER, Comparators("national")] = None


class VictimContract(Record):
    """Victim contracts: the agreed nature and frequency of contact, given to victims."""

    kind: Literal["victim_contract"]
    coverage: Coverage | None = None
    compliance_monitored: Annotated[bool | None, HIGHER_IS_BETTER] = None


class EvaluationCapability(Record):
    """How the force measures what works: none < limited < developing < systematic."""

    kind: Literal["evaluation_capability"]
    area: Area
    level: Capability | None = None
    improving: Annotated[bool | None, HIGHER_IS_BETTER] = None


class PartnershipWorking(Record):
    """Working with partners, and sharing information with them, in one area of work."""

    kind: Literal["partnership_working"]
    area: Area
    strength: Strength | None = None
    information_sharing: Strength | None = None


class StrategicAssessment(Record):
    """The strategic threat and risk assessment that sets the force's priorities."""

    kind: Literal["strategic_assessment"]
    effectiveness: Strength | None = None
    joint_with_partners: Annotated[bool | None, HIGHER_IS_BETTER] = None
    national_good_practice: Annotated[bool, HIGHER_IS_BETTER] = False


class TacticsAndPowers(Record):
    """The range and effect of the tactics and powers used to prevent and disrupt crime."""

    kind: Literal["tactics_and_powers"]
    breadth: Breadth | None = None
    effectiveness: Strength | None = None


class Vulnerability(Record):
    """Identifying vulnerable and repeat victims and protecting them."""

    kind: Literal["vulnerability"]
    identification: Strength | None = None
    repeat_victims_supported: Annotated[bool | None, HIGHER_IS_BETTER] = None
    joint_risk_assessment: Annotated[bool | None, HIGHER_IS_BETTER] = None


class InvestigationQuality(Record):
    """Quality of investigations: scrutiny, file standards, supervision, first response."""

    kind: Literal["investigation_quality"]
    scrutiny: Strength | None = None
    standard: Strength | None = None
    supervision: Strength | None = None
    initial_investigation: Strength | None = None
    strategies_recorded: Coverage | None = None
    files_reviewed: int | None = Field(default=None, ge=0)


class OffenderManagement(Record):
    """Managing prolific and priority offenders (integrated offender management)."""

    kind: Literal["offender_management"]
    approach: Strength | None = None
    offenders_managed: int | None = Field(default=None, ge=0)
    prolific_offenders: int | None = Field(default=None, ge=0)


class LearningFromExperience(Record):
    """Whether the force captures and shares what works."""

    kind: Literal["learning_from_experience"]
    area: Area
    evaluation_of_tactics: Capability | None = None
    sharing_good_practice: Capability | None = None
    central_record: Annotated[bool | None, HIGHER_IS_BETTER] = None


class NeighbourhoodPolicing(Record):
    """Neighbourhood teams: commitment, local understanding, engagement, recording."""

    kind: Literal["neighbourhood_policing"]
    commitment: Strength | None = None
    understanding_of_priorities: Strength | None = None
    community_engagement: Strength | None = None
    asb_recording: Strength | None = None


class DomesticAbuse(Record):
    """The domestic abuse action plan and the progress made since HMIC's 2014 inspection."""

    kind: Literal["domestic_abuse"]
    action_plan: PlanStatus | None = None
    progress: Progress | None = None
    repeat_victims_referred: Annotated[bool | None, HIGHER_IS_BETTER] = None


class StatedConcern(Record):
    """A concern the inspector states in words: 'I have specific concerns about its approach to domestic abuse'."""

    kind: Literal["stated_concern"]
    subject: ConcernSubject
    cause_of_concern: Annotated[bool, LOWER_IS_BETTER] = Field(
        default=False, description='the report names it a "cause of concern" (with a recommendation)')
    improving: Annotated[bool | None, HIGHER_IS_BETTER] = Field(
        default=None, description='"there have been notable improvements since"')


class PerformanceTrend(Record):
    """The direction the report gives for the force's performance in one area of work, without a figure."""

    kind: Literal["performance_trend"]
    area: Area
    direction: Direction | None = Field(
        default=None, description='"has improved" (improving), "has been maintained" (stable), "has declined" (deteriorating)')


class ProblemUnderstanding(Record):
    """How well the force understands its problems: its priorities and the causes behind them."""

    kind: Literal["problem_understanding"]
    area: Area
    priorities_understood: Strength | None = Field(
        default=None, description='"priorities are well understood" / "understood to varying degrees"')
    causes_understood: Strength | None = Field(
        default=None, description='"understands the causes of the problems it faces" / "limited analysis"')


class Resourcing(Record):
    """Whether the force has the people (capacity) and the skills (capability) for one area of work."""

    kind: Literal["resourcing"]
    area: Area
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
