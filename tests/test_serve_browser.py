"""The workbench as a person uses it (issue 17, point 4): Debian's chromium driven by Playwright.

The server runs under uvicorn on a free loopback port in a thread of the test (started and stopped
by the fixture); the browser is /usr/bin/chromium (Playwright's own browser download is never
used). Screenshots before and after the edit are written under the test's folder, and their
paths printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Browser, Page, expect, sync_playwright

import judgment
from conftest import ROOT
from judgment._cli._app import cli
from judgment._serve._run import Running

RULES = ROOT / "rules" / "hmic-crime-2014"
BUNDLE = ROOT / "examples" / "derbyshire-2014.yaml"
CHROMIUM = "/usr/bin/chromium"
LEVEL = 'select[data-record="evaluation-crime-prevention"][data-path="level"]'


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


@pytest.fixture
def workbench() -> Iterator[Running]:
    rulebook = judgment.load_rulebook(RULES)
    with Running(rulebook, judgment.load_bundle(BUNDLE, rulebook.vocabulary)) as running:
        yield running


@pytest.fixture
def page(browser: Browser, workbench: Running) -> Iterator[Page]:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.goto(workbench.url)
    yield opened
    context.close()


def why_not(page: Page, question: str) -> str:
    return page.locator(f'.why-not[data-question="{question}"]').inner_text()


def test_raising_evaluation_makes_reducing_crime_outstanding(page: Page, tmp_path: Path) -> None:
    grade = page.locator("#reducing_crime .grade")
    expect(grade).to_have_text("Good")
    expect(page.locator('.counterfactual[data-question="reducing_crime"]')).to_contain_text(
        "evaluation-crime-prevention.level=developing", timeout=30_000)
    before_why_not = why_not(page, "reducing_crime")
    assert "Outstanding" in before_why_not
    before = tmp_path / "workbench-before.png"
    page.screenshot(path=str(before), full_page=True)

    page.select_option(LEVEL, "developing")
    expect(grade).to_have_text("Outstanding")
    expect(page.locator("#reducing_crime .grade")).to_have_class(re.compile(r"\boutstanding\b"))
    assert why_not(page, "reducing_crime") != before_why_not
    expect(page.locator("#changes")).to_contain_text("evaluation-crime-prevention.level = developing")
    expect(page.locator("#changes")).to_contain_text("Good \u2192 Outstanding (up)")
    expect(page.locator("#changes")).to_contain_text("evaluation_limited")  # the what-if's finding lost
    counterfactual = page.locator('.counterfactual[data-question="reducing_crime"] h3')
    expect(counterfactual).to_contain_text("Outstanding", timeout=30_000)  # searched again for the edit
    after = tmp_path / "workbench-after.png"
    page.screenshot(path=str(after), full_page=True)
    print(f"screenshots: {before} {after}")

    with page.expect_download() as download:
        page.click("#download-bundle")
    edited = tmp_path / "edited-bundle.yaml"
    download.value.save_as(edited)
    checked = CliRunner().invoke(cli, ["check", str(RULES), str(edited)])
    assert checked.exit_code == 0, checked.output
    ran = CliRunner().invoke(cli, ["run", str(edited), "--rules", str(RULES), "--explain", "none"])
    assert re.search(r"Outstanding", ran.output), ran.output


def test_a_bad_value_is_shown_beside_its_field_and_judges_nothing(page: Page, tmp_path: Path) -> None:
    margin = page.locator('input[data-record="victim-satisfaction"][data-path="rate.margin"]')
    judged = page.locator("#judgment").inner_html()
    margin.fill("-1")
    margin.dispatch_event("change")
    message = page.locator('.field-error[data-record="victim-satisfaction"][data-path="rate.margin"]')
    expect(message).to_contain_text("greater than or equal to 0")
    expect(page.locator("#status")).to_contain_text("not judged")
    assert page.locator("#judgment").inner_html() == judged
    page.screenshot(path=str(tmp_path / "workbench-bad-edit.png"), full_page=True)
    print(f"screenshot: {tmp_path / 'workbench-bad-edit.png'}")


def test_undo_puts_the_grade_back(page: Page) -> None:
    page.select_option(LEVEL, "developing")
    expect(page.locator("#reducing_crime .grade")).to_have_text("Outstanding")
    page.click("#undo")
    expect(page.locator("#reducing_crime .grade")).to_have_text("Good")
    expect(page.locator(LEVEL)).to_have_value("limited")
