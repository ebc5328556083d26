"""A valid JSON bundle is validated by pydantic straight from its bytes (issue 21, point 1), and that
fast path never accepts what the located reader refuses: for generated bundles and their mutations
(keys given twice, deep nesting, big and underflowing numbers, NaN, strings for numbers, unknown
keys), the fast path gives the located reader's bundle, or steps aside for its diagnostics."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import judgment
import judgment._bundle._load as bundles_module
from conftest import DERBYSHIRE, RULES
from judgment._bundle import Bundle, bundle_from_data, typed_json_bundle
from judgment._errors import BundleError
from judgment._io._yaml import MAX_FILE_BYTES, LoadFailure, load_document
from judgment.testing import bundles

RULEBOOK = judgment.load_rulebook(RULES)
DERBYSHIRE_DATA = judgment.load_bundle(DERBYSHIRE).to_data()


def located(raw: bytes) -> Bundle | list[str]:
    """What the located (slow) reader makes of the bytes: the bundle, or its diagnostics as text."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.json"
        path.write_bytes(raw)
        try:
            document = load_document(path, "b.json", MAX_FILE_BYTES * 8)
            return bundle_from_data(document.data, document.positions)
        except LoadFailure as failure:
            return [str(BundleError([failure.diagnostic]))]
        except BundleError as problem:
            return [str(problem)]


def same_bundle(fast: Bundle, slow: Bundle) -> bool:
    return json.dumps(fast.to_data()) == json.dumps(slow.to_data()) and repr(fast) == repr(slow)


def check(raw: bytes) -> None:
    """The fast path's bundle is the located reader's, or the fast path steps aside."""
    fast = typed_json_bundle(raw)
    if fast is not None:
        slow = located(raw)
        assert isinstance(slow, Bundle), slow
        assert same_bundle(fast, slow)


def test_a_valid_json_bundle_is_read_in_one_typed_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps(DERBYSHIRE_DATA), encoding="utf-8")
    monkeypatch.setattr(bundles_module, "bundle_from_data", _never)
    bundle = judgment.load_bundle(path)
    assert bundle.to_data() == DERBYSHIRE_DATA and bundle.origin == str(path)
    assert bundle.place("vocabulary").line == 1  # positions, found when first asked


def _never(*args: Any, **kwargs: Any) -> Bundle:
    raise AssertionError("the located reader ran on a valid JSON bundle")


def test_the_fast_path_reads_derbyshire_as_the_located_reader_does() -> None:
    raw = json.dumps(DERBYSHIRE_DATA, indent=1, ensure_ascii=False).encode()
    fast = typed_json_bundle(raw)
    assert fast is not None
    slow = located(raw)
    assert isinstance(slow, Bundle) and same_bundle(fast, slow)


def _derbyshire_with(text: str) -> bytes:
    """Derbyshire as JSON with its first record's id replaced by raw JSON text."""
    raw = json.dumps(DERBYSHIRE_DATA)
    first = json.dumps(DERBYSHIRE_DATA["records"][0]["id"])
    return raw.replace(first, text, 1).encode()


