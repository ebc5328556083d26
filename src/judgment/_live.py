"""A live judgment: one engine session kept open while an inspection is in progress."""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType

from judgment._engine import engine_for
from judgment._bundle import Bundle, Inspection
from judgment._fit import check_fit
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook
from judgment.evidence import Record


class LiveSession:
    """Evidence is added and retracted one record at a time; the engine updates the findings
    incrementally (retracting what a withdrawn record supported), and :meth:`judgment` reads the
    current judgment, cross-checked like any other. Close it, or use it as a context manager.

    A session may be shared by threads: each :meth:`add`, :meth:`retract` and read is done whole
    under the engine's lock, so concurrent calls take effect one after another."""

    def __init__(self, rulebook: Rulebook, inspection: Inspection, *, any_date: bool = False) -> None:
        self._engine = engine_for(rulebook)
        self._empty = Bundle(vocabulary=rulebook.vocabulary.id, inspection=inspection)
        check_fit(rulebook, self._empty, any_date)
        self._session = self._engine.open()

    def add(self, *records: Record) -> None:
        """Add records; a record whose id is already in the session is refused (``DUPLICATE_ID``),
        and then none of them is added. A record that is not one of the vocabulary's is a
        :class:`TypeError`."""
        self._check_kinds(records)
        self._session.add(records)

    def retract(self, record_id: str) -> None:
        """Withdraw a record, and every finding it supported. An id the session does not hold
        raises :class:`~judgment.UnknownRecordError` (``UNKNOWN_REFERENCE``)."""
        self._session.retract(record_id)

    @property
    def records(self) -> tuple[Record, ...]:
        """The records now in the session, in id order."""
        return self._session.snapshot()[0]

    @property
    def bundle(self) -> Bundle:
        """The records now in the session as a bundle of the session's inspection."""
        return self._empty.replace_records(self.records)

    def judgment(self) -> Judgment:
        """The judgment of the records now in the session: its records and its findings are read
        together, so an update from another thread is either wholly in it or wholly not."""
        records, made = self._session.snapshot()
        return self._engine.explain(self._empty.replace_records(records), made)

    def close(self) -> None:
        """End the engine session and free what it holds (also done on leaving a `with` block)."""
        self._session.close()

    def __enter__(self) -> LiveSession:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _check_kinds(self, records: Iterable[Record]) -> None:
        models = self._engine.rulebook.vocabulary.models
        for record in records:
            if not isinstance(record, Record):
                raise TypeError(f"LiveSession.add takes evidence records, not {type(record).__name__}: "
                                "load a bundle or validate the record with its kind's model first")
            if models.get(record.kind) is not type(record):
                raise TypeError(f"record {record.id!r} is not a {record.kind!r} of vocabulary "
                                f"{self._engine.rulebook.vocabulary.id!r}")


def open_session(rulebook: Rulebook, inspection: Inspection, *, any_date: bool = False) -> LiveSession:
    """Open a live judgment of `inspection` under `rulebook`."""
    return LiveSession(rulebook, inspection, any_date=any_date)
