"""Evidence is strict (issue 12, point 4): numbers are numbers, booleans booleans, dates dates.

A value of the wrong type is refused with WRONG_TYPE at its own line and column, never coerced: a
figure written "88.0" with a margin used to lose its margin silently, `months: true` became 1.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import judgment
from conftest import DERBYSHIRE

SATISFACTION = "      value: 88.0\n      unit: percent\n      margin: 1.4\n"


def variant(tmp_path: Path, old: str, new: str, suffix: str = ".yaml") -> Path:
    text = DERBYSHIRE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / f"bundle{suffix}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def refusal(path: Path) -> judgment.BundleError:
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    return caught.value


def assert_at(error: judgment.BundleError, path: Path, code: str, needle: str) -> None:
    """One diagnostic of `code` at the line of `needle`, at the column where its value starts."""
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if needle in text)
    column = lines[line - 1].index(needle) + len(needle.split(":")[0]) + 3
    found = [(d.code, d.location.line, d.location.column) for d in error.diagnostics]
    assert (code, line, column) in found, error.render()
    assert len(error.diagnostics) == 1, error.render()


@pytest.mark.parametrize("written", ['"88.0"', "true", '" 88.0 "', '"8_8.0"', "'88'", "[88.0]"])
def test_a_figure_value_that_is_no_number_is_refused_with_its_margin(tmp_path: Path, written: str) -> None:
    path = variant(tmp_path, SATISFACTION, SATISFACTION.replace("88.0", written))
    error = refusal(path)
    assert_at(error, path, "WRONG_TYPE", f"value: {written}")
    assert error.diagnostics[0].hint, "a hint says what is expected"


def test_a_margin_that_is_no_number_is_refused_at_the_margin(tmp_path: Path) -> None:
    path = variant(tmp_path, SATISFACTION, SATISFACTION.replace("margin: 1.4", 'margin: "1.4"'))
    assert_at(refusal(path), path, "WRONG_TYPE", 'margin: "1.4"')


@pytest.mark.parametrize(("old", "new"), [
    ("    months: 48", "    months: true"),
    ("    months: 48", '    months: "48"'),
    ("    months: 48", "    months: 48.0"),
    ("    incidents: 46766", "    incidents: true"),
    ("    incidents: 46766", "    incidents: 46766.5"),
])
def test_a_whole_number_must_be_a_whole_number(tmp_path: Path, old: str, new: str) -> None:
    path = variant(tmp_path, old, new)
    assert_at(refusal(path), path, "WRONG_TYPE", new.strip())


@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "Y", "0", "1", '"false"', '"true"', "1.0"])
def test_a_yes_no_field_takes_only_true_or_false(tmp_path: Path, written: str) -> None:
    path = variant(tmp_path, "    compliance_monitored: true", f"    compliance_monitored: {written}")
    assert_at(refusal(path), path, "WRONG_TYPE", f"compliance_monitored: {written}")


@pytest.mark.parametrize("written", ["20141101", '"2014/11/01"', '"2014-11-01T00:00:00"', '"1 November 2014"'])
def test_a_date_is_written_as_a_date(tmp_path: Path, written: str) -> None:
    path = variant(tmp_path, "  date: 2014-11-01", f"  date: {written}")
    assert_at(refusal(path), path, "WRONG_TYPE", f"date: {written}")


def test_a_scale_value_is_still_a_string_of_its_scale(tmp_path: Path) -> None:
    path = variant(tmp_path, "    coverage: all", "    coverage: 3")
    error = refusal(path)
    assert [d.code for d in error.diagnostics] == ["BAD_VALUE"], error.render()
    assert "'none', 'some', 'most' or 'all'" in error.render()


def test_json_bundles_write_dates_as_iso_strings_and_load_as_before(tmp_path: Path) -> None:
    yaml_bundle = judgment.load_bundle(DERBYSHIRE)
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(yaml_bundle.to_data()), encoding="utf-8")
    loaded = judgment.load_bundle(path)
    assert loaded.to_data() == yaml_bundle.to_data()
    assert loaded.inspection.date == dt.date(2014, 11, 1)
    record = loaded.record("victim-satisfaction")
    assert (record.rate.lower, record.rate.upper) == (86.6, 89.4)  # type: ignore[attr-defined]


def test_json_bundles_are_as_strict_as_yaml(tmp_path: Path) -> None:
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    satisfaction = next(r for r in data["records"] if r["id"] == "victim-satisfaction")
    satisfaction["rate"] = {"value": "88.0", "unit": "percent", "margin": 1.4}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    error = refusal(path)
    assert [d.code for d in error.diagnostics] == ["WRONG_TYPE"], error.render()
    assert error.diagnostics[0].location.line > 1


def test_python_callers_may_give_dates_and_scale_members() -> None:
    from judgment.evidence.hmic_crime import Coverage, VictimContract

    record = VictimContract.model_validate({
        "id": "c", "kind": "victim_contract", "coverage": Coverage.most,
        "provenance": {"document": "d", "section": "s", "quote": "q", "date": dt.date(2014, 1, 2)}})
    assert record.provenance.date == dt.date(2014, 1, 2)
    assert record.coverage is Coverage.most
    with pytest.raises(ValueError):
        VictimContract.model_validate({"id": "c", "kind": "victim_contract", "coverage": "most",
                                       "provenance": {"document": "d", "section": "s", "quote": "q",
                                                      "date": dt.datetime(2014, 1, 2, 10, 0)}})


def test_a_field_with_a_default_may_be_left_out() -> None:
    """The checks a record adds to its fields (declared comparators, provenance per field) leave a
    field's default in place: an optional figure left out is its default, never "Field required"."""
    bundle = judgment.load_bundle(DERBYSHIRE)
    seen = 0
    for record in bundle.records:
        model, data = type(record), record.model_dump(mode="json")
        for name, info in model.model_fields.items():
            if not info.is_required():
                kept = model.model_validate({k: v for k, v in data.items() if k != name})
                assert getattr(kept, name) == info.get_default(call_default_factory=True), (record.kind, name)
                seen += 1
    assert seen > 10
