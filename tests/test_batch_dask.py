"""Batch judging on Dask: a real LocalCluster of two worker processes gives the same results as
local judging, in the same order; a worker killed mid-batch loses no bundle; nothing hangs."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from _engines import DURABLE, needs_durable
import judgment
from conftest import DERBYSHIRE, RULES
from judgment import Bundle, Rulebook
from judgment._cli._app import cli

distributed = pytest.importorskip("distributed")  # the judgment[dask] extra; CI installs it

FORCES = sorted((RULES / "tests" / "forces").glob("*.yaml"))


@contextmanager
def local_cluster(workers: int = 2) -> Iterator[Any]:
    """A cluster of worker processes, none of them left behind when it closes. No warning is filtered:
    with the dashboard on a free port (8787 may be taken: distributed warns), distributed warned of
    nothing here, closing nor losing a worker (pytest turns any warning into an error)."""
    import psutil  # distributed's own dependency

    before = {p.pid for p in psutil.Process().children(recursive=True)}
    cluster = distributed.LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                       dashboard_address=":0", silence_logs=50)  # no port 8787: no warning
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close(timeout=10)
        cluster.close(timeout=10)
    started = [p for p in psutil.Process().children(recursive=True) if p.pid not in before
               and "resource_tracker" not in " ".join(p.cmdline())]  # multiprocessing's one, ends with pytest
    _, alive = psutil.wait_procs(started, timeout=10)
    assert not alive, f"processes left behind: {alive}"


def recomputed(client: Any) -> int:
    """How many chunks the scheduler had to judge again: sent to a worker a second time (the worker
    judging it died, or died holding its result)."""
    def count(dask_scheduler: Any) -> int:
        times = Counter(entry[0] for entry in dask_scheduler.transition_log
                        if entry[2] == "processing" and "judged_there" in str(entry[0]))
        return sum(n > 1 for n in times.values())
    return int(client.run_on_scheduler(count))


def holders(client: Any) -> dict[str, int]:
    """Worker address -> how many chunks it is judging or holds the result of."""
    def count(dask_scheduler: Any) -> dict[str, int]:
        held: Counter[str] = Counter()
        for task in dask_scheduler.tasks.values():
            if "judged_there" in str(task.key):
                for worker in [task.processing_on, *(task.who_has or ())]:
                    if worker is not None:
                        held[worker.address] += 1
        return dict(held)
    return dict(client.run_on_scheduler(count))


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with local_cluster() as made:
        yield made


def variants(bundle: Bundle, count: int) -> list[Bundle]:
    """`count` bundles made from Derbyshire: records dropped at random, a satisfaction rate moved."""
    chooser = random.Random(18)
    made = []
    for _ in range(count):
        kept = [r for r in bundle.records if chooser.random() < 0.75]
        made.append(bundle.replace_records(kept))
    return made


@pytest.fixture(scope="module")
def corpus(derbyshire: Bundle) -> list[Any]:
    """Derbyshire (in memory and by path), the 12 force bundles by path, a missing file, 300 variants."""
    return [derbyshire, DERBYSHIRE, *FORCES, RULES / "no-such-bundle.yaml", *variants(derbyshire, 300)]


def data(result: judgment.BatchResult) -> dict[str, Any]:
    """Everything a result says, its judgment whole."""
    return {"index": result.index, "origin": result.origin, "engine": result.engine,
            "cross_checked": result.cross_checked, "grades": result.grades, "overall": result.overall,
            "not_graded": result.not_graded, "overall_not_graded": result.overall_not_graded,
            "error": None if result.error is None else [d.to_dict() for d in result.error.diagnostics],
            "judgment": result.judgment.to_data() if result.ok else None}


def test_dask_gives_the_results_of_local_judging_in_order(rulebook: Rulebook, client: Any, corpus: list[Any]) -> None:
    local = judgment.judge_many(rulebook, corpus, cross_check=0.05, seed=3)
    seen: list[int] = []
    spread = judgment.judge_many(rulebook, corpus, executor=client, cross_check=0.05, seed=3,
                                 on_result=lambda r: seen.append(r.index))
    assert seen == list(range(len(corpus))), "results are reported in input order"
    assert [data(r) for r in spread] == [data(r) for r in local]
    from judgment._batch import _shipment

    assert all(n <= 1 for n in client.run(_shipment.openings).values()), "each worker unpickles the rulebook once"
    assert sum(r.ok for r in spread) == len(corpus) - 1 and any(r.cross_checked for r in spread) == DURABLE
    assert len({json.dumps(r.grades, sort_keys=True) for r in spread}) > 5, "the variants judge differently"


def test_workers_need_no_rulebook_folder(client: Any, derbyshire: Bundle, tmp_path: Path) -> None:
    """The rulebook travels as data, checked by its digest: it is judged by workers that cannot see
    its folder (here removed before judging), as on machines that never had it."""
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    rulebook = judgment.load_rulebook(copy)
    shutil.rmtree(copy)
    results = judgment.judge_many(rulebook, [derbyshire] * 3, executor=client)
    assert all(r.ok for r in results) and results[0].grades == judgment.judge_many(rulebook, [derbyshire])[0].grades


def test_a_bounded_number_of_chunks_is_in_flight(rulebook: Rulebook, client: Any, derbyshire: Bundle) -> None:
    """Chunks are submitted as results come back, at most two a worker thread ahead: a corpus of any
    size is never all sent at once (nor all held by the workers)."""
    from judgment._batch._dask import WINDOW, chunks_of
    from judgment._batch._many import work_items

    bundles = variants(derbyshire, 200)
    threads = sum(client.nthreads().values())
    size = len(chunks_of(work_items(bundles, 0, 0), threads)[0])
    submit, sent, seen = client.submit, [], []
    client.submit = lambda *args, **kwargs: sent.append(1) or submit(*args, **kwargs)
    try:
        judgment.judge_many(rulebook, bundles, executor=client, on_result=lambda r: seen.append((r.index, len(sent))))
    finally:
        del client.submit
    assert len(sent) == -(-len(bundles) // size) > WINDOW * threads, "more chunks than the window"
    assert all(submitted <= index // size + WINDOW * threads for index, submitted in seen)


def test_a_shipment_that_does_not_match_its_digest_is_refused(rulebook: Rulebook) -> None:
    from judgment._batch._shipment import Shipment

    good = Shipment.of(rulebook)
    assert good.open().sha256 == rulebook.sha256
    damaged = good.data[:-1] + bytes([good.data[-1] ^ 1])  # one bit flipped on the way, its digest as sent
    broken = Shipment(damaged, hashlib.sha256(damaged + b"as sent").hexdigest(), good.rulebook_sha256)
    with pytest.raises(judgment.JudgmentError, match="digest"):
        broken.open()


def test_a_killed_worker_loses_no_bundle(rulebook: Rulebook, derbyshire: Bundle) -> None:
    """A worker killed with chunks in its hands: every bundle still has its result, judged as at home
    or named as not judged. A kill can land just after the worker's last chunk came back, with nothing
    in its hands (seen in CI once judging got faster); the batch is then run again, at most three times,
    and every run must lose nothing."""
    bundles = [derbyshire, *FORCES, *variants(derbyshire, 200)]
    local = judgment.judge_many(rulebook, bundles)
    for _ in range(3):
        killed, again, spread = _kill_a_worker_during(rulebook, bundles)
        print(f"killed worker {killed[0] if killed else None}: {again} chunks judged again; "
              f"{sum(r.ok for r in spread)} of {len(spread)} judged, {sum(not r.ok for r in spread)} named as not judged")
        _nothing_lost(spread, local)
        if killed and again >= 1:
            break
    assert killed and again >= 1, "the worker was killed with chunks of the batch in its hands"


def _kill_a_worker_during(rulebook: Rulebook, bundles: list[Any]) -> tuple[list[int], int, list[Any]]:
    """Judge on a new cluster, killing the worker judging or holding the most chunks once results come
    in: the pid killed, how many chunks the scheduler judged again, and the results."""
    with local_cluster() as client:
        pids = client.run(os.getpid)  # worker address -> its process
        killed: list[int] = []

        def kill_one(result: judgment.BatchResult) -> None:
            held = holders(client)
            if not killed and held:
                busiest = max(held, key=held.__getitem__)
                os.kill(pids[busiest], signal.SIGKILL)
                killed.append(pids[busiest])

        spread = judgment.judge_many(rulebook, bundles, executor=client, on_result=kill_one)
        return killed, recomputed(client), spread


def _nothing_lost(spread: list[Any], local: list[Any]) -> None:
    assert [r.index for r in spread] == list(range(len(local))), "a result for every bundle"
    for got, expected in zip(spread, local):
        if got.ok:
            assert data(got) == data(expected)
        else:  # named: the bundle, and why it was not judged
            assert got.error is not None and got.error.diagnostics[0].code == "WORKER_LOST"
            assert got.error.diagnostics[0].location.path == got.origin == expected.origin


def test_no_worker_at_all_names_every_bundle_without_hanging(rulebook: Rulebook, derbyshire: Bundle) -> None:
    """Every bundle named; and once a chunk was given up with nothing finished since, the others are
    named at once: the rulebook is offered to the cluster twice in all (once, then with the first chunk's
    second submission), not twice a chunk."""
    from judgment._batch._dask import OnDask

    bundles = [derbyshire, DERBYSHIRE] * 4
    cluster = distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0", silence_logs=50)
    try:
        with distributed.Client(cluster) as client:
            scatter, offered = client.scatter, []
            client.scatter = lambda *args, **kwargs: offered.append(1) or scatter(*args, **kwargs)
            results = judgment.judge_many(rulebook, bundles, executor=OnDask(client, timeout=0.5, attempts=2))
    finally:
        cluster.close(timeout=10)
    assert [r.origin for r in results] == [b.origin if isinstance(b, Bundle) else str(b) for b in bundles]
    assert len(offered) == 2
    for result in results:
        assert result.error is not None and result.error.diagnostics[0].code == "WORKER_LOST"
        assert "0.5 s" in result.error.diagnostics[0].message


def test_batch_command_on_a_scheduler_writes_the_lines_of_local_judging(client: Any, tmp_path: Path) -> None:
    folder = tmp_path / "bundles"
    folder.mkdir()
    for path in [DERBYSHIRE, *FORCES]:
        shutil.copy(path, folder / path.name)
    (folder / "broken.yaml").write_text("vocabulary: hmic-crime\n", encoding="utf-8")
    local, spread = tmp_path / "local.jsonl", tmp_path / "spread.jsonl"
    args = ["batch", str(folder), "--rules", str(RULES), "--cross-check", "0.2"]
    first = CliRunner().invoke(cli, [*args, "--out", str(local)])
    second = CliRunner().invoke(cli, [*args, "--out", str(spread), "--scheduler", client.scheduler.address])
    assert first.exit_code == second.exit_code == 1, second.output  # broken.yaml is refused, by both
    assert spread.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    assert "judged 13 of 14 bundles" in second.output and "on the Dask scheduler at tcp://" in second.output


def test_batch_command_without_the_dask_extra_says_how_to_install_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if not installed
    result = CliRunner().invoke(cli, ["batch", str(DERBYSHIRE.parent), "--rules", str(RULES),
                                      "--out", str(tmp_path / "out.jsonl"), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "pip install 'judgment[dask]'" in result.output


def test_an_unreachable_scheduler_is_a_usage_error_in_bounded_time() -> None:
    import click

    from judgment._batch._dask import connect

    with pytest.raises(click.UsageError, match="cannot reach the Dask scheduler"):
        connect("tcp://127.0.0.1:9", timeout=1.0)
    for address in ["http://127.0.0.1:8786", "127.0.0.1", "tcp://\x1b[2J:1", ""]:  # distributed would assert on some
        with pytest.raises(click.UsageError, match="is not a Dask scheduler's address"):
            connect(address)
