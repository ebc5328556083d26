"""Small sealed decision records for the audit log's tests: real judgments (the tutorial's tiny
rulebook, an inspection with no records, so a record is about 3 KB), made distinct by their
organisation, inspection date and timestamp, each resealed by build_record itself."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import judgment
from judgment._records._record import build_record, render_record

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "examples" / "rulebooks" / "tiny"
ORGANISATIONS = ("Derbyshire Constabulary", "Kent Police", "Dorset Police")


@functools.cache
def _judged(organisation: str, date: str) -> tuple[Any, Any, Any]:
    rulebook = judgment.load_rulebook(TINY)
    bundle = judgment.bundle_from_data({
        "vocabulary": "hmic-crime",
        "inspection": {"organisation": organisation, "date": date, "framework": "hmic-crime-2014",
                       "period": {"start": "2013-07-01", "end": "2014-06-30"}, "title": "Crime inspection"},
        "records": []})
    return judgment.judge(rulebook, bundle, any_date=True), rulebook, bundle


def record(number: int) -> dict[str, Any]:
    """The `number`th test record: one of three organisations, one of three dates, its own timestamp."""
    organisation = ORGANISATIONS[number % 3]
    date = f"2014-{10 + number % 3:02d}-01"
    result, rulebook, bundle = _judged(organisation, date)
    stamp = f"2026-01-01T{number // 3600 % 24:02d}:{number // 60 % 60:02d}:{number % 60:02d}+00:00"
    return build_record(result, rulebook, bundle, any_date=True, timestamp=stamp)


def write_record(folder: Path, number: int) -> Path:
    path = folder / f"record-{number}.json"
    path.write_text(render_record(record(number)), encoding="utf-8")
    return path
