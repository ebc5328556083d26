"""The lines `judgment batch` writes, made where the bundles are judged.

A worker process that judged a bundle also puts its judgment into words and writes
its JSON line there: a line of text crosses back to the parent for almost nothing,
while the trace as data, and the bundle the worker loaded, would cost more to send
than judging them did (docs/batch.md). The parent only writes the lines, in order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from judgment._batch._many import INLINE_CHUNK, Item, collector_paused, judge_chunk, work_items, worker_pool
from judgment._batch._result import BatchResult, known
from judgment._diagnostics import Code
from judgment._rulebook._model import Rulebook

if TYPE_CHECKING:
    from distributed import Client

    from judgment._batch._dask import OnDask


@dataclass(frozen=True)
class Line:
    """One bundle's line, and what the summary says of it."""

    text: str  # the JSON line, without its newline
    refused: str | None  # the rendered problems of a refused bundle
    cross_checked: bool


def judged_lines(rulebook: Rulebook, files: Sequence[Path], *, workers: int, cross_check: float, seed: int,
                 any_date: bool, trace: bool, on_chunk: Callable[[int], None],
                 executor: Client | OnDask | None = None) -> Iterator[Line]:
    """Every file's line, in file order; `on_chunk` is told how many bundles each chunk judged.
    On a Dask `executor`, the workers write the lines too (judgment._batch._dask)."""
    items = work_items(files, cross_check, seed)
    if executor is not None:
        from judgment._batch._dask import on_dask

        work = partial(lines_of, any_date=any_date, trace=trace, in_worker=False)
        for lines in on_dask(executor, rulebook, items, work, refused_lines):
            on_chunk(len(lines))
            yield from lines
        return
    chunks = [items[start:start + INLINE_CHUNK] for start in range(0, len(items), INLINE_CHUNK)]
    if workers == 1:
        for chunk in chunks:
            lines = lines_of(rulebook, chunk, any_date, trace, in_worker=False)
            on_chunk(len(lines))
            yield from lines
        return
    with worker_pool(workers) as pool:
        futures = [pool.submit(lines_of, rulebook, chunk, any_date, trace, True) for chunk in chunks]
        for future in futures:
            lines = future.result()
            on_chunk(len(lines))
            yield from lines


def lines_of(rulebook: Rulebook, items: Sequence[Item], any_date: bool, trace: bool, in_worker: bool) -> list[Line]:
    """Judge a chunk and write its lines (in a worker process, sent its own copy of the rulebook
    and compiling it once, or in this one)."""
    with collector_paused():
        results = judge_chunk(known(rulebook) if in_worker else rulebook, items, any_date, portable=False)
        return [line_of(r, trace) for r in results]


def refused_lines(items: Sequence[Item], code: Code, message: str, hint: str) -> list[Line]:
    """The lines of a chunk no worker could judge: each bundle refused, named (WORKER_LOST)."""
    from judgment._batch._dask import refused_results

    return [line_of(r, trace=False) for r in refused_results(items, code, message, hint)]


def line_of(result: BatchResult, trace: bool) -> Line:
    return Line(json.dumps(line_data(result, trace), sort_keys=True, ensure_ascii=False),
                None if result.error is None else result.error.render(), result.cross_checked)


def line_data(result: BatchResult, trace: bool) -> dict[str, Any]:
    line: dict[str, Any] = {"bundle": result.origin, "status": "judged" if result.ok else "refused",
                            "engine": result.engine, "cross_checked": result.cross_checked}
    if result.ok:
        line["cross_check"] = result.cross_check
    if result.error is not None:
        line["diagnostics"] = [d.to_dict() for d in result.error.diagnostics]
        return line
    line.update(grades=result.grades, overall=result.overall)
    if result.not_graded:  # only when something is not graded: other lines are as they were
        line["not_graded"] = result.not_graded
    if result.overall_not_graded is not None:
        line["overall_not_graded"] = result.overall_not_graded
    if trace:
        line["judgment"] = result.judgment.to_data()
    return line
