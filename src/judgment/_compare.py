"""Comparisons that understand uncertainty, exactly as the project's contract defines them.

| compared                         | above                     | below                     | otherwise     |
|----------------------------------|---------------------------|---------------------------|---------------|
| figure with comparator figure    | lower > comparator upper  | upper < comparator lower  | in_line       |
| figure with a fixed threshold    | lower > threshold         | upper < threshold         | indeterminate |
| two points with a tolerance t    | difference > t            | difference < -t           | in_line       |

A tolerance also applies to figures with intervals: the gap between the
intervals must exceed it. With no intervals this is exactly the third row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["above", "below", "in_line", "indeterminate"]

#: For monotonicity on a higher-is-better field: below < in_line = indeterminate < above.
STATE_RANK: dict[str, int] = {"below": 0, "in_line": 1, "indeterminate": 1, "above": 2}


@dataclass(frozen=True)
class Bounds:
    """A figure reduced to what comparisons need: a point and its interval."""

    value: float
    lower: float
    upper: float

    @classmethod
    def point(cls, value: float) -> Bounds:
        return cls(value, value, value)

    @property
    def has_interval(self) -> bool:
        return self.lower != self.upper


def against_figure(figure: Bounds, comparator: Bounds, tolerance: float = 0.0) -> State:
    return figure_state(figure.lower, figure.upper, comparator.lower, comparator.upper, tolerance)


def against_threshold(figure: Bounds, threshold: float) -> State:
    return threshold_state(figure.lower, figure.upper, threshold)


def figure_state(lower: float, upper: float, other_lower: float, other_upper: float, tolerance: float) -> State:
    """The first row of the table, on bare bounds (what compiled conditions call)."""
    if lower - other_upper > tolerance:
        return "above"
    if other_lower - upper > tolerance:
        return "below"
    return "in_line"


def threshold_state(lower: float, upper: float, threshold: float) -> State:
    """The second row of the table, on bare bounds."""
    if lower > threshold:
        return "above"
    if upper < threshold:
        return "below"
    return "indeterminate"


def state_words(state: str) -> str:
    return {"above": "above", "below": "below", "in_line": "in line with",
            "indeterminate": "indeterminate against"}[state]
