"""What batch judging costs per bundle on Dask against local judging, measured in one run.
Run by hand, never in the test suite (it starts a LocalCluster of worker processes):

    .venv/bin/pip install -e '.[dask]'
    .venv/bin/python -m bench._dask --bundles 2000 --files 400

Local: `judge_many` in this process. Dask: the same call with `executor=client`, on a
LocalCluster of two worker processes (one thread each) on this machine; the cluster is
started before the clock, and the run repeated so the workers have compiled the rulebook.
Bundles in memory travel to the workers; files are read by the workers. `judgment batch
--scheduler` (lines written on the workers) is timed on the files too.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from click.testing import CliRunner

import judgment
from bench._common import DERBYSHIRE, SHIPPED_RULES, generate_bundles


def per_bundle(run: Any, count: int, repeats: int = 3) -> float:
    """Milliseconds a bundle, the best of `repeats` runs (after one to warm up)."""
    run()
    best = min(_timed(run) for _ in range(repeats))
    return best * 1000 / count


def _timed(run: Any) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def write_files(bundles: list[judgment.Bundle], folder: Path) -> list[Path]:
    paths = []
    for number, bundle in enumerate(bundles):
        path = folder / f"bundle-{number:05d}.json"
        path.write_text(json.dumps(bundle.to_data()), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    import distributed

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bundles", type=int, default=2000, help="generated bundles in memory")
    parser.add_argument("--files", type=int, default=400, help="of them, written as JSON files")
    args = parser.parse_args()
    rulebook = judgment.load_rulebook(SHIPPED_RULES)
    bundles = [judgment.load_bundle(DERBYSHIRE), *generate_bundles(rulebook, args.bundles)]
    figures: dict[str, Any] = {"bundles": len(bundles), "files": args.files, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as scratch:
        paths = write_files(bundles[:args.files], Path(scratch))
        started = time.perf_counter()
        with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                      dashboard_address=":0", silence_logs=50) as cluster, \
                distributed.Client(cluster) as client:
            figures["cluster_start_s"] = time.perf_counter() - started
            for name, items in (("memory", bundles), ("files", paths)):
                figures[f"{name}_local_ms"] = per_bundle(lambda: judgment.judge_many(rulebook, items), len(items))
                figures[f"{name}_dask_ms"] = per_bundle(
                    lambda: judgment.judge_many(rulebook, items, executor=client), len(items))
            figures["cli_local_ms"] = per_bundle(lambda: _cli(scratch, None), len(paths), repeats=1)
            figures["cli_dask_ms"] = per_bundle(lambda: _cli(scratch, client.scheduler.address), len(paths), 1)
    for name in ("memory", "files", "cli"):
        figures[f"{name}_ratio"] = figures[f"{name}_dask_ms"] / figures[f"{name}_local_ms"]
    print(json.dumps(figures, indent=2, sort_keys=True))


def _cli(folder: str, scheduler: str | None) -> None:
    from judgment._cli._app import cli

    out = Path(folder) / "results.jsonl.out"
    extra = [] if scheduler is None else ["--scheduler", scheduler]
    result = CliRunner().invoke(cli, ["batch", folder, "--rules", str(SHIPPED_RULES), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output


if __name__ == "__main__":
    main()
