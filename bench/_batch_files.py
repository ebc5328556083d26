"""`judgment batch` end to end over JSON files (issue 21, point 4): read, judge, words, write.

10,000 bundle files (generated bundles and Derbyshire, cycled) are written as JSON to a temporary
folder, then `judgment batch` runs over them as a user runs it, in a fresh process, with one worker
and with two. Where the time goes is measured in this process over the same files, one stage at a
time: reading (load_bundle), judging with the trace (the compiled engine's run), words (the
Judgment and its JSON, what a result line holds) and writing (the lines).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import judgment
from bench._common import ROOT, SHIPPED_RULES
from judgment._batch._many import collector_paused
from judgment._compiled import explain, run


def batch_files(rulebook: judgment.Rulebook, bundles: Sequence[judgment.Bundle], files: int = 10_000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="judgment-bench-batch-") as folder:
        paths = _write(Path(folder) / "in", bundles, files)
        found: dict[str, Any] = {"files": files}
        for workers in (1, 2):
            found[f"workers_{workers}"] = _end_to_end(Path(folder), workers, files)
        found["stages_us"] = _stages(rulebook, paths)
    stages = found["stages_us"]
    found["per_bundle_us"] = 1e6 / found["workers_1"]["bundles_per_second"]
    found["stages_share"] = {k: v / sum(stages.values()) for k, v in stages.items()}
    return found


def _write(folder: Path, bundles: Sequence[judgment.Bundle], files: int) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for i in range(files):
        path = folder / f"b{i:05d}.json"
        path.write_text(json.dumps(bundles[i % len(bundles)].to_data(), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _end_to_end(folder: Path, workers: int, files: int) -> dict[str, float]:
    """`judgment batch` in its own process, start-up included, as a user runs it."""
    out = folder / f"out-{workers}.jsonl"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "judgment", "batch", str(folder / "in"), "--rules", str(SHIPPED_RULES),
                    "--out", str(out), "--workers", str(workers), "--any-date"], check=True, cwd=ROOT,
                   capture_output=True)
    seconds = time.perf_counter() - started
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    assert lines == files, (lines, files)
    return {"seconds": seconds, "bundles_per_second": files / seconds}


def _stages(rulebook: judgment.Rulebook, paths: Sequence[Path]) -> dict[str, float]:
    """µs a bundle for each stage, timed bundle by bundle as `judgment batch` goes, with the collector
    paused as it pauses it: reading, judging with the trace, the words (the Judgment as data, what a
    line holds by default) and writing the line."""
    spent = dict.fromkeys(("read", "judge", "words", "write"), 0.0)
    clock = time.perf_counter
    with tempfile.TemporaryFile("w", encoding="utf-8") as stream, collector_paused():
        for path in paths:
            started = clock()
            bundle = judgment.load_bundle(path, rulebook.vocabulary)
            read = clock()
            judged = run(rulebook, bundle)
            ran = clock()
            data = explain(judged, "compiled", "not made").to_data()
            worded = clock()
            stream.write(json.dumps({"bundle": str(path), "status": "judged", "grades": judged.grades,
                                     "judgment": data}, sort_keys=True, ensure_ascii=False) + "\n")
            written = clock()
            for stage, seconds in zip(spent, (read - started, ran - read, worded - ran, written - worded)):
                spent[stage] += seconds
    return {stage: seconds / len(paths) * 1e6 for stage, seconds in spent.items()}
