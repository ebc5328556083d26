"""Questions that cannot be graded (issue 15, point 2): a criterion may give no grade, with a reason.

The tiny example rulebook, copied, with a first criterion for supporting_victims that leaves the
question not graded when there is no victim satisfaction survey.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import judgment
from conftest import DERBYSHIRE, drop
from judgment import Bundle, Rulebook
from judgment._cli._app import cli

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "examples" / "rulebooks" / "tiny"
REASON = "no victim satisfaction survey was available"
SURVEYS = ("victim-satisfaction",)

NOT_GRADED_FIRST = f"""
      - not_graded: {REASON}
        when: missing(victim_satisfaction)
"""


def _rules(tmp_path: Path, grading: str | None = None, overall: str | None = None) -> Path:
    rules = tmp_path / "tiny"
    shutil.copytree(TINY, rules)
    text = (rules / "grading.yaml").read_text()
    marker = "  - questions: [supporting_victims]\n    criteria:\n"
    text = text.replace(marker, marker + (grading if grading is not None else NOT_GRADED_FIRST).lstrip("\n"))
    (rules / "grading.yaml").write_text(text)
    if overall is not None:
        main = (rules / "rulebook.yaml").read_text()
        head, _, _ = main.partition("overall:\n")
        (rules / "rulebook.yaml").write_text(head + overall)
    return rules


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return _rules(tmp_path)


@pytest.fixture
def tiny(rules: Path) -> Rulebook:
    return judgment.load_rulebook(rules)


@pytest.fixture
def no_survey() -> Bundle:
    return drop(judgment.load_bundle(DERBYSHIRE), *SURVEYS)


def test_a_question_whose_evidence_is_missing_is_not_graded_with_the_reason(tiny: Rulebook, no_survey: Bundle) -> None:
    result = judgment.judge(tiny, no_survey)
    question = result.question("supporting_victims")
    assert (question.grade, question.label, question.not_graded) == (None, None, REASON)
    assert question.decided_by.criterion == "not_graded" and question.decided_by.grade is None
    assert question.decided_by.condition == "missing(victim_satisfaction)"
    assert result.grades["supporting_victims"] is None
    assert result.question("reducing_crime").not_graded is None


def test_graded_questions_carry_no_not_graded_key(tiny: Rulebook) -> None:
    """A record of a graded question is as before: records made before not_graded existed replay identical."""
    result = judgment.judge(tiny, judgment.load_bundle(DERBYSHIRE))
    assert result.question("supporting_victims").grade is not None
    data = result.to_data()
    assert all("not_graded" not in q for q in data["questions"]) and "not_graded" not in data["overall"]


def test_worst_leaves_a_not_graded_question_out(tiny: Rulebook, no_survey: Bundle) -> None:
    result = judgment.judge(tiny, no_survey)
    assert result.overall.grade == result.question("reducing_crime").grade
    assert result.overall.not_graded is None


def test_an_overall_from_no_graded_question_is_itself_not_graded(tmp_path: Path, no_survey: Bundle) -> None:
    rules = _rules(tmp_path, overall="overall:\n  title: How effective is the force?\n  method: best\n"
                                      "  questions: [supporting_victims]\n")
    result = judgment.judge(judgment.load_rulebook(rules), no_survey)
    assert (result.overall.grade, result.overall.label) == (None, None)
    assert result.overall.not_graded == "no question it aggregates was graded"


def test_grade_of_a_not_graded_question_reads_as_unknown(tmp_path: Path, no_survey: Bundle) -> None:
    rules = _rules(tmp_path, overall=(
        "overall:\n  title: How effective is the force?\n  method: criteria\n  criteria:\n"
        "    - grade: good\n      when: grade(supporting_victims) >= 'good'\n"
        "    - grade: inadequate\n      when: grade(supporting_victims) < 'good'\n"
        "    - not_graded: the victims' question could not be graded\n      otherwise: true\n"))
    result = judgment.judge(judgment.load_rulebook(rules), no_survey)
    assert (result.overall.grade, result.overall.not_graded) == (None, "the victims' question could not be graded")
    assert result.overall.decided_by is not None and result.overall.decided_by.criterion == "not_graded"


@pytest.mark.parametrize("criterion, code", [
    ("      - not_graded: x\n        grade: good\n        when: missing(victim_satisfaction)\n", "BAD_VALUE"),
    ("      - when: missing(victim_satisfaction)\n", "MISSING_KEY"),
    ("      - not_graded: ''\n        when: missing(victim_satisfaction)\n", "BAD_VALUE"),
])
def test_a_criterion_has_a_grade_or_a_reason_not_both(tmp_path: Path, criterion: str, code: str) -> None:
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(_rules(tmp_path, grading=criterion))
    assert code in {d.code for d in caught.value.diagnostics}


def test_the_otherwise_may_be_not_graded(tmp_path: Path) -> None:
    grading = "      - grade: good\n        when: count(strength) >= 1\n      - not_graded: nothing decided it\n        otherwise: true\n"
    text = (TINY / "grading.yaml").read_text()
    rules = _rules(tmp_path, grading="")
    body = text.split("  - questions: [supporting_victims]\n")[0]
    (rules / "grading.yaml").write_text(body + "  - questions: [supporting_victims]\n    criteria:\n" + grading)
    tiny = judgment.load_rulebook(rules)
    result = judgment.judge(tiny, judgment.load_bundle(DERBYSHIRE).replace_records(
        r for r in judgment.load_bundle(DERBYSHIRE).records if r.kind not in ("victim_satisfaction", "victim_contract")))
    assert result.question("supporting_victims").not_graded == "nothing decided it"


def test_renderers_say_not_graded_and_why(tiny: Rulebook, no_survey: Bundle) -> None:
    from judgment._render._html import render_html
    from judgment._render._markdown import render_markdown
    from judgment._render._text import render_text

    result = judgment.judge(tiny, no_survey)
    stream = io.StringIO()
    render_text(result, stream, color=False)
    for shown in (stream.getvalue(), render_markdown(result), render_html(result)):
        assert "Not graded" in shown and REASON in shown


def test_the_record_carries_it_and_replays_identical(rules: Path, tmp_path: Path, no_survey: Bundle) -> None:
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(no_survey.to_data()))
    record = tmp_path / "record.json"
    runner = CliRunner()
    ran = runner.invoke(cli, ["run", "--rules", str(rules), str(bundle), "--format", "json", "--record", str(record)])
    assert ran.exit_code == 0, ran.output
    data = json.loads(record.read_text())
    question = next(q for q in data["questions"] if q["id"] == "supporting_victims")
    assert (question["grade"], question["not_graded"]) == (None, REASON)
    verified = runner.invoke(cli, ["verify", str(record)])
    assert verified.exit_code == 0, verified.output


def test_batch_lines_say_which_questions_are_not_graded(rules: Path, tmp_path: Path, no_survey: Bundle) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bundle.json").write_text(json.dumps(no_survey.to_data()))
    out = tmp_path / "out.jsonl"
    ran = CliRunner().invoke(cli, ["batch", "--rules", str(rules), "--out", str(out), str(tmp_path / "in")])
    assert ran.exit_code == 0, ran.output
    line = json.loads(out.read_text().splitlines()[0])
    assert line["grades"]["supporting_victims"] is None
    assert line["not_graded"] == {"supporting_victims": REASON}


def test_judgment_test_cases_expect_not_graded(rules: Path) -> None:
    (rules / "tests" / "bundles").mkdir(parents=True)
    shutil.copy(DERBYSHIRE, rules / "tests" / "bundles" / "derbyshire.yaml")
    (rules / "tests" / "cases.yaml").write_text(
        "bundle: bundles/derbyshire.yaml\ncases:\n"
        "- name: no survey\n  changes:\n  - drop: [victim-satisfaction]\n"
        "  expect:\n    not_graded: [supporting_victims]\n"
        "- name: wrongly expected\n  changes:\n  - drop: [victim-satisfaction]\n"
        "  expect:\n    grades: {supporting_victims: good}\n")
    ran = CliRunner().invoke(cli, ["test", str(rules)])
    assert ran.exit_code == 1, ran.output
    assert "no survey" in ran.output and "supporting_victims: expected good, got not graded" in ran.output
    assert ran.output.count("FAIL") == 1 or "1 failed" in ran.output


def test_totality_accepts_not_graded(tiny: Rulebook, no_survey: Bundle) -> None:
    from judgment.testing._properties import totality

    totality(tiny, judgment.judge(tiny, no_survey))
