"""The shipped rulebook's own YAML test cases, collected by pytest, and their coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._cases import load_cases, run_case, run_cases

SHIPPED = judgment.load_rulebook(RULES)
CASES = load_cases(RULES, rulebook=SHIPPED)


@pytest.mark.parametrize(("path", "case", "bundle"), CASES, ids=[c.name for _, c, _ in CASES])
def test_rulebook_case(path: Path, case: object, bundle: Path | None) -> None:
    outcome = run_case(SHIPPED, path, case, bundle)  # type: ignore[arg-type]
    assert not outcome.failed, "\n".join(outcome.problems)  # a known disagreement is recorded, not failed


def test_the_cases_exercise_every_rule_criterion_and_recommendation() -> None:
    outcomes, missing = run_cases(SHIPPED, RULES)
    assert len(outcomes) >= 20 and not any(o.failed for o in outcomes)
    assert missing == []


def test_a_failing_case_says_what_differs(tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    cases = rules / "tests" / "derbyshire-variants.yaml"
    cases.write_text(cases.read_text().replace("grades: {reducing_crime: outstanding,",
                                               "grades: {reducing_crime: inadequate,", 1))
    outcomes, _ = run_cases(judgment.load_rulebook(rules), rules)
    failed = [o for o in outcomes if o.failed]
    assert [o.problems for o in failed] == [["reducing_crime: expected inadequate, got outstanding"]]


def test_the_cases_start_from_a_copy_of_the_example_bundle_inside_the_rulebook() -> None:
    # Test bundles live inside the rulebook folder (judgment test reads nothing outside it by default).
    copy = RULES / "tests" / "bundles" / DERBYSHIRE.name
    assert copy.read_bytes() == DERBYSHIRE.read_bytes(), f"copy {DERBYSHIRE} to {copy} again"
