"""No evidence is not Good (issue 16, point 4): a question none of whose evidence is in the bundle
is not graded, for "insufficient evidence", and `judgment check RULES BUNDLE` warns about it."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import judgment
from conftest import RULES
from judgment import Bundle, Rulebook
from judgment._cli._app import cli
from judgment._lang import _ast as ast
from judgment._rulebook._reads import kinds_read

QUESTIONS = ("reducing_crime", "investigating_offending", "tackling_asb")


def _only(bundle: Bundle, *kinds: str) -> Bundle:
    return bundle.replace_records(r for r in bundle.records if r.kind in kinds)


def test_an_empty_bundle_is_not_graded_good(rulebook: Rulebook, derbyshire: Bundle) -> None:
    result = judgment.judge(rulebook, _only(derbyshire))
    for question in QUESTIONS:
        judged = result.question(question)
        assert judged.grade is None, (question, judged.grade)
        assert judged.not_graded == "insufficient evidence", judged.not_graded


def test_one_kind_read_is_enough_to_grade_its_question(rulebook: Rulebook, derbyshire: Bundle) -> None:
    result = judgment.judge(rulebook, _only(derbyshire, "crime_change"))
    assert result.question("reducing_crime").grade == "good"
    assert result.question("investigating_offending").not_graded == "insufficient evidence"
    assert result.question("tackling_asb").not_graded == "insufficient evidence"


def test_the_explanation_names_the_evidence_missing(rulebook: Rulebook, derbyshire: Bundle) -> None:
    judged = judgment.judge(rulebook, _only(derbyshire)).question("tackling_asb")
    condition = judged.decided_by.condition or ""
    assert "missing(asb_incidents)" in condition and "missing(neighbourhood_policing)" in condition, condition
    assert {check.condition for check in judged.decided_by.checks} >= {"missing(asb_incidents)"}, judged.decided_by


def test_each_question_lists_exactly_the_kinds_its_findings_read(rulebook: Rulebook) -> None:
    """The rulebook states "no evidence its rules read" as missing() of every kind its findings read:
    a finding rule added over a new kind must be added to that criterion too."""
    reads = kinds_read(rulebook)
    for question in QUESTIONS:
        (criterion,) = [c for c in rulebook.grading[question] if c.not_graded == "insufficient evidence"]
        assert criterion.when is not None
        tested = {node.args[0].parts[0] for node in ast.walk(criterion.when.node)
                  if isinstance(node, ast.Call) and node.name == "missing" and isinstance(node.args[0], ast.Path)}
        assert tested == reads[question], question


def test_check_warns_when_every_kind_a_question_reads_is_absent(tmp_path: Path) -> None:
    bundle = tmp_path / "empty.yaml"
    bundle.write_text("vocabulary: hmic-crime\ninspection:\n  organisation: Nowhere Constabulary\n"
                      "  title: nothing\n  framework: hmic-crime-2014\n"
                      "  period: {start: 2013-07-01, end: 2014-06-30}\n  date: 2014-11-01\nrecords: []\n")
    result = CliRunner().invoke(cli, ["check", str(RULES), str(bundle)])
    assert result.exit_code == 0, result.output
    assert f"{bundle}:" in result.output and "warning: NO_EVIDENCE_READ" in result.output, result.output
    assert result.output.count("NO_EVIDENCE_READ") == 3, result.output
    assert "tackling_asb" in result.output and "asb_incidents" in result.output, result.output


def test_check_is_quiet_about_a_bundle_with_evidence_for_every_question() -> None:
    result = CliRunner().invoke(cli, ["check", str(RULES), str(RULES / "tests" / "bundles" / "derbyshire-2014.yaml")])
    assert "NO_EVIDENCE_READ" not in result.output, result.output
