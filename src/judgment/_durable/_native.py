"""The one place that imports durable_rules: its C extension, driven directly.

`durable.engine.Host` is never used: it starts timer threads that never stop,
swallows exceptions raised in actions and treats two-parameter actions as
asynchronous. Every call here is synchronous and returns to the caller.
"""

from __future__ import annotations

import json
from typing import Any

import durable_rules_engine as _engine

#: The version this fence was written and tested against.
DURABLE_RULES_VERSION = "2.0.28"

#: Result codes of assert/retract calls.
HANDLED, NOT_HANDLED, OBSERVED = 0, 1, 2


class NativeError(Exception):
    """durable_rules reported an error code instead of crashing."""


def create_ruleset(name: str, definition: str) -> int:
    try:
        return int(_engine.create_ruleset(name, definition))
    except Exception as exc:  # e.g. error 108; the limits the compiler counts should make this unreachable
        raise NativeError(f"durable_rules refused the ruleset: {exc}") from exc


def assert_facts(handle: int, facts_json: str) -> tuple[int, int]:
    return _call(_engine.assert_facts, handle, facts_json)


def retract_facts(handle: int, facts_json: str) -> tuple[int, int]:
    return _call(_engine.retract_facts, handle, facts_json)


def start_action_for_state(handle: int, state_handle: int) -> str | None:
    """The first pending activation of this state as JSON, or None."""
    result = _engine.start_action_for_state(handle, state_handle)
    return None if not result else str(result[1])


def complete_and_start_action(handle: int, state_handle: int) -> str | None:
    """Complete the current activation; return the next one as JSON, or None."""
    result = _engine.complete_and_start_action(handle, state_handle)
    return str(result) if result else None


def abandon_action(handle: int, state_handle: int) -> None:
    _engine.abandon_action(handle, state_handle)


def get_facts(handle: int, sid: str) -> list[dict[str, Any]]:
    return list(json.loads(_engine.get_facts(handle, sid)))


def delete_state(handle: int, sid: str) -> None:
    _engine.delete_state(handle, sid)


def _call(function: Any, handle: int, payload: str) -> tuple[int, int]:
    try:
        code, state = function(handle, payload)
    except Exception as exc:  # the extension raises plain Exception with an error number
        raise NativeError(f"durable_rules refused a call: {exc}") from exc
    return int(code), int(state)
