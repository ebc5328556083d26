"""Bundles: an inspection plus its evidence records, loaded from YAML or JSON."""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, TypeAdapter, ValidationError, create_model, model_validator

from judgment._diagnostics import Diagnostic, Location, did_you_mean, excerpt
from judgment._errors import BundleError, InputFileError, UnknownRecordError, unknown_id
from judgment._pydantic_errors import diagnostics_from_validation
from judgment._vocabularies._hint import unknown_vocabulary_hint
from judgment._io._data_places import DataPositions, data_place
from judgment._io._versions import CURRENT_BUNDLE_FORMAT, bundle_format_problem
from judgment._io._json_shape import plain_json
from judgment._io._read import read_bounded
from judgment._io._yaml import MAX_FILE_BYTES, Document, LoadFailure, Positions, load_document
from judgment.evidence import Record, Vocabulary, get_vocabulary, vocabulary_ids
from judgment.evidence._base import EvidenceModel, unknown_fields

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
        ids = [r.id for r in self.records]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
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


def load_bundle(path: str | Path, vocabulary: Vocabulary | None = None) -> Bundle:
    """Load a bundle from a YAML or JSON file; raise :class:`BundleError` with located diagnostics."""
    source = Path(path)
    try:
        quick = _quick_json_bundle(source, str(path), vocabulary) if source.suffix.lower() == ".json" else None
        if quick is not None:
            return quick
        document = load_document(source, str(path), max_bytes=MAX_FILE_BYTES * 8)
    except LoadFailure as failure:
        kind = InputFileError if failure.diagnostic.code in ("FILE_NOT_FOUND", "NOT_A_FILE") else BundleError
        raise kind([failure.diagnostic]) from None
    bundle = bundle_from_data(document.data, document.positions, vocabulary)
    bundle._origin = str(path)
    bundle._places = _places(document)
    return bundle


def _quick_json_bundle(source: Path, name: str, vocabulary: Vocabulary | None) -> Bundle | None:
    """A valid JSON bundle, validated by pydantic straight from its bytes; None to read it again the
    located way, so that every problem is reported where it is written. Positions are found only
    if a diagnostic about the bundle asks for one."""
    bundle = typed_json_bundle(read_bounded(source, name, MAX_FILE_BYTES * 8), vocabulary)
    if bundle is not None:
        bundle._origin = name
        bundle._locate = _Locator(source, name)
    return bundle


def typed_json_bundle(raw: bytes, vocabulary: Vocabulary | None = None) -> Bundle | None:
    """The bundle these JSON bytes hold when they are valid and the located reader would read them
    alike (``_io._json_shape``); None otherwise, never a bundle the located reader refuses."""
    vocab = vocabulary or _named_vocabulary(raw)
    if vocab is None or not plain_json(raw):
        return None
    try:
        typed = _typed_reader(vocab).validate_json(raw)
        if typed.vocabulary != vocab.id or bundle_format_problem({"format": typed.format}, _NOWHERE):
            return None
        return Bundle(vocabulary=vocab.id, inspection=typed.inspection, records=tuple(typed.records))
    except ValidationError:
        return None


_NOWHERE = DataPositions("<bundle>")
_VOCABULARY = re.compile(rb'"vocabulary"[ \t\r\n]*:[ \t\r\n]*"([^"\\]*)"')


def _named_vocabulary(raw: bytes) -> Vocabulary | None:
    """The vocabulary the bytes seem to name; the typed reading then proves it is the top-level one."""
    found = _VOCABULARY.search(raw)
    return get_vocabulary(found.group(1).decode("utf-8", "replace")) if found else None


_TYPED_READERS: weakref.WeakKeyDictionary[Vocabulary, TypeAdapter[Any]] = weakref.WeakKeyDictionary()


def _typed_reader(vocab: Vocabulary) -> TypeAdapter[Any]:
    """A model of a whole bundle of `vocab`: its records a union tagged by kind, every key known."""
    reader = _TYPED_READERS.get(vocab)
    if reader is None:
        models = tuple(vocab.models[k] for k in vocab.kinds)
        record = Annotated[Union[models], Field(discriminator="kind")]  # type: ignore[valid-type]
        reader = _TYPED_READERS[vocab] = TypeAdapter(create_model(
            "TypedBundle", __config__=ConfigDict(extra="forbid", strict=True),
            format=(str, CURRENT_BUNDLE_FORMAT), vocabulary=(str, ...), inspection=(Inspection, ...),
            records=(list[record], Field(default_factory=list, max_length=MAX_RECORDS))))
    return reader


