"""Each measurement of the benchmark, as a function returning plain figures."""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from typing import Any

import judgment
from bench import _floor
from bench._common import outcome_of, paired_us, peak_mib, per_item_us, resident_mib
from bench._raw_durable import RawDurable
from bench._scaling import resized, scaled_rulebook
from judgment._durable._engine import DurableEngine


def throughput(rulebook: judgment.Rulebook, bundles: Sequence[judgment.Bundle]) -> dict[str, Any]:
    """Every contender over the same bundles, and whether each agrees with the engine of record."""
    from bench._zen import ZenJudge, zen_input, zen_view

    n = len(bundles)
    expected = [outcome_of(judgment.judge(rulebook, b, any_date=True)) for b in bundles]
    batch = judgment.judge_many(rulebook, bundles, any_date=True)
    floor = [_floor.judge(b) for b in bundles]
    zen = ZenJudge(rulebook)
    inputs = [zen_input(b) for b in bundles]  # prepared before timing: ZEN is not charged for our data
    zen_got = [zen.outcome(zen.evaluate(i)) for i in inputs]
    # ZEN holds numbers as 28-digit decimals: where a bundle has numbers it cannot hold (5e-324), its
    # judgment must equal ours of the bundle as ZEN holds it.
    zen_bad = sum(got != (want if zen_view(b) is b else outcome_of(judgment.judge(rulebook, zen_view(b), any_date=True)))
                  for got, want, b in zip(zen_got, expected, bundles))
    return {
        "bundles": n,
        "agreement": {
            "batch": sum(outcome_of(r.judgment) != w for r, w in zip(batch, expected)),
            "floor": sum(_floor.outcome(f) != w for f, w in zip(floor, expected)),
            "zen": zen_bad,
            "zen_bundles_with_numbers_it_cannot_hold": sum(zen_view(b) is not b for b in bundles),
        },
        "us_per_bundle": {
            **paired_us({"floor": lambda: [_floor.judge(b) for b in bundles],
                         "batch": lambda: judgment.judge_many(rulebook, bundles, any_date=True),
                         "zen_trace_on": lambda: [zen.evaluate(i) for i in inputs]}, n),
            # As a program has it: the collector on (the other figures have it off, as timeit does).
            "batch_collector_on": per_item_us(
                lambda: _collector_on(lambda: judgment.judge_many(rulebook, bundles, any_date=True)), n),
            "batch_in_words": per_item_us(
                lambda: [r.judgment for r in judgment.judge_many(rulebook, bundles, any_date=True)], n, repeat=3),
            "batch_2_processes": per_item_us(
                lambda: judgment.judge_many(rulebook, bundles, any_date=True, workers=2), n, repeat=3),
            "judge_durable_rules": per_item_us(
                lambda: [judgment.judge(rulebook, b, any_date=True) for b in bundles], n, repeat=3),
        },
    }


def _collector_on(work: Callable[[], object]) -> object:
    gc.enable()
    try:
        return work()
    finally:
        gc.disable()


def durable_against_raw(rulebook: judgment.Rulebook, bundles: Sequence[judgment.Bundle]) -> dict[str, Any]:
    ours, raw = DurableEngine(rulebook), RawDurable(rulebook)
    prepared = [raw.prepare(b) for b in bundles]  # raw gets its facts encoded before timing
    return {
        "disagreements": sum(raw.findings(p) != ours.findings(b) for p, b in zip(prepared, bundles)),
        # Both get the same bundles again and again: raw its facts encoded once before timing, ours
        # its encodings kept while the records live (what what-ifs and live sessions reuse).
        "us_per_bundle": paired_us({"raw": lambda: [raw.findings(p) for p in prepared],
                                    "ours": lambda: [ours.findings(b) for b in bundles]}, len(bundles)),
    }


def scaling(bundles: Sequence[judgment.Bundle], rule_counts: Sequence[int] = (40, 200, 1000),
            record_counts: Sequence[int] = (20, 100), sample: int = 200) -> dict[str, Any]:
    """Cost per bundle by rules and records; the rulebooks take turns for each size of bundle."""
    table: dict[str, Any] = {}
    chosen = list(bundles[:sample])
    books = {rules: scaled_rulebook(rules) for rules in rule_counts}
    for records in record_counts:
        sized = [resized(b, records) for b in chosen]
        costs = paired_us({str(rules): (lambda book=book: judgment.judge_many(book, sized, any_date=True))
                           for rules, book in books.items()}, len(sized), repeat=7, min_seconds=0.5)
        for rules, book in books.items():
            made = sum(len(q.findings) for r in judgment.judge_many(book, sized[:20], any_date=True)
                       for q in r.judgment.questions) / 20
            table[f"{rules} rules, {records} records"] = {"us_per_bundle": costs[str(rules)],
                                                          "findings_per_bundle": made}
    return table


def memory(rulebook: judgment.Rulebook, pool: Sequence[judgment.Bundle], judgments: int = 100_000,
           chunk: int = 1000) -> dict[str, Any]:
    """Judge the pool over and over, in batches whose results are dropped, sampling resident memory."""
    samples: dict[int, float] = {}
    done = 0
    while done < judgments:
        judgment.judge_many(rulebook, [pool[(done + i) % len(pool)] for i in range(chunk)], any_date=True)
        done += chunk
        if done in (1_000, 10_000, 50_000, 100_000) or done == judgments:
            gc.collect()
            samples[done] = resident_mib()
    first, last = samples.get(10_000, float("nan")), samples[max(samples)]
    return {"rss_mib": samples, "growth_10k_to_last_percent": (last - first) / first * 100, "peak_mib": peak_mib()}
