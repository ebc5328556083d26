"""The workbench's round trip (issue 17, point 5): an edit posted to the real server (uvicorn on
127.0.0.1, keep-alive HTTP) until the updated fragments are read, p50 and p95 over many edits,
beside one plain judgment of the same bundle measured in the same run.

    .venv/bin/python -m bench._workbench --edits 200
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import time
from typing import Any

import judgment
from bench._common import DERBYSHIRE, SHIPPED_RULES
from judgment._serve._run import Running

TARGET_P95_MS = 50.0
LEVELS = ("developing", "limited")  # each edit moves reducing crime between Outstanding and Good


def round_trip(rulebook: judgment.Rulebook, edits: int = 200) -> dict[str, Any]:
    bundle = judgment.load_bundle(DERBYSHIRE, rulebook.vocabulary)
    plain = []
    for _ in range(max(20, edits // 4)):
        started = time.perf_counter()
        judgment.judge(rulebook, bundle)
        plain.append((time.perf_counter() - started) * 1000)
    with Running(rulebook, bundle) as running:
        port = int(running.url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/")
        page = connection.getresponse().read().decode()
        found = re.search(r'name="workbench-token" content="([^"]+)"', page)
        assert found is not None
        headers = {"content-type": "application/json", "x-workbench-token": found.group(1)}
        times, moved = [], 0
        for number in range(edits):
            body = json.dumps({"op": "set", "record": "evaluation-crime-prevention", "path": "level",
                               "value": LEVELS[number % 2]}).encode()  # one send: no Nagle wait
            started = time.perf_counter()
            connection.request("POST", "/edit", body=body, headers=headers)
            answer = connection.getresponse()
            fragments = json.loads(answer.read())["fragments"]
            times.append((time.perf_counter() - started) * 1000)
            assert answer.status == 200
            moved += 'id="reducing_crime"><h2>' in fragments["judgment"] and "grade outstanding" in fragments["judgment"]
        connection.close()
    return {"edits": edits, "p50_ms": _percentile(times, 50), "p95_ms": _percentile(times, 95),
            "max_ms": max(times), "edits_to_outstanding": moved,
            "plain_judgment_ms_median": statistics.median(plain), "target_p95_ms": TARGET_P95_MS}


def _percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def report(figures: dict[str, Any]) -> None:
    met = "met " if figures["p95_ms"] < TARGET_P95_MS else "MISSED"
    print(f"\nWorkbench round trip (edit -> updated fragments, uvicorn on 127.0.0.1), {figures['edits']} edits: "
          f"p50 {figures['p50_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms, max {figures['max_ms']:.1f} ms; "
          f"one plain judgment {figures['plain_judgment_ms_median']:.1f} ms (median)")
    print(f"  {met} workbench round trip p95 < {TARGET_P95_MS:g} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=200)
    figures = round_trip(judgment.load_rulebook(SHIPPED_RULES), parser.parse_args().edits)
    report(figures)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
