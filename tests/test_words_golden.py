"""Golden outputs of putting a judgment into words (issue 21, point 2): not a byte may change.

The Derbyshire judgment's JSON, its text, markdown and HTML renderings (each way of explaining)
and its decision record are stored whole; for 2,000 generated bundles (fixed seed) one SHA-256
over their judgments' JSON. Written once from the code before the words were made faster;
``JUDGMENT_GOLDEN_WRITE=1`` writes them again (only when an output is meant to change)."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

import judgment
from judgment import Bundle, Rulebook
from judgment._compiled import explain, run
from judgment._records._record import build_record, render_record
from judgment._render._html import render_html
from judgment._render._markdown import render_markdown
from judgment._render._text import render_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "golden"
WRITE = os.environ.get("JUDGMENT_GOLDEN_WRITE") == "1"
GENERATED, SEED = 2_000, 21


def same_as_stored(name: str, made: str) -> None:
    path = GOLDEN / name
    if WRITE:
        path.write_text(made, encoding="utf-8")
    assert made == path.read_text(encoding="utf-8"), f"{name} changed"


@pytest.fixture(scope="module")
def rulebook() -> Rulebook:
    """Read by a path relative to the checkout, so every output cites rules/... wherever it is (the text
    renderings wrap and cut long lines: an absolute path would move them)."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return judgment.load_rulebook("rules/hmic-crime-2014")
    finally:
        os.chdir(here)


def judged(rulebook: Rulebook, bundle: Bundle) -> judgment.Judgment:
    return explain(run(rulebook, bundle), "compiled", "not made")


def text_of(result: judgment.Judgment, how: str) -> str:
    stream = io.StringIO()
    render_text(result, stream, how, color=False)  # type: ignore[arg-type]
    return stream.getvalue()


def test_the_derbyshire_judgment_json_is_unchanged(rulebook: Rulebook, derbyshire: Bundle) -> None:
    same_as_stored("derbyshire.json", judged(rulebook, derbyshire).to_json())


@pytest.mark.parametrize("how", ["full", "fails", "none"])
def test_the_derbyshire_renderings_are_unchanged(rulebook: Rulebook, derbyshire: Bundle, how: str) -> None:
    result = judged(rulebook, derbyshire)
    same_as_stored(f"derbyshire-{how}.txt", text_of(result, how))
    same_as_stored(f"derbyshire-{how}.md", render_markdown(result, how))  # type: ignore[arg-type]
    same_as_stored(f"derbyshire-{how}.html", render_html(result, how))  # type: ignore[arg-type]


def test_the_derbyshire_decision_record_is_unchanged(rulebook: Rulebook, derbyshire: Bundle) -> None:
    record = build_record(judged(rulebook, derbyshire), rulebook, derbyshire, timestamp="2026-01-01T00:00:00+00:00")
    record["versions"] = {}  # what made it varies with the Python running the test, not with the words
    record["rulebook"]["path"] = "rules/hmic-crime-2014"
    record.pop("seal")
    same_as_stored("derbyshire-record.json", render_record(record))


def test_the_judgments_of_generated_bundles_are_unchanged() -> None:
    """In a fresh interpreter, as the bench draws them: inside pytest, what other test modules set up
    for Hypothesis changes which bundles a seed draws."""
    made = subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, capture_output=True, text=True, check=True)
    same_as_stored("generated-2000.sha256", made.stdout)


DIGEST = f"""
import hashlib
import judgment
from bench._common import generate_bundles
from judgment._compiled import explain, run
rulebook = judgment.load_rulebook("rules/hmic-crime-2014")  # relative: outputs cite rules/..., wherever the checkout is
digest = hashlib.sha256()
for bundle in generate_bundles(rulebook, {GENERATED}, random_seed={SEED}):
    digest.update(explain(run(rulebook, bundle), "compiled", "not made").to_json().encode())
print(digest.hexdigest())
"""
