"""For a missing record the why-not names the missing evidence, by kind (issue 15, point 7): the
rules that could not fire for want of it, not only the findings that were made."""

from __future__ import annotations

import judgment
from conftest import ROOT
from judgment import Bundle

TINY = ROOT / "examples" / "rulebooks" / "tiny"


def test_a_count_that_fails_for_want_of_a_record_names_the_kind(derbyshire: Bundle) -> None:
    rulebook = judgment.load_rulebook(TINY)
    bundle = derbyshire.replace_records(r for r in derbyshire.records if r.kind != "victim_satisfaction")
    better = judgment.judge(rulebook, bundle).question("supporting_victims").why_not.better
    assert better is not None and better.grade == "outstanding"
    (failure,) = better.criteria[0].failed
    assert failure.startswith("count(strength) >= 2 does not hold: 0 against 2"), failure
    assert "no victim_satisfaction record" in failure, failure
    assert "satisfaction_above_national" in failure and "contracts_with_high_satisfaction" in failure, failure


def test_with_every_record_present_nothing_is_said_to_be_missing(derbyshire: Bundle) -> None:
    rulebook = judgment.load_rulebook(TINY)
    for question in judgment.judge(rulebook, derbyshire).questions:
        for analysis in (question.why_not.better, question.why_not.worse):
            for criterion in analysis.criteria if analysis else ():
                assert not any(" record" in failure for failure in criterion.failed), criterion.failed
