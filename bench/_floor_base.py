"""What the floor's finding rules share: enum ranks, words, and positions of figures.

Ordered enums compare through precomputed rank dicts (members are strings, so a dict keyed by
value serves every member); positions are decided as judgment decides them (in decimal, and by
a relation the source states when numbers are missing), through the same two small functions.
"""

from __future__ import annotations

from judgment._lang._exact import figure_state, threshold_state
from judgment._lang._stated import PLAIN
from judgment.evidence import hmic_crime as _vocabulary

# --- vocabulary (hmic-crime): ordered enums, worst first ----------------------------------

STRENGTH = {"weak": 0, "mixed": 1, "good": 2, "strong": 3, "outstanding": 4}
COVERAGE = {"none": 0, "some": 1, "most": 2, "all": 3}
PROGRESS = {"none": 0, "limited": 1, "some": 2, "substantial": 3}
CAPABILITY = {"none": 0, "limited": 1, "developing": 2, "systematic": 3}
BREADTH = {"narrow": 0, "moderate": 1, "broad": 2}
DIRECTION = {"deteriorating": 0, "stable": 1, "improving": 2}
PLAN = {"none": 0, "partial": 1, "complete": 2}

#: Every enum member in words, as finding texts print them.
WORDS = {m.value: m.value.replace("_", " ") for e in (
    _vocabulary.Strength, _vocabulary.Coverage, _vocabulary.Progress, _vocabulary.Capability, _vocabulary.Breadth,
    _vocabulary.Direction, _vocabulary.PlanStatus, _vocabulary.ConcernSubject, _vocabulary.CrimeCategory,
    _vocabulary.Area) for m in e}
UNKNOWN = "unknown (not in the evidence)"


def _figure(m) -> str:  # m: a comparator Measure or None
    """A comparator in a finding text: one the figure does not carry is an unstated figure."""
    return "an unstated figure" if m is None else m.describe()


def _against(m, c, tolerance: float) -> str | None:  # two Measures (c may be missing)
    """A figure against its own comparator: above, below or in_line (judgment._lang._stated);
    without numbers on either side the relation the source states, else unknown (None)."""
    if c is None:
        return None
    if m.value is None or c.value is None:
        return None if c.stated is None else PLAIN[c.stated]
    i = m.interval
    lo, hi = (i.lower, i.upper) if i is not None else (m.value, m.value)
    i = c.interval
    clo, chi = (i.lower, i.upper) if i is not None else (c.value, c.value)
    return figure_state(lo, hi, clo, chi, tolerance)


def _threshold(m, threshold: float) -> str | None:  # m: a Measure
    """A figure against a threshold: above, below or indeterminate; unknown without numbers."""
    if m.value is None:
        return None
    i = m.interval
    lo, hi = (i.lower, i.upper) if i is not None else (m.value, m.value)
    return threshold_state(lo, hi, threshold)
