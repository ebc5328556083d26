"""The rulebook as it travels to Dask workers, and what a worker runs on each chunk.

The rulebook travels pickled (parsed: no folder is read on a worker), with the SHA-256 of those
bytes; a worker checks the digest before it unpickles, and keeps it for the next chunks, so that
it is compiled once per worker process. Its vocabulary travels by name (built in or installed) or
by its source, read again and checked by its fingerprint (judgment._vocabularies._pickling).
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from judgment._batch._many import Item
from judgment._diagnostics import Code, Diagnostic, Location
from judgment._errors import JudgmentError
from judgment._rulebook._model import Rulebook

T = TypeVar("T")
#: Judges a chunk with the rulebook (on a worker); and what each bundle gets when its chunk failed.
Work = Callable[[Rulebook, Sequence[Item]], list[T]]
Refuse = Callable[[Sequence[Item], Code, str, str], list[T]]


@dataclass(frozen=True)
class Shipment:
    """A rulebook as the bytes that travel, with their digest and the rulebook's identity."""

    data: bytes
    digest: str
    rulebook_sha256: str

    @classmethod
    def of(cls, rulebook: Rulebook) -> Shipment:
        data = pickled(rulebook)
        return cls(data, hashlib.sha256(data).hexdigest(), rulebook.sha256)

    def open(self) -> Rulebook:
        """The rulebook, unpickled once per worker process, after its bytes are found intact."""
        global _OPENINGS
        with _LOCK:
            known = _OPENED.get(self.digest)
            if known is None:
                if hashlib.sha256(self.data).hexdigest() != self.digest:
                    raise self._damaged("its bytes do not match their digest")
                known = pickle.loads(self.data)  # noqa: S301 - bytes this process's parent made, digest checked
                if not isinstance(known, Rulebook) or known.sha256 != self.rulebook_sha256:
                    raise self._damaged("they are not the rulebook they name")
                _OPENED[self.digest] = known
                _OPENINGS += 1
                while len(_OPENED) > 8:
                    _OPENED.popitem(last=False)
            _OPENED.move_to_end(self.digest)
            return known


    def _damaged(self, why: str) -> JudgmentError:
        return JudgmentError([Diagnostic("WORKER_LOST", f"the rulebook {self.rulebook_sha256[:12]} reached this "
                                         f"worker damaged: {why}", Location("<rulebook>"))])


_OPENED: OrderedDict[str, Rulebook] = OrderedDict()
_OPENINGS = 0
_LOCK = threading.Lock()


def openings() -> int:
    """How many rulebooks this process unpickled from shipments (asked of workers by the tests)."""
    return _OPENINGS


def judged_there(shipment: Shipment, work: Work[T], refuse: Refuse[T], payload: bytes) -> bytes:
    """Run on a worker: the chunk judged, or each bundle refused if the rulebook did not arrive whole.
    The chunk and its results travel pickled by us, as bytes: Dask sends bytes as they are, where it
    would walk every bundle and result looking for its own objects inside (several times slower)."""
    items: Sequence[Item] = pickle.loads(payload)  # noqa: S301 - made by the process that submitted it
    try:
        rulebook = shipment.open()
    except JudgmentError as error:
        return pickled(refuse(items, "WORKER_LOST", error.diagnostics[0].message, "judge again: the "
                              "cluster's network or memory damaged what it carried"))
    return pickled(work(rulebook, items))


def pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
