"""One error root, in fact (issue 13, point 8): every public entry point raises a documented
JudgmentError subclass, or TypeError/ValueError for a programming error it documents."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Literal

import pytest

import judgment
from conftest import RULES
from judgment import Bundle
from judgment.evidence import Record

SHIPPED = judgment.load_rulebook(RULES)


@pytest.mark.parametrize("lookup", [
    lambda: SHIPPED.question("no_such_question"),
    lambda: SHIPPED.grade("no_such_grade"),
])
def test_an_unknown_id_in_a_rulebook_is_an_unknown_id_error(lookup: Callable[[], object]) -> None:
    with pytest.raises(judgment.UnknownIdError) as caught:
        lookup()
    assert isinstance(caught.value, judgment.JudgmentError) and isinstance(caught.value, KeyError)
    (problem,) = caught.value.diagnostics
    assert problem.code == "UNKNOWN_REFERENCE"
    assert "no_such" in problem.message and problem.hint is not None


def test_an_unknown_question_of_a_judgment_is_an_unknown_id_error(derbyshire: Bundle) -> None:
    result = judgment.judge(SHIPPED, derbyshire)
    with pytest.raises(judgment.UnknownIdError, match="UNKNOWN_REFERENCE") as caught:
        result.question("reducing_crim")
    assert "reducing_crime" in (caught.value.diagnostics[0].hint or "")  # did you mean


def test_an_unknown_record_of_a_bundle_is_an_unknown_record_error(derbyshire: Bundle) -> None:
    with pytest.raises(judgment.UnknownRecordError):
        derbyshire.record("no-such-record")
    assert issubclass(judgment.UnknownRecordError, judgment.UnknownIdError)


class LookAlike(Record):
    """A record class of the right kind that is not the vocabulary's model of it."""

    kind: Literal["victim_satisfaction"] = "victim_satisfaction"


def test_a_bundle_refuses_a_look_alike_record_class(derbyshire: Bundle) -> None:
    real = derbyshire.record("victim-satisfaction")
    fake = LookAlike.model_validate({"id": real.id, "kind": real.kind, "provenance": real.provenance.model_dump()})
    others = [r for r in derbyshire.records if r.id != real.id]
    with pytest.raises(TypeError, match="victim-satisfaction"):
        derbyshire.replace_records([*others, fake])
    with pytest.raises(TypeError, match="victim-satisfaction"):
        judgment.Bundle(vocabulary="hmic-crime", inspection=derbyshire.inspection, records=[fake])


def test_a_bundle_of_an_unregistered_vocabulary_with_records_is_refused(derbyshire: Bundle) -> None:
    with pytest.raises(TypeError, match="not registered"):
        judgment.Bundle(vocabulary="no-such-vocabulary", inspection=derbyshire.inspection,
                        records=derbyshire.records[:1])


def test_a_four_hundred_digit_literal_is_refused_where_it_is_written(tmp_path: Path, derbyshire: Bundle) -> None:
    """Once it became inf and `judge` raised the encoder's own EncodingError, aborting a batch."""
    header = (RULES / "rulebook.yaml").read_text(encoding="utf-8")
    (tmp_path / "rulebook.yaml").write_text(header, encoding="utf-8")
    grading = (RULES / "grading.yaml").read_text(encoding="utf-8")
    (tmp_path / "grading.yaml").write_text(grading, encoding="utf-8")
    rule = {"id": "huge", "question": "reducing_crime", "polarity": "strength", "text": "t", "cite": "c",
            "when": f"victim_satisfaction.rate.value < {'9' * 400}"}
    (tmp_path / "rules.yaml").write_text(json.dumps({"findings": [rule]}), encoding="utf-8")
    with pytest.raises(judgment.RuleFileError) as caught:
        judgment.load_rulebook(tmp_path)
    (problem,) = caught.value.diagnostics
    assert problem.code == "BAD_VALUE" and "out of range" in problem.message
    where = problem.location
    line = Path(where.path).read_text(encoding="utf-8").splitlines()[where.line - 1]
    assert line[where.column - 1:].startswith("9" * 400)
