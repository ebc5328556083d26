"""Sessions are released however they end: closed, dropped unclosed, or failed while opening.

Leaked live sessions must not lock a rulebook (issue 12, point 8), one-shot judging never counts
against the live sessions' quota, and a session whose opening action did not complete is never
deleted (durable_rules crashes: C1). Wrong arguments to a live session are clear errors (point 12).
"""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import weakref
from collections.abc import Iterator

import pytest

from _engines import DURABLE

if not DURABLE:  # these are tests of durable_rules itself
    pytest.skip("durable_rules does not import on this Python: the compiled engine is the engine of record",
                allow_module_level=True)

import judgment
from conftest import ROOT, RULES
from judgment import Bundle
from judgment._durable._ruleset import MAX_LIVE_SESSIONS, ruleset_for

# A rulebook of its own, so that the sessions these tests open are the only ones on it.
LIFECYCLE = judgment.load_rulebook(ROOT / "tests" / "data" / "rulebooks" / "language")


@pytest.fixture
def collector_off() -> Iterator[None]:
    """Only reference counting frees objects: what is released must not wait for a collection."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _open_count() -> int:
    return len(ruleset_for(LIFECYCLE).sessions)


def test_live_sessions_dropped_without_close_do_not_lock_the_rulebook(derbyshire: Bundle,
                                                                       collector_off: None) -> None:
    before = _open_count()
    for _ in range(MAX_LIVE_SESSIONS + 44):
        live = judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True)
        live.add(derbyshire.records[0])
        del live  # dropped, never closed
    judgment.judge(LIFECYCLE, derbyshire, any_date=True)
    with judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True) as live:
        live.add(*derbyshire.records)
        assert live.judgment().outcome() == judgment.judge(LIFECYCLE, derbyshire, any_date=True).outcome()
    assert _open_count() == before


def test_live_sessions_leaked_in_reference_cycles_are_collected_when_the_quota_is_reached(
        derbyshire: Bundle, collector_off: None) -> None:
    before = _open_count()
    for _ in range(MAX_LIVE_SESSIONS):
        live = judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True)
        live.itself = live  # type: ignore[attr-defined]  # a cycle: reference counting never frees it
        del live
    with judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True) as live:
        live.add(derbyshire.records[0])
    assert _open_count() == before


def test_the_release_of_a_session_does_not_keep_it_alive(derbyshire: Bundle, collector_off: None) -> None:
    live = judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True)
    watched = weakref.ref(live)
    del live
    assert watched() is None


def test_one_shot_judging_never_counts_against_live_sessions(derbyshire: Bundle) -> None:
    held: list[judgment.LiveSession] = []
    try:
        with pytest.raises(judgment.EngineLimitError, match="sessions are already open"):
            for _ in range(MAX_LIVE_SESSIONS + 1):  # the quota, whatever other tests left open
                held.append(judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True))
        for _ in range(3):
            judgment.judge(LIFECYCLE, derbyshire, any_date=True)
    finally:
        for live in held:
            live.close()
    with judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True):
        pass


def test_a_session_whose_opening_action_did_not_complete_is_never_deleted() -> None:
    """The opening batch fails (durable_rules' error 303: 65 distinct tests the opening fact passes,
    added behind the compiler's back): before the fix, deleting that session crashed the process."""
    script = textwrap.dedent("""
        import judgment
        from judgment._durable import _native
        from judgment._durable._ruleset import live_sessions

        real = _native.create_ruleset
        def flooded(name, definition):
            extra = ",".join('"x%d":{"all":[{"m":{"$lt":{"t":"z%02d"}}}]}' % (i, i) for i in range(65))
            return real(name, definition[:-1] + "," + extra + "}")
        _native.create_ruleset = flooded
        rulebook = judgment.load_rulebook(RULES)
        bundle = judgment.load_bundle(BUNDLE)
        for attempt in range(3):
            try:
                judgment.judge(rulebook, bundle)
            except judgment.EngineLimitError as error:
                print("refused", error.diagnostics[0].code)
            try:
                judgment.open_session(rulebook, bundle.inspection).close()
            except judgment.EngineLimitError as error:
                print("refused", error.diagnostics[0].code)
        print("retired", live_sessions())
    """).replace("RULES", repr(str(RULES))).replace("BUNDLE", repr(str(ROOT / "examples" / "derbyshire-2014.yaml")))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result
    assert result.stdout.split("\n") == ["refused ENGINE_LIMIT"] * 6 + ["retired 6", ""], result


def test_a_live_session_is_given_records_only(derbyshire: Bundle) -> None:
    with judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True) as live:
        with pytest.raises(TypeError, match="takes evidence records, not str"):
            live.add("victim-contract")  # type: ignore[arg-type]
        with pytest.raises(TypeError, match="takes evidence records, not dict"):
            live.add(derbyshire.record("victim-contract"), {"id": "x"})  # type: ignore[arg-type]
        live.add(derbyshire.record("victim-contract"))  # the session is still usable
        assert [r.id for r in live.records] == ["victim-contract"]


def test_retracting_an_unknown_record_is_a_documented_error(derbyshire: Bundle) -> None:
    with judgment.open_session(LIFECYCLE, derbyshire.inspection, any_date=True) as live:
        live.add(derbyshire.record("victim-contract"))
        with pytest.raises(judgment.UnknownRecordError) as caught:
            live.retract("no-such-record")
        assert isinstance(caught.value, judgment.JudgmentError) and isinstance(caught.value, KeyError)
        (diagnostic,) = caught.value.diagnostics
        assert diagnostic.code == "UNKNOWN_REFERENCE"
        assert "'no-such-record'" in diagnostic.message and "victim-contract" in (diagnostic.hint or "")
        assert str(caught.value) == f"{diagnostic.location}: UNKNOWN_REFERENCE {diagnostic.message}"
        live.retract("victim-contract")  # the session is still usable
        assert live.records == ()

