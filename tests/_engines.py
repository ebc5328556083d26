"""Which engine of record this Python has: durable_rules where it imports (3.11, 3.12), else the
compiled engine alone (3.13). Tests of durable_rules itself are skipped where it is not; tests of
judging assert the engine each judgment reports."""

from __future__ import annotations

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
