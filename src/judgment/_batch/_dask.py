"""Batch judging on a Dask cluster: the rulebook shipped once, bundles in chunks, results in order.

Workers may run on machines that never had the rulebook's folder, or have another version of it
there: so the rulebook travels as data, once, checked on arrival (judgment._batch._shipment).
Bundles given as objects travel with their chunk; bundles given as paths are read by the workers,
which must see the same paths (docs/batch.md). `connect` is the hook of `--scheduler` options.

A worker that dies takes its running chunk with it: Dask runs the chunk again elsewhere, and if it
still has no answer (the workers are lost each time, or give none within `timeout`), this module
submits it again, then names each of its bundles as not judged (WORKER_LOST) rather than wait.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from judgment._batch._many import Item, origin_of
from judgment._batch._result import BatchResult
from judgment._batch._shipment import Refuse, Shipment, T, Work
from judgment._diagnostics import Code, Diagnostic, Location, excerpt
from judgment._errors import JudgmentError
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from distributed import Client
    from typing_extensions import TypeIs

#: Seconds with no chunk finished before the awaited one counts as lost; submissions of a chunk in all.
TIMEOUT = 600.0
ATTEMPTS = 2
#: Chunks a worker thread may have been sent and not yet returned: one judged, one waiting.
WINDOW = 2
#: Seconds to wait for a scheduler to answer when connecting; the addresses it may have.
CONNECT_TIMEOUT = 10.0
ADDRESS = re.compile(r"(tcp|tls)://[A-Za-z0-9.\-\[\]:]{1,253}:[0-9]{1,5}")  # a host name, IPv4 or [IPv6]


@dataclass(frozen=True)
class OnDask:
    """A Dask client as `judge_many`'s executor, with how long (seconds) the batch waits with no
    chunk finished before the chunk it waits for counts as lost, and how many times a chunk is
    submitted before its bundles are named as not judged."""

    client: Client
    timeout: float = TIMEOUT
    attempts: int = ATTEMPTS

    def __post_init__(self) -> None:
        if not (self.timeout > 0 and 1 <= self.attempts <= 100):  # `not >`: NaN is refused too
            raise ValueError(f"OnDask waits more than 0 s and submits a chunk 1 to 100 times; got timeout="
                             f"{excerpt(self.timeout)}, attempts={excerpt(self.attempts)}")


def is_dask(executor: object) -> TypeIs[Client | OnDask]:
    """A `distributed.Client` (only if distributed was imported: otherwise it cannot be one) or OnDask."""
    distributed = sys.modules.get("distributed")
    return isinstance(executor, OnDask) or (distributed is not None and isinstance(executor, distributed.Client))


def connect(scheduler: str, timeout: float = CONNECT_TIMEOUT) -> Client:
    """The client of the Dask scheduler at `scheduler` (``tcp://HOST:PORT``): the hook a command's
    ``--scheduler`` option calls. A usage error (exit 2) when the dask extra is not installed, or the
    scheduler does not answer within `timeout` seconds."""
    import click

    try:
        import distributed
    except ImportError:
        raise click.UsageError("--scheduler needs the dask extra (distributed is not installed): "
                               "pip install 'judgment[dask]'") from None
    if not ADDRESS.fullmatch(scheduler):  # distributed asserts on some others (http://...)
        raise click.UsageError(f"{excerpt(scheduler)} is not a Dask scheduler's address: tcp://HOST:PORT "
                               "(or tls://HOST:PORT), as `dask scheduler` prints it")
    try:
        make: Any = distributed.Client  # not annotated
        client: Client = make(scheduler, timeout=timeout, set_as_default=False)
        return client
    except (OSError, TimeoutError, ValueError) as error:
        raise click.UsageError(f"cannot reach the Dask scheduler at {excerpt(scheduler)} within {timeout:g} s: "
                               f"{excerpt(str(error), 200)}") from None


def on_dask(executor: Client | OnDask, rulebook: Rulebook, items: Sequence[Item], work: Work[T],
            refuse: Refuse[T]) -> Iterator[list[T]]:
    """Each chunk's results, in input order, judged on the cluster; never waits without bound."""
    from judgment._batch._dask_run import DaskRun

    on = executor if isinstance(executor, OnDask) else OnDask(executor)
    client: Any = on.client  # distributed's methods are not annotated
    threads = sum(client.nthreads().values())
    run: DaskRun[T] = DaskRun(on, Shipment.of(rulebook), work, refuse, window=WINDOW * max(threads, 1))
    yield from run.results(chunks_of(items, threads))


def chunks_of(items: Sequence[Item], threads: int) -> list[Sequence[Item]]:
    """About four chunks a worker thread (so that a lost one costs little), of 500 bundles at most."""
    size = max(1, min(500, -(-len(items) // (max(threads, 1) * 4))))
    return [items[start:start + size] for start in range(0, len(items), size)]


def refused_results(items: Sequence[Item], code: Code, message: str, hint: str) -> list[BatchResult]:
    """Each bundle of a chunk that could not be judged, named as such (located at the bundle)."""
    return [BatchResult(index, origin_of(source), None, False, error=JudgmentError(
        [Diagnostic(code, message, Location(origin_of(source)), hint=hint)])) for index, source, _ in items]

