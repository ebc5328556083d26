"""Counterfactuals (issue 17, point 2): the smallest changes in evidence that move a grade one step,
each verified by judging it and explained in the inspector's words."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import pytest

import judgment
from judgment._compiled import run
from judgment._whatif._changes import AddRecord, DropRecord, SetField, apply_changes

from conftest import ROOT

RULEBOOK = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
BUNDLE = judgment.load_bundle(ROOT / "examples" / "derbyshire-2014.yaml")
RAISE_EVALUATION = SetField("evaluation-crime-prevention", "level", "developing")


@pytest.fixture(scope="module")
def derbyshire() -> judgment.Counterfactuals:
    return judgment.counterfactuals(RULEBOOK, BUNDLE)


def test_raising_evaluation_one_step_makes_reducing_crime_outstanding(derbyshire: judgment.Counterfactuals) -> None:
    up = derbyshire.question("reducing_crime").move("up")
    assert up is not None and up.target == "outstanding"
    found = [c for c in up.counterfactuals if c.changes == (RAISE_EVALUATION,)]
    assert found, [c.changes for c in up.counterfactuals]
    assert found[0].grade == "outstanding" and found[0].lost == ("evaluation_limited",)
    words = found[0].explanation
    assert words.startswith("Reducing crime would be Outstanding if ")
    assert "evaluation capability (crime prevention)" in words and "developing instead of limited" in words
    assert "evaluation_limited would not be made" in words and "exceeds-the-standard would hold" in words


def test_an_assessment_is_listed_before_a_change_of_what_a_record_is_about(
        derbyshire: judgment.Counterfactuals) -> None:
    """Equally small: the evaluation's level first; a crime change's months or category (what the
    record is about) after it."""
    up = derbyshire.question("reducing_crime").move("up")
    assert up is not None and up.counterfactuals[0].changes == (RAISE_EVALUATION,)


def test_every_counterfactual_moves_the_grade_when_judged(derbyshire: judgment.Counterfactuals) -> None:
    """Down counterfactuals exist; every listed change set, applied and judged, gives the grade it claims."""
    downs = [q.move("down") for q in derbyshire.questions]
    assert any(m is not None and m.counterfactuals for m in downs)
    for question in derbyshire.questions:
        for move in question.moves:
            for counterfactual in move.counterfactuals:
                grades = run(RULEBOOK, apply_changes(BUNDLE, counterfactual.changes)).grades
                assert grades[question.question] == counterfactual.grade == move.target


def test_no_listed_set_has_a_smaller_set_inside_it_that_moves_the_grade(derbyshire: judgment.Counterfactuals) -> None:
    for question in derbyshire.questions:
        for move in question.moves:
            for counterfactual in move.counterfactuals:
                for size in range(1, len(counterfactual.changes)):
                    for part in combinations(counterfactual.changes, size):
                        grade = run(RULEBOOK, apply_changes(BUNDLE, part)).grades[question.question]
                        assert grade != move.target, (counterfactual.changes, part)


def test_the_same_question_gives_the_same_answer_in_the_same_order(derbyshire: judgment.Counterfactuals) -> None:
    again = judgment.counterfactuals(RULEBOOK, BUNDLE)
    assert again == derbyshire
    assert again.to_data() == derbyshire.to_data()


def test_max_changes_bounds_every_set() -> None:
    one = judgment.counterfactuals(RULEBOOK, BUNDLE, questions=["investigating_offending"], max_changes=1)
    assert [q.question for q in one.questions] == ["investigating_offending"]
    for move in one.questions[0].moves:
        assert all(len(c.changes) == 1 for c in move.counterfactuals)
    assert one.max_changes == 1


def test_direction_selects_the_moves() -> None:
    down = judgment.counterfactuals(RULEBOOK, BUNDLE, questions=["reducing_crime"], direction="down", max_changes=1)
    assert [m.direction for m in down.questions[0].moves] == ["down"]


@pytest.mark.parametrize("call", [
    lambda: judgment.counterfactuals(RULEBOOK, BUNDLE, questions=["nope"]),
    lambda: judgment.counterfactuals(RULEBOOK, BUNDLE, direction="sideways"),
    lambda: judgment.counterfactuals(RULEBOOK, BUNDLE, max_changes=0),
    lambda: judgment.counterfactuals(RULEBOOK, BUNDLE, max_changes=True),
])
def test_bad_arguments_are_refused(call: object) -> None:
    with pytest.raises((judgment.JudgmentError, ValueError)):
        call()  # type: ignore[operator]


# A rulebook small enough to know the answer by hand: one ordered scale, three grades.
PROBE = """\
rulebook: {id: probe-cf, title: Probe, version: 1.0.0, valid_from: 2000-01-01, vocabulary: hmic-crime,
           framework: {title: t, citation: c}}
scale: [{id: outstanding, label: Outstanding}, {id: good, label: Good}, {id: inadequate, label: Inadequate}]
polarities: [{id: plus, label: Plus, sense: positive}, {id: minus, label: Minus, sense: negative}]
questions: [{id: q, title: How well is it evaluated?}]
overall: {title: O, method: worst}
"""
PROBE_FINDINGS = """\
findings:
  - id: measured
    question: q
    polarity: plus
    when: evaluation_capability.level >= 'developing'
    text: measured
    cite: c
  - id: unmeasured
    question: q
    polarity: minus
    when: evaluation_capability.level <= 'none'
    text: unmeasured
    cite: c
