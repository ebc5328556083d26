"""What-if (issue 17, point 1): the changed bundle judged beside the original, and the difference."""

from __future__ import annotations

import pytest

import judgment
from judgment import AddRecord, DropRecord, SetField
from conftest import DERBYSHIRE, RULES

RULEBOOK = judgment.load_rulebook(RULES)
BUNDLE = judgment.load_bundle(DERBYSHIRE)
EVALUATION = SetField("evaluation-crime-prevention", "level", "developing")


def test_raising_evaluation_makes_reducing_crime_outstanding() -> None:
    result = judgment.what_if(RULEBOOK, BUNDLE, [EVALUATION])
    assert result.original.grades["reducing_crime"] == "good"
    assert result.changed.grades["reducing_crime"] == "outstanding"
    moved = result.question("reducing_crime")
    assert (moved.before, moved.after, moved.direction) == ("good", "outstanding", "up")
    assert [f.rule for f in moved.lost] == ["evaluation_limited"] and moved.gained == ()
    (reason,) = moved.lost[0].reason  # the test that now fails, from the rule's own trace
    assert reason.condition == "evaluation_capability.level <= 'limited'" and reason.outcome is False
    assert [q.direction for q in result.questions] == ["up", None, None]
    assert result.recommendations_added == () and result.recommendations_removed == ()
    assert result.overall is None and result.changes == (EVALUATION,) and result.moved


def test_a_figure_change_with_a_margin_loses_a_strength() -> None:
    result = judgment.what_if(RULEBOOK, BUNDLE, [SetField("victim-satisfaction", "rate", {"value": 82, "margin": 1.0})])
    rate = result.changed_bundle.record("victim-satisfaction").rate  # type: ignore[attr-defined]
    assert (rate.value, rate.interval.lower, rate.interval.upper, rate.comparators["national"].value) == (82, 81, 83, 85)
    lost = {f.rule for q in result.questions for f in q.lost}
    gained = {f.rule for q in result.questions for f in q.gained}
    assert lost and all(r.outcome is not True for q in result.questions for f in q.lost for r in f.reason)
    assert all(r.outcome is True for q in result.questions for f in q.gained for r in f.reason)
    assert lost.isdisjoint(gained)


def test_dropping_a_record_names_it_as_the_reason() -> None:
    result = judgment.what_if(RULEBOOK, BUNDLE, [DropRecord("evaluation-crime-prevention")])
    lost = result.question("reducing_crime").lost
    assert [f.rule for f in lost] == ["evaluation_limited"]
    assert lost[0].reason == () and "evaluation-crime-prevention" in (lost[0].note or "")


def test_the_api_refuses_what_is_not_a_change() -> None:
    for changes in ("evaluation-crime-prevention.level=developing", [object()], [SetField(None, "level", 1)],  # type: ignore[arg-type]
                    [SetField("x", 3, 1)], [AddRecord("not a mapping")]):  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            judgment.what_if(RULEBOOK, BUNDLE, changes)  # type: ignore[arg-type]


def test_the_result_is_frozen_and_deterministic() -> None:
    first = judgment.what_if(RULEBOOK, BUNDLE, [EVALUATION, DropRecord("victim-contract")])
    again = judgment.what_if(RULEBOOK, BUNDLE, [EVALUATION, DropRecord("victim-contract")])
    assert first.to_json() == again.to_json()
    with pytest.raises(Exception):
        first.questions = ()  # type: ignore[misc]


def test_an_added_record_keeps_the_area_for_improvement() -> None:
    result = judgment.what_if(RULEBOOK, BUNDLE, [EVALUATION, AddRecord({
        "id": "second", "kind": "evaluation_capability", "area": "crime_prevention", "level": "limited",
        "provenance": {"document": "d", "section": "s", "quote": "q"}})])
    question = result.question("reducing_crime")
    assert question.direction is None
    assert [(f.rule, dict(f.bindings)) for f in question.lost] == [
        ("evaluation_limited", {"evaluation_capability": "evaluation-crime-prevention"})]
    (gained,) = question.gained
    assert gained.rule == "evaluation_limited" and gained.note == "record second was added" and gained.reason
    assert "second" in {r.id for r in result.changed_bundle.records}


def test_no_change() -> None:
    result = judgment.what_if(RULEBOOK, BUNDLE, [SetField("evaluation-crime-prevention", "level", "limited")])
    assert not result.moved and all(q.direction is None and not q.gained and not q.lost for q in result.questions)