MUTATIONS = {
    "a key given twice": lambda raw: raw.replace(b'"vocabulary": ', b'"vocabulary": "x", "vocabulary": ', 1),
    "a record key twice": lambda raw: raw.replace(b'"kind": ', b'"kind": "x", "kind": ', 1),
    "a number that underflows": lambda raw: raw.replace(b'"value": ', b'"value": 1e-400, "v": ', 1),
    "a long underflow": lambda raw: raw.replace(b'"value": ', b'"value": 0.' + b"0" * 400 + b'1, "v": ', 1),
    "a big integer": lambda raw: raw.replace(b'"value": ', b'"value": 9007199254740993, "v": ', 1),
    "NaN": lambda raw: raw.replace(b'"value": ', b'"value": NaN, "v": ', 1),
    "Infinity": lambda raw: raw.replace(b'"value": ', b'"value": Infinity, "v": ', 1),
    "a string for a number": lambda raw: raw.replace(b'"value": ', b'"value": "48", "v": ', 1),
    "an unknown top key": lambda raw: raw.replace(b'{', b'{"vocabluary": 1, ', 1),
    "an unknown record key": lambda raw: raw.replace(b'"kind": ', b'"knd": 1, "kind": ', 1),
    "a newer format": lambda raw: raw.replace(b'{', b'{"format": "judgment.bundle/2", ', 1),
    "a format of null": lambda raw: raw.replace(b'{', b'{"format": null, ', 1),
    "the current format": lambda raw: raw.replace(b'{', b'{"format": "judgment.bundle/1", ', 1),
    "deep nesting": lambda raw: raw.replace(b'{', b'{"deep": ' + b"[" * 40 + b"]" * 40 + b", ", 1),
    "not UTF-8": lambda raw: raw.replace(b'"quote": "', b'"quote": "\xff', 1),
    "a lone surrogate": lambda raw: raw.replace(b'"quote": "', b'"quote": "\\ud800', 1),
    "an escaped surrogate pair": lambda raw: raw.replace(b'"quote": "', b'"quote": "\\ud83d\\ude00', 1),
    "a pair in an invalid bundle": lambda raw: raw.replace(b'"quote": "', b'"quote": "\\ud83d\\ude00', 1).replace(
        b'"kind": ', b'"knd": 1, "kind": ', 1),
    "an escaped key": lambda raw: raw.replace(b'"vocabulary": ', b'"vocabul\\u0061ry": ', 1),
    "a raw tab": lambda raw: raw.replace(b'"quote": "', b'"quote": "\t', 1),
    "a boolean for a number": lambda raw: raw.replace(b'"value": ', b'"value": true, "v": ', 1),
    "records of null": lambda raw: raw.replace(b'"records": [', b'"records": null, "r": [', 1),
    "a repeated record id": lambda raw: raw,  # filled in below
    "trailing text": lambda raw: raw + b" x",
    "a byte order mark": lambda raw: b"\xef\xbb\xbf" + raw,
    "the old force key": lambda raw: raw.replace(b'"organisation"', b'"force"', 1),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_mutation_reads_as_the_located_reader_reads_it(name: str, tmp_path: Path) -> None:
    raw = MUTATIONS[name](json.dumps(DERBYSHIRE_DATA).encode())
    if name == "a repeated record id":
        data = json.loads(raw)
        data["records"][1]["id"] = data["records"][0]["id"]
        raw = json.dumps(data).encode()
    check(raw)
    path = tmp_path / "b.json"
    path.write_bytes(raw)
    expected = located(raw)
    try:
        loaded: Bundle | list[str] = judgment.load_bundle(path)
    except BundleError as problem:
        loaded = [str(problem).replace(str(path), "b.json")]
    if isinstance(expected, Bundle):
        assert isinstance(loaded, Bundle) and same_bundle(loaded, expected)
    else:
        assert loaded == expected


def test_a_mutated_bundle_is_never_read_fast() -> None:
    """Each mutation the located reader refuses, the fast path refuses too (it steps aside)."""
    for name, mutate in MUTATIONS.items():
        raw = mutate(json.dumps(DERBYSHIRE_DATA).encode())
        if not isinstance(located(raw), Bundle):
            assert typed_json_bundle(raw) is None, name


def test_an_id_written_as_other_json_values_is_judged_alike() -> None:
    for text in ("1", "null", "true", "1.5", '"a b"', "[]", "{}", '"x\\u0000"'):
        check(_derbyshire_with(text))


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(bundles(RULEBOOK, max_per_kind=2), st.booleans())
def test_generated_bundles_read_alike(bundle: Bundle, indented: bool) -> None:
    raw = json.dumps(bundle.to_data(), indent=2 if indented else None, ensure_ascii=indented).encode()
    fast = typed_json_bundle(raw)
    assert fast is not None
    slow = located(raw)
    assert isinstance(slow, Bundle) and same_bundle(fast, slow)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(bundles(RULEBOOK, max_per_kind=1), st.data())
def test_generated_bundles_with_a_value_changed_read_alike(bundle: Bundle, data: st.DataObject) -> None:
    """Any one value in the data replaced by another JSON value: same bundle, or the fast path steps aside."""
    check(json.dumps(with_a_value_changed(bundle, data)).encode())


#: What replaces a value: other JSON values, and strings that must not pass for what they spell.
REPLACEMENTS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=5),
                         st.just([]), st.just({}), st.just("48"), st.just("yes"), st.just(2**60),
                         st.just("2014-02-30"))


def with_a_value_changed(bundle: Bundle, data: st.DataObject) -> dict[str, Any]:
    """The bundle's data with any one value (at any depth) replaced by one of REPLACEMENTS."""
    raw = bundle.to_data()
    _put(raw, data.draw(st.sampled_from(_paths(raw))), data.draw(REPLACEMENTS))
    return raw


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    found = [prefix] if prefix else []
    for key, value in children:
        found += _paths(value, (*prefix, key))
    return found


def _put(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value
