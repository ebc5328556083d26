"""The command line, run as a user would: the main job, JSON keys, refusals without tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DERBYSHIRE, RULES


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def text_output() -> str:
    result = run_cli("run", DERBYSHIRE, "--rules", RULES)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_main_job_prints_three_good_questions_and_ungraded_overall(text_output: str) -> None:
    for title in ("How effective is the force at reducing crime and preventing offending?  Good",
                  "How effective is the force at investigating offending?  Good",
                  "How effective is the force at tackling anti-social behaviour?  Good"):
        assert title in text_output
    assert "How effective is the force at cutting crime?\n  Ungraded" in text_output


def test_main_job_prints_findings_with_quotes_and_the_recommendation(text_output: str) -> None:
    assert "Area for improvement: The force's ability to measure the impact of its activities is limited." \
        in text_output
    assert "evidence evaluation-crime-prevention" in text_output
    assert "HMIC found that the constabulary\u2019s ability to measure" in text_output \
        or "HMIC found that the constabulary's ability to measure" in text_output
    assert "Within six months, the force should ensure that there are methods in place systematically to" \
        in text_output
    assert "because of" in text_output and "evaluation_limited" in text_output
    assert "\x1b[" not in text_output, "piped output must be plain"


def test_json_output_has_the_keys_other_tools_rely_on() -> None:
    result = run_cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"]["grade"] is None
    assert [q["id"] for q in data["questions"]] == ["reducing_crime", "investigating_offending", "tackling_asb"]
    assert {q["grade"] for q in data["questions"]} == {"good"}
    finding = data["questions"][0]["findings"][0]
    assert {"rule", "polarity", "text", "evidence"} <= set(finding)
    assert [r["id"] for r in data["recommendations"]] == ["evaluate-and-share-learning"]


def test_json_output_is_deterministic() -> None:
    records = [json.loads(run_cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json").stdout) for _ in range(2)]
    for record in records:  # the timestamp, and so the seal, are the only parts that may differ
        del record["timestamp"], record["seal"]
    assert records[0] == records[1]


def test_bad_rule_file_is_refused_with_file_line_column_and_hint(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    target = rules / "findings" / "reducing-crime.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("when: victim_satisfaction.rate is above national",
                                   "when: victim_satisfaction.rat is above national"), encoding="utf-8")
    line = next(i for i, l in enumerate(target.read_text().splitlines(), 1) if "satisfaction.rat " in l)
    result = run_cli("run", DERBYSHIRE, "--rules", rules)
    assert result.returncode == 1
    assert result.stdout == "", "nothing may be judged from a broken rulebook"
    assert f"reducing-crime.yaml:{line}:11: error: UNKNOWN_FIELD victim_satisfaction has no field 'rat'" \
        in result.stderr
    assert "        when: victim_satisfaction.rat is above national\n              ^" in result.stderr
    assert "did you mean 'rate'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_bundle_is_refused_whole(tmp_path: Path) -> None:
    bundle = tmp_path / "bad.yaml"
    text = DERBYSHIRE.read_text(encoding="utf-8")
    bundle.write_text(text.replace("value: 88.0", "value: 101.0", 1), encoding="utf-8")
    result = run_cli("run", bundle, "--rules", RULES)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "error: BAD_VALUE record 'victim-satisfaction': rate: a percentage cannot exceed 100" in result.stderr
    assert f"{bundle}:" in result.stderr and "Traceback" not in result.stderr


def test_missing_file_is_an_io_error() -> None:
    result = run_cli("run", "no-such-bundle.yaml", "--rules", RULES)
    assert result.returncode == 2
    assert "FILE_NOT_FOUND" in result.stderr and "Traceback" not in result.stderr


def test_check_reports_a_clean_rulebook_and_bundle() -> None:
    result = run_cli("check", RULES, DERBYSHIRE)
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


def test_bundle_schema_names_every_kind() -> None:
    result = run_cli("schema", "bundle")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert "victim_satisfaction" in json.dumps(schema)
    assert schema["properties"]["records"]["items"]["discriminator"]["propertyName"] == "kind"
