"""Rule-change impact over 10,000 generated bundles (issue 18, point 3), run by hand:

    .venv/bin/python -m bench._impact --bundles 10000 [--old DIR --new DIR] [--corpus DIR]

Generates the bundles with the project's generators (judgment.testing.bundles, as bench.py does)
into a temporary folder as JSON, then times, end to end (a new process each, as a user runs them):
`judgment impact CORPUS --rules OLD --rules NEW --format json` with 1 and 2 workers, and, in the
same run, two plain `judgment batch` runs over the same corpus (the old rulebook, then the new;
`--no-trace --cross-check 0`: grades only, the cheapest batch) with the same workers. Prints
bundles a second and the ratio of impact to the two batch runs. Without --old/--new the shipped
rulebook is compared with a copy where one finding threshold and one grading threshold moved.
Generating costs far more than judging (about 16 bundles a second a core): --corpus DIR keeps the
corpus there, and a later run with the same DIR judges it again without generating.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import judgment
from bench._common import SHIPPED_RULES, generate_bundles

MOVES = (("findings/reducing-crime.yaml", "crime_change.months >= 36\n      and crime_change.change is below",
          "crime_change.months >= 49\n      and crime_change.change is below"),
         ("grading.yaml", "and count(strength) >= 3 and count(area_for_improvement) <= 1",
          "and count(strength) >= 2 and count(area_for_improvement) <= 1"))


def moved_copy(folder: Path) -> Path:
    """The shipped rulebook with a finding threshold and a grading threshold moved."""
    copy = folder / "new-rules"
    shutil.copytree(SHIPPED_RULES, copy)
    for name, old, new in MOVES:
        text = (copy / name).read_text(encoding="utf-8")
        assert old in text, f"{name} no longer holds {old!r}: update bench/_impact.py"
        (copy / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def generated(rulebook: Path, count: int, start: int) -> list[dict[str, Any]]:
    """Bundles `start` to `start + count` of the sequence generate_bundles makes (it seeds each
    thousand by its position), as data: two processes make the same corpus as one, in half the time."""
    made = generate_bundles(judgment.load_rulebook(rulebook), count, random_seed=start)
    return [bundle.to_data() for bundle in made]


def write_corpus(rulebook: Path, corpus: Path, count: int) -> int:
    from concurrent.futures import ProcessPoolExecutor

    corpus.mkdir(parents=True, exist_ok=True)
    half = -(-count // 2000) * 1000  # whole thousands, as generate_bundles seeds them
    parts = [(0, min(half, count)), (half, count - half)] if count > half else [(0, count)]
    with ProcessPoolExecutor(len(parts)) as pool:
        futures = [pool.submit(generated, rulebook, size, start) for start, size in parts]
        number = 0
        for future in futures:
            for data in future.result():
                (corpus / f"b{number:05}.json").write_text(json.dumps(data), encoding="utf-8")
                number += 1
    return number


def timed(*args: object) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "judgment", *map(str, args)], capture_output=True, text=True,
                          check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"judgment {' '.join(map(str, args))} failed:\n{done.stderr[-2000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=10_000)
    parser.add_argument("--old", type=Path, default=SHIPPED_RULES)
    parser.add_argument("--new", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--corpus", type=Path, default=None, help="keep the generated corpus here, or reuse it")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="judgment-impact-bench-") as temporary:
        folder = Path(temporary)
        new = options.new or moved_copy(folder)
        corpus = options.corpus or folder / "corpus"
        started = time.perf_counter()
        count = len(list(corpus.glob("b*.json"))) if corpus.is_dir() else 0
        if count != options.bundles:
            shutil.rmtree(corpus, ignore_errors=True)
            count = write_corpus(options.old, corpus, options.bundles)
            print(f"generated {count:,} bundles in {time.perf_counter() - started:.1f} s; {os.cpu_count()} cores")
        else:
            print(f"reusing the {count:,} bundles in {corpus}; {os.cpu_count()} cores")
        runs: list[dict[str, Any]] = []
        figures = {"bundles": count, "cores": os.cpu_count(), "runs": runs}
        for workers in (1, 2):
            report = folder / f"impact-{workers}.json"
            impact_s = timed("impact", corpus, "--rules", options.old, "--rules", new, "--format", "json",
                             "--output", report, "--workers", workers)
            batch_s = sum(timed("batch", corpus, "--rules", rules, "--out", folder / "batch.jsonl", "--no-trace",
                                "--cross-check", 0, "--workers", workers) for rules in (options.old, new))
            summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
            run = {"workers": workers, "impact_s": round(impact_s, 2), "two_batches_s": round(batch_s, 2),
                   "impact_bundles_per_s": round(count / impact_s, 1), "ratio": round(impact_s / batch_s, 2),
                   "summary": summary}
            runs.append(run)
            print(f"workers {workers}: impact {impact_s:.1f} s ({run['impact_bundles_per_s']:,} bundles a second); "
                  f"two batch runs {batch_s:.1f} s; impact / two batches = {run['ratio']:.2f}; "
                  f"{summary['changed']:,} of {summary['bundles']:,} bundles changed, {summary['failed']} failed")
        if options.json:
            options.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
