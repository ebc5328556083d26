"""An `otherwise` the criteria before it already cover (issue 15, point 4): every criteria list must
end with one, so when the earlier criteria cover every case it can never decide. `check` warns
where it is written, and the no_dead_rule property says the same thing: make the last real band the
`otherwise`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import judgment
from judgment.testing import run_properties
from conftest import ROOT

HINT = "make the last real band the `otherwise`"

COVERED = """\
      - grade: outstanding
        when: count(strength) >= 1 and count(area_for_improvement) == 0
      - grade: requires_improvement
        when: count(area_for_improvement) >= 1 and count(strength) == 0
      - grade: good
        when: count(strength) >= 1 or count(area_for_improvement) >= 1
      - grade: adequate
        when: count(strength) == 0 and count(area_for_improvement) == 0
      - grade: inadequate
        otherwise: true
"""

TINY_BLOCK = """\
      - grade: outstanding
        when: count(strength) >= 1 and count(area_for_improvement) == 0
      - grade: requires_improvement
        when: count(area_for_improvement) >= 1 and count(strength) == 0
      - grade: good
        otherwise: true
"""


@pytest.fixture
def covered(tmp_path: Path) -> Path:
    folder = tmp_path / "tiny"
    shutil.copytree(ROOT / "examples" / "rulebooks" / "tiny", folder)
    grading = folder / "grading.yaml"
    text = grading.read_text(encoding="utf-8")
    assert TINY_BLOCK in text
    grading.write_text(text.replace(TINY_BLOCK, COVERED), encoding="utf-8")
    return folder


def warnings_of(folder: Path) -> list[judgment.Diagnostic]:
    return list(judgment.load_rulebook(folder).warnings)


def test_check_warns_of_an_otherwise_that_never_decides(covered: Path) -> None:
    found = [d for d in warnings_of(covered) if d.code == "CRITERION_SHADOWED"]
    assert len(found) == 1, [d.render() for d in found]
    warning = found[0]
    assert "criterion inadequate" in warning.message and "reducing_crime" in warning.message
    assert warning.hint is not None and HINT in warning.hint
    assert str(warning.location).endswith("grading.yaml:14:9")  # the otherwise, where it is written


def test_a_reachable_otherwise_is_not_warned_of() -> None:
    assert not [d for d in warnings_of(ROOT / "examples" / "rulebooks" / "tiny") if d.code == "CRITERION_SHADOWED"]


def test_the_dead_rule_property_says_what_to_do(covered: Path) -> None:
    report = run_properties(judgment.load_rulebook(covered), examples=10)
    dead = [f for f in report.failures if f.name == "no_dead_rule"]
    assert len(dead) == 1
    assert "criterion reducing_crime/inadequate" in dead[0].message and HINT in dead[0].message
