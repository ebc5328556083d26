"""Soak: judge many generated bundles in one process through durable_rules, cross-checked by the compiled engine.

Reports crashes (the process would die), live engine sessions and resident memory as
it goes, and every disagreement with the compiled engine. Run by hand:

    .venv/bin/python bench/soak.py --bundles 100000
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings

import judgment
from bench._common import resident_mib
from judgment._durable._ruleset import live_sessions
from judgment.testing import bundles

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=100_000)
    parser.add_argument("--rules", default=str(ROOT / "rules" / "hmic-crime-2014"))
    parser.add_argument("--report-every", type=int, default=10_000)
    args = parser.parse_args()
    rulebook = judgment.load_rulebook(args.rules)
    state = {"judged": 0, "disagreements": 0, "refused": 0, "findings": 0}
    samples: list[tuple[int, float, int]] = []
    started = time.perf_counter()

    def generate(count: int) -> list[judgment.Bundle]:
        # Hypothesis remembers every example of a run; a fresh run per chunk keeps its
        # memory out of the measurement, which is of judgment and durable_rules alone.
        chunk: list[judgment.Bundle] = []

        @settings(max_examples=count, database=None, phases=[Phase.generate], deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(bundles(rulebook))
        def collect(bundle: judgment.Bundle) -> None:
            chunk.append(bundle)

        collect()
        return chunk

    def judge_one(bundle: judgment.Bundle) -> None:
        try:
            result = judgment.judge(rulebook, bundle, any_date=True)
            state["findings"] += sum(len(q.findings) for q in result.questions)
        except judgment.EngineDisagreementError as error:
            state["disagreements"] += 1
            print(error.render())
        except judgment.JudgmentError:
            state["refused"] += 1
        state["judged"] += 1
        if state["judged"] % args.report_every == 0 or state["judged"] == 1000:
            gc.collect()
            samples.append((state["judged"], resident_mib(), live_sessions()))
            print(f"{state['judged']:>8,} judged  rss {samples[-1][1]:8.1f} MiB  live sessions {samples[-1][2]}  "
                  f"{time.perf_counter() - started:7.1f} s", flush=True)

    def run_all() -> None:
        while state["judged"] < args.bundles:
            for bundle in generate(min(1000, args.bundles - state["judged"])):
                judge_one(bundle)

    print(f"start: rss {resident_mib():.1f} MiB, live sessions {live_sessions()}")
    run_all()
    gc.collect()
    print(f"end:   rss {resident_mib():.1f} MiB, live sessions {live_sessions()}")
    print(f"judged {state['judged']:,} bundles in {time.perf_counter() - started:.1f} s; "
          f"{state['findings']:,} findings; disagreements {state['disagreements']}; refused {state['refused']}")
    if len(samples) >= 2:
        first, last = samples[0], samples[-1]
        print(f"memory from judgment {first[0]:,} to {last[0]:,}: {first[1]:.1f} -> {last[1]:.1f} MiB "
              f"({(last[1] - first[1]) / first[1] * 100:+.1f}%)")


if __name__ == "__main__":
    main()
