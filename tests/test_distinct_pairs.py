"""Distinct pairs (issue 15, point 6): `unordered: [a, b]` beside `given` binds each pair of
different records once, `a` before `b` in record-id order, in both engines, live, in explanations
and in words; `given` alone still tries every ordered pair. Misuse is a located error."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

import judgment
from judgment import Bundle
from judgment._compiled import compiled_findings
from judgment._engine import engine_for
from minimal_rulebook import minimal_rulebook_yaml

HEADER = minimal_rulebook_yaml("pairs")
WHEN = "a.rate.value >= 0 and b.rate.value >= 0"
GRADING = [{"questions": ["q"], "criteria": [{"grade": "good", "when": "count(plus) >= 2"},
                                             {"grade": "inadequate", "otherwise": True}]}]


def pair_rule(**extra: object) -> dict[str, object]:
    rule: dict[str, object] = {"id": "two_rates", "question": "q", "polarity": "plus", "cite": "c",
                               "given": {"a": "crime_rate", "b": "crime_rate"}, "when": WHEN,
                               "text": "{a.category} and {b.category}"}
    rule.update(extra)
    return rule


def load(tmp_path: Path, *findings: dict[str, object]) -> judgment.Rulebook:
    (tmp_path / "rulebook.yaml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(json.dumps({"findings": list(findings), "grading": GRADING}),
                                         encoding="utf-8")
    return judgment.load_rulebook(tmp_path)


def rate_ids(bundle: Bundle) -> list[str]:
    return sorted(r.id for r in bundle.records if r.kind == "crime_rate")


def durable_findings(rulebook: judgment.Rulebook, bundle: Bundle) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    session = engine_for(rulebook).open()
    try:
        session.add(bundle.records)
        return session.findings()
    finally:
        session.close()


def test_given_alone_still_tries_every_ordered_pair(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = load(tmp_path, pair_rule())
    ids = rate_ids(derbyshire)
    expected = {("two_rates", (("a", x), ("b", y))) for x, y in itertools.permutations(ids, 2)}
    assert compiled_findings(rulebook, derbyshire) == expected
    assert durable_findings(rulebook, derbyshire) == expected
    assert len(judgment.judge(rulebook, derbyshire).question("q").findings) == len(ids) * (len(ids) - 1)


def test_unordered_binds_each_pair_once_in_id_order_in_both_engines(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = load(tmp_path, pair_rule(unordered=["a", "b"]))
    ids = rate_ids(derbyshire)
    expected = {("two_rates", (("a", x), ("b", y))) for x, y in itertools.combinations(ids, 2)}
    assert compiled_findings(rulebook, derbyshire) == expected
    assert durable_findings(rulebook, derbyshire) == expected


def test_a_judgment_lists_and_prints_each_pair_once(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = load(tmp_path, pair_rule(unordered=["a", "b"]))
    findings = judgment.judge(rulebook, derbyshire).question("q").findings
    pairs = [(f.bindings["a"], f.bindings["b"]) for f in findings]
    assert pairs == sorted(itertools.combinations(rate_ids(derbyshire), 2))
    assert all(f.evidence == (f.bindings["a"], f.bindings["b"]) for f in findings)
    texts = [f.text for f in findings]
    assert len(set(texts)) == len(texts)


def test_the_order_records_arrive_in_does_not_matter(tmp_path: Path, derbyshire: Bundle) -> None:
    from judgment._api import judge_in_order

    rulebook = load(tmp_path, pair_rule(unordered=["a", "b"]))
    forward = judgment.judge(rulebook, derbyshire).outcome()
    backward = judge_in_order(rulebook, derbyshire, list(reversed(derbyshire.records))).outcome()
    assert backward == forward


def test_retracting_one_record_of_a_pair_retracts_its_finding_live(tmp_path: Path, derbyshire: Bundle) -> None:
    rulebook = load(tmp_path, pair_rule(unordered=["a", "b"]))
    first, second, third = rate_ids(derbyshire)[:3]
    with judgment.open_session(rulebook, derbyshire.inspection, any_date=True) as live:
        live.add(*(derbyshire.record(i) for i in (third, first, second)))
        made = {(f.bindings["a"], f.bindings["b"]) for f in live.judgment().question("q").findings}
        assert made == {(first, second), (first, third), (second, third)}
        live.retract(first)
        (left,) = live.judgment().question("q").findings
        assert (left.bindings["a"], left.bindings["b"]) == (second, third)


def test_the_printed_judgment_shows_each_pair_once(tmp_path: Path, derbyshire: Bundle) -> None:
    """`run --explain full` prints a pair's finding once, its checks naming `a` then `b` in id order."""
    import io

    from judgment._render._text import render_text

    rulebook = load(tmp_path, pair_rule(unordered=["a", "b"], text="pair: {a.category} / {b.category}"))
    out = io.StringIO()
    render_text(judgment.judge(rulebook, derbyshire), out, explain="full", color=False)
    printed = [line.strip() for line in out.getvalue().splitlines() if "pair:" in line]
    ids = rate_ids(derbyshire)
    assert len(printed) == len(set(printed)) == len(ids) * (len(ids) - 1) // 2, printed


