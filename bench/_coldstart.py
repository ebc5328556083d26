"""Cold start (issue 20, point 4): `judgment run` on the shipped example and `import judgment`, each
in a fresh interpreter, median of 5, beside references timed in the same run: `python -c pass`
and `python -c "import pydantic"` (what judgment cannot start without).

Twice: with bytecode cached, as an installed package has it (pip writes the .pyc files; here they
go to a temporary PYTHONPYCACHEPREFIX, warmed by one run), and compiled from source each time, as
a checkout run with PYTHONDONTWRITEBYTECODE has it. Each command runs once first, untimed, so its
files are in the OS cache.

    .venv/bin/python -m bench._coldstart
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import DERBYSHIRE, ROOT, SHIPPED_RULES

TARGET_SECONDS = 0.5
RUN = [str(Path(sys.executable).parent / "judgment"), "run", str(DERBYSHIRE), "--rules", str(SHIPPED_RULES)]
COMMANDS = {  # what is timed: judgment's two, then the references
    "judgment_run": RUN,
    "import_judgment": [sys.executable, "-c", "import judgment"],
    "python": [sys.executable, "-c", "pass"],
    "import_pydantic": [sys.executable, "-c", "import pydantic"],
}


def cold_start(runs: int = 5) -> dict[str, Any]:
    """Median seconds of each command, bytecode cached (the headline) and compiled from source."""
    with tempfile.TemporaryDirectory(prefix="judgment-pyc-") as cache:
        cached = _environment(PYTHONPYCACHEPREFIX=cache)
        figures = {name: _median(command, cached, runs) for name, command in COMMANDS.items()}
    from_source = _environment(PYTHONDONTWRITEBYTECODE="1")
    figures["from_source"] = {name: _median(COMMANDS[name], from_source, runs) for name in ("judgment_run",
                                                                                              "import_judgment")}
    run = figures["judgment_run"]
    return {**figures, "seconds_median": run["median"], "seconds": run["seconds"], "runs": runs,
            "run_over_python": run["median"] / figures["python"]["median"],
            "import_over_pydantic": figures["import_judgment"]["median"] / figures["import_pydantic"]["median"],
            "target_seconds": TARGET_SECONDS}


def _environment(**settings: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    return {**environment, **settings}


def _median(command: list[str], environment: dict[str, str], runs: int) -> dict[str, Any]:
    subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=environment)  # caches warmed
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, cwd=ROOT, env=environment)
        seconds.append(time.perf_counter() - started)
    return {"median": statistics.median(seconds), "seconds": seconds}


def report(figures: dict[str, Any]) -> None:
    source = figures["from_source"]
    print(f"\nCold start, median of {figures['runs']} fresh processes (bytecode cached; compiled from source)")
    for label, key in (("judgment run, shipped example", "judgment_run"), ("import judgment", "import_judgment")):
        print(f"  {label:<34} {figures[key]['median']:6.3f} s   {source[key]['median']:6.3f} s")
    for label, key in (("python -c pass", "python"), ('python -c "import pydantic"', "import_pydantic")):
        print(f"  {label:<34} {figures[key]['median']:6.3f} s")
    print(f"  judgment run / python -c pass {figures['run_over_python']:.1f}x; "
          f"import judgment / import pydantic {figures['import_over_pydantic']:.2f}x")
    met = "met " if figures["seconds_median"] <= TARGET_SECONDS else "MISSED"
    print(f"  {met} cold start of judgment run <= {TARGET_SECONDS:g} s (bytecode cached)")


def main() -> None:
    figures = cold_start()
    report(figures)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
