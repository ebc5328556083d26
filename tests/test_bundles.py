"""Bundles: validation mapped to places in the file, schema export, and fit with a rulebook."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from typing import Any

import judgment
from judgment import Bundle
from conftest import DERBYSHIRE, RULES, vary
from judgment._io._yaml import load_document
from judgment.evidence import get_vocabulary


def write_variant(tmp_path: Path, old: str, new: str) -> Path:
    text = DERBYSHIRE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "bundle.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


@pytest.mark.parametrize(("old", "new", "code", "needle", "message"), [
    ("value: 88.0", "value: 101.0", "BAD_VALUE", "value: 101.0", "a percentage cannot exceed 100"),
    ("national: {value: 26}", "nationl: {value: 26}", "BAD_VALUE", "value: 27",
     "no comparator 'nationl' is declared for this figure"),
    ("kind: tactics_and_powers", "kind: tactics_and_power", "UNKNOWN_KIND", "kind: tactics_and_power",
     "unknown evidence kind 'tactics_and_power'"),
    ("    months: 12", "    months: twelve", "WRONG_TYPE", "months: twelve", "months: Input should be a valid integer"),
    ("vocabulary: hmic-crime", "vocabulary: hmic-crim", "UNKNOWN_VOCABULARY", "vocabulary: hmic-crim",
     "no evidence vocabulary is registered as 'hmic-crim'"),
    ("  period: {start: 2013-07-01, end: 2014-06-30}", "  period: {start: 2014-07-01, end: 2014-06-30}",
     "BAD_VALUE", "period: {start: 2014-07-01", "period starts 2014-07-01 after it ends 2014-06-30"),
    ("  - id: detection-rate", "  - id: asb-incidents", "DUPLICATE_ID", "id: asb-incidents",
     "record id 'asb-incidents' is used twice"),
], ids=["percent-over-100", "misspelt-comparator", "unknown-kind", "wrong-type", "unknown-vocabulary",
        "period-order", "duplicate-id"])
def test_bad_bundles_are_refused_at_their_place(tmp_path: Path, old: str, new: str, code: str, needle: str,
                                                message: str) -> None:
    path = write_variant(tmp_path, old, new)
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    found = {(d.code, d.location.line) for d in caught.value.diagnostics}
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    assert any((code, line) in found for line in lines), caught.value.render()
    assert message in caught.value.render()


def test_exported_schema_accepts_the_shipped_bundle_and_rejects_a_bad_one() -> None:
    vocabulary = get_vocabulary("hmic-crime")
    assert vocabulary is not None
    schema = judgment.bundle_json_schema(vocabulary)
    data = load_document(DERBYSHIRE).data
    jsonschema.validate(data, schema)
    data["records"][0]["kind"] = "no_such_kind"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_rulebook_must_be_in_force_on_the_inspection_date(rulebook: judgment.Rulebook,
                                                          derbyshire: judgment.Bundle) -> None:
    inspection = derbyshire.inspection.model_copy(update={"date": derbyshire.inspection.date.replace(year=2030)})
    late = judgment.Bundle(vocabulary=derbyshire.vocabulary, inspection=inspection, records=derbyshire.records)
    with pytest.raises(judgment.BundleError) as caught:
        judgment.judge(rulebook, late)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "NOT_IN_FORCE"
    assert "2030-11-01" in diagnostic.message and "2015-03-31" in diagnostic.message
    assert judgment.judge(rulebook, late, any_date=True).grades == judgment.judge(rulebook, derbyshire).grades


def test_cli_refuses_out_of_force_unless_any_date(tmp_path: Path) -> None:
    path = write_variant(tmp_path, "  date: 2014-11-01", "  date: 2030-06-01")
    command = [sys.executable, "-m", "judgment", "run", str(path), "--rules", str(RULES)]
    refused = subprocess.run(command, capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and "NOT_IN_FORCE" in refused.stderr and refused.stdout == ""
    accepted = subprocess.run([*command, "--any-date"], capture_output=True, text=True, check=False)
    assert accepted.returncode == 0 and "Good" in accepted.stdout


def test_check_reports_every_bad_bundle(tmp_path: Path) -> None:
    first = write_variant(tmp_path, "value: 88.0", "value: 101.0")
    second = tmp_path / "second.yaml"
    second.write_text(DERBYSHIRE.read_text().replace("kind: tactics_and_powers", "kind: tactic"))
    result = subprocess.run([sys.executable, "-m", "judgment", "check", str(RULES), str(first), str(second)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert f"{first}:" in result.stderr and f"{second}:" in result.stderr
    assert "2 problems found" in result.stderr


def test_a_comparator_must_share_its_figures_unit(derbyshire: judgment.Bundle) -> None:
    with pytest.raises(ValueError, match="must share a unit"):
        vary(derbyshire, "detection-rate", rate={"value": 27, "unit": "percent",
                                                 "comparators": {"national": {"value": 26, "unit": "count"}}})


def test_a_bundle_loads_from_json_as_well(tmp_path: Path, rulebook: judgment.Rulebook,
                                          derbyshire: judgment.Bundle) -> None:
    path = tmp_path / "derbyshire.json"
    path.write_text(json.dumps(derbyshire.to_data(), indent=1), encoding="utf-8")
    from_json = judgment.load_bundle(path)
    assert from_json.records == derbyshire.records
    assert judgment.judge(rulebook, from_json).to_json() == judgment.judge(rulebook, derbyshire).to_json()


# JSON bundles are read by the standard library when they are valid, and located when not --------

def _as_json(tmp_path: Path, data: object, text: str | None = None) -> Path:
    path = tmp_path / "bundle.json"
    path.write_text(text if text is not None else json.dumps(data, indent=1, default=str), encoding="utf-8")
    return path


def test_a_json_bundle_loads_as_its_yaml_twin(tmp_path: Path, derbyshire: Bundle) -> None:
    path = _as_json(tmp_path, derbyshire.to_data())
    loaded = judgment.load_bundle(path)
    assert loaded.to_data() == derbyshire.to_data()
    date = loaded.place("inspection.date")
    assert (date.path, date.line > 1, date.column > 1) == (str(path), True, True), "located when asked"


def test_a_json_bundle_out_of_force_points_at_its_date(tmp_path: Path, derbyshire: Bundle) -> None:
    data = derbyshire.to_data()
    data["inspection"]["date"] = "2016-01-01"
    rulebook = judgment.load_rulebook(RULES)
    with pytest.raises(judgment.BundleError) as caught:
        judgment.judge(rulebook, judgment.load_bundle(_as_json(tmp_path, data)))
    (problem,) = caught.value.diagnostics
    assert problem.code == "NOT_IN_FORCE" and problem.location.line > 1


@pytest.mark.parametrize("change, code", [
    (lambda text: text.replace('"unit": "percent"', '"unit": "percentage"', 1), "BAD_VALUE"),
    (lambda text: text.replace('"vocabulary": "hmic-crime"', '"vocabulary": "hmic-crime", "vocabulary": "x"'),
     "YAML_DUPLICATE_KEY"),
    (lambda text: text.replace('"value": 85.0', '"value": NaN', 1), None),
], ids=["bad value", "duplicate key", "NaN"])
def test_a_bad_json_bundle_is_reported_where_it_is_wrong(tmp_path: Path, derbyshire: Bundle, change: Any,
                                                        code: str | None) -> None:
    text = change(json.dumps(derbyshire.to_data(), indent=1, default=str))
    assert text != json.dumps(derbyshire.to_data(), indent=1, default=str)
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(_as_json(tmp_path, None, text))
    first = caught.value.diagnostics[0]
    assert first.location.line > 1 and first.location.column >= 1, first
    if code is not None:
        assert first.code == code


def test_the_index_by_kind_follows_the_records_of_a_copy() -> None:
    bundle = judgment.load_bundle(Path(__file__).resolve().parents[1] / "examples" / "derbyshire-2014.yaml")
    first = bundle.records[0]
    copy = bundle.model_copy(update={"records": (first,)})  # no validation: the index must not be stale
    assert copy.kinds == frozenset({first.kind}) and copy.by_kind(first.kind) == (first,)
    assert bundle.replace_records([first]).kinds == frozenset({first.kind})
    assert bundle.by_kind(first.kind) == tuple(r for r in bundle.records if r.kind == first.kind)
    assert len(bundle.kinds) == len({r.kind for r in bundle.records})
