"""The located reader: plain data (from YAML or JSON, with positions) validated as a bundle, every
problem reported where it is written."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from judgment._bundle._model import MAX_RECORDS, Bundle, Inspection
from judgment._diagnostics import Diagnostic, did_you_mean, excerpt
from judgment._errors import BundleError
from judgment._io._data_places import DataPositions
from judgment._io._versions import bundle_format_problem
from judgment._io._yaml import Positions
from judgment._pydantic_errors import diagnostics_from_validation
from judgment._vocabularies._hint import unknown_vocabulary_hint
from judgment.evidence import Record, Vocabulary, get_vocabulary, vocabulary_ids
from judgment.evidence._base import unknown_fields


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
