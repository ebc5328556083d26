"""Versions carried by what judgment reads: a bundle's `format: judgment.bundle/N` and a rulebook's
`language: N`. Absent means 1; the version this judgment reads is accepted and changes nothing (not
the judgment, not the evidence hash); a newer one is refused where it is written, with a hint to
upgrade; a malformed one too. docs/compatibility.md names every versioned thing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import judgment
from conftest import DERBYSHIRE, ROOT, RULES
from judgment._records._record import evidence_hash
from judgment.evidence import get_vocabulary

UPGRADE = "made for a newer judgment; upgrade judgment (pip install -U judgment)"
TINY = ROOT / "examples" / "rulebooks" / "tiny"


def _with_line(source: Path, target: Path, line: str, before: str | None = None) -> int:
    """`source` copied to `target` with `line` inserted before the first line starting `before`
    (the first line that is not a comment when None); the 1-based number of the inserted line."""
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, text in enumerate(lines)
              if (text.startswith(before) if before else text.strip() and not text.startswith("#")))
    target.write_text("".join([*lines[:at], line + "\n", *lines[at:]]), encoding="utf-8")
    return at + 1


def _bundle(tmp_path: Path, value: str) -> tuple[Path, int]:
    path = tmp_path / "bundle.yaml"
    return path, _with_line(DERBYSHIRE, path, f"format: {value}")


def _rulebook(tmp_path: Path, value: str) -> tuple[Path, int]:
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    return folder, _with_line(TINY / "rulebook.yaml", folder / "rulebook.yaml", f"language: {value}", "rulebook:")


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)],
                          capture_output=True, text=True, timeout=120, check=False)


# Bundles


def test_a_bundle_of_a_newer_format_is_refused_where_it_says_so(tmp_path: Path) -> None:
    path, line = _bundle(tmp_path, "judgment.bundle/2")
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == ("BAD_VALUE", line, 9)
    assert "judgment.bundle/2" in diagnostic.message and "judgment.bundle/1" in diagnostic.message
    assert diagnostic.hint == UPGRADE
    rendered = diagnostic.render().splitlines()
    assert rendered[0].startswith(f"{path}:{line}:9: error: BAD_VALUE ")
    assert rendered[1:] == ["    format: judgment.bundle/2", "            ^", f"  hint: {UPGRADE}"]


def test_the_command_line_refuses_a_newer_bundle_with_the_located_diagnostic(tmp_path: Path) -> None:
    path, line = _bundle(tmp_path, "judgment.bundle/7")
    result = _cli("run", path, "--rules", RULES)
    assert result.returncode == 1 and result.stdout == ""
    assert f"{path}:{line}:9: error: BAD_VALUE " in result.stderr and UPGRADE in result.stderr


def test_a_json_bundle_of_a_newer_format_is_refused_with_its_place(tmp_path: Path) -> None:
    data = {"format": "judgment.bundle/3", **judgment.load_bundle(DERBYSHIRE).to_data()}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.hint) == ("BAD_VALUE", 2, UPGRADE)


@pytest.mark.parametrize("value", ["judgment.bundle/one", "judgment.bundle/0", "judgment.bundle/01", "bundle/1",
                                   "2", "judgment.bundle/", "[judgment.bundle/1]", "null"])
def test_a_malformed_bundle_format_is_refused_where_it_is_written(tmp_path: Path, value: str) -> None:
    path, line = _bundle(tmp_path, value)
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    assert [(d.code, d.location.line, d.location.column) for d in caught.value.diagnostics] == [
        ("BAD_VALUE", line, 9)]
    assert "judgment.bundle/1" in (caught.value.diagnostics[0].hint or "")


def test_a_bundle_of_this_format_is_judged_as_one_that_does_not_say(tmp_path: Path,
                                                                      rulebook: judgment.Rulebook) -> None:
    path, _ = _bundle(tmp_path, "judgment.bundle/1")
    plain, stated = judgment.load_bundle(DERBYSHIRE), judgment.load_bundle(path)
    assert stated.to_data() == plain.to_data() and evidence_hash(stated) == evidence_hash(plain)
    assert judgment.judge(rulebook, stated).to_data() == judgment.judge(rulebook, plain).to_data()
    quoted, _ = _bundle(tmp_path, '"judgment.bundle/1"')
    assert evidence_hash(judgment.load_bundle(quoted)) == evidence_hash(plain)


def test_bundle_data_built_in_code_may_state_its_format() -> None:
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    assert judgment.bundle_from_data({**data, "format": "judgment.bundle/1"}).to_data() == data
    with pytest.raises(judgment.BundleError) as caught:
        judgment.bundle_from_data({**data, "format": "judgment.bundle/2"})
    assert [(d.code, str(d.location)) for d in caught.value.diagnostics] == [("BAD_VALUE", "<bundle>:format")]


def test_the_bundle_schema_admits_the_format_this_judgment_reads() -> None:
    vocabulary = get_vocabulary("hmic-crime")
    assert vocabulary is not None
    schema = judgment.bundle_json_schema(vocabulary)
    validator = jsonschema.validators.validator_for(schema)(schema)
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    validator.validate({**data, "format": "judgment.bundle/1"})
    assert "format" not in schema.get("required", [])
    assert not validator.is_valid({**data, "format": "judgment.bundle/2"})


# Rulebooks


def test_a_rulebook_in_a_newer_rule_language_is_refused_where_it_says_so(tmp_path: Path) -> None:
    folder, line = _rulebook(tmp_path, "2")
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(folder)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location, diagnostic.hint) == (
        "BAD_VALUE", judgment.Location(f"{folder}/rulebook.yaml", line, 11), UPGRADE)
    assert "language 2" in diagnostic.message
    assert diagnostic.render().splitlines()[1:3] == ["    language: 2", "              ^"]


def test_the_command_line_refuses_a_newer_rulebook_with_the_located_diagnostic(tmp_path: Path) -> None:
    folder, line = _rulebook(tmp_path, "3")
    result = _cli("check", folder)
    assert result.returncode == 1
    assert f"{folder}/rulebook.yaml:{line}:11: error: BAD_VALUE " in result.stderr and UPGRADE in result.stderr


@pytest.mark.parametrize("value", ["0", "one", "1.0", "true", "'1'", "[1]"])
def test_a_malformed_rule_language_is_refused_where_it_is_written(tmp_path: Path, value: str) -> None:
    folder, line = _rulebook(tmp_path, value)
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(folder)
    assert [(d.code, d.location.line, d.location.column) for d in caught.value.diagnostics] == [
        ("BAD_VALUE", line, 11)]


def test_a_rulebook_in_this_rule_language_loads_as_one_that_does_not_say(tmp_path: Path) -> None:
    folder, _ = _rulebook(tmp_path, "1")
    stated, plain = judgment.load_rulebook(folder), judgment.load_rulebook(TINY)
    assert stated.warnings == ()
    bundle = judgment.load_bundle(DERBYSHIRE)
    assert judgment.judge(stated, bundle).overall == judgment.judge(plain, bundle).overall


# The promise


def test_the_compatibility_page_names_every_versioned_thing() -> None:
    page = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    for versioned in ("judgment.decision-record/", "judgment.bundle/1", "language: 1", "judgment.__all__",
                      "judgment.__version__", "exit code", "--format json", "vocabulary file",
                      "semantic versioning", "3.11", "3.13", "durable_rules", "deprecat", "private"):
        assert versioned in page, versioned
    for release in ("patch", "minor", "major"):
        assert f"a {release} release" in page.lower(), release
    assert "compatibility.md" in (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert "docs/compatibility.md" in (ROOT / "README.md").read_text(encoding="utf-8")
