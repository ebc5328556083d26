"""A batch result: grades at once, the whole judgment on demand, and how it crosses processes."""

from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from typing import cast

from judgment._bundle import Bundle
from judgment._compiled import ENGINE, Run, explain
from judgment._compiled._portable import Packed, pack, unpack
from judgment._errors import JudgmentError
from judgment._judgment import CrossCheck, Judgment
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class BatchResult:
    """One bundle's result: its grades at once, its full explanation on demand."""

    index: int = field(metadata={"description": "the bundle's position in the input, from 0"})
    origin: str = field(metadata={"description": "the file it was loaded from, or `<bundle>`"})
    engine: str | None = field(metadata={"description": "the engine that judged it (`compiled`); null when refused"})
    cross_checked: bool = field(metadata={"description": "durable_rules judged it too, and made the same findings"})
    grades: dict[str, str | None] = field(default_factory=dict, metadata={
        "description": "question id -> grade id; null for a question not graded"})
    overall: str | None = field(default=None, metadata={
        "description": "the overall grade; null when ungraded, not graded or refused"})
    error: JudgmentError | None = field(default=None, metadata={
        "description": "why the bundle was refused (its diagnostics); then there is no judgment"})
    _source: Run | Shipped | None = field(default=None, repr=False, compare=False)
    not_graded: dict[str, str] = field(default_factory=dict, metadata={
        "description": "question id -> why it is not graded, for each question not graded"})
    overall_not_graded: str | None = field(default=None, metadata={
        "description": "why the overall judgment is not graded, when the evidence gave it no grade"})
    cross_check: str = field(default="not made", metadata={
        "description": "agreed (durable_rules made the same findings), not made (not in the share it judged), or "
                       "unavailable (durable_rules does not import where it was judged); as Judgment.cross_check"})

    @property
    def ok(self) -> bool:
        """True when the bundle was judged (no ``error``)."""
        return self.error is None

    @cached_property
    def judgment(self) -> Judgment:
        """The whole judgment, its trace put into words (on first use). Raises the error if refused."""
        if self.error is not None:
            raise self.error
        source = self._source
        if isinstance(source, Shipped):
            if source.bundle is None or source.rulebook is None:  # a programming error: a ValueError
                raise ValueError("this result was made portable without its bundle or rulebook: "
                                 "attached(bundle, rulebook) gives it back what it needs first")
            source = unpack(source.packed, source.rulebook, source.bundle)
        assert source is not None
        return explain(source, ENGINE, cast(CrossCheck, self.cross_check))

    def portable(self, keep_bundle: bool, keep_rulebook: bool = True) -> BatchResult:
        """The same result as plain data, to cross a process boundary: with its bundle and its
        rulebook if asked (a worker sends neither back when the parent has them already)."""
        if not isinstance(self._source, Run):
            return self
        run = self._source
        shipped = Shipped(pack(run), run.bundle if keep_bundle else None, run.rulebook if keep_rulebook else None)
        return dataclasses.replace(self, _source=shipped)

    def attached(self, bundle: Bundle | None, rulebook: Rulebook) -> BatchResult:
        """This result from a worker, with the bundle the parent sent (if the worker left it) and
        the parent's own rulebook, so that it is explained against the files that judged it."""
        source = self._source
        if not isinstance(source, Shipped):
            return self
        return dataclasses.replace(self, _source=Shipped(source.packed, source.bundle or bundle, rulebook))

    def __reduce__(self) -> tuple[type[BatchResult], tuple[object, ...]]:
        """Pickled as plain data with what it needs (its trace, bundle and rulebook), never its
        compiled functions nor the words already put on it."""
        whole = self.portable(keep_bundle=True)
        return (BatchResult, (whole.index, whole.origin, whole.engine, whole.cross_checked, whole.grades,
                              whole.overall, whole.error, whole._source, whole.not_graded,
                              whole.overall_not_graded, whole.cross_check))


@dataclass(frozen=True)
class Shipped:
    """A run packed as plain data; a worker leaves behind the bundle and the rulebook when the
    parent already has them, and the parent attaches its own."""

    packed: Packed
    bundle: Bundle | None
    rulebook: Rulebook | None = None


#: Rulebooks a worker process has been sent, by their files, folder and vocabulary: a worker
#: unpickles a rulebook with every chunk of work, and should compile it once, not once per chunk.
#: Only workers use it, as a cache: no result depends on what it still holds.
_KNOWN: OrderedDict[tuple[str, str, str], Rulebook] = OrderedDict()
_KNOWN_LOCK = threading.Lock()


def known(rulebook: Rulebook) -> Rulebook:
    """The rulebook this worker already compiled that is the same as `rulebook` (same files, same
    folder, same vocabulary), else `rulebook` itself, remembered for the next chunk."""
    key = (rulebook.sha256, rulebook.root, rulebook.vocabulary.id)
    with _KNOWN_LOCK:
        known = _KNOWN.get(key)
        if known is None:
            known = _KNOWN[key] = rulebook
            while len(_KNOWN) > 8:
                _KNOWN.popitem(last=False)
        _KNOWN.move_to_end(key)
        return known


def _new_lock_in_child() -> None:
    """A forked child has only the thread that forked: a lock another thread held is never released."""
    global _KNOWN_LOCK
    _KNOWN_LOCK = threading.Lock()


os.register_at_fork(after_in_child=_new_lock_in_child)

