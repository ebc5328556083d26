"""The engine of record, chosen once per process: durable_rules where it imports, cross-checked by
the compiled engine; else the compiled engine alone, and every judgment says so.

    engine_for(rulebook)   DurableEngine or CompiledEngine, made afresh
    durable_missing()      None where durable_rules imports, else why it does not
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from judgment._engine._available import durable_missing
from judgment._engine._compiled import CompiledEngine
from judgment._engine._kinds import AGREED, NOT_MADE, UNAVAILABLE, Engine

if TYPE_CHECKING:
    from judgment._rulebook._model import Rulebook

__all__ = ["AGREED", "NOT_MADE", "UNAVAILABLE", "CompiledEngine", "Engine", "durable_missing", "engine_for"]


def engine_for(rulebook: Rulebook) -> Engine:
    """An engine for `rulebook`, made afresh: no cache keeps it (and so the rulebook) alive.

    durable_rules (imported here, on first use, not by ``import judgment``) where it imports: its
    compiled ruleset is shared by every rulebook with the same files for the life of the process
    (durable_rules cannot unload one), and the compiled program is kept with the rulebook."""
    if durable_missing() is not None:
        return CompiledEngine(rulebook)
    from judgment._durable._engine import DurableEngine

    return DurableEngine(rulebook)
