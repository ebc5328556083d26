"""Agreement cases: a rulebook test case that carries the grades an inspectorate published
(`published:`), optionally with a `known_disagreement:` the case records honestly (issue 16, point 3).

The fixture is a copy of the five-point newcomer example rulebook with an agreement case file of its
own (tests/agreement.yaml); its bundles give known grades:
6-ordinary-good -> recording good, practice good; 8-ordinary-inadequate -> inadequate, inadequate;
2-missing-record-kind -> recording not graded, practice good."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

import judgment
from judgment._cases import Outcome, agreement, agreement_lines, run_cases
from judgment._cases._agreement import abbreviations
from judgment._cli._app import cli
from judgment._rulebook._model import Grade

ROOT = Path(__file__).resolve().parent.parent
NEWCOMER = ROOT / "examples" / "rulebooks" / "newcomer-five-point"

GOOD = """\
  - name: Ordinary good nursery
    bundle: bundles/6-ordinary-good.yaml
    published:
      source: "https://example.org/6"
      grades: {recording: good, practice: good}
"""
KNOWN = """\
  - name: Inadequate nursery, published as requires improvement
    bundle: bundles/8-ordinary-inadequate.yaml
    published:
      source: "https://example.org/8"
      grades: {recording: inadequate, practice: requires_improvement}
    known_disagreement:
      produced: {practice: inadequate}
      reason: the page does not say how late the referrals were
"""
NOT_GRADED = """\
  - name: No record audit
    bundle: bundles/2-missing-record-kind.yaml
    published:
      source: "https://example.org/2"
      grades: {recording: good, practice: good}
    known_disagreement:
      produced: {recording: not_graded}
      reason: the page gives no record audit
