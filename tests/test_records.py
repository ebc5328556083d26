"""Decision records: sealed, byte-identical for the same inputs, replayed and verified."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import judgment
from _engines import DURABLE, ENGINE_HERE
from conftest import DERBYSHIRE, RULES
from judgment._records._record import build_record, record_json_schema, render_record, seal_of
from test_example_quotes import REPORT, normalise

STAMP = "2026-01-01T00:00:00+00:00"


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def record_for(rulebook: judgment.Rulebook, bundle: judgment.Bundle) -> dict[str, Any]:
    return build_record(judgment.judge(rulebook, bundle), rulebook, bundle, timestamp=STAMP)


@pytest.fixture()
def recorded(tmp_path: Path) -> Path:
    path = tmp_path / "record.json"
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--record", path)
    assert result.returncode == 0, result.stderr
    return path


def test_same_inputs_give_byte_identical_records_whatever_the_order(rulebook: judgment.Rulebook,
                                                                     derbyshire: judgment.Bundle,
                                                                     tmp_path: Path) -> None:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(DERBYSHIRE.read_text(encoding="utf-8"))
    data["records"].reverse()
    shuffled = tmp_path / "shuffled.json"
    shuffled.write_text(json.dumps(data, default=str), encoding="utf-8")
    first = render_record(record_for(rulebook, derbyshire))
    again = render_record(record_for(rulebook, judgment.load_bundle(shuffled)))
    assert first == again


def test_records_from_two_runs_differ_only_in_timestamp_and_seal(tmp_path: Path) -> None:
    outputs = [cli("run", DERBYSHIRE, "--rules", RULES, "--format", "json").stdout for _ in range(2)]
    records = [json.loads(o) for o in outputs]
    for record in records:
        assert record.pop("seal") and record.pop("timestamp")
    assert records[0] == records[1]
    stripped = ["\n".join(l for l in o.splitlines() if '"seal"' not in l and '"timestamp"' not in l) for o in outputs]
    assert stripped[0] == stripped[1]


def test_the_record_carries_hashes_versions_and_a_valid_seal(recorded: Path) -> None:
    record = json.loads(recorded.read_text(encoding="utf-8"))
    jsonschema.validate(record, record_json_schema())
    assert record["schema"] == "judgment.decision-record/3"
    assert record["seal"] == seal_of(record)
    assert set(record["versions"]) == {"judgment", "durable_rules", "python"}
    assert record["versions"]["durable_rules"] == ("2.0.28" if DURABLE else "unavailable")
    assert (record["engine"], record["cross_check"]) == ENGINE_HERE
    assert {f["path"] for f in record["rulebook"]["files"]} >= {"rulebook.yaml", "grading.yaml"}
    assert len(record["evidence"]["sha256"]) == 64 and len(record["rulebook"]["sha256"]) == 64


def test_every_outcome_traces_to_a_quote_from_the_seed_and_a_rule_file_line(recorded: Path) -> None:
    record = json.loads(recorded.read_text(encoding="utf-8"))
    report = normalise(REPORT.read_text(encoding="utf-8"))
    records = {r["id"]: r for r in record["evidence"]["bundle"]["records"]}

    def rule_line_exists(source: str) -> None:
        path, line = source.rsplit(":", 1)
        assert Path(path).is_file() and 0 < int(line) <= len(Path(path).read_text().splitlines()), source

    for question in record["questions"]:
        rule_line_exists(question["decided_by"]["source"])
        assert question["findings"], question["id"]
        for finding in question["findings"]:
            rule_line_exists(finding["source"])
            assert finding["evidence"]
            for record_id in finding["evidence"]:
                assert normalise(records[record_id]["provenance"]["quote"]) in report
    for recommendation in record["recommendations"]:
        rule_line_exists(recommendation["source"])
        assert recommendation["findings"]


def test_verify_passes_an_untouched_record(recorded: Path) -> None:
    result = cli("verify", recorded, "--bundle", DERBYSHIRE)
    assert result.returncode == 0 and result.stdout.startswith("identical"), result


def test_verify_catches_one_byte_changed(recorded: Path) -> None:
    raw = bytearray(recorded.read_bytes())
    position = raw.index(b'"organisation": "Derbyshire') + len(b'"organisation": "')
    raw[position] = ord("X")
    recorded.write_bytes(bytes(raw))
    result = cli("verify", recorded)
    assert result.returncode == 3 and "record tampered with: the seal does not match" in result.stdout, result


def test_verify_catches_one_evidence_value_changed(recorded: Path, tmp_path: Path) -> None:
    changed = tmp_path / "bundle.yaml"
    changed.write_text(DERBYSHIRE.read_text(encoding="utf-8").replace("value: 88.0", "value: 88.5", 1))
    result = cli("verify", recorded, "--bundle", changed)
    assert result.returncode == 5, result
    assert "evidence changed: changed: record victim-satisfaction" in result.stdout


def test_verify_catches_one_rule_file_line_changed(recorded: Path, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    grading = rules / "grading.yaml"
    grading.write_text(grading.read_text().replace("count(area_for_improvement) <= 1", "count(area_for_improvement) <= 2"))
    result = cli("verify", recorded, "--rules", rules)
    assert result.returncode == 4, result
    assert "rulebook changed: changed: grading.yaml" in result.stdout
    assert 'outcome differs: questions[reducing_crime].grade: "good" -> "outstanding"' in result.stdout


def test_verify_reports_an_outcome_that_differs_with_everything_else_intact(recorded: Path) -> None:
    record = json.loads(recorded.read_text(encoding="utf-8"))
    record["questions"][0]["grade"] = "outstanding"  # as if judged by another engine version
    record["seal"] = seal_of(record)
    recorded.write_text(render_record(record), encoding="utf-8")
    result = cli("verify", recorded)
    assert result.returncode == 1, result
    assert result.stdout.strip() == 'outcome differs: questions[reducing_crime].grade: "outstanding" -> "good"'


def test_verify_of_a_missing_record_is_an_io_error(tmp_path: Path) -> None:
    result = cli("verify", tmp_path / "none.json")
    assert result.returncode == 2 and "FILE_NOT_FOUND" in result.stderr


def test_schema_record_is_printed() -> None:
    result = cli("schema", "record")
    assert result.returncode == 0
    assert "judgment.decision-record/3" in result.stdout


def test_the_why_not_of_each_question_names_what_outstanding_would_need(recorded: Path) -> None:
    record = json.loads(recorded.read_text(encoding="utf-8"))
    for question in record["questions"]:
        better = question["why_not"]["better"]
        assert better["grade"] == "outstanding", question["id"]
        (criterion,) = better["criteria"]
        assert criterion["criterion"] == "exceeds-the-standard" and criterion["holds"] is False
        assert criterion["failed"], question["id"]
        # Reducing crime has its notable practice (the national good practice) but two areas for
        # improvement; the other two questions have no notable practice.
        first = {"reducing_crime": "count(area_for_improvement) <= 1 does not hold"}.get(
            question["id"], "any(notable_practice) does not hold")
        assert criterion["failed"][0].startswith(first), (question["id"], criterion["failed"])
        expected_notable = question["id"] != "reducing_crime"  # only there is notable practice already found
        assert any(f.startswith("any(notable_practice) does not hold") for f in criterion["failed"]) == expected_notable
        assert question["why_not"]["worse"]["grade"] == "requires_improvement"
