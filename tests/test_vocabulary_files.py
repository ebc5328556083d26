"""Bad vocabulary files (issue 14, point 1): each mistake is a located diagnostic with a documented
code and a hint, and loading a vocabulary never imports or runs anything named in the file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import judgment
from conftest import ROOT
from judgment.evidence import load_vocabulary

BASE = ROOT / "tests" / "data" / "vocabularies" / "schools.yaml"

#: (find, replace, code, the text the diagnostic points at, a phrase of its message)
CASES = [
    ("members: [primary, secondary]", "members: [primary, secondary", "YAML_SYNTAX", None, ""),
    ("kinds:", "kindz:", "UNKNOWN_KEY", "kindz", "unknown key 'kindz'"),
    ("better: lower, optional", "beter: lower, optional", "UNKNOWN_KEY", "beter", "unknown key 'beter'"),
    ("{type: date, optional: true}", "{type: datetime, optional: true}", "BAD_VALUE", "datetime", "unknown type"),
    ("reviewed: {type: date, optional: true}", "reviewed: {optional: true}", "MISSING_KEY", "{optional", "no 'type'"),
    ("minimum: 0", "minimum: zero", "WRONG_TYPE", "zero", "minimum"),
    ("minimum: 0", "minimum: 0.5", "WRONG_TYPE", "0.5", "not a whole number"),
    ("minimum: 0", "minimum: 5, maximum: 1", "BAD_VALUE", "5, maximum", "above maximum"),
    ("min_length: 1, max_length: 100", "min_length: 10, max_length: 1", "BAD_VALUE", "10, max", "above max_length"),
    ("      tracked:", "      provenance:", "BAD_VALUE", "provenance", "reserved"),
    ("      tracked:", "      above:", "BAD_VALUE", "above", "a word of the rule language"),
    ("      tracked:", "      copy:", "BAD_VALUE", "copy", "hide the record's own"),
    ("      tracked:", "      model_dump:", "BAD_VALUE", "model_dump", "hide the record's own"),
    ("  attendance:", "  within:", "BAD_VALUE", "within", "a word of the rule language"),
    ("  attendance:", "  Attendance-Rate:", "BAD_VALUE", "Attendance-Rate", "cannot be written in a rule"),
    ("scale: effectiveness}", "scale: efectiveness}", "UNKNOWN_REFERENCE", "efectiveness", "no scale"),
    ("{type: choice, scale: phase}", "{type: scale, scale: phase}", "BAD_VALUE", "phase}", "ordered"),
    ("{type: scale, scale: effectiveness}", "{type: choice, scale: effectiveness}", "BAD_VALUE", "effectiveness}",
     "ordered"),
    ("[primary, secondary]", "[primary, primary]", "DUPLICATE_ID", "primary]", "twice"),
    ("[primary, secondary]", "[primary, name]", "BAD_VALUE", "name]", "member name 'name' is reserved"),
    ("[national, previous_year]", "[national, value]", "BAD_VALUE", "value]", "comparator 'value'"),
    ("[national, previous_year]", "[national, national]", "DUPLICATE_ID", "national]", "twice"),
    ("better: higher, comparators", "better: up, comparators", "BAD_VALUE", "up,", "better"),
    ("tracked: {type: bool, better: higher, optional: true}",
     "tracked: {type: bool, better: higher, optional: true, default: true}", "BAD_VALUE", "true}", "default"),
    ("      pupils:", "      tracked:", "YAML_DUPLICATE_KEY", None, ""),
    ("  id: schools", "  id: Schools Inspection", "BAD_VALUE", "Schools", "id"),
    ("  title: School inspection evidence\n", "", "MISSING_KEY", None, "title"),
    ("    ordered: false\n", "    ordered: 'no'\n", "WRONG_TYPE", "'no'", "ordered"),
    ("  phase:\n    ordered", "  effectiveness:\n    ordered", "YAML_DUPLICATE_KEY", None, ""),
]


def _diagnose(tmp_path: Path, text: str) -> tuple[judgment.Diagnostic, ...]:
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(judgment.VocabularyError) as caught:
        load_vocabulary(path)
    return caught.value.diagnostics


def test_the_base_loads() -> None:
    vocabulary = load_vocabulary(BASE)
    assert vocabulary.kinds == ("attendance",)
    fields = vocabulary.fields("attendance")
    assert fields["leadership"].ordered and fields["leadership"].members[0] == "inadequate"
    assert fields["rate"].comparators == ("national", "previous_year") and fields["rate"].better == "higher"
    assert not fields["phase"].ordered and fields["pupils"].kind == "number"


@pytest.mark.parametrize(("find", "replace", "code", "at", "phrase"), CASES,
                         ids=[f"{c[2].lower()}-{i}" for i, c in enumerate(CASES)])
def test_a_bad_vocabulary_file_is_refused_at_its_place(tmp_path: Path, find: str, replace: str, code: str,
                                                       at: str | None, phrase: str) -> None:
    text = BASE.read_text(encoding="utf-8")
    assert find in text
    broken = text.replace(find, replace, 1)
    diagnostics = _diagnose(tmp_path, broken)
    matching = [d for d in diagnostics if d.code == code]
    assert matching, "\n".join(d.render() for d in diagnostics)
    diagnostic = matching[0]
    assert diagnostic.location.path == str(tmp_path / "vocabulary.yaml") and diagnostic.location.line > 0
    assert diagnostic.hint, diagnostic.render()
    assert phrase in diagnostic.message, diagnostic.render()
    if at is not None:
        line = broken.splitlines()[diagnostic.location.line - 1]
        assert line[diagnostic.location.column - 1:].startswith(at), diagnostic.render()


def test_loading_never_imports_or_runs_anything_from_the_file(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    text = BASE.read_text(encoding="utf-8")
    tricks = [
        text.replace("description: What a school inspection weighs.",
                     f"description: !!python/object/apply:os.system ['touch {marker}']"),
        text.replace("description: What a school inspection weighs.",
                     f"description: !!python/object/new:subprocess.Popen [['touch', '{marker}']]"),
        text.replace("{type: date, optional: true}", "{type: \"__import__('os').system('touch ran')\"}"),
        text.replace("  attendance:\n", "  attendance:\n    model: \"__import__('os')\"\n"),
        text.replace("[primary, secondary]", "[primary, __class__]"),
        text.replace("[primary, secondary]", "[primary, mro]"),
        text.replace("{type: date, optional: true}", "{type: date, optional: true, default_factory: os.getcwd}"),
    ]
    before = set(sys.modules)
    for trick in tricks:
        path = tmp_path / "vocabulary.yaml"
        path.write_text(trick, encoding="utf-8")
        try:
            vocabulary = load_vocabulary(path)
        except judgment.VocabularyError as error:
            assert all(d.hint and d.location.line > 0 for d in error.diagnostics), error.render()
        else:  # read as data: the text is a description, never a call
            assert vocabulary.description == trick.split("description: ", 1)[1].split("\n", 1)[0]
    assert not marker.exists() and not (Path.cwd() / "ran").exists()
    assert {m for m in set(sys.modules) - before if not m.startswith(("judgment", "ruamel", "lark"))} == set()


def test_a_json_vocabulary_file_loads_like_yaml(tmp_path: Path) -> None:
    import json
    from ruamel.yaml import YAML

    path = tmp_path / "schools.json"
    path.write_text(json.dumps(YAML(typ="safe").load(BASE.read_text(encoding="utf-8"))), encoding="utf-8")
    assert load_vocabulary(path).fingerprint == load_vocabulary(BASE).fingerprint


def _blocks(language: str) -> list[str]:
    text = (ROOT / "docs" / "evidence.md").read_text(encoding="utf-8")
    section = text.split("## Vocabularies as data", 1)[1]
    return [block.split("```", 1)[0] for block in section.split(f"```{language}\n")[1:]]


def test_the_documented_example_is_the_tested_file_and_its_bundle_loads() -> None:
    from ruamel.yaml import YAML

    from judgment.evidence import register_vocabulary

    vocabulary_text, bundle_text = _blocks("yaml")[:2]
    assert vocabulary_text == BASE.read_text(encoding="utf-8")
    register_vocabulary(load_vocabulary(BASE))
    bundle = judgment.bundle_from_data(YAML(typ="safe").load(bundle_text))
    record = bundle.record("attendance")
    assert record.rate.comparators["national"].value == 94.5 and record.leadership.value == "good"


def test_a_figure_may_restrict_the_stated_relations_as_in_python(tmp_path: Path) -> None:
    """`stated:` on a figure field is Comparators(..., stated=...) of a Python vocabulary; an unknown form
    is refused where written."""
    text = BASE.read_text(encoding="utf-8")
    old = "comparators: [national, previous_year], description: share"
    assert old in text
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text.replace(old, "comparators: [national, previous_year], stated: [below, in_line, above], "
                                      "description: share"), encoding="utf-8")
    vocabulary = load_vocabulary(path)
    model = vocabulary.models["attendance"]
    data = {"id": "a", "kind": "attendance", "provenance": {"document": "d", "section": "s", "quote": "q"},
            "rate": {"unit": "percent", "comparators": {"national": {"stated": "well_above"}}}}
    with pytest.raises(ValueError, match="not 'well_above'"):
        model.model_validate(data)
    path.write_text(text.replace(old, "comparators: [national], stated: [above, higher], description: share"),
                    encoding="utf-8")
    with pytest.raises(judgment.VocabularyError) as caught:
        load_vocabulary(path)
    (diagnostic,) = caught.value.diagnostics
    assert diagnostic.code == "BAD_VALUE" and "higher" in diagnostic.message, diagnostic.render()
    assert diagnostic.location.line == text[:text.index(old)].count("\n") + 1
