"""Broken rulebooks are refused whole, each problem located by file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import judgment
from conftest import RULES

Edit = tuple[str, str, str]  # file, old text, new text


def broken(tmp_path: Path, *edits: Edit) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(RULES, root)
    for name, old, new in edits:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def where(root: Path, name: str, needle: str) -> int:
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    # The last match: a duplicate is reported where it is defined the second time. A needle
    # written "^text" is the first match: grading.yaml repeats its criteria in each question's block.
    first, needle = needle.startswith("^"), needle.removeprefix("^")
    return [number for number, line in enumerate(lines, 1) if needle in line][0 if first else -1]


CASES: list[tuple[str, Edit, str, str, int]] = [
    # id, edit, code, needle to find the line, column
    ("yaml-syntax", ("grading.yaml", "grade: inadequate", "grade: inadequate: ["), "YAML_SYNTAX", "^grade: inadequate: [", 26),
    ("unknown-key", ("grading.yaml", "grade: inadequate", "grade: inadequate\n        wehn: x"), "UNKNOWN_KEY",
     "wehn: x", 9),
    ("missing-text", ("findings/tackling-asb.yaml", "    text: Neighbourhood policing has been eroded.\n", ""),
     "MISSING_KEY", "id: neighbourhood_policing_eroded", 5),
    ("expression-syntax", ("findings/tackling-asb.yaml", "when: neighbourhood_policing.commitment == 'weak'",
                           "when: neighbourhood_policing.commitment = 'weak'"), "EXPR_SYNTAX",
     "commitment = 'weak'", 45),
    ("unknown-member", ("findings/tackling-asb.yaml", "when: neighbourhood_policing.commitment == 'weak'",
                        "when: neighbourhood_policing.commitment == 'weakk'"), "TYPE_MISMATCH",
     "commitment == 'weakk'", 48),
    ("duplicate-finding", ("findings/tackling-asb.yaml", "id: asb_partnership_weak", "id: asb_partnership_strong"),
     "DUPLICATE_ID", "id: asb_partnership_strong", 9),
    ("unknown-finding", ("recommendations.yaml", "finding(domestic_abuse_no_progress)",
                         "finding(domestic_abuse_no_progres)"), "UNKNOWN_REFERENCE", "no_progres)", 19),
    ("unknown-grade", ("grading.yaml", "grade: outstanding", "grade: excellent"), "UNKNOWN_REFERENCE",
     "grade: excellent", 16),
    ("otherwise-not-last", ("grading.yaml", "grade: inadequate\n        when: >-\n          count(cause_of_concern) >= 1 and count(strength) == 0\n"
                            "          and count(notable_practice) == 0",
                            "grade: inadequate\n        otherwise: true"), "BAD_VALUE",
     "^- id: significantly-lower", 9),
    ("template-unbound", ("findings/tackling-asb.yaml", "text: Neighbourhood policing has been eroded.",
                          "text: Neighbourhood policing is {vulnerability.identification}."), "UNKNOWN_REFERENCE",
     "Neighbourhood policing is {", 38),
    ("deadline", ("recommendations.yaml", "deadline: within six months", "deadline: by Christmas"), "BAD_VALUE",
     "deadline: by Christmas", 15),
    ("folded-block-condition", ("findings/reducing-crime.yaml", "and strategic_assessment.joint_with_partners ==",
                                "and strategic_assessment.joint_with_partner =="), "UNKNOWN_FIELD",
     "joint_with_partner ==", 11),
    ("reserved-word-id", ("findings/tackling-asb.yaml", "id: asb_learning_shared", "id: within"), "BAD_VALUE",
     "id: within", 9),
    ("cycle", ("findings/tackling-asb.yaml", "and finding(asb_partnership_strong)",
               "and finding(asb_engagement_exemplary)"), "CYCLE", "id: asb_engagement_exemplary", 9),
]


@pytest.mark.parametrize(("edit", "code", "needle", "column"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_mistake_is_located(tmp_path: Path, edit: Edit, code: str, needle: str, column: int) -> None:
    root = broken(tmp_path, edit)
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(root)
    found = [(d.code, Path(d.location.path).name, d.location.line, d.location.column)
             for d in caught.value.diagnostics]
    expected = (code, Path(edit[0]).name, where(root, edit[0], needle), column)
    assert expected in found, caught.value.render()


def test_all_problems_are_reported_sorted_by_place(tmp_path: Path) -> None:
    root = broken(tmp_path,
                  ("findings/tackling-asb.yaml", "polarity: cause_of_concern", "polarity: cause_of_concen"),
                  ("findings/reducing-crime.yaml", "victim_satisfaction.rate is above national",
                   "victim_satisfaction.rat is above national"))
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(root)
    codes = [d.code for d in caught.value.diagnostics]
    assert codes == ["UNKNOWN_FIELD", "UNKNOWN_REFERENCE"]
    keys = [d.sort_key() for d in caught.value.diagnostics]
    assert keys == sorted(keys)


def test_rendering_shows_the_source_line_and_a_caret(tmp_path: Path) -> None:
    root = broken(tmp_path, ("findings/reducing-crime.yaml", "victim_satisfaction.rate is above national",
                             "victim_satisfaction.rate is above nationl"))
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(root)
    rendered = caught.value.render().splitlines()
    assert rendered[0].endswith("error: UNKNOWN_COMPARATOR the figure has no comparator 'nationl'")
    assert rendered[1] == "        when: victim_satisfaction.rate is above nationl"
    assert rendered[2] == "    " + " " * 44 + "^"
    assert rendered[3] == "  hint: did you mean 'national'?"


def test_aliases_are_refused(tmp_path: Path) -> None:
    root = broken(tmp_path, ("grading.yaml", "questions: [reducing_crime]",
                             "questions: &qs [reducing_crime]\n"
                             "    extra: *qs"))
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(root)
    assert "YAML_ALIAS" in {d.code for d in caught.value.diagnostics}


def test_missing_folder_is_an_input_file_error(tmp_path: Path) -> None:
    with pytest.raises(judgment.InputFileError) as caught:
        judgment.load_rulebook(tmp_path / "nowhere")
    assert caught.value.diagnostics[0].code == "FILE_NOT_FOUND"


def test_a_null_key_is_an_unknown_key_not_a_crash(tmp_path: Path) -> None:
    """Found by the mutation fuzz: a mapping key written as nothing (`: `) is YAML null."""
    root = broken(tmp_path, ("findings/tackling-asb.yaml", "findings:", ": \nfindings:"))
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(root)
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == ("UNKNOWN_KEY", 3, 1)