@dataclass(frozen=True)
class _Locator:
    """Finds where a bundle file said what diagnostics point at, when one first asks (picklable)."""

    source: Path
    name: str

    def __call__(self) -> dict[str, Location]:
        try:
            return _places(load_document(self.source, self.name, max_bytes=MAX_FILE_BYTES * 8))
        except LoadFailure:  # the file changed or went since: the file name alone, then
            return {}


def _places(document: Document) -> dict[str, Location]:
    return {"vocabulary": document.positions.of_value(("vocabulary",)),
            "inspection.date": document.positions.of_value(("inspection", "date"))}


#: What a bundle file may hold at its top; `format` is read, then forgotten (never in to_data()).
_TOP_KEYS = ("format", "vocabulary", "inspection", "records")


def bundle_from_data(data: Any, positions: Positions | None = None,
                     vocabulary: Vocabulary | None = None) -> Bundle:
    """Validate plain data as a bundle; every problem is reported, none is skipped, but for a bundle
    of a format this judgment cannot read: that is its one problem (_io._versions)."""
    where = positions or DataPositions("<bundle>")
    problems: list[Diagnostic] = []
    if not isinstance(data, Mapping):
        raise BundleError([Diagnostic("WRONG_TYPE", "a bundle must be a mapping with 'inspection' and 'records'",
                                      where.of_value(()))])
    unreadable = bundle_format_problem(data, where)
    if unreadable is not None:
        raise BundleError([unreadable])
    vocab = _vocabulary_of(data, where, problems, vocabulary)
    unknown = sorted(set(data) - set(_TOP_KEYS))
    for key in unknown:
        problems.append(Diagnostic("UNKNOWN_KEY", f"unknown key {excerpt(key)} in bundle", where.of_key((key,)),
                                   hint=did_you_mean(key, _TOP_KEYS)))
    inspection = _inspection(data, where, problems)
    records = _records(data.get("records"), vocab, where, problems) if vocab else []
    if problems:
        raise BundleError(problems)
    assert inspection is not None and vocab is not None
    return Bundle(vocabulary=vocab.id, inspection=inspection, records=tuple(records))


def _vocabulary_of(data: Mapping[str, Any], where: Positions, problems: list[Diagnostic],
                   expected: Vocabulary | None) -> Vocabulary | None:
    """The vocabulary the bundle names; when a rulebook expects one, they must be the same."""
    name = data.get("vocabulary")
    if not isinstance(name, str):
        problems.append(Diagnostic("MISSING_KEY", "the bundle must name its evidence vocabulary",
                                   where.of_value(()), hint="add 'vocabulary: hmic-crime' at the top"))
        return None
    if expected is not None and name != expected.id:
        problems.append(Diagnostic("UNKNOWN_VOCABULARY", f"the bundle uses vocabulary {excerpt(name)}, but the rulebook "
                                   f"reads {excerpt(expected.id)}", where.of_value(("vocabulary",)),
                                   hint=did_you_mean(name, [expected.id])))
        return None
    vocab = get_vocabulary(name)
    if vocab is None:
        problems.append(Diagnostic("UNKNOWN_VOCABULARY", f"no evidence vocabulary is registered as {excerpt(name)}",
                                   where.of_value(("vocabulary",)), hint=unknown_vocabulary_hint(name, vocabulary_ids())))
    return vocab


def _inspection(data: Mapping[str, Any], where: Positions, problems: list[Diagnostic]) -> Inspection | None:
    if "inspection" not in data:
        problems.append(Diagnostic("MISSING_KEY", "the bundle has no 'inspection'", where.of_value(())))
        return None
    raw = data["inspection"]
    if isinstance(raw, Mapping) and "force" in raw:
        raw = _renamed_force(raw, where, problems)
    try:
        return Inspection.model_validate(raw)
    except ValidationError as exc:
        problems.extend(diagnostics_from_validation(exc, ("inspection",), where, "inspection: ", model=Inspection))
        return None


def _renamed_force(raw: Mapping[str, Any], where: Positions, problems: list[Diagnostic]) -> dict[str, Any]:
    """`inspection.force` was the key before judgment served any inspectorate: say so at the key, then
    read the rest as if it said `organisation`, so that its other problems are reported too."""
    problems.append(Diagnostic("UNKNOWN_KEY", "inspection: 'force' is no longer a key; the inspected body is "
                               "'organisation', whatever the inspectorate", where.of_key(("inspection", "force")),
                               hint="rename 'force:' to 'organisation:' (the value stays as it is)"))
    if "organisation" in raw:  # both: the old key is the one problem
        return {k: v for k, v in raw.items() if k != "force"}
    return {("organisation" if k == "force" else k): v for k, v in raw.items()}


