"""How a figure reads in a finding text and an explanation (issue 15, point 7 and a tutorial's rough edge).

A margin of 0 is an exact figure: ``90.0%``, not ``90.0% (90.0–90.0)``. A figure the source gives only as
a stated relation has no number to print: its placeholder says what the source stated, and never
wraps itself in parentheses (a text writing ``({x.rate})`` would print them doubled)."""

from __future__ import annotations

import json
from pathlib import Path

import judgment
from conftest import vary
from judgment import Bundle
from judgment.evidence import Measure
from minimal_rulebook import minimal_rulebook_yaml


def test_a_margin_of_zero_prints_no_degenerate_interval() -> None:
    assert Measure(value=90.0, unit="percent", margin=0).describe() == "90.0%"
    assert Measure(value=90.0, unit="percent", interval={"lower": 90.0, "upper": 90.0}).describe() == "90.0%"


def test_a_margin_still_prints_its_interval() -> None:
    assert Measure(value=88.0, unit="percent", margin=1.4).describe() == "88.0% (86.6–89.4)"


def test_a_figure_given_only_as_stated_relations_reads_as_stated() -> None:
    figure = Measure(unit="percent", comparators={"regional": {"stated": "above"},
                                                  "previous_year": {"stated": "in_line"}})
    assert figure.describe() == "stated higher than regional, in line with previous year"


def test_a_stated_trend_alone_reads_as_stated() -> None:
    assert Measure(unit="percent", trend="rising").describe() == "stated rising"


def test_a_comparator_with_no_number_is_not_given_as_a_figure() -> None:
    figure = Measure(unit="percent", comparators={"regional": {"stated": "above"}})
    assert figure.comparators["regional"].describe() == "not given as a figure"


HEADER = minimal_rulebook_yaml("words")


def test_a_value_less_figure_in_parentheses_prints_no_doubled_parentheses(tmp_path: Path, derbyshire: Bundle) -> None:
    rule = {"id": "r", "question": "q", "polarity": "plus", "cite": "c", "when": "victim_satisfaction.rate is above national",
            "text": "satisfaction ({victim_satisfaction.rate}) against the national rate ({victim_satisfaction.rate.national})"}
    grading = [{"questions": ["q"], "criteria": [{"grade": "good", "otherwise": True}]}]
    (tmp_path / "rulebook.yaml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(json.dumps({"findings": [rule], "grading": grading}), encoding="utf-8")
    rulebook = judgment.load_rulebook(tmp_path)
    bundle = vary(derbyshire, "victim-satisfaction",
                  rate={"unit": "percent", "comparators": {"national": {"stated": "above"}}})
    (finding,) = judgment.judge(rulebook, bundle).question("q").findings
    assert finding.text == ("satisfaction (stated higher than national) against the national rate "
                            "(not given as a figure)")
