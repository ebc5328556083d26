"""A live session on the compiled engine: the records held, and the findings they make now.

The same contract as a durable_rules session (judgment._durable._session): records added at once
or not at all, a duplicate id refused (``DUPLICATE_ID``), an unknown id on retraction refused
(``UNKNOWN_REFERENCE``), a closed session refused (``ENGINE_LIMIT``), every update and read whole
under one lock. Truth maintenance is by derivation: the findings are derived again from the records
held whenever they are read after a change, so a retracted record takes with it every finding it
supported, directly or through other findings.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING

from judgment._diagnostics import Code, Diagnostic, Location
from judgment._errors import JudgmentError, UnknownRecordError
from judgment._engine._kinds import FindingKey
from judgment.evidence import Record

if TYPE_CHECKING:
    from judgment._engine._compiled import CompiledEngine


class CompiledSession:
    def __init__(self, engine: CompiledEngine) -> None:
        self._engine = engine
        self._location = Location(engine.rulebook.root)
        self._records: dict[str, Record] = {}
        self._made: set[FindingKey] | None = None  # None: derive (again) before reading
        self._lock = threading.RLock()
        self._closed = False

    def add(self, records: Iterable[Record]) -> None:
        records = list(records)
        with self._lock:
            self._usable()
            seen = set(self._records)
            for record in records:
                if record.id in seen:
                    raise self._error("DUPLICATE_ID", f"record {record.id!r} is already in the session")
                seen.add(record.id)
            self._records.update((record.id, record) for record in records)
            self._made = None

    def retract(self, record_id: str) -> None:
        with self._lock:
            self._usable()
            if record_id not in self._records:
                raise UnknownRecordError([Diagnostic(
                    "UNKNOWN_REFERENCE", f"record {record_id!r} is not in the session", self._location,
                    hint=self._held())])
            del self._records[record_id]
            self._made = None

    def findings(self) -> set[FindingKey]:
        return self.snapshot()[1]

    def snapshot(self) -> tuple[tuple[Record, ...], set[FindingKey]]:
        """The records held, by id, and the findings they make, read together."""
        with self._lock:
            records = tuple(sorted(self._records.values(), key=lambda r: r.id))
            if self._made is None:
                self._made = self._engine.held_findings(records)
            return records, set(self._made)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._records.clear()

    def _usable(self) -> None:
        if self._closed:
            raise self._error("ENGINE_LIMIT", "this session is closed")

    def _error(self, code: Code, message: str) -> JudgmentError:
        return JudgmentError([Diagnostic(code, message, self._location)])

    def _held(self) -> str:
        held = ", ".join(repr(r) for r in sorted(self._records)[:5]) + (", ..." if len(self._records) > 5 else "")
        return f"the session holds {held}" if held else "the session holds no records"
