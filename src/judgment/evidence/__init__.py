"""Evidence: typed records with provenance, figures with intervals, vocabularies."""

from judgment.evidence._base import (
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    Better,
    Comparators,
    Interval,
    Measure,
    OrderedEnum,
    Provenance,
    Record,
)
from judgment.evidence._vocabulary import (
    FieldSpec,
    Vocabulary,
    get_vocabulary,
    register_vocabulary,
    vocabulary_ids,
)

__all__ = [
    "HIGHER_IS_BETTER",
    "LOWER_IS_BETTER",
    "Better",
    "Comparators",
    "FieldSpec",
    "Interval",
    "Measure",
    "OrderedEnum",
    "Provenance",
    "Record",
    "Vocabulary",
    "get_vocabulary",
    "register_vocabulary",
    "vocabulary_ids",
]
