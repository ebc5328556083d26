"""``is at least N`` / ``is at most N``: inclusive thresholds, the same in every stage and both engines.

The whole interval at or above N (at most: at or below) holds, an exact figure equal to N included;
an interval wholly on the other side is below (above); one that straddles N is indeterminate, so
the test does not hold. Decided in decimal, so durable_rules and the compiled engine agree bit for bit.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

import judgment
from conftest import vary
from generated_rulebooks import Spec, load
from test_engine_differential import assert_engines_agree
from judgment import Bundle, Rulebook
from judgment._lang._exact import bound_state
from judgment._lang._parser import parse_expression

DETECTION = "detection-rate"
RULES = {
    "at_least": "detection_rate.rate is at least {n}",
    "at_most": "detection_rate.rate is at most {n}",
    "not_at_least": "detection_rate.rate is not at least {n}",
    "not_at_most": "detection_rate.rate is not at most {n}",
    "above": "detection_rate.rate is above {n}",
    "straddles": "detection_rate.rate is indeterminate against {n}",
    "value_at_most": "detection_rate.rate.value is at most {n}",
    "either": "detection_rate.rate is at least {n} or detection_rate.rate.value >= 0",  # always made: its checks show
}


def _rulebook(tmp_path_factory: pytest.TempPathFactory, threshold: str) -> Rulebook:
    findings = tuple({"id": f"r_{name}", "question": "q", "polarity": "plus", "when": when.format(n=threshold),
                      "text": name, "cite": name} for name, when in RULES.items())
    return load(Spec(("detection_rate",), findings), tmp_path_factory.getbasetemp() / "inclusive")


def _figure(bundle: Bundle, value: str, lower: str | None = None, upper: str | None = None) -> Bundle:
    rate: dict[str, object] = {"value": float(value), "unit": "percent"}
    if lower is not None and upper is not None:
        rate["interval"] = {"lower": float(lower), "upper": float(upper)}
    return vary(bundle, DETECTION, rate=rate)


def both_engines(rulebook: Rulebook, bundle: Bundle) -> set[str]:
    return {rule.removeprefix("r_") for rule, _ in assert_engines_agree(rulebook, bundle)}


def test_the_words_parse_into_inclusive_positions() -> None:
    node = parse_expression("x.rate is not at most 9.5")
    assert (node.state, node.negated) == ("at_most", True)  # type: ignore[union-attr]


@pytest.mark.parametrize(("lower", "upper", "least", "most"), [
    (95, 95, "at_least", "at_most"), (95, 97, "at_least", "indeterminate"), (93, 95, "indeterminate", "at_most"),
    (94, 96, "indeterminate", "indeterminate"), (90, 94.9, "below", "at_most"), (95.1, 99, "at_least", "above")])
def test_the_states_against_95(lower: float, upper: float, least: str, most: str) -> None:
    assert bound_state(lower, upper, 95.0, "at_least") == least
    assert bound_state(lower, upper, 95.0, "at_most") == most


def test_an_exact_figure_on_the_threshold_holds(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle) -> None:
    made = both_engines(_rulebook(tmp_path_factory, "95"), _figure(derbyshire, "95"))
    assert {"at_least", "at_most", "straddles", "value_at_most"} <= made
    assert not made & {"above", "not_at_least", "not_at_most"}


def test_a_straddling_interval_is_indeterminate(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle) -> None:
    result = judgment.judge(_rulebook(tmp_path_factory, "95"), _figure(derbyshire, "95", "94", "96"))
    made = {f.rule for q in result.questions for f in q.findings}
    assert made == {"r_not_at_least", "r_not_at_most", "r_straddles", "r_value_at_most", "r_either"}
    (finding,) = [f for q in result.questions for f in q.findings if f.rule == "r_not_at_least"]
    (check,) = finding.checks
    assert check.state == "indeterminate"
    assert check.values[-1] == "95.0% (94.0–96.0) is indeterminate against 95"


def test_the_check_says_at_least(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle) -> None:
    result = judgment.judge(_rulebook(tmp_path_factory, "95"), _figure(derbyshire, "96", "95", "97"))
    (finding,) = [f for q in result.questions for f in q.findings if f.rule == "r_at_least"]
    (check,) = finding.checks
    assert check.condition == "detection_rate.rate is at least 95"
    assert check.values[-1] == "96.0% (95.0–97.0) is at least 95" and check.outcome is True


def test_a_figure_with_no_value_is_unknown(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle) -> None:
    stated = vary(derbyshire, DETECTION, rate={"unit": "percent", "comparators": {"national": {"stated": "above"}}})
    made = both_engines(_rulebook(tmp_path_factory, "95"), stated)
    assert not made & set(RULES)  # neither the test nor its negation holds


thresholds = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)
widths = st.sampled_from(("0", "0.01", "0.5", "3", "1e-9"))


@given(threshold=thresholds, below=widths, above=widths, side=st.sampled_from(("touch_low", "touch_high", "cross")))
def test_intervals_touching_the_threshold_in_both_engines(
        tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle, threshold: Decimal, below: str, above: str,
        side: str) -> None:
    n = threshold
    if side == "touch_low":  # the interval starts exactly at N
        lower, upper = n, n + Decimal(above)
    elif side == "touch_high":  # the interval ends exactly at N
        lower, upper = n - Decimal(below), n
    else:
        lower, upper = n - Decimal(below), n + Decimal(above)
    lower, upper = max(lower, Decimal(0)), min(upper, Decimal(100))
    value = lower if lower == upper else (lower + upper) / 2
    made = both_engines(_rulebook(tmp_path_factory, str(n)), _figure(derbyshire, str(value), str(lower), str(upper)))
    assert ("at_least" in made) == (lower >= n) and ("not_at_least" in made) == (lower < n)
    assert ("at_most" in made) == (upper <= n) and ("not_at_most" in made) == (upper > n)
    assert ("straddles" in made) == (lower <= n <= upper)


def _either_check(result: judgment.Judgment) -> judgment.Check:
    (finding,) = [f for q in result.questions for f in q.findings if f.rule == "r_either"]
    return finding.checks[0]


def test_a_failed_test_says_what_would_make_it_hold(tmp_path_factory: pytest.TempPathFactory,
                                                    derbyshire: Bundle) -> None:
    rulebook = _rulebook(tmp_path_factory, "95")
    straddling = _either_check(judgment.judge(rulebook, _figure(derbyshire, "95", "94", "96")))
    assert straddling.values[-1] == (
        "95.0% (94.0–96.0) is indeterminate against 95; it would hold if the whole interval were at or above 95")
    point = _either_check(judgment.judge(rulebook, _figure(derbyshire, "94.5")))
    assert point.values[-1] == "94.5% is below 95; it would hold if it were 95 or more"
    held = _either_check(judgment.judge(rulebook, _figure(derbyshire, "95")))
    assert held.outcome is True and held.values[-1] == "95.0% is at least 95"


def test_generated_evidence_aims_at_the_threshold(tmp_path_factory: pytest.TempPathFactory) -> None:
    from judgment.testing._strategies import field_points
    assert 95.0 in field_points(_rulebook(tmp_path_factory, "95"))[("detection_rate", "rate")]


@pytest.mark.parametrize(("value", "lower", "upper", "made", "words"), [  # docs/rule-files.md's worked example
    ("95", None, None, True, "95.0% is at least 95"),
    ("96.1", "95", "97.2", True, "96.1% (95.0–97.2) is at least 95"),
    ("95.8", "94.6", "97", False, "95.8% (94.6–97.0) is indeterminate against 95; it would hold if the whole "
                                  "interval were at or above 95"),
    ("93", "91.5", "94.5", False, "93.0% (91.5–94.5) is below 95; it would hold if the whole interval were at "
                                  "or above 95")])
def test_the_worked_example_of_the_docs(tmp_path_factory: pytest.TempPathFactory, derbyshire: Bundle, value: str,
                                        lower: str | None, upper: str | None, made: bool, words: str) -> None:
    bundle = _figure(derbyshire, value, lower, upper)
    assert ("at_least" in both_engines(_rulebook(tmp_path_factory, "95"), bundle)) is made
    assert _either_check(judgment.judge(_rulebook(tmp_path_factory, "95"), bundle)).values[-1] == words


@pytest.mark.parametrize(("text", "found"), [
    ("victim_satisfaction.rate is at least national", [("TYPE_MISMATCH", 37)]),  # a threshold only
    ("victim_satisfaction.rate is at most victim_satisfaction.rate.previous_year", [("TYPE_MISMATCH", 36)]),
    ("victim_satisfaction.rate is at least 80 within 2", "EXPR_SYNTAX"),  # no tolerance on a threshold
    ("evaluation_capability.level is at least 'good'", [("TYPE_MISMATCH", 0)]),
    ("victim_satisfaction.rate is at least 80", []), ("crime_change.months is not at most 36", []),
    ("victim_satisfaction.rate.value is at least crime_change.months - 1", [])])
def test_the_checker(text: str, found: object) -> None:
    from test_language import problems
    if found == "EXPR_SYNTAX":
        with pytest.raises(Exception, match="unexpected"):
            parse_expression(text)
        return
    assert problems(text) == found
