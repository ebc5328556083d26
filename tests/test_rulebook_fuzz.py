"""Mutated rulebooks (not only bundles): whenever `check` accepts one with no error, judging the Derbyshire
bundle and bundles generated for it judges or refuses with a JudgmentError: never a signal, a hang or an
internal error. Rulebooks are mutated where durable_rules is fragile: many copies of a rule with different
constants, extra patterns, long alternations, extreme constants, colliding ids.

Each example runs in a worker process (tests/_fuzz_worker.py) with a time limit, restarted after a death;
the default suite runs a few examples, `-m slow` many (FUZZ_EXAMPLES, default 3,000), printing its figures."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, note, settings
from hypothesis import strategies as st

import judgment
from conftest import DERBYSHIRE, RULES
from judgment.testing import bundles
from _fuzz_worker import Worker

SHIPPED = judgment.load_rulebook(RULES)
VOCABULARY = SHIPPED.vocabulary
FINDING_FILES = sorted(p.relative_to(RULES).as_posix() for p in (RULES / "findings").glob("*.yaml"))
SPECIAL = ["0", "-0", "0.5", "0.000000000000001", "0.0000000000000001", "1000000000000000", "-999999999999999",
           "9007199254740992", "1" + "0" * 400, "123456789.123456789"]  # the grammar has no exponents


def _numeric_paths() -> list[str]:
    paths = []
    for kind in VOCABULARY.models:
        for name, spec in VOCABULARY.fields(kind).items():
            if spec.kind == "number":
                paths.append(f"{kind}.{name}")
            elif spec.kind == "measure":
                paths += [f"{kind}.{name}.{part}" for part in ("value", "lower", "upper")]
    return paths


NUMERIC = _numeric_paths()
OPS = ["<", "<=", ">", ">=", "==", "!="]


@st.composite
def constants(draw: st.DrawFn) -> str:
    return draw(st.one_of(st.sampled_from(SPECIAL), st.integers(-200, 200).map(str),
                          st.floats(-1e6, 1e6, allow_nan=False).map(_positional)))


def _positional(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


@st.composite
def comparisons(draw: st.DrawFn) -> str:
    return f"{draw(st.sampled_from(NUMERIC))} {draw(st.sampled_from(OPS))} {draw(constants())}"


class Mutation(tuple[str, list[dict[str, object]]]):
    """(which findings file, its new findings), with a short repr (Hypothesis prints it on a failure)."""

    def __repr__(self) -> str:
        return f"Mutation({self[0]!r}, {len(self[1])} findings; the rulebook is in the notes)"


class Drawn:
    """A generated bundle, with a short repr (Hypothesis records one for each draw)."""

    def __init__(self, bundle: judgment.Bundle) -> None:
        self.bundle = bundle

    def __repr__(self) -> str:
        return f"Drawn(bundle of {len(self.bundle.records)} records)"


@st.composite
def mutated(draw: st.DrawFn) -> Mutation:
    """(which findings file, its new findings): the shipped ones mutated, or a generated set."""
    target = draw(st.sampled_from(FINDING_FILES))
    from ruamel.yaml import YAML

    findings: list[dict[str, object]] = list(YAML(typ="safe").load((RULES / target).read_text("utf-8"))["findings"])
    if draw(st.booleans()):  # a generated set of findings, added to the file's own
        question, polarity = findings[0]["question"], findings[0]["polarity"]
        count = draw(st.sampled_from([1, 10, 63, 64, 65, 200, 255, 256, 511, 512, 700]))
        same = draw(st.sampled_from(["field", "test", "none"]))
        field, op = draw(st.sampled_from(NUMERIC)), draw(st.sampled_from(OPS))
        base = draw(comparisons())
        for i in range(count):
            when = base if same == "test" else f"{field} {op} {i - count // 2}" if same == "field" else draw(comparisons())
            findings.append({"id": f"g{i}", "question": question, "polarity": polarity, "when": when,
                             "text": "t", "cite": "c"})
    for _ in range(draw(st.integers(1, 3))):
        findings = draw(st.sampled_from([_duplicate, _patterns, _alternation, _constant, _collide]))(draw, findings)
    return Mutation((target, findings))


def _pick(draw: st.DrawFn, findings: list[dict[str, object]]) -> int:
    return draw(st.integers(0, len(findings) - 1))


def _duplicate(draw: st.DrawFn, findings: list[dict[str, object]]) -> list[dict[str, object]]:
    """One rule N times, each copy with its constants moved (so the copies' tests differ) or the same."""
    rule = findings[_pick(draw, findings)]
    count = draw(st.sampled_from([2, 32, 64, 65, 128, 255, 256, 257, 511, 512, 600]))
    step = draw(st.sampled_from([0, 0.5, 1, -1, 7]))
    import re

    def moved(text: str, i: int) -> str:
        return re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)", lambda m: _positional(float(m.group(1)) + step * i), text)

    return findings + [{**rule, "id": f"{rule['id']}_d{i}", "when": moved(str(rule["when"]), i)}
                       for i in range(count)]


