"""The Python result objects are a documented API (issue 14, point 6): docs/reference/api.md is
written from their docstrings and field descriptions, and is never stale nor silent about a
public attribute; a sealed (and signed) record is made and verified through the public API."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

import judgment
from conftest import DERBYSHIRE, ROOT, RULES
from judgment._apidoc import _page, render_page, undocumented
from judgment._apidoc._members import members

PAGE = ROOT / "docs" / "reference" / "api.md"
NAMED = ["Judgment", "QuestionJudgment", "Decision", "Check", "Finding", "EvidenceUsed", "Recommendation",
         "OverallJudgment", "BatchResult", "LiveSession", "WhyNot", "GradeAnalysis", "CriterionAnalysis"]


def test_the_page_is_not_stale() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_page(), \
        "docs/reference/api.md is stale: run `python -m judgment._apidoc` and commit the page"


def test_every_public_attribute_of_the_result_objects_is_described() -> None:
    assert undocumented() == []


def test_the_issue_s_classes_are_public_and_on_the_page() -> None:
    on_page = {cls.__name__ for cls in _page.classes()}
    text = PAGE.read_text(encoding="utf-8")
    for name in NAMED:
        assert name in judgment.__all__ and name in on_page
        assert f"\n## {name}\n\n`judgment.{name}`" in text


class _Undescribed(BaseModel):
    """A class with a field nobody described, and a method with no docstring."""

    described: int = Field(description="this one is")
    bare: str

    def act(self) -> None:
        pass


def test_an_undescribed_field_or_method_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    _Undescribed.__module__ = "judgment.tests_fixture"  # the generator reads judgment's own classes
    monkeypatch.setattr(_page, "_listed", lambda: [_Undescribed])
    assert undocumented() == ["_Undescribed.bare", "_Undescribed.act"]
    assert [m.name for m in members(_Undescribed)] == ["described", "bare", "act"]


def test_the_command_checks_and_rewrites_the_page(tmp_path: Path) -> None:
    stale = tmp_path / "api.md"
    stale.write_text("old\n", encoding="utf-8")
    run = [sys.executable, "-m", "judgment._apidoc"]
    checked = subprocess.run([*run, "--check", str(stale)], capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and "stale" in checked.stderr
    assert subprocess.run([*run, str(stale)], check=False).returncode == 0
    assert stale.read_text(encoding="utf-8") == render_page()


def test_a_record_made_from_python_is_what_run_writes_and_verifies(rulebook: judgment.Rulebook,
                                                                   derbyshire: judgment.Bundle,
                                                                   tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    text = judgment.decision_record(judgment.judge(rulebook, derbyshire), rulebook, derbyshire)
    cli = tmp_path / "cli.json"
    subprocess.run([sys.executable, "-m", "judgment", "run", DERBYSHIRE, "--rules", RULES, "--record", cli],
                   capture_output=True, check=True)
    made, written = json.loads(text), json.loads(cli.read_text(encoding="utf-8"))
    for record in (made, written):
        record.pop("timestamp"), record.pop("seal")
    assert made == written and text.endswith("}\n")
    path = tmp_path / "python.json"
    path.write_text(text, encoding="utf-8")
    assert judgment.verify_record(path).identical
    subprocess.run([sys.executable, "-m", "judgment", "keygen", tmp_path / "k"], capture_output=True, check=True)
    signed = tmp_path / "signed.json"
    signed.write_text(judgment.decision_record(judgment.judge(rulebook, derbyshire), rulebook, derbyshire,
                                               private_key=tmp_path / "k"), encoding="utf-8")
    found = judgment.verify_record(signed, public_key=tmp_path / "k.pub")
    assert found.exit_code == 0 and any("signature is valid" in note for note in found.notes)
    other = serialization.load_pem_public_key((tmp_path / "k.pub").read_bytes())
    assert judgment.verify_record(signed, public_key=other).identical  # a key object as well as its file


def test_the_python_example_in_the_records_guide_runs() -> None:
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    section = text.split("## From Python", 1)[1]
    code = re.findall(r"```python\n(.*?)```", section, re.S)[0]
    printed = re.findall(r"prints\n\n```text\n(.*?)```", section, re.S)[0]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    pattern = re.escape(printed).replace(re.escape("..."), "[0-9a-f]{64}")
    assert re.fullmatch(pattern, result.stdout), result.stdout
