"""Partial evidence can be recorded (issue 16, point 5).

A summary often states one fact about a subject ("supervision is lacking") without the companions its
record used to require, so the fact could not be written without inventing values. Assessed fields of
the hmic-crime vocabulary are optional; what identifies a record and a figure's own value stay required.
A finding's text must read well when an optional field it mentions is absent.
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

import judgment
from judgment import Bundle, Rulebook
from judgment.evidence import hmic_crime

PROVENANCE = {"document": "A force's 2014 PEEL page", "section": "Investigation",
              "quote": "Supervision of investigations is lacking."}


@pytest.mark.parametrize(("kind", "fields"), [
    ("investigation_quality", {"supervision": "weak"}),
    ("domestic_abuse", {"progress": "limited"}),
    ("tactics_and_powers", {"effectiveness": "good"}),
    ("offender_management", {"offenders_managed": 120}),
    ("neighbourhood_policing", {"commitment": "good"}),
    ("learning_from_experience", {"area": "investigation", "sharing_good_practice": "limited"}),
    ("strategic_assessment", {"effectiveness": "mixed"}),
])
def test_one_stated_fact_is_a_record(kind: str, fields: dict[str, Any]) -> None:
    model = hmic_crime.VOCABULARY.models[kind]
    record = model.model_validate({"id": "r1", "kind": kind, "provenance": PROVENANCE, **fields})
    assert all(getattr(record, name) is not None for name in fields)


@pytest.mark.parametrize(("kind", "missing"), [
    ("crime_rate", {"category": "victim_based_crime", "period": "12 months to March 2014"}),
    ("partnership_working", {"strength": "good"}),
    ("learning_from_experience", {"evaluation_of_tactics": "limited"}),
])
def test_what_identifies_a_record_or_a_figure_stays_required(kind: str, missing: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        hmic_crime.VOCABULARY.models[kind].model_validate({"id": "r1", "kind": kind, "provenance": PROVENANCE, **missing})


def _offenders(derbyshire: Bundle, **fields: Any) -> Bundle:
    records = []
    for record in derbyshire.records:
        if record.kind == "offender_management":
            record = record.model_copy(update=fields)
        records.append(record)
    return derbyshire.replace_records(records)


def _text(rulebook: Rulebook, bundle: Bundle, rule: str) -> str:
    found = [f for q in judgment.judge(rulebook, bundle).questions for f in q.findings if f.rule == rule]
    assert len(found) == 1, found
    return found[0].text


def test_a_finding_reads_well_without_an_optional_count(rulebook: Rulebook, derbyshire: Bundle) -> None:
    text = _text(rulebook, _offenders(derbyshire, offenders_managed=None), "prolific_offenders_managed")
    assert "unknown" not in text and "not in the evidence" not in text, text
    assert text == ("Integrated offender management with partners is strong; "
                    "an unstated number of offenders are managed through it."), text


def test_the_same_finding_gives_the_count_when_stated(rulebook: Rulebook, derbyshire: Bundle) -> None:
    text = _text(rulebook, derbyshire, "prolific_offenders_managed")
    assert text == "Integrated offender management with partners is strong; 502 offenders are managed through it."