"""


def _rules(tmp_path: Path, *cases: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(NEWCOMER, rules)
    (rules / "tests" / "cases.yaml").unlink()
    (rules / "tests" / "agreement.yaml").write_text("cases:\n" + "".join(cases))
    return rules


def _outcomes(rules: Path) -> list[Outcome]:
    return run_cases(judgment.load_rulebook(rules), rules)[0]


def _test(rules: Path) -> tuple[int, str]:
    ran = CliRunner().invoke(cli, ["test", str(rules)])
    return ran.exit_code, ran.output


def test_an_agreement_case_passes_when_every_question_matches_the_published_grade(tmp_path: Path) -> None:
    [outcome] = _outcomes(_rules(tmp_path, GOOD))
    assert (outcome.status, outcome.passed, outcome.failed, outcome.problems) == ("ok", True, False, [])


def test_a_different_grade_fails_the_case_with_published_and_produced(tmp_path: Path) -> None:
    [outcome] = _outcomes(_rules(tmp_path, GOOD.replace("practice: good", "practice: outstanding")))
    assert outcome.status == "FAIL"
    assert outcome.problems == ["practice: published outstanding, produced good"]


def test_a_known_disagreement_is_neither_a_pass_nor_a_failure(tmp_path: Path) -> None:
    known, not_graded = _outcomes(_rules(tmp_path, KNOWN, NOT_GRADED))
    assert (known.status, known.passed, known.failed) == ("known", False, False)
    assert (not_graded.status, not_graded.problems) == ("known", [])


def test_a_known_disagreement_the_rulebook_no_longer_makes_fails(tmp_path: Path) -> None:
    # Published inadequate on practice, which the bundle now gives: the marker must go (a strict expected failure).
    agrees = KNOWN.replace("practice: requires_improvement}", "practice: inadequate}").replace(
        "produced: {practice: inadequate}", "produced: {practice: requires_improvement}")
    [outcome] = _outcomes(_rules(tmp_path, agrees))
    assert outcome.status == "FAIL"
    assert outcome.problems == ["practice: now agrees with the published grade: remove known_disagreement for practice"]
    code, output = _test(_rules(tmp_path / "2", agrees))
    assert code == 1 and "0 passed, 0 known disagreements, 1 failed" in output.splitlines()


def test_any_other_difference_beside_a_known_one_fails(tmp_path: Path) -> None:
    case = KNOWN.replace("grades: {recording: inadequate,", "grades: {recording: good,")
    [outcome] = _outcomes(_rules(tmp_path, case))
    assert outcome.status == "FAIL" and outcome.problems == ["recording: published good, produced inadequate"]
    other = KNOWN.replace("produced: {practice: inadequate}", "produced: {practice: adequate}")
    [outcome] = _outcomes(_rules(tmp_path / "2", other))
    assert outcome.problems == [("practice: published requires_improvement, known disagreement adequate, "
                                 "produced inadequate")]


def test_the_table_and_totals(tmp_path: Path) -> None:
    code, output = _test(_rules(tmp_path, GOOD, KNOWN, NOT_GRADED))
    assert code == 0, output
    assert output.splitlines()[:12] == [
        "ok   Ordinary good nursery",
        "known Inadequate nursery, published as requires improvement",
        ("       practice: published requires_improvement, produced inadequate "
         "(known disagreement: the page does not say how late the referrals were)"),
        "known No record audit",
        "       recording: published good, produced not_graded (known disagreement: the page gives no record audit)",
        "agreement with published grades (questions: recording/practice):",
        "  case                                                   published  produced  matched",
        "  Ordinary good nursery                                  G/G        G/G       2/2",
        "  Inadequate nursery, published as requires improvement  I/RI       I/I       1/2      known disagreement",
        "  No record audit                                        G/G        -/G       1/2      known disagreement",
        "  grades: O Outstanding, G Good, A Adequate, RI Requires improvement, I Inadequate, - not graded",
        "agreement: cases matched on every question: 1/3; question grades matched: 4/6",
    ]
    assert output.splitlines()[12] == "1 passed, 2 known disagreements, 0 failed"


def test_a_differing_case_is_marked_and_exits_with_problems(tmp_path: Path) -> None:
    code, output = _test(_rules(tmp_path, GOOD.replace("practice: good", "practice: outstanding")))
    assert code == 1
    assert "  Ordinary good nursery  G/O        G/G       1/2      differs" in output.splitlines()
    assert "0 passed, 0 known disagreements, 1 failed" in output.splitlines()


def test_no_table_without_agreement_cases() -> None:
    code, output = _test(NEWCOMER)
    assert code == 0 and "agreement" not in output and "8 passed, 0 failed" in output.splitlines()


def test_the_figures_are_readable_without_parsing_text(tmp_path: Path) -> None:
    rules = _rules(tmp_path, GOOD, KNOWN, NOT_GRADED)
    figures = agreement(_outcomes(rules))
    assert (figures.cases_matched, figures.cases, figures.grades_matched, figures.grades) == (1, 3, 4, 6)
    assert [r.marker for r in figures.rows] == ["", "known disagreement", "known disagreement"]
    assert figures.rows[2].produced == {"recording": "not_graded", "practice": "good"}
    assert agreement_lines(judgment.load_rulebook(rules), figures)[-1] == \
        "agreement: cases matched on every question: 1/3; question grades matched: 4/6"


def test_abbreviations_are_initials_and_stay_distinct() -> None:
    def scale(*labels: str) -> tuple[Grade, ...]:
        return tuple(Grade(f"g{n}", label, n) for n, label in enumerate(labels))

    assert abbreviations(scale("Outstanding", "Good", "Requires improvement", "Inadequate")) == \
        {"g0": "O", "g1": "G", "g2": "RI", "g3": "I"}
    assert abbreviations(scale("Good", "Great", "Poor")) == {"g0": "Go", "g1": "Gr", "g2": "P"}
    assert abbreviations(scale("Good", "Good")) == {"g0": "g0", "g1": "g1"}
    assert abbreviations(scale("\x1b[31mRed", "- dash")) == {"g0": "\ufffd", "g1": "-D"}


def _diagnostic(tmp_path: Path, case: str) -> str:
    code, output = _test(_rules(tmp_path, case))
    assert code == 1, output
    return output


def test_an_unknown_question_in_published_grades_is_a_located_diagnostic(tmp_path: Path) -> None:
    output = _diagnostic(tmp_path, GOOD.replace("practice: good", "practise: good"))
    assert "agreement.yaml:6:33: error: UNKNOWN_REFERENCE no question 'practise' in the rulebook" in output
    assert "did you mean 'practice'?" in output


def test_an_unknown_grade_in_a_known_disagreement_is_a_located_diagnostic(tmp_path: Path) -> None:
    output = _diagnostic(tmp_path, KNOWN.replace("produced: {practice: inadequate}", "produced: {practice: inadequat}"))
    assert "agreement.yaml:8:28: error: UNKNOWN_REFERENCE no grade 'inadequat' in the rulebook's scale" in output


def test_a_known_disagreement_must_differ_from_a_published_question(tmp_path: Path) -> None:
    same = _diagnostic(tmp_path, KNOWN.replace("produced: {practice: inadequate}",
                                               "produced: {practice: requires_improvement}"))
    assert "agreement.yaml:8:28: error: BAD_VALUE the known disagreement on practice is the published grade" in same
    unpublished = _diagnostic(tmp_path / "2", GOOD.replace("grades: {recording: good, practice: good}",
                                                           "grades: {recording: good}")
                              + "    known_disagreement: {produced: {practice: good}, reason: r}\n")
    assert "agreement.yaml:7:37: error: BAD_VALUE practice has no published grade" in unpublished


def test_expect_grades_that_contradict_the_published_grades_are_a_case_file_error(tmp_path: Path) -> None:
    output = _diagnostic(tmp_path, GOOD + "    expect: {grades: {practice: outstanding}}\n")
    assert "agreement.yaml:7:33: error: BAD_VALUE expect.grades gives practice outstanding, " \
           "but the published grade is good" in output


def test_a_known_disagreement_needs_a_reason_and_a_published_source(tmp_path: Path) -> None:
    output = _diagnostic(tmp_path, KNOWN.replace("reason: the page does not say how late the referrals were",
                                                 "reason: ' '"))
    assert "agreement.yaml:9:15: error:" in output
    output = _diagnostic(tmp_path / "2", GOOD.replace('      source: "https://example.org/6"\n', ""))
    assert "agreement.yaml:5:7: error: MISSING_KEY" in output


def test_judgment_check_reports_a_bad_id_in_an_agreement_case(tmp_path: Path) -> None:
    ran = CliRunner().invoke(cli, ["check", str(_rules(tmp_path, GOOD.replace("practice: good", "practise: good")))])
    assert ran.exit_code == 1 and "agreement.yaml:6:33: error: UNKNOWN_REFERENCE no question 'practise'" in ran.output
