"""The why-not: one entry per neighbouring grade, however many criteria give it (issue 15, point 7)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import judgment
from judgment import Bundle
from judgment._render._html import render_html
from judgment._render._markdown import render_markdown
from judgment._render._text import render_text

HEADER = """\
rulebook: {id: words, title: Words, version: 1.0.0, valid_from: 2000-01-01, vocabulary: hmic-crime,
           framework: {title: t, citation: c}}
scale: [{id: good, label: Good}, {id: inadequate, label: Inadequate}]
polarities: [{id: plus, label: Plus, sense: positive}, {id: concern, label: Concern, sense: negative}]
questions: [{id: q, title: Q}]
overall: {title: O, method: worst}
"""


def _rulebook(tmp_path: Path) -> judgment.Rulebook:
    findings = [{"id": "worry", "question": "q", "polarity": "concern", "text": "t", "cite": "c",
                 "when": "victim_satisfaction.rate.value > 1"}]
    criteria = [{"id": "many-concerns", "grade": "inadequate", "when": "count(concern) >= 2"},
                {"id": "no-plus", "grade": "inadequate", "when": "any(concern) and count(plus) >= 1"},
                {"id": "otherwise", "grade": "good", "otherwise": True}]
    (tmp_path / "rulebook.yaml").write_text(HEADER, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(json.dumps({"findings": findings, "grading": [
        {"questions": ["q"], "criteria": criteria}]}), encoding="utf-8")
    return judgment.load_rulebook(tmp_path)


def test_two_criteria_of_one_grade_make_one_why_not_entry(tmp_path: Path, derbyshire: Bundle) -> None:
    result = judgment.judge(_rulebook(tmp_path), derbyshire)
    stream = io.StringIO()
    render_text(result, stream, explain="full")
    text = stream.getvalue()
    assert text.count("not Inadequate") == 1, text
    entry = next(line for line in text.splitlines() if "not Inadequate" in line)
    assert "count(concern) >= 2" in entry and "any(concern) and count(plus) >= 1" in entry, entry
    assert render_markdown(result, "full").count("not Inadequate") == 1
    assert render_html(result, "full").count("not Inadequate") == 1