def _patterns(draw: st.DrawFn, findings: list[dict[str, object]]) -> list[dict[str, object]]:
    index = _pick(draw, findings)
    terms = draw(st.lists(st.one_of(
        st.sampled_from(list(VOCABULARY.models)).map(lambda k: f"present({k})"),
        st.sampled_from(list(VOCABULARY.models)).map(lambda k: f"missing({k})"),
        st.sampled_from([str(f["id"]) for f in findings[:index]] or ["nothing"]).map(lambda f: f"finding({f})"),
        comparisons()), min_size=1, max_size=20))
    terms = [t for t in terms if t != "finding(nothing)"]
    rule = findings[index]
    return findings[:index] + [{**rule, "when": " and ".join([f"({rule['when']})"] + terms)}] + findings[index + 1:]


def _alternation(draw: st.DrawFn, findings: list[dict[str, object]]) -> list[dict[str, object]]:
    index = _pick(draw, findings)
    rule = findings[index]
    terms = draw(st.lists(comparisons(), min_size=1, max_size=80))
    when = " or ".join([f"({rule['when']})"] + terms)
    if draw(st.booleans()):
        when = f"({when}) and ({' or '.join(draw(st.lists(comparisons(), min_size=1, max_size=8)))})"
    return findings[:index] + [{**rule, "when": when}] + findings[index + 1:]


def _constant(draw: st.DrawFn, findings: list[dict[str, object]]) -> list[dict[str, object]]:
    import re

    index = _pick(draw, findings)
    rule = findings[index]
    when = re.sub(r"(?<![\w.])\d+(?:\.\d+)?", lambda m: draw(constants()), str(rule["when"]), count=1)
    return findings[:index] + [{**rule, "when": when}] + findings[index + 1:]


def _collide(draw: st.DrawFn, findings: list[dict[str, object]]) -> list[dict[str, object]]:
    """Ids whose engine rule names share a 32-bit hash (f6059#0 and f264602#0)."""
    return findings + [{**findings[0], "id": "f6059"}, {**findings[-1], "id": "f264602"}]


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    with Worker() as running:
        yield running
    print(f"\nfuzz figures: {dict(FIGURES)}", flush=True)  # reported with -s; the closing note quotes them


FIGURES: Counter[str] = Counter()
#: Each example costs a worker round trip and a rulebook of up to a thousand rules: shrinking would take
#: hours. A failure is reported as found, with its rulebook noted.
NO_SHRINK = (Phase.explicit, Phase.generate)


def one_example(worker: Worker, data: st.DataObject, mutation: Mutation) -> None:
    target, findings = mutation
    with tempfile.TemporaryDirectory() as folder:
        rules = Path(folder) / "rules"
        shutil.copytree(RULES, rules, ignore=shutil.ignore_patterns("tests"))
        (rules / target).write_text(json.dumps({"findings": findings}), encoding="utf-8")
        note(f"{target}: {json.dumps(findings)[:4000]}")
        paths = [DERBYSHIRE]
        try:
            rulebook = judgment.load_rulebook(rules)
        except judgment.JudgmentError:
            rulebook = None
        if rulebook is not None:
            for i in range(2):
                try:
                    bundle = data.draw(bundles(rulebook, max_per_kind=2).map(Drawn), label=f"bundle {i}").bundle
                except Exception as error:  # judgment.testing's own defect, not this test's subject: counted
                    FIGURES[f"bundle not generated: {type(error).__name__}: {str(error)[:60]}"] += 1
                    continue
                path = Path(folder) / f"bundle{i}.json"
                path.write_text(json.dumps(bundle.to_data()), encoding="utf-8")
                paths.append(path)
        outcome = worker.run(rules, paths, timeout=120)
    FIGURES["examples"] += 1
    FIGURES[outcome["check"]] += 1
    for code in outcome.get("codes", []):
        FIGURES[f"refused by check: {code}"] += 1
    for result in outcome.get("results", []):
        FIGURES[result] += 1
    assert outcome["check"] in ("accepted", "refused"), outcome


@settings(max_examples=25, deadline=None, database=None, phases=NO_SHRINK,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(st.data(), mutated())
def test_a_rulebook_check_accepts_is_judged_or_refused_cleanly(worker: Worker, data: st.DataObject,
                                                                mutation: Mutation) -> None:
    one_example(worker, data, mutation)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3000")), deadline=None, database=None,
          phases=NO_SHRINK,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(st.data(), mutated())
def test_many_mutated_rulebooks_are_judged_or_refused_cleanly(worker: Worker, data: st.DataObject,
                                                               mutation: Mutation) -> None:
    one_example(worker, data, mutation)
    if FIGURES["examples"] % 100 == 0:
        print(f"\nfuzz figures: {dict(FIGURES)}", flush=True)
