"""Randomly mutated copies of the shipped rule files and bundle: `check` and `run` give a clean
result or diagnostics, never a traceback, a crash or a hang."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st
import pytest

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._cli._check import _checked

# Out-of-range numbers as each reader parses them: YAML reads `1.0e+309` (not `1e309`, a string in
# YAML 1.1) as a float, inf; a rule reads only digits and a point, so a 400-digit literal.
HUGE, TINY = "1" + "0" * 400, "0." + "0" * 400 + "1"
FILES = sorted(p.relative_to(RULES).as_posix() for p in RULES.rglob("*.yaml")) + ["bundle.yaml"]
PIECES = [":", ": ", "-", "- ", "[", "]", "{", "}", "'", '"', "*a", "&a ", "!!python/object:os.system ", "#", "\n",
          "  ", "\t", "0", "1e309", "1.0e+309", "-1.0e+309", ".inf", HUGE, TINY, "-1", "nan", "null", "true", "~", "==", " and ", " or ", " not ", "(", ")",
          "is above ", "count(", "finding(", "\u00e9", "\x00", "%", "\\", "<<: ", "---\n", "..."]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    target = draw(st.sampled_from(FILES))
    edits = []
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, 100_000))
        length = draw(st.integers(0, 40))
        text = draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=8),
                              st.lists(st.sampled_from(PIECES), max_size=4).map("".join)))
        edits.append((start, length, text))
    return target, edits


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], deadline=None)
@given(mutations())
def test_mutated_inputs_give_results_or_diagnostics(mutation: tuple[str, list[tuple[int, int, str]]]) -> None:
    target, edits = mutation
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        shutil.copytree(RULES, work / "rules")
        shutil.copy(DERBYSHIRE, work / "bundle.yaml")
        path = work / ("bundle.yaml" if target == "bundle.yaml" else f"rules/{target}")
        data = path.read_bytes().decode("utf-8")
        for start, length, text in edits:
            at = start % (len(data) + 1)
            data = data[:at] + text + data[at + length:]
        path.write_bytes(data.encode("utf-8", errors="surrogatepass"))
        note(f"{target}: {edits!r}")
        here = os.getcwd()
        os.chdir(work)
        try:
            with time_limit(30):
                diagnostics, code, rulebook = _checked(Path("rules"), (Path("bundle.yaml"),))
                assert all(d.code in judgment.CODES and d.location.path for d in diagnostics)
                if rulebook is not None and code == 0:
                    bundle = judgment.load_bundle("bundle.yaml", rulebook.vocabulary)
                    result = judgment.judge(rulebook, bundle)
                    assert len(result.questions) == len(rulebook.questions)
                    assert not any(word in result.to_json() for word in ("Infinity", "NaN")), "inf or NaN judged"
        except judgment.JudgmentError:
            pass  # a refusal with diagnostics is a correct outcome
        finally:
            os.chdir(here)


@pytest.mark.parametrize(("target", "written", "number"), [
    ("bundle.yaml", "value: -21", "1.0e+309"),
    ("bundle.yaml", "value: -21", "-1.0e+309"),
    ("bundle.yaml", "value: -21", "1e309"),
    ("bundle.yaml", "value: -21", ".inf"),
    ("bundle.yaml", "value: -21", HUGE),
    ("bundle.yaml", "value: -21", "1.0e-400"),  # not 0: a number written non-zero is never read as zero
    ("bundle.yaml", "value: -21", "-1.0e-400"),
    ("bundle.yaml", "value: -21", TINY),
    ("rules/findings/reducing-crime.yaml", "victim_satisfaction.rate is below 80", HUGE),
    ("rules/findings/reducing-crime.yaml", "victim_satisfaction.rate is below 80", TINY),
])
def test_an_out_of_range_number_is_refused_where_written(tmp_path: Path, target: str, written: str,
                                                         number: str) -> None:
    """Each reader that parses a number (YAML evidence, a rule literal) refuses one it cannot hold
    (inf, or a rule constant past 10^15) as BAD_VALUE at the number itself, never computing with it."""
    shutil.copytree(RULES, tmp_path / "rules")
    shutil.copy(DERBYSHIRE, tmp_path / "bundle.yaml")
    path = tmp_path / target
    text = path.read_text(encoding="utf-8")
    assert written in text
    path.write_text(text.replace(written, written.rsplit(" ", 1)[0] + " " + number, 1), encoding="utf-8")
    line = text[:text.index(written)].count("\n") + 1
    column = len(text[:text.index(written)].rsplit("\n", 1)[-1]) + len(written.rsplit(" ", 1)[0]) + 2
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        diagnostics, code, _ = _checked(Path("rules"), (Path("bundle.yaml"),))
    finally:
        os.chdir(here)
    assert code != 0
    found = [(d.code, Path(d.location.path).name, d.location.line, d.location.column) for d in diagnostics]
    assert found == [("BAD_VALUE", path.name, line, column)], [d.render() for d in diagnostics]