grading:
  - questions: [q]
    criteria:
      - {id: strong, grade: outstanding, when: count(plus) >= 1, cite: c}
      - {id: weak, grade: inadequate, when: count(minus) >= 1, cite: c}
      - {id: fine, grade: good, otherwise: true, cite: c}
"""


def _probe(tmp_path: Path, level: str, record_id: str = "evaluation") -> tuple[judgment.Rulebook, judgment.Bundle]:
    (tmp_path / "rulebook.yaml").write_text(PROBE)
    (tmp_path / "rules.yaml").write_text(PROBE_FINDINGS)
    return judgment.load_rulebook(tmp_path), _bundle(level, record_id)


def _bundle(level: str, record_id: str) -> judgment.Bundle:
    return judgment.bundle_from_data({
        "vocabulary": "hmic-crime", "inspection": {"organisation": "Probe", "title": "t", "framework": "probe-cf", "date": "2014-06-01",
                       "period": {"start": "2014-01-01", "end": "2014-05-01"}},
        "records": [{"id": record_id, "kind": "evaluation_capability", "area": "investigation", "level": level,
                     "provenance": {"document": "d", "section": "s", "quote": "q"}}]})


def test_the_answer_known_by_hand(tmp_path: Path) -> None:
    rulebook, bundle = _probe(tmp_path, "limited")
    result = judgment.counterfactuals(rulebook, bundle).question("q")
    assert result.grade == "good"
    up, down = result.move("up"), result.move("down")
    assert up is not None and down is not None
    # Up: limited -> developing (systematic is two steps: further, so not listed), or a record added
    # with just what `measured` tests. Down: limited -> none, or a record added that `unmeasured` makes.
    assert [c.changes for c in up.counterfactuals if isinstance(c.changes[0], SetField)] == [
        (SetField("evaluation", "level", "developing"),)]
    assert [c.changes for c in down.counterfactuals if isinstance(c.changes[0], SetField)] == [
        (SetField("evaluation", "level", "none"),)]
    for move, level in ((up, "developing"), (down, "none")):
        added = [c.changes[0] for c in move.counterfactuals if isinstance(c.changes[0], AddRecord)]
        assert [(a.data["kind"], a.data["level"]) for a in added] == [("evaluation_capability", level)]
        assert len(move.counterfactuals) == 2 and not move.cut
        assert not any(isinstance(c.changes[0], DropRecord) for c in move.counterfactuals)


def test_a_question_at_the_top_of_the_scale_has_no_up(tmp_path: Path) -> None:
    rulebook, bundle = _probe(tmp_path, "systematic")
    result = judgment.counterfactuals(rulebook, bundle).question("q")
    assert result.grade == "outstanding"
    up = result.move("up")
    assert up is not None and up.target is None and up.counterfactuals == () and "best" in up.note


def test_hostile_record_ids_are_escaped_in_text_and_markdown(tmp_path: Path) -> None:
    from judgment._counterfactual._render import render_markdown, render_text

    (tmp_path / "rulebook.yaml").write_text(PROBE.replace("How well is it evaluated?", "'**How** <b>well</b> [a](b)'"))
    (tmp_path / "rules.yaml").write_text(PROBE_FINDINGS)
    bundle = _bundle("limited", "x__y__")
    rulebook = judgment.load_rulebook(tmp_path)
    result = judgment.counterfactuals(rulebook, bundle)
    markdown = render_markdown(result)
    prose = re.sub(r"`[^`]*`", "", markdown)  # a code span shows its text as it is
    assert "`set x__y__.level=developing`" in markdown
    assert "x__y__" not in prose and "**How**" not in markdown and "<b>" not in markdown
    assert "[a](b)" not in markdown
    assert "x__y__" in render_text(result)


def test_the_command_prints_json_markdown_and_refuses_an_unknown_question() -> None:
    import json

    from click.testing import CliRunner

    from judgment._cli._app import cli

    base = [str(ROOT / "examples" / "derbyshire-2014.yaml"), "--rules", str(ROOT / "rules" / "hmic-crime-2014"),
            "--question", "reducing_crime", "--direction", "up", "--max-changes", "1"]
    data = json.loads(CliRunner().invoke(cli, ["counterfactuals", *base, "--format", "json"]).output)
    up = data["questions"][0]["moves"][0]
    assert {"set": "evaluation-crime-prevention.level", "value": "developing"} in [
        c["changes"][0] for c in up["counterfactuals"]]
    markdown = CliRunner().invoke(cli, ["counterfactuals", *base, "--format", "markdown"]).output
    assert "`set evaluation-crime-prevention.level=developing`" in markdown
    wrong = CliRunner().invoke(cli, ["counterfactuals", *base[:3], "--question", "nope"])
    assert wrong.exit_code == 2 and "no question 'nope'" in wrong.output and "reducing_crime" in wrong.output
