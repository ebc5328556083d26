"""Judge every bundle with both rulebooks, by batch judging, keeping only what the comparison reads.

Each chunk of bundles is judged where it runs (this process, a worker process, or any executor's
worker): each bundle is loaded once and judged by `judge_many` with the old rulebook and with the new,
and only a small row comes back (grades, findings as rule ids with their records, the criterion that
decided each question). Sending whole traces back would cost more than judging (docs/batch.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

from judgment._batch._many import BundleSource, judge_many, origin_of, worker_pool
from judgment._batch._result import BatchResult, known
from judgment._batch._shipment import Shipment
from judgment._bundle import Bundle, load_bundle
from judgment._compiled import FindingKey, Run, finding_keys
from judgment._diagnostics import excerpt
from judgment._errors import JudgmentError
from judgment._rulebook._model import Rulebook

#: Bundles judged (with both rulebooks) between two reports of progress.
CHUNK = 64


@dataclass(frozen=True)
class Side:
    """One bundle judged under one rulebook: what the comparison reads, or why it was refused."""

    grades: dict[str, str | None] = field(default_factory=dict)
    overall: str | None = None
    findings: frozenset[FindingKey] = frozenset()
    decided: dict[str, str] = field(default_factory=dict)  # question -> id of the criterion that decided it
    problem: str | None = None  # the first line of the first diagnostic, when refused


@dataclass(frozen=True)
class Row:
    """One bundle, judged under both rulebooks."""

    index: int
    path: str
    organisation: str | None
    date: str | None  # the inspection's date (ISO), when the bundle loaded
    old: Side
    new: Side


def judge_both(old: Rulebook, new: Rulebook, sources: Sequence[BundleSource], *, workers: int = 1,
               executor: Executor | None = None, any_date: bool = False,
               on_chunk: Callable[[int], None] | None = None) -> list[Row]:
    """Every bundle's row, in input order: in this process, in `workers` processes, or on `executor`."""
    chunks = [(start, list(sources[start:start + CHUNK])) for start in range(0, len(sources), CHUNK)]
    rows: list[Row] = []
    if executor is None and workers == 1:
        for start, chunk in chunks:
            rows += judge_chunk(old, new, start, chunk, any_date)
            if on_chunk is not None:
                on_chunk(len(chunk))
        return rows
    if executor is None:
        with worker_pool(max(1, min(workers, len(chunks)))) as pool:
            return _gather(pool, old, new, chunks, any_date, on_chunk)
    return _gather(executor, old, new, chunks, any_date, on_chunk)


def _gather(executor: Executor, old: Rulebook, new: Rulebook, chunks: list[tuple[int, list[BundleSource]]],
            any_date: bool, on_chunk: Callable[[int], None] | None) -> list[Row]:
    # Each rulebook is pickled once, here, and travels with each chunk as bytes with their digest
    # (judgment._batch._shipment, as batch ships it): pickling costs about 0.2 s, more than judging a
    # chunk; a worker checks the bytes and unpickles them once.
    shipped = (Shipment.of(old), Shipment.of(new))
    futures = [executor.submit(judge_shipped, *shipped, start, chunk, any_date) for start, chunk in chunks]
    rows: list[Row] = []
    for (start, chunk), future in zip(chunks, futures, strict=True):
        try:
            done = future.result()
        except Exception as error:  # noqa: BLE001 - a worker (process, Dask) lost: its bundles named, the rest judged
            done = lost_rows(start, chunk, error)
        rows += done
        if on_chunk is not None:
            on_chunk(len(done))
    return rows


def lost_rows(start: int, chunk: Sequence[BundleSource], error: BaseException) -> list[Row]:
    """The rows of a chunk whose worker was lost for good: each bundle not judged, naming why
    (WORKER_LOST, as `judgment batch` names them), so that the report counts every bundle."""
    why = f"the worker judging it was lost ({type(error).__name__}: {excerpt(str(error), 120)}); judge it again"
    rows = []
    for i, source in enumerate(chunk):
        problem = Side(problem=f"{origin_of(source)}: error: WORKER_LOST {why}")
        rows.append(Row(start + i, origin_of(source), None, None, problem, problem))
    return rows


def judge_shipped(old: Shipment, new: Shipment, start: int, sources: Sequence[BundleSource],
                  any_date: bool) -> list[Row]:
    """Judge a chunk in a worker, with the rulebooks its parent shipped, opened and compiled once per worker."""
    return judge_chunk(known(old.open()), known(new.open()), start, sources, any_date)


def judge_chunk(old: Rulebook, new: Rulebook, start: int, sources: Sequence[BundleSource], any_date: bool) -> list[Row]:
    """Judge a chunk with both rulebooks, each bundle loaded once."""
    loaded = [_loaded(old, source) for source in sources]
    same = old.vocabulary is new.vocabulary
    before = judge_many(old, loaded, any_date=any_date)
    after = judge_many(new, loaded if same else list(sources), any_date=any_date)
    return [_row(start + i, source, b, a, old, new) for i, (source, b, a) in enumerate(zip(loaded, before, after))]


def _loaded(rulebook: Rulebook, source: BundleSource) -> BundleSource:
    """The bundle loaded once for both judgments; a file that does not load is left for judge_many
    to refuse under each rulebook, with its diagnostics."""
    if isinstance(source, Bundle):
        return source
    try:
        return load_bundle(Path(source), rulebook.vocabulary)
    except JudgmentError:
        return source


def _row(index: int, source: BundleSource, before: BatchResult, after: BatchResult, old: Rulebook,
         new: Rulebook) -> Row:
    if not isinstance(source, Bundle):
        return Row(index, before.origin, None, None, side(before, old), side(after, new))
    inspection = source.inspection
    return Row(index, before.origin, inspection.organisation, inspection.date.isoformat(), side(before, old),
               side(after, new))


def side(result: BatchResult, rulebook: Rulebook) -> Side:
    """What the comparison reads of a result: from its run when judged here, else from its judgment."""
    if result.error is not None:
        return Side(problem=result.error.render().splitlines()[0])
    source = result._source  # the run itself, when judged in this process: no need to put it into words
    if isinstance(source, Run):
        return Side(dict(result.grades), result.overall, frozenset(finding_keys(rulebook, source.fired)),
                    {q: tried.criterion.id for q, tried in source.decided.items()})
    judged = result.judgment
    return Side(dict(result.grades), result.overall,
                frozenset((f.rule, tuple(sorted(f.bindings.items()))) for q in judged.questions for f in q.findings),
                {q.id: q.decided_by.criterion for q in judged.questions})
