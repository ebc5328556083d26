"""A batch result: grades at once, the whole judgment on demand, and how it crosses processes."""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property

from judgment._bundle import Bundle
from judgment._compiled import ENGINE, Run, explain
from judgment._compiled._portable import Packed, pack, unpack
from judgment._errors import JudgmentError
from judgment._judgment import Judgment
from judgment._rulebook._model import Rulebook


@dataclass(frozen=True)
class BatchResult:
    """One bundle's result: its grades at once, its full explanation on demand."""

    index: int  # the bundle's position in the input
    origin: str  # the file it was loaded from, or ``<bundle>``
    engine: str | None  # the engine that judged it ("compiled"); None when it was refused
    cross_checked: bool  # durable_rules judged it too, and made the same findings
    grades: dict[str, str] = field(default_factory=dict)  # question -> grade
    overall: str | None = None
    error: JudgmentError | None = None  # why it was refused; then there is no judgment
    _source: Run | Shipped | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.error is None

    @cached_property
    def judgment(self) -> Judgment:
        """The whole judgment, its trace put into words (on first use). Raises the error if refused."""
        if self.error is not None:
            raise self.error
        source = self._source
        if isinstance(source, Shipped):
            assert source.bundle is not None, "the parent process attaches the bundle it sent"
            source = unpack(source.packed, _KNOWN[source.packed.rulebook_sha256], source.bundle)
        assert source is not None
        return explain(source, ENGINE)

    def portable(self, keep_bundle: bool) -> BatchResult:
        """The same result as plain data, to cross a process boundary (with its bundle if asked)."""
        if not isinstance(self._source, Run):
            return self
        shipped = Shipped(pack(self._source), self._source.bundle if keep_bundle else None)
        return dataclasses.replace(self, _source=shipped)


@dataclass(frozen=True)
class Shipped:
    """A run packed in a worker process; the bundle stays behind when the parent already has it."""

    packed: Packed
    bundle: Bundle | None


#: Rulebooks this process has seen, by content hash: a worker unpickles a rulebook with every
#: chunk of work, and should compile it once, not once per chunk.
_KNOWN: OrderedDict[str, Rulebook] = OrderedDict()
_KNOWN_LOCK = threading.Lock()


def known(rulebook: Rulebook) -> Rulebook:
    with _KNOWN_LOCK:
        known = _KNOWN.get(rulebook.sha256)
        if known is None:
            known = _KNOWN[rulebook.sha256] = rulebook
            while len(_KNOWN) > 8:
                _KNOWN.popitem(last=False)
        return known

