"""durable_rules' internal limits (docs/engine.md, "Limits of the engine"): a rulebook that would take the
engine past one is refused at the offending rule, by `judgment check` and whenever the ruleset is compiled,
never crashing or hanging the process. Every crash or hang is reproduced in a subprocess with a timeout;
the boundary cases on the other side of each limit are judged, so the limits are not stricter than the engine."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import judgment
from _engines import needs_durable
from conftest import DERBYSHIRE, ROOT
from judgment._cli._check import _checked
from minimal_rulebook import minimal_rulebook_yaml

pytestmark = needs_durable  # its limits; without it, check warns of them (tests/test_engine_of_record.py)

V = "victim_satisfaction.rate"
HEAD = minimal_rulebook_yaml("probe")
JUDGE = """
import sys, judgment
if sys.argv[3:] == ["unfenced"]:  # the limits not counted: what durable_rules does with the rulebook
    import judgment._durable._limits_report as report
    report.excesses = lambda definition: []
rulebook = judgment.load_rulebook(sys.argv[1])
bundle = judgment.load_bundle(sys.argv[2])
try:
    result = judgment.judge(rulebook, bundle)
    print("judged", sum(len(q.findings) for q in result.questions))
except judgment.JudgmentError as error:
    print("refused", error.diagnostics[0].code, error.diagnostics[0].location)
