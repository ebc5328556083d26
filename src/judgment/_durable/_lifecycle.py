"""A session's engine state, released exactly once: when it is closed, or when it is collected.

durable_rules keeps a session's state until ``delete_state``, and judgment stops opening live
sessions on a ruleset at MAX_LIVE_SESSIONS (durable_rules itself fails at 1,024). A session dropped
without ``close()`` must not hold its place for the life of the process, so each registers a
finalizer. The finalizer holds only the session's :class:`Slot`, never the session (it would keep it
alive), and does not call durable_rules: the collector may run it at any allocation, even in the
middle of another session's update on the same ruleset. It queues the slot; the queue is emptied
under the ruleset's lock before the next session on that ruleset opens.

Deleting a session in which no action completed crashes durable_rules (C1), and a session whose
opening batch failed (error 303, an action that raised) is such a session. Its state is left in the
engine and its id is retired: kept allocated, so that no later session can share its state.
"""

from __future__ import annotations

import gc
from collections import deque
from dataclasses import dataclass

from judgment._durable import _native
from judgment._durable._ruleset import MAX_LIVE_SESSIONS, Ruleset

#: Sessions collected without close(), by ruleset name, waiting for that ruleset's lock.
_ORPHANS: dict[str, deque[Slot]] = {}


@dataclass(eq=False)
class Slot:
    """What releasing a session needs. `asserted`: the engine holds a state for it; `opened`: its
    opening action completed, so deleting that state is safe."""

    ruleset: Ruleset
    sid: str
    asserted: bool = False
    opened: bool = False
    released: bool = False


def take(ruleset: Ruleset, live: bool) -> Slot:
    """A session id on `ruleset` (call with its lock held). Live sessions count against
    MAX_LIVE_SESSIONS; one-shot ones, opened and closed under the lock in one call, do not."""
    reap(ruleset)
    if not live:
        return Slot(ruleset, ruleset.sessions.allocate())
    if len(ruleset.sessions) >= MAX_LIVE_SESSIONS:
        gc.collect()  # sessions dropped inside reference cycles are found only by the collector
        reap(ruleset)
    return Slot(ruleset, ruleset.allocate_session())


def release(slot: Slot) -> None:
    """Free the slot's engine state and id (call with its ruleset's lock held); once only."""
    if slot.released:
        return
    slot.released = True
    if slot.opened:
        _native.delete_state(slot.ruleset.handle, slot.sid)
    elif slot.asserted:
        return  # C1: never deleted; the id stays taken so that no session reuses the state
    slot.ruleset.sessions.release(slot.sid)


def orphan(slot: Slot) -> None:
    """The finalizer of a session collected without close(): queue its slot (no engine call here)."""
    _ORPHANS.setdefault(slot.ruleset.name, deque()).append(slot)


def reap(ruleset: Ruleset) -> None:
    """Release the sessions of `ruleset` that were collected without close() (with its lock held)."""
    queue = _ORPHANS.get(ruleset.name)
    while queue:
        release(queue.popleft())
