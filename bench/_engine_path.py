"""The engine of record's cost (issue 21, point 3): one `judgment.judge` (durable_rules, the
cross-check and the words) against the compiled engine alone judging the same bundles with the
words (`CompiledEngine(rulebook).judge`), and a live session's update (one record added or
retracted), alone and with the judgment read after it.

    .venv/bin/python -m bench._engine_path --bundles 2000
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import time
from collections.abc import Callable, Sequence
from typing import Any

import judgment
from bench._common import DERBYSHIRE, SHIPPED_RULES, generate_bundles, paired_us
from judgment._engine import CompiledEngine

TARGET_RATIO = 3.0  # judgment.judge at most 3x the compiled engine alone
TARGET_UPDATE_US = 1000.0  # a live update under 1 ms
MOVED = "evaluation-crime-prevention"  # the Derbyshire record added and retracted


def engine_path(rulebook: judgment.Rulebook, bundles: Sequence[judgment.Bundle], repeat: int = 5,
                updates: int = 200) -> dict[str, Any]:
    """µs per judgment of `bundles` by judgment.judge and by the compiled engine alone, their ratio,
    and µs per live-session update on the Derbyshire bundle (medians)."""
    compiled = CompiledEngine(rulebook)
    per = paired_us({"judge": lambda: [judgment.judge(rulebook, b) for b in bundles],
                     "compiled": lambda: [compiled.judge(b) for b in bundles]}, len(bundles), repeat)
    ratio = per["judge"] / per["compiled"]
    return {"bundles": len(bundles), "judge_us": per["judge"], "compiled_judge_us": per["compiled"],
            "ratio": ratio, "target_ratio": TARGET_RATIO, "ratio_met": ratio <= TARGET_RATIO,
            **live_updates(rulebook, updates)}


def live_updates(rulebook: judgment.Rulebook, updates: int = 200) -> dict[str, Any]:
    """Median µs of retracting one Derbyshire record from a live session holding them all and adding
    it back, each alone and each followed by reading the judgment."""
    bundle = judgment.load_bundle(DERBYSHIRE, rulebook.vocabulary)
    moved = next(r for r in bundle.records if r.id == MOVED)
    with judgment.open_session(rulebook, bundle.inspection) as live:
        live.add(*bundle.records)
        times: dict[str, list[float]] = {"retract": [], "add": [], "retract_read": [], "add_read": []}
        def retract_read() -> None:
            live.retract(MOVED)
            live.judgment()

        def add_read() -> None:
            live.add(moved)
            live.judgment()

        for _ in range(updates):
            times["retract"].append(_timed(lambda: live.retract(MOVED)))
            times["add"].append(_timed(lambda: live.add(moved)))
            times["retract_read"].append(_timed(retract_read))
            times["add_read"].append(_timed(add_read))
    found = {f"live_{name}_us": statistics.median(values) for name, values in times.items()}
    worst = max(found["live_retract_us"], found["live_add_us"])
    return {**found, "target_update_us": TARGET_UPDATE_US, "update_met": worst < TARGET_UPDATE_US}


def _timed(work: Callable[[], object]) -> float:
    enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        work()
        return (time.perf_counter() - started) * 1e6
    finally:
        if enabled:
            gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=2000, help="generated bundles (besides Derbyshire)")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    rulebook = judgment.load_rulebook(SHIPPED_RULES)
    derbyshire = judgment.load_bundle(DERBYSHIRE, rulebook.vocabulary)
    report = {"derbyshire": engine_path(rulebook, [derbyshire] * 200, options.repeat),
              "generated": engine_path(rulebook, generate_bundles(rulebook, options.bundles), options.repeat)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
