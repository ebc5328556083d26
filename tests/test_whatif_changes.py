"""Changes to evidence (issue 17): applied through the vocabulary's models, as strict as a bundle file."""

from __future__ import annotations

import pytest

import judgment
from judgment._whatif._changes import AddRecord, DropRecord, SetField, apply_changes

from conftest import ROOT

DERBYSHIRE = judgment.load_bundle(ROOT / "examples" / "derbyshire-2014.yaml")


def _records(bundle: judgment.Bundle) -> dict[str, judgment.Record]:
    return {r.id: r for r in bundle.records}


def test_a_scale_moves_and_a_figure_keeps_its_interval_width() -> None:
    changed = apply_changes(DERBYSHIRE, [SetField("evaluation-crime-prevention", "level", "developing"),
                                         SetField("victim-satisfaction", "rate.value", 86.0)])
    records = _records(changed)
    assert records["evaluation-crime-prevention"].level.value == "developing"  # type: ignore[attr-defined]
    rate = records["victim-satisfaction"].rate  # type: ignore[attr-defined]
    assert (rate.value, rate.interval.lower, rate.interval.upper) == (86.0, 84.6, 87.4)
    assert _records(DERBYSHIRE)["victim-satisfaction"].rate.value == 88.0  # type: ignore[attr-defined]


def test_a_margin_set_with_the_value_replaces_the_interval() -> None:
    changed = apply_changes(DERBYSHIRE, [SetField("victim-satisfaction", "rate.value", 80.0),
                                         SetField("victim-satisfaction", "rate.margin", 0.5)])
    rate = _records(changed)["victim-satisfaction"].rate  # type: ignore[attr-defined]
    assert (rate.interval.lower, rate.interval.upper) == (79.5, 80.5)


@pytest.mark.parametrize("change, code", [
    (SetField("victim-satisfaction", "rate.value", "86"), "BAD_VALUE"),        # a string is never a number
    (SetField("vulnerability", "joint_risk_assessment", "yes"), "BAD_VALUE"),  # yes is never a boolean
    (SetField("evaluation-crime-prevention", "level", "excellent"), "BAD_VALUE"),
    (SetField("nope", "level", "developing"), "UNKNOWN_REFERENCE"),
    (SetField("vulnerability", "kind", "domestic_abuse"), "BAD_VALUE"),
    (DropRecord("nope"), "UNKNOWN_REFERENCE"),
    (AddRecord({"kind": "no_such_kind"}), "UNKNOWN_KIND"),
])
def test_a_change_that_does_not_validate_is_refused_naming_the_change(change: object, code: str) -> None:
    labelled = type(change)(**{**change.__dict__, "origin": "--set x"})  # type: ignore[arg-type]
    with pytest.raises(judgment.BundleError) as caught:
        apply_changes(DERBYSHIRE, [labelled])  # type: ignore[list-item]
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == code and diagnostic.location.path == "--set x"


def test_drop_and_add() -> None:
    added = {"id": "trend", "kind": "performance_trend", "area": "crime_prevention", "direction": "improving",
             "provenance": {"document": "d", "section": "s", "quote": "q"}}
    changed = apply_changes(DERBYSHIRE, [DropRecord("vulnerability"), AddRecord(added)])
    assert "vulnerability" not in _records(changed) and "trend" in _records(changed)
    with pytest.raises(judgment.BundleError):
        apply_changes(DERBYSHIRE, [AddRecord({**added, "id": "vulnerability"})])
