"""The sentence behind each fact a finding read: per-field provenance, traced through the rule.

A record may gather facts stated in several places of a report; a finding that read one field is
explained by that field's own sentence, not by whatever the record says in general."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar, cast

from judgment._judgment import EvidenceUsed, Finding, Source, built
from judgment._lang import _ast as ast
from judgment._rulebook._model import Condition
from judgment.evidence import Record

T = TypeVar("T")
R = TypeVar("R")

# By identity, not equality: hashing a condition hashes its whole syntax tree, for every finding.
_STATIC: dict[tuple[str, int], tuple[object, object]] = {}


def static(purpose: str, of: T, compute: Callable[[T], R]) -> R:
    """``compute(of)``, made once for each object of a rulebook (a condition, its rules) that
    putting a judgment into words reads again for every bundle. The cache holds the object (at
    most 4,096 of them, then starts again), so an id is never taken for another's."""
    known = _STATIC.get((purpose, id(of)))
    if known is not None and known[0] is of:
        return cast(R, known[1])
    if len(_STATIC) > 4096:
        _STATIC.clear()
    found = compute(of)
    _STATIC[(purpose, id(of))] = (of, found)
    return found


def fields_read(condition: Condition) -> tuple[tuple[str, str], ...]:
    """(variable, field) for each field of a bound record the condition reads, in source order.

    Static: a field the condition names is read whatever the evidence (``a or b`` reads both)."""
    return static("fields read", condition, _fields_read)


def _fields_read(condition: Condition) -> tuple[tuple[str, str], ...]:
    names = {name for name, _ in condition.variables}
    found: dict[tuple[str, str], None] = {}
    for node in ast.walk(condition.node):
        if isinstance(node, ast.Path) and len(node.parts) > 1 and node.parts[0] in names:
            found.setdefault((node.parts[0], node.parts[1]), None)
    return tuple(found)


def sources(condition: Condition, bindings: Mapping[str, Record], rested_on: Iterable[Finding]) -> tuple[Source, ...]:
    """The provenance of each field read, then those of the findings this one rests on; each once."""
    made: dict[tuple[str, str], Source] = {}
    for variable, field in fields_read(condition):
        record = bindings.get(variable)
        if record is not None:
            made.setdefault((record.id, field), source(record, field))
    for finding in rested_on:
        for found in finding.sources:
            made.setdefault((found.record, found.field), found)
    return tuple(made.values())


def source(record: Record, field: str) -> Source:
    behind = record.provenance.of(field)
    return built(Source, record=record.id, field=field, own=field in (record.provenance.fields or {}),
                  document=behind.document, section=behind.section, quote=behind.quote, page=behind.page)


def quotes(records: Iterable[Record], findings: Iterable[Finding]) -> tuple[EvidenceUsed, ...]:
    """Each record's own quote, and each field quote a finding read, sorted by record then field."""
    kinds = {}
    used: dict[tuple[str, str], EvidenceUsed] = {}
    for record in records:
        kinds[record.id] = record.kind
        p = record.provenance
        used[(record.id, "")] = built(EvidenceUsed, id=record.id, kind=record.kind, document=p.document,
                                              section=p.section, quote=p.quote, page=p.page)
    for finding in findings:
        for s in finding.sources:
            if s.own and s.record in kinds:
                used.setdefault((s.record, s.field), built(EvidenceUsed,
                    id=s.record, kind=kinds[s.record], document=s.document, section=s.section, quote=s.quote,
                    field=s.field, page=s.page))
    return tuple(used[key] for key in sorted(used))
