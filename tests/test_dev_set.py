"""The development set of issue 16 (point 1): real forces' bundles beside their published grades.

Not yet the rulebook's test cases (the rulebook disagrees with many): these tests keep the set
whole and loadable, so that the agreement script (scripts/dev_set_agreement.py) can measure it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, RULES

FORCES = RULES / "tests" / "forces"
SCRIPT = ROOT / "scripts" / "dev_set_agreement.py"


def entries() -> list[dict[str, Any]]:
    with open(FORCES / "published.yaml", encoding="utf-8") as handle:
        forces: list[dict[str, Any]] = yaml.safe_load(handle)["forces"]
    return forces


def test_every_bundle_in_the_folder_has_published_grades_and_every_entry_a_bundle() -> None:
    bundles = {p.name for p in FORCES.glob("*.yaml")} - {"published.yaml"}
    assert bundles == {e["bundle"] for e in entries()}
    assert len(entries()) == len({e["force"] for e in entries()}), "a force listed twice"


def test_published_grades_name_each_question_of_the_rulebook_with_a_grade_of_its_scale(rulebook: Any) -> None:
    questions = [q.id for q in rulebook.questions]
    scale = {g.id for g in rulebook.scale}
    for entry in entries():
        assert list(entry["grades"]) == questions, entry["force"]
        assert set(entry["grades"].values()) <= scale, entry["force"]
        assert entry["source"].startswith(("https://", "http://")), entry["force"]


def test_each_statement_is_marked_as_a_paraphrase_of_a_named_page() -> None:
    """Only the seed report is quoted verbatim: every other record says it is a paraphrase."""
    for entry in entries():
        data = yaml.safe_load((FORCES / entry["bundle"]).read_text(encoding="utf-8"))
        for record in data["records"]:
            provenance = record["provenance"]
            assert provenance["quote"].startswith("Paraphrase:"), (entry["bundle"], record["id"])
            assert provenance["collector"].startswith("paraphrased from "), (entry["bundle"], record["id"])
            assert re.search(r"https?://", provenance["document"]), (entry["bundle"], record["id"])


@pytest.mark.parametrize("bundle", sorted(e["bundle"] for e in entries()))
def test_bundle_checks_without_errors(bundle: str) -> None:
    result = subprocess.run([sys.executable, "-m", "judgment", "check", str(RULES), str(FORCES / bundle)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": error:" not in result.stdout + result.stderr


def test_agreement_script_prints_a_row_per_force_and_the_totals() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    for entry in entries():
        assert entry["force"] in result.stdout
    assert re.search(r"forces matched on all questions: \d+/%d; question grades matched: \d+/%d"
                     % (len(entries()), 3 * len(entries())), result.stdout)
