"""The sentences behind a finding, as every renderer lists them: one line per quote, naming the
fields it stands for, so an auditor sees which sentence states which fact."""

from __future__ import annotations

from dataclasses import dataclass

from judgment._judgment import Finding, Judgment


@dataclass(frozen=True)
class Quoted:
    """One quote behind a finding: the record, the fields it is the provenance of, where it is."""

    record: str
    fields: tuple[str, ...]
    section: str
    quote: str

    @property
    def label(self) -> str:
        """``neighbourhood-policing.asb_recording``, or the record alone when no field was read."""
        return f"{self.record}.{', '.join(self.fields)}" if self.fields else self.record


def quoted(finding: Finding, records: dict[str, tuple[str, str]]) -> list[Quoted]:
    """The finding's field sources, fields sharing one quote together; then, for each record it
    rests on whose fields it did not read (``present(kind)``), the record's own quote from
    `records` (id -> (section, quote))."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for source in finding.sources:
        groups.setdefault((source.record, source.section, source.quote), []).append(source.field)
    found = [Quoted(record, tuple(fields), section, quote) for (record, section, quote), fields in groups.items()]
    read = {source.record for source in finding.sources}
    for record_id in finding.evidence:
        if record_id not in read and record_id in records:
            section, quote = records[record_id]
            found.append(Quoted(record_id, (), section, quote))
    return found


def records_quoted(judgment: Judgment) -> dict[str, tuple[str, str]]:
    """Each record's own section and quote (the quotes that name no field)."""
    return {e.id: (e.section, e.quote) for e in judgment.quotes if e.field is None}
