"""A valid YAML bundle takes the typed path too (issue 21, point 1): libyaml's events made into plain
data without positions, validated once for the whole bundle; places are found only when a diagnostic
asks. That path never accepts what the located reader refuses, and never words a problem differently:
for the shipped bundle, generated bundles and their mutations (keys given twice, `yes` and `"48"`
where a boolean or number belongs, dates that are no dates, anchors, tabs, unknown keys), load_bundle
gives the located reader's bundle, or its diagnostics word for word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bundle_fast_path import DERBYSHIRE_DATA, RULEBOOK, same_bundle, with_a_value_changed

import judgment
import judgment._bundle._load as loading
from conftest import DERBYSHIRE
from judgment._bundle import Bundle, bundle_from_data
from judgment._errors import BundleError
from judgment._io._yaml import LoadFailure, parse_document
from judgment.testing import bundles


def located(text: str) -> Bundle | list[str]:
    """What the located reader makes of the text: the bundle, or its diagnostics as text."""
    try:
        document = parse_document(text, "b.yaml")
        return bundle_from_data(document.data, document.positions)
    except LoadFailure as failure:
        return [str(BundleError([failure.diagnostic]))]
    except BundleError as problem:
        return [str(problem)]


def loaded(text: str, folder: Path) -> Bundle | list[str]:
    path = folder / "b.yaml"
    path.write_text(text, "utf-8")
    try:
        return judgment.load_bundle(path)
    except BundleError as problem:
        return [str(problem).replace(str(path), "b.yaml")]


def alike(text: str, folder: Path) -> None:
    expected, got = located(text), loaded(text, folder)
    if isinstance(expected, Bundle):
        assert isinstance(got, Bundle) and same_bundle(got, expected)
    else:
        assert got == expected


def _never(*args: Any, **kwargs: Any) -> Bundle:
    raise AssertionError("the located reader ran on a valid YAML bundle")


def test_a_valid_yaml_bundle_is_read_in_one_typed_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = located(DERBYSHIRE.read_text("utf-8"))
    monkeypatch.setattr(loading, "bundle_from_data", _never)
    bundle = judgment.load_bundle(DERBYSHIRE)
    assert isinstance(expected, Bundle) and same_bundle(bundle, expected) and bundle.origin == str(DERBYSHIRE)
    vocabulary = next(n for n, line in enumerate(DERBYSHIRE.read_text("utf-8").splitlines(), 1)
                      if line.startswith("vocabulary:"))
    assert (bundle.place("vocabulary").line, bundle.place("vocabulary").column) == (vocabulary, 13)


def _written(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


SHIPPED = DERBYSHIRE.read_text("utf-8")
MUTATIONS = {
    "a key given twice": SHIPPED.replace("vocabulary:", "vocabulary: x\nvocabulary:", 1),
    "yes for a boolean": _written(DERBYSHIRE_DATA).replace("true", "yes", 1),
    "a quoted number": _written(DERBYSHIRE_DATA).replace("value: ", "value: '48'\n    v: ", 1),
    "no date": _written(DERBYSHIRE_DATA).replace("date: ", "date: 2014-02-30\n  d: ", 1),
    "an anchor": SHIPPED.replace("vocabulary:", "vocabulary: &v", 1),
    "a tab": SHIPPED.replace("vocabulary: ", "vocabulary:\t", 1),
    "an unknown top key": "vocabluary: 1\n" + SHIPPED,
    "the old force key": SHIPPED.replace("organisation:", "force:", 1),
    "a newer format": "format: judgment.bundle/2\n" + SHIPPED,
    "the current format": "format: judgment.bundle/1\n" + SHIPPED,
    "two documents": SHIPPED + "\n---\nvocabulary: x\n",
    "an empty value": SHIPPED.replace("vocabulary: hmic-crime", "vocabulary:", 1),
    "a list at the top": "- " + SHIPPED.replace("\n", "\n  "),
    "a byte order mark": "\ufeff" + SHIPPED,
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_a_mutation_reads_as_the_located_reader_reads_it(name: str, tmp_path: Path) -> None:
    alike(MUTATIONS[name], tmp_path)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(bundles(RULEBOOK, max_per_kind=2))
def test_generated_bundles_read_alike(bundle: Bundle) -> None:
    text = _written(bundle.to_data())
    got = loading._quick_yaml_bundle(text, None)
    expected = located(text)
    assert got is not None and isinstance(expected, Bundle) and same_bundle(got, expected)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(bundles(RULEBOOK, max_per_kind=1), st.data())
def test_generated_bundles_with_a_value_changed_read_alike(bundle: Bundle, data: st.DataObject) -> None:
    """Any one value replaced: the located reader's bundle, or the typed path steps aside."""
    raw = with_a_value_changed(bundle, data)
    text = _written(raw)
    got = loading._quick_yaml_bundle(text, None)
    if got is not None:
        expected = located(text)
        assert isinstance(expected, Bundle) and same_bundle(got, expected)


def test_an_escaped_surrogate_pair_is_the_character_it_writes(tmp_path: Path) -> None:
    """JSON escapes a character beyond U+FFFF as a surrogate pair (json.dumps does by default); the
    located reader reads it as the C JSON reader does, so a bundle is never refused for it, and a
    lone surrogate still is."""
    first = DERBYSHIRE_DATA["records"][0]
    quoted = {**first, "provenance": {**first["provenance"], "quote": "\U0001f600"}, "knd": 1}
    data = {**DERBYSHIRE_DATA, "records": [quoted]}
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data), "utf-8")
    assert '"\\ud83d\\ude00"' in path.read_text("utf-8")
    with pytest.raises(BundleError) as refused:  # read the located way, for its unknown key
        judgment.load_bundle(path)
    assert [d.code for d in refused.value.diagnostics] == ["UNKNOWN_KEY"]  # the key, never the character
    read = parse_document('a: "x\\ud83d\\ude00y"\nb: "\\ud800"\n"\\ud83d\\ude00": 1\n', "b.yaml").data
    assert read == {"a": "x\U0001f600y", "b": "\ud800", "\U0001f600": 1}
