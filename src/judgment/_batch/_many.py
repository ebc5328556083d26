"""Judge many bundles with the compiled engine: in this process, or over any executor.

durable_rules stays the engine of record for single judgments and live sessions where it imports.
Batch judging (every force, every year, every what-if) runs the compiled engine,
which records the full trace of every bundle; a sampled share of the bundles is
also judged by durable_rules, and any disagreement withholds that bundle's result.
Where durable_rules does not import (Python 3.13), no bundle is cross-checked, and each
result says so (``cross_check: unavailable``).
"""

from __future__ import annotations

import gc
import os
import random
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Union

from judgment._bundle import Bundle, load_bundle
from judgment._batch._result import BatchResult, known
from judgment._compiled import ENGINE, finding_keys, run
from judgment._engine import AGREED, NOT_MADE, UNAVAILABLE, durable_missing, engine_for
from judgment._diagnostics import excerpt
from judgment._errors import JudgmentError
from judgment._fit import check_fit
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future, ProcessPoolExecutor

    from distributed import Client
    from typing_extensions import TypeIs

    from judgment._batch._dask import OnDask

#: Bundles judged in this process between two reports to `on_result`.
INLINE_CHUNK = 64

BundleSource = Union[Bundle, str, "os.PathLike[str]"]  # a bundle, or the path of a YAML or JSON file


def judge_many(rulebook: Rulebook, bundles: Iterable[BundleSource], *, workers: int = 1,
               executor: Executor | Client | OnDask | None = None, cross_check: float = 0.0, seed: int = 0, any_date: bool = False,
               on_result: Callable[[BatchResult], None] | None = None) -> list[BatchResult]:
    """Judge every bundle (or bundle file) against `rulebook`; results in input order.

    `workers` > 1 judges in that many processes; `executor` may be any
    :class:`concurrent.futures.Executor` instead, or a Dask ``distributed.Client``
    (docs/batch.md: the rulebook shipped once, a lost worker's bundles judged again). Other processes send back their
    trace as plain data, put into words here when a result's `judgment` is read.
    `cross_check` is the share of bundles, chosen by `seed`, that durable_rules
    judges too. A bundle that cannot be judged gives a result with its `error`;
    the batch goes on. `on_result` is called as each result arrives (progress bars).
    """
    if not 0.0 <= cross_check <= 1.0:
        raise ValueError(f"cross_check is a share of the bundles, from 0 to 1; got {excerpt(cross_check)}")
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"workers is a number of processes, from 1 to {MAX_WORKERS}; got {excerpt(workers)}")
    items = work_items(bundles, cross_check, seed)
    results: list[BatchResult | None] = [None] * len(items)

    def collect(chunk: Sequence[BatchResult]) -> None:
        for result in chunk:  # results shipped from other processes are explained against this rulebook
            sent = items[result.index][1]
            result = result.attached(sent if isinstance(sent, Bundle) else None, rulebook)
            results[result.index] = result
            if on_result is not None:
                on_result(result)

    with collector_paused():
        if executor is None and workers == 1:
            for start in range(0, len(items), INLINE_CHUNK):  # results (and progress) as they come
                collect(judge_chunk(rulebook, items[start:start + INLINE_CHUNK], any_date, portable=False))
        elif executor is None:
            with worker_pool(max(1, min(workers, len(items)))) as pool:  # no more processes than bundles
                _spread(pool, rulebook, items, any_date, workers, collect)
        elif _is_dask(executor):  # a Dask client: the rulebook shipped once, lost chunks judged again
            from judgment._batch._dask import on_dask, refused_results

            for chunk in on_dask(executor, rulebook, items, partial(judge_chunk, any_date=any_date, portable=True),
                                 refused_results):
                collect(chunk)
        else:
            _spread(executor, rulebook, items, any_date,
                    getattr(executor, "_max_workers", None) or os.cpu_count() or 1, collect)
    return [r for r in results if r is not None]


#: More worker processes than this exhaust any machine's process table or memory before they help.
MAX_WORKERS = 1024

Item = tuple[int, BundleSource, bool]  # (position in the input, the bundle or its path, cross-checked)