"""


def write_rulebook(folder: Path, conditions: list[str], ids: list[str] | None = None) -> Path:
    """A rulebook of one finding per condition, one per line of rules.yaml (finding i on line i + 2)."""
    root = folder / "rules"
    root.mkdir(exist_ok=True)
    (root / "rulebook.yaml").write_text(textwrap.dedent(HEAD), encoding="utf-8")
    ids = ids or [f"r{i}" for i in range(len(conditions))]
    lines = ["findings:"] + [
        "- " + json.dumps({"when": c, "id": i, "question": "q", "polarity": "plus", "text": "t", "cite": "c"})
        for i, c in zip(ids, conditions)]
    lines += ["grading: [{questions: [q], criteria: [{grade: good, otherwise: true}]}]", ""]
    (root / "rules.yaml").write_text("\n".join(lines), encoding="utf-8")
    return root


def judged_in_subprocess(root: Path, timeout: float = 30, bundle: Path = DERBYSHIRE, *options: str) -> str:
    """`judge` of a bundle in its own process: 'judged N', 'refused CODE where', or how it died."""
    try:
        result = subprocess.run([sys.executable, "-c", JUDGE, str(root), str(bundle), *options],
                                capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return "hung"
    if result.returncode < 0:
        return f"killed by signal {-result.returncode}"
    if result.returncode:
        return "internal error: " + result.stderr.strip().splitlines()[-1]
    return result.stdout.strip()


def errors_of(root: Path) -> list[judgment.Diagnostic]:
    diagnostics, code, _ = _checked(root, ())
    errors = [d for d in diagnostics if d.severity == "error"]
    assert (code == 1) == bool(errors), diagnostics
    return errors


def assert_refused_at(root: Path, finding: int, words: str) -> None:
    """`check` and `judge` both refuse with ENGINE_LIMIT at the condition of finding `finding`."""
    errors = errors_of(root)
    assert [e.code for e in errors] == ["ENGINE_LIMIT"], errors
    error = errors[0]
    assert words in error.message, error.message
    assert (Path(error.location.path).name, error.location.line) == ("rules.yaml", finding + 2)
    assert error.location.column > 1  # at the condition, inside the line
    outcome = judged_in_subprocess(root)
    assert outcome.startswith("refused ENGINE_LIMIT") and f"rules.yaml:{finding + 2}:" in outcome, outcome


# --- error 303: more than 64 tests pending for one record ------------------------------------------

def test_65_distinct_tests_one_record_passes_are_refused_not_a_crash(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value > -{i}" for i in range(65)])
    assert not judged_in_subprocess(root, 30, DERBYSHIRE, "unfenced").startswith("judged")  # error 303: a crash
    assert_refused_at(root, 64, "64")


def test_64_such_tests_are_judged(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value > -{i}" for i in range(64)])
    assert errors_of(root) == []
    assert judged_in_subprocess(root) == "judged 64"


def test_tests_on_two_fields_of_one_kind_add_up(tmp_path: Path) -> None:
    conditions = [f"{V}.value > -{i}" for i in range(40)] + [f"{V}.lower != {i}" for i in range(30)]
    assert_refused_at(write_rulebook(tmp_path, conditions), 64, "64")


def test_tests_no_value_passes_together_do_not_add_up(tmp_path: Path) -> None:
    # one value passes at most one equality, and never both x < -50 and x > 50
    conditions = ([f"{V}.value == {i}" for i in range(100)] + [f"{V}.value < {i - 100}" for i in range(50)]
                  + [f"{V}.value > {i + 50}" for i in range(50)])
    root = write_rulebook(tmp_path, conditions)
    assert errors_of(root) == []
    assert judged_in_subprocess(root) == "judged 39"


def test_the_order_tests_were_first_written_in_counts_as_durable_rules_counts_it(tmp_path: Path) -> None:
    nested = [f"{V}.value > -1 and {V}.lower > -{j}" for j in range(40)]
    siblings = [f"{V}.value > -{i}" for i in range(2, 32)]
    (tmp_path / "a").mkdir()
    first = write_rulebook(tmp_path / "a", nested + siblings)
    assert errors_of(first) == []
    assert judged_in_subprocess(first) == "judged 70"
    (tmp_path / "b").mkdir()
    # v > -1 is inserted last, so visited first, with the 30 others waiting: its 35th test is one too many
    assert_refused_at(write_rulebook(tmp_path / "b", siblings + nested), 30 + 34, "64")


# --- an endless loop: 512 distinct tests after the same tests --------------------------------------------

def test_512_distinct_tests_on_one_kind_are_refused_not_a_hang(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value == {i}" for i in range(512)])
    assert judged_in_subprocess(root, 10, DERBYSHIRE, "unfenced") == "hung"
    assert_refused_at(write_rulebook(tmp_path, [f"{V}.value < -{i}" for i in range(512)]), 511, "511")


def test_512_equality_tests_are_refused_too(tmp_path: Path) -> None:
    assert_refused_at(write_rulebook(tmp_path, [f"{V}.value == {i}" for i in range(512)]), 511, "511")


def test_511_equality_tests_are_judged(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value == {i}" for i in range(511)])
    assert errors_of(root) == []
    assert judged_in_subprocess(root) == "judged 1"


def test_511_tests_a_record_could_all_pass_are_refused(tmp_path: Path) -> None:
    # Derbyshire's 88.0 passes none of them, but a record of 2.0 would pass 491: error 303 and a crash
    root = write_rulebook(tmp_path, [f"{V}.value < {(i + 1) / 10}" for i in range(511)])
    assert judged_in_subprocess(root, 30, DERBYSHIRE, "unfenced") == "judged 0"
    low = tmp_path / "bundle.yaml"
    low.write_text(DERBYSHIRE.read_text(encoding="utf-8").replace("value: 88.0", "value: 2.0"), encoding="utf-8")
    assert not judged_in_subprocess(root, 30, low, "unfenced").startswith("judged")  # error 303: a crash
    assert_refused_at(root, 64, "64")


# --- 256 rules ending on the same test: a crash, 257 an internal error ----------------------------------

@pytest.mark.parametrize("count", [256, 257])
def test_256_rules_on_the_same_tests_are_refused(tmp_path: Path, count: int) -> None:
    # Past 255, durable_rules reads and writes past the end of a 256-slot list: depending on what lies
    # there, a crash (SIGSEGV), its error 108 at creation, or nothing visible. Not reproducible in place.
    assert_refused_at(write_rulebook(tmp_path, [f"{V}.value > 1"] * count), 255, "255")


def test_256_rules_binding_a_kind_with_no_test_the_engine_runs_are_refused(tmp_path: Path) -> None:
    assert_refused_at(write_rulebook(tmp_path, [f"{V}.value * 2 > {i}" for i in range(257)]), 255, "255")


def test_255_are_judged(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value > 1"] * 255)
    assert errors_of(root) == []
    assert judged_in_subprocess(root) == "judged 255"


# --- `check` reports what compiling the ruleset refuses ---------------------------------------------------

def test_check_reports_17_patterns_at_the_rule(tmp_path: Path) -> None:
    kinds = ("crime_rate", "crime_change", "victim_satisfaction", "detection_rate", "asb_incidents",
             "victim_contract", "evaluation_capability", "partnership_working", "strategic_assessment")
    condition = " and ".join(f"present({k})" for k in kinds) + " and " + " and ".join(
        f"finding(r{i})" for i in range(1, 9))
    assert_refused_at(write_rulebook(tmp_path, [condition] + [f"{V}.value > {i}" for i in range(8)]), 0,
                      "17 patterns")


def test_check_reports_more_than_32_alternatives_with_present(tmp_path: Path) -> None:
    condition = " and ".join(f"({V}.value > {i} or present(crime_rate))" for i in range(6))
    assert_refused_at(write_rulebook(tmp_path, [f"{V}.value > 1", condition]), 1, "32 alternatives")


def test_check_reports_colliding_finding_ids_at_the_second(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value > 1", f"{V}.value > 2", f"{V}.value > 3"],
                          ids=["a", "f264602", "f6059"])
    assert_refused_at(root, 2, "collide")


def test_check_reports_a_constant_the_engine_cannot_hold(tmp_path: Path) -> None:
    errors = errors_of(write_rulebook(tmp_path, [f"{V}.value > 1", f"{V}.value > 1{'0' * 400}"]))
    assert errors and (Path(errors[0].location.path).name, errors[0].location.line) == ("rules.yaml", 3)


def test_check_command_exits_1_at_the_rule(tmp_path: Path) -> None:
    root = write_rulebook(tmp_path, [f"{V}.value > -{i}" for i in range(65)])
    result = subprocess.run([sys.executable, "-m", "judgment", "check", str(root)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1, result
    assert f"{root / 'rules.yaml'}:66:" in result.stderr and "ENGINE_LIMIT" in result.stderr


@pytest.mark.parametrize("folder", [ROOT / "rules" / "hmic-crime-2014", ROOT / "examples" / "rulebooks" / "tiny",
                                    ROOT / "tests" / "data" / "rulebooks" / "language"])
def test_shipped_and_test_rulebooks_stay_within_the_limits(folder: Path) -> None:
    assert errors_of(folder) == []
