"""Neutral identity (issue 14, point 3): the inspected body is `inspection.organisation`; a bundle
that still says `force` is told the new key, and a record of the older format is told apart."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._records._record import build_record, render_record, seal_of

STAMP = "2026-01-01T00:00:00+00:00"


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def old_bundle(tmp_path: Path, *, keep_organisation: bool = False) -> Path:
    text = DERBYSHIRE.read_text(encoding="utf-8")
    old = "  force: Derbyshire Constabulary\n"
    replaced = text.replace("  organisation: Derbyshire Constabulary\n",
                            old + ("  organisation: Derbyshire Constabulary\n" if keep_organisation else ""), 1)
    assert replaced != text
    path = tmp_path / "old.yaml"
    path.write_text(replaced, encoding="utf-8")
    return path


def test_the_shipped_bundle_names_the_organisation(derbyshire: judgment.Bundle) -> None:
    assert derbyshire.inspection.organisation == "Derbyshire Constabulary"
    assert "force" not in judgment.Inspection.model_fields
    assert derbyshire.to_data()["inspection"]["organisation"] == "Derbyshire Constabulary"


@pytest.mark.parametrize("keep_organisation", [False, True])
def test_a_bundle_that_says_force_is_told_the_new_key_at_that_key(tmp_path: Path, keep_organisation: bool) -> None:
    path = old_bundle(tmp_path, keep_organisation=keep_organisation)
    line = path.read_text(encoding="utf-8").splitlines().index("  force: Derbyshire Constabulary") + 1
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    problems = caught.value.diagnostics
    assert len(problems) == 1, [p.message for p in problems]  # the old key alone, not also a missing one
    problem = problems[0]
    assert (problem.code, problem.location.line, problem.location.column) == ("UNKNOWN_KEY", line, 3)
    assert problem.hint is not None and "organisation" in problem.hint


def test_check_on_the_command_line_shows_the_hint(tmp_path: Path) -> None:
    result = cli("run", old_bundle(tmp_path), "--rules", RULES)
    assert result.returncode != 0
    assert "UNKNOWN_KEY" in result.stderr and "rename 'force:' to 'organisation:'" in result.stderr
    assert "Traceback" not in result.stderr


def record_of_format(rulebook: judgment.Rulebook, bundle: judgment.Bundle, version: int) -> dict[str, Any]:
    """A record as judgment wrote it in format `version`: /1 said `force` where /2 says `organisation`."""
    record = build_record(judgment.judge(rulebook, bundle), rulebook, bundle, timestamp=STAMP)
    record["schema"] = f"judgment.decision-record/{version}"
    if version == 1:
        for inspection in (record["inspection"], record["evidence"]["bundle"]["inspection"]):
            inspection["force"] = inspection.pop("organisation")
    record["seal"] = seal_of(record)
    return record


def test_verify_says_an_older_record_was_made_by_an_older_judgment(rulebook: judgment.Rulebook,
                                                                  derbyshire: judgment.Bundle,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "old-record.json"
    path.write_text(render_record(record_of_format(rulebook, derbyshire, 1)), encoding="utf-8")
    result = cli("verify", path)
    assert result.returncode == 6, result.stdout + result.stderr
    assert "could not replay" in result.stdout
    assert "older judgment" in result.stdout and "judgment.decision-record/1" in result.stdout
    assert "Traceback" not in result.stderr and "tampered" not in result.stdout


def test_verify_says_a_newer_record_was_made_by_a_newer_judgment(rulebook: judgment.Rulebook,
                                                                derbyshire: judgment.Bundle,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "new-record.json"
    path.write_text(render_record(record_of_format(rulebook, derbyshire, 4)), encoding="utf-8")
    result = cli("verify", path)
    assert result.returncode == 6, result.stdout + result.stderr
    assert "newer judgment" in result.stdout


def test_an_older_record_with_a_broken_seal_is_still_tampered_with(rulebook: judgment.Rulebook,
                                                                  derbyshire: judgment.Bundle,
                                                                  tmp_path: Path) -> None:
    record = record_of_format(rulebook, derbyshire, 1)
    record["overall"]["summary"] = "edited"
    path = tmp_path / "old-record.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    result = cli("verify", path)
    assert result.returncode == 3, result.stdout + result.stderr
