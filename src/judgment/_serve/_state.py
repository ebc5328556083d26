"""The workbench's state: the original bundle, the changes made so far, and the live session
that holds the changed evidence. One lock orders edits, so the session and the list agree."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from judgment._bundle import Bundle
from judgment._judgment import Judgment
from judgment._live import LiveSession
from judgment._rulebook._model import Rulebook
from judgment._whatif._changes import Change, apply_changes


class Workbench:
    """A bundle under edit. :meth:`apply` validates a change against the original bundle with every
    change before it (a refused change raises :class:`~judgment.BundleError` and changes nothing),
    then brings the live session to the changed bundle by retracting and adding only the records
    that differ."""

    def __init__(self, rulebook: Rulebook, bundle: Bundle, *, any_date: bool = False) -> None:
        self.rulebook = rulebook
        self.original = bundle
        self.any_date = any_date
        self.original_judgment = _judge(rulebook, bundle, any_date)
        self._changes: list[Change] = []
        self._bundle = bundle
        self.version = 0  # counts moves: the page drops an analysis made for an older state
        self._lock = threading.Lock()
        self._session = LiveSession(rulebook, bundle.inspection, any_date=any_date)
        self._session.add(*bundle.records)

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(self._changes)

    @property
    def bundle(self) -> Bundle:
        """The edited bundle (the original with every change applied)."""
        return self._bundle

    def apply(self, change: Change) -> None:
        with self._lock:
            self._move_to([*self._changes, change])

    def undo(self) -> None:
        """Take back the last change (nothing happens when there is none)."""
        with self._lock:
            if self._changes:
                self._move_to(self._changes[:-1])

    def reset(self) -> None:
        with self._lock:
            self._move_to([])

    def snapshot(self) -> tuple[int, tuple[Change, ...], Bundle]:
        """The version, the changes and the edited bundle, read together."""
        with self._lock:
            return self.version, tuple(self._changes), self._bundle

    def judgment(self) -> Judgment:
        return self._session.judgment()

    def close(self) -> None:
        self._session.close()

    def _move_to(self, changes: Sequence[Change]) -> None:
        target = apply_changes(self.original, changes)  # raises before anything is touched
        now = {r.id: r for r in self._bundle.records}
        wanted = {r.id: r for r in target.records}
        for record_id, record in now.items():
            if wanted.get(record_id) != record:
                self._session.retract(record_id)
        self._session.add(*[r for i, r in wanted.items() if now.get(i) != r])
        self._changes = list(changes)
        self._bundle = target
        self.version += 1


def _judge(rulebook: Rulebook, bundle: Bundle, any_date: bool) -> Judgment:
    from judgment._api import judge

    return judge(rulebook, bundle, any_date=any_date)
