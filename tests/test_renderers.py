"""Renderers read the same judgment: text, Markdown, and a self-contained HTML report that a
real browser renders with the grades and reasons visible and the derivation expandable."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DERBYSHIRE, RULES

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--no-first-run", "--disable-component-update", "--disable-sync"]


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed for this test: scripts/test and .ci/run install it (apt-get install {name})"
    return found


@pytest.fixture(scope="module")
def html_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "derbyshire.html"
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--format", "html")
    assert result.returncode == 0, result.stderr
    path.write_text(result.stdout, encoding="utf-8")
    return path


def chromium(report: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = report.parent / "profile"
    return subprocess.run([tool("chromium"), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args,
                           report.as_uri()], capture_output=True, text=True, timeout=120, check=False)


def test_the_html_report_is_self_contained(html_report: Path) -> None:
    html = html_report.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert html.count("<details>") == 3


def test_a_browser_shows_grades_reasons_and_recommendations(html_report: Path) -> None:
    pdf = html_report.with_suffix(".pdf")
    printed = chromium(html_report, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert pdf.is_file(), printed.stderr
    visible = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(visible.split())
    for title in ("How effective is the force at reducing crime and preventing offending? Good",
                  "How effective is the force at investigating offending? Good",
                  "How effective is the force at tackling anti-social behaviour? Good"):
        assert title in flat, title
    assert "Area for improvement: The force's ability to measure the impact of its activities is limited." in flat
    assert "Within six months, the force should ensure that there are methods in place" in flat
    assert "How this grade was reached" in flat
    assert "would need" not in flat, "the derivation is folded away until the reader opens it"


def test_the_rendered_page_holds_the_derivation_to_expand(html_report: Path) -> None:
    dom = chromium(html_report, "--dump-dom").stdout
    assert "<details><summary>How this grade was reached</summary>" in dom
    assert "not Outstanding: it would need any(notable_practice) and count(cause_of_concern) == 0" in dom
    assert ("count(area_for_improvement) &lt;= 1 does not hold: 2 against 1 (area for improvement: "
            "crime_rising_last_year, evaluation_limited") in dom


def test_markdown_carries_grades_findings_quotes_and_why_not() -> None:
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--format", "markdown")
    assert result.returncode == 0
    text = result.stdout
    assert text.count("\n**Good**\n") == 3
    assert "- **Area for improvement:** The force's ability to measure the impact of its activities is limited." in text
    assert "- not Outstanding: it would need" in text
    assert "\u201cHMIC found that the constabulary" in text


@pytest.mark.parametrize(("explain", "present", "absent"), [
    ("none", ["Area for improvement:"], ["evidence ", "decided:", "not Outstanding"]),
    ("fails", ["evidence evaluation-crime-prevention", "not Outstanding: it would need"], ["(holds)"]),
    ("full", ["victim_satisfaction.rate is above national: 88.0% (86.6–89.4) is above 85.0% (84.8–85.2) (holds)",
              "cites: \u201c"], []),
])
def test_explain_levels_in_text(explain: str, present: list[str], absent: list[str]) -> None:
    result = cli("run", DERBYSHIRE, "--rules", RULES, "--explain", explain)
    assert result.returncode == 0
    for text in present:
        assert text in result.stdout, text
    for text in absent:
        assert text not in result.stdout, text


def test_explain_one_question_in_full() -> None:
    result = cli("explain", DERBYSHIRE, "--rules", RULES, "--question", "tackling_asb")
    assert result.returncode == 0
    assert "3. How effective is the force at tackling anti-social behaviour?  Good" in result.stdout
    assert "1. How effective" not in result.stdout
    assert "neighbourhood_policing.asb_recording <= 'mixed': weak against mixed (holds)" in result.stdout
    wrong = cli("explain", DERBYSHIRE, "--rules", RULES, "--question", "tackling")
    assert wrong.returncode == 2 and "did you mean 'tackling_asb'" in wrong.stderr


def test_text_uses_colour_in_a_terminal_only() -> None:
    from io import StringIO

    import judgment
    from judgment._render._text import render_text

    result = judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))
    plain, coloured = StringIO(), StringIO()
    render_text(result, plain)
    render_text(result, coloured, color=True)
    assert "\x1b[" not in plain.getvalue() and "\x1b[" in coloured.getvalue()
