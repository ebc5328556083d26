"""Every number has a documented range, enforced where it is read (issue 12, point 5).

Evidence numbers lie within ±10^15 (a fraction is 0 or at least 10^-15 in size), so every one is
exact as a float, fits canonical JSON and durable_rules; rule constants lie in the same range, and
arithmetic in a rule is bounded before any evidence exists. Out of range is BAD_VALUE at the value's
own line and column: never a traceback, an internal error or an ENGINE_LIMIT with no line.
"""

from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import judgment
import judgment.testing
from conftest import DERBYSHIRE, ROOT
from test_strict_evidence import SATISFACTION, refusal, variant

TINY = ROOT / "examples" / "rulebooks" / "tiny"
FLOOR = "when: victim_satisfaction.rate is below 80"


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          timeout=120, check=False)


def assert_bad_value_at(error: judgment.BundleError, path: Path, needle: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if needle in text)
    found = [(d.code, d.location.line) for d in error.diagnostics]
    assert ("BAD_VALUE", line) in found, error.render()
    assert all(len(d.message) < 300 for d in error.diagnostics), "the value is echoed as a short excerpt"


@pytest.mark.parametrize(("old", "new"), [
    ("    months: 48", "    months: " + "9" * 5_000),
    ("    months: 48", "    months: " + "9" * 400),
    (SATISFACTION, SATISFACTION.replace("88.0", "1" + "0" * 400)),
    (SATISFACTION, SATISFACTION.replace("88.0", "1.0e400")),
    ("    incidents: 46766", "    incidents: 9007199254740992"),
    ("    incidents: 46766", "    incidents: 1000000000000001"),
    ("      per: 1000", "      per: 1000000000000"),
    ("    change:\n      value: -21", "    change:\n      value: 1.7e308"),
    ("national: {value: -16}", "national: {value: -1.7e308}"),
    ("      value: 50.8", "      value: 1.0e-300"),
    ("      margin: 1.4", "      margin: 1.0e20"),
], ids=["months-5000-nines", "months-400-nines", "value-10^400-with-margin", "value-1e400", "integer-2^53",
        "just-over-10^15", "per", "figure-1.7e308", "comparator--1.7e308", "tiny-fraction", "margin"])
def test_a_number_out_of_range_is_bad_value_at_its_place(tmp_path: Path, old: str, new: str) -> None:
    path = variant(tmp_path, old, new)
    changed = next(n for o, n in zip(old.splitlines(), new.splitlines()) if o != n)
    assert_bad_value_at(refusal(path), path, changed.strip())


def test_a_page_number_has_a_bound(tmp_path: Path) -> None:
    old = ("      collector: transcribed from the published report\n"
           "    period: \"12 months to June 2014\"\n    rate:\n      value: 88.0")
    page = "      page: 100000000000000000000\n      collector:"
    path = variant(tmp_path, old, old.replace("      collector:", page))
    assert_bad_value_at(refusal(path), path, "page: 1000")


def test_the_edges_of_the_range_load_and_make_a_record(tmp_path: Path) -> None:
    path = variant(tmp_path, "    incidents: 46766", "    incidents: 1000000000000000")
    bundle = judgment.load_bundle(path)
    rulebook = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
    from judgment._records._record import build_record, render_record

    assert "1000000000000000" in render_record(build_record(judgment.judge(rulebook, bundle), rulebook, bundle))


@pytest.mark.parametrize("old", ["    months: 48", SATISFACTION])
def test_the_cli_refuses_huge_numbers_without_a_traceback(tmp_path: Path, old: str) -> None:
    new = ("    months: " + "9" * 5_000) if "months" in old else old.replace("88.0", "1" + "0" * 400)
    path = variant(tmp_path, old, new)
    for args in (("check", ROOT / "rules" / "hmic-crime-2014", path),
                 ("run", path, "--rules", ROOT / "rules" / "hmic-crime-2014", "--format", "json")):
        result = cli(*args)
        assert result.returncode == 1, result.stderr
        assert "BAD_VALUE" in result.stderr and "Traceback" not in result.stderr
        assert "internal error" not in result.stderr and len(result.stderr) < 3_000


