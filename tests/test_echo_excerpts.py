"""What messages echo of rule files, test cases and records (issue 12, point 9, the echo half).

A value read from data is echoed as a short excerpt (``excerpt``), never whole: a rule file, a test
case or a record that is not what it should be (a copy of /etc/passwd, a 5,000-character name) is not
printed whole. A diagnostic's source line is shown with control characters replaced one for one, so
a line holding ``ESC [2J`` never reaches the terminal raw and the caret stays under its column.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import judgment
from conftest import ROOT, RULES
from judgment._cases import load_cases, run_case
from judgment._diagnostics import Diagnostic, Location

PASSWD = "".join(f"user{i}:x:{i}:{i}::/home/user{i}:/bin/sh " for i in range(150))  # 5,000+ characters
PLACEHOLDER = " ".join(f"user{i}" for i in range(150))  # a placeholder that is no name
RAW = ("\x1b", "\x07", "\x9b", "\x7f", "\u202e", "\u2066", "\u2028")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    rules = tmp_path / "tiny"
    shutil.copytree(ROOT / "examples" / "rulebooks" / "tiny", rules)
    return rules


def refused(rules: Path) -> judgment.RuleFileError:
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(rules)
    return caught.value


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_short(rendered: str) -> None:
    assert "user149" not in rendered and len(rendered) < 1_500, rendered[:2_000]


def test_a_long_placeholder_in_a_finding_text_is_echoed_as_an_excerpt(tiny: Path) -> None:
    edit(tiny / "findings.yaml", "text: Victim satisfaction of {victim_satisfaction.rate} is below the minimum of 80%.",
         f'text: "{{{PLACEHOLDER}}}"')
    error = refused(tiny)
    assert [d.code for d in error.diagnostics] == ["EXPR_SYNTAX"]
    assert "characters)" in error.diagnostics[0].message
    assert "user149" not in error.render() and len(error.render()) < 1_000, error.render()


def test_a_long_unbound_placeholder_is_echoed_as_an_excerpt(tiny: Path) -> None:
    path = "x" + ".y" * 900
    edit(tiny / "findings.yaml", "text: Victim satisfaction of {victim_satisfaction.rate} is below the minimum of 80%.",
         f"text: Victim satisfaction of {{{path}}}.")
    error = refused(tiny)
    assert error.diagnostics and all(len(d.message) < 300 for d in error.diagnostics), error.render()[:2_000]


def test_a_deadline_is_echoed_as_an_excerpt(tiny: Path) -> None:
    edit(tiny / "recommendations.yaml", "deadline: within six months", "deadline: " + "soon " * 20)
    [diagnostic] = refused(tiny).diagnostics
    assert "(99 characters)" in diagnostic.message and len(diagnostic.message) < 120, diagnostic.message


def test_a_long_version_is_not_printed_whole_by_check_or_not_in_force(tiny: Path) -> None:
    version = "1.0.0-" + "a" * 5_000
    edit(tiny / "rulebook.yaml", "version: 0.1.0", f"version: {version}")
    rulebook = judgment.load_rulebook(tiny)
    bundle = judgment.load_bundle(ROOT / "examples" / "derbyshire-2014.yaml")
    late = bundle.to_data()
    late["inspection"]["date"] = "2013-01-01"
    with pytest.raises(judgment.JudgmentError) as caught:
        judgment.judge(rulebook, judgment.bundle_from_data(late))
    assert [d.code for d in caught.value.diagnostics] == ["NOT_IN_FORCE"]
    assert "a" * 100 not in caught.value.render()
    from click.testing import CliRunner

    from judgment._cli._app import cli
    printed = CliRunner().invoke(cli, ["check", str(tiny)]).output
    assert "aaaa" in printed and "a" * 100 not in printed, printed[:500]


def test_a_test_case_echoes_what_it_expected_as_an_excerpt(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    cases = rules / "tests" / "derbyshire-variants.yaml"
    edit(cases, "grades: {reducing_crime: good,", f"grades: {{reducing_crime: '{PASSWD}',")
    edit(cases, "- name: Derbyshire 2014 as published", "- name: \"as published \\e[2J\"")
    path, case, bundle = load_cases(rules)[0]
    outcome = run_case(judgment.load_rulebook(rules), path, case, bundle)
    assert outcome.problems and all(len(p) < 200 for p in outcome.problems), outcome.problems
    from click.testing import CliRunner

    from judgment._cli._app import cli
    printed = CliRunner().invoke(cli, ["test", str(rules)], color=True).output  # color: no ANSI stripping
    assert "as published" in printed and not any(c in printed for c in RAW), printed[:500]
    # One line per case and the agreement table: the file is never echoed whole on any line.
    assert "user149" not in printed and max(map(len, printed.splitlines())) < 300, printed[:2_000]


def test_a_source_line_is_shown_without_control_characters_and_the_caret_stays() -> None:
    line = "quote: \"a\x1b[2J b\x1b]0;title\x07 c\x9b2J \x7f\u202e\u2066\u2028 d\" # tab\there"
    column = line.index(" d") + 2
    rendered = Diagnostic("BAD_VALUE", "m", Location("x.yaml", 3, column), source_line=line).render()
    _, shown, caret = rendered.split("\n")
    assert not any(c in rendered for c in RAW), repr(rendered)
    assert shown[4:].count("\ufffd") == 8
    assert shown[caret.index("^")] == "d"


def test_a_rule_file_line_with_an_escape_sequence_is_not_shown_raw(tiny: Path) -> None:
    (tiny / "findings.yaml").write_text("findings: []  # \x1b[2J\x1b]0;owned\x07\n", encoding="utf-8")
    rendered = refused(tiny).render()
    assert "findings: []" in rendered and not any(c in rendered for c in RAW), repr(rendered)
