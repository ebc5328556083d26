"""Live sessions used from several threads at once (issue 13, point 5).

The duplicate-id check once ran before the lock was taken: two threads adding the same record
could both pass it, the record was staged twice, and a later retraction left the session in
permanent ENGINE_DISAGREEMENT. The check and the staging now happen under one lock; these tests
start the threads together at a barrier, many times over, and count outcomes (never time).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator

import pytest

import judgment
from conftest import ROOT
from judgment import Bundle
from judgment._compiled import compiled_findings

SHIPPED = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
TRIALS = 300


@pytest.fixture(autouse=True)
def _switch_often() -> Iterator[None]:
    """Threads switch every microsecond, so that a window between a check and a lock is found."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def together(*actions: Callable[[], object]) -> list[BaseException | None]:
    """Run `actions` in threads released at once by a barrier; what each raised (None if nothing)."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[BaseException | None] = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        barrier.wait()
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - reported to the test, which asserts on it
            outcomes[index] = exc

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_two_threads_adding_one_record_accept_it_once(derbyshire: Bundle) -> None:
    record = derbyshire.record("evaluation-crime-prevention")
    twice = 0
    with judgment.open_session(SHIPPED, derbyshire.inspection) as live:
        for _ in range(TRIALS):
            outcomes = together(lambda: live.add(record), lambda: live.add(record))
            refused = [o for o in outcomes if o is not None]
            assert all(isinstance(o, judgment.JudgmentError) and o.diagnostics[0].code == "DUPLICATE_ID"
                       for o in refused), refused
            twice += len(refused) == 0
            if twice:
                break
            live.retract(record.id)
            assert live.records == ()
        assert twice == 0, "both threads' additions of one record were accepted"
        live.judgment()  # never a permanent ENGINE_DISAGREEMENT


def test_concurrent_additions_and_retractions_leave_a_current_session(derbyshire: Bundle) -> None:
    """Threads add different records while another withdraws one: the session's findings are
    always those of the records it holds, and its judgment is the judgment of them."""
    records = derbyshire.records
    first, rest = records[0], records[1:]
    halves = rest[: len(rest) // 2], rest[len(rest) // 2:]
    with judgment.open_session(SHIPPED, derbyshire.inspection) as live:
        for _ in range(TRIALS // 10):
            live.add(first)
            outcomes = together(lambda: live.add(*halves[0]), lambda: live.add(*halves[1]),
                                lambda: live.retract(first.id), live.judgment)
            assert outcomes == [None] * 4
            assert live._session.findings() == compiled_findings(SHIPPED, live.bundle)
            assert live.judgment().outcome() == judgment.judge(SHIPPED, live.bundle).outcome()
            for record in rest:
                live.retract(record.id)
            assert live.records == ()