def rulebook_with(tmp_path: Path, condition: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(TINY, rules)
    findings = rules / "findings.yaml"
    text = findings.read_text(encoding="utf-8")
    assert FLOOR in text
    findings.write_text(text.replace(FLOOR, f"when: {condition}"), encoding="utf-8")
    return rules


def refused_rulebook(rules: Path) -> judgment.RuleFileError:
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(rules)
    return caught.value


@pytest.mark.parametrize("constant", ["1" + "0" * 400, "1000000000000001", "0." + "0" * 400 + "1",
                                      "0.0000000000000001"])
def test_a_rule_constant_out_of_range_is_bad_value_at_its_column(tmp_path: Path, constant: str) -> None:
    condition = f"victim_satisfaction.rate is below {constant}"
    rules = rulebook_with(tmp_path, condition)
    error = refused_rulebook(rules)
    [diagnostic] = error.diagnostics
    lines = (rules / "findings.yaml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if condition in text)
    assert (diagnostic.code, diagnostic.location.line) == ("BAD_VALUE", line), error.render()
    assert diagnostic.location.column == lines[line - 1].index(constant) + 1
    assert len(diagnostic.message) < 200


@pytest.mark.parametrize("constant", ["1000000000000000", "0.000000000000001", "0", "0.0"])
def test_rule_constants_at_the_edges_of_the_range_are_accepted(tmp_path: Path, constant: str) -> None:
    judgment.load_rulebook(rulebook_with(tmp_path, f"victim_satisfaction.rate.value > -{constant}"))


@pytest.mark.parametrize("condition", [
    "victim_satisfaction.rate.value" + " * 1000000000000000" * 21 + " > 5",
    "victim_satisfaction.rate.value" + " / 0.000000000000001" * 20 + " > 5",
    "(victim_satisfaction.rate.value * victim_satisfaction.rate.value) * (victim_satisfaction.rate.value *"
    " victim_satisfaction.rate.value) * (victim_satisfaction.rate.value * victim_satisfaction.rate.value) *"
    " (victim_satisfaction.rate.value * victim_satisfaction.rate.value) * (victim_satisfaction.rate.value *"
    " victim_satisfaction.rate.value) * (victim_satisfaction.rate.value * victim_satisfaction.rate.value) *"
    " (victim_satisfaction.rate.value * victim_satisfaction.rate.value) * (victim_satisfaction.rate.value *"
    " victim_satisfaction.rate.value) * (victim_satisfaction.rate.value * victim_satisfaction.rate.value) *"
    " (victim_satisfaction.rate.value * victim_satisfaction.rate.value) * (victim_satisfaction.rate.value *"
    " victim_satisfaction.rate.value) > 1",
], ids=["constant-product", "divisions", "evidence-product"])
def test_arithmetic_that_could_overflow_is_refused_where_it_is_written(tmp_path: Path, condition: str) -> None:
    rules = rulebook_with(tmp_path, condition)
    error = refused_rulebook(rules)
    assert [d.code for d in error.diagnostics] == ["BAD_VALUE"], error.render()
    assert "overflow" in error.diagnostics[0].message or "beyond" in error.diagnostics[0].message


@pytest.mark.parametrize("condition", [
    "victim_satisfaction.rate.value - victim_satisfaction.rate.national.value > 2",
    "victim_satisfaction.rate.value / victim_satisfaction.rate.national.value > 1.01",
    "victim_satisfaction.rate.value * victim_satisfaction.rate.value * 1000000000000000 > 1",
    "(victim_satisfaction.rate.value - victim_satisfaction.rate.lower) / (victim_satisfaction.rate.upper"
    " - victim_satisfaction.rate.value) > -1",
    "victim_satisfaction.rate.value / 0 > 1",
    "-victim_satisfaction.rate.value < 0",
])
def test_ordinary_arithmetic_is_accepted_and_judged(tmp_path: Path, condition: str) -> None:
    rulebook = judgment.load_rulebook(rulebook_with(tmp_path, condition))
    judgment.judge(rulebook, judgment.load_bundle(DERBYSHIRE))


def test_check_is_under_the_error_wrapper(monkeypatch: pytest.MonkeyPatch) -> None:
    from judgment._cli import _check
    from judgment._cli._app import cli as app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(_check, "load_rulebook", broken)
    monkeypatch.delenv("JUDGMENT_DEBUG", raising=False)
    result = CliRunner().invoke(app, ["check", str(TINY)])
    assert result.exit_code == 2, result.output
    assert "internal error: RuntimeError: a bug" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


NUMBERS = st.one_of(st.integers(-10**16, 10**16), st.integers(), st.floats(-1e16, 1e16), st.floats(),
                    st.booleans(), st.text(max_size=4),
                    st.sampled_from([0, 1, -1, 10**15, -10**15, 10**15 + 1, 2**53, 1e-15, 9e-16, 1.7e308, 48]))
PLACES = {
    "value": ("victim-satisfaction", ("rate", "value")),
    "margin": ("victim-satisfaction", ("rate", "margin")),
    "national": ("crime-change-4y", ("change", "comparators", "national", "value")),
    "incidents": ("asb-incidents", ("incidents",)),
    "months": ("crime-change-4y", ("months",)),
    "per": ("crime-rate-excluding-fraud", ("rate", "per")),
    "page": ("victim-contract", ("provenance", "page")),
}


@given(place=st.sampled_from(sorted(PLACES)), number=NUMBERS)
def test_any_number_is_judged_and_recorded_or_refused_at_its_place(place: str, number: object) -> None:
    from judgment._records._record import build_record, render_record

    data = _DERBYSHIRE_DATA()
    record_id, keys = PLACES[place]
    target = next(r for r in data["records"] if r["id"] == record_id)
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = number
    try:
        bundle = judgment.bundle_from_data(data)
    except judgment.BundleError as error:
        assert {d.code for d in error.diagnostics} <= {"BAD_VALUE", "WRONG_TYPE"}, error.render()
        assert all(len(d.message) < 300 for d in error.diagnostics)
        return
    assert isinstance(number, (int, float)) and abs(number) <= 10**15
    rulebook = _RULEBOOK()
    render_record(build_record(judgment.judge(rulebook, bundle), rulebook, bundle))


@functools.cache
def _RULEBOOK() -> judgment.Rulebook:
    return judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")


def _DERBYSHIRE_DATA() -> dict[str, Any]:
    return copy.deepcopy(_derbyshire_data())


@functools.cache
def _derbyshire_data() -> dict[str, Any]:
    return judgment.load_bundle(DERBYSHIRE).to_data()


@pytest.mark.parametrize("written", ["1e-400", "-1.5e-999", "1e309", "-2E+400"])
def test_a_json_number_that_float_cannot_hold_is_refused_not_rounded(tmp_path: Path, written: str) -> None:
    """JSON's reader turns 1e-400 into 0.0 and 1e309 into inf without a word: neither is read as a number
    other than the one written (a non-zero figure judged as zero), both are BAD_VALUE where written."""
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    text = json.dumps(data, indent=1, sort_keys=True).replace('"value": 88.0', '"value": 424242.5', 1)
    path = tmp_path / "bundle.json"
    path.write_text(text.replace("424242.5", written), encoding="utf-8")
    with pytest.raises(judgment.BundleError) as caught:
        judgment.load_bundle(path)
    assert_bad_value_at(caught.value, path, written)


@settings(max_examples=1_000)
@given(judgment.testing.measures(points=(0.0, 1e-15)))
def test_generated_figures_are_always_in_range(data: dict[str, Any]) -> None:
    """judgment.testing draws only valid evidence: the middle of an interval from 0 to 10^-15 is 5e-16,
    below the smallest fraction evidence holds, so it must not be drawn as a value (found by the
    thorough run of tests/test_generated_vocabularies.py)."""
    from judgment.evidence import Measure

    Measure.model_validate(data)
