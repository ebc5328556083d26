"""Batches in processes while another thread judges: a worker never inherits a lock held by a thread
it does not have (the hang of issue 13, reproduced in a subprocess with a timeout)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import DERBYSHIRE, RULES

SCRIPT = textwrap.dedent("""
    import sys, threading
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing
    import judgment

    rulebook = judgment.load_rulebook(sys.argv[1])
    bundle = judgment.load_bundle(sys.argv[2])
    expected = judgment.judge(rulebook, bundle).grades
    stop = threading.Event()

    def keep_judging():
        while not stop.is_set():
            judgment.judge(rulebook, bundle)

    thread = threading.Thread(target=keep_judging, daemon=True)
    thread.start()
    try:
        for run in range(int(sys.argv[3])):
            results = judgment.judge_many(rulebook, [bundle] * 6, workers=2, cross_check=1.0)
            assert all(r.ok and r.grades == expected for r in results), run
            # a user's pool, started the platform's default way (fork, on Linux before Python 3.14)
            with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
                results = judgment.judge_many(rulebook, [bundle] * 6, executor=pool, cross_check=1.0)
            assert all(r.ok and r.grades == expected for r in results), run
    finally:
        stop.set()
        thread.join()
    print("done")
""")


def test_batches_in_processes_do_not_hang_beside_a_judging_thread() -> None:
    try:
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(RULES), str(DERBYSHIRE), "8"],
                              capture_output=True, text=True, timeout=150)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError("a batch hung: a worker inherited a lock held by the judging thread") from exc
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "done"
