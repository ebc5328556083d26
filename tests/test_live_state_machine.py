"""A live session always says what a fresh judgment of its records says.

A rule-based state machine draws a rulebook (every shape a finding condition may take: field
tests, two records, `given`, `present`, `missing`, `finding`, `not finding`, chains of derived
findings), opens a live session, then adds and retracts records in any order. After every step the
live judgment (cross-checked against the compiled engine, so a difference raises
EngineDisagreementError) must have the findings, grades and recommendations of `judge` on the same
records.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (RuleBasedStateMachine, initialize, invariant, precondition, rule,
                                 run_state_machine_as_test)

import judgment
from generated_rulebooks import VOCABULARY, Spec, load, specs
from judgment._engine import CompiledEngine
from judgment._engine._session import CompiledSession
from judgment.evidence import Record
from judgment.testing import boundary_values, field_points, records

INSPECTION = judgment.Inspection(organisation="Generated Constabulary", framework="generated", date=dt.date(2014, 11, 1),
                                 period=judgment.Period(start=dt.date(2013, 7, 1), end=dt.date(2014, 6, 30)))


class LiveAgainstFresh(RuleBasedStateMachine):
    folder: Path  # set by the test: where generated rulebooks are written

    def __init__(self) -> None:
        super().__init__()
        self.live: judgment.LiveSession | None = None
        self.held: dict[str, Record] = {}
        self.gone: dict[str, Record] = {}
        self.count = 0

    @initialize(spec=specs())
    def open(self, spec: Spec) -> None:
        note(spec.text())
        self.spec = spec
        self.rulebook = load(spec, self.folder)
        self.aims = (boundary_values(self.rulebook), (), field_points(self.rulebook))
        self.live = judgment.open_session(self.rulebook, INSPECTION, any_date=True)
        self.opened()

    def opened(self) -> None:
        """After the live session is opened (a subclass opens another beside it)."""

    @rule(data=st.data())
    def add_new(self, data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(self.spec.kinds))
        points, text, aims = self.aims
        record = data.draw(records(VOCABULARY, kind, f"r{self.count}", points, text, aims))
        self.count += 1
        note(f"add {record.model_dump_json(exclude_none=True)}")
        self._live().add(record)
        self.held[record.id] = record

    @precondition(lambda self: bool(self.gone))
    @rule(data=st.data())
    def add_again(self, data: st.DataObject) -> None:
        record_id = data.draw(st.sampled_from(sorted(self.gone)))
        note(f"add {record_id} again")
        self._live().add(self.gone[record_id])
        self.held[record_id] = self.gone.pop(record_id)

    @precondition(lambda self: bool(self.held))
    @rule(data=st.data())
    def retract(self, data: st.DataObject) -> None:
        record_id = data.draw(st.sampled_from(sorted(self.held)))
        note(f"retract {record_id}")
        self._live().retract(record_id)
        self.gone[record_id] = self.held.pop(record_id)

    @invariant()
    def live_equals_fresh(self) -> None:
        if self.live is None:
            return
        live = self.live.judgment()  # raises EngineDisagreementError when the engines differ
        fresh = judgment.judge(self.rulebook, self.live.bundle, any_date=True)
        assert live.outcome() == fresh.outcome()
        assert {r.id for r in self.live.records} == set(self.held)

    def teardown(self) -> None:
        if self.live is not None:
            self.live.close()

    def _live(self) -> judgment.LiveSession:
        assert self.live is not None
        return self.live


def test_a_live_session_equals_a_fresh_judgment_after_any_history(tmp_path_factory: pytest.TempPathFactory) -> None:
    LiveAgainstFresh.folder = tmp_path_factory.mktemp("generated-rulebooks")
    run_state_machine_as_test(LiveAgainstFresh, settings=settings(
        settings.default, stateful_step_count=12,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]))


class CompiledLiveAgainstEngineOfRecord(LiveAgainstFresh):
    """A live session of the compiled engine (the engine of record where durable_rules does not import)
    against `judge` here: durable_rules cross-checked where it imports, so the compiled session's
    add/retract bookkeeping is held to the other engine's findings, not only to its own derivation."""

    def opened(self) -> None:
        self.engine = CompiledEngine(self.rulebook)
        self.session = self.engine.open()

    def _live(self) -> judgment.LiveSession:
        return _Both(self.session, super()._live())  # type: ignore[return-value]

    @invariant()
    def live_equals_fresh(self) -> None:
        if self.live is None:
            return
        records, made = self.session.snapshot()
        bundle = self.live.bundle
        assert records == bundle.records
        fresh = judgment.judge(self.rulebook, bundle, any_date=True)
        assert made == {(f.rule, tuple(sorted(f.bindings.items()))) for q in fresh.questions for f in q.findings}
        assert self.engine.explain(bundle, made).outcome() == fresh.outcome()

    def teardown(self) -> None:
        super().teardown()
        if self.live is not None:
            self.session.close()


class _Both:
    """Each add and retract goes to the compiled session and to the session of the engine of record."""

    def __init__(self, compiled: CompiledSession, live: judgment.LiveSession) -> None:
        self.compiled, self.live = compiled, live

    def add(self, record: Record) -> None:
        self.compiled.add([record])
        self.live.add(record)

    def retract(self, record_id: str) -> None:
        self.compiled.retract(record_id)
        self.live.retract(record_id)


def test_a_compiled_live_session_equals_the_engine_of_record_after_any_history(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    CompiledLiveAgainstEngineOfRecord.folder = tmp_path_factory.mktemp("generated-rulebooks")
    run_state_machine_as_test(CompiledLiveAgainstEngineOfRecord, settings=settings(
        settings.default, stateful_step_count=12,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]))
