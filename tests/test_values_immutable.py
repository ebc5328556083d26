"""Results are values (issue 13, point 6): judgments, findings and figures are immutable in fact,
not only at the top level; equal values hash alike; the JSON they make is unchanged."""

from __future__ import annotations

import copy
import pickle

import pytest

import judgment
from judgment import Bundle, Rulebook
from judgment.evidence import Measure


@pytest.fixture(scope="module")
def judged(rulebook: Rulebook, derbyshire: Bundle) -> judgment.Judgment:
    return judgment.judge(rulebook, derbyshire)


def a_finding(judged: judgment.Judgment) -> judgment.Finding:
    return next(f for q in judged.questions for f in q.findings if f.bindings)


def test_finding_bindings_cannot_be_edited(judged: judgment.Judgment) -> None:
    finding = a_finding(judged)
    name = next(iter(finding.bindings))
    with pytest.raises(TypeError):
        finding.bindings[name] = "another-record"  # type: ignore[index]


def test_judgment_inspection_cannot_be_edited_at_any_depth(judged: judgment.Judgment) -> None:
    before = judged.to_json()
    with pytest.raises(TypeError):
        judged.inspection["organisation"] = "Elsewhere"  # type: ignore[index]
    nested = [v for v in judged.inspection.values() if hasattr(v, "keys")]
    assert nested, "the inspection holds its period as a mapping"
    with pytest.raises(TypeError):
        nested[0]["start"] = "1900-01-01"
    assert judged.to_json() == before


def test_measure_comparators_cannot_be_edited() -> None:
    figure = Measure.model_validate({"value": 30.0, "unit": "percent", "comparators": {"national": {"value": 20.0}}})
    with pytest.raises(TypeError):
        figure.comparators["national"] = figure  # type: ignore[index]
    with pytest.raises((TypeError, AttributeError)):
        figure.comparators.pop("national")  # type: ignore[attr-defined]


def test_equal_values_hash_alike(rulebook: Rulebook, derbyshire: Bundle, judged: judgment.Judgment) -> None:
    again = judgment.judge(rulebook, derbyshire)
    assert again == judged and hash(again) == hash(judged)
    assert hash(a_finding(again)) == hash(a_finding(judged))
    first = Measure.model_validate({"value": 1.0, "unit": "count", "comparators": {"a": {"value": 2.0}}})
    second = Measure.model_validate({"value": 1.0, "unit": "count", "comparators": {"a": {"value": 2.0}}})
    assert first == second and hash(first) == hash(second) and len({first, second}) == 1
    assert {record for record in derbyshire.records}, "every record, figures and all, is hashable"


def test_values_survive_copy_pickle_and_rebuilding(judged: judgment.Judgment) -> None:
    assert pickle.loads(pickle.dumps(judged)) == judged
    assert copy.deepcopy(judged) == judged
    rebuilt = judgment.Judgment.model_validate(judged.to_data())
    assert rebuilt == judged and rebuilt.to_json() == judged.to_json()
    figure = Measure.model_validate({"value": 1.0, "unit": "count", "comparators": {"a": {"value": 2.0}}})
    assert Measure(value=1.0, unit="count", comparators=figure.comparators) == figure


def test_the_json_of_a_value_is_plain(judged: judgment.Judgment) -> None:
    data = judged.to_data()
    assert type(data["inspection"]) is dict
    assert all(type(f["bindings"]) is dict for q in data["questions"] for f in q["findings"])


def test_an_edited_copy_is_validated_and_frozen_like_any_value(judged: judgment.Judgment,
                                                              derbyshire: Bundle) -> None:
    """pydantic's model_copy(update=...) skips validation: a dict given to it would stay a mutable
    dict inside a "frozen" value, and a wrong type would pass. Copies are validated instead."""
    finding = a_finding(judged)
    copied = finding.model_copy(update={"bindings": {"x": "some-record"}})
    with pytest.raises(TypeError):
        copied.bindings["x"] = "another"  # type: ignore[index]
    assert hash(copied) == hash(finding.model_copy(update={"bindings": {"x": "some-record"}}))
    figure = next(r for r in derbyshire.records if r.kind == "victim_satisfaction").rate  # type: ignore[attr-defined]
    edited = figure.model_copy(update={"comparators": {"national": {"value": 1.0, "unit": "percent"}}})
    with pytest.raises(TypeError):
        edited.comparators["national"] = figure  # type: ignore[index]
    assert edited.comparators["national"].value == 1.0
    with pytest.raises(ValueError):
        figure.model_copy(update={"value": "88.0"})  # strict, as evidence read from a file is
    assert figure.model_copy() == figure


def test_a_bundle_copied_with_other_records_is_checked_and_sorted(derbyshire: Bundle) -> None:
    records = tuple(reversed(derbyshire.records))
    copied = derbyshire.model_copy(update={"records": records})
    assert [r.id for r in copied.records] == sorted(r.id for r in records)
    with pytest.raises(ValueError):
        derbyshire.model_copy(update={"records": records + records[:1]})  # an id twice
