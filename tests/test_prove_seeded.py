"""A monotonicity bug that sampling misses and proving finds (issue 19, point 5).

A copy of the shipped rulebook gets one seeded finding rule: a cause of concern made, for one
particular period, when victim satisfaction is below 50 percent (as meant) or, by mistake, strictly
between 91.41 and 91.49 percent. Raising satisfaction into that band (a better figure) makes the
concern, and the grade of reducing_crime drops. Sampling draws figures at and beside the numbers rules name (91.41 +- 0.1,
0.5, ...) and improves them by the same steps, so it never lands strictly inside the band:
`judgment check --properties` with its defaults (200 examples, seed 0) reports no monotonicity
failure (and, the rule firing below 50, no dead rule either). `judgment prove` refutes monotonicity for exactly that field, beside the fields it refutes
on the shipped rulebook itself, and its counterexample bundles check clean and run to a lower grade.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from _engines import DURABLE
from judgment._cli._app import cli

SHIPPED = Path(__file__).parent.parent / "rules" / "hmic-crime-2014"
FIELD = "field victim_satisfaction.rate"

SEEDED_RULE = """
  # Seeded by tests/test_prove_seeded.py: a better figure in a narrow band makes a concern.
  - id: satisfaction_in_a_narrow_band
    question: reducing_crime
    polarity: cause_of_concern
    when: >-
      victim_satisfaction.period == '12 months to June 2014'
      and (victim_satisfaction.rate is below 50
           or (victim_satisfaction.rate is above 91.41 and victim_satisfaction.rate is below 91.49))
    text: Victim satisfaction of {victim_satisfaction.rate} is far below the floor, or in a band flagged by mistake.
    cite: a seeded bug
"""


def _copy(tmp_path: Path, name: str, seeded: bool) -> Path:
    rules = tmp_path / name
    shutil.copytree(SHIPPED, rules)
    if seeded:
        findings = rules / "findings" / "reducing-crime.yaml"
        findings.write_text(findings.read_text("utf-8") + SEEDED_RULE, "utf-8")
    return rules


def _proved(rules: Path, out: Path) -> tuple[int, dict[str, Any]]:
    done = CliRunner().invoke(cli, ["prove", str(rules), "--property", "monotonicity", "--format", "json",
                                    "--counterexamples", str(out)])
    return done.exit_code, json.loads(done.output)


def _status(data: dict[str, Any], subject: str) -> str:
    return str(next(o["status"] for o in data["outcomes"] if o["subject"] == subject))


def _refuted(data: dict[str, Any]) -> dict[str, int]:
    """Each refuted subject, numbered as --counterexamples names its files."""
    found = [o for o in data["outcomes"] if o["status"] == "refuted" and o.get("examples")]
    return {o["subject"]: n for n, o in enumerate(found, 1)}


def _grade(rules: Path, bundle: Path) -> str:
    done = CliRunner().invoke(cli, ["run", str(bundle), "--rules", str(rules), "--format", "json", "--any-date"])
    return str(next(q for q in json.loads(done.output)["questions"] if q["id"] == "reducing_crime")["grade"])


def test_sampling_misses_the_seeded_bug(tmp_path: Path) -> None:
    rules = _copy(tmp_path, "seeded", seeded=True)
    done = CliRunner().invoke(cli, ["check", str(rules), "--properties"])
    assert done.exit_code == 0 and "property monotonicity fails" not in done.output, done.output
    assert ("5 of 5 hold" if DURABLE else "4 of 5 hold") in done.output  # the seeded rule fires too: not dead


def test_prove_refutes_exactly_the_seeded_field_and_its_bundles_show_it(tmp_path: Path) -> None:
    shipped_code, shipped = _proved(_copy(tmp_path, "shipped", seeded=False), tmp_path / "shipped-found")
    rules = _copy(tmp_path, "seeded", seeded=True)
    code, seeded = _proved(rules, tmp_path / "found")
    assert _status(shipped, FIELD) == "proved" and shipped_code == 1  # the shipped rulebook's own refutations
    undecided = {o["subject"] for o in shipped["outcomes"] if o["status"] == "unknown"}
    assert code == 1 and set(_refuted(seeded)) - set(_refuted(shipped)) - undecided == {FIELD}
    outcome = next(o for o in seeded["outcomes"] if o["subject"] == FIELD)
    assert outcome["confirmed"] is True and "lowers reducing_crime" in outcome["detail"], outcome
    number = _refuted(seeded)[FIELD]
    before, after = tmp_path / "found" / f"{number}-before.yaml", tmp_path / "found" / f"{number}-after.yaml"
    assert CliRunner().invoke(cli, ["check", str(rules), str(before), str(after)]).exit_code == 0
    grades = [_grade(rules, b) for b in (before, after)]
    order = ["outstanding", "good", "requires_improvement", "inadequate"]
    assert order.index(grades[1]) > order.index(grades[0]), grades
