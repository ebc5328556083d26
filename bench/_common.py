"""What every benchmark shares: generated bundles, timing, memory, and outcomes to compare."""

from __future__ import annotations

import gc
import math
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

import judgment
from judgment.testing import bundles

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_RULES = ROOT / "rules" / "hmic-crime-2014"
DERBYSHIRE = ROOT / "examples" / "derbyshire-2014.yaml"

#: (question grades, finding keys, recommendation ids): what two engines must agree on.
FindingKey = tuple[str, tuple[tuple[str, str], ...]]
Outcome = tuple[dict[str, str], frozenset[FindingKey], frozenset[str]]


def outcome_of(result: judgment.Judgment) -> Outcome:
    grades = {q.id: q.grade for q in result.questions}
    findings = frozenset((f.rule, tuple(sorted(f.bindings.items()))) for q in result.questions for f in q.findings)
    return grades, findings, frozenset(r.id for r in result.recommendations)


def generate_bundles(rulebook: judgment.Rulebook, count: int, random_seed: int = 0,
                     max_per_kind: int = 2) -> list[judgment.Bundle]:
    """`count` bundles drawn by judgment.testing.bundles, the same ones for the same seed."""
    made: list[judgment.Bundle] = []
    while len(made) < count:
        chunk: list[judgment.Bundle] = []

        @seed(random_seed + len(made))
        @settings(max_examples=min(1000, count - len(made)), database=None, phases=[Phase.generate],
                  deadline=None, suppress_health_check=list(HealthCheck))
        @given(bundles(rulebook, max_per_kind=max_per_kind))
        def collect(bundle: judgment.Bundle) -> None:
            chunk.append(bundle)

        collect()
        made.extend(chunk[: count - len(made)])
    return made


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def peak_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def per_item_us(work: Callable[[], object], items: int, repeat: int = 5) -> float:
    """Median over `repeat` timed runs of `work` (which handles `items` items), per item, in µs."""
    return paired_us({"work": work}, items, repeat)["work"]


def paired_us(works: dict[str, Callable[[], object]], bundles: int, repeat: int = 5,
              min_seconds: float = 0.0) -> dict[str, float]:
    """Medians of timed runs, per item in µs, of several contenders taking turns round by round (after
    one warm-up each, the garbage collector off as timeit has it), so that a
    machine that slows down for a while slows every contender alike. With `min_seconds`, a quick
    contender's work is repeated within a round until it takes about that long, so that a short
    burst of the machine's noise cannot weigh on one contender much more than on another."""
    loops: dict[str, int] = {}
    for name, work in works.items():
        start = time.perf_counter()
        work()
        loops[name] = max(1, math.ceil(min_seconds / max(time.perf_counter() - start, 1e-9)))
    times: dict[str, list[float]] = {name: [] for name in works}
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            for name, work in works.items():
                start = time.perf_counter()
                for _ in range(loops[name]):
                    work()
                times[name].append((time.perf_counter() - start) / loops[name])
                gc.collect()
    finally:
        if enabled:
            gc.enable()
    return {name: statistics.median(t) / bundles * 1e6 for name, t in times.items()}
