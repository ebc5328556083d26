"""The calling side of a Dask batch: ship the rulebook once, submit the chunks, wait (bounded) in order.

Dask already runs a chunk again when the worker running it dies (up to its `allowed-failures`).
What it cannot do is bound the wait: with every worker gone, a chunk waits for ever. So each chunk
is waited for at most `timeout` seconds; a chunk lost then (or one Dask gave up on) is submitted
once more with the rulebook shipped again if its copies were lost too; a chunk still without an
answer has each of its bundles named as not judged. A chunk's own refusals come back as data: an
exception raised by judging itself is a bug, and is raised here as it would be locally.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError
from typing import Any, Generic

from judgment._batch._dask import OnDask, Refuse, Shipment, T, Work, judged_there, pickled
from judgment._batch._many import Item


def _lost_errors() -> tuple[type[BaseException], ...]:
    """What a chunk whose workers were lost raises (distributed is imported by now: it made the client)."""
    from distributed import KilledWorker
    from distributed.comm.core import CommClosedError

    return (KilledWorker, CancelledError, CommClosedError, TimeoutError)


class DaskRun(Generic[T]):
    """One batch on one client: the shipped rulebook, and each chunk's submissions."""

    def __init__(self, on: OnDask, shipment: Shipment, work: Work[T], refuse: Refuse[T]) -> None:
        self.on, self.shipment, self.work, self.refuse = on, shipment, work, refuse
        self.client: Any = on.client  # distributed's methods are not annotated: its futures are Any here
        self.shipped: Any = None
        self.lost = _lost_errors()

    def results(self, chunks: Sequence[Sequence[Item]]) -> Iterator[list[T]]:
        """Each chunk's results in input order; whatever is still pending is cancelled at the end."""
        futures: list[Any] = []
        try:
            futures.extend(self._submit(chunk) for chunk in chunks)
            for number, chunk in enumerate(chunks):
                yield self._result(futures, number, chunk)
        finally:
            pending = [f for f in futures if f is not None and not f.done()]
            if pending:
                self.client.cancel(pending)

    def _result(self, futures: list[Any], number: int, chunk: Sequence[Item]) -> list[T]:
        why = "no worker took it"
        for attempt in range(self.on.attempts):
            future = futures[number] if attempt == 0 else self._submit(chunk)
            futures[number] = future
            if future is None:
                continue
            try:
                results: list[T] = pickle.loads(future.result(timeout=self.on.timeout))  # noqa: S301 - our workers'
                return results
            except self.lost as error:
                why = type(error).__name__
                future.cancel()
        return self.refuse(chunk, "WORKER_LOST", (
            f"not judged: the Dask workers judging it were lost, or gave no answer within {self.on.timeout:g} s, "
            f"on each of {self.on.attempts} submissions (last: {why})"),
            "judge it again, or on more workers; a longer wait is OnDask(client, timeout=...)")

    def _submit(self, chunk: Sequence[Item]) -> Any:
        """The chunk submitted, or None when the rulebook could not even be shipped in time."""
        shipped = self._ship()
        if shipped is None:
            return None
        future: Any = self.client.submit(judged_there, shipped, self.work, self.refuse, pickled(list(chunk)),
                                         pure=False)
        return future

    def _ship(self) -> Any:
        """The rulebook scattered to every worker, again only when its copies were lost."""
        if self.shipped is not None and self.shipped.status == "finished":
            return self.shipped
        try:
            self.shipped = self.client.scatter(self.shipment, broadcast=True, hash=False,
                                                  timeout=self.on.timeout)
        except self.lost:
            self.shipped = None
        return self.shipped
