"""The full counterfactual set (issue 17, point 5): judgment.counterfactuals for all three questions
of the Derbyshire bundle, both directions, at most two changes, beside one plain judgment (judge:
durable_rules with the compiled engine's cross-check) and one compiled-engine run, all measured in
the same run. Target: the full set under 1 s.

    .venv/bin/python -m bench._counterfactuals --runs 7
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import judgment
from bench._common import DERBYSHIRE, SHIPPED_RULES
from judgment._compiled import run

TARGET_SECONDS = 1.0


def full_set(rulebook: judgment.Rulebook, runs: int = 7) -> dict[str, Any]:
    bundle = judgment.load_bundle(DERBYSHIRE, rulebook.vocabulary)
    result = judgment.counterfactuals(rulebook, bundle)  # warm: the program is compiled once per rulebook
    judgment.judge(rulebook, bundle)
    found = {q.question: {m.direction: len(m.counterfactuals) for m in q.moves} for q in result.questions}
    search = _median_ms(lambda: judgment.counterfactuals(rulebook, bundle), runs)
    plain = _median_ms(lambda: judgment.judge(rulebook, bundle), max(20, runs * 5))
    compiled = _median_ms(lambda: run(rulebook, bundle), max(200, runs * 50))
    return {"full_set_ms": search, "judge_ms": plain, "compiled_run_ms": compiled,
            "ratio_to_judge": search / plain, "ratio_to_compiled_run": search / compiled,
            "target_ms": TARGET_SECONDS * 1000, "runs": runs, "found": found}


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def report(figures: dict[str, Any]) -> None:
    verdict = "met" if figures["full_set_ms"] < figures["target_ms"] else "MISSED"
    print(f"\nCounterfactuals, Derbyshire, 3 questions x up/down, <= 2 changes (median of {figures['runs']})")
    print(f"  full counterfactual set        {figures['full_set_ms']:9.1f} ms   target < {figures['target_ms']:.0f} ms: {verdict}")
    print(f"  one plain judgment (judge)     {figures['judge_ms']:9.2f} ms   full set = {figures['ratio_to_judge']:.0f} x")
    print(f"  one compiled-engine run        {figures['compiled_run_ms']:9.3f} ms   full set = "
          f"{figures['ratio_to_compiled_run']:.0f} x")
    print("  counterfactuals listed         " + "; ".join(
        f"{q} " + ", ".join(f"{d} {n}" for d, n in moves.items()) for q, moves in figures["found"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed runs of the full set (the median is shown)")
    args = parser.parse_args()
    report(full_set(judgment.load_rulebook(SHIPPED_RULES), args.runs))


if __name__ == "__main__":
    main()
