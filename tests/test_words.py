"""Words the engine writes: finding texts and the why-not lines (issue 13, point 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import judgment
from conftest import vary
from judgment import Bundle

HEADER = """\
rulebook: {id: words, title: Words, version: 1.0.0, valid_from: 2000-01-01, vocabulary: hmic-crime,
           framework: {title: t, citation: c}}
scale: [{id: good, label: Good}, {id: inadequate, label: Inadequate}]
polarities: [{id: plus, label: Plus, sense: positive}, {id: concern, label: Concern, sense: negative},
             {id: concern_serious, label: Serious concern, sense: negative}]
questions: [{id: q, title: Q}]
overall: {title: O, method: worst}
"""


def rulebook_with(tmp_path: Path, findings: list[dict[str, str]], worse: str = "count(concern_serious) > 0") \
        -> judgment.Rulebook:
    grading = [{"questions": ["q"], "criteria": [{"grade": "inadequate", "when": worse},
                                                 {"grade": "good", "otherwise": True}]}]
    (tmp_path / "rulebook.yaml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(json.dumps({"findings": findings, "grading": grading}), encoding="utf-8")
    return judgment.load_rulebook(tmp_path)


def rule(rule_id: str, text: str, polarity: str = "plus",
         when: str = "victim_satisfaction.rate.value > 1") -> dict[str, str]:
    return {"id": rule_id, "question": "q", "polarity": polarity, "text": text, "cite": "c", "when": when}


def only_text(result: judgment.Judgment) -> str:
    (finding,) = result.question("q").findings
    return finding.text


def test_an_escaped_placeholder_stays_literal_beside_the_real_one(tmp_path: Path, derbyshire: Bundle) -> None:
    """``{{x}} ... {x}``: the value goes where ``{x}`` is, and ``{{x}}`` is the literal ``{x}``."""
    text = "{{victim_satisfaction.period}} is {victim_satisfaction.period}"
    rulebook = rulebook_with(tmp_path, [rule("r", text)])
    bundle = vary(derbyshire, "victim-satisfaction", period="the year")
    assert only_text(judgment.judge(rulebook, bundle)) == "{victim_satisfaction.period} is the year"


def test_braces_in_evidence_text_are_quoted_as_written(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = rulebook_with(tmp_path, [rule("r", "in {victim_satisfaction.period}, {{braces}}")])
    bundle = vary(derbyshire, "victim-satisfaction", period="a {{b}} c }} {")
    assert only_text(judgment.judge(rulebook, bundle)) == "in a {{b}} c }} {, {braces}"


def test_the_why_not_lists_only_the_polarity_counted(tmp_path: Path, derbyshire: Bundle) -> None:
    """``count(concern_serious)`` counts serious concerns, not the ``concern`` rules whose
    polarity name happens to begin it."""
    rulebook = rulebook_with(tmp_path, [rule("plain", "t", "concern")])
    worse = judgment.judge(rulebook, derbyshire).question("q").why_not.worse
    assert worse is not None
    (criterion,) = worse.criteria
    (failure,) = criterion.failed
    assert failure.startswith("count(concern_serious) > 0 does not hold")
    assert "plain" not in failure and "concern:" not in failure


def test_the_why_not_names_the_rules_of_the_polarity_counted(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = rulebook_with(tmp_path, [rule("plain", "t", "concern"), rule("grave", "t", "concern_serious")],
                             worse="count(concern_serious) > 1 or count(concern) > 1")
    worse = judgment.judge(rulebook, derbyshire).question("q").why_not.worse
    assert worse is not None
    failed = worse.criteria[0].failed
    assert failed == ("count(concern_serious) > 1 does not hold: 1 against 1 (concern serious: grave)",
                      "count(concern) > 1 does not hold: 1 against 1 (concern: plain)")


def test_a_placeholder_after_an_escaped_brace_is_located_where_it_is_written(tmp_path: Path) -> None:
    text = "{{a}} {{b}} {victim_satisfaction.nothing}"
    with pytest.raises(judgment.JudgmentError) as caught:
        rulebook_with(tmp_path, [rule("r", text)])
    (problem,) = caught.value.diagnostics
    where = problem.location
    line = Path(where.path).read_text(encoding="utf-8").splitlines()[where.line - 1]
    assert line[where.column - 1:].startswith("victim_satisfaction.nothing"), (line, where)
