"""`judgment prove` (issue 19, points 1 and 2): each property proved, or refuted with a counterexample
bundle that `judgment check` accepts and `judgment run` shows breaking the property.

A probe rulebook carries one fault of each kind: a negative finding made by the best rating (improving
the rating lowers the grade), a criterion no bundle can reach, and a criterion shadowed by the one
before it. The shipped rulebook's totality and no_shadowing are proved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from judgment._cli._app import cli
from tests.minimal_rulebook import minimal_rulebook_yaml

SHIPPED = Path(__file__).parent.parent / "rules" / "hmic-crime-2014"

FINDINGS = """\
findings:
  - id: identified
    question: q
    polarity: plus
    when: vulnerability.identification >= 'good'
    text: Vulnerable victims are identified.
    cite: c
  - id: overreach
    question: q
    polarity: minus
    when: vulnerability.identification == 'outstanding'
    text: A fault made by the best rating.
    cite: c
"""

GRADING = """\
grading:
  - questions: [q]
    criteria:
      - {id: a-fault, grade: inadequate, when: "count(minus) >= 1"}
      - {id: a-fault-and-a-plus, grade: inadequate, when: "count(minus) >= 1 and any(plus)"}
      - {id: two-plus, grade: good, when: "count(plus) >= 2"}
      - {id: otherwise, grade: good, otherwise: true}
"""


def _probe(tmp_path: Path) -> Path:
    folder = tmp_path / "probe"
    (folder / "findings").mkdir(parents=True)
    head = minimal_rulebook_yaml("probe").replace(
        "polarities: [{id: plus, label: Plus, sense: positive}]",
        "polarities: [{id: plus, label: Plus, sense: positive}, {id: minus, label: Minus, sense: negative}]")
    (folder / "rulebook.yaml").write_text(head, "utf-8")
    (folder / "findings" / "q.yaml").write_text(FINDINGS, "utf-8")
    (folder / "grading.yaml").write_text(GRADING, "utf-8")
    return folder


def test_each_fault_is_refuted_with_a_bundle_that_check_accepts_and_run_shows(tmp_path: Path) -> None:
    rules, out = _probe(tmp_path), tmp_path / "found"
    runner = CliRunner()
    assert runner.invoke(cli, ["check", str(rules)]).exit_code == 0
    done = runner.invoke(cli, ["prove", str(rules), "--counterexamples", str(out)])
    assert done.exit_code == 1, done.output
    text = done.output
    assert "refuted  field vulnerability.identification: vulnerability.identification made better lowers q" in text
    assert "refuted  criterion q/two-plus: fires for no bundle at all" in text
    assert "refuted  criterion q/a-fault-and-a-plus: shadowed by criterion a-fault" in text
    assert "NOT CONFIRMED" not in text and "confirmed by judging it" in text
    before, after = out / "1-before.yaml", out / "1-after.yaml"
    assert runner.invoke(cli, ["check", str(rules), str(before), str(after)]).exit_code == 0
    grades = [json.loads(runner.invoke(cli, ["run", str(b), "--rules", str(rules), "--format", "json",
                                             "--any-date"]).output)["questions"][0]["grade"] for b in (before, after)]
    assert grades == ["good", "inadequate"]


def test_the_json_report_carries_each_counterexample_as_a_bundle(tmp_path: Path) -> None:
    done = CliRunner().invoke(cli, ["prove", str(_probe(tmp_path)), "--property", "monotonicity", "--format", "json"])
    data = json.loads(done.output)
    refuted = [o for o in data["outcomes"] if o["status"] == "refuted"]
    assert data["exit_code"] == 1 and [o["subject"] for o in refuted] == ["field vulnerability.identification"]
    assert [e["label"] for e in refuted[0]["examples"]] == ["before", "after"] and refuted[0]["confirmed"] is True
    assert refuted[0]["examples"][0]["bundle"]["records"][0]["kind"] == "vulnerability"


def test_the_shipped_rulebook_is_total_and_has_no_shadowed_criterion() -> None:
    done = CliRunner().invoke(cli, ["prove", str(SHIPPED), "--property", "totality", "--property", "no_shadowing"])
    assert done.exit_code == 0, done.output
    assert "totality: proved (3 of 3)" in done.output
    assert "2 of 2 properties proved." in done.output


def test_without_the_solver_one_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib

    real = importlib.import_module

    def no_z3(name: str, *args: object) -> object:
        if name == "z3":
            raise ImportError("No module named 'z3'")
        return real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(importlib, "import_module", no_z3)
    done = CliRunner().invoke(cli, ["prove", str(_probe(tmp_path))])
    assert done.exit_code == 2 and "pip install 'judgment[prove]'" in done.output


PAIRS = """\
  - id: better_than_another
    question: q
    polarity: plus
    given: {a: vulnerability, b: vulnerability}
    when: a.identification > b.identification
    text: One assessment rates identification above another.
    cite: c
"""


def test_a_proof_over_fewer_records_than_every_bundle_needs_says_so(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Rules of several variables make the complete bound costly: a bound asked for (--records) is
    reported and accepted; a bound the budget imposed is reported and exits 8, never passed off as a
    proof over every bundle."""
    import judgment
    from judgment._prove import _model

    rules = _probe(tmp_path)
    (rules / "findings" / "q.yaml").write_text(FINDINGS + PAIRS, "utf-8")
    (rules / "grading.yaml").write_text("grading:\n  - questions: [q]\n    criteria:\n"
                                        "      - {id: a-fault, grade: inadequate, when: 'count(minus) >= 1'}\n"
                                        "      - {id: otherwise, grade: good, otherwise: true}\n", "utf-8")
    rulebook = judgment.load_rulebook(rules)
    asked = judgment.prove(rulebook, ["no_dead_rule"], records=2)
    assert asked.cut == {"vulnerability": (2, 4)} and asked.exit_code == 0
    assert "finding rule better_than_another" in {o.subject for o in asked.outcomes if o.status == "proved"}
    assert all(o.confirmed for o in asked.outcomes)  # each witness judged, the empty bundle's too
    monkeypatch.setattr(_model, "BUDGET", 5)
    imposed = judgment.prove(rulebook, ["no_dead_rule"])
    assert imposed.cut and imposed.exit_code == 8
    done = CliRunner().invoke(cli, ["prove", str(rules), "--property", "no_dead_rule"])
    assert done.exit_code == 8 and "NOT every bundle" in done.output.splitlines()[0]
