"""The bundle JSON Schema says what validation enforces: a tool validating a bundle against
`judgment schema bundle` accepts what judgment accepts and refuses an undeclared comparator, as
judgment does (a figure's schema once admitted any comparator name)."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

import judgment
from conftest import DERBYSHIRE
from judgment.evidence import get_vocabulary


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    vocabulary = get_vocabulary("hmic-crime")
    assert vocabulary is not None
    schema = judgment.bundle_json_schema(vocabulary)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


def _satisfaction(data: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in data["records"] if r["kind"] == "victim_satisfaction")  # type: ignore[no-any-return]


def test_the_shipped_bundle_is_valid_by_the_schema(validator: jsonschema.protocols.Validator) -> None:
    validator.validate(judgment.load_bundle(DERBYSHIRE).to_data())


@pytest.mark.parametrize("change", ["undeclared comparator", "unknown stated relation"])
def test_what_judgment_refuses_the_schema_refuses(validator: jsonschema.protocols.Validator, change: str) -> None:
    data = copy.deepcopy(judgment.load_bundle(DERBYSHIRE).to_data())
    comparators = _satisfaction(data)["rate"]["comparators"]
    if change == "undeclared comparator":
        comparators["nationl"] = comparators.pop("national")
    else:
        comparators["national"]["stated"] = "higher"
    with pytest.raises(judgment.BundleError):
        judgment.bundle_from_data(data)
    assert list(validator.iter_errors(data)), f"the schema accepts a bundle judgment refuses ({change})"
