"""Stated relations: a figure recorded as the source states it, "higher than the figure for
England and Wales", with or without numbers (issue 14, point 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import pytest

import judgment
from conftest import ROOT
from judgment import Bundle, BundleError
from judgment._render._words import check_words
from judgment.evidence import Comparators, Measure, Record
from judgment.testing._improve import improve

SHIPPED = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
COVERAGE = judgment.load_rulebook(ROOT / "tests" / "data" / "rulebooks" / "language")
STATED_ONLY = ROOT / "tests" / "data" / "bundles" / "stated-relations.yaml"
_PROVENANCE = {"document": "d", "section": "s", "quote": "q"}
_INSPECTION = {"organisation": "Test", "framework": "f", "period": {"start": "2013-07-01", "end": "2014-06-30"},
               "date": "2014-11-01"}


def _asb(rate: dict[str, Any]) -> Bundle:
    record = {"id": "asb", "kind": "asb_incidents", "provenance": _PROVENANCE, "period": "p",
              "rate": {"unit": "rate", "per": 1000, "denominator": "population", **rate}}
    return judgment.bundle_from_data({"vocabulary": "hmic-crime", "inspection": _INSPECTION, "records": [record]})


def _made(rulebook: judgment.Rulebook, bundle: Bundle) -> dict[str, judgment.Finding]:
    made = judgment.judge(rulebook, bundle, any_date=True)  # durable_rules, cross-checked by the compiled engine
    return {f.rule: f for q in made.questions for f in q.findings}


def test_a_judgment_from_stated_relations_only() -> None:
    made = judgment.judge(SHIPPED, judgment.load_bundle(STATED_ONLY))
    findings = {f.rule: f for q in made.questions for f in q.findings}
    # Satisfaction stated above national (in line with the previous year); anti-social behaviour
    # stated above national; detection in line: two findings.
    assert set(findings) == {"satisfaction_above_national", "asb_rate_above_national"}
    check, = findings["satisfaction_above_national"].checks
    assert check.outcome is True and check.state == "above"
    assert check.values[2] == "stated in the source: higher than national"
    assert check_words(check) == ("victim_satisfaction.rate is above national: "
                                  "stated in the source: higher than national (holds)")
    assert [q.grade for q in made.questions] == ["good", "good", "good"]


def test_a_stated_relation_is_read_when_either_side_lacks_numbers() -> None:
    for rate in ({"comparators": {"national": {"stated": "well_above"}}},
                 {"value": 10.0, "comparators": {"national": {"stated": "among_highest"}}},
                 {"comparators": {"national": {"value": 90.0, "stated": "above"}}}):
        assert "asb_above_national" in _made(COVERAGE, _asb(rate))
    below = _made(COVERAGE, _asb({"comparators": {"national": {"stated": "below"}, "previous_year": {"stated": "below"}}}))
    assert "asb_above_national" not in below and "asb_not_below_previous" not in below


def test_with_numbers_on_both_sides_the_computed_relation_decides_and_the_stated_one_is_kept_for_words() -> None:
    made = _made(COVERAGE, _asb({"value": 45.5, "comparators": {"national": {"value": 36.8, "stated": "below"}}}))
    check, = made["asb_above_national"].checks
    assert check.values[2] == "45.5 per 1,000 population is above 36.8 per 1,000 population " \
                              "(stated in the source: lower than national)"


def test_a_threshold_on_a_figure_without_a_value_is_unknown_not_false() -> None:
    made = _made(COVERAGE, _asb({"comparators": {"national": {"stated": "above"}}}))
    # neither a test nor its negation holds: unknown, as missing evidence is
    assert not {"asb_value_above", "asb_value_not_above", "asb_not_above_40"} & set(made)
    numbers = _made(COVERAGE, _asb({"value": 30.0}))
    assert {"asb_value_not_above", "asb_not_above_40"} <= set(numbers)


def test_a_stated_trend_is_read_as_trend() -> None:
    made = _made(COVERAGE, _asb({"trend": "rising"}))
    assert {"asb_rising", "asb_not_falling"} <= set(made)
    assert "asb_above_national" not in made  # no comparator: nothing stated, unknown
    falling = _made(COVERAGE, _asb({"trend": "falling", "comparators": {"national": {"trend": "stable", "stated": "above"}}}))
    assert "asb_rising" not in falling and "asb_not_falling" not in falling and "asb_national_stable" in falling


@pytest.mark.parametrize(("rate", "message"), [
    ({}, "a figure needs a value, or a relation stated in the source"),
    ({"comparators": {"national": {"value": 30.0}}}, "a figure needs a value"),
    ({"value": 40.0, "comparators": {"national": {}}}, "a figure needs a value"),
    ({"margin": 1.0, "trend": "rising"}, "an interval or margin needs the figure's value"),
    ({"stated": "above", "value": 3.0}, "'stated' belongs on a comparator"),
    ({"comparators": {"national": {"stated": "higher"}}}, "'among_highest'"),
])
def test_a_figure_with_nothing_to_judge_is_refused(rate: dict[str, Any], message: str) -> None:
    with pytest.raises(BundleError, match="rate") as caught:
        _asb(rate)
    assert message in str(caught.value)


def test_a_figure_with_no_value_and_nothing_stated_is_refused_located(tmp_path: Path) -> None:
    path = tmp_path / "bundle.yaml"
    path.write_text(STATED_ONLY.read_text(encoding="utf-8").replace("national: {stated: in_line}",
                                                                    "national: {value: 26}"), encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        judgment.load_bundle(path)
    assert f"{path}:38:7: BAD_VALUE record 'detection-rate': rate: a figure needs a value" in str(caught.value)


def test_the_vocabulary_may_restrict_the_stronger_forms() -> None:
    class Restricted(Record):
        kind: Literal["x"]
        rate: Annotated[Measure, Comparators("national", stated=("below", "in_line", "above"))]

    model = Restricted
    data: dict[str, Any] = {"id": "r", "kind": "x", "provenance": _PROVENANCE,
            "rate": {"unit": "count", "comparators": {"national": {"stated": "well_above"}}}}
    with pytest.raises(ValueError, match="allows the stated relations below, in_line, above, not 'well_above'"):
        model.model_validate(data)
    data["rate"]["comparators"]["national"]["stated"] = "above"
    assert model.model_validate(data).rate.comparators["national"].stated == "above"
    with pytest.raises(ValueError, match="no stated relation 'higher'"):
        Comparators("national", stated=("higher",))


def test_better_evidence_moves_a_stated_relation_in_the_better_direction() -> None:
    bundle = _asb({"comparators": {"national": {"stated": "above"}, "previous_year": {"stated": "among_lowest"}},
                   "trend": "rising"})
    better = improve(bundle, "asb", "rate", 1.0)  # lower is better for anti-social behaviour
    assert better is not None
    rate: Measure = getattr(better.record("asb"), "rate")
    assert (rate.comparators["national"].stated, rate.comparators["previous_year"].stated, rate.trend) == (
        "in_line", "among_lowest", "stable")


def test_the_bundle_schema_lets_a_figure_leave_out_its_value() -> None:
    schema = judgment.bundle_json_schema(SHIPPED.vocabulary)
    measure = schema["$defs"]["Measure"]
    assert "value" not in measure.get("required", [])
    assert set(measure["properties"]["stated"]["anyOf"][0]["enum"]) >= {"above", "well_above", "among_highest"}
    assert measure["properties"]["trend"]["anyOf"][0]["enum"] == ["falling", "stable", "rising"]
