"""Vocabularies as data (issue 14, point 1): a YAML vocabulary behaves exactly like one declared in
Python. The twin (tests/data/vocabularies/hmic-crime-twin.yaml) transcribes judgment.evidence.hmic_crime
under another id: the same JSON Schema, the same validation and errors, the same rule checking and
judging. Declaring one never runs anything from the file; the registry names both origins of a clash."""

from __future__ import annotations

from pathlib import Path

import pytest

import judgment
from conftest import ROOT
from judgment.evidence import Vocabulary, get_vocabulary, load_vocabulary, register_vocabulary
from judgment.evidence import hmic_crime

TWIN_FILE = ROOT / "tests" / "data" / "vocabularies" / "hmic-crime-twin.yaml"
TWIN_ID = "hmic-crime-twin"


@pytest.fixture(scope="module")
def twin() -> Vocabulary:
    return register_vocabulary(load_vocabulary(TWIN_FILE))


def test_loading_gives_an_unregistered_vocabulary_with_its_origin_and_source() -> None:
    vocabulary = load_vocabulary(TWIN_FILE)
    assert vocabulary.id == TWIN_ID and vocabulary.title.startswith("HMIC crime inspection 2014")
    assert vocabulary.origin == f"file {TWIN_FILE}"
    assert vocabulary.source == ("file", str(TWIN_FILE.resolve()))
    assert get_vocabulary(TWIN_ID) in (None, vocabulary) or get_vocabulary(TWIN_ID) is not vocabulary


def test_python_vocabularies_know_their_module() -> None:
    assert hmic_crime.VOCABULARY.origin == "module judgment.evidence.hmic_crime"
    assert hmic_crime.VOCABULARY.source == ("module", "judgment.evidence.hmic_crime")


def test_the_twin_has_the_json_schema_of_the_python_vocabulary(twin: Vocabulary) -> None:
    python = hmic_crime.VOCABULARY
    assert twin.kinds == python.kinds
    for kind in python.kinds:
        assert twin.models[kind].model_json_schema() == python.models[kind].model_json_schema(), kind
        assert twin.fields(kind) == python.fields(kind), kind
    assert twin.fingerprint == python.fingerprint
    schema = judgment.bundle_json_schema(twin)
    schema["properties"]["vocabulary"]["const"] = python.id
    assert schema == judgment.bundle_json_schema(python)


def test_the_same_vocabulary_again_is_a_no_op(twin: Vocabulary) -> None:
    assert register_vocabulary(load_vocabulary(TWIN_FILE)) is twin


def test_a_different_vocabulary_under_a_registered_id_names_both_origins(tmp_path: Path, twin: Vocabulary) -> None:
    text = TWIN_FILE.read_text(encoding="utf-8").replace("members: [weak, mixed, good, strong]",
                                                         "members: [weak, mixed, good, strong, excellent]")
    other = tmp_path / "other.yaml"
    other.write_text(text, encoding="utf-8")
    with pytest.raises(judgment.VocabularyError) as caught:
        register_vocabulary(load_vocabulary(other))
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "DUPLICATE_ID" and diagnostic.hint
    assert f"file {other}" in diagnostic.message and f"file {TWIN_FILE}" in diagnostic.message
    assert (diagnostic.location.path, diagnostic.location.line) == (str(other), 4)
    assert get_vocabulary(TWIN_ID) is twin


def test_a_python_vocabulary_clashing_with_the_shipped_one_names_both(twin: Vocabulary) -> None:
    clash = Vocabulary(hmic_crime.VOCABULARY_ID, "another", [twin.models["crime_rate"]], origin="python file x.py")
    with pytest.raises(judgment.VocabularyError, match="python file x.py.*module judgment.evidence.hmic_crime"):
        register_vocabulary(clash)
