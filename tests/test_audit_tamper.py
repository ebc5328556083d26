"""Every single-byte change to an audit log's stored records and chain fields is caught: exhaustively
over a log of three entries, sampled over one of two hundred (more behind `slow`)."""

from __future__ import annotations

from contextlib import closing

import random
from collections import Counter
from pathlib import Path

import pytest

from _audit_records import record
from _audit_tamper import Mutation, caught, every_mutation, fields, image
from judgment._audit._append import append, checked
from judgment._audit._check import check_connection
from _audit_tamper import load


def _log(folder: Path, size: int) -> bytes:
    log = folder / "log.db"
    append(log, [checked(record(number)) for number in range(size)])
    return image(log)


def _missed(data: bytes, mutations: list[Mutation]) -> tuple[Counter[str], Counter[str], list[Mutation]]:
    tried, refused, missed = Counter[str](), Counter[str](), []
    for mutation in mutations:
        found = caught(data, mutation)
        tried[mutation.field] += 1
        if found is None:
            refused[mutation.field] += 1
        elif not found:
            missed.append(mutation)
    return tried, refused, missed


def test_the_untouched_logs_are_intact(tmp_path: Path) -> None:
    data = _log(tmp_path, 3)
    with closing(load(data)) as connection:  # Python 3.13 warns of a connection left to the collector
        assert check_connection(connection, "log").broken is None


def test_every_single_byte_change_to_a_small_log_is_caught(tmp_path: Path) -> None:
    data = _log(tmp_path, 3)
    mutations = list(every_mutation(data))
    tried, refused, missed = _missed(data, mutations)
    assert not missed, missed[:5]
    assert set(tried) >= {"entries.record", "entries.seal", "entries.previous_hash", "entries.entry_hash",
                          "entries.sequence", "entries.appended_at", "meta.value", "head.hash", "head.count"}
    assert tried["entries.record"] > 3 * 3000
    assert sum(refused.values()) <= 8  # only a sequence number moved onto another entry's


def _sampled(tmp_path: Path, flips: int, seed: int) -> None:
    data = _log(tmp_path, 200)
    chooser = random.Random(seed)
    everything = [field for field in fields(data) if not isinstance(field[4], int)]
    weights = [len(field[4]) for field in everything]  # type: ignore[arg-type]
    mutations = []
    for table, column, key, row, value in chooser.choices(everything, weights, k=flips):
        assert isinstance(value, bytes)
        changed = bytearray(value)
        position = chooser.randrange(len(changed))
        changed[position] = chooser.choice([b for b in range(256) if b != changed[position]])
        mutations.append(Mutation(table, column, key, row, position, bytes(changed)))
    tried, refused, missed = _missed(data, mutations)
    assert not missed, missed[:5]
    assert not refused
    assert sum(tried.values()) == flips


def test_sampled_byte_changes_to_a_large_log_are_caught(tmp_path: Path) -> None:
    _sampled(tmp_path, 150, seed=18)


@pytest.mark.slow
def test_many_sampled_byte_changes_to_a_large_log_are_caught(tmp_path: Path) -> None:
    _sampled(tmp_path, 5000, seed=1818)
