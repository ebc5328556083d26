"""What every engine of record offers, and the words for its cross-check."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, Protocol

from judgment._bundle import Bundle
from judgment._judgment import CrossCheck, Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record

#: Judgment.cross_check: a second engine made the findings too, and the same ones.
AGREED: Final[CrossCheck] = "agreed"
#: No second engine here: durable_rules does not import on this Python.
UNAVAILABLE: Final[CrossCheck] = "unavailable"
#: Batch judging: durable_rules is here, but this bundle was not in the share it judged too.
NOT_MADE: Final[CrossCheck] = "not made"

FindingKey = tuple[str, tuple[tuple[str, str], ...]]  # (rule, ((variable, record id), ...))


class Session(Protocol):
    """An open engine session: records in and out, the findings they make now."""

    def add(self, records: Iterable[Record]) -> None: ...
    def retract(self, record_id: str) -> None: ...
    def snapshot(self) -> tuple[tuple[Record, ...], set[FindingKey]]: ...
    def close(self) -> None: ...


class Engine(Protocol):
    """The engine of record for one rulebook."""

    engine: str
    rulebook: Rulebook

    def open(self) -> Session: ...
    def findings(self, bundle: Bundle, order: Sequence[Record] | None = None) -> set[FindingKey]: ...
    def judge(self, bundle: Bundle, order: Sequence[Record] | None = None) -> Judgment: ...
    def explain(self, bundle: Bundle, made: set[FindingKey], order: Sequence[Record] | None = None) -> Judgment: ...
