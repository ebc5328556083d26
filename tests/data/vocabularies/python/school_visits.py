"""The school-visits vocabulary declared in Python: given with `--vocabulary FILE` (imported as code
the user chose to run) and installed as an entry point (tests/test_vocabulary_discovery.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from judgment.evidence import HIGHER_IS_BETTER, Comparators, Measure, OrderedEnum, Record, Vocabulary, \
    register_vocabulary


class Effectiveness(OrderedEnum):
    """Worst first."""

    inadequate = "inadequate"
    requires_improvement = "requires_improvement"
    good = "good"
    outstanding = "outstanding"


class Attendance(Record):
    kind: Literal["attendance"]
    rate: Annotated[Measure, HIGHER_IS_BETTER, Comparators("national")]


class Leadership(Record):
    kind: Literal["leadership"]
    effectiveness: Effectiveness


def vocabulary() -> Vocabulary:
    """The entry point: a callable returning the vocabulary (registered by judgment, not here)."""
    return Vocabulary("school-visits", "School visits (declared in Python)", [Attendance, Leadership])


if __name__ != "schoolvocab":  # given with --vocabulary: register it the documented way
    register_vocabulary(vocabulary())
