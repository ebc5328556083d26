"""Shared fixtures: the shipped rulebook, the Derbyshire bundle, and ways to vary it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import judgment
from judgment import Bundle, Rulebook

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "hmic-crime-2014"
DERBYSHIRE = ROOT / "examples" / "derbyshire-2014.yaml"

settings.register_profile("ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=5_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return judgment.load_rulebook(RULES)


@pytest.fixture(scope="session")
def derbyshire() -> Bundle:
    return judgment.load_bundle(DERBYSHIRE)


def vary(bundle: Bundle, record_id: str, **changes: Any) -> Bundle:
    """A copy of `bundle` in which one record has some fields changed, validated again.

    Nested figures may be given as dicts; they replace the whole field.
    """
    records = []
    for record in bundle.records:
        if record.id == record_id:
            data = record.model_dump(mode="json", exclude_none=True)
            data.update(changes)
            record = type(record).model_validate(data)
        records.append(record)
    if record_id not in {r.id for r in bundle.records}:
        raise KeyError(record_id)
    return bundle.replace_records(records)


def drop(bundle: Bundle, *record_ids: str) -> Bundle:
    """A copy of `bundle` without some records."""
    missing = set(record_ids) - {r.id for r in bundle.records}
    if missing:
        raise KeyError(sorted(missing))
    return bundle.replace_records(r for r in bundle.records if r.id not in record_ids)


def rules_fired(result: judgment.Judgment, question: str) -> set[str]:
    return {f.rule for f in result.question(question).findings}
