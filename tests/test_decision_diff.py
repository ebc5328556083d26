"""judgment diff (issue 18, point 2): what differs between two sealed decision records, and whether
each difference comes from changed evidence, changed rules, or both.

Records are made here of the Derbyshire bundle, as given and with evaluation-crime-prevention rated
developing, under the shipped rulebook and a copy of it whose tackling-asb.yaml no longer finds ASB
evaluation limited, all with one timestamp so that the text output can be compared whole."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import judgment
from conftest import DERBYSHIRE, RULES, vary
from judgment._cli._diff import diff as diff_command
from judgment._records._record import build_record, render_record, seal_of

STAMP = "2026-01-01T00:00:00+00:00"
GOLDEN = Path(__file__).parent / "data" / "diff" / "evidence.txt"
ASB_RULE = ("evaluation_capability.area == 'anti_social_behaviour'\n      and evaluation_capability.level <= 'limited'")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """a.json (Derbyshire), evidence.json (developing), rules.json (changed rules), both.json (both)."""
    root = tmp_path_factory.mktemp("diff")
    changed = root / "rules-changed"
    shutil.copytree(RULES, changed)
    asb = changed / "findings" / "tackling-asb.yaml"
    text = asb.read_text(encoding="utf-8")
    assert ASB_RULE in text
    asb.write_text(text.replace(ASB_RULE, ASB_RULE.replace("<= 'limited'", "<= 'none'")), encoding="utf-8")
    old, new = judgment.load_rulebook(RULES), judgment.load_rulebook(changed)
    given = judgment.load_bundle(DERBYSHIRE)
    developing = vary(given, "evaluation-crime-prevention", level="developing")
    for name, rulebook, bundle in (("a", old, given), ("evidence", old, developing), ("rules", new, given),
                                   ("both", new, developing)):
        write(root / f"{name}.json", build_record(judgment.judge(rulebook, bundle), rulebook, bundle, timestamp=STAMP))
    return root


def write(path: Path, record: dict[str, Any]) -> Path:
    path.write_text(render_record(record), encoding="utf-8")
    return path


def diff(*args: object) -> Any:
    return CliRunner().invoke(diff_command, list(map(str, args)))


def data_of(folder: Path, b: str, *more: object) -> dict[str, Any]:
    result = diff(folder / "a.json", folder / f"{b}.json", "--format", "json", *more)
    assert result.exit_code == 1, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def grade(data: dict[str, Any], question: str) -> dict[str, Any]:
    return next(g for g in data["grades"] if g["question"] == question)


def finding(data: dict[str, Any], rule: str) -> dict[str, Any]:
    return next(f for f in data["findings"] if f["rule"] == rule)


def test_an_evidence_change_moves_reducing_crime_up_because_of_the_evidence(folder: Path) -> None:
    data = data_of(folder, "evidence")
    assert data["schema"] == "judgment.decision-diff/1"
    assert set(data) == {"schema", "a", "b", "seal_broken", "evidence", "rules", "attribution", "overall", "grades",
                         "findings", "recommendations", "outcome_differs"}  # the shape docs/diff.md documents
    assert data["evidence"]["changed"] and not data["rules"]["changed"] and data["rules"]["files"] == []
    assert data["attribution"]["method"] == "hashes"
    moved = grade(data, "reducing_crime")
    assert (moved["before"], moved["after"], moved["direction"], moved["cause"]) == ("good", "outstanding", "up",
                                                                                     "evidence")
    lost = finding(data, "evaluation_limited")
    assert (lost["change"], lost["polarity"], lost["cause"]) == ("lost", "area_for_improvement", "evidence")
    assert "/findings/reducing-crime.yaml:" in lost["source"]
    [record] = data["evidence"]["records"]
    assert record["record"] == "evaluation-crime-prevention" and record["change"] == "changed"
    assert record["fields"] == [{"path": "level", "before": '"limited"', "after": '"developing"'}]
    assert [g["question"] for g in data["grades"]] == ["reducing_crime"] and data["overall"] is None


def test_a_changed_rule_file_is_named_and_its_differences_are_due_to_the_rules(folder: Path) -> None:
    data = data_of(folder, "rules")
    assert not data["evidence"]["changed"] and data["evidence"]["records"] == []
    assert data["rules"] == {"changed": True, "files": [{"path": "findings/tackling-asb.yaml", "change": "changed"}]}
    lost = finding(data, "asb_evaluation_limited")
    assert (lost["change"], lost["question"], lost["cause"]) == ("lost", "tackling_asb", "rules")
    assert all(f["cause"] == "rules" for f in data["findings"] + data["grades"] + data["recommendations"])


def test_both_changed_are_told_apart_by_judging_a_evidence_with_b_rules(folder: Path) -> None:
    data = data_of(folder, "both")
    assert data["evidence"]["changed"] and data["rules"]["changed"]
    assert data["attribution"] == {"method": "rejudged", "note": None}
    assert grade(data, "reducing_crime")["cause"] == "evidence"
    assert finding(data, "evaluation_limited")["cause"] == "evidence"
    assert finding(data, "asb_evaluation_limited")["cause"] == "rules"


def test_without_b_rulebook_the_attribution_is_by_hashes_only(folder: Path, tmp_path: Path) -> None:
    record = json.loads((folder / "both.json").read_text(encoding="utf-8"))
    record["rulebook"]["path"] = str(tmp_path / "gone")
    record["seal"] = seal_of(record)
    write(folder / "both-gone.json", record)
    data = data_of(folder, "both-gone")
    assert data["attribution"]["method"] == "hashes_only" and "cannot be read" in data["attribution"]["note"]
    assert {f["cause"] for f in data["findings"]} == {"both"}
    text = diff(folder / "a.json", folder / "both-gone.json").stdout
    assert "by hashes only" in text
    # --rules naming a rulebook that is not B's: its hash differs, so no re-judging either
    data = data_of(folder, "both", "--rules", RULES)
    assert data["attribution"]["method"] == "hashes_only" and "hash differs" in data["attribution"]["note"]


def test_identical_records_differ_in_nothing_and_exit_0(folder: Path) -> None:
    result = diff(folder / "a.json", folder / "a.json")
    assert result.exit_code == 0, result.output
    assert "Evidence: unchanged" in result.stdout and "Rules: unchanged" in result.stdout
    assert "Causes: none to find: neither the evidence nor the rules changed" in result.stdout
    assert result.stdout.rstrip().endswith("Outcome: the same: no grade, finding or recommendation differs")


def test_a_record_altered_and_sealed_again_differs_by_neither_input(folder: Path, tmp_path: Path) -> None:
    """Anyone can recompute a seal: a grade changed and sealed again differs with the same evidence and
    rules, which the diff says is due to neither (and points to verify)."""
    record = json.loads((folder / "a.json").read_text(encoding="utf-8"))
    record["questions"][0]["grade"], record["questions"][0]["label"] = "outstanding", "Outstanding"
    record["seal"] = seal_of(record)
    resealed = write(tmp_path / "resealed.json", record)
    result = diff(folder / "a.json", resealed)
    assert result.exit_code == 1, result.output
    assert "Good -> Outstanding (up)  [neither]" in result.stdout
    assert "a record altered and sealed again (judgment verify replays each)" in result.stdout


def test_a_forged_record_says_so_first_and_exits_3(folder: Path, tmp_path: Path) -> None:
    record = json.loads((folder / "evidence.json").read_text(encoding="utf-8"))
    record["questions"][0]["grade"] = "inadequate"  # not sealed again: forged
    forged = write(tmp_path / "forged.json", record)
    result = diff(folder / "a.json", forged)
    assert result.exit_code == 3, result.output
    assert result.stdout.splitlines()[0] == (f"SEAL BROKEN: record B ({forged}): the seal does not match the "
                                             "record's content")
    data = json.loads(diff(folder / "a.json", forged, "--format", "json").stdout)
    assert data["seal_broken"] and data["b"]["seal_problems"] and not data["a"]["seal_problems"]
    assert judgment.diff_records(folder / "a.json", forged).exit_code == 3
    for output_format in ("markdown", "html"):
        shown = diff(folder / "a.json", forged, "--format", output_format).stdout
        assert "SEAL BROKEN: record B" in shown and shown.index("SEAL BROKEN") < shown.index("Evidence:")


def test_a_file_that_is_not_a_record_is_refused(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "judgment.decision-record/2", "a": 1, "a": 2}', encoding="utf-8")
    result = diff(folder / "a.json", bad)
    assert result.exit_code == 3 and result.stdout == ""
    assert "record B" in result.stderr and "duplicate key" in result.stderr
    assert diff(folder / "a.json", tmp_path / "missing.json").exit_code == 2
    with pytest.raises(ValueError, match="not a decision record"):
        judgment.diff_records(bad, folder / "a.json")


def test_the_text_output_of_an_evidence_change(folder: Path) -> None:
    result = diff(folder / "a.json", folder / "evidence.json")
    assert result.exit_code == 1
    shown = re.sub(r"[0-9a-f]{64}", "<sha256>", result.stdout.replace(str(folder), "<tmp>"))
    shown = re.sub(r"hmic-crime-2014 [0-9][0-9.]*", "hmic-crime-2014 <version>", shown)
    assert shown == GOLDEN.read_text(encoding="utf-8")


def test_output_to_a_file_in_markdown_and_html(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "diff.md"
    result = diff(folder / "a.json", folder / "both.json", "--format", "markdown", "--output", out)
    assert result.exit_code == 1 and result.stdout == ""
    markdown = out.read_text(encoding="utf-8")
    assert "# Decision diff" in markdown and "`asb_evaluation_limited`" in markdown and "rules" in markdown
    html = diff(folder / "a.json", folder / "both.json", "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html


def test_the_cause_of_a_grade_that_moved_with_both(folder: Path) -> None:
    from judgment._recdiff._cause import cause_of

    assert cause_of("good", "outstanding", "requires_improvement", "rejudged") == "both"
    assert cause_of("good", "outstanding", "outstanding", "rejudged") == "rules"
    assert cause_of("good", "good", "outstanding", "rejudged") == "evidence"
    assert cause_of("good", "good", "outstanding", "hashes_only") == "both"
    assert cause_of("good", "good", "outstanding", "unchanged") == "neither"


HOSTILE = "\x1b]0;owned\x07\u202egnp.exe\x1b[2J<script>alert(1)</script> **bold** [link](http://x.invalid) <img src=x> | cell"


@pytest.fixture(scope="module")
def hostile(folder: Path) -> Path:
    """Record A with hostile text in a lost finding, a question's title, a label and the organisation,
    sealed again (a record can be sealed by anyone: the seal is not what makes text safe)."""
    record = json.loads((folder / "a.json").read_text(encoding="utf-8"))
    question = record["questions"][0]
    question["title"] = question["title"] + HOSTILE
    question["label"] = HOSTILE
    next(f for f in question["findings"] if f["rule"] == "evaluation_limited")["text"] = HOSTILE
    record["inspection"]["organisation"] = HOSTILE.split("\x1b[2J")[1]  # no controls: the bundle model refuses them
    record["seal"] = seal_of(record)
    return write(folder / "hostile.json", record)


def test_hostile_text_cannot_act_on_a_terminal_or_become_markdown(folder: Path, hostile: Path) -> None:
    text = diff(hostile, folder / "evidence.json").stdout
    assert "\x1b" not in text and "\x07" not in text and "\\x1b]0;owned" in text
    assert "\u202e" not in text and "\\u202egnp.exe" in text  # a bidirectional override is shown, not obeyed
    markdown = diff(hostile, folder / "evidence.json", "--format", "markdown").stdout
    assert "\x1b" not in markdown and "<script" not in markdown and "<img" not in markdown
    assert "\\*\\*bold\\*\\* \\[link\\](http" in markdown and "&lt;script&gt;" in markdown
    assert "[link](" not in markdown.replace("\\[link\\](", "")
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert rows and all(len(re.findall(r"(?<!\\)\|", row)) == 4 for row in rows), rows  # no cell split by data


def test_hostile_text_in_the_html_report_is_text_in_a_browser(folder: Path, hostile: Path, tmp_path: Path) -> None:
    from playwright.sync_api import Dialog, sync_playwright

    page_file = tmp_path / "diff.html"
    result = diff(hostile, folder / "evidence.json", "--format", "html", "--output", page_file)
    assert result.exit_code == 1, result.output
    assert "\x1b" not in page_file.read_text(encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            dialogs: list[str] = []

            def refuse(dialog: Dialog) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", refuse)
            page.goto(page_file.as_uri())
            assert page.locator("script").count() == 0 and page.locator("img").count() == 0
            assert page.locator("a").count() == 0 and dialogs == []
            body = page.locator("body").inner_text()
            assert "<script>alert(1)</script> **bold** [link](http://x.invalid)" in body
            assert "-> Outstanding (up)" in body and "\\x1b]0;owned\\x07" in body
            assert "evidence" in page.locator(".cause").first.inner_text()
        finally:
            browser.close()


def test_diff_records_with_hostile_arguments(folder: Path, tmp_path: Path) -> None:
    """What is not a path is a TypeError; a FIFO, an empty file, a huge number or a deep nest
    is not a decision record (ValueError); a missing file or a folder is an InputFileError; a --rules folder that is
    no rulebook leaves the attribution to the hashes."""
    import os

    a = folder / "a.json"
    for wrong in (None, 1, b"a.json", ["a.json"]):
        with pytest.raises(TypeError):
            judgment.diff_records(wrong, a)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            judgment.diff_records(a, a, rules=wrong if wrong is not None else 1)  # type: ignore[arg-type]
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    hostile = {"empty": "", "number": '{"seal": 1' + "0" * 400 + "}", "deep": "[" * 100_000 + "]" * 100_000,
               "list": "[]", "nan": '{"x": NaN}', "bytes": b"\xff\xfe"}
    paths: list[Path] = [fifo]
    for name, content in hostile.items():
        path = tmp_path / f"{name}.json"
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(path)
    for path in paths:
        with pytest.raises(ValueError, match="not a decision record|format"):
            judgment.diff_records(a, path)
    for unreadable in (tmp_path / "missing.json", tmp_path):
        with pytest.raises(judgment.InputFileError):
            judgment.diff_records(a, unreadable)
    result = judgment.diff_records(a, folder / "both.json", rules=tmp_path)
    assert result.method == "hashes_only" and result.method_note and "cannot be read" in result.method_note
    assert json.loads(result.to_json()) == result.to_data() and isinstance(result, judgment.DecisionDiff)


def test_the_two_shipped_versions_and_an_evidence_change_told_apart_through_the_library(tmp_path: Path) -> None:
    """Derbyshire under 1.0.0 as given, against 2.0.0 with evaluation developing: the library (--rules
    rules) gives B's version to judge A's evidence with; the grade moved with the evidence, the findings
    that only 2.0.0 makes are due to the rules."""
    library = RULES.parent
    given = judgment.load_bundle(DERBYSHIRE)
    old, new = judgment.load_rulebook(library, version="1.0.0"), judgment.load_rulebook(library, on=given)
    assert (old.version, new.version) == ("1.0.0", "2.0.0")
    developing = vary(given, "evaluation-crime-prevention", level="developing")
    a = write(tmp_path / "v1.json", build_record(judgment.judge(old, given, any_date=True), old, given, any_date=True,
                                                 timestamp=STAMP))
    b = write(tmp_path / "v2.json", build_record(judgment.judge(new, developing), new, developing, timestamp=STAMP))
    result = judgment.diff_records(a, b, rules=library)
    assert result.method == "rejudged", result.method_note
    [moved] = result.grades
    assert (moved.question, moved.before, moved.after, moved.cause) == ("reducing_crime", "good", "outstanding",
                                                                        "evidence")
    causes = {(f.rule, f.change): f.cause for f in result.findings}
    assert causes[("evaluation_limited", "lost")] == "evidence"
    assert causes[("crime_rising_last_year", "gained")] == "rules"
    assert {f.path for f in result.rule_files} >= {"grading.yaml", "rulebook.yaml"}


def test_the_version_a_library_chose_is_named(folder: Path, tmp_path: Path) -> None:
    """A record made from a library says which version was chosen and why (rulebook.selection); the
    diff names it beside the rulebook, and reads records without it as before."""
    record = json.loads((folder / "evidence.json").read_text(encoding="utf-8"))
    record["rulebook"]["selection"] = {"library": "rules", "by": "pinned", "candidates": [],
                                       "reason": "--rules-version \x1b[2J pinned it"}
    record["seal"] = seal_of(record)
    chosen = write(tmp_path / "chosen.json", record)
    text = diff(folder / "a.json", chosen).stdout
    assert "(pinned from the library rules: --rules-version \\x1b[2J pinned it); recorded" in text
    assert judgment.diff_records(folder / "a.json", chosen).to_data()["b"]["chosen"].startswith("pinned")
