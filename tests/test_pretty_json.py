"""JSON for people and records, made faster (issue 21, point 2), never a byte different: pretty_json
gives exactly what json.dumps(sort_keys=True, indent=2, ensure_ascii=False) gives, for any JSON
data with string keys (any text, surrogates and control characters too; any int; any float)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._io._pretty import pretty_json

TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=8)
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**80, 2**80),
                   st.floats(), st.floats(allow_nan=False, allow_infinity=False, width=32), TEXT)
DATA = st.recursive(LEAVES, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                    st.dictionaries(TEXT, inner, max_size=4)), max_leaves=30)


def expected(value: Any) -> str:
    return json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False)


@settings(max_examples=400)
@given(DATA)
def test_any_json_data_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert pretty_json(value) == expected(value)


def test_awkward_values_are_written_as_json_dumps_writes_them() -> None:
    for value in (1.5e-05, 1e16, 1e-300, float("nan"), float("inf"), -0.0, 2**100, "\ud800", "\x00\x1f\x7f\u2028",
                  {"b": 1, "a": [{}, [], {"d": None, "c": True}]}, [], {}, "", 0.1 + 0.2, 123456789012345.6):
        assert pretty_json(value) == expected(value), value


def test_a_judgment_in_json_is_unchanged() -> None:
    result = judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))
    assert result.to_json() == expected(result.to_data())
