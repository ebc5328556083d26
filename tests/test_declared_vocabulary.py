"""Vocabularies as data (issue 14, point 1): a YAML vocabulary behaves exactly like one declared in
Python. The twin (tests/data/vocabularies/hmic-crime-twin.yaml) transcribes judgment.evidence.hmic_crime
under another id: the same JSON Schema, the same validation and errors, the same rule checking and
judging. Declaring one never runs anything from the file; the registry names both origins of a clash."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

import judgment
from conftest import ROOT
from judgment.evidence import Vocabulary, get_vocabulary, load_vocabulary, register_vocabulary
from judgment.evidence import hmic_crime
from judgment._cases import run_cases

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
    text = TWIN_FILE.read_text(encoding="utf-8").replace("members: [weak, mixed, good, strong, outstanding]",
                                                         "members: [weak, mixed, good, strong, outstanding, excellent]")
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


# --- the same validation, errors, rule checking and judging -------------------------------------------

SHIPPED_BUNDLE = ROOT / "rules" / "hmic-crime-2014" / "tests" / "bundles" / "derbyshire-2014.yaml"
CASES = ROOT / "tests" / "cases"
_ID_LINE = re.compile(r"^([ \t]*vocabulary:[ \t]*)hmic-crime[ \t]*$", re.MULTILINE)


def as_twin(text: str) -> str:
    """The same file naming the twin (a bundle's top-level id, or a rulebook's)."""
    swapped, count = _ID_LINE.subn(rf"\g<1>{TWIN_ID}", text)
    return swapped if count else text


def _plain(diagnostics: tuple[judgment.Diagnostic, ...], root: Path) -> list[tuple[Any, ...]]:
    """Diagnostics as comparable tuples: paths relative to `root`, the twin's id read as the original's."""
    def same(text: str | None) -> str | None:
        return None if text is None else text.replace(str(root), "<root>").replace(TWIN_ID, hmic_crime.VOCABULARY_ID)
    return [(d.code, same(d.location.path), d.location.line, d.location.column, same(d.message), same(d.hint))
            for d in diagnostics]


def _load_bundle(path: Path) -> tuple[Any, list[tuple[Any, ...]]]:
    try:
        bundle = judgment.load_bundle(path)
    except judgment.JudgmentError as error:
        return None, _plain(error.diagnostics, path.parent)
    data = bundle.to_data()
    data["vocabulary"] = hmic_crime.VOCABULARY_ID
    return data, []


def test_the_shipped_bundle_validates_identically(twin: Vocabulary, tmp_path: Path) -> None:
    path = tmp_path / "derbyshire-2014.yaml"
    path.write_text(as_twin(SHIPPED_BUNDLE.read_text(encoding="utf-8")), encoding="utf-8")
    python, twin_loaded = judgment.load_bundle(SHIPPED_BUNDLE), judgment.load_bundle(path)
    assert twin_loaded.vocabulary == TWIN_ID
    assert {type(r).__name__ for r in twin_loaded.records} == {type(r).__name__ for r in python.records}
    assert _load_bundle(path) == _load_bundle(SHIPPED_BUNDLE)


BUNDLE_CASES = sorted((CASES / "bundles").glob("*.yaml"))


@pytest.mark.parametrize("case_path", BUNDLE_CASES, ids=[p.stem for p in BUNDLE_CASES])
def test_every_bad_bundle_case_gives_the_same_diagnostics(case_path: Path, twin: Vocabulary, tmp_path: Path) -> None:
    text = (CASES / "base" / "bundle.yaml").read_text(encoding="utf-8")
    for edit in YAML(typ="safe").load(case_path.read_text(encoding="utf-8"))["edits"]:
        if edit["file"] == "bundle.yaml":
            text = text.replace(edit["find"], edit["replace"], 1)
    (tmp_path / "python").mkdir()
    (tmp_path / "twin").mkdir()
    (tmp_path / "python" / "bundle.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "twin" / "bundle.yaml").write_text(as_twin(text), encoding="utf-8")
    python, twin_result = _load_bundle(tmp_path / "python" / "bundle.yaml"), _load_bundle(tmp_path / "twin" / "bundle.yaml")
    assert twin_result == python


def _twin_rules(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    for path in target.rglob("*.yaml"):
        path.write_text(as_twin(path.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def test_the_shipped_rulebook_checks_and_judges_identically(twin: Vocabulary, tmp_path: Path) -> None:
    rules = ROOT / "rules" / "hmic-crime-2014"
    python, twinned = judgment.load_rulebook(rules), judgment.load_rulebook(_twin_rules(rules, tmp_path / "rules"))
    assert twinned.vocabulary is twin and python.vocabulary is hmic_crime.VOCABULARY
    bundle_path = tmp_path / "rules" / "tests" / "bundles" / SHIPPED_BUNDLE.name
    made = judgment.judge(python, judgment.load_bundle(SHIPPED_BUNDLE))
    made_twin = judgment.judge(twinned, judgment.load_bundle(bundle_path))
    assert made_twin.grades == made.grades
    assert _judged(made_twin, tmp_path / "rules") == _judged(made, rules)
    outcomes, unexercised = run_cases(twinned, tmp_path / "rules")
    assert outcomes and not any(o.failed for o in outcomes) and unexercised == run_cases(python, rules)[1]


def _judged(made: judgment.Judgment, rules: Path) -> Any:
    """A judgment's data without what names the rulebook's files (their hashes differ by the id line),
    rule sources relative to the rulebook's folder."""
    data = made.to_data()
    data.pop("rulebook", None)
    text = json.dumps(data).replace(str(rules), "<rules>")
    return json.loads(text.replace(TWIN_ID, hmic_crime.VOCABULARY_ID))


RULE_CASES = sorted((CASES / "rules").glob("*.yaml"))


@pytest.mark.parametrize("case_path", RULE_CASES, ids=[p.stem for p in RULE_CASES])
def test_every_bad_rule_file_case_gives_the_same_diagnostics(case_path: Path, twin: Vocabulary,
                                                             tmp_path: Path) -> None:
    results = []
    for name in ("python", "twin"):
        rules = tmp_path / name / "rules"
        shutil.copytree(CASES / "base" / "rules", rules)
        for edit in YAML(typ="safe").load(case_path.read_text(encoding="utf-8"))["edits"]:
            if edit["file"].startswith("rules/"):
                path = tmp_path / name / edit["file"]
                path.write_text(path.read_text(encoding="utf-8").replace(edit["find"], edit["replace"], 1),
                                encoding="utf-8")
        if name == "twin":
            _ = [p.write_text(as_twin(p.read_text(encoding="utf-8")), encoding="utf-8") for p in rules.rglob("*.yaml")]
        try:
            loaded = judgment.load_rulebook(rules)
            results.append(("loaded", _plain(loaded.warnings, rules)))
        except judgment.JudgmentError as error:
            results.append(("refused", _plain(error.diagnostics, rules)))
    assert results[1] == results[0]
