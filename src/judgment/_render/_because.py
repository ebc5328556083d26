"""'Because of' a recommendation, in words every renderer prints: never blank.

The findings it named or counted, then the grades it read; a condition that
rests on neither (``not any(cause_of_concern)``, ``count(strength) == 0``) is
said by its tests, each as it held, did not, or was unknown.
"""

from __future__ import annotations

from judgment._judgment import Recommendation


def because_of(recommendation: Recommendation) -> str:
    parts = [*recommendation.findings,
             *(f"{question} graded {grade}" for question, grade in recommendation.grades.items())]
    if not parts:
        parts = [_said(c.condition, c.outcome) for c in recommendation.checks]
    return ", ".join(parts) or "its condition"


def _said(condition: str, outcome: bool | None) -> str:
    """A test as it came out: held, did not hold, or could not be decided (never 'not' for unknown)."""
    if outcome is None:
        return f"{condition} (unknown)"
    return condition if outcome else f"not {condition}"
