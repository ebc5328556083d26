"""Reading evidence (issue 21, point 1): what loading a bundle file costs, against judging it.

Figures, each measured in this run: `load_bundle` of the Derbyshire bundle as JSON and as YAML;
the cost per record of bundles of 10, 100 and 1,000 records (flat when cost grows linearly); and
`judge_many` over JSON paths against the same bundles in memory, as a ratio (target at most 2).
"""

from __future__ import annotations

import json
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

import yaml

import judgment
from bench._common import DERBYSHIRE, generate_bundles, paired_us

JSON_TARGET_MS, YAML_TARGET_MS, PATHS_TARGET_RATIO = 0.15, 1.0, 2.0
SIZES = (10, 100, 1000)


def reading(rulebook: judgment.Rulebook, count: int = 2000) -> dict[str, Any]:
    """The figures above, with each target and whether it was met."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        figures = _derbyshire(root) | _sizes(root) | _batch(rulebook, root, count)
    figures["json_met"] = figures["json_load_ms"] < JSON_TARGET_MS
    figures["yaml_met"] = figures["yaml_load_ms"] < YAML_TARGET_MS
    figures["paths_met"] = figures["paths_over_memory"] <= PATHS_TARGET_RATIO
    return figures


def _derbyshire(root: Path) -> dict[str, float]:
    """load_bundle of Derbyshire as JSON and as YAML, beside what their parsers alone cost (a floor:
    Python's C JSON reader making the objects, libyaml making its events, nothing checked or kept)."""
    written = {"json": _written(root, "derbyshire", judgment.load_bundle(DERBYSHIRE).to_data())["json"],
               "yaml": DERBYSHIRE}  # the shipped YAML, as written
    raw, text = written["json"].read_bytes(), DERBYSHIRE.read_text("utf-8")
    costs = paired_us({**{kind: partial(judgment.load_bundle, path) for kind, path in written.items()},
                       "json_parse": partial(json.loads, raw), "yaml_events": partial(_events, text)},
                      1, repeat=7, min_seconds=0.2)
    return {"json_load_ms": costs["json"] / 1000, "yaml_load_ms": costs["yaml"] / 1000,
            "json_parse_ms": costs["json_parse"] / 1000, "yaml_events_ms": costs["yaml_events"] / 1000}


def _events(text: str) -> None:
    """libyaml's events for the text, each made and dropped."""
    parser = yaml.CBaseLoader(text)
    try:
        while type(parser.get_event()) is not yaml.StreamEndEvent:
            pass
    finally:
        parser.dispose()


def _sizes(root: Path) -> dict[str, float]:
    """Microseconds per record, bundles of each size made from Derbyshire's records, ids made unique."""
    data = judgment.load_bundle(DERBYSHIRE).to_data()
    figures: dict[str, float] = {}
    for size in SIZES:
        records = [{**r, "id": f"{r['id']}-{i // len(data['records'])}"}
                   for i, r in zip(range(size), data["records"] * (size // len(data["records"]) + 1))]
        written = _written(root, f"size{size}", {**data, "records": records})
        costs = paired_us({kind: partial(judgment.load_bundle, path) for kind, path in written.items()},
                          size, repeat=5, min_seconds=0.2)
        figures |= {f"{kind}_us_per_record_{size}": cost for kind, cost in costs.items()}
    return figures


def _batch(rulebook: judgment.Rulebook, root: Path, count: int) -> dict[str, float]:
    """`judge_many` over JSON files against the same bundles in memory, per bundle and as a ratio."""
    bundles = generate_bundles(rulebook, count)
    paths = []
    for index, bundle in enumerate(bundles):
        paths.append(root / f"batch{index}.json")
        paths[-1].write_text(json.dumps(bundle.to_data()), encoding="utf-8")
    costs = paired_us({"memory": lambda: judgment.judge_many(rulebook, bundles, any_date=True),
                       "paths": lambda: judgment.judge_many(rulebook, paths, any_date=True)}, count, repeat=3)
    return {"memory_us_per_bundle": costs["memory"], "paths_us_per_bundle": costs["paths"],
            "paths_over_memory": costs["paths"] / costs["memory"]}


def _written(root: Path, name: str, data: dict[str, Any]) -> dict[str, Path]:
    paths = {"json": root / f"{name}.json", "yaml": root / f"{name}.yaml"}
    text = json.dumps(data)
    paths["json"].write_text(text, encoding="utf-8")
    unshared = json.loads(text)  # no object twice, so YAML writes no alias (bundles refuse them)
    paths["yaml"].write_text(yaml.safe_dump(unshared, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return paths
