"""The shipped rulebook and example bundle are reachable without naming their files (issue 20, point 3):
`judgment.examples` gives their paths, `judgment run --example NAME` judges them. From a checkout
(an editable install) the paths are the checkout's own files; tests/test_wheel.py checks an installed wheel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import judgment
import judgment.examples as examples
from conftest import DERBYSHIRE, ROOT, RULES
from judgment._cli._app import cli


def test_the_names_and_paths_of_the_shipped_files() -> None:
    assert examples.names() == ("derbyshire-2014",)
    bundle, rules = examples.bundle_path("derbyshire-2014"), examples.rulebook_path("hmic-crime-2014")
    assert examples.rulebook_path("derbyshire-2014") == rules
    assert bundle.read_bytes() == DERBYSHIRE.read_bytes()
    assert judgment.load_rulebook(rules).sha256 == judgment.load_rulebook(RULES).sha256
    if Path(judgment.__file__).is_relative_to(ROOT):  # an editable install: the checkout's own files
        assert (bundle, rules) == (DERBYSHIRE, RULES)


@pytest.mark.parametrize("unknown", ["", "derbyshire", "DERBYSHIRE-2014", "../rules", "\x00", "\ud800", "x" * 100_000])
def test_an_unknown_name_is_an_unknown_id_error_naming_the_closest(unknown: str) -> None:
    for lookup in (examples.bundle_path, examples.rulebook_path):
        with pytest.raises(judgment.UnknownIdError) as raised:
            lookup(unknown)
        assert raised.value.diagnostics[0].code == "UNKNOWN_REFERENCE"
        assert len(str(raised.value)) < 1000


def test_a_name_that_is_not_a_string_is_a_type_error() -> None:
    for lookup in (examples.bundle_path, examples.rulebook_path):
        with pytest.raises(TypeError):
            lookup(Path("derbyshire-2014"))  # type: ignore[arg-type]


def _run(*args: str) -> tuple[int, str, str]:
    ran = CliRunner().invoke(cli, list(args))
    return ran.exit_code, ran.stdout, ran.stderr


def test_run_example_judges_the_shipped_bundle_with_the_shipped_rulebook() -> None:
    code, out, _ = _run("run", "--example", "derbyshire-2014", "--format", "json")
    assert code == 0
    record = json.loads(out)
    expected = judgment.judge(judgment.load_rulebook(RULES), judgment.load_bundle(DERBYSHIRE))
    assert [(q["id"], q["grade"]) for q in record["questions"]] == [(q.id, q.grade) for q in expected.questions]
    assert record["rulebook"]["sha256"] == judgment.load_rulebook(RULES).sha256
    code, out, _ = _run("run", "--example", "derbyshire-2014")
    assert code == 0 and "engine: " in out and "Derbyshire" in out


def test_rules_overrides_the_example_s_rulebook() -> None:
    tiny = ROOT / "examples" / "rulebooks" / "tiny"
    code, out, _ = _run("run", "--example", "derbyshire-2014", "--rules", str(tiny), "--format", "json")
    assert code == 0
    assert json.loads(out)["rulebook"]["sha256"] == judgment.load_rulebook(tiny).sha256


def test_explain_takes_the_example_too() -> None:
    code, out, _ = _run("explain", "--example", "derbyshire-2014", "--question", "tackling_asb")
    assert code == 0 and "tackling" in out.lower()


def test_an_unknown_example_is_a_usage_error_listing_the_names() -> None:
    for command in ("run", "explain"):
        code, _, err = _run(command, "--example", "derbyshir-2014")
        assert code == 2
        assert "--example" in err and "derbyshire-2014" in err


def test_a_bundle_and_an_example_together_or_neither_is_a_usage_error() -> None:
    for args in (["run", str(DERBYSHIRE), "--example", "derbyshire-2014"], ["run", "--rules", str(RULES)],
                 ["explain", "--rules", str(RULES)]):
        code, _, err = _run(*args)
        assert code == 2 and "BUNDLE" in err and "--example" in err, err


def test_a_bundle_still_needs_rules() -> None:
    code, _, err = _run("run", str(DERBYSHIRE))
    assert code == 2 and "Missing option '--rules'" in err
