"""The order-independence checks can fail: a shuffle of the records reaches both engines.

A Bundle keeps its records sorted by id, so shuffling them and building another bundle
changed nothing the engines saw: an engine that misjudged any order but id order passed
every shuffle. These tests install such an engine (both engines, or durable_rules alone,
drop the last record presented to them unless the records arrive in id order) and show
that determinism() and the public property runner catch it, and that the real engines
pass the same checks while seeing the shuffled order.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pytest

from _engines import DURABLE

if not DURABLE:  # these are tests of durable_rules itself
    pytest.skip("durable_rules does not import on this Python: the compiled engine is the engine of record",
                allow_module_level=True)

import judgment
from judgment import Bundle, Rulebook
from judgment._api import judge_in_order
from judgment._compiled import _run
from judgment._compiled import derive as compiled_derive
from judgment._durable import _engine
from judgment._durable._session import EngineSession
from judgment.evidence import Record
from judgment.testing import run_properties
from judgment.testing._determinism import PropertyViolation, determinism

REAL_SESSION_INIT = EngineSession.__init__
REAL_DERIVE = compiled_derive


def _in_id_order(records: Sequence[Record]) -> bool:
    return [r.id for r in records] == sorted(r.id for r in records)


def _presented(bundle: Bundle | None, records: Iterable[Record], kw: dict[str, Any]) -> list[Record]:
    """The records an engine was handed, in the order it was handed them."""
    given = kw.get("records")
    if given is not None:
        return list(given)
    return list(records if bundle is None else bundle.records)


def _break_durable_rules(monkeypatch: pytest.MonkeyPatch, seen: list[list[str]]) -> None:
    def session(self: EngineSession, ruleset: Any, records: Iterable[Record] = (), bundle: Bundle | None = None,
                **kw: Any) -> None:
        presented = _presented(bundle, records, {})
        seen.append([r.id for r in presented])
        if not _in_id_order(presented):
            presented = presented[:-1]  # order-dependent: the last record is lost unless sorted
        REAL_SESSION_INIT(self, ruleset, presented, **kw)

    monkeypatch.setattr(EngineSession, "__init__", session)


def _break_compiled(monkeypatch: pytest.MonkeyPatch, seen: list[list[str]]) -> None:
    def derive(program: Any, bundle: Bundle, *args: Any, **kw: Any) -> Any:
        presented = _presented(bundle, (), kw)
        seen.append([r.id for r in presented])
        if _in_id_order(presented):
            return REAL_DERIVE(program, bundle, *args, **kw)
        return REAL_DERIVE(program, bundle.replace_records(presented[:-1]))

    monkeypatch.setattr(_engine, "derive", derive)


def _shuffles(count: int) -> Iterator[random.Random]:
    return (random.Random(n) for n in range(count))


@pytest.mark.parametrize("broken", ["both engines", "durable_rules alone"])
def test_determinism_catches_an_engine_that_judges_only_sorted_records(
        monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, derbyshire: Bundle, broken: str) -> None:
    seen: list[list[str]] = []
    _break_durable_rules(monkeypatch, seen)
    if broken == "both engines":  # they agree, so only determinism can tell
        _break_compiled(monkeypatch, seen)
    result = judgment.judge(rulebook, derbyshire)  # sorted: the broken engines judge it right
    with pytest.raises(PropertyViolation, match="another order") as caught:
        for shuffle in _shuffles(50):
            determinism(rulebook, derbyshire, result, shuffle)
    print(caught.value)


def test_the_property_runner_catches_it_too(monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook) -> None:
    """`judgment check --properties` runs this: 50 examples are enough to catch the broken engine."""
    seen: list[list[str]] = []
    _break_durable_rules(monkeypatch, seen)
    _break_compiled(monkeypatch, seen)
    report = run_properties(rulebook, examples=50)
    assert [f.name for f in report.failures if f.name != "no_dead_rule"] == ["determinism"], report.failures
    print(report.failures[0].message)


def test_the_real_engines_see_the_shuffled_order_and_pass(
        monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, derbyshire: Bundle) -> None:
    seen_by_durable: list[list[str]] = []
    seen_by_compiled: list[list[str]] = []

    def session(self: EngineSession, ruleset: Any, records: Iterable[Record] = (), bundle: Bundle | None = None,
                **kw: Any) -> None:
        seen_by_durable.append([r.id for r in _presented(bundle, records, {})])
        REAL_SESSION_INIT(self, ruleset, records, bundle, **kw)

    def derive(program: Any, bundle: Bundle, *args: Any, **kw: Any) -> Any:
        seen_by_compiled.append([r.id for r in _presented(bundle, (), kw)])
        return REAL_DERIVE(program, bundle, *args, **kw)

    monkeypatch.setattr(EngineSession, "__init__", session)
    monkeypatch.setattr(_engine, "derive", derive)
    result = judgment.judge(rulebook, derbyshire)
    for shuffle in _shuffles(5):
        determinism(rulebook, derbyshire, result, shuffle)
    backwards = [r.id for r in reversed(derbyshire.records)]
    assert judge_in_order(rulebook, derbyshire, tuple(reversed(derbyshire.records))).to_json() == result.to_json()
    assert seen_by_durable[-1] == seen_by_compiled[-1] == backwards
    shuffled = [order for order in seen_by_durable[1:-1] if order != sorted(order)]
    assert len(shuffled) == 5 and seen_by_compiled[1:-1] == seen_by_durable[1:-1]


def test_judging_in_order_refuses_records_that_are_not_the_bundles(rulebook: Rulebook, derbyshire: Bundle) -> None:
    """The order is of the bundle's own records, each once: the judgment is still the bundle's."""
    with pytest.raises(ValueError, match="the bundle's records"):
        judge_in_order(rulebook, derbyshire, derbyshire.records[1:])
    with pytest.raises(ValueError, match="the bundle's records"):
        judge_in_order(rulebook, derbyshire, (*derbyshire.records[1:], derbyshire.records[1]))


def test_determinism_catches_an_engine_that_lists_findings_in_arrival_order(
        monkeypatch: pytest.MonkeyPatch, rulebook: Rulebook, derbyshire: Bundle) -> None:
    """The compiled engine listed a rule's findings in the order their records arrived, which only
    id order hid; with that order back (findings placed by rule alone), determinism must fail."""
    found = next(f for q in judgment.judge(rulebook, derbyshire).questions for f in q.findings if len(f.bindings) == 1)
    (record_id,) = found.bindings.values()
    twin = derbyshire.record(record_id).model_copy(update={"id": "zz-twin"})
    bundle = derbyshire.replace_records([*derbyshire.records, twin])  # two records make the same finding
    result = judgment.judge(rulebook, bundle)
    for shuffle in _shuffles(5):
        determinism(rulebook, bundle, result, shuffle)  # the real engine lists them by id, in any order
    monkeypatch.setattr(_run, "_canonical", _run._position)
    with pytest.raises(PropertyViolation, match="another order") as caught:
        for shuffle in _shuffles(50):
            determinism(rulebook, bundle, result, shuffle)
    print(caught.value)
