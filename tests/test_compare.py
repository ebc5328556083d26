"""Comparisons that understand uncertainty: the contract's table and its seed examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from judgment._compare import STATE_RANK, Bounds, against_figure, against_threshold


def around(value: float, margin: float) -> Bounds:
    return Bounds(value, value - margin, value + margin)


def test_seed_satisfaction_is_above_national() -> None:
    assert against_figure(around(88.0, 1.4), around(85.0, 0.2)) == "above"


def test_seed_satisfaction_is_in_line_with_previous_year() -> None:
    assert against_figure(around(88.0, 1.4), around(86.7, 1.4)) == "in_line"


def test_seed_detection_is_in_line_within_tolerance() -> None:
    assert against_figure(Bounds.point(27), Bounds.point(26), tolerance=2) == "in_line"
    assert against_figure(Bounds.point(27), Bounds.point(26), tolerance=0.5) == "above"


@pytest.mark.parametrize(("figure", "threshold", "state"), [
    (around(85.0, 1.0), 80.0, "above"),
    (around(75.0, 1.0), 80.0, "below"),
    (around(80.5, 1.4), 80.0, "indeterminate"),
    (Bounds.point(80.0), 80.0, "indeterminate"),
], ids=["above", "below", "straddles", "point-on-threshold"])
def test_threshold_states(figure: Bounds, threshold: float, state: str) -> None:
    assert against_threshold(figure, threshold) == state


def test_below_when_upper_bound_under_comparator_lower_bound() -> None:
    assert against_figure(around(82.0, 1.0), around(85.0, 0.2)) == "below"


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(finite, st.floats(0, 100), finite, st.floats(0, 100), st.floats(0, 50), st.floats(0.001, 100))
def test_raising_a_figure_never_lowers_its_state(value: float, margin: float, other: float, other_margin: float,
                                                 tolerance: float, step: float) -> None:
    comparator = around(other, other_margin)
    before = against_figure(around(value, margin), comparator, tolerance)
    after = against_figure(around(value + step, margin), comparator, tolerance)
    assert STATE_RANK[after] >= STATE_RANK[before]


@given(finite, st.floats(0, 100), finite)
def test_swapping_sides_mirrors_the_state(value: float, margin: float, other: float) -> None:
    mirror = {"above": "below", "below": "above", "in_line": "in_line"}
    assert against_figure(Bounds.point(other), around(value, margin)) == mirror[
        against_figure(around(value, margin), Bounds.point(other))]
