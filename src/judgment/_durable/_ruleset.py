"""One compiled durable_rules ruleset per rulebook per process, and the sessions on it."""

from __future__ import annotations

import itertools
import os
import threading

from judgment._compiled import rule_variables
from judgment._diagnostics import Diagnostic, Location
from judgment._durable import _native
from judgment._durable._compile import Compiled, compile_rulebook, render_definition
from judgment._durable._hash import IdAllocator
from judgment._errors import EngineLimitError
from judgment._rulebook._model import Rulebook

#: durable_rules fails with MemoryError at 1,024 live sessions per ruleset, and
#: crashes if such a session is touched afterwards; we stay far below.
MAX_LIVE_SESSIONS = 256

_RULESETS: dict[tuple[str, str], Ruleset] = {}
_NAMES = itertools.count()
_REGISTRY_LOCK = threading.Lock()


class Ruleset:
    """A rulebook compiled and loaded into the engine. durable_rules cannot unload a ruleset,
    so each is created once and kept for the life of the process."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.compiled: Compiled = compile_rulebook(rulebook)
        self.name = f"judgment-{rulebook.id}-{rulebook.sha256[:12]}-{next(_NAMES)}"
        self.location = Location(rulebook.root)
        #: Each finding rule's variables, in the order it binds them: what the cross-check keys by.
        self.variables = rule_variables(rulebook)
        try:
            self.handle = _native.create_ruleset(self.name, render_definition(self.compiled.definition))
        except _native.NativeError as exc:
            raise EngineLimitError([Diagnostic("ENGINE_LIMIT", str(exc), self.location, hint=(
                "a limit of durable_rules that judgment does not count yet: please report it"))]) from None
        self.lock = threading.RLock()  # one session operation at a time on this ruleset
        self.sessions = IdAllocator("s")

    @property
    def live_sessions(self) -> int:
        return len(self.sessions)

    def allocate_session(self) -> str:
        if len(self.sessions) >= MAX_LIVE_SESSIONS:
            raise EngineLimitError([Diagnostic(
                "ENGINE_LIMIT", f"{MAX_LIVE_SESSIONS} sessions are already open on this rulebook", self.location,
                hint="close sessions you no longer need (use them as context managers)")])
        return self.sessions.allocate()


def ruleset_for(rulebook: Rulebook) -> Ruleset:
    key = (rulebook.sha256, rulebook.vocabulary.id)
    with _REGISTRY_LOCK:
        ruleset = _RULESETS.get(key)
        if ruleset is None:
            ruleset = _RULESETS[key] = Ruleset(rulebook)
        return ruleset


def _new_locks_in_child() -> None:
    """A forked child (a user's process pool) has only the thread that forked: a lock another
    thread held at that moment, judging, would be held for ever. durable_rules' C calls never
    release the GIL, so a fork never lands inside one; a session the lost thread had open is
    left as it was (sessions do not share state), and the child goes on with new ones."""
    global _REGISTRY_LOCK
    _REGISTRY_LOCK = threading.Lock()
    for ruleset in _RULESETS.values():
        ruleset.lock = threading.RLock()


os.register_at_fork(after_in_child=_new_locks_in_child)


def live_sessions() -> int:
    """Open engine sessions across every ruleset of this process (tests watch this for leaks)."""
    return sum(r.live_sessions for r in _RULESETS.values())