@pytest.mark.parametrize(("unordered", "given", "code", "words"), [
    (["a"], None, "BAD_VALUE", "at least two"),
    (["a", "a"], None, "DUPLICATE_ID", "'a'"),
    (["a", "c"], None, "UNKNOWN_REFERENCE", "'c'"),
    (["a", "b"], {"a": "crime_rate", "b": "crime_change"}, "TYPE_MISMATCH", "crime_change"),
    ([], None, "BAD_VALUE", "at least two"),
])
def test_misuse_is_a_located_error(tmp_path: Path, unordered: list[str], given: dict[str, str] | None,
                                   code: str, words: str) -> None:
    extra: dict[str, object] = {"unordered": unordered}
    if given is not None:
        extra["given"] = given
        extra["when"] = "a.rate.value > 1 and b.months > 1"
        extra["text"] = "t"
    with pytest.raises(judgment.JudgmentError) as caught:
        load(tmp_path, pair_rule(**extra))
    (problem,) = caught.value.diagnostics
    assert problem.code == code and words in problem.message, problem
    assert problem.location.line >= 1 and problem.hint
    if code == "DUPLICATE_ID":
        assert problem.hint.startswith("first listed at ") and "rules.yaml:" in problem.hint, problem.hint


def test_unordered_without_given_is_a_located_error(tmp_path: Path) -> None:
    rule = pair_rule(unordered=["crime_rate", "crime_rate"])
    del rule["given"]
    rule["when"], rule["text"] = "crime_rate.rate.value > 1", "t"
    with pytest.raises(judgment.JudgmentError) as caught:
        load(tmp_path, rule)
    codes = {p.code for p in caught.value.diagnostics}
    assert codes <= {"UNKNOWN_REFERENCE", "DUPLICATE_ID"} and codes, caught.value.diagnostics


def test_an_unordered_name_the_condition_never_tests_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(judgment.JudgmentError) as caught:
        load(tmp_path, pair_rule(unordered=["a", "b"], when="a.rate.value >= 0", text="t"))
    (problem,) = caught.value.diagnostics
    assert problem.code == "UNKNOWN_REFERENCE" and "'b'" in problem.message and problem.hint, problem


VOCABULARY = """\
vocabulary: {id: practices, title: Practices}
kinds:
  innovative_practice:
    description: A practice the school introduced.
    fields:
      name: {type: text, min_length: 1, max_length: 100}
      evaluated: {type: bool, better: higher}
"""
RULEBOOK = """\
rulebook: {id: practices-2025, title: Practices, version: 1.0.0, valid_from: 2000-01-01, vocabulary: practices,
           vocabulary_file: vocabulary.yaml, framework: {title: t, citation: c}}
scale: [{id: good, label: Good}, {id: adequate, label: Adequate}]
polarities: [{id: strength, label: Strength, sense: positive}]
questions: [{id: leadership, title: Leadership}]
overall: {title: O, method: worst}
"""


def documented_rule() -> str:
    """The YAML block of docs/rule-files.md's 'Each pair once' worked example."""
    from conftest import ROOT

    page = (ROOT / "docs" / "rule-files.md").read_text(encoding="utf-8")
    section = page[page.index("#### Each pair once"):]
    start = section.index("```yaml\n") + len("```yaml\n")
    return section[start:section.index("\n```", start)]


def test_the_documented_example_makes_three_findings_from_three_practices(tmp_path: Path) -> None:
    (tmp_path / "vocabulary.yaml").write_text(VOCABULARY, encoding="utf-8")
    (tmp_path / "rulebook.yaml").write_text(RULEBOOK, encoding="utf-8")
    grading = ("grading:\n  - questions: [leadership]\n    criteria:\n"
               "      - {grade: good, when: finding(two_innovative_practices)}\n"
               "      - {grade: adequate, otherwise: true}\n")
    (tmp_path / "rules.yaml").write_text("findings:\n" + documented_rule() + "\n" + grading, encoding="utf-8")
    rulebook = judgment.load_rulebook(tmp_path)
    records = [{"id": f"practice-{x}", "kind": "innovative_practice", "name": f"Practice {x.upper()}",
                "evaluated": True, "provenance": {"document": "d", "section": "s", "quote": "q", "collector": "c"}} for x in "cab"]
    (tmp_path / "bundle.json").write_text(json.dumps({
        "vocabulary": "practices", "records": records,
        "inspection": {"organisation": "A School", "title": "t", "framework": "practices-2025",
                       "period": {"start": "2024-01-01", "end": "2024-12-31"}, "date": "2025-01-10"}}),
        encoding="utf-8")
    bundle = judgment.load_bundle(tmp_path / "bundle.json", vocabulary=rulebook.vocabulary)
    result = judgment.judge(rulebook, bundle)
    assert result.question("leadership").grade == "good"
    assert [(f.bindings["first"], f.bindings["second"]) for f in result.question("leadership").findings] == [
        ("practice-a", "practice-b"), ("practice-a", "practice-c"), ("practice-b", "practice-c")]
    assert result.question("leadership").findings[0].text == (
        "The school has more than one evaluated innovative practice: Practice A and Practice B.")
