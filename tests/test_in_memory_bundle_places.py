"""A bundle built from data in memory has no lines: its problems are placed by the path inside the
data (``<bundle>:records[3].rate``), never at a line 1, column 1 that does not exist (issue 15, point 7)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from ruamel.yaml import YAML

import judgment
from conftest import DERBYSHIRE


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe", pure=True).load(DERBYSHIRE.read_text(encoding="utf-8"))
    return loaded


def _places(data: dict[str, Any]) -> list[str]:
    with pytest.raises(judgment.BundleError) as caught:
        judgment.bundle_from_data(data)
    return [str(d.location) for d in caught.value.diagnostics]


def test_a_wrong_field_is_placed_at_its_record_and_field(data: dict[str, Any]) -> None:
    changed = copy.deepcopy(data)
    changed["records"][3]["rate"] = "high"
    assert _places(changed) == ["<bundle>:records[3].rate"]


def test_an_unknown_key_a_kind_and_a_duplicate_are_placed_where_they_are(data: dict[str, Any]) -> None:
    changed = copy.deepcopy(data)
    changed["records"][1]["colour"] = "red"
    changed["records"][2]["kind"] = "no_such_kind"
    changed["records"].append(copy.deepcopy(data["records"][0]))
    last = len(changed["records"]) - 1
    assert sorted(_places(changed)) == sorted(["<bundle>:records[1].colour", "<bundle>:records[2].kind",
                                               f"<bundle>:records[{last}].id"])


def test_the_inspection_date_is_placed_at_it(data: dict[str, Any]) -> None:
    changed = copy.deepcopy(data)
    changed["inspection"]["date"] = "soon"
    assert _places(changed) == ["<bundle>:inspection.date"]


def test_a_bundle_built_in_code_places_its_inspection_date(data: dict[str, Any]) -> None:
    bundle = judgment.bundle_from_data(data)
    assert str(bundle.place("inspection.date")) == "<bundle>:inspection.date"
