"""Bundles: an inspection and its evidence records, kept sorted by record id."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from judgment._diagnostics import Location, excerpt
from judgment._errors import UnknownRecordError, unknown_id
from judgment._io._data_places import data_place
from judgment.evidence import Record, get_vocabulary
from judgment.evidence._base import EvidenceModel

MAX_RECORDS = 10_000


class Period(EvidenceModel):
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start > self.end:
            raise ValueError(f"period starts {self.start} after it ends {self.end}")
        return self


class Inspection(EvidenceModel):
    """What was inspected, when, and under which framework: strict, as evidence is."""

    organisation: str = Field(min_length=1, max_length=200,
                              description="the inspected body (a police force, a school, a care home...)")
    period: Period
    framework: str = Field(min_length=1, max_length=100)
    date: dt.date
    title: str | None = Field(default=None, max_length=500)
    summary: str | None = Field(default=None, max_length=10_000,
                                description="the inspectorate's overall narrative, quoted from the report")


class Bundle(BaseModel):
    """An inspection and its evidence records, kept sorted by record id.

    Built in code, a bundle refuses (``TypeError``) a record that is not an instance of its
    vocabulary's model of the record's kind, and a vocabulary that is not registered; repeated
    record ids are a pydantic ``ValidationError`` (a ``ValueError``)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)
    vocabulary: str
    inspection: Inspection
    records: tuple[Record, ...] = ()
    _origin: str = PrivateAttr(default="<bundle>")
    _places: dict[str, Location] = PrivateAttr(default_factory=dict)
    _locate: Callable[[], dict[str, Location]] | None = PrivateAttr(default=None)  # finds _places when first asked
    # The records by kind, made with the bundle (judging reads it for every bundle); kept with the
    # records it was made from, so that a copy with other records never reads a stale one.
    _index: tuple[tuple[Record, ...], dict[str, tuple[Record, ...]], frozenset[str]] | None = PrivateAttr(default=None)

    @property
    def origin(self) -> str:
        """The file the bundle was loaded from, for diagnostics; ``<bundle>`` when built in code."""
        private = self.__pydantic_private__  # not self._origin: batch judging reads it for every bundle
        assert private is not None
        return private["_origin"]  # type: ignore[no-any-return]

    def place(self, key: str) -> Location:
        """Where a top-level value (``vocabulary``, ``inspection.date``) was written, when known."""
        if key not in self._places and self._locate is not None:
            self._places, self._locate = self._locate(), None
        return self._places.get(key) or data_place(self._origin, key)

    @model_validator(mode="after")
    def _sorted_unique(self) -> Bundle:
        self._of_the_vocabulary()
        counted = Counter(r.id for r in self.records)  # linear: a bundle may hold 10,000 records
        duplicates = sorted(i for i, n in counted.items() if n > 1) if len(counted) < len(self.records) else []
        if duplicates:
            raise ValueError(f"record ids must be unique; repeated: {', '.join(duplicates)}")
        ordered = tuple(sorted(self.records, key=lambda r: r.id))
        object.__setattr__(self, "records", ordered)
        self._kind_index()  # made with the bundle, as a database makes its index with its table
        return self

    def _of_the_vocabulary(self) -> None:
        """Every record is an instance of its vocabulary's model of its kind, exactly: a record
        class that only looks like it (another Record subclass of the same kind) would reach the
        engines with fields they cannot read. A programming error, so a TypeError, raised as is
        (pydantic wraps only ValueError)."""
        if not self.records:
            return
        vocabulary = get_vocabulary(self.vocabulary)
        if vocabulary is None:
            raise TypeError(f"vocabulary {excerpt(self.vocabulary)} is not registered: register it "
                            "(judgment.evidence.register_vocabulary) before building a bundle of its records")
        models = vocabulary.models
        for record in self.records:
            if models.get(record.kind) is not type(record):
                raise TypeError(f"record {excerpt(record.id)} is a {type(record).__name__}, not vocabulary "
                                f"{vocabulary.id!r}'s model of {excerpt(record.kind)}: validate it with "
                                "that model (or load the bundle) first")

    def index_by_kind(self) -> dict[str, tuple[Record, ...]]:
        """The records of each kind the bundle holds, in id order."""
        return self._kind_index()[1]

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of record the bundle holds: what present() and missing() test."""
        return self._kind_index()[2]

    def _kind_index(self) -> tuple[tuple[Record, ...], dict[str, tuple[Record, ...]], frozenset[str]]:
        # Read from pydantic's store of private attributes: `self._index` costs 2 µs (__getattr__),
        # and judging reads this for every bundle.
        private = self.__pydantic_private__
        assert private is not None
        index = private["_index"]
        if index is None or index[0] is not self.records:
            groups: dict[str, list[Record]] = {}
            for record in self.records:
                groups.setdefault(record.kind, []).append(record)
            index = private["_index"] = (self.records, {k: tuple(v) for k, v in groups.items()}, frozenset(groups))
        return index  # type: ignore[no-any-return]

    def by_kind(self, kind: str) -> tuple[Record, ...]:
        return self.index_by_kind().get(kind, ())

    def record(self, record_id: str) -> Record:
        """The record with this id; :class:`~judgment.UnknownRecordError` (a ``KeyError``) if none."""
        for r in self.records:
            if r.id == record_id:
                return r
        raise unknown_id("record", record_id, (r.id for r in self.records), Location(self.origin),
                         UnknownRecordError)

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Bundle:
        """A copy; with `update`, validated like a new bundle (records sorted, checked), same origin."""
        if not update:
            return super().model_copy(deep=deep)
        fields = {"vocabulary": self.vocabulary, "inspection": self.inspection, "records": self.records}
        copy = Bundle.model_validate({**fields, **update})
        copy._origin, copy._places, copy._locate = self._origin, self._places, self._locate
        return copy

    def replace_records(self, records: Iterable[Record]) -> Bundle:
        """A copy of this bundle with other records (tests and what-ifs use this)."""
        copy = Bundle(vocabulary=self.vocabulary, inspection=self.inspection, records=tuple(records))
        copy._origin, copy._places, copy._locate = self._origin, self._places, self._locate
        return copy

    def to_data(self) -> dict[str, Any]:
        """Plain JSON-ready data, records sorted by id."""
        return {
            "vocabulary": self.vocabulary,
            "inspection": self.inspection.model_dump(mode="json", exclude_none=True),
            "records": [r.model_dump(mode="json", exclude_none=True) for r in self.records],
        }
