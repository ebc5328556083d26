"""Relations a source states in words, read by both engines through these functions alone.

A report may say a figure is "higher than the figure for England and Wales" without giving
either number. Such a comparator carries ``stated: above`` (or a stronger form, "much higher",
"among the highest", which count as above). A position test against it reads:

* the computed relation, by the contract's table (tolerance and all), when both the figure and
  the comparator have numbers: the stated relation is then kept only for the words;
* the stated relation, when either side lacks numbers (a tolerance does not apply to words);
* unknown (None) when numbers are missing and nothing is stated, as missing evidence is.

The compiled engine calls `against_comparator`; the durable_rules encoder asserts `gap_signs`,
the same decision as the two signs its rules test, so the engines agree bit for bit.
"""

from __future__ import annotations

from judgment._lang._exact import Number, Sign, figure_state, gap_sign
from judgment.evidence import Measure
from judgment.evidence._base import STATED_WORDS

#: The stronger forms and the plain relation a comparison reads them as.
PLAIN = {"among_lowest": "below", "well_below": "below", "below": "below", "in_line": "in_line",
         "above": "above", "well_above": "above", "among_highest": "above"}
#: (sign of gap above, sign of gap below) for each plain state; see judgment._durable._translate.
_SIGNS: dict[str, tuple[Sign, Sign]] = {"above": (1, -1), "below": (-1, 1), "in_line": (-1, -1)}
_WORDS = STATED_WORDS


def computed(figure: Measure, comparator: Measure) -> bool:
    """Whether both sides have numbers, so the relation is computed, not read from the source."""
    return figure.value is not None and comparator.value is not None


def against_comparator(figure: Measure, comparator: Measure, tolerance: Number) -> str | None:
    """above, below or in_line; None when numbers are missing and nothing is stated."""
    if computed(figure, comparator):
        return figure_state(*_bounds(figure), *_bounds(comparator), tolerance)
    return None if comparator.stated is None else PLAIN[comparator.stated]


def gap_signs(figure: Measure, comparator: Measure, tolerance: Number) -> tuple[Sign, Sign] | None:
    """The signs of (figure above comparator by more than the tolerance) and (below by more):
    `against_comparator` is "above" when the first is 1, "below" when the second is, else in line."""
    if computed(figure, comparator):
        (lower, upper), (other_lower, other_upper) = _bounds(figure), _bounds(comparator)
        return gap_sign(lower, other_upper, tolerance), gap_sign(other_lower, upper, tolerance)
    return None if comparator.stated is None else _SIGNS[PLAIN[comparator.stated]]


def _bounds(figure: Measure) -> tuple[float, float]:
    value = figure.value
    assert value is not None  # callers test `computed` first
    interval = figure.interval
    return (value, value) if interval is None else (interval.lower, interval.upper)


def stated_words(comparator: Measure, name: str) -> str | None:
    """``stated in the source: higher than national``; None when the source states nothing."""
    if comparator.stated is None:
        return None
    return f"stated in the source: {_WORDS[comparator.stated]} {name.replace('_', ' ')}"
