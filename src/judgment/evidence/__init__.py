"""Evidence: typed records with provenance, figures with intervals, vocabularies."""

from judgment._public import adopt as _adopt
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
from judgment.evidence._declared import load_vocabulary
from judgment.evidence._vocabulary import (
    FieldSpec,
    Vocabulary,
    get_vocabulary,
    register_vocabulary,
    vocabulary_ids,
)

__all__ = [
    "Better",
    "Comparators",
    "FieldSpec",
    "HIGHER_IS_BETTER",
    "Interval",
    "LOWER_IS_BETTER",
    "Measure",
    "OrderedEnum",
    "Provenance",
    "Record",
    "Vocabulary",
    "get_vocabulary",
    "load_vocabulary",
    "register_vocabulary",
    "vocabulary_ids",
]

_adopt(globals(), __all__, __name__)  # reprs, tracebacks and pickles name judgment.evidence.X
