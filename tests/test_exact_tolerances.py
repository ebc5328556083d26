"""Tolerances, gaps and rule arithmetic are decided in decimal, by both engines alike.

Figures are written in decimal; binary floating point would put 32.2 - 30.2 above 2 and
32.1 - 30.1 below it. A gap of exactly the tolerance is in line (the docs' table), and
durable_rules and the compiled engine must say so bit for bit, for any decimal figures.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import judgment
from conftest import rules_fired, vary
from generated_rulebooks import Spec, load
from test_engine_differential import assert_engines_agree
from judgment import Bundle, Rulebook

DETECTION = "detection-rate"


def detection(bundle: Bundle, rate: float | str, national: float | str) -> Bundle:
    return vary(bundle, DETECTION, rate={"value": float(rate), "unit": "percent",
                                         "comparators": {"national": {"value": float(national)}}})


@pytest.mark.parametrize(("rate", "national"), [(32.1, 30.1), (32.2, 30.2), (30.1, 32.1), (30.2, 32.2)])
def test_the_shipped_detection_rules_hold_a_gap_of_exactly_two_in_line(
        rulebook: Rulebook, derbyshire: Bundle, rate: float, national: float) -> None:
    result = judgment.judge(rulebook, detection(derbyshire, rate, national))  # durable_rules, cross-checked
    fired = rules_fired(result, "investigating_offending")
    assert not fired & {"detection_above_national", "detection_below_national"}
    assert result.question("investigating_offending").grade == "good"


def test_the_check_names_the_tolerance(rulebook: Rulebook, derbyshire: Bundle) -> None:
    result = judgment.judge(rulebook, detection(derbyshire, 32.3, 30.2))
    (finding,) = [f for f in result.question("investigating_offending").findings
                  if f.rule == "detection_above_national"]
    (check,) = finding.checks
    assert check.values[-1] == "32.3% is above 30.2% within 2"


RULES = {
    "above": "detection_rate.rate is above national within {t}",
    "below": "detection_rate.rate is below national within {t}",
    "in_line": "detection_rate.rate is in line with national within {t}",
    "gap_at_least": "detection_rate.rate.value - detection_rate.rate.national.value >= {t}",
    "gap_more": "detection_rate.rate.value - detection_rate.rate.national.value > {t}",
    "sum_at_most": "detection_rate.rate.national.value + {t} <= detection_rate.rate.value",
    "threshold_above": "detection_rate.rate is above {th}",
    "threshold_at_least": "detection_rate.rate.value >= {th}",
    "shifted_at_least": "detection_rate.rate.value - {t} >= {th} - {t}",
    "literal": "detection_rate.rate.value > -1 and 32.3 - 30.3 >= 2",
    "thirds": "detection_rate.rate.value / 3 * 3 == detection_rate.rate.value",
}


def _rulebook(tmp_path_factory: pytest.TempPathFactory, tolerance: str, threshold: str) -> Rulebook:
    findings: tuple[dict[str, object], ...] = tuple({"id": f"r_{name}", "question": "q", "polarity": "plus", "when": when.format(t=tolerance, th=threshold),
                      "text": name, "cite": name} for name, when in RULES.items())
    return load(Spec(("detection_rate",), findings), tmp_path_factory.getbasetemp() / "exact")


def both_engines(rulebook: Rulebook, bundle: Bundle) -> set[str]:
    """The findings made, after checking that durable_rules and the compiled engine agree exactly."""
    made = assert_engines_agree(rulebook, bundle)
    return {rule.removeprefix("r_") for rule, _ in made}


def test_rule_arithmetic_is_decimal(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle) -> None:
    made = both_engines(_rulebook(tmp_path_factory, "2", "30.3"), detection(derbyshire, 32.3, 30.3))
    assert {"literal", "thirds", "gap_at_least", "sum_at_most", "in_line", "threshold_at_least"} <= made
    assert not made & {"above", "below", "gap_more"}


@pytest.mark.parametrize(("rate", "national"), [(85.5, 84.3), (85.6, 84.4)])
def test_within_one_point_two(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle,
                              rate: float, national: float) -> None:
    made = both_engines(_rulebook(tmp_path_factory, "1.2", "50"), detection(derbyshire, rate, national))
    assert "in_line" in made and not made & {"above", "below", "gap_more"}
    assert {"gap_at_least", "sum_at_most"} <= made


TOLERANCES = ("0", "0.1", "0.3", "1.2", "2", "2.5", "0.07", "12.35")
decimals = st.decimals(min_value=0, max_value=80, places=2, allow_nan=False, allow_infinity=False)


@given(tolerance=st.sampled_from(TOLERANCES), national=decimals, above=st.booleans())
def test_a_gap_of_exactly_the_tolerance_is_in_line_in_both_engines(
        tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle, tolerance: str, national: Decimal,
        above: bool) -> None:
    rate = national + Decimal(tolerance)
    if not above:
        rate, national = national, rate
    made = both_engines(_rulebook(tmp_path_factory, tolerance, "50"), detection(derbyshire, str(rate), str(national)))
    assert "in_line" in made and not made & {"above", "below"}
    holds = above or Decimal(tolerance) == 0  # rate - national is t, or -t
    assert ("gap_at_least" in made) == holds and ("sum_at_most" in made) == holds
    assert "gap_more" not in made


THRESHOLDS = ("0.3", "30.1", "84.4", "99.99", "0.07")


@given(tolerance=st.sampled_from(TOLERANCES), threshold=st.sampled_from(THRESHOLDS), national=decimals)
def test_a_figure_exactly_at_the_threshold_in_both_engines(
        tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle, tolerance: str, threshold: str,
        national: Decimal) -> None:
    made = both_engines(_rulebook(tmp_path_factory, tolerance, threshold), detection(derbyshire, threshold, str(national)))
    assert "threshold_above" not in made  # a point exactly at the threshold is not above it
    assert {"threshold_at_least", "shifted_at_least"} <= made


@given(tolerance=st.sampled_from(TOLERANCES), national=decimals, step=st.sampled_from(("0.01", "0.001", "1e-9")))
def test_a_gap_just_beyond_the_tolerance_is_above_in_both_engines(
        tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle, tolerance: str, national: Decimal,
        step: str) -> None:
    rate = national + Decimal(tolerance) + Decimal(step)
    made = both_engines(_rulebook(tmp_path_factory, tolerance, "50"), detection(derbyshire, str(rate), str(national)))
    assert "above" in made and "gap_more" in made and "in_line" not in made
