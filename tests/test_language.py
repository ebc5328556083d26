"""The condition language: parsing, type checking and three-valued evaluation."""

from __future__ import annotations

import pytest

from judgment._compiled import evaluate
from judgment._lang import _ast as ast
from judgment._lang._check import Scope, check_condition
from judgment._lang._parser import ExpressionSyntaxError, parse_expression
from judgment.evidence import get_vocabulary
from judgment.evidence.hmic_crime import VictimSatisfaction

VOCAB = get_vocabulary("hmic-crime")
assert VOCAB is not None


def problems(text: str) -> list[tuple[str, int]]:
    scope = Scope("finding", VOCAB, findings=["known"], implicit_kinds=True)
    return [(p.code, p.offset) for p in check_condition(parse_expression(text), scope).problems]


def test_position_parses_with_negation_and_tolerance() -> None:
    node = parse_expression("detection_rate.rate is not in line with national within 2")
    assert isinstance(node, ast.Position)
    assert (node.state, node.negated) == ("in_line", True)
    assert isinstance(node.tolerance, ast.Number) and node.tolerance.value == 2


@pytest.mark.parametrize(("text", "offset", "hint"), [
    ("a.b = 3", 4, "=="),
    ("a.b is above", 12, "expected"),
    ("a.b is in line national", 15, "with"),
    ("count(x", 7, "')'"),
], ids=["single-equals", "missing-reference", "in-line-without-with", "unclosed-call"])
def test_syntax_errors_point_at_the_column(text: str, offset: int, hint: str) -> None:
    with pytest.raises(ExpressionSyntaxError) as caught:
        parse_expression(text)
    assert caught.value.offset == offset
    assert hint in (caught.value.hint or "")


def test_overlong_conditions_are_refused() -> None:
    with pytest.raises(ExpressionSyntaxError, match="limit"):
        parse_expression("a.b == 1 and " * 200 + "a.b == 1")


@pytest.mark.parametrize(("text", "expected"), [
    ("victim_satisfaction.rat is above national", [("UNKNOWN_FIELD", 0)]),
    ("victim_satisfaction.rate is above nationl", [("UNKNOWN_COMPARATOR", 34)]),
    ("victim_satisfation.rate is above national", [("UNKNOWN_KIND", 0)]),
    ("victim_satisfaction.rate > 80", [("TYPE_MISMATCH", 0)]),
    ("victim_satisfaction.rate is in line with 80", [("TYPE_MISMATCH", 0)]),
    ("victim_satisfaction.rate is indeterminate against national", [("TYPE_MISMATCH", 0)]),
    ("evaluation_capability.level <= 'limted'", [("TYPE_MISMATCH", 31)]),
    ("evaluation_capability.area < 'investigation'", [("TYPE_MISMATCH", 0)]),
    ("victim_contract.coverage", [("TYPE_MISMATCH", 0)]),
    ("count(strength) >= 1", [("UNKNOWN_FUNCTION", 0)]),
    ("finding(unknown_one)", [("UNKNOWN_REFERENCE", 8)]),
    ("present(victim_contracts)", [("UNKNOWN_KIND", 8)]),
    ("domestic_abuse.progress == investigation_quality.strategies_recorded", [("TYPE_MISMATCH", 0)]),
    ("victim_satisfaction.rate.national.value >= 80 and finding(known)", []),
], ids=lambda v: v if isinstance(v, str) else None)
def test_checker_reports_each_mistake_where_it_is(text: str, expected: list[tuple[str, int]]) -> None:
    assert problems(text) == expected


def satisfaction(value: float, margin: float, **comparators: dict[str, float]) -> VictimSatisfaction:
    return VictimSatisfaction.model_validate({
        "id": "s", "kind": "victim_satisfaction", "period": "2014",
        "provenance": {"document": "d", "section": "s", "quote": "q"},
        "rate": {"value": value, "unit": "percent", "margin": margin, "comparators": comparators}})


def outcome(text: str, record: VictimSatisfaction) -> bool | None:
    """The outcome, which must be the same whether fields are read by declared type or by value."""
    node = parse_expression(text)
    typed, _ = evaluate(text, node, {"victim_satisfaction": record}, vocabulary=VOCAB)
    untyped, _ = evaluate(text, node, {"victim_satisfaction": record})
    assert typed is untyped
    return typed


def test_missing_comparator_is_unknown_and_so_is_its_negation() -> None:
    record = satisfaction(88.0, 1.4)
    assert outcome("victim_satisfaction.rate is above national", record) is None
    assert outcome("not (victim_satisfaction.rate is above national)", record) is None


def test_unknown_and_false_is_false_unknown_or_true_is_true() -> None:
    record = satisfaction(88.0, 1.4)
    unknown = "victim_satisfaction.rate is above national"
    assert outcome(f"{unknown} and victim_satisfaction.rate is below 50", record) is False
    assert outcome(f"{unknown} or victim_satisfaction.rate is above 50", record) is True


def test_evaluation_records_the_values_compared() -> None:
    record = satisfaction(88.0, 1.4, national={"value": 85.0, "margin": 0.2})
    text = "victim_satisfaction.rate is above national"
    outcome, checks = evaluate(text, parse_expression(text), {"victim_satisfaction": record})
    assert outcome is True
    (check,) = checks
    assert check.state == "above"
    assert check.values[-1] == "88.0% (86.6–89.4) is above 85.0% (84.8–85.2)"
