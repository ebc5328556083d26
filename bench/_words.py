"""What putting a judgment into words costs beside judging it (issue 21, point 2).

Over the same bundles, in µs a bundle: judging with the trace (``run``), the Judgment in words with
every why-not (``explain``), its JSON (``to_json``) and its sealed decision record (``record``); and
the ratio explain/run, whose target is at most 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import judgment
from bench._common import paired_us
from judgment._compiled import explain, run
from judgment._records._record import build_record, render_record

TARGET = 2.0


def words(rulebook: judgment.Rulebook, bundles: Sequence[judgment.Bundle]) -> dict[str, Any]:
    """µs a bundle for run, explain, to_json and record, and explain/run against its target."""
    runs = [run(rulebook, b) for b in bundles]
    said = [explain(r, "compiled", "not made") for r in runs]
    us = paired_us({
        "run": lambda: [run(rulebook, b) for b in bundles],
        "explain": lambda: [explain(r, "compiled", "not made") for r in runs],
        "to_json": lambda: [j.to_json() for j in said],
        "record": lambda: [render_record(build_record(j, rulebook, b, timestamp="2026-01-01T00:00:00+00:00"))
                           for j, b in zip(said, bundles)],
    }, len(bundles), repeat=3)
    ratio = us["explain"] / us["run"]
    return {"bundles": len(bundles), "us_per_bundle": {k: round(v, 1) for k, v in us.items()},
            "explain_over_run": round(ratio, 2), "target": TARGET, "met": ratio <= TARGET}
