"""`--explain` explains the overall grade when the rulebook's overall criteria decide it, as it explains
a question's: the decision, and with `full` its checks (a tutorial writer's rough edge: the record had
`overall.decided_by`, the text, Markdown and HTML did not)."""

from __future__ import annotations

import html
import io

import pytest

import judgment
from conftest import ROOT, vary
from judgment._render._html import render_html
from judgment._render._markdown import render_markdown
from judgment._render._text import render_text

CARE_HOMES = ROOT / "examples" / "rulebooks" / "care-homes"
DECISION = ("Requires improvement because count_grades(inadequate) >= 1 or count_grades(requires_improvement) >= 2 "
            "(criterion shortfalls,")
CHECK = "count_grades(inadequate) >= 1: 1 against 1 (holds)"


@pytest.fixture(scope="module")
def result() -> judgment.Judgment:
    rulebook = judgment.load_rulebook(CARE_HOMES)
    bundle = judgment.load_bundle(CARE_HOMES / "tests" / "bundles" / "riverside-house.yaml", rulebook.vocabulary)
    judged = judgment.judge(rulebook, vary(bundle, "leadership", registered_manager=False))
    assert judged.overall.grade == "requires_improvement" and judged.overall.decided_by is not None
    return judged


def _text(result: judgment.Judgment, explain: str) -> str:
    stream = io.StringIO()
    render_text(result, stream, explain=explain)  # type: ignore[arg-type]
    return stream.getvalue()


def test_text_explains_the_overall_decision_and_its_checks(result: judgment.Judgment) -> None:
    overall_part = _text(result, "full").split("\n1. ")[0]
    assert f"decided: {DECISION}" in overall_part, overall_part
    assert CHECK in overall_part, overall_part
    assert "decided:" not in _text(result, "none").split("\n1. ")[0]


def test_markdown_and_html_explain_the_overall_decision(result: judgment.Judgment) -> None:
    markdown = render_markdown(result, "full").split("\n## Is the home safe?")[0]
    unescaped = markdown.replace("\\", "").replace("&gt;", ">")  # Markdown escapes _ and >
    assert f"Decided: {DECISION}" in unescaped and f"- `{CHECK}`" in markdown, markdown
    page = render_html(result, "full").split('<section class="question"')[0]
    assert DECISION in html.unescape(page) and CHECK in html.unescape(page), page