def work_items(bundles: Iterable[BundleSource], cross_check: float, seed: int) -> list[Item]:
    """Each bundle with its position, and whether it is one of the share durable_rules judges too."""
    chooser = random.Random(seed)
    return [(i, source, chooser.random() < cross_check) for i, source in enumerate(bundles)]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while judging, as it was before afterwards.

    Judging makes no reference cycles (refusals drop their tracebacks), so there is
    nothing for it to find; but with it running, its passes over the growing list of
    results, each holding its trace, cost several times the judging itself. Resumed
    as is, its first pass would still scan every object the batch made (as long as
    the judging itself, measured); so they are first filed with the long-lived
    objects (freeze, then unfreeze), to be looked at in its next full pass. Nothing
    escapes it: young garbage made before the batch waits for that pass too."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _spread(executor: Executor, rulebook: Rulebook, items: list[Item], any_date: bool,
            workers: int, collect: Callable[[Sequence[BatchResult]], None]) -> None:
    from concurrent.futures import ThreadPoolExecutor

    portable = not isinstance(executor, ThreadPoolExecutor)  # other executors pickle what they return
    size = max(1, min(500, -(-len(items) // (workers * 4))))
    futures: list[Future[list[BatchResult]]] = [
        executor.submit(judge_chunk, rulebook, items[start:start + size], any_date, portable)
        for start in range(0, len(items), size)]
    for future in futures:
        collect(future.result())


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Worker processes started by a fork server, never forked from this process: a fork would
    copy the locks other threads hold at that moment (a thread judging), held for ever in the
    child. The fork server is a fresh interpreter, started once; each worker imports judgment."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # here: multiprocessing costs start-up time

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))


def judge_chunk(rulebook: Rulebook, items: Sequence[Item], any_date: bool, portable: bool) -> list[BatchResult]:
    """Judge a chunk; `portable` when it runs in another process, which was sent its own copy of
    the rulebook (compiled once per worker) and sends back plain data, without the rulebook."""
    if portable:
        rulebook = known(rulebook)
    results = [_judge_one(rulebook, index, source, checked, any_date) for index, source, checked in items]
    if not portable:
        return results
    return [r.portable(keep_bundle=not isinstance(source, Bundle), keep_rulebook=False)
            for r, (_, source, _) in zip(results, items)]


def origin_of(source: BundleSource) -> str:
    """Where a bundle came from, as its result names it."""
    return source.origin if isinstance(source, Bundle) else str(source)


def _is_dask(executor: object) -> TypeIs[Client | OnDask]:
    """A Dask client (judgment._batch._dask), recognised without importing distributed."""
    from judgment._batch._dask import is_dask

    return is_dask(executor)


def _judge_one(rulebook: Rulebook, index: int, source: BundleSource, checked: bool, any_date: bool) -> BatchResult:
    origin = origin_of(source)
    try:
        bundle = source if isinstance(source, Bundle) else load_bundle(Path(source), rulebook.vocabulary)
        check_fit(rulebook, bundle, any_date)
        outcome = run(rulebook, bundle)
        checked = checked and durable_missing() is None
        if checked:
            from judgment._durable._engine import cross_check

            with _DURABLE_LOCK:  # durable_rules' sessions are not made for threads
                made = engine_for(rulebook).findings(bundle)
            cross_check(rulebook, made, finding_keys(rulebook, outcome.fired), bundle.origin)
    except JudgmentError as error:
        return BatchResult(index, origin, None, False, error=error.with_traceback(None))  # no frames kept alive
    reasons = {q: t.criterion.not_graded for q, t in outcome.decided.items() if t.criterion.not_graded is not None}
    return BatchResult(index, origin, ENGINE, checked, dict(outcome.grades), outcome.overall_grade, None, outcome,
                       not_graded=reasons, overall_not_graded=outcome.overall_not_graded,
                       cross_check=AGREED if checked else UNAVAILABLE if durable_missing() else NOT_MADE)


_DURABLE_LOCK = threading.Lock()


def _new_lock_in_child() -> None:
    """A forked child (a user's process pool) has only the thread that forked: a lock another
    thread held at that moment would be held for ever."""
    global _DURABLE_LOCK
    _DURABLE_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_lock_in_child)
