"""Four processes append to one audit log at once, creating it together: nothing is lost, nothing
is appended twice, each writer's records keep their order, and the chain verifies. They
append in rounds (a barrier before each append), so that all four want the write lock at once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from _audit_records import record
from judgment._audit._append import append, checked
from judgment._audit._check import verify_log
from judgment._audit._show import entries

WRITERS, EACH = 4, 25


def _writer(log: str, writer: int, start: Any) -> None:
    mine = [checked(record(writer * EACH + n)) for n in range(EACH)]
    for item in mine:  # in rounds: all four reach for the write lock at the same moment, 25 times
        start.wait()
        append(Path(log), [item])


def test_four_processes_appending_at_once_lose_nothing_and_break_no_chain(tmp_path: Path) -> None:
    log = tmp_path / "audit.db"
    context = multiprocessing.get_context("fork")
    start = context.Barrier(WRITERS)
    workers = [context.Process(target=_writer, args=(str(log), w, start)) for w in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=300)
    assert [worker.exitcode for worker in workers] == [0] * WRITERS
    report = verify_log(log)
    assert report.broken is None and report.entries == WRITERS * EACH
    seals = [entry.seal for entry in entries(log)]
    expected = [record(n)["seal"] for n in range(WRITERS * EACH)]
    assert sorted(seals) == sorted(expected) and len(set(seals)) == len(seals)
    for writer in range(WRITERS):
        own = expected[writer * EACH:(writer + 1) * EACH]
        assert [seal for seal in seals if seal in own] == own
    for round_ in range(EACH):  # each round, every writer appended once: the four raced for the lock
        writers = {expected.index(seal) // EACH for seal in seals[round_ * WRITERS:(round_ + 1) * WRITERS]}
        assert writers == set(range(WRITERS))
