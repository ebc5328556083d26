"""A recommendation says what it rests on (issue 15, points 3 and 5): the findings a count() or
any() counted, the grades a grade() comparison read, or else its condition; never a blank
'because of', in every format and in the record. Recommendations may read grades, as criteria do."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE, ROOT

TINY = ROOT / "examples" / "rulebooks" / "tiny"

RECOMMENDATIONS = """\
recommendations:
  - id: below-outstanding
    when: grade(reducing_crime) < 'outstanding'
    text: Aim higher in reducing crime.
  - id: keep-strengths
    when: count(strength) >= 3
    text: Keep the strengths.
  - id: recent-rise
    when: any(area_for_improvement, reducing_crime)
    text: Look at the recent rise.
  - id: no-concern
    when: not any(cause_of_concern)
    text: Carry on.
  - id: never
    when: grade(supporting_victims) <= 'requires_improvement'
    text: Never made here.
"""

STRENGTHS = ("contracts_with_high_satisfaction", "crime_falling_faster_than_national", "satisfaction_above_national")


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rules") / "tiny"
    shutil.copytree(TINY, folder)
    (folder / "recommendations.yaml").write_text(RECOMMENDATIONS, encoding="utf-8")
    return folder


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def made(rules: Path) -> dict[str, judgment.Recommendation]:
    result = judgment.judge(judgment.load_rulebook(rules), judgment.load_bundle(DERBYSHIRE))
    return {r.id: r for r in result.recommendations}


def test_a_recommendation_may_compare_a_grade(rules: Path) -> None:
    checked = cli("check", rules)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    recommendations = made(rules)
    assert "never" not in recommendations
    below = recommendations["below-outstanding"]
    assert below.grades == {"reducing_crime": "good"} and below.findings == ()
    assert [c.condition for c in below.checks] == ["grade(reducing_crime) < 'outstanding'"]
    assert below.checks[0].outcome is True and "good" in below.checks[0].values


def test_a_grade_in_a_recommendation_is_an_ordered_grade(rules: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    shutil.copytree(rules, folder)
    (folder / "recommendations.yaml").write_text(
        "recommendations:\n  - id: r\n    when: grade(reducing_crime) < 'splendid'\n    text: t\n", encoding="utf-8")
    checked = cli("check", folder)
    assert checked.returncode == 1 and "splendid" in checked.stdout + checked.stderr


def test_counted_findings_are_named(rules: Path) -> None:
    recommendations = made(rules)
    assert recommendations["keep-strengths"].findings == STRENGTHS
    assert recommendations["recent-rise"].findings == ("crime_rising_recently",)
    assert recommendations["no-concern"].findings == () and recommendations["no-concern"].grades == {}
    assert [(c.condition, c.outcome) for c in recommendations["no-concern"].checks] == [("any(cause_of_concern)", False)]


@pytest.mark.parametrize("form", ["text", "markdown", "html"])
def test_because_of_is_never_blank(rules: Path, form: str) -> None:
    shown = cli("run", DERBYSHIRE, "--rules", rules, "--format", form)
    assert shown.returncode == 0, shown.stderr
    out = " ".join(shown.stdout.split()).replace("\\", "")  # Markdown escapes _ and ( with a backslash
    for blank in ("because of (", "Because of (", "Because of .", "because of ;"):
        assert blank not in out
    assert "reducing_crime graded good" in out
    assert ", ".join(STRENGTHS) in out
    assert "crime_rising_recently" in out
    assert "not any(cause_of_concern)" in out


def test_the_record_names_counted_findings_and_grades(rules: Path, tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    shown = cli("run", DERBYSHIRE, "--rules", rules, "--format", "json", "--record", record)
    assert shown.returncode == 0, shown.stderr
    for data in (json.loads(shown.stdout), json.loads(record.read_text(encoding="utf-8"))):
        by_id = {r["id"]: r for r in data["recommendations"]}
        assert by_id["keep-strengths"]["findings"] == list(STRENGTHS)
        assert by_id["below-outstanding"]["grades"] == {"reducing_crime": "good"}
        assert "grades" not in by_id["keep-strengths"]  # left out when none was read: older records replay
    verified = cli("verify", record, "--rules", rules)
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_the_full_explanation_shows_each_test_of_a_recommendation(rules: Path) -> None:
    shown = cli("run", DERBYSHIRE, "--rules", rules, "--explain", "full")
    assert shown.returncode == 0, shown.stderr
    assert "grade(reducing_crime) < 'outstanding': good against outstanding (holds)" in shown.stdout
    assert "any(cause_of_concern): 0 cause of concern finding(s) (does not hold)" in shown.stdout


def test_an_unknown_test_is_said_unknown_not_negated() -> None:
    """A grade that was not given reads as unknown; a recommendation resting on such a test (beside one
    that held) must not say 'because of not grade(...)', as if the grade had been compared and failed."""
    from judgment._judgment import Check, Recommendation
    from judgment._render._because import because_of

    unknown = Check(condition="grade(reducing_crime) < 'good'", values=("unknown", "good"), outcome=None)
    held = Check(condition="true", values=(), outcome=True)
    made = Recommendation(id="r", rule="r", text="t", deadline=None, findings=(), cite=None, source="s:1",
                          checks=(unknown, held))
    assert because_of(made) == "grade(reducing_crime) < 'good' (unknown), true"
