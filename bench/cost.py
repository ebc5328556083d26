"""The cost of one judgment of the Derbyshire bundle, durable_rules against the compiled engine.

Each variant is timed in the same run, as the median of many repetitions after a warm-up;
ratios are against the compiled engine. Run by hand:

    .venv/bin/python bench/cost.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import judgment
from judgment._durable._engine import DurableEngine
from judgment._compiled import judge_compiled

ROOT = Path(__file__).resolve().parents[1]


def median_us(work: Callable[[], object], repeat: int = 2000, warmup: int = 200) -> float:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e6


def main() -> None:
    rulebook = judgment.load_rulebook(ROOT / "rules" / "hmic-crime-2014")
    bundle = judgment.load_bundle(ROOT / "examples" / "derbyshire-2014.yaml")
    engine = DurableEngine(rulebook)

    def durable_findings_only() -> object:
        session = engine.open()
        try:
            session.add(bundle.records)
            return session.findings()
        finally:
            session.close()

    rows = [
        ("compiled engine: judge (findings, grades, trace)", lambda: judge_compiled(rulebook, bundle)),
        ("durable_rules: session, assert, findings, close", durable_findings_only),
        ("durable_rules: judge (engine + cross-check + explain)", lambda: engine.judge(bundle)),
        ("judgment.judge (public API, engine of record)", lambda: judgment.judge(rulebook, bundle)),
    ]
    base = None
    print(f"Derbyshire 2014: {len(bundle.records)} records, {len(rulebook.findings)} finding rules")
    for label, work in rows:
        cost = median_us(work)
        base = base or cost
        print(f"{label:<58} {cost:9.1f} us  {cost / base:5.2f}x")


if __name__ == "__main__":
    main()
