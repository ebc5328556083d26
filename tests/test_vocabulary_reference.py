"""The vocabulary reference (issue 16, point 2) is written from the vocabulary object itself:
docs/reference/vocabulary-hmic-crime.md is never stale, lists every kind and field with its
description (the report phrase it captures), and any vocabulary, declared as data too, gets
the same page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from judgment._apidoc._vocabulary import render_vocabulary, vocabulary_page_name
from judgment.evidence import load_vocabulary
from judgment.evidence.hmic_crime import VOCABULARY

PAGE = ROOT / "docs" / "reference" / vocabulary_page_name(VOCABULARY)
SCHOOLS = ROOT / "tests" / "data" / "vocabularies" / "schools.yaml"


def test_the_hmic_crime_page_is_not_stale() -> None:
    assert PAGE.is_file() and PAGE.read_text(encoding="utf-8") == render_vocabulary(VOCABULARY), \
        f"{PAGE.relative_to(ROOT)} is stale: run `python -m judgment._apidoc` and commit the page"


def test_every_kind_and_field_is_on_the_page_with_its_description() -> None:
    page = render_vocabulary(VOCABULARY)
    for kind, model in VOCABULARY.models.items():
        section = page.split(f"\n## `{kind}`\n", 1)[1].split("\n## ", 1)[0]
        for name in VOCABULARY.fields(kind):
            row = next(line for line in section.splitlines() if line.startswith(f"| `{name}` |"))
            description = model.model_fields[name].description
            if description:
                assert " ".join(description.split()) in row


def test_required_follows_the_model_not_a_hand_written_table() -> None:
    page = render_vocabulary(VOCABULARY)
    assert "| `coverage` | coverage ([scale](#scales)) | no |" in page  # optional since 2ab9277
    assert "| `months` | whole number, 1 to 240 | yes |" in page
    assert "| `national_good_practice` | yes or no | no (left out means `false`) | higher |" in page
    assert "`weak` < `mixed` < `good` < `strong` < `outstanding`" in page


def test_a_vocabulary_declared_as_data_gets_the_same_page() -> None:
    page = render_vocabulary(load_vocabulary(SCHOOLS))
    assert page.startswith("# The `schools` vocabulary: School inspection evidence\n")
    assert "| effectiveness | `inadequate` < `requires_improvement` < `good` < `outstanding` |" in page
    assert "| `rate` | [figure](../evidence.md#figures) | yes | higher | `national`, `previous_year` " \
           "| share of sessions attended |" in page
    assert "| `pupils` | whole number, 0 or more | no |" in page
    assert "| phase | `primary`, `secondary` |" in page


def test_the_command_checks_and_rewrites_a_vocabulary_page(tmp_path: Path) -> None:
    stale = tmp_path / "vocabulary.md"
    stale.write_text("old\n", encoding="utf-8")
    run = [sys.executable, "-m", "judgment._apidoc", "--vocabulary", str(SCHOOLS)]
    checked = subprocess.run([*run, "--check", str(stale)], capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and "stale" in checked.stderr
    assert subprocess.run([*run, str(stale)], check=False).returncode == 0
    assert stale.read_text(encoding="utf-8") == render_vocabulary(load_vocabulary(SCHOOLS))
    shipped = [sys.executable, "-m", "judgment._apidoc", "--check"]
    assert subprocess.run(shipped, cwd=ROOT, capture_output=True, check=False).returncode == 0


def test_every_hmic_crime_field_says_the_report_phrase_it_captures() -> None:
    undescribed = [f"{kind}.{name}" for kind, model in VOCABULARY.models.items()
                   for name in VOCABULARY.fields(kind) if not (model.model_fields[name].description or "").strip()]
    assert undescribed == []