def _records(raw: Any, vocab: Vocabulary, where: Positions, problems: list[Diagnostic]) -> list[Record]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(Diagnostic("WRONG_TYPE", "'records' must be a list", where.of_value(("records",))))
        return []
    if len(raw) > MAX_RECORDS:
        problems.append(Diagnostic("FILE_TOO_LARGE", f"{len(raw):,} records; the limit is {MAX_RECORDS:,}",
                                   where.of_value(("records",))))
        return []
    records: list[Record] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        record = _record(item, index, vocab, where, problems)
        if record is None:
            continue
        if record.id in seen:
            problems.append(Diagnostic("DUPLICATE_ID", f"record id {excerpt(record.id)} is used twice",
                                       where.of_value(("records", index, "id")),
                                       hint=f"the first use is record {seen[record.id] + 1}"))
            continue
        seen[record.id] = index
        records.append(record)
    return records


def _record(item: Any, index: int, vocab: Vocabulary, where: Positions, problems: list[Diagnostic]) -> Record | None:
    key: tuple[str | int, ...] = ("records", index)
    if not isinstance(item, Mapping):
        problems.append(Diagnostic("WRONG_TYPE", "a record must be a mapping", where.of_value(key)))
        return None
    kind = item.get("kind")
    model = vocab.models.get(kind) if isinstance(kind, str) else None
    if model is None:
        problems.append(Diagnostic("UNKNOWN_KIND", f"unknown evidence kind {excerpt(kind)} in vocabulary {excerpt(vocab.id)}",
                                   where.of_value((*key, "kind")), hint=did_you_mean(str(kind), vocab.kinds)))
        return None
    label = f"record {excerpt(item.get('id'))}: " if isinstance(item.get("id"), str) else f"record {index + 1}: "
    item, misnamed = _field_provenance_named(item, model, key, where, label)
    problems.extend(misnamed)
    try:
        record = model.model_validate(item)
    except ValidationError as exc:
        problems.extend(diagnostics_from_validation(exc, key, where, label, model=model))
        return None
    return None if misnamed else record


def _field_provenance_named(item: Mapping[str, Any], model: type[Record], key: tuple[str | int, ...],
                            where: Positions, label: str) -> tuple[Mapping[str, Any], list[Diagnostic]]:
    """Provenance per field must name fields of the record's kind: each other name is reported
    where it is written, and left out so that the rest of the record is still checked."""
    provenance = item.get("provenance")
    fields = provenance.get("fields") if isinstance(provenance, Mapping) else None
    if not isinstance(fields, Mapping):
        return item, []
    assert isinstance(provenance, Mapping)
    wrong = unknown_fields(model, fields)
    if not wrong:
        return item, []
    known = [n for n in model.model_fields if n not in ("id", "kind", "provenance")]
    found = [Diagnostic("UNKNOWN_FIELD", label + message.split("; did you mean")[0],
                        where.of_key((*key, "provenance", "fields", name)), hint=did_you_mean(name, known))
             for name, message in wrong]
    kept = {n: v for n, v in fields.items() if n not in {name for name, _ in wrong}}
    return {**item, "provenance": {**provenance, "fields": kept}}, found


def bundle_json_schema(vocabulary: Vocabulary) -> dict[str, Any]:
    """The JSON Schema of a bundle whose records come from `vocabulary`."""
    models: Sequence[type[Record]] = [vocabulary.models[k] for k in vocabulary.kinds]
    record_union = Annotated[Union[tuple(models)], Field(discriminator="kind")]  # type: ignore[valid-type]
    schema_model = create_model(
        "Bundle",
        __config__=ConfigDict(extra="forbid"),
        format=(str, Field(default=CURRENT_BUNDLE_FORMAT, json_schema_extra={"const": CURRENT_BUNDLE_FORMAT},
                           description="the bundle format; absent means judgment.bundle/1")),
        vocabulary=(str, Field(json_schema_extra={"const": vocabulary.id})),
        inspection=(Inspection, ...),
        records=(list[record_union], Field(default_factory=list)),  # type: ignore[valid-type]
    )
    return schema_model.model_json_schema()
