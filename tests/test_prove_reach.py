"""`check --properties` asks the solver about rules sampling never fired (issue 19, point 2): a rule that
needs a narrow band of values is reachable, not dead; a rule no bundle can fire is dead, by proof."""

from __future__ import annotations

from pathlib import Path

import judgment
from judgment.testing import run_properties
from tests.minimal_rulebook import minimal_rulebook_yaml

FINDINGS = """\
findings:
  - id: narrow
    question: q
    polarity: plus
    when: detection_rate.rate is above 37.31 and detection_rate.rate is below 37.33
    text: A detection rate in a narrow band.
    cite: c
  - id: impossible
    question: q
    polarity: plus
    when: detection_rate.rate is above 50 and detection_rate.rate is below 40
    text: Never.
    cite: c
"""


def test_sampling_misses_the_narrow_rule_and_the_solver_reaches_it(tmp_path: Path) -> None:
    (tmp_path / "findings").mkdir()
    (tmp_path / "rulebook.yaml").write_text(minimal_rulebook_yaml("reach"), "utf-8")
    (tmp_path / "findings" / "q.yaml").write_text(FINDINGS, "utf-8")
    (tmp_path / "grading.yaml").write_text(
        "grading:\n  - questions: [q]\n    criteria:\n      - {id: any, grade: good, when: 'any(plus)'}\n"
        "      - {id: otherwise, grade: inadequate, otherwise: true}\n", "utf-8")
    report = run_properties(judgment.load_rulebook(tmp_path), examples=20)
    assert "finding narrow" not in report.fired and "finding narrow" not in str(report.failures)
    (dead,) = [f.message for f in report.failures if f.name == "no_dead_rule"]
    assert "finding impossible (proved: no bundle fires it)" in dead
