"""The example bundle quotes its source report verbatim, and the source copy is the seed's."""

from __future__ import annotations

import re
from pathlib import Path

from judgment._bundle import load_bundle

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "examples" / "derbyshire-2014.yaml"
REPORT_NAME = "hmic-crime-inspection-2014-derbyshire.md"
REPORT = ROOT / "examples" / "sources" / REPORT_NAME
SEED = ROOT.parent / "shared" / "seed"

EXPECTED_RECORDS = 25
#: Fields whose value their record's quote does not state, given their own sentence (issue 14, point 5).
EXPECTED_FIELD_QUOTES = 12

_TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalise(text: str) -> str:
    """Collapse whitespace, straighten typographic quotes and drop ``**`` emphasis markers."""
    text = text.translate(_TYPOGRAPHIC).replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_is_verbatim_from_the_report() -> None:
    bundle = load_bundle(BUNDLE)
    report = normalise(REPORT.read_text(encoding="utf-8"))
    quotes = [(r.id, r.provenance.quote) for r in bundle.records]
    quotes += [(f"{r.id}.{name}", own.quote) for r in bundle.records
               for name, own in (r.provenance.fields or {}).items()]
    quotes.append(("inspection.summary", bundle.inspection.summary or "missing"))
    missing = [(where, quote) for where, quote in quotes if normalise(quote) not in report]
    assert not missing, "quotes not found in the report:\n" + "\n".join(
        f"  {record_id}: {quote!r}" for record_id, quote in missing)


def test_bundle_has_the_expected_records() -> None:
    bundle = load_bundle(BUNDLE)
    ids = [r.id for r in bundle.records]
    assert len(ids) == EXPECTED_RECORDS, f"expected {EXPECTED_RECORDS} records, found {len(ids)}"
    assert len(set(ids)) == len(ids), f"repeated ids: {sorted({i for i in ids if ids.count(i) > 1})}"


def test_source_report_matches_the_seed() -> None:
    assert REPORT.is_file(), f"missing source report {REPORT}"
    copy = REPORT.read_bytes()
    assert copy, f"source report {REPORT} is empty"
    if SEED.is_dir():
        seed = SEED / REPORT_NAME
        assert seed.is_file(), f"the seed directory {SEED} has no {REPORT_NAME}"
        assert copy == seed.read_bytes(), f"{REPORT} differs from {seed}"


def test_field_quotes_are_transcribed_and_read_from_their_sections() -> None:
    bundle = load_bundle(BUNDLE)
    owned = [(r.id, name, own) for r in bundle.records for name, own in (r.provenance.fields or {}).items()]
    assert len(owned) == EXPECTED_FIELD_QUOTES, [f"{i}.{n}" for i, n, _ in owned]
    headings = {normalise(line.lstrip("#")) for line in REPORT.read_text(encoding="utf-8").splitlines()
                if line.startswith("#")}
    for record_id, name, own in owned:
        section = own.section or bundle.record(record_id).provenance.section
        assert {normalise(part) for part in section.split(" > ")} <= headings, f"{record_id}.{name}: {section}"
