"""Comparisons that understand uncertainty, exactly as the project's contract defines them.

| compared                         | above                     | below                     | otherwise     |
|----------------------------------|---------------------------|---------------------------|---------------|
| figure with comparator figure    | lower > comparator upper  | upper < comparator lower  | in_line       |
| figure with a fixed threshold    | lower > threshold         | upper < threshold         | indeterminate |
| two points with a tolerance t    | difference > t            | difference < -t           | in_line       |

``is at least N`` / ``is at most N`` (inclusive, a fixed threshold only) hold when the whole interval
is >= N / <= N; otherwise the state is below / above, or indeterminate when the interval straddles N.

A tolerance also applies to figures with intervals: the gap between the
intervals must exceed it. With no intervals this is exactly the third row.
Gaps are decided in decimal, as the numbers are written (judgment._lang._exact):
32.2 against 30.2 within 2 is in line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from judgment._lang import _exact

State = Literal["above", "below", "in_line", "indeterminate", "at_least", "at_most"]

#: For monotonicity on a higher-is-better field: below = at_most < in_line = indeterminate < above = at_least.
STATE_RANK: dict[str, int] = {"below": 0, "at_most": 0, "in_line": 1, "indeterminate": 1, "above": 2, "at_least": 2}


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
    """The first row of the table, decided in decimal (judgment._lang._exact)."""
    return cast(State, _exact.figure_state(figure.lower, figure.upper, comparator.lower, comparator.upper,
                                           float(tolerance)))


def against_threshold(figure: Bounds, threshold: float) -> State:
    """The second row of the table, decided in decimal."""
    return cast(State, _exact.threshold_state(figure.lower, figure.upper, float(threshold)))


def state_words(state: str) -> str:
    return {"above": "above", "below": "below", "in_line": "in line with",
            "indeterminate": "indeterminate against", "at_least": "at least", "at_most": "at most"}[state]
