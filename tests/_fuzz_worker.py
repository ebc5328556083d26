"""A worker process for tests/test_rulebook_fuzz.py: checks a rulebook as `judgment check` does and, when
it is accepted, judges bundles with it every way the library offers (judge, judge_many with a full
cross-check, a live session with adds and a retraction). One JSON line in, one out; a crash or a hang
kills only the worker, which the parent sees and replaces."""

from __future__ import annotations

import json
import select
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

RESTART_AFTER = 100  # durable_rules never frees a ruleset: a fresh worker now and then keeps memory flat


def _judge_every_way(rulebook: Any, path: str) -> str:
    import judgment

    try:
        bundle = judgment.load_bundle(path, rulebook.vocabulary)
        judgment.judge(rulebook, bundle, any_date=True)
        (result,) = judgment.judge_many(rulebook, [bundle], cross_check=1.0, any_date=True)
        if result.error is not None:
            raise result.error
        with judgment.open_session(rulebook, bundle.inspection, any_date=True) as session:
            for record in bundle.records:
                session.add(record)
            session.judgment()
            if bundle.records:
                session.retract(bundle.records[0].id)
                session.judgment()
    except judgment.JudgmentError as error:
        return f"refused {error.diagnostics[0].code}" if error.diagnostics else "refused"
    return "judged"


def serve() -> None:
    """The worker's side: one request a line."""
    from judgment._cli._check import _checked

    for line in sys.stdin:
        request = json.loads(line)
        try:
            diagnostics, code, rulebook = _checked(Path(request["rules"]), ())
            assert all(d.location.path for d in diagnostics), diagnostics
            errors = sorted({d.code for d in diagnostics if d.severity == "error"})
            if rulebook is None or code or errors:
                reply: dict[str, Any] = {"check": "refused", "codes": errors}
            else:
                reply = {"check": "accepted", "results": [_judge_every_way(rulebook, p) for p in request["bundles"]]}
        except Exception:  # an internal error: the finding the fuzz test exists for
            reply = {"check": "internal error", "traceback": traceback.format_exc()}
        print(json.dumps(reply), flush=True)


class Worker:
    """The parent's side: runs requests in a worker process, with a time limit each."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._served = 0

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
            self._process = None

    def run(self, rules: Path, bundles: list[Path], timeout: float) -> dict[str, Any]:
        if self._process is None or self._served >= RESTART_AFTER:
            self._stop()
            self._process = subprocess.Popen([sys.executable, __file__], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, text=True)
            self._served = 0
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        self._served += 1
        try:
            process.stdin.write(json.dumps({"rules": str(rules), "bundles": [str(b) for b in bundles]}) + "\n")
            process.stdin.flush()
        except BrokenPipeError:
            pass
        ready, _, _ = select.select([process.stdout], [], [], timeout)
        line = process.stdout.readline() if ready else ""
        if line:
            return dict(json.loads(line))
        hung = not ready
        self._stop()
        return {"check": f"hung past {timeout:.0f} s" if hung else f"worker died ({process.returncode})"}


if __name__ == "__main__":
    serve()
