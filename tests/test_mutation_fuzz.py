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

import judgment
from conftest import DERBYSHIRE, RULES
from judgment._cli._check import _checked

FILES = sorted(p.relative_to(RULES).as_posix() for p in RULES.rglob("*.yaml")) + ["bundle.yaml"]
PIECES = [":", ": ", "-", "- ", "[", "]", "{", "}", "'", '"', "*a", "&a ", "!!python/object:os.system ", "#", "\n",
          "  ", "\t", "0", "1e309", "-1", "nan", "null", "true", "~", "==", " and ", " or ", " not ", "(", ")",
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
        except judgment.JudgmentError:
            pass  # a refusal with diagnostics is a correct outcome
        finally:
            os.chdir(here)
