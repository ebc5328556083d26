"""The calling side of a Dask batch: ship the rulebook once, submit the chunks, wait (bounded) in order.

Dask already runs a chunk again when the worker running it dies (up to its `allowed-failures`).
What it cannot do is bound the wait: with every worker gone, a chunk waits for ever. So a chunk
is waited for until `timeout` seconds pass with no chunk finished; a chunk lost then (or one Dask
gave up on) is submitted once more, with the rulebook shipped again if its copies were lost too;
a chunk still without an answer has each of its bundles named as not judged (DaskRun says when
the others are named at once). A chunk's own refusals come back as data: an
exception raised by judging itself is a bug, and is raised here as it would be locally.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from typing import Any, Generic

from judgment._batch._dask import OnDask
from judgment._batch._shipment import Refuse, Shipment, T, Work, judged_there, pickled
from judgment._batch._many import Item


def _lost_errors() -> tuple[type[BaseException], ...]:
    """What a chunk whose workers were lost raises (distributed is imported by now: it made the client)."""
    from distributed import KilledWorker
    from distributed.comm.core import CommClosedError

    return (KilledWorker, CancelledError, CommClosedError, TimeoutError)


class DaskRun(Generic[T]):
    """One batch on one client: the shipped rulebook, each chunk's submissions, and when the cluster
    last made progress (a chunk finished). A wait ends `timeout` seconds after that progress, not
    after the wait began: a batch of many chunks on a cluster that works is never cut short, and
    once a chunk has been given up with no progress since, the cluster is stalled: the chunks
    still pending are named at once, not each waited for and submitted again."""

    def __init__(self, on: OnDask, shipment: Shipment, work: Work[T], refuse: Refuse[T], window: int) -> None:
        self.on, self.shipment, self.work, self.refuse, self.window = on, shipment, work, refuse, max(1, window)
        self.client: Any = on.client  # distributed's methods are not annotated: its futures are Any here
        self.shipped: Any = None
        self.lost = _lost_errors()
        self.progress = time.monotonic()
        self.gave_up: float | None = None

    @property
    def stalled(self) -> bool:
        return self.gave_up is not None and self.progress <= self.gave_up

    def results(self, chunks: Sequence[Sequence[Item]]) -> Iterator[list[T]]:
        """Each chunk's results in input order, with at most `window` chunks submitted and not yet
        received: the cluster holds (and this process has sent) a bounded part of any corpus, however
        large. Whatever is still pending is cancelled at the end."""
        futures: dict[int, Any] = {}
        try:
            self._ship()
            submitted = 0
            for number, chunk in enumerate(chunks):
                while submitted < min(number + self.window, len(chunks)):
                    futures[submitted] = self._submit(chunks[submitted])
                    submitted += 1
                yield self._result(futures, number, chunk)
                del futures[number]
        finally:
            pending = [f for f in futures.values() if f is not None and not f.done()]
            if pending:
                self.client.cancel(pending)

    def _result(self, futures: dict[int, Any], number: int, chunk: Sequence[Item]) -> list[T]:
        why, submitted = "the rulebook could not be shipped", 0
        for attempt in range(self.on.attempts):
            if attempt:
                if self.stalled:
                    break
                self.progress = time.monotonic()  # a new submission has its whole wait
                futures[number] = self._submit(chunk, self._ship())
            future = futures[number]
            if future is None:
                continue
            submitted += 1
            try:
                results: list[T] = pickle.loads(self._wait(future))  # noqa: S301 - made by our workers
                return results
            except self.lost as error:
                why = type(error).__name__
                future.cancel()
        self.gave_up = time.monotonic()
        return self.refuse(chunk, "WORKER_LOST", (
            f"not judged: the Dask workers judging it were lost, or no chunk of the batch finished for "
            f"{self.on.timeout:g} s (submitted {submitted} time{'' if submitted == 1 else 's'}; last: {why})"),
            "judge it again, or on more workers; a longer wait is OnDask(client, timeout=...)")

    def _wait(self, future: Any) -> bytes:
        """The chunk's result, waiting until `timeout` seconds pass with no chunk finished."""
        while True:
            left = self.progress + self.on.timeout - time.monotonic()
            try:
                result: bytes = future.result(timeout=max(left, 0.001))
                return result
            except TimeoutError:
                if self.progress + self.on.timeout <= time.monotonic():
                    raise

    def _finished(self, future: Any) -> None:
        """Called by distributed when a chunk's future is done: progress, unless it was cancelled or failed."""
        if future.status == "finished":
            self.progress = max(self.progress, time.monotonic())

    def _submit(self, chunk: Sequence[Item], shipped: Any = None) -> Any:
        """The chunk submitted, or None when the rulebook could not even be shipped in time."""
        shipped = shipped if shipped is not None else self.shipped
        if shipped is None:
            return None
        future: Any = self.client.submit(judged_there, shipped, self.work, self.refuse, pickled(list(chunk)),
                                         pure=False)
        future.add_done_callback(self._finished)
        return future

    def _ship(self) -> Any:
        """The rulebook scattered to every worker, again only when its copies were lost."""
        if self.shipped is not None and self.shipped.status == "finished":
            return self.shipped
        try:
            self.shipped = self.client.scatter(self.shipment, broadcast=True, hash=False, timeout=self.on.timeout)
        except self.lost:
            self.shipped = None
        return self.shipped
