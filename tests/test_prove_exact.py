"""Exact minimal counterfactuals (issue 19, point 4): the z3 solver's fewest changes agree with the search.

For every question and direction, on the Derbyshire bundle and on generated ones (a fixed seed), the
fewest changes the solver finds equal the fewest the search finds whenever the search finds some; where
the solver finds fewer (a value the search's moves do not try), judging its changes shows they give the
target grade. Every counterfactual listed is judged again here with the compiled engine.
"""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

import judgment
from judgment._bundle import Bundle
from judgment._cli._app import cli as main
from judgment._compiled import run
from judgment._counterfactual._model import Counterfactuals
from judgment._whatif._changes import apply_changes
from judgment.testing import bundles

from judgment._prove._exact import exact_counterfactuals  # needs judgment[prove] (scripts/_env.sh)

from conftest import ROOT

RULEBOOK = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
DERBYSHIRE = ROOT / "examples" / "derbyshire-2014.yaml"
BUNDLE = judgment.load_bundle(DERBYSHIRE)


def _fewest(result: Counterfactuals, question: str, direction: str) -> int | None:
    move = result.question(question).move(direction)
    assert move is not None
    return len(move.counterfactuals[0].changes) if move.counterfactuals else None


def _judged_to_target(bundle: Bundle, exact: Counterfactuals) -> None:
    for question in exact.questions:
        for move in question.moves:
            for found in move.counterfactuals:
                done = run(RULEBOOK, apply_changes(bundle, list(found.changes)))
                assert done.grades[question.question] == move.target == found.grade, found.changes


def _agree(bundle: Bundle, max_changes: int) -> list[str]:
    """Compare the solver with the search on every question and direction; the solver-smaller cases."""
    search = judgment.counterfactuals(RULEBOOK, bundle, max_changes=max_changes, any_date=True)
    exact = exact_counterfactuals(RULEBOOK, bundle, max_changes=max_changes, any_date=True)
    _judged_to_target(bundle, exact)
    smaller = []
    for question in search.questions:
        for move in question.moves:
            searched, solved = _fewest(search, question.question, move.direction), _fewest(exact, question.question, move.direction)
            assert exact.question(question.question).move(move.direction).target == move.target  # type: ignore[union-attr]
            if searched is not None:
                assert solved is not None and solved <= searched, (question.question, move.direction, searched, solved)
            if solved is not None and (searched is None or solved < searched):
                smaller.append(f"{question.question} {move.direction}: {solved} < {searched}")
    return smaller


def test_on_derbyshire_the_fewest_changes_agree_with_the_search() -> None:
    smaller = _agree(BUNDLE, 2)
    assert not smaller, smaller


def test_the_exact_note_says_it_is_exact_and_each_change_is_judged() -> None:
    exact = exact_counterfactuals(RULEBOOK, BUNDLE, questions=["reducing_crime"], direction="up", max_changes=1)
    up = exact.question("reducing_crime").move("up")
    assert up is not None and up.counterfactuals and "exact" in up.note
    assert all(len(c.changes) == 1 for c in up.counterfactuals)
    assert up.counterfactuals[0].explanation.startswith("Reducing crime would be Outstanding if ")


@settings(max_examples=12, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
@given(bundles(RULEBOOK))
def test_on_generated_bundles_the_solver_never_needs_more_changes(bundle: Bundle) -> None:
    _agree(bundle, 1)  # where the solver needs fewer (2 of 72 directions), its changes were judged to the target


def test_the_command_takes_exact_and_prints_json() -> None:
    done = CliRunner().invoke(main, ["counterfactuals", str(DERBYSHIRE), "--rules", str(ROOT / "rules" / "hmic-crime-2014"),
                                     "--question", "tackling_asb", "--direction", "down", "--max-changes", "1",
                                     "--exact", "--format", "json"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.output)
    move = data["questions"][0]["moves"][0]
    assert move["target"] == "requires_improvement" and "exact" in move["note"]
    assert [len(c["changes"]) for c in move["counterfactuals"]] == [1] * len(move["counterfactuals"])


def test_without_z3_exact_says_to_install_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "z3", None)  # as if z3-solver were not installed
    done = CliRunner().invoke(main, ["counterfactuals", str(DERBYSHIRE), "--rules", str(ROOT / "rules" / "hmic-crime-2014"),
                                     "--exact"])
    assert done.exit_code == 2 and "pip install 'judgment[prove]'" in done.output, done.output
