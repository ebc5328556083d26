"""`judgment what-if` (issue 17, point 1), run as a user would: --set, --drop, --add, the three formats, refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import judgment
from judgment import AddRecord, DropRecord, SetField
from conftest import DERBYSHIRE, RULES

RULEBOOK = judgment.load_rulebook(RULES)
BUNDLE = judgment.load_bundle(DERBYSHIRE)
EVALUATION = SetField("evaluation-crime-prevention", "level", "developing")


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", "what-if", str(DERBYSHIRE), "--rules", str(RULES),
                           *map(str, args)], capture_output=True, text=True, timeout=120, check=False)


def test_adding_a_record_from_a_file(tmp_path: Path) -> None:
    added = tmp_path / "trend.yaml"
    added.write_text("id: crime-prevention-evaluated\nkind: evaluation_capability\narea: crime_prevention\n"
                     "level: limited\nprovenance: {document: d, section: s, quote: q}\n", encoding="utf-8")
    out = cli("--set", "evaluation-crime-prevention.level=developing", "--add", added)
    assert out.returncode == 0, out.stderr
    assert "add crime-prevention-evaluated (evaluation_capability)" in out.stdout
    assert "preventing offending?  Good (unchanged)" in out.stdout  # the added record keeps the area for improvement
    assert "because record crime-prevention-evaluated was added" in out.stdout


def test_no_change() -> None:
    out = cli("--set", "evaluation-crime-prevention.level=limited")
    assert out.returncode == 0 and out.stdout.strip().endswith("no change"), out


def test_the_command_prints_the_move_the_finding_lost_and_its_reason() -> None:
    out = cli("--set", "evaluation-crime-prevention.level=developing")
    assert out.returncode == 0, out.stderr
    assert "How effective is the force at reducing crime and preventing offending?  Good -> Outstanding (up)" \
        in out.stdout
    assert "- Area for improvement no longer made: The force's ability to measure the impact" in out.stdout
    assert "evaluation_capability.level <= 'limited': developing against limited (does not hold)" in out.stdout


def test_a_figure_set_as_a_flow_mapping() -> None:
    out = cli("--set", "victim-satisfaction.rate={value: 82, margin: 1.0}", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["schema"] == "judgment.what-if/1"
    assert data["changes"] == [{"set": {"record": "victim-satisfaction", "path": "rate",
                                        "value": {"value": 82, "margin": 1.0}}}]
    assert out.stdout == json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def test_json_output() -> None:
    out = cli("--set", "evaluation-crime-prevention.level=developing", "--format", "json")
    data = json.loads(out.stdout)
    (reducing, investigating, asb) = data["questions"]
    assert reducing["id"] == "reducing_crime" and (reducing["before"], reducing["after"]) == ("good", "outstanding")
    assert reducing["direction"] == "up" and [f["rule"] for f in reducing["lost"]] == ["evaluation_limited"]
    assert reducing["lost"][0]["reason"][0]["outcome"] is False
    assert investigating["direction"] is None and data["overall"] is None
    assert data["grades"]["after"]["reducing_crime"] == "outstanding"


@pytest.mark.parametrize("argument, code, words", [
    ("nope.level=developing", "UNKNOWN_REFERENCE", "no record"),
    ("evaluation-crime-prevention.colour=red", "UNKNOWN_FIELD", "colour"),
    ("evaluation-crime-prevention.level=excellent", "BAD_VALUE", "hint: write one of the values listed"),
    ("vulnerability.joint_risk_assessment=yes", "BAD_VALUE", "yes, no, on and off are text"),
    ('victim-satisfaction.rate.value="86"', "BAD_VALUE", "rate.value"),
    ("evaluation-crime-prevention.level", "BAD_VALUE", "RECORD.FIELD=VALUE"),
    ("evaluation-crime-prevention.level=[unclosed", "BAD_VALUE", "YAML"),
])
def test_a_change_that_does_not_validate_is_located_and_nothing_is_judged(argument: str, code: str,
                                                                          words: str) -> None:
    out = cli("--set", argument)
    assert out.returncode == 1 and out.stdout == "", out
    first = out.stderr.splitlines()[0]
    assert first.startswith(f"--set {argument}: error: {code} ") and words in out.stderr, out.stderr
    assert "nothing was judged" in out.stderr


def test_a_bad_added_file(tmp_path: Path) -> None:
    assert cli("--add", tmp_path / "missing.yaml").returncode == 2
    (tmp_path / "bad.yaml").write_text("id: x\nkind: evaluation_capability\n", encoding="utf-8")
    out = cli("--add", tmp_path / "bad.yaml")
    assert out.returncode == 1 and f"--add {tmp_path / 'bad.yaml'}" in out.stderr and out.stdout == ""


def test_ids_with_dots_resolve_to_the_longest_record_id(tmp_path: Path) -> None:
    text = DERBYSHIRE.read_text(encoding="utf-8").replace("id: evaluation-crime-prevention",
                                                          "id: evaluation.crime-prevention")
    bundle = tmp_path / "dotted.yaml"
    bundle.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "judgment", "what-if", str(bundle), "--rules", str(RULES),
                          "--set", "evaluation.crime-prevention.level=developing"],
                         capture_output=True, text=True, timeout=120, check=False)
    assert out.returncode == 0 and "Good -> Outstanding (up)" in out.stdout, out


def test_markdown_escapes_hostile_text() -> None:
    out = cli("--set", "evaluation-crime-prevention.level=developing", "--format", "markdown")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("# What if\n") and "**Good → Outstanding (up)**" in out.stdout
    hostile = "<script>x</script> *bold* [link](http://e) \x1b[2J\n# heading"
    result = judgment.what_if(RULEBOOK, BUNDLE, [EVALUATION])
    fake = result.model_copy(update={"questions": tuple(
        q.model_copy(update={"title": hostile, "lost": tuple(f.model_copy(update={"text": hostile}) for f in q.lost)})
        for q in result.questions)})
    from judgment._whatif._render import render_markdown, render_text

    for shown in (render_markdown(fake), render_text(fake)):
        assert "\x1b" not in shown and "\n# heading" not in shown
    shown = render_markdown(fake)
    assert "<script>" not in shown and "\\*bold\\*" in shown and "\\[link\\]" in shown


def test_a_value_from_the_command_line_is_never_echoed_raw() -> None:
    out = cli("--set", "evaluation-crime-prevention.level=\x1b[2J")
    assert out.returncode == 1 and "\x1b" not in out.stderr, out.stderr
