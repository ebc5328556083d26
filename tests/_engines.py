"""Which engine of record this Python has: durable_rules where it imports (3.11, 3.12), else the
compiled engine alone (3.13). Tests of durable_rules itself are skipped where it is not; tests of
judging assert the engine each judgment reports."""

from __future__ import annotations

import re

import pytest

from judgment._engine import durable_missing

DURABLE = durable_missing() is None
#: What a judgment made here says: (engine, cross_check).
ENGINE_HERE = ("durable_rules", "agreed") if DURABLE else ("compiled", "unavailable")
needs_durable = pytest.mark.skipif(not DURABLE, reason=f"{durable_missing()}: the compiled engine is the engine of record")


def live_sessions() -> int:
    """durable_rules sessions open in this process (none where it does not import: the compiled
    engine's sessions hold nothing outside themselves)."""
    if not DURABLE:
        return 0
    from judgment._durable._ruleset import live_sessions as open_now

    return open_now()


_WITHOUT = [  # what a line says where durable_rules does not import -> what the docs (made with it) show
    (re.compile(r"engine: compiled \(durable_rules was not available, so no cross-check\)"),
     "engine: durable_rules (cross-checked by the compiled engine: the same findings)"),
    (re.compile(r"engine: compiled \(durable\\_rules was not available, so no cross-check\)"),
     "engine: durable\\_rules (cross-checked by the compiled engine: the same findings)"),
    (re.compile(r"none cross-checked: durable_rules [^;]*"), "0 also judged by durable_rules, with the same findings"),
    (re.compile(r"4 of 5 hold \(totality, determinism, monotonicity, no_dead_rule\); agreement not checked: .*"),
     "5 of 5 hold (totality, determinism, monotonicity, agreement, no_dead_rule)"),
]
_COUNTED = re.compile(r"^properties over [\d,]+ generated bundles")  # fewer where agreement is not checked


def as_documented(lines: list[str]) -> list[str]:
    """Output lines as the docs show them (written where durable_rules imports): here, unchanged;
    where it does not, each line that says so read as its counterpart, and no bundle count compared.
    Only these words differ between the two: every other line is compared as printed."""
    if DURABLE:
        return lines
    out = []
    for line in lines:
        for pattern, words in _WITHOUT:
            line = pattern.sub(words, line)
        out.append(_COUNTED.sub("properties over N generated bundles", line))
    return out
