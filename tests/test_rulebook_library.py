"""Rulebook libraries (issue 18, point 1): the version in force on the inspection date judges; two
versions of one id in force on a common day, or none in force, is a located error naming the
candidates; --rules-version pins one; the decision record names the version chosen and why."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import judgment
from judgment._cli._app import cli

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT / "rules"
DERBYSHIRE = ROOT / "examples" / "derbyshire-2014.yaml"
TINY = ROOT / "examples" / "rulebooks" / "tiny"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _tiny_version(library: Path, name: str, version: str, valid_from: str, valid_to: str | None,
                  rulebook_id: str = "tiny") -> Path:
    folder = library / name
    shutil.copytree(TINY, folder)
    main_file = folder / "rulebook.yaml"
    text = main_file.read_text(encoding="utf-8")
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("version:"):
            line = line.split("version:")[0] + f"version: '{version}'"
        elif stripped.startswith("valid_from:"):
            line = line.split("valid_from:")[0] + f"valid_from: {valid_from}" + (
                f"\n{line.split('valid_from:')[0]}valid_to: {valid_to}" if valid_to else "")
        elif stripped.startswith("valid_to:"):
            continue
        elif stripped.startswith("id:") and line.startswith("  id:"):
            line = f"  id: {rulebook_id}"
        lines.append(line)
    main_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_shipped_library_chooses_by_the_inspection_date() -> None:
    library = judgment.load_library(LIBRARY)
    assert [(r.id, r.version) for r in library.rulebooks] == [("hmic-crime-2014", "1.0.0"), ("hmic-crime-2014", "2.0.0")]
    assert judgment.load_rulebook(LIBRARY, on=dt.date(2014, 11, 1)).version == "2.0.0"
    assert judgment.load_rulebook(LIBRARY, on=dt.date(2014, 6, 30)).version == "1.0.0"
    assert judgment.load_rulebook(LIBRARY, on=dt.date(2014, 10, 31)).version == "1.0.0"  # valid_to is inclusive
    assert judgment.load_rulebook(LIBRARY, version="1.0.0").version == "1.0.0"
    assert judgment.load_rulebook(LIBRARY, version="hmic-crime-2014@2.0.0").version == "2.0.0"
    bundle = judgment.load_bundle(DERBYSHIRE)
    choice = library.choose(bundle)
    assert (choice.rulebook.version, choice.by) == ("2.0.0", "inspection date")
    assert "2014-11-01" in choice.reason and "2015-03-31" in choice.reason
    assert judgment.judge(choice.rulebook, bundle).grades["reducing_crime"] == "good"


def test_a_library_without_a_date_or_a_version_is_ambiguous() -> None:
    with pytest.raises(judgment.RuleFileError) as raised:
        judgment.load_rulebook(LIBRARY)
    diagnostic = raised.value.diagnostics[0]
    assert diagnostic.code == "RULEBOOK_AMBIGUOUS"
    assert "1.0.0 (2014-01-01 to 2014-10-31)" in diagnostic.message and "2.0.0 (2014-11-01 to 2015-03-31)" in diagnostic.message


def test_no_version_in_force_is_located_at_the_inspection_date(tmp_path: Path) -> None:
    bundle = tmp_path / "early.yaml"
    bundle.write_text(DERBYSHIRE.read_text(encoding="utf-8").replace("date: 2014-11-01", "date: 2013-12-01"),
                      encoding="utf-8")
    code, out, err = _run("run", str(bundle), "--rules", str(LIBRARY))
    assert code == 1, (out, err)
    assert "early.yaml:24:9: error: NOT_IN_FORCE no rulebook of the library" in err
    assert "hmic-crime-2014 1.0.0 (2014-01-01 to 2014-10-31); hmic-crime-2014 2.0.0 (2014-11-01 to 2015-03-31)" in err
    assert "^" in err


def test_overlapping_versions_are_refused_at_the_later_valid_from(tmp_path: Path) -> None:
    _tiny_version(tmp_path, "a", "1.0", "2014-01-01", "2014-12-31")
    _tiny_version(tmp_path, "b", "2.0", "2014-12-31", None)
    with pytest.raises(judgment.RuleFileError) as raised:
        judgment.load_library(tmp_path)
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.code == "VERSIONS_OVERLAP"
    assert diagnostic.location.path.endswith("b/rulebook.yaml") and diagnostic.location.line > 0
    assert "2.0 (from 2014-12-31, no end)" in diagnostic.message and "1.0 (2014-01-01 to 2014-12-31)" in diagnostic.message
    code, _, err = _run("check", str(tmp_path))
    assert code == 1 and "VERSIONS_OVERLAP" in err and "valid_from: 2014-12-31" in err


def test_versions_that_meet_without_overlap_are_accepted(tmp_path: Path) -> None:
    _tiny_version(tmp_path, "a", "1.0", "2014-01-01", "2014-12-30")
    _tiny_version(tmp_path, "b", "2.0", "2014-12-31", None)
    library = judgment.load_library(tmp_path)
    assert library.choose(dt.date(2014, 12, 30)).rulebook.version == "1.0"
    assert library.choose(dt.date(2014, 12, 31)).rulebook.version == "2.0"
    code, out, _ = _run("check", str(tmp_path))
    assert code == 0 and out.count("no problems found") == 2


def test_two_ids_in_force_at_once_need_a_pin(tmp_path: Path) -> None:
    _tiny_version(tmp_path, "a", "1.0", "2000-01-01", None, rulebook_id="tiny-a")
    _tiny_version(tmp_path, "b", "1.0", "2000-01-01", None, rulebook_id="tiny-b")
    library = judgment.load_library(tmp_path)
    with pytest.raises(judgment.JudgmentError) as raised:
        library.choose(dt.date(2014, 1, 1))
    assert raised.value.diagnostics[0].code == "RULEBOOK_AMBIGUOUS"
    with pytest.raises(judgment.JudgmentError) as raised:
        library.choose(dt.date(2014, 1, 1), version="1.0")
    assert raised.value.diagnostics[0].code == "RULEBOOK_AMBIGUOUS"
    assert library.choose(dt.date(2014, 1, 1), version="tiny-b@1.0").rulebook.id == "tiny-b"


def test_an_unknown_version_names_the_versions() -> None:
    code, _, err = _run("run", str(DERBYSHIRE), "--rules", str(LIBRARY), "--rules-version", "2.0")
    assert code == 1 and "VERSION_NOT_FOUND" in err and "'2.0.0'" in err
    with pytest.raises(judgment.RuleFileError) as raised:
        judgment.load_rulebook(LIBRARY / "hmic-crime-2014", version="1.0.0")
    assert raised.value.diagnostics[0].code == "VERSION_NOT_FOUND"


def test_the_record_names_the_version_chosen_and_why_and_replays(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    code, out, err = _run("run", str(DERBYSHIRE), "--rules", str(LIBRARY), "--record", str(record))
    assert code == 0, err
    assert out.splitlines()[0].startswith(f"Chosen from the library {LIBRARY}: hmic-crime-2014 2.0.0, because "
                                          "the inspection is dated 2014-11-01")
    data = json.loads(record.read_text(encoding="utf-8"))
    selection = data["rulebook"]["selection"]
    assert (data["rulebook"]["version"], selection["by"], selection["library"]) == ("2.0.0", "inspection date", str(LIBRARY))
    assert [c["version"] for c in selection["candidates"]] == ["1.0.0", "2.0.0"]
    assert _run("verify", str(record))[0] == 0
    moved = tmp_path / "library"
    shutil.copytree(LIBRARY, moved)
    assert _run("verify", str(record), "--rules", str(moved))[0] == 0  # the library moved: still identical
    (moved / "hmic-crime-2014-v1" / "rulebook.yaml").write_text(
        (moved / "hmic-crime-2014-v1" / "rulebook.yaml").read_text(encoding="utf-8").replace(
            "valid_to: 2014-10-31", "valid_to: 2014-11-30"), encoding="utf-8")
    code, out, _ = _run("verify", str(record), "--rules", str(moved))
    assert code == 4 and "are both in force on 2014-11-01" in out  # the library no longer gives one answer


def test_a_pinned_version_is_recorded_as_pinned(tmp_path: Path) -> None:
    record = tmp_path / "record.json"
    code, _, err = _run("run", str(DERBYSHIRE), "--rules", str(LIBRARY), "--rules-version", "1.0.0", "--record", str(record))
    assert code == 1 and "NOT_IN_FORCE" in err  # pinned outside its validity: still refused without --any-date
    code, _, err = _run("run", str(DERBYSHIRE), "--rules", str(LIBRARY), "--rules-version", "1.0.0", "--any-date",
                        "--record", str(record))
    assert code == 0, err
    selection = json.loads(record.read_text(encoding="utf-8"))["rulebook"]["selection"]
    assert selection["by"] == "pinned"
    assert selection["reason"] == ("version 1.0.0 was pinned; it is in force 2014-01-01 to 2014-10-31, "
                                   "not on the inspection date 2014-11-01")
    assert _run("verify", str(record))[0] == 0


def test_decision_record_from_python_names_the_choice() -> None:
    library = judgment.load_library(LIBRARY)
    bundle = judgment.load_bundle(DERBYSHIRE)
    choice = library.choose(bundle)
    record = json.loads(judgment.decision_record(judgment.judge(choice.rulebook, bundle), choice, bundle))
    assert record["rulebook"]["selection"] == choice.to_data()


def test_a_library_with_a_broken_version_reports_its_problems(tmp_path: Path) -> None:
    _tiny_version(tmp_path, "a", "1.0", "2000-01-01", None)
    broken = _tiny_version(tmp_path, "b", "2.0", "2001-01-01", None, rulebook_id="other")
    (broken / "rulebook.yaml").write_text("rulebook: [not, a, mapping]\n", encoding="utf-8")
    with pytest.raises(judgment.RuleFileError) as raised:
        judgment.load_library(tmp_path)
    assert all("b/rulebook.yaml" in d.location.path for d in raised.value.diagnostics)


def test_check_and_test_go_through_every_version() -> None:
    code, out, err = _run("check", str(LIBRARY), str(DERBYSHIRE))
    assert code == 0, err
    assert "hmic-crime-2014-v1: rulebook hmic-crime-2014 1.0.0: no problems found" in out
    assert "hmic-crime-2014: rulebook hmic-crime-2014 2.0.0 and 1 bundle: no problems found" in out


def test_batch_over_a_library_judges_each_bundle_with_the_version_in_force(tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    text = DERBYSHIRE.read_text(encoding="utf-8")
    (folder / "a-early.yaml").write_text(text.replace("date: 2014-11-01", "date: 2014-06-01"), encoding="utf-8")
    (folder / "b-late.yaml").write_text(text, encoding="utf-8")
    (folder / "c-never.yaml").write_text(text.replace("date: 2014-11-01", "date: 2016-01-01"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = _run("batch", str(folder), "--rules", str(LIBRARY), "--out", str(out), "--no-trace")
    assert code == 1, err  # the bundle no version covers is refused, the others judged
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(line["bundle"]).name for line in lines] == ["a-early.yaml", "b-late.yaml", "c-never.yaml"]
    assert [line["status"] for line in lines] == ["judged", "judged", "refused"]
    assert [line["rulebook"]["version"] for line in lines[:2]] == ["1.0.0", "2.0.0"]
    assert lines[2]["diagnostics"][0]["code"] == "NOT_IN_FORCE"
    for line, version in zip(lines[:2], ("1.0.0", "2.0.0"), strict=True):
        rulebook = judgment.load_rulebook(LIBRARY, version=version)
        bundle = judgment.load_bundle(line["bundle"])
        assert line["grades"] == judgment.judge(rulebook, bundle).grades
    code, _, err = _run("batch", str(folder), "--rules", str(LIBRARY), "--rules-version", "2.0.0", "--any-date",
                        "--out", str(out), "--no-trace")
    assert code == 0, err
    assert {json.loads(line)["rulebook"]["version"] for line in out.read_text(encoding="utf-8").splitlines()} == {"2.0.0"}


def test_vocabularies_of_a_library() -> None:
    code, out, err = _run("vocabularies", "--rules", str(LIBRARY))
    assert code == 0, err
    assert "hmic-crime: HMIC crime inspection 2014\n" in out  # other tests may have registered more
