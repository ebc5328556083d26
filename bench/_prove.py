"""What proving a rulebook costs (issue 19, point 5), run by hand:

    .venv/bin/python -m bench._prove [--sizes 40 200 1000] [--limit 600] [--timeout 60] [--json FILE]

Times `judgment prove` end to end, one property at a time (a new process each, as a user runs it:
`judgment prove RULES --property P --format json --times`), on the shipped rulebook and on
generated rulebooks of 40, 200 and 1,000 finding rules (bench._scaling.scaled_rulebook: the shipped
rules copied as often as needed, the shipped grading). Prints, per rulebook and property, the wall
time, the solver's own time as the proof reports it, the records per kind it ranged over (BOUNDED
when prove cut them below what every bundle needs, to keep within its budget: such a proof exits 8),
its exit code and the outcomes (proved, refuted, warning, unknown), then the total, and how each
property's time grows against the smallest rulebook's.
A property that runs past --limit seconds is stopped and printed as not finished (never a figure);
one that ends in an error prints the error's first line. --timeout is prove's own, per question.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import SHIPPED_RULES
from bench._scaling import scaled_rulebook

PROPERTIES = ("totality", "monotonicity", "no_dead_rule", "no_shadowing", "opposite_polarity")


def proved(rules: Path, prop: str, limit: float, timeout: float) -> dict[str, Any]:
    """One property of one rulebook, timed from outside; what the proof says of itself, from its JSON."""
    started = time.perf_counter()
    try:
        done = subprocess.run([sys.executable, "-m", "judgment", "prove", str(rules), "--property", prop,
                               "--format", "json", "--times", "--timeout", str(timeout)],
                              capture_output=True, text=True, check=False, timeout=limit)
    except subprocess.TimeoutExpired:
        return {"property": prop, "finished": False, "wall_s": round(time.perf_counter() - started, 1)}
    wall = time.perf_counter() - started
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        error = (done.stderr or done.stdout).strip().splitlines()
        return {"property": prop, "finished": True, "wall_s": round(wall, 2), "exit_code": done.returncode,
                "error": error[0] if error else f"exit {done.returncode}, no output"}
    statuses = [o["status"] for o in data["outcomes"]]
    return {"property": prop, "finished": True, "wall_s": round(wall, 2), "proof_s": data.get("seconds"),
            "exit_code": done.returncode, "slots": max(data["slots"].values(), default=0),
            "bounded": bool(data.get("cut")),
            "outcomes": {s: statuses.count(s) for s in ("proved", "refuted", "warning", "unknown") if s in statuses}}


def measured(name: str, rules: Path, limit: float, timeout: float) -> dict[str, Any]:
    print(f"\n{name}")
    runs = []
    for prop in PROPERTIES:
        run = proved(rules, prop, limit, timeout)
        runs.append(run)
        print("  " + line(run), flush=True)
    finished = [r for r in runs if r["finished"] and "error" not in r]
    total = sum(r["wall_s"] for r in runs)
    tail = "" if len(finished) == len(runs) else f" ({len(runs) - len(finished)} not finished or failed: at least)"
    print(f"  {'total':<18} {total:8.1f} s{tail}")
    return {"rulebook": name, "runs": runs, "total_wall_s": round(total, 1), "complete": len(finished) == len(runs)}


def line(run: dict[str, Any]) -> str:
    head = f"{run['property']:<18} {run['wall_s']:8.1f} s"
    if not run["finished"]:
        return f"{head}  NOT FINISHED: stopped at the --limit"
    if "error" in run:
        return f"{head}  FAILED (exit {run['exit_code']}): {run['error'][:160]}"
    outcomes = ", ".join(f"{n} {s}" for s, n in run["outcomes"].items())
    bound = "BOUNDED to " if run["bounded"] else "up to "
    return (f"{head}  (solver and judging {run['proof_s']:.1f} s; {bound}{run['slots']} records a kind; "
            f"exit {run['exit_code']}) {outcomes}")


def growth(results: list[dict[str, Any]]) -> None:
    """Each property's wall time on each generated rulebook, as a multiple of the smallest one's."""
    generated = [r for r in results if r["rulebook"] != "shipped"]
    if len(generated) < 2:
        return
    print(f"\ngrowth against {generated[0]['rulebook']} (wall time ratio; - not finished or failed)")
    for index, prop in enumerate(PROPERTIES):
        base = generated[0]["runs"][index]
        cells = []
        for result in generated[1:]:
            run = result["runs"][index]
            ok = all(r["finished"] and "error" not in r for r in (base, run))
            cells.append(f"{result['rulebook']}: {run['wall_s'] / base['wall_s']:.1f} x" if ok else
                         f"{result['rulebook']}: -")
        print(f"  {prop:<18} " + "; ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[40, 200, 1000], help="finding rules generated")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds one property may run before it is stopped")
    parser.add_argument("--timeout", type=float, default=60.0, help="prove's --timeout, per question to the solver")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    options = parser.parse_args()
    results = [measured("shipped", SHIPPED_RULES, options.limit, options.timeout)]
    with tempfile.TemporaryDirectory(prefix="judgment-prove-bench-") as temporary:
        for size in options.sizes:
            folder = Path(temporary) / f"rules-{size}"
            folder.mkdir()
            scaled_rulebook(size, into=folder)
            results.append(measured(f"{size} rules", folder, options.limit, options.timeout))
    growth(results)
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
