"""Names inside the engines cannot collide, and a vocabulary cannot declare names the engines read
two ways (issue 13, point 4): engine property names are an injective image of field paths;
comparators named like a figure's own parts and enumerations that are not strings are refused
when the vocabulary is made; and both engines agree on vocabularies other than hmic-crime."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _engines import DURABLE

if not DURABLE:  # these are tests of durable_rules itself
    pytest.skip("durable_rules does not import on this Python: the compiled engine is the engine of record",
                allow_module_level=True)

import judgment
from judgment._durable._engine import DurableEngine
from judgment._durable._names import field_path, property_name
from judgment.evidence import Comparators, Measure, Record, Vocabulary, register_vocabulary

_IDS = itertools.count()


def rulebook_for(vocabulary: str, conditions: dict[str, str]) -> judgment.Rulebook:
    """A one-question rulebook with one finding rule per condition, in a folder of its own."""
    root = Path(tempfile.mkdtemp(prefix="names-")) / "rules"
    root.mkdir()
    (root / "rulebook.yaml").write_text(json.dumps({
        "rulebook": {"id": "names", "title": "Names", "version": "1.0.0", "valid_from": "2000-01-01",
                     "vocabulary": vocabulary, "framework": {"title": "t", "citation": "c"}},
        "scale": [{"id": "good", "label": "Good"}, {"id": "inadequate", "label": "Inadequate"}],
        "polarities": [{"id": "plus", "label": "Plus", "sense": "positive"}],
        "questions": [{"id": "q", "title": "Q"}],
        "overall": {"title": "O", "method": "worst"}}), encoding="utf-8")
    rules = [{"id": rule, "question": "q", "polarity": "plus", "when": when, "text": "t", "cite": "c"}
             for rule, when in conditions.items()]
    (root / "rules.yaml").write_text(json.dumps({"findings": rules, "grading": [
        {"questions": ["q"], "criteria": [{"grade": "good", "otherwise": True}]}]}), encoding="utf-8")
    return judgment.load_rulebook(root)


def bundle_for(vocabulary: str, *records: Record) -> judgment.Bundle:
    inspection = judgment.Inspection(organisation="F", framework="x", date=dt.date(2014, 11, 1),
                                     period=judgment.Period(start=dt.date(2014, 1, 1), end=dt.date(2014, 6, 30)))
    return judgment.Bundle(vocabulary=vocabulary, inspection=inspection, records=records)


def made(rulebook: judgment.Rulebook, bundle: judgment.Bundle) -> set[str]:
    judged = DurableEngine(rulebook).judge(bundle)  # cross-checked: raises EngineDisagreementError otherwise
    return {f.rule for q in judged.questions for f in q.findings}


PROVENANCE = {"document": "d", "section": "s", "quote": "q"}


# --- the mapping ----------------------------------------------------------------------------------------

PART = st.from_regex(r"[a-z_][a-z0-9_]{0,6}", fullmatch=True)


@given(st.lists(PART, min_size=1, max_size=3), st.lists(PART, min_size=1, max_size=3))
def test_property_names_are_injective(first: list[str], second: list[str]) -> None:
    if first != second:
        assert property_name(tuple(first)) != property_name(tuple(second))
    assert field_path(property_name(tuple(first))) == tuple(first)


def test_the_two_paths_of_the_report_no_longer_share_a_name() -> None:
    assert property_name(("rate", "national", "value")) != property_name(("rate__national", "value"))


class Split(Record):
    kind: Literal["split"]
    rate: Annotated[Measure, Comparators("national")]
    rate__national: Measure


register_vocabulary(Vocabulary("test-names-split", "a field named like a path", [Split]))


@pytest.mark.parametrize(("outer", "inner", "expected"), [
    (60.0, 10.0, {"outer"}), (10.0, 60.0, {"inner"}), (60.0, 60.0, {"outer", "inner"}), (10.0, 10.0, set())])
def test_a_field_named_like_a_path_is_judged_apart_from_the_path(outer: float, inner: float,
                                                                  expected: set[str]) -> None:
    rulebook = rulebook_for("test-names-split", {"outer": "split.rate.national.value > 50",
                                                 "inner": "split.rate__national.value > 50"})
    record = Split.model_validate({
        "id": "s1", "kind": "split", "provenance": PROVENANCE,
        "rate": {"value": 1.0, "unit": "count", "comparators": {"national": {"value": outer}}},
        "rate__national": {"value": inner, "unit": "count"}})
    assert made(rulebook, bundle_for("test-names-split", record)) == expected


# --- names a vocabulary may not declare ------------------------------------------------------------------

@pytest.mark.parametrize("reserved", ["value", "lower", "upper"])
def test_a_comparator_named_like_a_part_of_a_figure_is_refused(reserved: str) -> None:
    class Clash(Record):
        kind: Literal["clash"]
        rate: Annotated[Measure, Comparators("national", reserved)]

    with pytest.raises(ValueError) as caught:
        Vocabulary(f"test-names-clash-{reserved}", "a comparator named like a part", [Clash])
    message = str(caught.value)
    assert "Clash.rate" in message and repr(reserved) in message and "reserved" in message


@pytest.mark.parametrize("bad", ["national-rate", "2014", "", "with space"])
def test_a_comparator_that_rules_cannot_name_is_refused(bad: str) -> None:
    class Unnameable(Record):
        kind: Literal["unnameable"]
        rate: Annotated[Measure, Comparators(bad)]

    with pytest.raises(ValueError, match="Unnameable.rate"):
        Vocabulary("test-names-unnameable", "a comparator no rule can name", [Unnameable])


def test_an_enumeration_of_integers_is_refused() -> None:
    class Level(Enum):
        LOW = 1
        HIGH = 2

    class Leveled(Record):
        kind: Literal["leveled"]
        level: Level

    with pytest.raises(TypeError) as caught:
        Vocabulary("test-names-int-enum", "an enumeration of integers", [Leveled])
    assert "Leveled.level" in str(caught.value) and "string" in str(caught.value)


def test_an_enumeration_of_strings_is_accepted_and_judged_alike() -> None:
    class Colour(str, Enum):
        RED = "red"
        BLUE = "1"

    class Coloured(Record):
        kind: Literal["coloured"]
        colour: Colour

    register_vocabulary(Vocabulary("test-names-str-enum", "an enumeration of strings", [Coloured]))
    rulebook = rulebook_for("test-names-str-enum", {"blue": "coloured.colour == '1'"})
    blue = Coloured.model_validate({"id": "c", "kind": "coloured", "provenance": PROVENANCE, "colour": "1"},
                                   strict=False)
    assert made(rulebook, bundle_for("test-names-str-enum", blue)) == {"blue"}


# --- differential: generated vocabularies -----------------------------------------------------------------

NAME = st.from_regex(r"[a-z][a-z0-9]{0,3}(__?[a-z0-9]{1,3}){0,2}", fullmatch=True)


@st.composite
def vocabularies(draw: st.DrawFn) -> tuple[type[Record], list[tuple[str, ...]]]:
    """A record kind with figures whose field and comparator names are built from underscores, and
    every path a rule can read from it."""
    fields = draw(st.lists(NAME, min_size=1, max_size=4, unique=True))
    annotations: dict[str, object] = {"kind": Literal["gen"]}
    paths: list[tuple[str, ...]] = []
    for name in fields:
        comparators = draw(st.lists(NAME, max_size=3, unique=True))
        annotations[name] = Annotated[Measure, Comparators(*comparators)]
        paths += [(name, "value"), *((name, c, "value") for c in comparators)]
    model = type("Gen", (Record,), {"__annotations__": annotations, "__module__": __name__})
    return model, paths


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(vocabularies(), st.data())
def test_engines_agree_on_generated_vocabularies(made_vocabulary: tuple[type[Record], list[tuple[str, ...]]],
                                                 data: st.DataObject) -> None:
    model, paths = made_vocabulary
    vocabulary_id = f"test-names-gen-{next(_IDS)}"
    register_vocabulary(Vocabulary(vocabulary_id, "generated", [model]))
    values = {path: data.draw(st.sampled_from([10.0, 60.0])) for path in paths}
    record: dict[str, object] = {"id": "g", "kind": "gen", "provenance": PROVENANCE}
    for name in {path[0] for path in paths}:
        record[name] = {"value": values[(name, "value")], "unit": "count",
                        "comparators": {p[1]: {"value": values[p]} for p in paths if len(p) == 3 and p[0] == name}}
    conditions = {f"r{i}": "gen." + ".".join(path) + " > 50" for i, path in enumerate(paths)}
    expected = {f"r{i}" for i, path in enumerate(paths) if values[path] > 50}
    rulebook = rulebook_for(vocabulary_id, conditions)
    assert made(rulebook, bundle_for(vocabulary_id, model.model_validate(record))) == expected
